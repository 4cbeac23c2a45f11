"""Per-site XPath overrides (``site_rules`` in zixun.toml) for title and body."""

from __future__ import annotations

from pathlib import Path

import pytest

from zixun.pipeline import extract_page
from zixun.stages import siterules

PAGE = """<html><head><meta charset="utf-8"><title>站点首页</title></head><body>
<div id="promo"><p>这是一段很长的推广文字，介绍本站的会员服务、积分规则和各种优惠活动，内容比正文还长，通用算法可能会把它当成正文。
会员可以享受免广告、优先阅读、专属客服等多项权益，积分可以兑换礼品和优惠券，活动期间新用户注册即送三个月会员。</p></div>
<div class="story"><span class="hd">社区菜市场完成改造</span>
<p class="c">改造后的菜市场增加了照明和排水设施，摊位统一更换了不锈钢台面。</p>
<p class="c">摊主们说，顾客比以前多了，下雨天地面也不再积水。</p></div>
</body></html>"""
URL = "https://city.example.org/news/1.html"


@pytest.fixture()
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_rules(where: Path, text: str) -> None:
    (where / "zixun.toml").write_text(text, encoding="utf-8")


def test_rule_overrides_title_and_body(in_tmp: Path) -> None:
    write_rules(in_tmp, '[site_rules."example.org"]\ntitle = "//span[@class=\'hd\']"\nbody = "//p[@class=\'c\']"\n')
    art = extract_page(PAGE.encode(), url=URL)
    assert art.title == "社区菜市场完成改造"
    assert art.paragraphs == [
        "改造后的菜市场增加了照明和排水设施，摊位统一更换了不锈钢台面。",
        "摊主们说，顾客比以前多了，下雨天地面也不再积水。",
    ]


def test_rule_for_other_host_is_ignored(in_tmp: Path) -> None:
    write_rules(in_tmp, '[site_rules."other.example.com"]\nbody = "//p[@class=\'c\']"\n')
    art = extract_page(PAGE.encode(), url=URL)
    assert art.title == "站点首页"  # general extraction: no rule applied, no warning
    assert any("推广文字" in p for p in art.paragraphs)
    assert not art.warnings


def test_bad_or_unmatched_xpath_warns_and_falls_back(in_tmp: Path) -> None:
    write_rules(in_tmp, '[site_rules."example.org"]\ntitle = "//span[@class="\nbody = "//div[@id=\'nothing\']"\n')
    art = extract_page(PAGE.encode(), url=URL)
    assert art.paragraphs  # general extraction still ran
    assert any("is invalid" in w for w in art.warnings)
    assert any("matched nothing" in w for w in art.warnings)


def test_most_specific_host_wins() -> None:
    rules = siterules.load_rules({"example.org": {"body": "//a"}, "city.example.org": {"body": "//b"}, "bad": "x"})
    assert len(rules) == 2
    rule = siterules.rule_for(URL, rules)
    assert rule is not None and rule.body == "//b"
    assert siterules.rule_for("https://notexample.org/x", rules) is None
    assert siterules.rule_for(None, rules) is None
