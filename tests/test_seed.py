"""The seed page end to end (read from ../shared at run time; its text is never committed)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import zixun
from tests.conftest import SEED, shared_path

HEADINGS = ("核心提示", "发布时间", "资讯详情", "大家还在看")


@pytest.fixture(scope="module")
def seed_article() -> zixun.Article:
    data = shared_path("seed", SEED.name).read_bytes()
    return zixun.extract(data, source=str(SEED))


def test_seed_byline(seed_article: zixun.Article) -> None:
    b = seed_article.byline
    assert b.outlet == "21世纪经济报道"
    assert b.reporters == ["倪雨晴"]
    assert b.city == "深圳"
    assert not any(p.startswith("21世纪经济报道记者") for p in seed_article.paragraphs)


def test_seed_published_inferred(seed_article: zixun.Article) -> None:
    p = seed_article.published
    assert p.at is not None and p.at.startswith("2023-11-06")
    assert p.at.endswith("+08:00")
    assert p.precision == "day"
    assert p.source == "body-inferred"
    assert p.evidence and "11月6日" in p.evidence


def test_seed_tags_summary_title(seed_article: zixun.Article) -> None:
    assert len(seed_article.tags) >= 5
    assert "摩尔线程" in seed_article.tags
    assert 40 <= len(seed_article.summary) <= 160
    body = "".join(seed_article.paragraphs)
    first = seed_article.summary.split("。")[0]
    assert first and first in body
    assert seed_article.title_generated and 0 < len(seed_article.title) <= 30


def test_seed_related_items(seed_article: zixun.Article) -> None:
    rel = seed_article.page_related
    assert len(rel) == 16
    assert all(r.title for r in rel)
    car = [r for r in rel if "小米" in r.title]
    assert len(car) == 1 and car[0].title == "小米首款车细节曝光"
    assert {"新车", "引擎盖", "豪华品牌", "2024年上市"} <= set(car[0].tags)
    related_text = {r.title for r in rel} | {t for r in rel for t in r.tags}
    for p in seed_article.paragraphs:
        assert not any(h in p for h in HEADINGS)
        assert p not in related_text


def test_seed_cli_json() -> None:
    path = shared_path("seed", SEED.name)
    out = subprocess.run([sys.executable, "-m", "zixun", "extract", str(path), "--json"],
                         capture_output=True, text=True, check=True)
    d = json.loads(out.stdout)
    assert d["byline"]["outlet"] == "21世纪经济报道"
    assert d["published"]["source"] == "body-inferred"
    assert len(d["page_related"]) == 16


def test_reporter_is_a_credit_not_a_tag(seed_article: zixun.Article) -> None:
    assert "倪雨晴" not in seed_article.tags
    assert not any(t in "21世纪经济报道" for t in seed_article.tags)


def test_seed_in_traditional_script_reads_like_the_seed(seed_article: zixun.Article) -> None:
    """The seed converted to traditional script (OpenCC at run time) is read the same way: a dump,
    its date inferred from the body, the same reading order, summary and generated headline."""
    import opencc

    from zixun.text.t2s import to_simplified

    text = shared_path("seed", SEED.name).read_text(encoding="utf-8")
    trad = zixun.extract(opencc.OpenCC("s2t").convert(text).encode("utf-8"), source="seed-traditional.txt")
    fold = opencc.OpenCC("t2s").convert
    assert trad.published.at == seed_article.published.at and trad.published.source == seed_article.published.source
    assert [fold(p) for p in trad.paragraphs] == seed_article.paragraphs
    assert fold(trad.summary) == seed_article.summary and trad.summary != seed_article.summary
    assert trad.title_generated and fold(trad.title) == seed_article.title
    assert [to_simplified(t) for t in trad.tags[:4]] == seed_article.tags[:4]
