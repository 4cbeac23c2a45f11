"""The Chinese time engine: time expressions in news text, metadata date strings, publish times.

- ``parse_times(text, base)``: every expression (2023年11月6日 14:30, 6日晚, 上周五, 3天前…).
- ``parse_datetime_string(value)``: one metadata / date-line value → the best absolute time.
- ``infer_published(title, paragraphs, base)``: the publish day when a page states none.
- ``parse_duration(text)``: 三年, 36天5小时30分, 3~6个月 as unit dicts.
- ``parse_periods(text, base)``: 每年9月, 每周三, 每隔3天 (recurring; ``parse_times`` skips them).
"""

from zixun.timeparse.durations import parse_duration
from zixun.timeparse.infer import infer_published
from zixun.timeparse.model import PublishGuess, TimeMatch
from zixun.timeparse.periods import Period, parse_periods
from zixun.timeparse.scan import parse_times
from zixun.timeparse.strings import parse_datetime_string

__all__ = [
    "Period",
    "PublishGuess",
    "TimeMatch",
    "infer_published",
    "parse_datetime_string",
    "parse_duration",
    "parse_periods",
    "parse_times",
]
