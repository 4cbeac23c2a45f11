"""One contract, two backends: every Store behaves the same on SQLite and on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.pgserver import throwaway_postgres
from zixun.errors import NotFound
from zixun.model import Article, Byline, Published
from zixun.store import Store, open_store


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    try:
        with throwaway_postgres() as url:
            yield url
    except (FileNotFoundError, OSError) as exc:
        pytest.skip(f"PostgreSQL server not available ({exc})")


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        st = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    else:
        url = request.getfixturevalue("pg_url")
        st = open_store(url)
        st.db.execute("TRUNCATE articles, article_tags, views, dup_bands, article_groups RESTART IDENTITY")  # type: ignore[attr-defined]
    yield st
    st.close()


def art(n: int, *, url: str | None = None, title: str | None = None, day: int = 1, tags: list[str] | None = None,
        outlet: str = "华夏日报", body: str | None = None) -> Article:
    a = Article(
        url=url,
        title=title or f"第{n}条 滨江新区开通两条公交线路",
        byline=Byline(outlet=outlet, reporters=["林晓舟"]),
        published=Published(at=f"2024-03-{day:02d}T09:00:00+08:00", precision="minute", source="meta"),
        summary="滨江新区新开通两条公交线路。",
        paragraphs=[body or f"第{n}条消息：滨江新区今天开通两条公交线路，方便市民出行。", "线路覆盖学校和医院。"],
        tags=tags or ["公交", "滨江新区"],
        category="社会",
    )
    a.content_hash = f"h{n}-{hash(a.paragraphs[0]) & 0xffff}"
    return a


def test_upsert_identity_and_roundtrip(store: Store) -> None:
    a = art(1, url="https://news.example.cn/a/1.html")
    outcome, i = store.upsert(a)
    assert outcome == "stored"
    assert store.get(i).to_dict() == a.to_dict()
    assert store.upsert(a) == ("unchanged", i)
    a.summary = "更新后的核心提示。"
    assert store.upsert(a) == ("updated", i)
    assert store.get(i).summary == "更新后的核心提示。"
    assert store.count() == 1
    assert store.find_id("https://news.example.cn/a/1.html") == i
    no_url = art(2)
    _, j = store.upsert(no_url)
    assert store.upsert(no_url) == ("unchanged", j) and store.count() == 2


def test_missing_id_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="zixun list"):
        store.get(12345)


def test_list_newest_first_and_filters(store: Store) -> None:
    for n, day, outlet, tags in ((1, 1, "华夏日报", ["公交"]), (2, 5, "滨海晚报", ["地铁"]), (3, 3, "华夏日报", ["地铁"])):
        store.upsert(art(n, url=f"https://x.cn/{n}", day=day, outlet=outlet, tags=tags))
    assert [a.published.at[:10] for _, a in store.list()] == ["2024-03-05", "2024-03-03", "2024-03-01"]
    assert [a.url for _, a in store.list(tag="地铁")] == ["https://x.cn/2", "https://x.cn/3"]
    assert [a.url for _, a in store.list(outlet="华夏日报", limit=1)] == ["https://x.cn/3"]
    assert len(store.list(limit=1, offset=2)) == 1
    assert dict(store.tag_counts())["地铁"] == 2


def test_search_two_character_words_and_hostile_input(store: Store) -> None:
    store.upsert(art(1, url="https://x.cn/1", title="江城地铁12号线全线贯通", body="江城地铁12号线最后一段隧道今天贯通。"))
    store.upsert(art(2, url="https://x.cn/2", title="滨海新区春季植树", body="志愿者在海滨公园种下三千棵树苗。"))
    hits = store.search("地铁")
    assert [h.article.url for h in hits] == ["https://x.cn/1"]
    assert store.search("树苗")[0].article.url == "https://x.cn/2"
    for hostile in ['"', "地铁 OR 1=1", "NEAR(地铁", "'; DROP TABLE articles; --", "地铁" * 500, "*", "()"]:
        store.search(hostile)
    assert store.count() == 2


def test_views_roundtrip(store: Store) -> None:
    _, i = store.upsert(art(1, url="https://x.cn/1"))
    now = datetime.now(UTC)
    store.record_view(i, "reader-a", now - timedelta(days=3))
    store.record_view(i, "reader-b", now)
    assert len(store.views()) == 2
    recent = store.views(since=now - timedelta(days=1))
    assert [(a, r) for a, r, _ in recent] == [(i, "reader-b")]


def test_search_folds_script_and_finds_substrings(store: Store) -> None:
    store.upsert(art(1, url="https://x.cn/1", title="台湾高铁新增班次", body="台湾高铁公司宣布暑期新增班次，方便旅客出行。"))
    store.upsert(art(2, url="https://x.cn/2", title="北京大学开学典礼举行", body="北京大学今天举行开学典礼。"))
    assert [h.article.url for h in store.search("臺灣高鐵")] == ["https://x.cn/1"]
    assert [h.article.url for h in store.search("京大")] == ["https://x.cn/2"]
    assert [h.article.url for h in store.search("100%_")] == []


def test_undated_articles_list_after_dated_ones(store: Store) -> None:
    undated = art(9, url="https://x.cn/undated")
    undated.published = Published()
    store.upsert(undated)
    store.upsert(art(1, url="https://x.cn/1", day=2))
    assert [a.url for _, a in store.list()] == ["https://x.cn/1", "https://x.cn/undated"]


def test_reader_history_coviews_and_trending_agree(store: Store) -> None:
    """viewed_by, co-read and trending give the same answers on both backends, whatever offset
    a view time was recorded in (windows compare UTC times)."""
    ids = [store.upsert(art(n, url=f"https://x.cn/{n}"))[1] for n in range(1, 5)]
    now = datetime.now(UTC)
    cst = timezone(timedelta(hours=8))
    for k in range(3):  # reader-a reloads both pages; repeats count once for co-read
        store.record_view(ids[0], "reader-a", (now - timedelta(hours=5, minutes=k)).astimezone(cst))
        store.record_view(ids[1], "reader-a", now - timedelta(hours=4, minutes=k))
    store.record_view(ids[0], "reader-b", now - timedelta(hours=2))
    store.record_view(ids[2], "reader-b", (now - timedelta(hours=1)).astimezone(timezone(timedelta(hours=-5))))
    store.record_view(ids[3], "reader-c", now - timedelta(days=40))
    assert store.viewed_by("reader-a") == {ids[0], ids[1]}
    assert store.coviews(ids[0]) == [(ids[1], 1), (ids[2], 1)]
    assert store.coviews(ids[0], since=now - timedelta(minutes=90)) == []  # reader-b read ids[0] 2 h ago
    assert store.coviews(ids[2], since=now - timedelta(hours=3)) == [(ids[0], 1)]
    scores = store.trending_scores(24.0, now, horizon=timedelta(days=7))
    assert set(scores) == {ids[0], ids[1], ids[2]}  # the 40-day-old view is past the horizon
    expect = 3 * 0.5 ** (5.0 / 24) + 0.5 ** (2.0 / 24)  # three views ~5 h old, one 2 h old
    assert abs(scores[ids[0]] - expect) < 0.01


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_related_index_catches_up_with_another_connection(backend: str, tmp_path: Path, request: pytest.FixtureRequest,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A site's related index sees what a batch ingest in another process stores (within a second)."""
    import time
    from types import SimpleNamespace

    from zixun.store import base

    url = f"sqlite:///{tmp_path / 'r.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    with open_store(url) as site, open_store(url) as batch:
        if backend == "postgres":
            site.db.execute("TRUNCATE articles, article_tags, views, dup_bands, article_groups RESTART IDENTITY")  # type: ignore[attr-defined]
        _, first = site.upsert(art(1, url="https://x.cn/1", tags=["地铁"]))
        assert first in site.related_index()
        _, new = batch.upsert(art(2, url="https://x.cn/2", title="地铁新线开通 市民尝鲜", tags=["地铁", "新线"]))
        later = time.monotonic() + base.CATCH_UP_SECONDS
        monkeypatch.setattr(base, "time", SimpleNamespace(monotonic=lambda: later))
        index = site.related_index()
        assert new in index and first in index
        row = index.row(new)
        assert row is not None and row.tags == ["地铁", "新线"]


def test_search_ranks_headline_matches_above_body_only_ones(store: Store) -> None:
    body_only = art(1, title="山区茶园迎来采摘旺季", day=9, tags=["茶园"],
                    body="春茶陆续上市。春茶采摘期间，茶农忙个不停。春茶品质好，春茶销路也好，春茶价格稳。")
    headline = art(2, title="春茶开采 茶农忙碌", day=2, tags=["茶叶"], body="山区茶园一派繁忙景象。")
    tagged = art(3, title="山区茶农忙碌", day=1, tags=["春茶"], body="今年茶叶产量与去年持平。")
    ids = {store.upsert(a)[1]: a.title for a in (body_only, headline, tagged)}
    ranked = [ids[h.id] for h in store.search("春茶")]
    assert ranked[-1] == "山区茶园迎来采摘旺季" and set(ranked) == set(ids.values())


def test_postgres_migration_0006_fills_headline_words_of_stored_rows(pg_url: str) -> None:
    with open_store(pg_url) as st:
        st.db.execute("TRUNCATE articles, article_tags, views, dup_bands, article_groups RESTART IDENTITY")  # type: ignore[attr-defined]
        st.upsert(art(1, title="山区茶园迎来采摘旺季", body="春茶陆续上市，春茶销路好，春茶价格稳。"))
        st.upsert(art(2, title="春茶开采 茶农忙碌", body="山区茶园一派繁忙景象。"))
        st.db.execute("ALTER TABLE articles DROP COLUMN heads")  # type: ignore[attr-defined]
        st.db.execute("DELETE FROM migrations WHERE name = '0006_headline_search'")  # type: ignore[attr-defined]
    with open_store(pg_url) as st:
        assert [h.article.title for h in st.search("春茶")] == ["春茶开采 茶农忙碌", "山区茶园迎来采摘旺季"]
        assert not st.migrate()


SYNDICATED = "江城地铁12号线最后一段盾构隧道今天在汉江南岸贯通，这条环线全长59.9公里，共设车站37座，计划年底前开通试运营。"


def test_near_duplicates_share_a_group_on_both_backends(store: Store) -> None:
    """One story syndicated by two outlets is one group; an unrelated story is its own; a page
    updated into another story leaves the group."""
    _, a = store.upsert(art(1, title="江城地铁12号线全线贯通 年底前开通试运营", body=SYNDICATED, outlet="华夏日报"))
    _, b = store.upsert(art(2, url="https://wb.example.cn/2.html", title="江城地铁12号线全线贯通，年底前将开通试运营",
                            body=SYNDICATED, outlet="江城晚报"))
    _, c = store.upsert(art(3, title="山区茶园迎来采摘旺季", body="春茶陆续上市，茶农忙着采摘，收购价格比去年略高。"))
    groups = {r.id: r.group for r in store.index_rows("")}
    assert groups[a] == groups[b] == a and groups[c] == c
    assert store.upsert(art(2, url="https://wb.example.cn/2.html", title="滨江公园樱花进入盛花期",
                            body="滨江公园的樱花今天进入盛花期，市民纷纷前来赏花拍照。")) == ("updated", b)
    assert {r.id: r.group for r in store.index_rows("")}[b] == b


def test_postgres_migration_0007_groups_rows_stored_before(pg_url: str) -> None:
    with open_store(pg_url) as st:
        st.db.execute("TRUNCATE articles, article_tags, views, dup_bands, article_groups RESTART IDENTITY")  # type: ignore[attr-defined]
        st.upsert(art(1, title="江城地铁12号线全线贯通 年底前开通试运营", body=SYNDICATED))
        st.upsert(art(2, title="江城地铁12号线全线贯通，年底前将开通试运营", body=SYNDICATED, outlet="江城晚报"))
        st.db.execute("TRUNCATE dup_bands, article_groups")  # type: ignore[attr-defined]
        st.db.execute("DROP INDEX article_groups_group")  # type: ignore[attr-defined]
        st.db.execute("DELETE FROM migrations WHERE name = '0007_group_members'")  # type: ignore[attr-defined]
    with open_store(pg_url) as st:
        assert {r.id: r.group for r in st.index_rows("")} == {1: 1, 2: 1}
        assert not st.migrate()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_migration_0008_refolds_traditional_text_stored_before(backend: str, tmp_path: Path,
                                                                request: pytest.FixtureRequest) -> None:
    """Rows indexed with the old, smaller traditional table (編輯 left unfolded) are found by a
    simplified query (编辑) once the store reopens; a query in traditional script as well."""
    url = f"sqlite:///{tmp_path / 'f.db'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    trad = art(1, url="https://tw.example/1", title="市府新聞處編輯部遷址", body="新聞處編輯部今天起遷往市政大樓辦公。",
               tags=["新聞處"])
    with open_store(url) as st:
        db = st.db  # type: ignore[attr-defined]
        if backend == "postgres":
            db.execute("TRUNCATE articles, article_tags, views, dup_bands, article_groups RESTART IDENTITY")
        _, i = st.upsert(trad)
        st.upsert(art(2, url="https://x.cn/2", title="北京大学开学典礼举行", body="北京大学今天举行开学典礼。"))
        assert [h.article.url for h in st.search("编辑部")] == ["https://tw.example/1"]
        raw = (trad.title, trad.text)  # what an index that did not fold 編輯 holds
        if backend == "sqlite":
            db.execute("UPDATE search_fts SET title=?, body=?, tags='', grams='' WHERE rowid=?", (*raw, i))
            db.execute("UPDATE heads_fts SET title=?, tags='' WHERE rowid=?", (raw[0], i))
            db.execute("DELETE FROM migrations WHERE name = '0008_refold_traditional'")
            db.commit()
        else:
            db.execute("UPDATE articles SET fts = to_tsvector('simple', %s), heads = to_tsvector('simple', %s),"
                       " folded = %s WHERE id = %s", (raw[0] + " " + raw[1], raw[0], raw[0] + raw[1], i))
            db.execute("DELETE FROM migrations WHERE name = '0008_refold_traditional'")
        assert st.search("编辑部") == []
    with open_store(url) as st:
        assert [h.article.url for h in st.search("编辑部")] == ["https://tw.example/1"]
        assert [h.article.url for h in st.search("編輯部")] == ["https://tw.example/1"]
        assert not st.migrate()
