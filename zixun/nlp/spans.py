"""Candidate sentences and clause spans for 核心提示, and the hand-set scorer that ranks them.

Why this shape: on LCSTS the best single sentence beats Lead-1 by ~9 ROUGE-L, and the best
run of clauses inside one sentence by ~18, so *which* text is picked matters more than
graph ranking. The features generalise beyond one data set: position (sentence and clause
index), keyword centrality (TF-IDF words and repeated character bigrams: a headline names
what the post keeps talking about), how well the span fills the budget, and a few shapes
(a number, a quotation, an opening connective or a dateline prefix). The weights were set
by hand, guided by least-squares fits and a coordinate search on the even-id half of
LCSTS PART_III; the odd half is held out and reported by ``bench/summary.py``. No learned
file ships.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zixun.nlp.weights import centrality, content_words
from zixun.text.segment import cut, pos_tag
from zixun.text.sentences import split_sentences

CLAUSE_END = re.compile(r"(?<=[，,；;：:。！？!?])")
_PUNCT = re.compile(r"[\W_]+")
PREFIX = re.compile(
    r"^([(（]?[^，。\s]{2,12}\d{1,2}月\d{1,2}日电[)）]?\s*|(\d{4}年)?(\d{1,2}月)?\d{1,2}日[^，,。]{0,8}[，,]|(近日|日前|今天|昨天|昨日|今日|目前|最近|据悉|据了解|据报道)[，,]?"
    r"|据[^，,。]{1,20}(报道|消息|介绍|统计)[，,]|(记者|本报)[^，,。]{0,12}(获悉|了解到|发现)[，,]|【[^】]{0,30}】|#[^#]{0,30}#|\d{1,2}[、．]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[)）])"
)
CONNECTIVE = re.compile(
    r"^(此外|另外|另一方面|与此同时|同时|比如|例如|其中|对此|因此|所以|而且|并且|而|但|但是|不过|然而|这也|这是|"
    r"那么|首先|其次|最后|总之|随后|之后|接下来|另据|值得注意的是|值得一提的是|他说|她说|他表示|她表示)"
)
_SPEAKER = re.compile(r"(称|表示|指出|认为|说|直言|坦言|强调|透露|介绍|提到|写道)[：:，,。]?$")

# Hand-set weights (see the module docstring).
W_SENT, W_FIRST_SENT, W_CLAUSE, W_FIRST_CLAUSE, W_OFFSET = 0.135, -0.04, 0.08, -0.03, 0.013
W_CENT, W_DENS, W_TOP1 = 0.13, 0.1, 0.018
W_REP, W_REPFILL = 0.03, 0.22
W_FILL, W_RAWFILL, W_SQUEEZED = 0.15, -0.10, -0.02
W_DIGIT, W_STOP, W_QUOTE = 0.01, 0.02, 0.04
W_PREFIX, W_CONN, W_SPEAKER = -0.01, -0.03, -0.1  # "刘云山指出：" alone says nothing
TRAIL = "，,；;：:、 "
_DROP_POS = ("u", "d", "e", "y", "o", "c", "t", "f", "p", "r")
_NEGATION = frozenset("不没未无非别勿莫否")
_KEEP_WORDS = frozenset("不 没 未 无 非 再 又 最 才 将 已 均 仍 曾 不再 没有 尚未 被 遭 首 近".split())


def _keep(word: str) -> bool:
    """Words whose loss would flip or blur the meaning: negations (不是, 并非, 别), 被, 将 …"""
    return word in _KEEP_WORDS or any(ch in _NEGATION for ch in word)


def bare(s: str) -> str:
    """Letters, digits and CJK only: what ROUGE on characters and near-duplicate checks see."""
    return _PUNCT.sub("", s)


@dataclass(slots=True)
class Span:
    """A run of clauses ``first..last`` of sentence ``sent`` (paragraph ``para``)."""

    text: str
    para: int
    sent: int
    first: int
    last: int
    whole: bool
    squeezed: bool = False
    score: float = 0.0


def sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph index, sentence) in order."""
    out: list[tuple[int, str]] = []
    for pi, para in enumerate(p for p in text.split("\n") if p.strip()):
        out.extend((pi, s) for s in split_sentences(para))
    return out


def squeeze(s: str, budget: int) -> str | None:
    """Shorten a clause run to ``budget`` the way a headline does, or None if it cannot.

    Steps, each only if still too long: drop the trailing comma, bracketed asides and a
    dateline/source prefix; drop quotation marks; drop particles, adverbs, conjunctions,
    time words, locatives, prepositions and pronouns of one or two characters (的 了 也
    已经 而 昨日 之后 在 他们 …, but never negations or 被). Words are never cut.
    On LCSTS the last step adds ~0.6 ROUGE-L on both halves.
    """
    s = s.rstrip(TRAIL)
    if len(s) <= budget:
        return s
    s = re.sub(r"[（(【\[][^）)】\]]{0,30}[）)】\]]", "", s)
    s = PREFIX.sub("", s)
    if len(s) <= budget:
        return s
    s = re.sub(r"[“”\"‘’「」]", "", s)
    if len(s) <= budget:
        return s
    kept = [w for w, p in pos_tag(s) if not (p.startswith(_DROP_POS) and len(w) <= 2 and not _keep(w))]
    out = "".join(kept).rstrip(TRAIL)
    return out if 0 < len(out) <= budget else None


def candidates(sents: list[tuple[int, str]], budget: int, *, clauses: bool) -> list[Span]:
    """Whole sentences, and when ``clauses`` also every run of clauses of one sentence,
    squeezed to fit ``budget`` (see ``squeeze``)."""
    out: list[Span] = []
    for si, (pi, s) in enumerate(sents):
        parts = [c for c in CLAUSE_END.split(s) if c]
        out.append(Span(s, pi, si, 0, len(parts) - 1, True))
        if not clauses:
            continue
        for i in range(len(parts)):
            acc = ""
            for j in range(i, len(parts)):
                acc += parts[j]
                if len(bare(acc)) > budget * 1.6 and j > i:
                    break
                short = squeeze(acc, budget)
                if short and len(bare(short)) >= 4:
                    out.append(Span(short, pi, si, i, j, False, squeezed=short != acc.rstrip(TRAIL)))
    return out


def score(spans: list[Span], text: str, budget: int) -> None:
    """Set ``Span.score`` for each span (higher is a better 核心提示)."""
    cent, _tf = centrality(content_words(text))
    top = sorted(cent.values(), reverse=True)
    total = sum(top[:10]) or 1.0
    top1 = max(cent, key=lambda w: cent[w]) if cent else "\0"
    flat = bare(text)
    size = max(1, len(text))
    bigrams: dict[str, int] = {}
    for k in range(len(flat) - 1):
        bigrams[flat[k : k + 2]] = bigrams.get(flat[k : k + 2], 0) + 1
    for sp in spans:
        s = sp.text
        n = len(bare(s)) or 1
        words = {w for w in cut(s) if w in cent}
        c = sum(cent[w] for w in words) / total
        flat_s = bare(s)
        bg = [flat_s[k : k + 2] for k in range(len(flat_s) - 1)]
        rep = sum(1 for b in bg if bigrams.get(b, 0) >= 2)
        v = W_SENT / (1 + sp.sent) + W_CLAUSE / (1 + sp.first)
        v += W_FIRST_SENT * (sp.sent == 0) + W_FIRST_CLAUSE * (sp.first == 0)
        v += W_OFFSET * max(0, text.find(s[:6])) / size
        v += W_CENT * c + W_DENS * c * budget / n + (W_TOP1 if top1 in s else 0.0)
        v += W_REP * rep / max(1, len(bg)) + W_REPFILL * rep / max(1, budget)
        v += W_FILL * min(n, budget) / budget + W_RAWFILL * len(s) / budget + W_SQUEEZED * sp.squeezed
        v += W_DIGIT * bool(re.search(r"\d", s)) + W_STOP * (s.rstrip()[-1:] in "。！？!?")
        v += W_QUOTE * ("“" in s or '"' in s)
        v += W_PREFIX * bool(PREFIX.match(s)) + W_CONN * bool(CONNECTIVE.match(s))
        v += W_SPEAKER * bool(_SPEAKER.search(s))
        sp.score = v
