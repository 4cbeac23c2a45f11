"""Properties: a datetime written the ways Chinese news writes it parses back to itself; no input
makes the parser raise or go super-linear (the scan is one regex of bounded atoms, see patterns.py)."""

from __future__ import annotations

import random
import time
from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from zixun.timeparse import infer_published, parse_datetime_string, parse_duration, parse_periods, parse_times
from zixun.timeparse.patterns import ATOMS

CST = timezone(timedelta(hours=8))
CN = "〇一二三四五六七八九"
FULL = str.maketrans("0123456789", "０１２３４５６７８９")
TRAD = str.maketrans({"点": "點", "时": "時", "号": "號", "后": "後"})

moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2035, 12, 31, 23, 59)).map(
    lambda dt: dt.replace(second=0, microsecond=0, tzinfo=CST)
)


def cn_small(n: int) -> str:
    """1..59 in Chinese numerals: 十一, 二十三."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN[tens] + "十")
    return head + (CN[ones] if ones else "") or "零"


def cn_year(y: int) -> str:
    return "".join(CN[int(c)] for c in str(y))


def forms(dt: datetime) -> list[tuple[str, str]]:
    """(text, precision) pairs naming ``dt``."""
    y, m, d, h, mi = dt.year, dt.month, dt.day, dt.hour, dt.minute
    h12 = h - 12 if h > 12 else h
    part = "凌晨" if h < 6 else ("上午" if h < 12 else ("中午" if h == 12 else ("下午" if h < 18 else "晚上")))
    return [
        (f"{y}年{m}月{d}日", "day"),
        (f"{y}年{m:02d}月{d:02d}日 {h:02d}:{mi:02d}", "minute"),
        (f"{y}-{m:02d}-{d:02d}", "day"),
        (f"{y}-{m}-{d} {h}:{mi:02d}:00", "second"),
        (f"{y}/{m}/{d}", "day"),
        (f"{y}.{m}.{d}", "day"),
        (f"{y}{m:02d}{d:02d}", "day"),
        (f"{cn_year(y)}年{cn_small(m)}月{cn_small(d)}日", "day"),
        (f"{y}年{m}月{d}日".translate(FULL), "day"),
        (f"{y}年{m}月{d}日{part}{h12}点{mi}分".translate(TRAD), "minute"),
        (f"{y}年{m}月{d}号{h}时{mi}分", "minute"),
    ]


def truncate(dt: datetime, precision: str) -> datetime:
    return dt.replace(hour=0, minute=0) if precision == "day" else dt


@settings(max_examples=150, deadline=None)
@given(moments)
def test_written_forms_parse_back(dt: datetime) -> None:
    for text, precision in forms(dt):
        found = parse_times(f"据报道，{text}，会议召开。", None)
        assert len(found) == 1, (text, found)
        assert found[0].start == truncate(dt, precision), text
        assert found[0].precision == precision, text
        assert found[0].kind == "absolute", text


@settings(max_examples=150, deadline=None)
@given(moments, st.integers(min_value=0, max_value=330))
def test_partial_dates_resolve_to_the_recent_past(dt: datetime, days_later: int) -> None:
    base = dt + timedelta(days=days_later)
    for text in (f"{dt.month}月{dt.day}日", f"{cn_small(dt.month)}月{cn_small(dt.day)}号"):
        m = parse_times(text, base)[0]
        assert m.start.date() == dt.date(), (text, base)
        assert m.kind == "partial"


@settings(max_examples=100, deadline=None)
@given(moments, st.integers(min_value=1, max_value=60))
def test_relative_days(base: datetime, n: int) -> None:
    m = parse_times(f"{n}天前", base)[0]
    assert m.start.date() == (base - timedelta(days=n)).date()
    m = parse_times("上周五", base)[0]
    monday = base.date() - timedelta(days=base.weekday())
    assert m.start.date() == monday - timedelta(days=3)


@settings(max_examples=100, deadline=None)
@given(moments)
def test_metadata_strings(dt: datetime) -> None:
    for value in (dt.isoformat(), dt.strftime("%Y-%m-%d %H:%M:%S"), dt.strftime("%Y年%m月%d日 %H:%M 来源：本报")):
        m = parse_datetime_string(value)
        assert m is not None and m.start == dt, value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), moments))
def test_never_raises_on_any_text(text: str, base: datetime | None) -> None:
    parse_times(text, base)
    parse_datetime_string(text)
    parse_duration(text)
    parse_periods(text, base)
    infer_published(text[:20], [text], base)


TIME_ALPHABET = "0123456789年月日号点时分秒至到-/.:：上下午晚周星期一二三四五六七八九十〇零两天前后内以来第季度 "


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=TIME_ALPHABET, max_size=200), moments)
def test_never_raises_on_time_like_text(text: str, base: datetime) -> None:
    for m in parse_times(text, base):
        assert 0 <= m.span[0] < m.span[1] <= len(text)
        assert m.end is None or m.end >= m.start


def _timed(text: str, fn: object = parse_times) -> float:
    assert callable(fn)
    t0 = time.perf_counter()
    fn(text, datetime(2023, 11, 6, tzinfo=CST))
    return time.perf_counter() - t0


def test_long_adversarial_input_is_linear() -> None:
    rng = random.Random(4)
    big = "".join(rng.choice(TIME_ALPHABET) for _ in range(200_000))
    assert _timed(big) < 30  # generous: about one second on a laptop
    for unit in ("2023年", "11月6日", "1", "年月日", "上周五至", "二〇二三年十一月六日", "3天前"):
        small = unit * (10_000 // len(unit))
        large = unit * (100_000 // len(unit))
        t_small = max(_timed(small), 1e-3)
        # loose: 10x the input may cost ~10x; a backtracking blow-up would cost 100x or more
        assert _timed(large) < 60 * t_small + 1.0, unit


def test_periods_scale_linearly() -> None:
    small, large = "每年9月" * 500, "每年9月" * 5000
    assert _timed(large, parse_periods) < 60 * max(_timed(small, parse_periods), 1e-3) + 1.0


def test_atoms_have_no_nested_quantifiers() -> None:
    """The linear-time design rule of patterns.py, checked on the source of every atom."""
    import re

    nested = re.compile(r"\((?:[^()]|\([^()]*\))*[+*}]\)[+*{]")
    for name, pattern in ATOMS:
        assert not nested.search(pattern), name
        assert ".*" not in pattern and ".+" not in pattern, name


def test_date_only_forms_cover_every_day_of_a_leap_year() -> None:
    day = date(2024, 1, 1)
    while day.year == 2024:
        m = parse_times(f"{day.month}月{day.day}日", datetime(2024, 12, 31, tzinfo=CST))[0]
        assert m.start.date() == day
        day += timedelta(days=1)
