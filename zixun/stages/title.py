"""The headline: the page's own headline without its site suffix, or one generated from the lead.

Why by hand: Chinese portals put "标题_频道_站点" or "标题-站点" in ``<title>``; the
``<h1>`` is usually right but sometimes is the site logo. We prefer JSON-LD/og:title/h1
when they agree with ``<title>``, and otherwise the longest ``<title>`` segment.
"""

from __future__ import annotations

import re

from zixun.model import Article
from zixun.nlp.headline import headline
from zixun.read.page import Page
from zixun.text.normalize import clean_line

_SUFFIX_SPLIT = re.compile(r"\s*(?:_|\||｜| - | — | – |--|－|—|::)\s*|(?<=\S)-\s+|\s+-(?=\S)")
# Not a headline part: a template's empty value ("央视论坛 :: null") or the site's domain ("CCTV.com-")
_NOT_A_PART = re.compile(r"^(?:null|undefined|none|nan)$|^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6}$", re.I)
MAX_GENERATED = 30


def strip_site_suffix(title: str, h1: str | None = None) -> str:
    title = clean_line(title)
    if h1 and h1 in title:
        return h1
    parts = [p for p in _SUFFIX_SPLIT.split(title) if p and not _NOT_A_PART.match(p)]
    if len(parts) <= 1:
        return parts[0] if parts else title
    return max(parts, key=len) if len(parts[0]) < 6 else parts[0]


def generate_title(lead: str) -> str:
    """A short factual headline (≤ 30 chars) from the lead: its best run of whole clauses,
    dateline prefix and final 。 dropped (see ``zixun.nlp.headline``)."""
    return headline(lead, MAX_GENERATED)


# A page "title" that names no story: a forum's or a CMS's page label (显示, 正文, 无标题) or a
# number; with ``_NOT_A_PART`` (a domain, a template's empty value) the headline is then
# generated from the lead instead.
_PAGE_LABEL = re.compile(
    r"^(?:\W*\d*\W*|.?|显示|顯示|首页|首頁|正文|内容|內容|详情|詳情|查看|浏览|瀏覽|文章|帖子|无标题|無標題|"
    r"untitled|index|home)$",
    re.I,
)


def _page_title(page: Page) -> str:
    """The page's own headline, or "" when it gives none (see the module docstring)."""
    hints = page.hints
    if hints.get("headline"):
        return clean_line(str(hints["headline"]))
    h1 = hints.get("h1")
    for key in ("jsonld_title", "og_title"):
        cand = hints.get(key)
        if cand:
            return strip_site_suffix(str(cand), h1)
    if h1 and (not hints.get("html_title") or str(h1)[:6] in str(hints["html_title"])):
        return str(h1)
    if hints.get("html_title"):
        return strip_site_suffix(str(hints["html_title"]), h1)
    return ""


def run(article: Article, page: Page) -> None:
    if article.title:
        article.title = clean_line(article.title)
        return
    title = _page_title(page)
    if title and not (_PAGE_LABEL.match(title.strip()) or _NOT_A_PART.match(title.strip())):
        article.title = title
        return
    lead = article.summary or (article.paragraphs[0] if article.paragraphs else "")
    article.title = generate_title(lead)
    article.title_generated = bool(article.title)
