"""What the time engine returns: a matched expression and a publish-time guess."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

PRECISIONS = ("year", "month", "day", "hour", "minute", "second")


_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def make_tz(value: str) -> timezone:
    """"+08:00" / "+0800" / "Z" → a fixed-offset zone (ValueError otherwise)."""
    if value in ("Z", "UTC", "GMT"):
        return UTC
    m = _OFFSET.match(value.strip())
    if not m:
        raise ValueError(f"time zone {value!r} is not an offset like +08:00")
    minutes = int(m.group(2)) * 60 + int(m.group(3))
    return timezone(timedelta(minutes=-minutes if m.group(1) == "-" else minutes))


def end_of(start: datetime, precision: str) -> datetime:
    """The last second of the calendar unit that begins at ``start`` (inclusive end)."""
    if precision == "year":
        return start.replace(month=12, day=31, hour=23, minute=59, second=59, microsecond=0)
    if precision == "month":
        last = calendar.monthrange(start.year, start.month)[1]
        return start.replace(day=last, hour=23, minute=59, second=59, microsecond=0)
    if precision == "day":
        return start.replace(hour=23, minute=59, second=59, microsecond=0)
    if precision == "hour":
        return start.replace(minute=59, second=59, microsecond=0)
    if precision == "minute":
        return start.replace(second=59, microsecond=0)
    return start


@dataclass(slots=True, frozen=True)
class TimeMatch:
    """One time expression found in a text.

    ``start`` is the first instant. ``end`` is ``None`` when the expression names a single
    calendar unit at ``precision`` ("11月6日" is the whole day: ``last`` gives 23:59:59), and the
    inclusive last instant when it names a span ("11月6日至8日", "上午", "一季度").
    ``kind``: ``absolute`` (a full year is written), ``partial`` (year or month taken from the
    base time, past-biased), ``relative`` (昨天, 上周五, 3天前, 当天).
    ``open``: ``"after"`` for "20天以后" (from ``start`` on, no end), ``"before"`` for "3年以前"
    (up to ``last``, no beginning); ``None`` for everything bounded.
    """

    text: str
    span: tuple[int, int]
    start: datetime
    end: datetime | None
    precision: str
    kind: str
    open: str | None = None

    @property
    def last(self) -> datetime:
        """Inclusive end of the expression, for a point the end of its calendar unit."""
        return self.end if self.end is not None else end_of(self.start, self.precision)

    def iso(self) -> str:
        """``start`` as ISO 8601 with offset; ``precision`` says which parts are meaningful."""
        return self.start.isoformat()


@dataclass(slots=True, frozen=True)
class PublishGuess:
    """A publish time inferred from the body: when, how precisely, on what evidence, how sure."""

    at: datetime
    precision: str
    evidence: str
    confidence: float


def add_months(dt: datetime, months: int) -> datetime:
    """``dt`` moved by whole months, the day clamped to the target month's length."""
    index = dt.year * 12 + (dt.month - 1) + months
    year, month = divmod(index, 12)
    day = min(dt.day, calendar.monthrange(year, month + 1)[1])
    return dt.replace(year=year, month=month + 1, day=day)


def shift(dt: datetime, unit: str, amount: float) -> datetime:
    """``dt`` moved by ``amount`` units (year/month/week/day/workday/hour/minute/second); halves allowed."""
    if unit in ("year", "month"):
        months = amount * (12 if unit == "year" else 1)
        whole = int(months)
        out = add_months(dt, whole)
        frac = months - whole
        return out + timedelta(days=round(frac * 30)) if frac else out
    if unit == "workday":  # Monday to Friday; public holidays are not known here
        return add_workdays(dt, int(amount))
    seconds = {"week": 604800, "day": 86400, "hour": 3600, "minute": 60, "second": 1}[unit]
    return dt + timedelta(seconds=amount * seconds)


def add_workdays(dt: datetime, n: int) -> datetime:
    """``dt`` moved by ``n`` weekdays (Monday–Friday); "5个交易日之后" from a Monday is the next Monday."""
    sign = 1 if n >= 0 else -1
    weeks, rest = divmod(abs(n), 5)
    out = dt + timedelta(days=7 * weeks * sign)
    while rest:
        out += timedelta(days=sign)
        if out.weekday() < 5:
            rest -= 1
    return out
