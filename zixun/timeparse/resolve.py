"""Turn one group of adjacent atoms (2023年 11月 6日 晚上 8点) into a start, an end and a precision.

Why past bias: in a news article a date without its year ("11月6日") or a bare weekday ("周五")
names the past or near past of the publish time, so when filling the missing year, month or week
from the base time would land after the base, we step one unit back. ``bias="none"`` fills from
the base as is (JioNLP's convention), ``bias="future"`` steps forward (schedules, forecasts).
Parts of a year without a year (年底, 一季度, 上半年) are this year's: news writes "预计年底完工"
about the coming year end and "一季度GDP" about this year's quarter; the bias is for dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo

from zixun.timeparse.calendars import holiday_date, nth, other_calendar
from zixun.timeparse.model import add_months, end_of, make_tz
from zixun.timeparse.numerals import cn_int, expand_year
from zixun.timeparse.state import State, Unresolvable, apply_time
from zixun.timeparse.tables import (
    DAY_PART,
    DECADE_PART,
    MONTH_PART,
    REL_DAY,
    REL_MONTH,
    REL_YEAR,
    WEEK_PREFIX,
    WEEKDAY,
    YEAR_PART,
)


def _num(s: str | None) -> int | None:
    return cn_int(s) if s else None


def read_atom(st: State, kind: str, m: re.Match[str], base: datetime | None, anchor: date | None) -> None:
    """Add one atom's fields to ``st``; relative atoms are resolved against base/anchor now."""
    g = m.group
    if kind == "numdt":
        st.year, st.month, st.day = int(g("ny")), int(g("nm")), int(g("nd"))
        st.explicit_year = True
        if g("nH"):
            st.hour, st.minute = int(g("nH")), int(g("nM"))
            st.second = int(g("nS")) if g("nS") else None
            if g("tz"):
                st.zone = make_tz(g("tz").strip())
    elif kind == "compact":
        st.year, st.month, st.day, st.explicit_year = int(g("cy")), int(g("cm")), int(g("cd")), True
    elif kind == "yyslash":
        st.year, st.month, st.day = 2000 + int(g("sy")), int(g("sm")), int(g("sd"))
        st.explicit_year = True
    elif kind == "ym":
        st.year, st.month, st.explicit_year = int(g("my")), int(g("mm")), True
    elif kind == "md":
        st.month, st.day = int(g("dm")), int(g("dd"))
    elif kind == "clock":
        st.hour, st.minute = int(g("ch")), int(g("cmi"))
        st.second = int(g("cs")) if g("cs") else None
    elif kind == "year":
        text = g("yv")
        value = cn_int(text)
        if value is None:
            raise Unresolvable
        st.year = expand_year(value, len(text), base.year if base else None)
        st.explicit_year = True
    elif kind == "relyear":
        off, anchored = REL_YEAR[g("ry")]
        ref = anchor.year if anchored and anchor else (base.year if base else None)
        if ref is None:
            raise Unresolvable
        st.year, st.relative = ref + off, True
        if g("ry") == "今明两年":
            st.years = (ref, ref + 1)
    elif kind == "month":
        st.month = _num(g("mv"))
        if g("mvd"):
            st.day = _num(g("mvd"))
    elif kind == "nthweek":
        n = _num(g("nw"))
        if not n:
            raise Unresolvable
        st.nth_week = (n, WEEKDAY[g("nwd")] if g("nwd") else None)
    elif kind == "monthsof":
        n = _num(g("mo_n")) if g("mo_n") else 1
        if not n or n > 12:
            raise Unresolvable
        p = g("mo_p")
        st.months = (1, n) if p == "前" else ((13 - n, 12) if p == "后" else ((n, n) if p == "第" else (1, 1)))
    elif kind == "lunarpre":
        st.lunar = True
    elif kind in ("lunarmd", "lunarmon"):
        name = g("lmon") or g("lmon2")
        st.lunar, st.lunar_leap = True, name.startswith("闰")
        name = name.lstrip("闰")
        st.month = {"正": 1, "冬": 11, "腊": 12}.get(name) or _num(name)
        if kind == "lunarmd":
            st.day = _num(g("lday").replace("初", "")) if g("lday") != "初十" else 10
    elif kind == "lunarhol":
        word = g("lhol")
        st.lunar = True
        if word.startswith("大年初"):
            st.lunar_holiday, st.lunar_new_year_day = "春节", _num(g("lhd"))
        else:
            st.lunar_holiday = word
    elif kind == "term":
        st.term = g("st")
    elif kind == "season":
        st.season = (g("season") or g("season1"))[0]
    elif kind == "mdays":
        n = _num(g("fdn"))
        if not n or n > 31:
            raise Unresolvable
        st.days = (1, n) if g("fdp") != "最后" else (-n, 0)
    elif kind == "lunarmd2":
        st.lunar, st.month = True, {"正": 1, "冬": 11, "腊": 12}[g("lmon3")]
        st.day = int(g("lday3"))
    elif kind == "lunarday":
        word = g("ldo")
        st.lunar, st.day = True, (10 if word == "初十" else _num(word.lstrip("初")))
    elif kind == "cnmd":  # "四月十三" read on the Gregorian calendar (parse_times(lunar=False))
        st.month, st.day = _num(g("lmon")), _num(g("lday"))
    elif kind == "fyp":
        n = _num(g("fyp"))
        if not n or n < 3:
            raise Unresolvable
        first = 1966 + 5 * (n - 3)
        st.years, st.explicit_year = (first, first + 4), True
    elif kind == "roc":
        n = _num(g("roc") or g("roc2"))
        if not n:
            raise Unresolvable
        st.year, st.explicit_year = 1911 + n, True
    elif kind == "bareyear":
        st.year, st.explicit_year = int(g("by") or g("by2")), True
    elif kind == "nthyear":
        n = _num(g("ny_n"))
        if not n or base is None:
            raise Unresolvable
        ref = anchor.year if anchor is not None else base.year  # "1937年7月7日…第二年" is 1938
        st.year, st.relative = ref + n - 1, True
    elif kind == "holnum":
        st.holiday = "国庆" if (g("hn") or g("hn2")) == "十一" else "劳动节"
    elif kind == "msec":
        st.minute, st.second = int(g("msm")), int(g("mss"))
    elif kind == "nthday":
        st.nth_day = _num(g("nd_n"))
    elif kind == "relmonth":
        off, anchored = REL_MONTH[g("rm")]
        ref_d = anchor if anchored and anchor else (base.date() if base else None)
        if ref_d is None:
            raise Unresolvable
        moved = add_months(datetime(ref_d.year, ref_d.month, 1), off)
        st.year, st.month, st.relative = moved.year, moved.month, True
    elif kind == "day":
        st.day = _num(g("dv"))
    elif kind == "relday":
        word = g("rd")
        off, anchored, part = REL_DAY[word]
        ref_d = anchor if anchored and anchor else (base.date() if base else None)
        if ref_d is None:
            raise Unresolvable
        d = ref_d + timedelta(days=off)
        if st.year is not None and not anchored and base is not None and st.month is None:
            try:  # "明年的今天", "去年今天": that day in the year said
                d = d.replace(year=d.year + st.year - base.year)
            except ValueError as exc:
                raise Unresolvable from exc
        st.year, st.month, st.day, st.relative = d.year, d.month, d.day, True
        st.daypart = part or st.daypart
        if word == "今明两天":
            st.days_span = (d, d + timedelta(days=1))
    elif kind == "week":
        _read_week(st, g("wp"), g("wd"), base)
    elif kind == "quarter":
        _read_quarter(st, g("q"), g("qs"), base)
    elif kind == "halfyear":
        st.months = YEAR_PART[g("hy")]
    elif kind == "monthpart":
        st.days = MONTH_PART[g("mp")]
    elif kind == "holiday":
        st.holiday = g("hol")
    elif kind == "daypart":
        word = g("dp")
        if word in ("初", "底", "末"):
            if st.years is not None:
                lo, hi = st.years
                st.years = (lo, lo + 19) if word == "初" else (hi - 19, hi)
            elif st.month is not None:
                st.days = MONTH_PART[word]
            elif st.months is not None:  # "上半年末": the last month of the part
                st.months = (st.months[0], st.months[0]) if word == "初" else (st.months[1], st.months[1])
            else:
                st.months = YEAR_PART[word]
        elif word in DAY_PART:
            st.daypart = word
    elif kind == "hm":
        _read_hm(st, m)
    elif kind in ("cent", "centr"):
        if g("centn"):
            n = _num(g("centn")) or 1
            st.years = ((n - 1) * 100, (n - 1) * 100 + 99)
        else:
            if base is None:
                raise Unresolvable
            c = base.year // 100 * 100 - (100 if g("centr").startswith("上") else 0)
            st.years = (c, c + 99)
        st.explicit_year = True
    elif kind == "decade":
        _read_decade(st, g("decade"), g("decs"), base)
    else:
        raise Unresolvable


def _read_week(st: State, prefix: str | None, wd: str | None, base: datetime | None) -> None:
    if prefix is None and wd is None:
        raise Unresolvable
    if base is None:
        raise Unresolvable
    off = WEEK_PREFIX[prefix] if prefix else st.week_offset
    if st.day is not None:  # "6月1日周六": the weekday only confirms the date
        return
    monday = base.date() - timedelta(days=base.weekday()) + timedelta(days=7 * (off or 0))
    st.relative = True
    if wd is None:
        st.days_span = (monday, monday + timedelta(days=6))
    elif wd == "末":
        st.days_span = (monday + timedelta(days=5), monday + timedelta(days=6))
    else:
        st.weekday = (off, WEEKDAY[wd])


def _read_quarter(st: State, q: str, qs: str | None, base: datetime | None) -> None:
    n_match = re.search(r"[一二三四两1-4]", q)
    n = (cn_int(n_match.group()) or 1) if n_match else 1
    if q.startswith(("上", "下", "本", "这", "当")):
        if base is None:
            raise Unresolvable
        off = -1 if q[0] == "上" else (1 if q[0] == "下" else 0)
        index = base.year * 4 + (base.month - 1) // 3 + off
        st.year, st.relative = index // 4, True
        first = index % 4 * 3 + 1
        st.months = (first, first + 2)
    elif q.startswith("前"):
        st.months = (1, 3 * n)
    elif q.startswith("后"):
        st.months = (12 - 3 * n + 1, 12)
    else:
        first = (n - 1) * 3 + 1
        st.months = (first, first + 2)
    if qs == "初":
        st.months = (st.months[0], st.months[0])
    elif qs == "末":
        st.months = (st.months[1], st.months[1])


def _read_decade(st: State, text: str, part: str | None, base: datetime | None) -> None:
    value = cn_int(text.replace("十", "0")) if "十" in text and len(text) == 2 else cn_int(text)
    if value is None:
        raise Unresolvable
    if value >= 1000:
        start = value
    elif st.years is not None:
        start = st.years[0] + value
    else:
        ref = base.year if base else 2030
        start = 2000 + value if 2000 + value <= ref else 1900 + value
    lo, hi = DECADE_PART.get(part or "", (0, 9))
    st.years = (start + lo, start + hi)
    st.explicit_year = True


def _read_hm(st: State, m: re.Match[str]) -> None:
    hour = cn_int(m.group("hv"))
    if hour is None:
        raise Unresolvable
    st.hour = hour
    if m.group("half"):
        st.minute = 30
    elif m.group("qt"):
        st.minute = 15 if m.group("qt") in "一1" else 45
    elif m.group("mi"):
        st.minute = cn_int(m.group("mi").lstrip("零") or "0")
        if m.group("se"):
            st.second = cn_int(m.group("se").lstrip("零") or "0")
    st.hour_only_clock = st.minute is None


def finish(st: State, base: datetime | None, bias: str, tz: tzinfo) -> tuple[datetime, datetime | None, str]:
    """Fill what the group left out from the base time (past-biased) and build the datetimes."""
    zone = st.zone or (base.tzinfo if base is not None else tz)

    def mk(y: int, mo: int = 1, d: int = 1) -> datetime:
        try:
            return datetime(y, mo, d, tzinfo=zone)
        except ValueError as exc:
            raise Unresolvable from exc

    if st.nth_week is not None or st.nth_day is not None:
        return nth(st, base, mk)
    if st.lunar or st.term or st.season:
        return other_calendar(st, base, bias, mk)
    if st.years is not None and st.month is None:
        return mk(st.years[0]), mk(st.years[1], 12, 31).replace(hour=23, minute=59, second=59), "year"
    if st.days_span is not None:
        a, b = st.days_span
        if st.hour is not None:  # "周末九点": the first of the days at that time
            return apply_time(mk(a.year, a.month, a.day), st)
        return mk(a.year, a.month, a.day), mk(b.year, b.month, b.day).replace(hour=23, minute=59, second=59), "day"
    if st.weekday is not None:
        if base is None:
            raise Unresolvable
        off, wd = st.weekday
        monday = base.date() - timedelta(days=base.weekday()) + timedelta(days=7 * (off or 0))
        d = monday + timedelta(days=wd)
        if off is None and bias == "past" and d > base.date():
            d -= timedelta(days=7)
        elif off is None and bias == "future" and d < base.date():
            d += timedelta(days=7)
        return apply_time(mk(d.year, d.month, d.day), st)
    if st.holiday is not None:
        year_given = st.year is not None
        if st.year is None and base is None:
            raise Unresolvable
        year = st.year if st.year is not None else base.year  # type: ignore[union-attr]
        d = holiday_date(st.holiday, year)
        if not year_given and base is not None:
            if bias == "past" and d > base.date():
                d = holiday_date(st.holiday, year - 1)
            elif bias == "future" and d < base.date():
                d = holiday_date(st.holiday, year + 1)
        return apply_time(mk(d.year, d.month, d.day), st)
    if st.year is None and st.month is None and st.day is None:
        if st.months is not None:
            pass
        elif st.hour is not None or st.minute is not None or st.daypart is not None or st.days is not None:
            if base is None:
                raise Unresolvable
            if st.hour is None and st.minute is not None:  # "35:37": in the base's hour
                st.hour = base.hour
            if st.days is None:  # a clock time or day part alone: on the base's day, so relative
                st.year, st.month, st.day = base.year, base.month, base.day
                st.relative = st.time_only = True
        else:
            raise Unresolvable
    return _fill(st, base, bias, mk)


def _fill(st: State, base: datetime | None, bias: str, mk: Callable[..., datetime]) -> tuple[datetime, datetime | None, str]:
    make = mk  # builds aware datetimes in the base's zone
    if st.year is None:
        if base is None:
            raise Unresolvable
        if st.month is None and st.months is None and st.days is not None:
            st.month = base.month
        if st.month is None and st.months is None:  # a bare day: month from the base
            year, month = base.year, base.month
            if st.day is not None and st.day > calendar.monthrange(year, month)[1] or (
                bias == "past" and (st.day or 1) > base.day):
                prev = add_months(datetime(year, month, 1), -1)
                year, month = prev.year, prev.month
            elif bias == "future" and (st.day or 1) < base.day:
                nxt = add_months(datetime(year, month, 1), 1)
                year, month = nxt.year, nxt.month
            st.year, st.month = year, month
        else:
            first_month = st.month if st.month is not None else st.months[0]  # type: ignore[index]
            year = base.year
            if st.month is None:
                pass  # "年底", "一季度", "上半年" without a year: this year's, as news means them
            elif bias == "past" and (first_month, st.day or 1) > (base.month, base.day):
                year -= 1
            elif bias == "future" and (st.months[1] if st.months else first_month, st.day or 31) < (base.month, base.day):
                year += 1
            st.year = year
    if st.month is None:
        lo, hi = st.months if st.months is not None else (1, 12)
        start = make(st.year, lo)
        if st.months is None:
            return start, None, "year"
        if lo == hi:
            return start, None, "month"
        return start, end_of(make(st.year, hi), "month"), "month"
    if not 1 <= st.month <= 12:
        raise Unresolvable
    if st.day is None:
        if st.days is not None:
            lo, hi = st.days
            last = calendar.monthrange(st.year, st.month)[1]
            if lo < 0:  # "最后五天"
                lo = last + lo + 1
            a, b = make(st.year, st.month, lo), make(st.year, st.month, hi or last)
            return a, end_of(b, "day"), "day"
        return make(st.year, st.month), None, "month"
    return apply_time(make(st.year, st.month, st.day), st)


