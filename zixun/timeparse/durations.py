"""Durations: "三年", "17个多月", "36天5小时30分", "3~6个月", "3年以上7年以下".

Why separate from ``parse_times``: a duration has no place on the calendar; news uses them for
facts ("已走过三年") that bound an event's date, not as dates. The output follows JioNLP's unit
dict (weeks as 7 days, quarters as 3 months) so the bench can compare them one to one.
"""

from __future__ import annotations

import re

from zixun.timeparse.numerals import cn_int, normalize

_UNITS: dict[str, tuple[str, float]] = {
    "周年": ("year", 1), "年": ("year", 1), "载": ("year", 1), "个月": ("month", 1), "月": ("month", 1),
    "季度": ("month", 3), "周": ("day", 7), "星期": ("day", 7), "礼拜": ("day", 7), "天": ("day", 1),
    "日": ("day", 1), "小时": ("hour", 1), "个钟头": ("hour", 1), "钟头": ("hour", 1),
    "分钟": ("minute", 1), "分": ("minute", 1), "秒钟": ("second", 1), "秒": ("second", 1),
    "刻钟": ("minute", 15), "交易日": ("workday", 1), "工作日": ("workday", 1),
}
_NUM = r"(?:\d{1,9}(?:\.\d{1,4})?万?|[零〇一二三四五六七八九十百千万两俩仨]{1,8}|半)"
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_PART = re.compile(rf"(?P<n>{_NUM})个?(?P<more>多)?个?(?P<half>半)?(?P<u>{_UNIT})(?P<half2>半)?(?P<more2>多)?")
_RANGE = re.compile(rf"^(?P<a>{_NUM})(?:个)?(?P<au>{_UNIT})?\s?(?:到|至|~|—{{1,2}}|-)\s?(?P<rest>.+)$")
Duration = dict[str, float]
DurationResult = Duration | list[dict[str, float | bool]]


def _value(n: str) -> float | None:
    if n == "半":
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", n):
        return float(n)
    if n.endswith("万") and re.fullmatch(r"\d+(?:\.\d+)?万", n):
        return float(n[:-1]) * 10000
    v = cn_int(n.replace("俩", "两").replace("仨", "三"))
    return float(v) if v is not None else None


def _single(text: str) -> Duration | None:
    out: Duration = {}
    for m in _PART.finditer(text):
        value = _value(m.group("n"))
        if value is None:
            return None
        if m.group("half") or m.group("half2"):
            value += 0.5
        unit, factor = _UNITS[m.group("u")]
        if unit in out:
            break
        out[unit] = float(value * factor)
    return out or None


def parse_duration(text: str) -> DurationResult | None:
    """A duration as a unit dict, or a [low, high] pair for ranges and 以上/以下 bounds."""
    norm = normalize(text).replace(",", "")
    if norm.startswith("大半天"):
        return [{"day": 0.5}, {"day": 0.9}]
    if "以上" in norm or "以下" in norm:
        low_text, _, high_text = norm.partition("以上")
        if not high_text and "以下" in norm and "以上" not in norm:
            high = _single(norm.split("以下")[0])
            return [{"zero": True}, high] if high else None
        low = _single(low_text)
        high = _single(high_text.strip(",，、")) if high_text.strip(",，、") else None
        if low is None:
            return None
        return [low, high if high else {"infinite": True}]
    m = _RANGE.match(norm)
    if m:
        right = _single(m.group("rest"))
        if right is not None and len(right) == 1:
            if m.group("au"):
                left = _single(m.group("a") + m.group("au"))
            else:
                unit = next(iter(right))
                rest_unit = _PART.search(m.group("rest"))
                factor = _UNITS[rest_unit.group("u")][1] if rest_unit else 1.0
                value = _value(m.group("a"))
                left = {unit: value * factor} if value is not None else None
            if left:
                return [left, right]
    return _single(norm)
