"""The 发布时间 stage and body inference: order of evidence, sources, honest precision, declining."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import shared_path
from zixun.model import Article, Published
from zixun.read.page import Page
from zixun.stages.published import from_url, run
from zixun.timeparse import infer_published

CST = timezone(timedelta(hours=8))
BODY = [
    "3月18日上午，江城地铁12号线最后一段盾构隧道在汉江南岸贯通。",
    "2023年9月，该线路完成全部车站主体结构施工。",
    "按照计划，12号线将于12月30日开通试运营。",
]


def page(**kw: object) -> Page:
    return Page(source="t", kind="text", text="", **kw)  # type: ignore[arg-type]


def stage(pg: Page, paragraphs: list[str] | None = None) -> Published:
    article = Article(title="江城地铁12号线全线贯通", paragraphs=list(BODY if paragraphs is None else paragraphs))
    run(article, pg)
    return article.published


def test_given_wins() -> None:
    p = stage(page(hints={"given_published": "2024-03-18T10:24:00+08:00", "meta_times": [("meta", "2020-01-01")]}))
    assert (p.at, p.source, p.precision) == ("2024-03-18T10:24:00+08:00", "given", "second")


def test_meta_then_jsonld_source_kept() -> None:
    p = stage(page(hints={"meta_times": [("jsonld", "not a date"), ("jsonld", "2024-03-18T02:24:00Z")]}))
    assert (p.at, p.source) == ("2024-03-18T02:24:00+00:00", "jsonld")


def test_date_line_text_and_byline() -> None:
    p = stage(page(hints={"date_lines": ["2024-03-18 10:24"]}))
    assert (p.at, p.source, p.precision) == ("2024-03-18T10:24:00+08:00", "text", "minute")
    p = stage(page(hints={"date_lines": ["2024年03月18日 10:24　来源：华夏日报"]}))
    assert (p.at, p.source) == ("2024-03-18T10:24:00+08:00", "byline")


def test_relative_date_line_uses_base_time() -> None:
    base = datetime(2024, 3, 18, 12, 0, tzinfo=CST)
    p = stage(page(base_time=base, hints={"date_lines": ["昨天 14:30 来源：华夏日报"]}))
    assert (p.at, p.source, p.precision) == ("2024-03-17T14:30:00+08:00", "byline", "minute")


def test_url_patterns() -> None:
    for url in ("https://www.example.cn/news/2024-03/18/content_1.htm",
                "https://www.example.cn/20240318/a.html",
                "https://www.example.cn/2024/0318/c1.html",
                "https://www.example.cn/2024/03/18/x.shtml",
                "https://www.example.gov.cn/zwgk/t20240318_99.html"):
        tm = from_url(url)
        assert tm is not None and tm.start.isoformat() == "2024-03-18T00:00:00+08:00", url
    assert from_url("https://www.example.cn/2024/1399/x.html") is None
    p = stage(page(url="https://www.example.cn/20240318/a.html"))
    assert (p.at, p.source, p.precision) == ("2024-03-18T00:00:00+08:00", "url", "day")


def test_body_inferred_with_base() -> None:
    base = datetime(2024, 3, 25, tzinfo=CST)
    p = stage(page(base_time=base))
    assert (p.at, p.source, p.precision) == ("2024-03-18T00:00:00+08:00", "body-inferred", "day")
    assert p.evidence and "3月18日" in p.evidence
    assert p.confidence is not None and 0 < p.confidence <= 1


def test_body_inferred_without_base_uses_dated_past_events() -> None:
    guess = infer_published(None, BODY, None)
    assert guess is not None
    assert guess.at.isoformat() == "2024-03-18T00:00:00+08:00"  # after "2023年9月", so 2024


def test_nothing_found_leaves_published_empty() -> None:
    assert stage(page(), ["公司今天发布新品。", "业内人士表示看好。"]) == Published()
    assert infer_published(None, ["3月18日，隧道贯通。"], None) is None  # no year evidence: decline


def test_page_names_its_own_day_and_events_abroad() -> None:
    base = datetime(2024, 4, 10, tzinfo=CST)
    g = infer_published(None, ["3月30日，论坛开幕。今天（4月2日），论坛闭幕。"], base)
    assert g is not None and g.at.date().isoformat() == "2024-04-02"
    g = infer_published(None, ["美国国务院4月1日宣布新的签证政策。"], base)
    assert g is not None and g.at.date().isoformat() == "2024-04-02"
    g = infer_published(None, ["公司4月1日宣布，将于4月20日发布新品。"], base)
    assert g is not None and g.at.date().isoformat() == "2024-04-01"


def test_seed_page_without_base() -> None:
    lines = shared_path("seed", "000_2989f4a969bb4332.txt").read_text(encoding="utf-8").splitlines()
    paragraphs = [ln for ln in lines if len(ln) > 20 and not ln.startswith("- ")]
    guess = infer_published(None, paragraphs, None)
    assert guess is not None
    assert (guess.at.isoformat(), guess.precision) == ("2023-11-06T00:00:00+08:00", "day")
    assert "11月6日" in guess.evidence


def test_year_or_month_only_is_written_as_such() -> None:
    p = stage(page(hints={"date_lines": ["出版日期：2012年4月"]}))
    assert (p.at, p.precision, p.source) == ("2012-04", "month", "text")
    p = stage(page(hints={"meta_times": [("meta", "2012")]}))
    assert (p.at, p.precision) == ("2012", "year")


def test_month_only_body_and_whole_past_years() -> None:
    month_only = ["据了解，截至2010年6月，全市已建成城市书房12家。"]
    g = infer_published(None, month_only, datetime(2010, 7, 20, tzinfo=CST))
    assert g is not None and (g.at.date().isoformat(), g.precision) == ("2010-06-01", "month")
    assert infer_published(None, month_only, None) is None  # with no base nothing says June 2010 is recent
    g = infer_published(None, ["11月6日，学院举办洽谈会。", "2022年全年，订单班扩大到6个。"], None)
    assert g is not None and g.at.date().isoformat() == "2023-11-06"  # 2022 is over: the 6th is in 2023
    assert g.confidence is not None and g.confidence < 0.3  # a year read from the text alone is a weak guess
    with_base = infer_published(None, ["11月6日，学院举办洽谈会。"], datetime(2023, 11, 8, tzinfo=CST))
    assert with_base is not None and with_base.confidence is not None and with_base.confidence > g.confidence


def test_today_named_a_month_before_the_base() -> None:
    base = datetime(2019, 7, 10, tzinfo=CST)
    for text in ("今天（6月10日），江南、华南等地的强降雨仍在持续。", "今天（6月10日），江南、華南等地的強降雨仍在持續。"):
        g = infer_published(None, [text, "受强降雨影响，多处路段出现内涝。"], base)
        assert g is not None and g.at.date().isoformat() == "2019-06-10" and g.confidence >= 0.85
    g = infer_published(None, ["国家主席8日在人民大会堂会见来访的总理。"], base)  # a bare day: no "today" claim
    assert g is not None and g.at.date().isoformat() == "2019-07-08" and g.confidence < 0.85


def test_local_morning_abroad_is_the_same_beijing_day() -> None:
    base = datetime(2024, 4, 10, tzinfo=CST)
    g = infer_published(None, ["当地时间4月3日上午，峰会在布鲁塞尔开幕。"], base)
    assert g is not None and g.at.date().isoformat() == "2024-04-03"
    g = infer_published(None, ["當地時間4月3日下午，峰會在布魯塞爾閉幕。"], base)  # afternoon in Europe: next day here
    assert g is not None and g.at.date().isoformat() == "2024-04-04"
    g = infer_published(None, ["当地时间4月3日上午，美国总统在华盛顿发表讲话。"], base)  # the Americas' morning
    assert g is not None and g.at.date().isoformat() == "2024-04-04"


def test_today_named_by_a_holiday() -> None:
    base = datetime(2013, 4, 20, tzinfo=CST)
    g = infer_published(None, ["明天是清明节，人们踏青祈福。", "各地举行了纪念活动。"], base)
    assert g is not None and g.at.date().isoformat() == "2013-04-03"  # 清明 2013 is April 4
    g = infer_published(None, ["今天是中秋佳节，也是长假的第一天。"], datetime(2012, 10, 5, tzinfo=CST))
    assert g is not None and g.at.date().isoformat() == "2012-09-30"
    g = infer_published(None, ["今天是中秋節，也是長假的第一天。"], datetime(2012, 10, 5, tzinfo=CST))
    assert g is not None and g.at.date().isoformat() == "2012-09-30"


def test_more_places_behind_beijing() -> None:
    base = datetime(2024, 4, 10, tzinfo=CST)
    for text in ("匈牙利政府4月3日宣布新的边境措施。", "美聯儲4月3日宣布維持利率不變。"):
        g = infer_published(None, [text], base)
        assert g is not None and g.at.date().isoformat() == "2024-04-04", text


def test_a_span_of_years_is_no_lower_bound() -> None:
    paragraphs = ["“十四五”规划建议稿的起草工作正在进行。", "2020年10月29日，全会闭幕。", "11月3日，建议全文发布。"]
    g = infer_published(None, paragraphs, None)
    assert g is not None and g.at.date().isoformat() == "2020-11-03"


def test_timezone_setting_is_the_offset_of_naive_times(monkeypatch: pytest.MonkeyPatch) -> None:
    import zixun

    page = '<html><head><meta property="article:published_time" content="2024-03-02 09:30:00"></head>' \
           "<body><h1>东京湾新航线开通</h1><p>" + "新航线今天开通，首航客座率超过九成。" * 5 + "</p></body></html>"
    assert zixun.extract(page).published.at == "2024-03-02T09:30:00+08:00"
    monkeypatch.setenv("ZIXUN_TIMEZONE", "+09:00")
    assert zixun.extract(page).published.at == "2024-03-02T09:30:00+09:00"


def test_a_dated_day_years_before_the_story_is_history() -> None:
    """A life story names one full date decades back and then later years: that date is
    history, not the publish day; with nothing newer dated to the day, decline."""
    life = [
        "昨日，江城著名评书艺人林晓舟病逝，享年91岁。",
        "林晓舟1932年出生于江城。1956年3月8日，他在江城书场第一次登台，一说就是四十年。",
        "1998年，林晓舟收徒传艺；2006年，他的评书被列入市级非物质文化遗产名录。",
    ]
    assert infer_published("评书艺人林晓舟病逝", life, None) is None
    # the same day with nothing later told is still the story's day
    assert infer_published(None, ["1956年3月8日，江城书场第一次登台演出评书。"], None) is not None


def test_a_year_looked_back_on_gives_no_year_to_the_story() -> None:
    """"早在2000年…" is the story looking back: it gives "11月3日" no year, so decline."""
    story = ["10月30日，江城评书艺人林晓舟去世。11月3日，家乡将一条道路更名为“晓舟路”。",
             "宗亲称，早在2000年，林晓舟就曾来信表示，百年之后可将该路改名。"]
    assert infer_published(None, story, None) is None
    with_year = story + ["2018年，这条道路完成了拓宽改造。"]
    guess = infer_published(None, with_year, None)
    assert guess is not None and guess.at.date().isoformat() == "2018-11-03"
