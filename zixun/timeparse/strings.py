"""``parse_datetime_string``: one metadata or date-line value → the best absolute time.

Why not only ``datetime.fromisoformat``: real pages put "2005-5-7 21:23:57", "2023年11月06日 14:30
来源：新华网", RFC 2822 ("Mon, 06 Nov 2023 06:30:00 GMT"), "20231106" or epoch seconds in their
meta tags and date lines. ISO and RFC 2822 go through the standard library (they carry their own
zone); everything else through the Chinese scanner, read in ``default_tz``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from zixun.timeparse.model import TimeMatch, make_tz
from zixun.timeparse.scan import parse_times

_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?\s?(?:Z|[+-]\d{2}:?\d{2})?$"
)
_RFC = re.compile(r"^(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{1,2}:\d{2}")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_ZONE = re.compile(r"(?:UTC|GMT)\s?(?P<h>[+-]\d{1,2})?(?::?(?P<m>\d{2}))?(?![\w])")
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")
# 112-11-06, 112/11/06 14:30: Taiwan sites write 民國 years in numeric dates too
_ROC_NUM = re.compile(
    r"(?<![\d.第字])(?P<y>1[0-4]\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d.號号])"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
# 25/12/2023 or 12/25/2023: day and month told apart only when one of them is above 12
_DMY = re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ENGLISH = re.compile(r"^(?P<mon>[A-Za-z]{3})[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b")


def _precision_of(dt: datetime, text: str) -> str:
    if re.search(r"\d:\d{2}:\d{2}", text):
        return "second"
    if re.search(r"\d:\d{2}", text):
        return "minute"
    return "day"


def parse_datetime_string(
    value: str, *, default_tz: str = "+08:00", base: datetime | None = None
) -> TimeMatch | None:
    """The first/best absolute time in a metadata value or date line, or None.

    Naive values are read in ``default_tz`` (Chinese sites: +08:00). ``base`` lets a date line's
    relative wording ("3小时前", "昨天 14:30") resolve; without it only absolute times count.
    """
    text = (value or "").strip()
    if not text or len(text) > 2000:
        return None
    tz = make_tz(default_tz)
    if _ISO.match(text):
        try:
            dt = datetime.fromisoformat(text.replace(" +", "+").replace(" -", "-"))
        except ValueError:
            dt = None
        if dt is not None:
            dt = dt if dt.tzinfo else dt.replace(tzinfo=tz)
            return TimeMatch(value, (0, len(value)), dt, None, _precision_of(dt, text), "absolute")
    if _RFC.match(text):
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            dt = None
        if dt is not None:
            dt = dt if dt.tzinfo else dt.replace(tzinfo=tz)
            return TimeMatch(value, (0, len(value)), dt, None, _precision_of(dt, text), "absolute")
    if _EPOCH.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        if 631152000 <= seconds <= 4102444800:  # 1990..2100: anything else is an id, not a time
            dt = datetime.fromtimestamp(seconds, tz)
            return TimeMatch(value, (0, len(value)), dt, None, "second", "absolute")
        return None
    if _YEAR_ONLY.match(text):  # a year alone stays a year: no invented month or day
        dt = datetime(int(text), 1, 1, tzinfo=tz)
        return TimeMatch(value, (0, len(value)), dt, None, "year", "absolute")
    english = _ENGLISH.match(text)
    if english and english.group("mon").lower() in _MONTHS:
        try:
            dt = datetime(int(english.group("y")), _MONTHS.index(english.group("mon").lower()) + 1,
                          int(english.group("d")), tzinfo=tz)
        except ValueError:
            return None
        return TimeMatch(value, english.span(), dt, None, "day", "absolute")
    roc = _ROC_NUM.search(text)
    if roc and not re.search(r"(?:19|20)\d\d", text):
        try:
            dt = datetime(1911 + int(roc["y"]), int(roc["m"]), int(roc["d"]), int(roc["H"] or 0),
                          int(roc["M"] or 0), int(roc["S"] or 0), tzinfo=tz)
        except ValueError:
            dt = None
        if dt is not None:
            precision = "second" if roc["S"] else "minute" if roc["M"] else "day"
            return TimeMatch(roc.group(0), roc.span(), dt, None, precision, "absolute")
    dmy = _DMY.match(text)
    if dmy:
        a, b = int(dmy["a"]), int(dmy["b"])
        if (a > 12) != (b > 12):
            day, month = (a, b) if a > 12 else (b, a)
            try:
                return TimeMatch(dmy.group(0), dmy.span(), datetime(int(dmy["y"]), month, day, tzinfo=tz), None,
                                 "day", "absolute")
            except ValueError:
                return None
    zone = _ZONE.search(text)
    if zone:  # "2023-11-06 06:30 UTC", "(GMT+8)": the page states its zone
        hours = int(zone.group("h") or 0)
        tz = timezone(timedelta(hours=hours, minutes=int(zone.group("m") or 0) * (1 if hours >= 0 else -1)))
    ref = base if base is not None else None
    matches = [m for m in parse_times(text, ref) if m.kind == "absolute" or ref is not None]
    if not matches:
        return None
    best = matches[0]
    if tz.utcoffset(None) != timedelta(hours=8):  # wall-clock time read in the stated zone
        best = TimeMatch(best.text, best.span, best.start.replace(tzinfo=tz),
                         best.end.replace(tzinfo=tz) if best.end else None, best.precision, best.kind)
    return best
