"""The Chinese time engine: time expressions in news text, metadata date strings, publish times.

- ``parse_times(text, base)``: every expression (2023年11月6日 14:30, 6日晚, 上周五, 3天前…).
- ``parse_datetime_string(value)``: one metadata / date-line value → the best absolute time.
- ``infer_published(title, paragraphs, base)``: the publish time from the body when a page has none.
"""

from zixun.timeparse.model import PublishGuess, TimeMatch
from zixun.timeparse.scan import parse_times

__all__ = ["PublishGuess", "TimeMatch", "parse_times"]
