"""Recurring times: 每年9月, 每周三, 每天晚上8点, 每隔3天, 每半年.

Why apart from ``parse_times``: "每周三" is not a date. ``parse_times`` leaves out what follows 每,
and ``parse_periods`` reads it as a period (the repeat step) and its first occurrence, taken
from the base's own year, month, week or day without past bias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from zixun.timeparse.durations import parse_duration
from zixun.timeparse.model import TimeMatch, shift
from zixun.timeparse.numerals import normalize

_EVERY = re.compile(
    r"每(?:逢)?(?P<gap>隔)?个?(?P<num>\d{1,6}|[一二三四五六七八九十两半]{1,3})?个?"
    r"(?P<unit>年|个?月|周|星期|礼拜|天|日|工作日|交易日|小时|个?钟头|分钟|秒钟?)"
)
_STEP = {"年": ("year", 1.0), "月": ("month", 1.0), "周": ("day", 7.0), "星期": ("day", 7.0), "礼拜": ("day", 7.0),
         "天": ("day", 1.0), "日": ("day", 1.0), "工作日": ("day", 1.0), "交易日": ("day", 1.0),
         "小时": ("hour", 1.0), "钟头": ("hour", 1.0), "分钟": ("minute", 1.0), "秒": ("second", 1.0),
         "秒钟": ("second", 1.0)}


@dataclass(slots=True, frozen=True)
class Period:
    """A recurring time: ``step`` as a unit dict ({"day": 7}), ``first`` its first occurrence,
    ``times`` the first ``occurrences`` of them (``first`` included; empty without a first)."""

    text: str
    span: tuple[int, int]
    step: dict[str, float]
    first: TimeMatch | None
    times: tuple[TimeMatch, ...] = ()


_WORKDAY = re.compile(r"的?(?:工作日|交易日)")
_MAX_OCCURRENCES = 366


def parse_periods(text: str, base: datetime | None = None, occurrences: int = 1) -> list[Period]:
    """Every 每… expression in ``text``.

    ``occurrences``: how many times to list from the first on (at most 366). Each is the
    expression read again one step later ("每年春节" in 2022 is 2022-02-01: lunar holidays move),
    and a 工作日/交易日 period ("每个工作日9点", "每周工作日9点") lists Monday to Friday only.
    """
    from zixun.timeparse.scan import parse_times  # scan imports nothing from here

    norm = normalize(text)
    out: list[Period] = []
    for m in _EVERY.finditer(norm):
        unit_word = m.group("unit").lstrip("个")
        unit, size = _STEP[unit_word]
        num = m.group("num")
        if num:
            parsed = parse_duration(num + unit_word) if num != "半" else None
            amount = 0.5 if num == "半" else (float(next(iter(parsed.values()))) / size if isinstance(parsed, dict) and parsed else None)
            if amount is None:
                continue
            size *= amount
        rest_start = m.end() if m.group("gap") or unit_word in ("年", "月", "天", "日", "工作日", "交易日") else m.start("unit")
        workday = unit_word in ("工作日", "交易日")
        if (wd := _WORKDAY.match(norm, m.end())) and not m.group("gap"):
            workday, rest_start = True, wd.end()  # "每周工作日9点"
        end = _phrase_end(norm, m.end(), m.end() + 40)  # a bounded window: linear on any input
        times: list[TimeMatch] = []
        if base is not None and rest_start < end:
            count = max(1, min(occurrences, _MAX_OCCURRENCES))
            rest = text[rest_start:end]
            k = 0
            while len(times) < count and k < 3 * count + 3:
                when = shift(base, "day", k) if workday else shift(base, unit, k * size)
                k += 1
                if workday and when.weekday() >= 5:
                    continue
                t = _first(parse_times(rest, when, bias="none"), rest_start)
                if t is None:
                    break
                if workday and t.start.date() != when.date():  # the clock time on that weekday
                    delta = datetime.combine(when.date(), t.start.timetz()) - t.start
                    t = TimeMatch(t.text, t.span, t.start + delta, t.end + delta if t.end else None, t.precision,
                                  t.kind, t.open)
                times.append(t)
        first = times[0] if times else None
        stop = first.span[1] if first else m.end()
        out.append(Period(text[m.start():stop], (m.start(), stop), {unit: size}, first, tuple(times)))
    return out


def _first(found: list[TimeMatch], offset: int) -> TimeMatch | None:
    """The expression right after 每… (within two characters), its span moved into the text."""
    for t in found:
        if t.span[0] <= 2:
            return TimeMatch(t.text, (t.span[0] + offset, t.span[1] + offset), t.start, t.end, t.precision, t.kind,
                             t.open)
    return None




_PHRASE_END = re.compile(r"[，,。；;！？!?\n]")


def _phrase_end(norm: str, start: int, stop: int) -> int:
    m = _PHRASE_END.search(norm, start, stop)
    return m.start() if m else min(stop, len(norm))
