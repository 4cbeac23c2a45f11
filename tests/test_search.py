"""Search: two-character words, substrings of longer words, traditional script, hostile input, filters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from zixun import api
from zixun.errors import ConfigError
from zixun.model import Article, Byline, Published
from zixun.search import MARK_CLOSE, MARK_OPEN, fts_query, query_tokens, snippet_html, to_simplified
from zixun.store.sqlite import SQLiteStore

DOCS = [
    ("北京大学举办春季招聘会", "三百余家用人单位进校，为应届毕业生提供岗位八千个。", ["招聘", "毕业生"], "教育",
     "华夏日报", "2024-03-01T09:00:00+08:00"),
    ("臺灣高鐵公布新票價", "高鐵公司表示，新票價將於下月起實施，學生票維持不變。", ["高铁"], "社会",
     "海峡时报", "2024-02-10T09:00:00+08:00"),
    ("江城开通首条无人驾驶公交线路", "线路全长十二公里，沿途设站十五个，试运营期间免费乘坐。", ["公交", "无人驾驶"], "科技",
     "江城晚报", "2024-03-10T09:00:00+08:00"),
    ("春茶开采 茶农抢抓农时", "连日来，山区茶园一派繁忙景象，茶农们趁着晴好天气采摘新茶。", ["春茶"], "农业",
     "华夏日报", "2023-04-02T09:00:00+08:00"),
    ("春茶价格平稳 名优茶受青睐", "今年春茶上市量增加，价格总体平稳。", ["春茶", "价格"], "财经",
     "商报", "2024-04-02T09:00:00+08:00"),
]


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    st = SQLiteStore(str(tmp_path / "s.db"))
    for i, (title, body, tags, cat, outlet, at) in enumerate(DOCS):
        st.upsert(Article(url=f"https://news.example.cn/{i}", title=title, paragraphs=[body], tags=tags,
                          category=cat, byline=Byline(outlet=outlet), published=Published(at=at),
                          content_hash=f"s{i}"))
    yield st
    st.close()


def titles(hits: list[api.SearchHit]) -> list[str]:
    return [h.article.title for h in hits]


def test_two_character_words(store: SQLiteStore) -> None:
    assert titles(api.search("北京", store=store)) == ["北京大学举办春季招聘会"]
    assert titles(api.search("公交", store=store)) == ["江城开通首条无人驾驶公交线路"]
    assert titles(api.search("茶农", store=store)) == ["春茶开采 茶农抢抓农时"]


def test_substring_inside_longer_word(store: SQLiteStore) -> None:
    assert titles(api.search("京大", store=store)) == ["北京大学举办春季招聘会"]
    assert titles(api.search("驾驶", store=store)) == ["江城开通首条无人驾驶公交线路"]
    assert titles(api.search("应届", store=store)) == ["北京大学举办春季招聘会"]


def test_traditional_query_matches_simplified_text_and_back(store: SQLiteStore) -> None:
    assert titles(api.search("北京大學", store=store)) == ["北京大学举办春季招聘会"]
    assert titles(api.search("無人駕駛", store=store)) == ["江城开通首条无人驾驶公交线路"]
    assert titles(api.search("台湾高铁", store=store)) == ["臺灣高鐵公布新票價"]
    assert to_simplified("臺灣高鐵票價") == "台湾高铁票价"


def test_fold_agrees_with_a_full_conversion_of_a_taiwan_story() -> None:
    """The one-for-one fold gives what OpenCC's phrase-aware conversion gives on a Taiwan-style
    story, characters the first hand-written table lacked (紓, 筏) included, and keeps the length."""
    import opencc

    trad = ("行政院今天通過紓困特別條例修正草案，針對受颱風重創的農漁民發放補助。農委會表示，漁港設施與養殖魚塭"
            "損失慘重，將優先撥款修復堤防與漁筏。責任編輯：林淑芬")
    folded = to_simplified(trad)
    assert len(folded) == len(trad)
    assert folded == opencc.OpenCC("t2s").convert(trad)
    assert "纾困" in folded and "责任编辑" in folded


def test_snippet_highlights_the_text_the_reader_sees(store: SQLiteStore) -> None:
    hit = api.search("票价", store=store)[0]
    assert MARK_OPEN + "票價" + MARK_CLOSE in hit.snippet
    assert "<mark>票價</mark>" in snippet_html(hit.snippet)
    hit = api.search("毕业生", store=store)[0]
    assert MARK_OPEN + "毕业生" + MARK_CLOSE in hit.snippet


@pytest.mark.parametrize(
    "query",
    ['"', '""', "'; DROP TABLE articles; --", "北京 AND OR NOT", "NEAR(北京 大学)", "title:北京", "北京*",
     "^春茶", "(((", "{title}: 春茶", "春茶" * 500, "x" * 10_000, "\x00\x01", "", "   ", "。，！", "😀春茶"],
)
def test_hostile_queries_never_break(store: SQLiteStore, query: str) -> None:
    hits = api.search(query, store=store)
    assert isinstance(hits, list)
    assert len(query_tokens(query)) <= 12
    assert store.count() == len(DOCS)


def test_operators_are_plain_words(store: SQLiteStore) -> None:
    assert titles(api.search("北京 OR 春茶", store=store)) == []
    assert fts_query("北京*").count('"') % 2 == 0


def test_headline_matches_rank_first_and_newer_before_older(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    docs = [  # (title, body, days old): the newest story names 春茶 only in its body, five times
        ("山区茶园迎来采摘旺季", "春茶陆续上市。春茶采摘期间，茶农忙个不停。春茶品质好，春茶销路也好，春茶价格稳。", 1),
        ("春茶上市 价格平稳", "今年茶叶产量与去年持平。", 300),
        ("春茶开采 茶农忙碌", "山区茶园一派繁忙景象。", 2),
    ]
    with SQLiteStore(str(tmp_path / "r.db")) as st:
        for i, (title, body, days) in enumerate(docs):
            at = (now - timedelta(days=days)).isoformat(timespec="seconds")
            st.upsert(Article(url=f"https://news.example.cn/r{i}", title=title, paragraphs=[body],
                              published=Published(at=at), content_hash=f"r{i}"))
        assert titles(api.search("春茶", store=st)) == ["春茶开采 茶农忙碌", "春茶上市 价格平稳", "山区茶园迎来采摘旺季"]


def test_filters(store: SQLiteStore) -> None:
    assert titles(api.search("春茶", store=store, category="农业")) == ["春茶开采 茶农抢抓农时"]
    assert titles(api.search("春茶", store=store, since="2024-01-01")) == ["春茶价格平稳 名优茶受青睐"]
    assert titles(api.search("春茶", store=store, until="2023-04-02")) == ["春茶开采 茶农抢抓农时"]
    assert titles(api.search("春茶", store=store, tag="价格")) == ["春茶价格平稳 名优茶受青睐"]
    assert titles(api.search("春茶", store=store, outlet="华夏日报")) == ["春茶开采 茶农抢抓农时"]
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        api.search("春茶", store=store, since="last week")
    with pytest.raises(ConfigError, match="unknown search filter"):
        api.search("春茶", store=store, channel="农业")


def test_title_word_outranks_body_repeats_and_substrings_fill_the_page(tmp_path: Path) -> None:
    """A one-word query ranks whole-word hits with the title weight; substring-only hits come after."""
    st = SQLiteStore(str(tmp_path / "r.db"))
    try:
        body_heavy = "园区里芯片设计、芯片封装和芯片测试企业扎堆，芯片人才需求旺盛，芯片产值逐年上升。"
        rows = [
            ("高新区产业观察", [body_heavy]),
            ("国产芯片企业发布新品", ["新品面向手机市场，预计下半年量产。"]),
            ("微电子展开幕", ["展会上，多家企业展示了最新的光芯片样品。"]),
        ]
        for i, (title, paras) in enumerate(rows):
            st.upsert(Article(url=f"https://news.example.cn/r{i}", title=title, paragraphs=paras,
                              published=Published(at="2024-05-01T09:00:00+08:00"), content_hash=f"r{i}"))
        got = titles(api.search("芯片", store=st))
        assert got[0] == "国产芯片企业发布新品"
        assert set(got) == {t for t, _ in rows}  # 光芯片 is found as a substring too
        assert titles(api.search("芯片", store=st, limit=1)) == ["国产芯片企业发布新品"]
    finally:
        st.close()
