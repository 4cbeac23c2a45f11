"""The ordered stage list and ``run_stages()``.

Order and fallbacks:

1. ``read``      bytes → text (BOM, UTF-8, declared charset widened, GB18030/Big5 by
                 common-character score, charset-normalizer) → HTML / page dump / plain text.
2. ``extract``   HTML: densest block of CJK text and Chinese punctuation, link lists and
                 boilerplate removed, hints (meta times, date line, byline lines, titles)
                 collected; dump: sections and the 大家还在看 list; text: title line + lines.
                 Any extraction error falls back to the page's plain text with a warning.
3. ``byline``    outlet / reporters / city / editor from hint lines, the first and last
                 paragraphs and short lines; pure byline paragraphs leave the body; meta
                 author/source fill what is missing.
4. ``clean``     boilerplate lines, repeats and the headline removed from the body.
4b. ``order``    page dumps only: paragraphs put back in reading order when news cues
                 (dated lead, 当天/此外 back-references, shared words) clearly say so.
5. ``published`` given → meta/JSON-LD → date line → URL → inferred from the body → none.
6. ``summary``   the page's own 核心提示 if it has one, else 1–3 scored whole sentences
                 (whole clauses under a short budget) within ``summary_chars``.
7. ``title``     JSON-LD/og:title/h1/<title> without site suffix, else generated from
                 the lead's best run of clauses (``title_generated``).
8. ``tags``      names and nouns by TF × IDF, repeated pairs merged, canonical entity
                 names and parent places, learned lexicon when one is installed.
9. ``category``  page section / URL, else the trained classifier, else a cue-word vote.
10. ``finish``   language, content hash; an empty body raises ``EmptyInput``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime

from zixun.errors import EmptyInput
from zixun.model import Article
from zixun.read.page import Page, load_page
from zixun.stages import byline, category, clean, extract, order, published, summary, tags, title
from zixun.text.normalize import detect_lang, for_matching

Stage = Callable[[Article, Page], None]


def content_hash(article: Article) -> str:
    """Hash of the normalised title and body: equal for the same story saved twice."""
    key = for_matching(article.title) + "\n" + for_matching(article.text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def finish(article: Article, page: Page) -> None:
    if not article.paragraphs:
        raise EmptyInput(page.source, "has no article text after extraction: skipped (is it an index or login page?)")
    article.lang = detect_lang(article.title + "\n" + article.text)
    article.content_hash = content_hash(article)
    article.url = article.url or page.url
    article.warnings = list(page.warnings)


STAGES: tuple[tuple[str, Stage], ...] = (
    ("extract", extract.run),
    ("byline", byline.run),
    ("clean", clean.run),
    ("order", order.run),
    ("published", published.run),
    ("summary", summary.run),
    ("title", title.run),
    ("tags", tags.run),
    ("category", category.run),
    ("finish", finish),
)


def run_stages(page: Page, article: Article | None = None) -> Article:
    article = article or Article()
    article.url = article.url or page.url
    for _name, stage in STAGES:
        stage(article, page)
        if article.url is None and page.url:
            article.url = page.url
    return article


def extract_page(
    data: bytes | str,
    *,
    url: str | None = None,
    base_time: datetime | None = None,
    source: str = "<input>",
    hints: dict[str, object] | None = None,
) -> Article:
    """Run every stage on one raw page (pure: no storage, no network)."""
    page = load_page(data, source=source, url=url, base_time=base_time)
    if hints:
        page.hints.update(hints)
    art = Article(source_name=source)
    if hints and hints.get("title"):
        art.title = str(hints["title"])
    return run_stages(page, art)
