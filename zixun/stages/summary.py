"""核心提示: an extractive key-point summary of 1–3 whole sentences within a character budget.

Why by hand: on Chinese news the lead sentence beats graph ranking (TextRank/SnowNLP) on
LCSTS, but pages often bury the lead (dumps with shuffled paragraphs, a quote first).
We score sentences by lead position, a dated event ("11月6日，…"), overlap with the
article's keywords and title, and reject bylines, datelines, quote-only sentences and
sentences that open with a connective (此外, 另一方面 …) since they cannot stand alone.
"""

from __future__ import annotations

import re

from zixun.model import Article
from zixun.read.page import Page
from zixun.settings import get as setting
from zixun.text.normalize import for_matching
from zixun.text.segment import cut, is_content_word
from zixun.text.sentences import split_sentences

_CONNECTIVE = re.compile(
    r"^(此外|另外|另一方面|与此同时|同时|比如|例如|具体而言|具体来说|其中|对此|因此|所以|而且|并且|而|但|但是|不过|"
    r"然而|当天|当日|此前|之后|随后|接下来|他说|她说|他表示|她表示|据悉|据了解|对于|这也|这是|那么|首先|其次|最后|总之)"
)
_BYLINE = re.compile(r"(记者|記者|编辑|編輯|来源|來源|通讯员)[^，。]{0,12}$|^(新华社|本报讯|中新网).{0,12}(电|讯)$")
_DATED = re.compile(r"^(\d{4}年)?\d{1,2}月\d{1,2}日|^(近日|日前|今天|昨天|昨日|今日)")


def _keywords(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in cut(text):
        if len(w) >= 2 and is_content_word(w):
            counts[w] = counts.get(w, 0) + 1
    return counts


def _sim(a: str, b: str) -> float:
    sa = {a[i : i + 2] for i in range(len(a) - 1)}
    sb = {b[i : i + 2] for i in range(len(b) - 1)}
    return len(sa & sb) / max(1, min(len(sa), len(sb)))


def summarize(text: str, *, title: str | None = None, max_chars: int | None = None) -> str:
    """Return 1–3 whole sentences of ``text`` (never cut mid-sentence) within ``max_chars``."""
    budget = max_chars or int(setting("summary_chars"))
    paragraphs = [p for p in text.split("\n") if p.strip()]
    sents: list[tuple[int, int, str]] = []
    for pi, para in enumerate(paragraphs):
        for si, s in enumerate(split_sentences(para)):
            sents.append((pi, si, s))
    if not sents:
        return ""
    kw = _keywords(text)
    top = dict(sorted(kw.items(), key=lambda x: -x[1])[:15])
    title_words = {w for w in cut(title)} if title else set()
    scored: list[tuple[float, int, str]] = []
    for idx, (pi, si, s) in enumerate(sents):
        bare = s.strip("“”\"' ")
        if len(s) < 12 or _BYLINE.search(s) or (s.startswith("“") and s.endswith("”")):
            continue
        score = 0.0
        score += 2.0 / (1 + pi) + (0.5 if si == 0 else 0.0)
        if _DATED.match(bare):
            score += 2.0
        if _CONNECTIVE.match(bare):
            score -= 2.5
        words = [w for w in cut(s) if w in top]
        score += 1.5 * len(set(words)) / max(1, len(top)) * 4
        if title_words:
            score += 1.0 * len(title_words & set(cut(s))) / max(1, len(title_words))
        if len(s) > budget:
            score -= 3.0
        scored.append((score, idx, s))
    if not scored:
        scored = [(0.0, i, s) for i, (_, _, s) in enumerate(sents)]
    scored.sort(key=lambda x: -x[0])
    chosen: list[tuple[int, str]] = []
    used = 0
    for _score, idx, s in scored:
        if len(chosen) >= 3:
            break
        if used + len(s) > budget and chosen:
            continue
        if any(_sim(for_matching(s), for_matching(c)) > 0.6 for _, c in chosen):
            continue
        if used + len(s) > budget and not chosen:
            # The best sentence alone is too long: take the best one that fits, if any.
            fitting = [x for x in scored if len(x[2]) <= budget]
            if fitting:
                _score, idx, s = fitting[0]
        chosen.append((idx, s))
        used += len(s)
    chosen.sort()
    return "".join(s for _, s in chosen)


def run(article: Article, page: Page) -> None:
    given = page.hints.get("given_summary")
    if given:
        article.summary = str(given)
        return
    article.summary = summarize(article.text, title=article.title or None)
