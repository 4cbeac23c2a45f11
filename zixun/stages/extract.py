"""Main-content extraction from HTML: paragraphs in reading order plus hints for later stages.

What this adds over readability/trafilatura for Chinese pages: scoring by CJK characters
and Chinese punctuation (Chinese has no spaces, so word counts mislead), removal of
link-heavy blocks and 相关阅读/版权/ICP lines, support for ``<br>``-separated text in
table cells (2000s portals), and collection of the date line and byline that sit between
the headline and the body (used by the byline and published stages).
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import etree

from zixun.model import Article
from zixun.read.dump import parse_dump
from zixun.read.page import Page
from zixun.stages.boilerplate import JUNK_ATTR, NON_CONTENT_TAGS, is_boilerplate_line
from zixun.text.normalize import clean_line, cjk_count, zh_punct_count

BLOCK_TAGS = frozenset(
    "p div td th tr table li ul ol dl dt dd h1 h2 h3 h4 h5 h6 article section main blockquote pre figure "
    "figcaption header center tbody body".split()
)
_DATE_HINT = re.compile(
    r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}月\d{1,2}日|[一二三四五六七八九〇零]{4}年)"
)
_BYLINE_HINT = re.compile(r"(来源|來源|作者|记者|記者|编辑|編輯|稿源|出处|发布者|通讯员|報導|报道)")
_META_TIME_KEYS = {
    "article:published_time", "og:article:published_time", "og:release_date", "pubdate", "publishdate",
    "publish_date", "publishtime", "publish-time", "ptime", "date", "dc.date", "dc.date.issued",
    "sailthru.date", "article.published", "datepublished", "weibo:article:create_at", "release_date",
    "og:published_time", "parsely-pub-date", "itemprop:datepublished",
}


def _meta(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _jsonld(tree: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for s in tree.iter("script"):
        if (s.get("type") or "").lower() != "application/ld+json" or not s.text:
            continue
        try:
            data = json.loads(s.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return found


def _collect_hints(page: Page) -> None:
    tree = page.tree
    hints = page.hints
    meta = _meta(tree)
    times: list[tuple[str, str]] = []
    for item in _jsonld(tree):
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if isinstance(item.get(key), str):
                times.append(("jsonld", item[key]))
        author = item.get("author")
        if author and "meta_author" not in hints:
            names = [a.get("name") if isinstance(a, dict) else a for a in (author if isinstance(author, list) else [author])]
            hints["meta_author"] = " ".join(str(n) for n in names if n)
        pub = item.get("publisher")
        if isinstance(pub, dict) and pub.get("name") and "meta_source" not in hints:
            hints["meta_source"] = str(pub["name"])
        if isinstance(item.get("headline"), str) and "jsonld_title" not in hints:
            hints["jsonld_title"] = item["headline"]
    for key, val in meta.items():
        if key in _META_TIME_KEYS:
            times.append(("meta", val))
    hints["meta_times"] = times
    for key, hint in (("og:title", "og_title"), ("title", "meta_title"), ("twitter:title", "og_title")):
        if key in meta and hint not in hints:
            hints[hint] = meta[key]
    if "author" in meta and "meta_author" not in hints:
        hints["meta_author"] = meta["author"]
    for key in ("source", "og:site_name", "article:publisher", "mediaid"):
        if key in meta and "meta_source" not in hints:
            hints["meta_source"] = meta[key]
    for key in ("article:section", "section", "category", "og:category"):
        if key in meta:
            hints.setdefault("section", meta[key])
    title_el = tree.find(".//title")
    if title_el is not None and title_el.text_content().strip():
        hints["html_title"] = clean_line(title_el.text_content())
    h1s = [clean_line(h.text_content()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if 4 <= len(h) <= 80]
    if h1s:
        hints["h1"] = h1s[0]
    if not page.url:
        for link in tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href", "").startswith("http"):
                page.url = link.get("href")
                break
        else:
            if meta.get("og:url", "").startswith("http"):
                page.url = meta["og:url"]


def _strip_junk(tree: Any) -> None:
    for el in list(tree.iter(*NON_CONTENT_TAGS)):
        if el.getparent() is not None and el.tag != "head":
            el.drop_tree()
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None or el.tag in ("body", "html"):
            continue
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if attrs and JUNK_ATTR.search(attrs) and cjk_count(el.text_content()) < 2000:
            el.drop_tree()
            continue
        style = (el.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            el.drop_tree()


def _link_density(el: Any) -> float:
    text = len(el.text_content().strip()) or 1
    links = sum(len(a.text_content().strip()) for a in el.iter("a"))
    return links / text


def _drop_link_lists(tree: Any) -> None:
    for el in list(tree.iter("ul", "ol", "dl", "div", "table", "p", "span", "td")):
        if el.getparent() is None:
            continue
        text = el.text_content().strip()
        if not text:
            continue
        n_links = sum(1 for _ in el.iter("a"))
        if n_links >= 2 and _link_density(el) > 0.6 and zh_punct_count(text) < 3 + n_links // 2:
            el.drop_tree()


def _lines(el: Any) -> list[str]:
    """Text of ``el`` as lines: block elements and <br> break lines, inline elements don't."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        block = tag in BLOCK_TAGS
        if block or tag == "br":
            parts.append("\n")
        if tag == "img" and node.get("alt"):
            pass
        if node.text and tag != "br":
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(el)
    return [clean_line(x) for x in "".join(parts).split("\n") if clean_line(x)]


def _score_blocks(body: Any) -> Any:
    scores: dict[Any, float] = {}
    for el in body.iter("p", "td", "div", "article", "section", "pre", "blockquote", "li"):
        own = (el.text or "") + "".join((c.tail or "") for c in el)
        if el.tag == "p" or el.tag == "li":
            own = el.text_content()
        own = own.strip()
        cjk = cjk_count(own)
        words = len(re.findall(r"[A-Za-z]{2,}", own))
        if cjk + words < 10:
            continue
        value = cjk + 2.0 * words + 3.0 * (zh_punct_count(own) + own.count(". ") + own.count(", "))
        value *= 1.0 - min(0.9, _link_density(el))
        target = el if el.tag not in ("p", "li") else el.getparent()
        weight = 1.0
        while target is not None and weight > 0.2:
            scores[target] = scores.get(target, 0.0) + value * weight
            target = target.getparent()
            weight *= 0.5
    if not scores:
        return body
    return max(scores, key=lambda e: scores[e])


def _near_title_lines(all_lines: list[str], title: str | None, body_first: str | None) -> tuple[list[str], list[str]]:
    """Date lines and byline lines between the headline and the start of the body."""
    start = 0
    if title:
        for i, line in enumerate(all_lines):
            if title[:12] in line:
                start = i
                break
    end = len(all_lines)
    if body_first:
        for i in range(start, len(all_lines)):
            if all_lines[i] == body_first:
                end = i
                break
    window = all_lines[start : min(end + 1, start + 14)] if end > start else all_lines[start : start + 10]
    dates = [ln for ln in window if len(ln) <= 120 and _DATE_HINT.search(ln)]
    bylines = [ln for ln in window if len(ln) <= 120 and _BYLINE_HINT.search(ln)]
    tail = [ln for ln in all_lines[end:] if len(ln) <= 80 and re.search(r"(责任编辑|責任編輯|编辑[:：]|編輯[:：]|作者[:：]|来源[:：])", ln)]
    return dates, bylines + tail[:3]


def extract_html(article: Article, page: Page) -> None:
    tree = page.tree
    _collect_hints(page)
    body = tree.find("body")
    if body is None:
        body = tree
    all_lines = _lines(body)
    _strip_junk(body)
    page.hints["page_lines"] = _lines(body)
    _drop_link_lists(body)
    best = _score_blocks(body)
    paragraphs = [ln for ln in _lines(best) if not is_boilerplate_line(ln)]
    title_hint = page.hints.get("h1") or page.hints.get("og_title") or page.hints.get("html_title")
    if title_hint:
        paragraphs = [p for p in paragraphs if p != title_hint]
    dates, bylines = _near_title_lines(all_lines, title_hint, paragraphs[0] if paragraphs else None)
    page.hints["date_lines"] = dates
    page.hints["byline_lines"] = bylines
    if not paragraphs:
        page.warnings.append(f"{page.source}: no article body found; the page may be an index or need a site rule")
    article.paragraphs = paragraphs


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


def extract_text(article: Article, page: Page) -> None:
    lines = [clean_line(x) for x in page.text.splitlines()]
    lines = [x for x in lines if x]
    if page.hints.get("title"):
        article.title = str(page.hints["title"])
    elif len(lines) > 1 and len(lines[0]) <= 40 and not re.search(r"[。！？]$", lines[0]):
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
    except (etree.LxmlError, ValueError, RecursionError) as exc:
        page.warnings.append(f"{page.source}: extraction failed ({exc}); fell back to the page's plain text")
        text = page.tree.text_content() if page.tree is not None else page.text
        article.paragraphs = [clean_line(x) for x in text.splitlines() if clean_line(x)]
