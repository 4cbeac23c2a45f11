"""The parsed input a stage looks at beside the Article it fills.

A ``Page`` is the read side (decoded text, the HTML tree, hints found on the page);
the ``Article`` is the write side. Stages read both and write only the Article.

``hints`` keys used across stages (all optional):

- ``meta_times``: list of (source, value) with source ``"meta"`` or ``"jsonld"``,
  in page order, e.g. ``("meta", "2023-11-06T14:30:00+08:00")``.
- ``date_lines``: visible short text lines near the headline that carry a date,
  e.g. ``"2023年11月06日 14:30 来源：新华网"``.
- ``byline_lines``: candidate byline lines (来源/作者/记者/责任编辑…) found outside the body.
- ``meta_title``, ``og_title``, ``h1``, ``html_title``: title candidates.
- ``meta_author``, ``meta_source``: author / outlet from meta tags.
- ``section``: the page's own channel (breadcrumb, meta section, URL path).
- ``given_published``: a publish time given with the input (JSONL ``published``), ISO string.
- ``headline``, ``head_lines``, ``tail_lines``, ``site_name``: the headline line found by
  extraction, the lines around it and after the body, and the site name from ``<title>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

PageKind = Literal["html", "dump", "text"]


@dataclass(slots=True)
class Page:
    source: str
    kind: PageKind
    text: str
    encoding: str = "utf-8"
    url: str | None = None
    base_time: datetime | None = None
    tree: Any = None
    hints: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def load_page(
    data: bytes | str,
    *,
    source: str = "<input>",
    url: str | None = None,
    base_time: datetime | None = None,
) -> Page:
    """Decode ``data`` and decide whether it is HTML, a flattened page dump or plain text."""
    from zixun.read.decode import decode
    from zixun.read.dump import looks_like_dump
    from zixun.read.html import looks_like_html, parse_html

    if isinstance(data, bytes):
        text, encoding = decode(data, source=source)
    else:
        text, encoding = data, "utf-8"
    if looks_like_html(text):
        page = Page(source=source, kind="html", text=text, encoding=encoding, url=url, base_time=base_time)
        page.tree = parse_html(text, source=source, warnings=page.warnings)
        return page
    kind: PageKind = "dump" if looks_like_dump(text) else "text"
    return Page(source=source, kind=kind, text=text, encoding=encoding, url=url, base_time=base_time)
