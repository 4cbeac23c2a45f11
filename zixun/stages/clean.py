"""Final clean-up of body paragraphs: NFC, boilerplate lines, repeats, the headline itself."""

from __future__ import annotations

from zixun.model import Article
from zixun.read.page import Page
from zixun.stages.boilerplate import is_boilerplate_line, unwrap
from zixun.text.normalize import clean_line, for_matching


def clean_paragraphs(paragraphs: list[str], *, title: str | None = None) -> list[str]:
    """Drop boilerplate and repeated paragraphs, keep order; never edits a kept paragraph's
    words, except a copy of the headline glued to the start of the first one (flattened
    pages run "标题正文…" together), and script and photo credits flattened text leaves
    inside a paragraph (``boilerplate.unwrap``)."""
    seen: set[str] = set()
    title_key = for_matching(title) if title else None
    out: list[str] = []
    for k, raw in enumerate(paragraphs):
        p = clean_line(unwrap(raw))
        if k == 0 and title and len(title) >= 8 and p.startswith(title) and len(p) - len(title) >= 10:
            p = p[len(title) :].lstrip()
        if not p or is_boilerplate_line(p):
            continue
        key = for_matching(p)
        if key in seen or key == title_key:
            continue
        seen.add(key)
        out.append(p)
    return out


def run(article: Article, page: Page) -> None:
    """Clean the body; the headline is known from the input or the extractor's hint (the
    ``title`` stage runs later, after the summary)."""
    title = article.title or page.hints.get("headline") or None
    article.paragraphs = clean_paragraphs(article.paragraphs, title=str(title) if title else None)
    if not article.paragraphs and page.kind == "html" and page.tree is not None:
        page.warnings.append(f"{page.source}: the body is empty after removing boilerplate")
