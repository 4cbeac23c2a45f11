"""Stage: the publish time (发布时间), from the most to the least trustworthy evidence.

Order, first hit wins:

1. ``page.hints["given_published"]``: a time given with the input (JSONL ``published``) → ``given``.
2. ``page.hints["meta_times"]``: (source, value) pairs from meta tags / JSON-LD, in page order →
   that source (``meta`` or ``jsonld``).
3. ``page.hints["date_lines"]``: visible date lines near the headline → ``byline`` when the line
   is a byline (来源/记者/作者/编辑), else ``text``; relative wording ("3小时前") resolves
   against ``page.base_time``.
4. The URL: ``/2023-11/06/``, ``/20231106/``, ``/2023/1106/``, ``/2023/11/06/``, ``t20231106_`` →
   ``url``, precision day.
5. The wire dateline the byline stage took off the first paragraph (新华社北京10月30日电,
   新浪娱乐讯 北京时间10月30日消息) → ``byline``; a month and day need ``page.base_time`` for the year.
6. The body: ``infer_published(title, paragraphs, page.base_time)`` → ``body-inferred``.

Nothing found: ``article.published`` stays ``Published()`` (all None). ``at`` is ISO 8601 with
offset; for day precision it is the day's midnight (``2023-11-06T00:00:00+08:00``): ``precision``
says which parts are meaningful. A year or a month alone is written as such ("2012", "2012-04"),
so no day or month is invented.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from zixun.model import Article, Published
from zixun.read.page import Page
from zixun.settings import get as setting
from zixun.timeparse import TimeMatch, infer_published, parse_datetime_string
from zixun.timeparse.model import make_tz


def _zone_name() -> str:
    """The offset assumed when a page states none (setting ``timezone``, +08:00 by default)."""
    return str(setting("timezone"))

_BYLINE = re.compile(r"来源|記者|记者|作者|编辑|編輯|通讯员|出处|稿源")
_DATELINE = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日.{0,8}?(?:电|電|讯|訊|消息)")
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)/(?P<d>[0-3]\d)(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:/|$)"),
    re.compile(r"[/_]t(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)_"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)/"),
)


def _plausible(tm: TimeMatch, base: datetime | None) -> bool:
    """No publish time before 1990 or more than a day after the base time (a typo or an event)."""
    if tm.start.year < 1990:
        return False
    return base is None or tm.start <= base + timedelta(days=1)


def iso(at: datetime, precision: str) -> str:
    """ISO 8601 that claims no more than is known: "2012" for a year, "2012-04" for a month, else
    the full instant with its offset ("2023-11-06T00:00:00+08:00" for a day: ``precision`` tells
    which parts are meaningful)."""
    if precision == "year":
        return f"{at.year:04d}"
    if precision == "month":
        return f"{at.year:04d}-{at.month:02d}"
    return at.isoformat()


def _published(tm: TimeMatch, source: str, evidence: str, confidence: float) -> Published:
    return Published(at=iso(tm.start, tm.precision), precision=tm.precision, source=source,
                     evidence=evidence.strip()[:200], confidence=confidence)


def from_url(url: str | None) -> TimeMatch | None:
    """The day a URL path spells, or None."""
    if not url:
        return None
    path = url.split("?", 1)[0]
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m:
            try:
                day = datetime(int(m.group("y")), int(m.group("m")), int(m.group("d")), tzinfo=make_tz(_zone_name()))
            except ValueError:
                continue
            return TimeMatch(m.group(0), m.span(), day, None, "day", "absolute")
    return None


def run(article: Article, page: Page) -> None:
    """Set ``article.published`` from the page's hints, URL or body (see the module docstring)."""
    base = page.base_time
    if base is not None and base.tzinfo is None:
        base = base.replace(tzinfo=make_tz(_zone_name()))
    hints: dict[str, Any] = page.hints or {}
    given = hints.get("given_published")
    if given:
        tm = parse_datetime_string(str(given), default_tz=_zone_name())
        if tm is not None:
            article.published = _published(tm, "given", str(given), 1.0)
            return
    for item in hints.get("meta_times") or []:
        source, value = item
        tm = parse_datetime_string(str(value), default_tz=_zone_name())
        if tm is not None and _plausible(tm, base):
            article.published = _published(tm, source if source in ("meta", "jsonld") else "meta", str(value), 0.9)
            return
    for line in hints.get("date_lines") or []:
        tm = parse_datetime_string(str(line), base=base, default_tz=_zone_name())
        if tm is not None and _plausible(tm, base):
            source = "byline" if _BYLINE.search(line) else "text"
            confidence = 0.85 if tm.kind == "absolute" else 0.6
            article.published = _published(tm, source, str(line), confidence)
            return
    tm = from_url(page.url or article.url)
    if tm is not None and _plausible(tm, base):
        article.published = _published(tm, "url", tm.text, 0.75)
        return
    dateline = article.byline.raw or ""
    if _DATELINE.search(dateline):  # 新华社北京10月30日电, taken off the first paragraph by the byline stage
        tm = parse_datetime_string(dateline, base=base, default_tz=_zone_name())
        if tm is not None and _plausible(tm, base):
            article.published = _published(tm, "byline", dateline, 0.85 if tm.kind == "absolute" else 0.7)
            return
    guess = infer_published(article.title or None, article.paragraphs, base)
    if guess is not None:
        article.published = Published(at=iso(guess.at, guess.precision), precision=guess.precision, source="body-inferred",
                                       evidence=guess.evidence, confidence=guess.confidence)
