"""Batch ingest: every input kind, re-ingest updates instead of duplicating, bad input never stops a batch."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from tests.conftest import ARTICLE_PARAS, make_html
from zixun import api
from zixun.store import open_store


def _page(n: int) -> str:
    paras = list(ARTICLE_PARAS)
    paras[1] = f"第{n}条：" + paras[1]
    return make_html(title=f"江城地铁新闻第{n}条 线路建设进展顺利", paras=paras)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "pages"
    (d / "sub").mkdir(parents=True)
    (d / "a.html").write_bytes(_page(1).encode("gbk"))
    (d / "sub" / "b.html").write_text(_page(2), encoding="utf-8")
    (d / "c.html.gz").write_bytes(gzip.compress(_page(3).encode("utf-8")))
    feed = [
        {"url": "https://news.example.cn/2024/0401/x1.html", "html": _page(4)},
        {"title": "滨海新区启动春季植树活动", "text": "4月1日，滨海新区组织志愿者在海滨公园种下3000棵树苗。\n活动持续一周。",
         "published": "2024-04-01T09:00:00+08:00", "source": "滨海日报"},
    ]
    (d / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in feed) + "\n", encoding="utf-8")
    return d


def test_ingest_all_kinds_then_reingest_updates_not_duplicates(corpus: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'z.db'}"
    report = api.ingest([str(corpus)], db=db)
    assert report.failed == []
    assert report.stored == 5
    with open_store(db) as st:
        assert st.count() == 5
        rows = st.list(limit=10)
        tree = [a for _, a in rows if a.title == "滨海新区启动春季植树活动"][0]
        assert tree.published.at == "2024-04-01T09:00:00+08:00" and tree.published.source == "given"
        assert tree.byline.outlet == "滨海日报"
    again = api.ingest([str(corpus)], db=db)
    assert again.stored == 0 and again.unchanged == 5
    (corpus / "sub" / "b.html").write_text(_page(2).replace("线路建设进展顺利", "线路建设提速"), encoding="utf-8")
    third = api.ingest([str(corpus / "sub")], db=db)
    with open_store(db) as st:
        assert st.count() in (5, 6)  # a page with no URL is identified by its content
    assert third.failed == []


def test_bad_inputs_are_reported_and_batch_goes_on(corpus: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'z.db'}"
    api.ingest([str(corpus / "a.html")], db=db)
    with open_store(db) as st:
        before = [(i, a.to_dict()) for i, a in st.list(limit=50)]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (bad / "empty.html").write_bytes(b"")
    (bad / "broken.jsonl").write_text('{"url": "u", "html": "<p>x</p>"\nnot json\n', encoding="utf-8")
    (bad / "trunc.html.gz").write_bytes(gzip.compress(_page(9).encode())[:40])
    (bad / "good.html").write_text(_page(7), encoding="utf-8")
    report = api.ingest([str(bad), str(tmp_path / "missing-dir")], db=db)
    reasons = sorted(r for _, r, _ in report.failed)
    assert report.stored == 1
    assert "binary" in reasons and "empty" in reasons and "bad-json" in reasons and "unreadable" in reasons
    messages = " ".join(m for _, _, m in report.failed)
    assert "image.html" in messages and "missing-dir" in messages and "trunc.html.gz" in messages
    with open_store(db) as st:
        after = {i: a.to_dict() for i, a in st.list(limit=50)}
    for i, d in before:
        assert after[i] == d


def test_oversized_page_is_skipped_with_the_setting_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZIXUN_MAX_PAGE_BYTES", "2000")
    (tmp_path / "big.html").write_text(_page(1) * 3, encoding="utf-8")
    report = api.ingest([str(tmp_path / "big.html")], db=f"sqlite:///{tmp_path / 'z.db'}")
    assert [r for _, r, _ in report.failed] == ["too-large"]
    assert "ZIXUN_MAX_PAGE_BYTES" in report.failed[0][2]
