"""大家还在看: each blend rule on a small temporary SQLite store of headlines written for zixun."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from zixun import api
from zixun.model import Article, Byline, Published
from zixun.recommend.blend import BlendConfig
from zixun.recommend.neardup import band_keys, is_near_dup, match_text
from zixun.store.sqlite import SQLiteStore

NOW = datetime(2024, 3, 20, 12, 0, tzinfo=UTC)

HEADLINES = [
    ("江城地铁12号线全线贯通 年底前开通试运营", "社会", ["地铁", "江城"]),
    ("江城地铁5号线二期开工 预计三年后通车", "社会", ["地铁", "江城"]),
    ("江城地铁票价调整听证会下月举行", "社会", ["地铁", "票价"]),
    ("湖畔队主场逆转夺得联赛三连胜", "体育", ["联赛", "湖畔队"]),
    ("湖畔队主教练谈联赛下半程目标", "体育", ["联赛", "湖畔队"]),
    ("新款国产芯片发布 算力提升一倍", "科技", ["芯片", "算力"]),
    ("国产芯片企业一季度营收增长三成", "财经", ["芯片", "营收"]),
    ("春茶上市 山区茶农忙采摘", "农业", ["春茶", "茶农"]),
    ("高校毕业生就业服务月启动", "教育", ["就业", "高校"]),
    ("江城地铁夜间延时运营试点启动", "社会", ["地铁", "江城"]),
]
BODY = "记者从有关部门获悉，{t}。相关负责人表示，将做好各项保障工作，方便市民出行与生活。"


def make(i: int, title: str, category: str | None, tags: list[str], *, outlet: str = "华夏日报") -> Article:
    return Article(
        url=f"https://news.example.cn/a/{i}.html",
        title=title,
        paragraphs=[BODY.format(t=title)],
        tags=tags,
        category=category,
        byline=Byline(outlet=outlet),
        published=Published(at=(NOW - timedelta(hours=i)).isoformat()),
        content_hash=f"h{i}",
    )


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    st = SQLiteStore(str(tmp_path / "r.db"))
    for i, (t, c, tags) in enumerate(HEADLINES):
        st.upsert(make(i, t, c, tags))
    yield st
    st.close()


def test_related_first_never_self_and_reasons(store: SQLiteStore) -> None:
    items = api.related(1, store=store, k=5, now=NOW)
    assert items and all(r.id != 1 for r in items)
    assert items[0].reason == "related" and "地铁" in items[0].title
    assert {r.reason for r in items} <= {"related", "coread", "trending", "fresh"}
    assert all(r.url and r.title for r in items)


def test_near_duplicates_grouped_at_ingest_and_never_listed_twice(store: SQLiteStore) -> None:
    # the same story syndicated by two more outlets, headline lightly edited
    _, a = store.upsert(make(20, "江城地铁12号线全线贯通，年底前开通试运营", "社会", ["地铁"], outlet="江城晚报"))
    _, b = store.upsert(make(21, "江城地铁12号线全线贯通 年底前将开通试运营", "社会", ["地铁"], outlet="长江网"))
    rows = {r.id: r for r in store.index_rows("")}
    assert rows[a].group == rows[b].group == 1
    for source in (2, 3, 10):
        ids = [r.id for r in api.related(source, store=store, k=10, now=NOW)]
        assert len({1, a, b} & set(ids)) <= 1, ids
    assert not {1, a, b} & {r.id for r in api.related(1, store=store, k=10, now=NOW)}


def test_near_dup_definition() -> None:
    assert is_near_dup("江城地铁12号线全线贯通", "江城地铁12号线全线贯通！")
    assert not is_near_dup("江城地铁12号线全线贯通", "江城地铁5号线二期开工")
    assert band_keys(match_text("江城地铁12号线全线贯通")) == band_keys(match_text("江城地铁12号线全线贯通"))


def test_already_read_items_are_left_out(store: SQLiteStore) -> None:
    first = [r.id for r in api.related(1, store=store, k=4, now=NOW)]
    api.record_view(first[0], "reader-7", NOW - timedelta(minutes=5), store=store)
    again = [r.id for r in api.related(1, store=store, k=4, reader="reader-7", now=NOW)]
    assert first[0] not in again and len(again) == 4


def test_new_article_gets_neighbours_at_once(store: SQLiteStore) -> None:
    api.related(1, store=store, now=NOW)  # index loaded before the new article arrives
    _, new_id = store.upsert(make(30, "湖畔队客场加时险胜 联赛排名升至第二", "体育", ["联赛", "湖畔队"]))
    mine = api.related(new_id, store=store, k=3, now=NOW)
    assert mine[0].reason == "related" and "湖畔队" in mine[0].title
    assert new_id in [r.id for r in api.related(4, store=store, k=3, now=NOW)]


def test_new_article_from_another_process_is_seen(store: SQLiteStore, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process's new article enters 大家还在看 once the catch-up interval has passed."""
    import time
    from types import SimpleNamespace

    from zixun.store import base

    api.related(1, store=store, now=NOW)
    with SQLiteStore(str(tmp_path / "r.db")) as other:
        _, new_id = other.upsert(make(31, "国产芯片新工艺量产 良率超九成", "科技", ["芯片"]))
    later = time.monotonic() + base.CATCH_UP_SECONDS
    monkeypatch.setattr(base, "time", SimpleNamespace(monotonic=lambda: later))
    assert new_id in [r.id for r in api.related(6, store=store, k=3, now=NOW)]


def test_trending_follows_recorded_views(store: SQLiteStore) -> None:
    cfg = BlendConfig(weights={"trending": 1.0}, slots={"trending": 3})
    assert api.related(1, store=store, k=3, config=cfg, now=NOW) == []
    for n in range(5):
        api.record_view(8, f"r{n}", NOW - timedelta(hours=1), store=store)
    for n in range(2):
        api.record_view(9, f"s{n}", NOW - timedelta(hours=1), store=store)
    for n in range(9):  # many views, but two weeks old: decayed away
        api.record_view(7, f"t{n}", NOW - timedelta(days=14), store=store)
    items = api.related(1, store=store, k=3, config=cfg, now=NOW)
    assert [r.id for r in items] == [8, 9] and {r.reason for r in items} == {"trending"}


def test_coread_from_sessions(store: SQLiteStore) -> None:
    for reader in ("a", "b", "c"):
        api.record_view(4, reader, NOW - timedelta(hours=2), store=store)
        api.record_view(7, reader, NOW - timedelta(hours=1), store=store)
    cfg = BlendConfig(weights={"coread": 1.0}, slots={"coread": 2})
    assert [(r.id, r.reason) for r in api.related(4, store=store, k=2, config=cfg, now=NOW)] == [(7, "coread")]


def test_slots_and_channel_diversity(store: SQLiteStore) -> None:
    for n in range(4):
        api.record_view(5, f"r{n}", NOW - timedelta(hours=1), store=store)
    items = api.related(1, store=store, k=8, now=NOW)
    reasons = [r.reason for r in items]
    assert reasons.count("related") <= BlendConfig().slots["related"]
    assert "trending" in reasons and "fresh" in reasons
    titles = [r.title for r in items]
    assert any("地铁" not in t for t in titles)
    assert all(not is_near_dup(x, y) for i, x in enumerate(titles) for y in titles[i + 1 :])


def test_unknown_article_is_not_found(store: SQLiteStore) -> None:
    from zixun.errors import NotFound

    with pytest.raises(NotFound):
        api.related(999, store=store)


def test_incremental_trending_scores_equal_a_full_recount(store: SQLiteStore) -> None:
    from zixun.store.base import Store

    now = datetime(2024, 5, 1, 12, tzinfo=UTC)
    horizon = timedelta(hours=48)
    for k, hours in enumerate([0.5, 3, 7, 30, 60]):
        store.record_view(1 + k % 3, f"r{k}", now - timedelta(hours=hours))
    first = store.trending_scores(6.0, now, horizon=horizon)
    later = now + timedelta(minutes=40)
    store.record_view(2, "r9", later - timedelta(minutes=5))
    store.record_view(3, "r10", now - timedelta(hours=100))  # late-arriving old view: beyond the horizon
    incremental = store.trending_scores(6.0, later, horizon=horizon)
    full = Store.trending_scores(store, 6.0, later, horizon=horizon)
    assert set(incremental) == set(full) and first
    for a in full:
        assert incremental[a] == pytest.approx(full[a], rel=1e-9)


def test_latent_topics_link_headlines_with_no_shared_character() -> None:
    """LSA learned from the archive's own text: 足球 and 联赛 never share a character, but
    they keep company across the archive, so they sit close in the latent space; 股市 does not."""
    from zixun.recommend.index import IndexRow, RelatedIndex

    sport = ["足球联赛开赛", "联赛进球纪录", "进球帮足球队", "足球队联赛夺冠", "联赛足球名将", "足球进球集锦"]
    money = ["股市基金大涨", "基金涨停潮", "涨停股市新高", "股市基金分红", "基金经理看涨停", "股市涨停板"]
    idx = RelatedIndex(latent_dims=2)  # two topics in this archive
    idx.add_many([IndexRow(i, t) for i, t in enumerate(sport + money)])
    near = idx.topic_similarity("足球", "联赛")
    assert near > 0.5 and near > idx.topic_similarity("足球", "股市") + 0.3
    # a new headline is folded in at once and its neighbours stay on topic
    idx.add(IndexRow(100, "周末联赛综述"))
    got = [n.title for n in idx.neighbours(IndexRow(100, "周末联赛综述"), 3)]
    assert got and all(t in sport for t in got)


def test_quick_related_needs_no_index(store: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a server builds its index, 大家还在看 comes from shared tags, with the same rules:
    never the article itself, never two near-duplicates, each item with its reason."""
    def no_index() -> None:
        raise AssertionError("the quick path must not build the related index")

    monkeypatch.setattr(store, "related_index", no_index)
    _, a = store.upsert(make(20, "江城地铁12号线全线贯通，年底前开通试运营", "社会", ["地铁", "江城"], outlet="江城晚报"))
    items = api.related(1, store=store, k=6, now=NOW, quick=True)
    assert items and all(r.id != 1 for r in items)
    related = [r for r in items if r.reason == "related"]
    assert related and all({"地铁", "江城"} & set(r.tags) for r in related)
    assert a not in {r.id for r in items}  # the syndicated copy of article 1 itself
    assert len({r.id for r in items}) == len(items)
