"""The page as visible text lines, each tied to the block element that holds it.

Why lines and not DOM nodes: Chinese portals of every era mix both layouts — 2000s pages put
the whole story in one table cell split by ``<br>``, modern ones use ``<p>``. Cutting the page
into lines (block boundaries and ``<br>`` break a line; inline tags don't) gives one unit that
works for both, and each line keeps its container element so the scorer can still reason
about the DOM (which subtree holds the story).

The walk is iterative (``etree.iterwalk``), so a malformed page nested thousands of tags deep
does not hit Python's recursion limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from zixun.text.normalize import cjk_count, clean_line

BLOCK_TAGS = frozenset(
    "p div td th tr table li ul ol dl dt dd h1 h2 h3 h4 h5 h6 article section main blockquote pre figure "
    "figcaption header footer nav aside center tbody thead tfoot body form fieldset address hr caption "
    "details summary".split()
)
# Elements whose text is never visible article text (rt/rp: ruby annotations, e.g. furigana).
SILENT_TAGS = frozenset(
    "script style noscript template svg canvas object embed select option textarea button head title "
    "iframe map area rt rp".split()
)
# A word of a spaced script (Latin, Cyrillic, Greek, Hangul…): a run of letters/digits without CJK.
_LATIN_WORD = re.compile(r"[^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+(?:['’.-][^\W_\u3400-\u9fff]+)*")
_SENT_PUNCT = re.compile(r"[，。！？；：、]|[.!?;,](?=\s|$|[\"'”’)])")
_CELLS = frozenset(("td", "th"))


_INVISIBLE = re.compile(r"[\s|\u3000]+")


def _visible(text: str) -> int:
    return len(_INVISIBLE.sub("", text))


def _is_data_row(tr: Any) -> bool:
    """A row of a data table: two or more leaf cells of short text ("1 | Kyle Busch | 5040").

    Such a row is read as one line, cells joined by a space, so a results table or a
    timetable keeps its rows instead of turning into dozens of one-word lines that score as
    noise. Layout rows (a cell holding blocks, ``<br>``-split text or a long story) stay
    split by cell, as 2000s portals need, and so do rows of links (a navigation bar), whose
    cells are menu items.
    """
    cells = [c for c in tr if isinstance(c.tag, str)]
    if len(cells) < 2 or any(c.tag.lower() not in _CELLS for c in cells):
        return False
    total = linked = 0
    for cell in cells:
        for d in cell.iterdescendants():
            dtag = d.tag.lower() if isinstance(d.tag, str) else ""
            if dtag in BLOCK_TAGS or dtag == "br":
                return False
            if dtag == "a":
                linked += _visible(d.text_content())
        n = _visible(cell.text_content())
        if n > 120:
            return False
        total += n
    return linked <= 0.5 * total


@dataclass(slots=True)
class Line:
    """One visible line: its text, how much of it is link text, and its container element."""

    text: str
    container: Any
    link_chars: int = 0
    in_heading: bool = False
    lead_link: bool = False  # the line opens with link text (a teaser's linked headline)
    # Filled by ``measure``.
    units: float = 0.0
    punct: int = 0
    link_ratio: float = 0.0
    parts: list[str] = field(default_factory=list)


def measure(line: Line) -> None:
    """Size a line in 'units': one per CJK ideograph, 1.5 per word of a spaced script."""
    text = line.text
    line.units = cjk_count(text) + 1.5 * len(_LATIN_WORD.findall(text))
    line.punct = len(_SENT_PUNCT.findall(text))
    visible = len(text.replace(" ", "")) or 1
    line.link_ratio = min(1.0, line.link_chars / visible)


def page_lines(root: Any) -> list[Line]:
    """Visible lines of ``root`` in reading order (see the module docstring)."""
    lines: list[Line] = []
    containers: list[Any] = [root]
    link_depth = 0
    heading_depth = 0
    silent_depth = 0
    pre_depth = 0
    data_rows: set[Any] = set()
    cur_parts: list[str] = []
    cur_links = 0
    cur_container: Any = root
    cur_heading = False
    cur_lead = False
    cur_started = False

    def flush() -> None:
        nonlocal cur_parts, cur_links, cur_heading, cur_lead
        if cur_parts:
            raw = "".join(cur_parts)
            chunks = raw.split("\n") if pre_depth else [raw]
            for chunk in chunks:
                text = clean_line(chunk)
                if text:
                    share = cur_links if len(chunks) == 1 else 0
                    lines.append(Line(text, cur_container, min(share, len(text)), cur_heading, cur_lead))
        cur_parts = []
        cur_links = 0
        cur_heading = False
        cur_lead = False

    def add(text: str | None, container: Any) -> None:
        nonlocal cur_links, cur_container, cur_heading, cur_lead, cur_started
        if not text or silent_depth:
            return
        if not pre_depth:
            text = text.replace("\n", " ").replace("\r", " ")
        if not cur_parts:
            cur_container = container
            cur_heading = heading_depth > 0
            cur_lead = False
            cur_started = False
        if not cur_started and text.strip():
            cur_started = True
            cur_lead = link_depth > 0
        cur_parts.append(text)
        if link_depth:
            cur_links += len(text.strip().replace(" ", ""))

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if tag in SILENT_TAGS or not tag:
                silent_depth += 1
                continue
            if tag in _CELLS and el.getparent() in data_rows:
                add(" ", containers[-1])
            elif tag in BLOCK_TAGS:
                if tag == "tr" and _is_data_row(el):
                    data_rows.add(el)
                flush()
                containers.append(el)
                if tag == "pre":
                    pre_depth += 1
                if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    heading_depth += 1
            elif tag == "br":
                flush()
            elif tag == "a":
                link_depth += 1
            add(el.text, containers[-1])
        else:
            if tag in SILENT_TAGS or not tag:
                silent_depth -= 1
            elif tag in _CELLS and el.getparent() in data_rows:
                pass
            elif tag in BLOCK_TAGS:
                flush()
                containers.pop()
                if tag == "pre":
                    pre_depth -= 1
                if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    heading_depth -= 1
            elif tag == "a":
                link_depth -= 1
            add(el.tail, containers[-1])
    flush()
    for line in lines:
        measure(line)
    return lines
