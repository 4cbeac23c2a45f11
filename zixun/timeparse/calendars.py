"""Finishing groups that live on other calendars: 第N周/第N天, lunar dates and holidays, solar
terms, seasons, and holidays fixed on the Gregorian calendar (元旦, 国庆) or a weekday (母亲节).

Why the lunar year: "去年春节" is the Spring Festival of last lunar year, "2023年大年三十" falls in
February 2024, and "2017年大寒" in January 2018; past bias then steps back one lunar year.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from zixun.timeparse import lunar
from zixun.timeparse.model import end_of
from zixun.timeparse.state import State, Unresolvable, apply_time
from zixun.timeparse.tables import HOLIDAY_FIXED, HOLIDAY_NTH

Span = tuple[datetime, datetime | None, str]


def holiday_date(name: str, year: int) -> date:
    if name in HOLIDAY_FIXED:
        mo, d = HOLIDAY_FIXED[name]
        return date(year, mo, d)
    mo, wd, n = HOLIDAY_NTH[name]
    first = date(year, mo, 1)
    return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))


def nth(st: State, base: datetime | None, mk: Callable[..., datetime]) -> tuple[datetime, datetime | None, str]:
    """第3周 (weeks count from the month's or year's first Monday), 第3个星期日, 第十天."""
    if st.nth_day is not None:
        if st.year is not None and st.month is None:
            d = date(st.year, 1, 1) + timedelta(days=st.nth_day - 1)
        elif st.year is not None and st.month is not None:  # "下个月的第一天"
            d = date(st.year, st.month, 1) + timedelta(days=st.nth_day - 1)
        elif base is not None:
            d = base.date() + timedelta(days=st.nth_day - 1)
            st.relative = True
        else:
            raise Unresolvable
        return apply_time(mk(d.year, d.month, d.day), st)
    assert st.nth_week is not None
    n, wd = st.nth_week
    if st.year is None:
        if base is None:
            raise Unresolvable
        st.year = base.year
    first = date(st.year, st.month or 1, 1)
    if wd is not None:
        d = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        return apply_time(mk(d.year, d.month, d.day), st)
    monday = first + timedelta(days=(0 - first.weekday()) % 7 + 7 * (n - 1))
    sunday = monday + timedelta(days=6)
    return mk(monday.year, monday.month, monday.day), end_of(mk(sunday.year, sunday.month, sunday.day), "day"), "day"


def _lunar_day(st: State, base: datetime | None, bias: str, mk: Callable[..., datetime]) -> Span:
    """"初五", "廿三" alone: that day of the base's lunar month (past bias: the last one not after
    the base; a day 30 in a 29-day month moves to the month before or after)."""
    if base is None or st.day is None:
        raise Unresolvable
    day = st.day

    def in_month(y: int, m: int, leap: bool) -> date | None:
        first, last = lunar.month_span(y, m, leap)
        return first + timedelta(days=day - 1) if day <= (last - first).days + 1 else None

    try:
        y, m, _, leap = lunar.from_solar(base.date())
        found = in_month(y, m, leap)
        first, last = lunar.month_span(y, m, leap)
        if bias == "past" and (found is None or found > base.date()):
            py, pm, _, pleap = lunar.from_solar(first - timedelta(days=1))
            found = in_month(py, pm, pleap)
        elif bias == "future" and (found is None or found < base.date()):
            ny, nm, _, nleap = lunar.from_solar(last + timedelta(days=1))
            found = in_month(ny, nm, nleap)
    except ValueError as exc:
        raise Unresolvable from exc
    if found is None:
        raise Unresolvable
    st.relative = True
    return apply_time(mk(found.year, found.month, found.day), st)


def other_calendar(st: State, base: datetime | None, bias: str, mk: Callable[..., datetime]) -> tuple[datetime, datetime | None, str]:
    """Lunar dates and holidays, solar terms and seasons: the year is the lunar (or term) year."""
    year_given = st.year is not None
    if st.year is None and base is None:
        raise Unresolvable
    if st.month is None and st.day is not None and not (st.lunar_holiday or st.term or st.season):
        return _lunar_day(st, base, bias, mk)

    def span(year: int) -> tuple[date, date]:
        if st.lunar_holiday is not None:
            if st.lunar_new_year_day:
                d = lunar.to_solar(year, 1, st.lunar_new_year_day)
            else:
                d = lunar.holiday(st.lunar_holiday, year)
            return d, d
        if st.term is not None:
            d = lunar.solar_term(st.term, year + 1 if st.term in ("小寒", "大寒") else year)
            return d, d
        if st.season is not None:
            bounds = {"春": ("立春", "立夏", 0), "夏": ("立夏", "立秋", 0), "秋": ("立秋", "立冬", 0),
                      "冬": ("立冬", "立春", 1)}[st.season]
            first = lunar.solar_term(bounds[0], year)
            return first, lunar.solar_term(bounds[1], year + bounds[2]) - timedelta(days=1)
        if st.month is None:
            raise Unresolvable
        if st.day is None:
            return lunar.month_span(year, st.month, st.lunar_leap)
        d = lunar.to_solar(year, st.month, st.day, st.lunar_leap)
        return d, d

    try:
        year = st.year if st.year is not None else base.year  # type: ignore[union-attr]
        a, b = span(year)
        if not year_given and base is not None:
            if bias == "past" and a > base.date():
                a, b = span(year - 1)
            elif bias == "future" and b < base.date():
                a, b = span(year + 1)
    except (ValueError, IndexError) as exc:
        raise Unresolvable from exc
    start = mk(a.year, a.month, a.day)
    if a != b:
        return start, end_of(mk(b.year, b.month, b.day), "day"), "day"
    return apply_time(start, st)
