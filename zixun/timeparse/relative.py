"""Offsets from the base time: 3天前, 两个月后, 半年以内, 三个多月以来, 近30天, 未来7天, 现在.

Why apart from the calendar atoms: these never combine with neighbours and never need past bias
(the text says the direction); what they need is unit arithmetic and an honest precision:
"3天前" is a day, "七年半后" a month (the half makes the month meaningful), "3年前" a year.

Conventions (each has its reason in the function that applies it):

- Calendar units count calendar days, months, years: "3天前" is that whole day.
- Hours, minutes and seconds count elapsed units: "17分钟后" is at least 17 and less than 18
  minutes on, [base+17min, base+18min]; "6个小时前" is [base-7h, base-6h]; "半小时后" one half-hour.
- A vague count names a stretch, closed at both ends: 二十几年前, 几十年之后, 三四天前.
- "前两天", "前几年" alone are "a couple of days/years ago" (not the last two days).
- 工作日/交易日 count Monday to Friday (public holidays are not known here).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from zixun.timeparse.model import PRECISIONS, TimeMatch, end_of, shift
from zixun.timeparse.numerals import cn_int
from zixun.timeparse.tables import UNIT

FINER = {"year": "month", "month": "day", "week": "day", "day": "hour", "hour": "minute", "minute": "second"}


def relative(m: re.Match[str], start: int, end: int, kind: str, text: str, base: datetime | None,
             base_precision: str = "second") -> TimeMatch | None:
    """One offset atom resolved against ``base`` (None without a base: nothing to count from).

    ``base_precision``: how much of the base is known; "up to now" ends at the end of that unit
    (a base known to the day makes "三个多月以来" run through that whole day)."""
    if base is None:
        return None
    g = m.group
    span = (start, end)
    words = text[start:end]
    if kind == "now":
        return TimeMatch(words, span, base, None, "second", "relative")
    prefix = "d" if kind == "delta" else "w"
    half = g(prefix + "half") or (g("dhalf2") if prefix == "d" else None)
    more = g(prefix + "more") or (g("dmore2") if prefix == "d" else None)
    unit = UNIT[g(prefix + "unit")]
    fuzzy = _fuzzy(g(prefix + "n"))
    amount = _amount(g(prefix + "n"), more, half)
    if amount is None or amount > 100000:
        return None
    step = 0.5 if amount == 0.5 else 1.0  # "半小时后": one half-hour; "一个半小时后": whole hours
    if unit == "quarter":
        unit, amount = "month", amount * 3
    elif unit == "quarter-hour":
        unit, amount, step = "minute", amount * 15, 15.0
    precision = _prec(unit)
    if amount != int(amount) and precision in FINER:
        precision = FINER[precision]  # "七年半后": the half makes the month meaningful
    try:
        if kind == "window":
            return _window(g("win"), g("wn"), unit, amount, precision, words, span, base, base_precision)
        suffix = g("dsuf")
        if fuzzy is not None and suffix not in ("以内", "之内", "内", "以来"):
            return _fuzzy_span(fuzzy, unit, suffix.endswith("前"), words, span, base)
        if suffix in ("前", "后") and (unit in SUB_DAY or (unit == "month" and amount != int(amount))):
            return _elapsed(unit, amount, step, suffix == "前", precision, words, span, base)
        if suffix in ("以内", "之内", "内"):
            point = shift(base, unit, amount)
            if unit in SUB_DAY:
                return TimeMatch(words, span, base, _sub_day_end(point, unit), precision, "relative")
            fine = precision if precision in ("hour", "minute", "second") else "day"
            if PRECISIONS.index(base_precision) < PRECISIONS.index(fine):
                # the base is known more coarsely: end at its unit, yet no coarser than the
                # expression's own ("3年半以内" from 2019 ends in a month, not a year)
                fine = PRECISIONS[max(PRECISIONS.index(base_precision), PRECISIONS.index(precision))]
            return TimeMatch(words, span, base, end_of(point, fine), precision, "relative")
        if suffix == "以来":
            return TimeMatch(words, span, _truncate(shift(base, unit, -amount), precision), end_of(base, base_precision),
                             precision, "relative")
        sign = -1 if suffix.endswith("前") else 1
        point = shift(base, unit, sign * amount)
    except (ValueError, OverflowError):
        return None
    first = _truncate(point, precision)
    if suffix in ("以前", "之前", "以后", "之后"):  # open-ended: "3年以前", "20天以后"
        if unit == "week":
            first -= timedelta(days=first.weekday())
        if sign < 0 and unit in SUB_DAY:  # "92分钟以前": up to that very minute
            return TimeMatch(words, span, first, _sub_day_end(point, unit), precision, "relative", "before")
        return TimeMatch(words, span, first, None, precision, "relative", "before" if sign < 0 else "after")
    if unit == "week":
        first = first - timedelta(days=first.weekday())
        return TimeMatch(words, span, first, end_of(first + timedelta(days=6), "day"), "day", "relative")
    return TimeMatch(words, span, first, None, precision, "relative")


SUB_DAY = ("hour", "minute", "second")
# "前两天", "前几年" said alone: "a couple of days/years ago", not the last two days; how far back
# the couple reaches, per unit (the nearest is always 2 units back)
COUPLE_BACK = {"day": 7, "year": 5, "hour": 6, "minute": 9}
_WINDOW_SUFFIX = ("内", "里", "以来")


def _window(win: str, wn: str, unit: str, amount: float, precision: str, words: str, span: tuple[int, int],
            base: datetime, base_precision: str) -> TimeMatch:
    if win in ("过", "再过"):  # "过两天", "再过半个小时": from then on
        point = shift(base, unit, amount)
        first = _truncate(point, "day") if unit in ("year", "month", "week", "day", "workday") else point
        return TimeMatch(words, span, first, None, precision, "relative", "after")
    if win == "前" and wn in ("两", "几") and unit in COUPLE_BACK and not words.endswith(_WINDOW_SUFFIX):
        lo = _truncate(shift(base, unit, -COUPLE_BACK[unit]), precision)
        return TimeMatch(words, span, lo, end_of(shift(base, unit, -2), precision), precision, "relative")
    forward = win.startswith(("未来", "今后", "后"))
    other = shift(base, unit, amount if forward else -amount)
    if forward and unit in ("year", "month"):  # "未来两个月": through the day before
        other = end_of(other - timedelta(days=1), "day")
    elif forward and unit in SUB_DAY:  # "未来72小时" from 14:32 (known to the minute): to 14:32:59
        other = end_of(other, base_precision)
    if not forward and (unit in ("year", "month") or (unit == "week" and win == "前")):
        # "近三个月", "前两周": from the start of that day ("过去的一周" runs from the same hour)
        other = _truncate(other, "day")
    lo, hi = (base, other) if forward else (other, end_of(base, base_precision))
    return TimeMatch(words, span, lo, hi, precision, "relative")


def _elapsed(unit: str, amount: float, step: float, back: bool, precision: str, words: str,
             span: tuple[int, int], base: datetime) -> TimeMatch:
    """"17分钟后", "6个小时前", "两个半月前": a count of elapsed units means at least that many and
    less than one more, so the time lies in the stretch [N, N+1) units away from the base.

    Hours end at the end of their minute, minutes and seconds exactly; a month count with a half
    ("十个半月后") is a month-long stretch of days."""
    near = shift(base, unit, -amount if back else amount)
    far = shift(base, unit, -(amount + step) if back else amount + step)
    lo, hi = (far, near) if back else (near, far)
    if unit == "month":
        hi = hi if back else hi - timedelta(days=1)
        return TimeMatch(words, span, _truncate(lo, "day"), end_of(hi, "day"), "day", "relative")
    return TimeMatch(words, span, lo, hi if back else _sub_day_end(hi, unit), precision, "relative")


def _sub_day_end(point: datetime, unit: str) -> datetime:
    """An hour count ends at the end of its minute ("半小时内": to 07:48:59), a minute or second
    count at that instant ("90分钟以内": to 08:48:00)."""
    return end_of(point, "minute") if unit == "hour" else point.replace(microsecond=0)


_PAIR = re.compile(r"(?P<head>.{0,3}?)(?P<a>[一两二三四五六七八])(?P<b>[二三四五六七八九])(?P<unit>[十百千万]?)")
_DIGIT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _fuzzy(num: str) -> tuple[float, float] | None:
    """A vague count as [low, high): 几/数 = 2..10, 十几 = 10..20, 二十几 = 20..30, 几十 = 20..100;
    two neighbouring digits are "this or the next": 三四 = 3..4, 十七八 = 17..18, 三四十 = 30..40."""
    pair = _PAIR.fullmatch(num)
    if pair and _DIGIT[pair.group("b")] == _DIGIT[pair.group("a")] + 1:
        head, unit = pair.group("head"), pair.group("unit")
        lo, hi = cn_int(head + pair.group("a") + unit), cn_int(head + pair.group("b") + unit)
        if lo is not None and hi is not None and lo < hi:
            return float(lo), float(hi)
    num = num.replace("数", "几")
    if "几" not in num:
        return None
    if num == "几":
        return 2.0, 10.0
    if num.endswith("几") and num[:-1].endswith(("十", "百", "千", "万")):
        head = cn_int(num[:-1])
        size = {"十": 1, "百": 10, "千": 100, "万": 1000}[num[-2]]
        if head is None:
            return None
        return float(head), float(head + 10 * size)
    if num.startswith("几") and len(num) == 2 and num[1] in "十百千万":
        size = {"十": 10, "百": 100, "千": 1000, "万": 10000}[num[1]]
        return 2.0 * size, 10.0 * size
    return None


def _fuzzy_span(bounds: tuple[float, float], unit: str, back: bool, words: str, span: tuple[int, int],
                base: datetime) -> TimeMatch:
    """"二十几年前" (20 to 30 years back), "几十年之后": a vague count names a stretch, closed at both
    ends even with 以后/之前 (the count, not the direction, is what is uncertain)."""
    lo_n, hi_n = bounds
    precision = _prec(unit)
    a, b = (shift(base, unit, -hi_n), shift(base, unit, -lo_n)) if back else (shift(base, unit, lo_n), shift(base, unit, hi_n))
    first = _truncate(a, precision)
    if unit == "week":
        first -= timedelta(days=first.weekday())
        b += timedelta(days=6 - b.weekday())
    return TimeMatch(words, span, first, end_of(b, precision), precision, "relative")


def _amount(num: str, more: str | None, half: str | None) -> float | None:
    if num == "半":
        return 0.5
    pair = _fuzzy(num) if _PAIR.fullmatch(num) else None
    if pair is not None:  # "两三个月内": the larger
        value: float | None = pair[1]
    elif num in ("几", "数"):
        value = 3
    elif re.fullmatch(r"\d+(?:\.\d+)?", num):
        value = float(num)
    else:
        n = cn_int(num.replace("几", "").replace("数", ""))
        value = float(n) if n is not None else None
    if value is not None and half:
        value += 0.5
    return value


def _prec(unit: str) -> str:
    return {"week": "day", "workday": "day"}.get(unit, unit)


def _truncate(dt: datetime, precision: str) -> datetime:
    if precision == "year":
        return dt.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision == "month":
        return dt.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision == "day":
        return dt.replace(hour=0, minute=0, second=0, microsecond=0)
    if precision == "hour":
        return dt.replace(minute=0, second=0, microsecond=0)
    if precision == "minute":
        return dt.replace(second=0, microsecond=0)
    return dt.replace(microsecond=0)
