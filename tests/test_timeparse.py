"""The Chinese time engine: the forms news writes, past bias, ranges, and safety on any input."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from zixun.timeparse import TimeMatch, parse_datetime_string, parse_duration, parse_times

CST = timezone(timedelta(hours=8))
BASE = datetime(2023, 11, 20, 10, 0, tzinfo=CST)  # a Monday


def one(text: str, base: datetime | None = BASE, **kw: str) -> TimeMatch:
    found = parse_times(text, base, **kw)
    assert found, f"nothing found in {text!r}"
    return max(found, key=lambda m: m.span[1] - m.span[0])


def d(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=CST)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "start", "precision", "kind"),
    [
        ("2023年11月6日 14:30", d(2023, 11, 6, 14, 30), "minute", "absolute"),
        ("二〇二三年十一月六日", d(2023, 11, 6), "day", "absolute"),
        ("２０２３年１１月６日", d(2023, 11, 6), "day", "absolute"),
        ("2023年11月6日下午3點", d(2023, 11, 6, 15), "hour", "absolute"),
        ("2023-11-06", d(2023, 11, 6), "day", "absolute"),
        ("23/11/6", d(2023, 11, 6), "day", "absolute"),
        ("20231106", d(2023, 11, 6), "day", "absolute"),
        ("2019.9.6", d(2019, 9, 6), "day", "absolute"),
        ("11月6日", d(2023, 11, 6), "day", "partial"),
        ("12月5日", d(2022, 12, 5), "day", "partial"),  # past bias: last December
        ("6日晚", d(2023, 11, 6, 18), "hour", "partial"),
        ("25日", d(2023, 10, 25), "day", "partial"),  # the 25th not after the base: last month
        ("昨天上午", d(2023, 11, 19, 7), "hour", "relative"),
        ("上周五", d(2023, 11, 17), "day", "relative"),
        ("周五", d(2023, 11, 17), "day", "relative"),  # bare weekday: the last one, not the next
        ("3天前", d(2023, 11, 17), "day", "relative"),
        ("去年12月", d(2022, 12, 1), "month", "relative"),
        ("今年一季度", d(2023, 1, 1), "month", "relative"),
        ("元旦", d(2023, 1, 1), "day", "partial"),
        ("国庆节", d(2023, 10, 1), "day", "partial"),
        ("凌晨3时", d(2023, 11, 20, 3), "hour", "relative"),
        ("晚上8点半", d(2023, 11, 20, 20, 30), "minute", "relative"),
        ("上世纪80年代", d(1980, 1, 1), "year", "absolute"),
    ],
)
def test_forms(text: str, start: datetime, precision: str, kind: str) -> None:
    m = one(text)
    assert (m.start, m.precision, m.kind) == (start, precision, kind)


def test_ranges() -> None:
    m = one("11月6日至8日")
    assert (m.start, m.end) == (d(2023, 11, 6), d(2023, 11, 8, 23, 59, 59))
    m = one("2019年6月28日9:30~11:30")
    assert (m.start, m.end) == (d(2019, 6, 28, 9, 30), d(2019, 6, 28, 11, 30, 59))
    m = one("今天下午1点到3点")
    assert m.end == d(2023, 11, 20, 15)  # "到3点" ends at 3:00
    m = one("2019年4月12-19日")
    assert (m.start, m.last) == (d(2019, 4, 12), d(2019, 4, 19, 23, 59, 59))


def test_a_stated_offset_in_running_text_is_kept() -> None:
    """Body text that writes its own offset keeps it; a dash between two clock times is a range."""
    tokyo = timezone(timedelta(hours=9))
    assert one("东京时间 2023-11-06 14:30 +0900 发布").start == datetime(2023, 11, 6, 14, 30, tzinfo=tokyo)
    assert one("更新于2023-11-06T14:30:00-05:00").start.utcoffset() == timedelta(hours=-5)
    assert one("2023-11-06 06:30Z").start.utcoffset() == timedelta(0)
    m = one("2023-11-06 09:30-10:30 开会")
    assert (m.start, m.end) == (d(2023, 11, 6, 9, 30), d(2023, 11, 6, 10, 30, 59))


def test_a_weekday_in_brackets_joins_the_date_and_the_time_after_it() -> None:
    """Hong Kong and Taiwan papers write "11月6日（週一）下午3時": one time, on the 6th."""
    m = one("11月6日（週一）下午3時")
    assert (m.start, m.text) == (d(2023, 11, 6, 15), "11月6日（週一）下午3時")
    assert one("2023年11月6日（星期一）").text == "2023年11月6日（星期一）"


def test_anchor_words_refer_back_to_the_text() -> None:
    found = parse_times("11月6日，公司宣布调整。当天，创始人发出内部信；次日正式实施。", BASE)
    days = [m.start.date() for m in found]
    assert days == [d(2023, 11, 6).date(), d(2023, 11, 6).date(), d(2023, 11, 7).date()]


def test_bias_options() -> None:
    assert one("12月5日", bias="none").start == d(2023, 12, 5)
    assert one("3月8日", bias="future").start == d(2024, 3, 8)
    assert one("周五", bias="none").start == d(2023, 11, 24)


def test_no_base_keeps_only_absolute() -> None:
    found = parse_times("2022年12月，公司完成融资；11月6日，公司宣布调整；昨天又有新消息。", None)
    assert [(m.text, m.precision) for m in found] == [("2022年12月", "month")]


def test_year_only_stays_year() -> None:
    m = one("2020年成立以来")
    assert (m.start, m.precision, m.end) == (d(2020, 1, 1), "year", None)
    assert m.last == d(2020, 12, 31, 23, 59, 59)


def test_not_times() -> None:
    assert parse_times("比分1-2，两点建议，一号文件，嫦娥六号，1号机组", BASE) == []


@pytest.mark.parametrize(
    ("value", "iso", "precision"),
    [
        ("2023-11-06T14:30:00+08:00", "2023-11-06T14:30:00+08:00", "second"),
        ("2005-5-7 21:23:57", "2005-05-07T21:23:57+08:00", "second"),
        ("2023年11月06日 14:30 来源：新华网", "2023-11-06T14:30:00+08:00", "minute"),
        ("Mon, 06 Nov 2023 06:30:00 GMT", "2023-11-06T06:30:00+00:00", "second"),
        ("20231106", "2023-11-06T00:00:00+08:00", "day"),
        ("2023-11-06", "2023-11-06T00:00:00+08:00", "day"),
        ("2023-11-06T14:30:00.000Z", "2023-11-06T14:30:00+00:00", "second"),
        ("1699252200", "2023-11-06T14:30:00+08:00", "second"),
        ("Nov 6, 2023", "2023-11-06T00:00:00+08:00", "day"),
        ("2006-3", "2006-03-01T00:00:00+08:00", "month"),
        ("2023", "2023-01-01T00:00:00+08:00", "year"),
        ("2023-11-06 06:30 UTC", "2023-11-06T06:30:00+00:00", "minute"),
        ("2023-11-06 14:30（GMT+8）", "2023-11-06T14:30:00+08:00", "minute"),
    ],
)
def test_parse_datetime_string(value: str, iso: str, precision: str) -> None:
    m = parse_datetime_string(value)
    assert m is not None and (m.start.isoformat(), m.precision) == (iso, precision)


def test_parse_datetime_string_declines_and_zones() -> None:
    assert parse_datetime_string("来源：新华网") is None
    assert parse_datetime_string("11月6日") is None  # no year: not a metadata time
    m = parse_datetime_string("2023-11-06 14:30", default_tz="+09:00")
    assert m is not None and m.start.isoformat() == "2023-11-06T14:30:00+09:00"
    m = parse_datetime_string("3小时前", base=BASE)  # 3 to 4 hours elapsed
    assert m is not None and (m.start, m.end) == (d(2023, 11, 20, 6), d(2023, 11, 20, 7))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("三年", {"year": 3.0}),
        ("17个多月", {"month": 17.0}),
        ("36天5小时30分", {"day": 36.0, "hour": 5.0, "minute": 30.0}),
        ("3~6个月", [{"month": 3.0}, {"month": 6.0}]),
        ("3年以上7年以下", [{"year": 3.0}, {"year": 7.0}]),
    ],
)
def test_durations(text: str, want: object) -> None:
    assert parse_duration(text) == want


@pytest.mark.parametrize(
    ("text", "base", "start", "end"),
    [
        ("去年春节", d(2020, 6, 1), d(2019, 2, 5), None),
        ("2023年大年三十", d(2021, 9, 1), d(2024, 2, 9), None),  # the lunar year's last day
        ("1991年农历8月23号", BASE, d(1991, 9, 30), None),
        ("中秋节", d(2023, 11, 20), d(2023, 9, 29), None),
        ("闰四月", d(2020, 7, 1), d(2020, 5, 23), d(2020, 6, 20, 23, 59, 59)),
        ("2024年冬至", BASE, d(2024, 12, 21), None),
        ("清明", d(2023, 11, 20), d(2023, 4, 5), None),
        ("2021年春", BASE, d(2021, 2, 3), d(2021, 5, 4, 23, 59, 59)),
    ],
)
def test_lunar_calendar_terms_seasons(text: str, base: datetime, start: datetime, end: datetime | None) -> None:
    m = one(text, base)
    assert (m.start, m.end) == (start, end)


def test_weather_words_are_not_solar_terms() -> None:
    assert parse_times("受大雪影响，雨水偏多", BASE) == []


def test_range_that_runs_backwards() -> None:
    m = one("晚上11点至1点")
    assert (m.start, m.end) == (d(2023, 11, 20, 23), d(2023, 11, 21, 1))
    assert one("19-12日").end is None


def test_open_ended() -> None:
    m = one("20天以后")
    assert (m.start, m.open) == (d(2023, 12, 10), "after")
    m = one("3年以前")
    assert (m.open, m.last) == ("before", d(2020, 12, 31, 23, 59, 59))
    m = one("2025年前")  # a future deadline: from now until then
    assert (m.start, m.end, m.open) == (BASE, d(2025, 12, 31, 23, 59, 59), None)
    assert one("过两天").open == "after"
    assert parse_times("超过3天", BASE) == [] or all(x.open is None for x in parse_times("超过3天", BASE))


def test_periods_are_not_dates() -> None:
    from zixun.timeparse import parse_periods

    assert parse_times("每周三下午开放，每年9月招生", BASE) == []
    p = parse_periods("每周三下午开放", BASE)[0]
    assert p.step == {"day": 7.0} and p.first is not None and p.first.start == d(2023, 11, 22, 13)
    assert parse_periods("每隔3天", BASE)[0].step == {"day": 3.0}
    assert parse_periods("每半年", BASE)[0].step == {"year": 0.5}
    m = one("周六上午9点到11点", bias="none")
    assert (m.start, m.end) == (d(2023, 11, 25, 9), d(2023, 11, 25, 11))


def span(text: str, base: datetime = BASE, **kw: object) -> tuple[str, str]:
    """(start, inclusive end) of the longest match, "inf"/"-inf" for open ends."""
    found = parse_times(text, base, **kw)  # type: ignore[arg-type]
    assert found, f"nothing found in {text!r}"
    m = max(found, key=lambda t: t.span[1] - t.span[0])
    fmt = "%Y-%m-%d %H:%M:%S"
    if m.open == "after":
        return m.start.strftime(fmt), "inf"
    if m.open == "before":
        return "-inf", m.last.strftime(fmt)
    return m.start.strftime(fmt), m.last.strftime(fmt)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # elapsed whole units: at least N, less than N+1 (base Monday 2023-11-20 10:00:00)
        ("20分钟后", ("2023-11-20 10:20:00", "2023-11-20 10:21:00")),
        ("20分鐘後", ("2023-11-20 10:20:00", "2023-11-20 10:21:00")),
        ("兩個小時前", ("2023-11-20 07:00:00", "2023-11-20 08:00:00")),
        ("半个钟头后", ("2023-11-20 10:30:00", "2023-11-20 11:00:59")),
        ("三刻钟前", ("2023-11-20 09:00:00", "2023-11-20 09:15:00")),
        ("两分半钟前", ("2023-11-20 09:56:30", "2023-11-20 09:57:30")),
        ("40秒后", ("2023-11-20 10:00:40", "2023-11-20 10:00:41")),
        ("三个半月前", ("2023-07-05 00:00:00", "2023-08-05 23:59:59")),
        ("45分钟以内", ("2023-11-20 10:00:00", "2023-11-20 10:45:00")),
        ("两小时以内", ("2023-11-20 10:00:00", "2023-11-20 12:00:59")),
        ("30分鐘以前", ("-inf", "2023-11-20 09:30:00")),
        # workdays skip the weekend (public holidays are not known)
        ("3个工作日后", ("2023-11-23 00:00:00", "2023-11-23 23:59:59")),
        ("10個交易日內", ("2023-11-20 10:00:00", "2023-12-04 23:59:59")),
        # vague counts name a stretch
        ("十几年前", ("2003-01-01 00:00:00", "2013-12-31 23:59:59")),
        ("三十幾年前", ("1983-01-01 00:00:00", "1993-12-31 23:59:59")),
        ("几百年后", ("2223-01-01 00:00:00", "3023-12-31 23:59:59")),
        ("数十年以后", ("2043-01-01 00:00:00", "2123-12-31 23:59:59")),
        # 前两天 / 前幾年 said alone: a couple of units ago
        ("前两天", ("2023-11-13 00:00:00", "2023-11-18 23:59:59")),
        ("前幾年", ("2018-01-01 00:00:00", "2021-12-31 23:59:59")),
        ("前两周", ("2023-11-06 00:00:00", "2023-11-20 10:00:00")),
        ("本月前两天", ("2023-11-01 00:00:00", "2023-11-02 23:59:59")),
    ],
)
def test_offsets(text: str, want: tuple[str, str]) -> None:
    assert span(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2018", ("2018-01-01 00:00:00", "2018-12-31 23:59:59")),  # a year alone
        ("1998到2001年", ("1998-01-01 00:00:00", "2001-12-31 23:59:59")),
        ("1985至89年9月", ("1985-01-01 00:00:00", "1989-09-30 23:59:59")),
        ("十一假期", ("2023-10-01 00:00:00", "2023-10-01 23:59:59")),
        ("今年五一，", ("2023-05-01 00:00:00", "2023-05-01 23:59:59")),
        ("十一長假期間", ("2023-10-01 00:00:00", "2023-10-01 23:59:59")),
        ("去年五一黃金週", ("2022-05-01 00:00:00", "2022-05-01 23:59:59")),
        ("48:05", ("2023-11-20 10:48:05", "2023-11-20 10:48:05")),  # minutes and seconds
        ("11月3日，4日和5日", ("2023-11-03 00:00:00", "2023-11-05 23:59:59")),
        ("10月8號，9號，10號", ("2023-10-08 00:00:00", "2023-10-10 23:59:59")),
        ("第三年", ("2025-01-01 00:00:00", "2025-12-31 23:59:59")),  # the base's year is the first
        ("腊月18", ("2023-01-09 00:00:00", "2023-01-09 23:59:59")),
        ("臘月初八", ("2022-12-30 00:00:00", "2022-12-30 23:59:59")),
    ],
)
def test_more_forms(text: str, want: tuple[str, str]) -> None:
    assert span(text) == want


def test_not_holidays_or_times() -> None:
    assert parse_times("他排名第十一", BASE) == []
    assert parse_times("三十一", BASE) == []
    assert parse_times("最终以35:37落败", BASE) == []
    assert [m.text for m in parse_times("他在2018场比赛中", BASE)] == []


def test_lunar_option() -> None:
    assert span("四月十三", BASE) == ("2023-05-31 00:00:00", "2023-05-31 23:59:59")  # lunar by default
    assert span("四月十三", BASE, lunar=False) == ("2023-04-13 00:00:00", "2023-04-13 23:59:59")
    assert span("正月十五", BASE, lunar=False) == ("2023-02-05 00:00:00", "2023-02-05 23:59:59")


def test_period_occurrences() -> None:
    from zixun.timeparse import parse_periods

    def days(text: str, n: int) -> list[str]:
        return [t.start.strftime("%m-%d %H:%M") for t in parse_periods(text, BASE, occurrences=n)[0].times]

    # BASE is Monday 2023-11-20 10:00; the first occurrence is the base's own (no bias)
    assert days("每週五晚上8點", 3) == ["11-24 20:00", "12-01 20:00", "12-08 20:00"]
    assert days("每个工作日上午9点", 6) == ["11-20 09:00", "11-21 09:00", "11-22 09:00", "11-23 09:00",
                                        "11-24 09:00", "11-27 09:00"]
    assert days("每周交易日15点", 6) == days("每个交易日15点", 6)
    assert days("每年中秋节", 3) == ["09-29 00:00", "09-17 00:00", "10-06 00:00"]  # 2023, 2024, 2025
    assert days("每月15號", 2) == ["11-15 00:00", "12-15 00:00"]
    assert parse_periods("每隔3天", BASE, occurrences=5)[0].times == ()
    assert len(parse_periods("每天8点", BASE, occurrences=10**9)[0].times) == 366  # capped


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("民國110年", ("2021-01-01 00:00:00", "2021-12-31 23:59:59")),  # Taiwan's years
        ("民国99年3月5日", ("2010-03-05 00:00:00", "2010-03-05 23:59:59")),
        ("2023年11月6日星期一", ("2023-11-06 00:00:00", "2023-11-06 23:59:59")),
        ("2023年11月6日星期一上午10時", ("2023-11-06 10:00:00", "2023-11-06 10:59:59")),
        ("黃昏", ("2023-11-20 17:00:00", "2023-11-20 18:59:59")),
        ("五點三刻", ("2023-11-20 05:45:00", "2023-11-20 05:45:59")),
        ("十点多", ("2023-11-20 10:00:00", "2023-11-20 10:59:59")),
        ("母親節", ("2023-05-14 00:00:00", "2023-05-14 23:59:59")),
        ("2022年第三季", ("2022-07-01 00:00:00", "2022-09-30 23:59:59")),
        ("2022年Q4", ("2022-10-01 00:00:00", "2022-12-31 23:59:59")),
        ("年終", ("2023-12-01 00:00:00", "2023-12-31 23:59:59")),
        ("舊曆八月十五", ("2023-09-29 00:00:00", "2023-09-29 23:59:59")),
        # neighbouring digits: this many or one more
        ("三四天前", ("2023-11-16 00:00:00", "2023-11-17 23:59:59")),
        ("五六年前", ("2017-01-01 00:00:00", "2018-12-31 23:59:59")),
        ("十七八年前", ("2005-01-01 00:00:00", "2006-12-31 23:59:59")),
        ("三四十年前", ("1983-01-01 00:00:00", "1993-12-31 23:59:59")),
        ("兩三個小時前", ("2023-11-20 07:00:00", "2023-11-20 08:59:59")),
    ],
)
def test_traditional_and_vague_forms(text: str, want: tuple[str, str]) -> None:
    assert span(text, bias="none") == want


def test_counts_are_not_clock_times() -> None:
    assert parse_times("增长三点多个百分点", BASE) == []
    assert parse_times("第三季节目", BASE) == []


def test_lunar_day_alone_is_in_the_base_lunar_month() -> None:
    # BASE 2023-11-20 is lunar 十月初八
    assert span("初五迎财神") == ("2023-11-17 00:00:00", "2023-11-17 23:59:59")
    assert span("廿三") == ("2023-11-06 00:00:00", "2023-11-06 23:59:59")  # 十月廿三 is ahead: 九月廿三
    assert span("初十晚上", bias="future") == ("2023-11-22 18:00:00", "2023-11-22 23:59:59")
    assert parse_times("初一學生", BASE) == [] and parse_times("她在读初三", BASE) == []


def test_lunar_round_trip() -> None:
    from datetime import date

    from zixun.timeparse import lunar

    day = date(1950, 1, 1)
    while day < date(2060, 1, 1):
        y, m, dd, leap = lunar.from_solar(day)
        assert lunar.to_solar(y, m, dd, leap) == day
        day += timedelta(days=13)
    assert lunar.from_solar(date(2020, 5, 23)) == (2020, 4, 1, True)  # 闰四月初一


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("周四下午三点到五点开会", ("2023-11-23 15:00:00", "2023-11-23 17:00:00")),
        ("三點至五點", ("2023-11-20 03:00:00", "2023-11-20 05:00:00")),
        ("下个月的第一天", ("2023-12-01 00:00:00", "2023-12-01 23:59:59")),
        ("下個月的第一天", ("2023-12-01 00:00:00", "2023-12-01 23:59:59")),
        ("明年的今天", ("2024-11-20 00:00:00", "2024-11-20 23:59:59")),
        ("去年今天", ("2022-11-20 00:00:00", "2022-11-20 23:59:59")),
        ("上半年末", ("2023-06-01 00:00:00", "2023-06-30 23:59:59")),
        ("下半年初", ("2023-07-01 00:00:00", "2023-07-31 23:59:59")),
        ("正午", ("2023-11-20 12:00:00", "2023-11-20 12:59:59")),
        ("寒假", ("2023-01-01 00:00:00", "2023-02-28 23:59:59")),
        ("週末九點", ("2023-11-25 09:00:00", "2023-11-25 09:59:59")),  # the first of the two days
    ],
)
def test_compound_forms(text: str, want: tuple[str, str]) -> None:
    assert span(text, bias="none") == want


def test_bce_is_not_a_window() -> None:
    assert parse_times("公元前221年，秦统一六国", BASE) == []


def test_past_bias_against_a_coarse_base() -> None:
    year_2021 = datetime(2021, 1, 1, tzinfo=CST)  # known only to the year
    assert span("6月上旬", year_2021, base_precision="year") == ("2021-06-01 00:00:00", "2021-06-10 23:59:59")
    assert span("國慶", year_2021, base_precision="year") == ("2021-10-01 00:00:00", "2021-10-01 23:59:59")
    assert span("闰四月", datetime(2020, 1, 1, tzinfo=CST), base_precision="year") == (
        "2020-05-23 00:00:00", "2020-06-20 23:59:59")
    assert span("6月上旬", year_2021) == ("2020-06-01 00:00:00", "2020-06-10 23:59:59")  # an instant: Jan 1
    day = datetime(2023, 11, 20, tzinfo=CST)  # a publish day
    assert span("20日晚上", day, base_precision="day") == ("2023-11-20 18:00:00", "2023-11-20 23:59:59")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2023年芒種", ("2023-06-06 00:00:00", "2023-06-06 23:59:59")),
        ("2023年穀雨", ("2023-04-20 00:00:00", "2023-04-20 23:59:59")),
        ("2023年驚蟄", ("2023-03-06 00:00:00", "2023-03-06 23:59:59")),
        ("2023年植樹節", ("2023-03-12 00:00:00", "2023-03-12 23:59:59")),
        ("2023年建黨節", ("2023-07-01 00:00:00", "2023-07-01 23:59:59")),
        ("2023年龍抬頭", ("2023-02-21 00:00:00", "2023-02-21 23:59:59")),
        ("8月28號早上8點11分許", ("2023-08-28 08:11:00", "2023-08-28 08:11:59")),
    ],
)
def test_traditional_terms_and_holidays(text: str, want: tuple[str, str]) -> None:
    assert span(text, bias="none") == want


def test_traditional_durations_and_counts() -> None:
    assert parse_duration("倆禮拜") == {"day": 14.0}
    assert parse_duration("七載") == {"year": 7.0}
    assert parse_times("提出10點建議", BASE) == [] and parse_times("提出10點建议", BASE) == []


def test_weekday_ranges_stay_in_one_week() -> None:
    wednesday = datetime(2023, 11, 22, 10, tzinfo=CST)
    assert span("下週一至週三", wednesday) == ("2023-11-27 00:00:00", "2023-11-29 23:59:59")
    assert span("周一到周五", wednesday) == ("2023-11-20 00:00:00", "2023-11-24 23:59:59")
    assert span("周四到周六", wednesday) == ("2023-11-16 00:00:00", "2023-11-18 23:59:59")  # past bias
    assert span("周一到周五", wednesday, bias="future") == ("2023-11-27 00:00:00", "2023-12-01 23:59:59")


def test_relative_quarters_and_today_words() -> None:
    assert span("上一季度") == ("2023-07-01 00:00:00", "2023-09-30 23:59:59")
    assert span("下一季度", bias="none") == ("2024-01-01 00:00:00", "2024-03-31 23:59:59")
    assert span("即日起至12月31日", bias="none") == ("2023-11-20 00:00:00", "2023-12-31 23:59:59")


def test_new_forms_do_not_misfire_in_news() -> None:
    assert [m.text for m in parse_times("双十一当天，电商平台创下纪录", BASE, bias="none")] == ["当天"]
    assert parse_times("双方股比为50：50", BASE) == []
    assert parse_times("两万多名初二的学生参加", BASE) == []
    assert parse_times("一年四季不变的行头", BASE) == []
    assert parse_times("中国连续第二年位列营商环境改善前十", BASE) == []
    m = parse_times("1937年7月7日，战争爆发。第二年，他参军。", BASE)[-1]
    assert (m.text, m.start.year) == ("第二年", 1938)


def test_lists_and_windows_need_their_own_words() -> None:
    assert [m.text for m in parse_times("今天，15号，记者来到现场", BASE, bias="none")] == ["今天", "15号"]
    assert parse_times("目标提前两年多完成", BASE) == []


def test_day_offset_with_a_time_of_day() -> None:
    assert span("3天后的晚上8点", bias="none") == ("2023-11-23 20:00:00", "2023-11-23 20:59:59")
    assert span("兩天前的上午", bias="none") == ("2023-11-18 07:00:00", "2023-11-18 11:59:59")
    assert span("三天後晚上八點半", bias="none") == ("2023-11-23 20:30:00", "2023-11-23 20:30:59")
    assert [m.text for m in parse_times("两天后，记者来到现场", BASE)] == ["两天后"]


def test_five_year_plans() -> None:
    assert span("“十三五”期间", bias="none") == ("2016-01-01 00:00:00", "2020-12-31 23:59:59")
    assert span("十四五規劃", bias="none") == ("2021-01-01 00:00:00", "2025-12-31 23:59:59")
    assert parse_times("他十五岁，住在十五号楼", BASE) == []
    assert parse_times("第十五个五年计划", BASE) == []


def test_bare_roc_year_before_a_month() -> None:
    """Taiwan pages write 民國 years bare before a month: 112年11月6日 is 2023-11-06."""
    base = datetime(2023, 11, 8, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    got = [(m.text, m.start.date().isoformat()) for m in parse_times("行政院112年11月6日下午3點公布新制", base)]
    assert got == [("112年11月6日下午3點", "2023-11-06")]
    assert parse_times("這是112年來第一次", base) == []


def test_numeric_roc_and_unambiguous_day_month_strings() -> None:
    """Metadata and date lines: 112-11-06 is 2023-11-06; 25/12/2023 and 12/25/2023 are Christmas;
    06/11/2023 could be either and is left alone; a document number is no date."""
    def day(value: str) -> str | None:
        m = parse_datetime_string(value)
        return m.start.isoformat() if m else None

    assert day("發布日期：112-11-06 09:30") == "2023-11-06T09:30:00+08:00"
    assert day("112/11/06") == "2023-11-06T00:00:00+08:00"
    assert day("25/12/2023") == day("12/25/2023") == "2023-12-25T00:00:00+08:00"
    assert day("06/11/2023") is None
    assert day("府授法字第112-3-5號") is None


def test_zero_length_relative_span_is_no_time() -> None:
    """后0年 (found by hypothesis) once resolved to a span ending a second before it started."""
    base = datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=8)))
    assert parse_times("后0年", base) == []
    assert all(m.end is None or m.end >= m.start for m in parse_times("前0天、后0个月、0年后", base))
