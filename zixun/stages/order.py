"""Reading order for page dumps whose paragraphs lost it (the seed page is one).

Why by hand: no library restores Chinese news paragraph order. News has strong cues:
the lead opens with a date or 近日/日前 and names the main actor; paragraphs that open
with a connective or an anaphor (此外, 另一方面, 当天, 接下来 …) cannot come first and
follow the paragraph they refer to; neighbours share words. We score orders with these
cues, search with a small beam, and keep the page's own order unless the best order is
clearly better (HTML keeps DOM order; only dumps go through this stage).
"""

from __future__ import annotations

import re

from zixun.model import Article
from zixun.read.page import Page
from zixun.text.segment import cut, is_content_word
from zixun.text.t2s import to_simplified

_LEAD = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前|今天|昨天|昨日|今年以来|本报讯|[^，,。]{2,12}\d{1,2}月\d{1,2}日电)"
)
_ANAPHOR = re.compile(
    r"^(?:此外|另外|另一方面|与此同时|同时|比如|例如|譬如|具体而言|具体来看|具体来说|其中|对此|因此|所以|而且|"
    r"并且|而|但|但是|不过|然而|当天|当日|同日|次日|此前|之前|随后|之后|接下来|最后|总之|此次|这次|这一|这些|"
    r"该|他|她|他们|她们|其|上述|为此|对于此|除此之外|不仅如此|值得一提的是|据悉|另据)"
)
_LATE = re.compile(r"^(?:接下来|最后|未来|下一步|总之|总的来看|展望|据悉|另据)")
_BACKREF_DAY = re.compile(r"^(?:当天|当日|同日|次日)")
_HAS_DATE = re.compile(r"\d{1,2}月\d{1,2}日")
BEAM = 6
MARGIN = 4.0


def _words(p: str) -> set[str]:
    return {w for w in cut(p) if len(w) >= 2 and is_content_word(w)}


def _first_score(p: str, top: set[str], central: float = 0.0) -> float:
    s = 3.0 * central
    if _LEAD.match(p):
        s += 3.0
    if _ANAPHOR.match(p):
        s -= 4.0
    if p.startswith(("“", '"')):
        s -= 1.0
    if top & _words(p[:40]):
        s += 1.0
    return s


def _follow_score(a: str, b: str, wa: set[str], wb: set[str]) -> float:
    s = 4.0 * len(wa & wb) / max(1, min(len(wa), len(wb)))
    if _BACKREF_DAY.match(b) and _HAS_DATE.search(a):
        s += 3.0
    if b.startswith("另一方面") and "一方面" in a:
        s += 3.0
    return s


def order_score(paras: list[str], words: list[set[str]], top: set[str], central: list[float], order: list[int]) -> float:
    total = _first_score(paras[order[0]], top, central[order[0]])
    n = len(order)
    for k in range(1, n):
        total += _follow_score(paras[order[k - 1]], paras[order[k]], words[order[k - 1]], words[order[k]])
        if _LATE.match(paras[order[k]]):
            total += 1.5 * k / n
    return total


def restore_order(paras: list[str]) -> list[str]:
    """Paragraphs in the most plausible reading order (unchanged unless clearly better)."""
    n = len(paras)
    if n < 3 or n > 60:
        return paras
    original, paras = paras, [to_simplified(p) for p in paras]  # the cues (当天, 此外) are simplified
    words = [_words(p) for p in paras]
    counts: dict[str, int] = {}
    for ws in words:
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    top = set(sorted(counts, key=lambda w: -counts[w])[:3])
    central = [
        sum(len(words[i] & words[j]) / max(1, len(words[j])) for j in range(n) if j != i) / (n - 1) for i in range(n)
    ]
    beams: list[tuple[float, list[int]]] = [(_first_score(paras[i], top, central[i]), [i]) for i in range(n)]
    beams = sorted(beams, key=lambda b: -b[0])[:BEAM]
    for _ in range(n - 1):
        grown: list[tuple[float, list[int]]] = []
        for score, order in beams:
            last = order[-1]
            used = set(order)
            k = len(order)
            for j in range(n):
                if j in used:
                    continue
                s = score + _follow_score(paras[last], paras[j], words[last], words[j])
                if _LATE.match(paras[j]):
                    s += 1.5 * k / n
                grown.append((s, order + [j]))
        beams = sorted(grown, key=lambda b: -b[0])[:BEAM]
    best_score, best = beams[0]
    if best_score <= order_score(paras, words, top, central, list(range(n))) + MARGIN:
        return original
    return [original[i] for i in best]


def run(article: Article, page: Page) -> None:
    if page.kind == "dump":
        article.paragraphs = restore_order(article.paragraphs)
