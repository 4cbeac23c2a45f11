"""SQLite-only behaviour: migration 0002 back-fill, batch(), near-duplicate groups, views in UTC."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from zixun.model import Article
from zixun.store.migrations import MIGRATIONS
from zixun.store.sqlite import SQLiteStore


def art(i: int, title: str, body: str = "", tags: list[str] | None = None) -> Article:
    return Article(url=f"https://news.example.cn/{i}", title=title, paragraphs=[body] if body else [],
                   tags=tags or [], content_hash=f"c{i}")


def test_migration_0002_backfills_search_and_groups(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    name, sql, _pg = MIGRATIONS[0]
    db.executescript(sql)
    db.execute("INSERT INTO migrations VALUES (?, '2024-01-01')", (name,))
    for i, title in enumerate(["北京大学举办春季招聘会", "北京大学举办春季招聘会！"], 1):
        data = json.dumps(art(i, title, "应届毕业生岗位八千个。").to_dict(), ensure_ascii=False)
        db.execute("INSERT INTO articles (id, key, url, content_hash, title, data, created_at, updated_at)"
                   " VALUES (?,?,?,?,?,?,'t','t')", (i, f"k{i}", f"u{i}", f"c{i}", title, data))
    db.commit()
    db.close()
    with SQLiteStore(path) as st:
        assert {h.id for h in st.search("京大")} == {1, 2}
        assert {r.id: r.group for r in st.index_rows("")} == {1: 1, 2: 1}
        assert not st.migrate()


def test_batch_commits_once_and_rolls_back_whole(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "b.db")) as st:
        with st.batch():
            for i in range(5):
                st.upsert(art(i, f"第{i}条测试新闻标题"))
        assert st.count() == 5
        with pytest.raises(RuntimeError), st.batch():
            st.upsert(art(9, "不会留下的新闻"))
            raise RuntimeError("boom")
        assert st.count() == 5 and st.search("留下") == []


def test_update_reindexes_search_and_group(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "u.db")) as st:
        _, a = st.upsert(art(1, "春茶开采 茶农抢抓农时"))
        st.related_index()
        st.upsert(Article(url="https://news.example.cn/1", title="秋茶上市 价格平稳", content_hash="c1b"))
        assert st.search("春茶") == [] and [h.id for h in st.search("秋茶")] == [a]
        row = st.related_index().row(a)
        assert row is not None and row.title == "秋茶上市 价格平稳"


def test_views_in_utc_and_coviews(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "v.db")) as st:
        ids = [st.upsert(art(i, f"新闻标题第{i}号"))[1] for i in range(3)]
        cst = timezone(timedelta(hours=8))
        st.record_view(ids[0], "r1", datetime(2024, 3, 1, 8, 0, tzinfo=cst))
        st.record_view(ids[1], "r1", datetime(2024, 3, 1, 1, 0, tzinfo=UTC))
        st.record_view(ids[1], "r2", datetime(2024, 3, 1, 2, 0))
        assert st.views()[0][2] == datetime(2024, 3, 1, 0, 0, tzinfo=UTC)
        assert st.viewed_by("r1") == {ids[0], ids[1]}
        assert st.coviews(ids[0]) == [(ids[1], 1)]
        assert st.coviews(ids[0], since=datetime(2024, 3, 1, 0, 30, tzinfo=UTC)) == []


def test_coviews_count_readers_once_and_sample_the_most_recent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Repeat views do not inflate co-read; a popular page is read from its most recent readers."""
    with SQLiteStore(str(tmp_path / "c.db")) as st:
        ids = [st.upsert(art(i, f"新闻标题第{i}号"))[1] for i in range(4)]
        t0 = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
        for k in range(5):  # r1 reloads both pages again and again
            st.record_view(ids[0], "r1", t0 + timedelta(minutes=k))
            st.record_view(ids[1], "r1", t0 + timedelta(minutes=k, seconds=30))
        st.record_view(ids[0], "r2", t0 + timedelta(hours=1))
        st.record_view(ids[2], "r2", t0 + timedelta(hours=1, minutes=1))
        st.record_view(ids[0], "r3", t0 + timedelta(hours=2))
        st.record_view(ids[2], "r3", t0 + timedelta(hours=2, minutes=1))
        st.record_view(ids[3], "r3", t0 + timedelta(hours=2, minutes=2))
        assert st.coviews(ids[0]) == [(ids[2], 2), (ids[1], 1), (ids[3], 1)]
        monkeypatch.setattr("zixun.store.sqlite.COREAD_READERS", 1)
        assert st.coviews(ids[0]) == [(ids[2], 1), (ids[3], 1)]  # r3 only: the most recent reader


def test_migration_0006_fills_the_headline_index_from_the_search_index(tmp_path: Path) -> None:
    path = str(tmp_path / "pre6.db")
    with SQLiteStore(path) as st:
        st.upsert(art(1, "春茶开采 茶农抢抓农时", "山区茶园一派繁忙景象。", ["春茶"]))
        st.upsert(art(2, "山区茶园迎来采摘旺季", "春茶陆续上市，春茶销路好，春茶价格稳。"))
    db = sqlite3.connect(path)  # the database as a zixun before 0006 left it
    db.executescript("DROP TABLE heads_fts; DROP INDEX articles_id_published;"
                     " DELETE FROM migrations WHERE name = '0006_headline_search';")
    db.close()
    with SQLiteStore(path) as st:
        assert st.db.execute("SELECT COUNT(*) FROM heads_fts").fetchone()[0] == 2
        assert [h.id for h in st.search("春茶")] == [1, 2]  # the headline first, then the body-only story
        assert not st.migrate()
