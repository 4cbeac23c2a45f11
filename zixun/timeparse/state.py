"""The fields a group of atoms fills, and how a clock time and day part land on a day.

Kept apart so the reading (resolve.py) and the special calendars (calendars.py) share them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from zixun.timeparse.tables import DAY_PART


@dataclass(slots=True)
class State:
    """What a group of atoms says, field by field, before filling from the base time."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    relative: bool = False
    explicit_year: bool = False
    months: tuple[int, int] | None = None  # a part of a year: (first, last month)
    days: tuple[int, int] | None = None  # a part of a month: (first, last day; 0 = month end)
    years: tuple[int, int] | None = None  # century / decade
    days_span: tuple[date, date] | None = None  # week, 周末, 今明两天
    daypart: str | None = None
    holiday: str | None = None
    weekday: tuple[int | None, int] | None = None  # (week offset or None for bare, weekday)
    week_offset: int | None = None  # "下周一至周三": the right side's bare weekday is in the same week
    hour_only_clock: bool = False
    nth_week: tuple[int, int | None] | None = None  # 第3周 / 第3个星期日: (n, weekday)
    nth_day: int | None = None  # 2025年第一天, 第三天
    lunar: bool = False  # 农历 / 阴历 said, or a lunar form (腊月, 初十, 八月十五)
    lunar_leap: bool = False
    lunar_holiday: str | None = None
    lunar_new_year_day: int | None = None  # 大年初十
    term: str | None = None  # 冬至, 清明
    season: str | None = None  # 春 夏 秋 冬
    time_only: bool = False  # a clock time or day part on the base's day
    zone: tzinfo | None = None  # the offset the text states (2023-11-06T14:30+09:00), else the base's


class Unresolvable(Exception):
    """The group needs a base time (or is not a valid date)."""


def apply_time(day: datetime, st: State) -> tuple[datetime, datetime | None, str]:
    """Clock time and day part on a resolved day."""
    part = DAY_PART.get(st.daypart or "")
    if st.hour is None:
        if part is None:
            return day, None, "day"
        return day.replace(hour=part[0]), day.replace(hour=part[1], minute=59, second=59), "hour"
    hour = st.hour
    if part is not None:
        mode = part[2]
        if mode == "pm" and hour < 12 and not (st.daypart in ("晚上", "晚间", "晚") and hour < 5):
            hour += 12
        elif mode == "noon" and hour <= 5:
            hour += 12
        elif mode == "night" and 6 <= hour < 12:
            hour += 12
        elif mode in ("night", "pm") and hour == 12 and st.daypart not in ("中午", "午后", "下午"):
            hour = 24
    minute, second = st.minute or 0, st.second or 0
    if hour > 24 or minute > 59 or second > 59:
        raise Unresolvable
    start = day + timedelta(hours=hour, minutes=minute, seconds=second)
    precision = "second" if st.second is not None else ("minute" if st.minute is not None else "hour")
    return start, None, precision
