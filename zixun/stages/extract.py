"""Main-content extraction from HTML: paragraphs in reading order plus hints for later stages.

What zixun adds over readability-lxml and trafilatura (both tuned on Western pages, neither
used here):

* **Chinese sizing.** Lines are sized in CJK characters and Chinese punctuation, since
  Chinese has no spaces and word counts mislead (``extract_lines``).
* **Max-weight run of lines.** Story lines count plus, link lines, boilerplate lines (责任编辑,
  相关阅读, 版权所有, ICP备, legal notices) and nav/footer/share/comment zones count minus;
  the contiguous run with the highest sum is the story. Neighbouring paragraph blocks merge
  across a small ad or caption; a footer/copyright block or one small sub-block never wins;
  a run that spans a blog's posts or an appended next story is cut back to one story
  (``extract_score``). Rows of a data table read as one line each and a list of short
  unlinked lines counts as content, where density scorers drop tables and timetables;
  photo captions/credits, newsletter boxes and author bios are zones, not story text.
* **Fallbacks.** A candidate that keeps mostly boilerplate or a sliver of the page's story
  text is rejected and the next best run tried; then every story line of the page; then the
  meta description. Any parser/extraction error falls back to the page's plain text with a
  warning: extraction never raises on malformed HTML.
* **2000s portals.** ``<br>``-separated text in layout-table cells, GBK pages, ``<form>``
  wrapping the whole page (ASP.NET) are ordinary input, not edge cases.
* **Hints.** The headline (the visible line that ``<title>``/og:title/``<h1>`` confirm, so no
  "_新浪财经_新浪网" suffix), ranked date lines, byline lines, and the lines between the
  headline and the body (``head_lines``) and just after it (``tail_lines``), so that the
  ``published`` and ``byline`` stages parse what the page shows next to the story
  (``extract_hints``).
* **Site rules.** ``site_rules`` XPaths from ``zixun.toml`` override title/body per host
  (``siterules``).

Hints written (beside those documented in ``zixun.read.page``): ``headline``,
``head_lines``, ``tail_lines``, ``page_lines``, ``site_name`` (the ``<title>`` suffix).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from zixun.model import Article
from zixun.read.dump import parse_dump
from zixun.read.page import Page
from zixun.stages import siterules
from zixun.stages.boilerplate import is_boilerplate_line
from zixun.stages.extract_hints import collect_meta, date_and_byline_lines, headline, site_name
from zixun.stages.extract_lines import Line, page_lines
from zixun.stages.extract_score import GOOD, choose, classify, split_items
from zixun.text.normalize import clean_line, for_matching


def _rule_lines(page: Page, root: Any) -> tuple[list[str] | None, str | None]:
    """Body paragraphs and title from a matching site rule, else (None, None)."""
    rule = siterules.rule_for(page.url, siterules.current_rules())
    if rule is None:
        return None, None
    title = None
    if rule.title:
        found = siterules.select(page.tree, rule.title, page.warnings, page.source)
        if found:
            title = clean_line(found[0].text_content()) or None
    paras: list[str] | None = None
    if rule.body:
        found = siterules.select(page.tree, rule.body, page.warnings, page.source)
        kept = [ln.text for el in found for ln in page_lines(el) if not is_boilerplate_line(ln.text)]
        paras = kept or None
    return paras, title


def _index(lines: list[Line], target: Line) -> int:
    for i, line in enumerate(lines):
        if line is target:
            return i
    return 0


def extract_html(article: Article, page: Page) -> None:
    """Fill paragraphs and hints from an HTML page (see the module docstring)."""
    tree = page.tree
    collect_meta(page)
    root = tree.find("body")
    if root is None:
        root = tree
    lines = page_lines(root)
    page.hints["page_lines"] = [ln.text for ln in lines]
    rule_paras, rule_title = _rule_lines(page, root)
    region = choose(lines)
    if region is not None and region.lines:
        _title, pre_idx = headline(page.hints, lines, _index(lines, region.lines[0]))
        region = split_items(region, lines[pre_idx] if pre_idx is not None else None)
        start = _index(lines, region.lines[0])
        end = _index(lines, region.lines[-1]) + 1
        paragraphs = [ln.text for ln in region.lines if not is_boilerplate_line(ln.text)]
    else:
        start = end = len(lines)
        paragraphs = []
    title, title_idx = headline(page.hints, lines, start)
    if title_idx is not None and region is not None and start <= title_idx < end:
        # The headline sits inside the chosen block: what precedes it and the date/byline
        # lines between it and the first paragraph are not body text.
        cut = {id(ln) for ln in lines[: title_idx + 1]}
        kept = [ln for ln in region.lines if id(ln) not in cut]
        first_good = next((i for i, ln in enumerate(kept) if classify(ln)[0] == GOOD), len(kept))
        kept = kept[first_good:]
        if kept:
            start = _index(lines, kept[0])
            paragraphs = [ln.text for ln in kept if not is_boilerplate_line(ln.text)]
    if rule_title:
        title = rule_title
    if title:
        page.hints["headline"] = title
        key = for_matching(title)
        paragraphs = [p for p in paragraphs if for_matching(p) != key]
        site = site_name(page.hints.get("html_title"), title)
        if site:
            page.hints["site_name"] = site
    dates, bylines, head, tail = date_and_byline_lines(lines, title_idx, start, end)
    page.hints["date_lines"] = dates
    page.hints["byline_lines"] = bylines
    page.hints["head_lines"] = head
    page.hints["tail_lines"] = tail
    if rule_paras is not None:
        paragraphs = rule_paras
    if not paragraphs:
        desc = _meta_description(tree)
        if desc:
            page.warnings.append(f"{page.source}: no article body found; used the page's meta description")
            paragraphs = [desc]
        else:
            page.warnings.append(f"{page.source}: no article body found; the page may be an index or need a site rule")
    article.paragraphs = paragraphs


def _meta_description(tree: Any) -> str | None:
    for m in tree.iter("meta"):
        key = (m.get("name") or m.get("property") or "").lower()
        if key in ("description", "og:description") and len(clean_line(m.get("content") or "")) >= 20:
            return clean_line(m.get("content") or "")
    return None


def extract_dump(article: Article, page: Page) -> None:
    dump = parse_dump(page.text)
    if dump.title:
        article.title = dump.title
    article.paragraphs = dump.paragraphs
    article.page_related = dump.related
    if dump.summary:
        page.hints["given_summary"] = dump.summary
    if dump.published_text:
        page.hints["date_lines"] = [dump.published_text]


def _title_line(first: str, rest: list[str]) -> bool:
    """The first line of a plain text is its headline: short, not a sentence (no 。), and a
    question or exclamation (如何挑选勃艮第葡萄酒？) only when a longer body follows it."""
    if len(first) > 40 or "。" in first:
        return False
    if re.search(r"[！？!?]$", first):
        return len(first) <= 30 and sum(len(x) for x in rest) >= 3 * len(first)
    return True


def extract_text(article: Article, page: Page) -> None:
    lines = [clean_line(x) for x in page.text.splitlines()]
    lines = [x for x in lines if x]
    if page.hints.get("title"):
        article.title = str(page.hints["title"])
    elif len(lines) > 1 and _title_line(lines[0], lines[1:]):
        article.title = lines[0]
        lines = lines[1:]
    article.paragraphs = lines


def run(article: Article, page: Page) -> None:
    """Fill ``article.paragraphs`` (and title/related for dumps) from the page."""
    try:
        if page.kind == "html":
            extract_html(article, page)
        elif page.kind == "dump":
            extract_dump(article, page)
        else:
            extract_text(article, page)
    except (etree.LxmlError, ValueError, RecursionError, TypeError, AttributeError, IndexError, KeyError) as exc:
        page.warnings.append(f"{page.source}: extraction failed ({exc}); fell back to the page's plain text")
        text = page.tree.text_content() if page.tree is not None else page.text
        article.paragraphs = [clean_line(x) for x in text.splitlines() if clean_line(x)]
