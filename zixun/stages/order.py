"""Reading order for page dumps whose paragraphs lost it (the seed page is one).

Why by hand: no library restores Chinese news paragraph order. News has strong cues:
the lead opens with a date or 近日/日前 and names the main actor; paragraphs that open
with a connective or an anaphor (此外, 另一方面, 当天, 接下来 …) cannot come first and
follow the paragraph they refer to; neighbours share words. We score orders with these
cues, search with a small beam, and keep the page's own order unless the best order is
clearly better (HTML keeps DOM order; only dumps go through this stage).

Which paragraph is the lead is also learned: ``LEAD_WEIGHTS`` is a logistic regression of
"this paragraph comes first" on the shapes in ``lead_features`` (a date, 今天, a speaker
verb early on, its length against the others …), fit on the even lines of the CCTV corpus,
rounded to two decimals; no text ships. Rebuild with
    python -m zixun.nlp.build order-weights ../shared/data/corpora/xwlb-2012-2019.jsonl.gz --part even
(tests/test_order.py checks that this reproduces the numbers below; ``bench/order.py``
scores the odd lines).
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
MARGIN = 8.0  # the page's own order stays unless a better one wins by this much
LEAD_SCALE = 4.0  # the learned lead logit's weight beside the cue scores
_SAYS = re.compile(r"表示|指出|说|强调|认为|介绍")
_OPENING = re.compile(r"^[^，。]{2,15}(?:今天|近日|日前)")
_SETTING = re.compile(r"^(?:在|为|随着|近年来|目前|截至)")
LEAD_FEATURES = (
    "bias", "lead_cue", "anaphor", "late", "quote", "date", "says_early", "len_max", "len_mean", "digit",
    "recent", "actor_recent", "today_year", "full_stop", "setting", "background", "next_step",
)
LEAD_WEIGHTS: dict[str, float] = {
    "bias": -1.14, "lead_cue": 0.4, "anaphor": -0.52, "late": 0.0, "quote": -0.14, "date": 0.61, "says_early": -1.24,
    "len_max": 0.2, "len_mean": -1.52, "digit": 0.47, "recent": 0.28, "actor_recent": 0.65, "today_year": 0.68,
    "full_stop": 0.55, "setting": -0.23, "background": -0.09, "next_step": -0.09,
}


def lead_features(p: str, paras: list[str]) -> list[float]:
    """The shape of paragraph ``p`` among ``paras`` (see ``LEAD_FEATURES``), on simplified text."""
    sizes = [len(x) for x in paras] or [1]
    return [float(x) for x in (
        1.0, bool(_LEAD.match(p)), bool(_ANAPHOR.match(p)), bool(_LATE.match(p)), p.startswith(("“", '"')),
        bool(_HAS_DATE.search(p)), bool(_SAYS.search(p[:30])), len(p) / max(sizes), len(p) / (sum(sizes) / len(sizes)),
        bool(re.search(r"\d", p)), p.startswith(("近日", "日前", "今天", "昨天")), bool(_OPENING.match(p)),
        bool(re.search(r"今天|今年", p)), p.endswith(("。", "”")), bool(_SETTING.match(p)),
        bool(re.search(r"据了解|据介绍|据悉", p)), bool(re.search(r"下一步|将继续|今后", p)),
    )]


def lead_logit(p: str, paras: list[str]) -> float:
    return sum(LEAD_WEIGHTS.get(f, 0.0) * v for f, v in zip(LEAD_FEATURES, lead_features(p, paras), strict=True))


def fit_lead_weights(stories: list[list[str]], steps: int = 400) -> dict[str, float]:
    """``LEAD_WEIGHTS`` from stories whose paragraphs are in reading order (numpy logistic
    regression, plain gradient descent: deterministic)."""
    import numpy as np

    rows = [(lead_features(p, ps), float(k == 0)) for ps in stories for k, p in enumerate(ps)]
    if not rows:
        raise ValueError("no stories with paragraphs to learn from")
    x = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        pr = 1 / (1 + np.exp(-(x @ w)))
        w -= 0.5 * (x.T @ (pr - y)) / len(y) + 1e-4 * w
    return {f: round(float(v), 2) for f, v in zip(LEAD_FEATURES, w, strict=True)}


def _words(p: str) -> set[str]:
    return {w for w in cut(p) if len(w) >= 2 and is_content_word(w)}


def _first_score(p: str, top: set[str], central: float = 0.0, lead: float = 0.0) -> float:
    s = 3.0 * central + LEAD_SCALE * lead
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


def order_score(paras: list[str], words: list[set[str]], top: set[str], central: list[float], order: list[int],
                lead: list[float] | None = None) -> float:
    total = _first_score(paras[order[0]], top, central[order[0]], lead[order[0]] if lead else 0.0)
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
    lead = [lead_logit(p, paras) for p in paras]
    beams: list[tuple[float, list[int]]] = [(_first_score(paras[i], top, central[i], lead[i]), [i]) for i in range(n)]
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
    if best_score <= order_score(paras, words, top, central, list(range(n)), lead) + MARGIN:
        return original
    return [original[i] for i in best]


def run(article: Article, page: Page) -> None:
    if page.kind == "dump":
        article.paragraphs = restore_order(article.paragraphs)
