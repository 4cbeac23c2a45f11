"""Offsets from the base time: 3天前, 两个月后, 半年以内, 三个多月以来, 近30天, 未来7天, 现在.

Why apart from the calendar atoms: these never combine with neighbours and never need past bias
(the text says the direction); what they need is unit arithmetic and an honest precision:
"3天前" is a day, "七年半后" a month (the half makes the month meaningful), "3年前" a year.
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
    amount = _amount(g(prefix + "n"), more, half)
    unit = UNIT[g(prefix + "unit")]
    if amount is None or amount > 100000:
        return None
    if unit == "quarter":
        unit, amount = "month", amount * 3
    elif unit == "quarter-hour":
        unit, amount = "minute", amount * 15
    precision = _prec(unit)
    if amount != int(amount) and precision in FINER:
        precision = FINER[precision]  # "七年半后": the half makes the month meaningful
    try:
        if kind == "window" and g("win") in ("过", "再过"):  # "过两天", "再过半个小时": from then on
            point = shift(base, unit, amount)
            first = _truncate(point, "day") if unit in ("year", "month", "week", "day") else point
            return TimeMatch(words, span, first, None, precision, "relative", "after")
        if kind == "window":
            forward = g("win").startswith(("未来", "今后", "后"))
            other = shift(base, unit, amount if forward else -amount)
            if forward and unit in ("year", "month"):  # "未来两个月": through the day before
                other = end_of(other - timedelta(days=1), "day")
            if not forward and unit in ("year", "month"):  # "近三个月": from the start of that day
                other = _truncate(other, "day")
            lo, hi = (base, other) if forward else (other, end_of(base, base_precision))
            return TimeMatch(words, span, lo, hi, precision, "relative")
        suffix = g("dsuf")
        if suffix in ("以内", "之内", "内"):
            point = shift(base, unit, amount)
            fine = precision if precision in ("hour", "minute", "second") else "day"
            if PRECISIONS.index(base_precision) < PRECISIONS.index(fine):
                fine = base_precision
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
        return TimeMatch(words, span, first, None, precision, "relative", "before" if sign < 0 else "after")
    if unit == "week":
        first = first - timedelta(days=first.weekday())
        return TimeMatch(words, span, first, end_of(first + timedelta(days=6), "day"), "day", "relative")
    return TimeMatch(words, span, first, None, precision, "relative")


def _amount(num: str, more: str | None, half: str | None) -> float | None:
    if num == "半":
        return 0.5
    if num in ("几", "数"):
        value: float | None = 3
    elif re.fullmatch(r"\d+(?:\.\d+)?", num):
        value = float(num)
    else:
        n = cn_int(num.replace("几", "").replace("数", ""))
        value = float(n) if n is not None else None
    if value is not None and half:
        value += 0.5
    return value


def _prec(unit: str) -> str:
    return {"week": "day"}.get(unit, unit)


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
