"""Candidate sentences and clause spans for 核心提示, and the hand-set scorer that ranks them.

Why this shape: on LCSTS the best single sentence beats Lead-1 by ~9 ROUGE-L, and the best
run of clauses inside one sentence by ~18, so *which* text is picked matters more than
graph ranking. The features generalise beyond one data set: position (sentence and clause
index), keyword centrality (TF-IDF words and repeated character bigrams: a headline names
what the post keeps talking about), how well the span fills the budget, and a few shapes
(a number, a quotation, an opening connective or a dateline prefix). The weights were set
by hand, guided by least-squares fits and a coordinate search on the even-id half of
LCSTS PART_III; the odd half is held out and reported by ``bench/summary.py``.

Short budgets (a one-line 提示) use ``relevance`` instead: a word-level logistic model
whose default weights are the even-half fit rounded to two decimals (no data file ships);
``python -m zixun.nlp.build summary-weights`` rebuilds them into the user data dir.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zixun.nlp.paths import data_dir
from zixun.nlp.weights import centrality, content_words
from zixun.text.segment import cut, idf_table, is_content_word, pos_tag_folded
from zixun.text.sentences import split_sentences

log = logging.getLogger(__name__)

CLAUSE_END = re.compile(r"(?<=[，,；;：:。！？!?])")
_PUNCT = re.compile(r"[\W_]+")
PREFIX = re.compile(
    r"^([(（]?[^，。\s]{2,12}\d{1,2}月\d{1,2}日电[)）]?\s*|(\d{4}年)?(\d{1,2}月)?\d{1,2}日[^，,。]{0,8}[，,]|(近日|日前|今天|昨天|昨日|今日|目前|最近|据悉|据了解|据报道)[，,]?"
    r"|据[^，,。]{1,20}(报道|消息|介绍|统计)[，,]|(记者|本报)[^，,。]{0,12}(获悉|了解到|发现)[，,]|【[^】]{0,30}】|#[^#]{0,30}#|\d{1,2}[、．]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[)）])"
)
CONNECTIVE = re.compile(
    r"^(此外|另外|另一方面|与此同时|同时|比如|例如|其中|对此|因此|所以|而且|并且|而|但|但是|不过|然而|这也|这是|"
    r"那么|首先|其次|最后|总之|随后|之后|接下来|另据|值得注意的是|值得一提的是|他说|她说|他表示|她表示|"
    r"此后|此时|这时|当时|后来|随即|于是|为此|除此之外|不仅如此|相比之下|换句话说|也就是说)"
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
_TIME_UNIT = frozenset("月周週年季午")
_KEEP_WORDS = frozenset("不 没 未 无 非 再 又 最 才 将 已 均 仍 曾 不再 没有 尚未 被 遭 首 近".split())


def _keep(word: str) -> bool:
    """Words whose loss would flip or blur the meaning: negations (不是, 并非, 别), 被, 将 …"""
    return word in _KEEP_WORDS or any(ch in _NEGATION for ch in word)


def bare(s: str) -> str:
    """Letters, digits and CJK only: what ROUGE on characters and near-duplicate checks see."""
    return _PUNCT.sub("", s)


@dataclass(slots=True)
class Span:
    """A run of clauses ``first..last`` of sentence ``sent`` (paragraph ``para``); ``last``
    is a clause of sentence ``end`` when the run goes on into the following sentences."""

    text: str
    para: int
    sent: int
    first: int
    last: int
    whole: bool
    squeezed: bool = False
    score: float = 0.0
    end: int = -1  # the sentence of clause ``last`` when the run crosses a sentence end


def sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph index, sentence) in order."""
    out: list[tuple[int, str]] = []
    for pi, para in enumerate(p for p in text.split("\n") if p.strip()):
        out.extend((pi, s) for s in split_sentences(para))
    return out


def size(s: str) -> int:
    """Length as a Chinese 字数 and character ROUGE see it: punctuation and spaces not counted."""
    return len(bare(s))


def squeeze(s: str, budget: int, count: Callable[[str], int] = len) -> str | None:
    """Shorten a clause run to ``budget`` the way a headline does, or None if it cannot.

    Steps, each only if still too long: drop the trailing comma, bracketed asides and a
    dateline/source prefix; drop quotation marks; drop particles, adverbs, conjunctions,
    time words, locatives, prepositions and pronouns of one or two characters (的 了 也
    已经 而 昨日 之后 在 他们 …, but never negations or 被). Words are never cut.
    On LCSTS the last step adds ~0.6 ROUGE-L on both halves.
    """
    s = s.rstrip(TRAIL)
    if count(s) <= budget:
        return s
    s = re.sub(r"[（(【\[][^）)】\]]{0,30}[）)】\]]", "", s)
    s = PREFIX.sub("", s)
    if count(s) <= budget:
        return s
    s = re.sub(r"[“”\"‘’「」]", "", s)
    if count(s) <= budget:
        return s
    out = tighten(s)
    return out if 0 < count(out) <= budget else None


def tag(s: str) -> list[tuple[str, str]]:
    """``pos_tag`` of ``s`` segmented on its simplified fold (``pos_tag_folded``): the
    dictionary is simplified, so 圖書館將於下月 is cut like 图书馆将于下月; words are
    returned in the original script."""
    return pos_tag_folded(s)


def tighten(s: str) -> str:
    """``s`` without its short particles, adverbs, conjunctions, time words, locatives,
    prepositions and pronouns (the last step of ``squeeze``; never negations or 被)."""
    tags = tag(s)
    kept = [
        w for k, (w, p) in enumerate(tags)
        if not (p.startswith(_DROP_POS) and len(w) <= 2 and not _keep(w))
        or (k + 1 < len(tags) and tags[k + 1][0][:1] in _TIME_UNIT)  # 下月, 上周, 明年 stay whole
    ]
    return "".join(kept).rstrip(TRAIL)


def tightened(spans: list[Span]) -> list[Span]:
    """A ``tighten``ed copy of every clause run that it shortens: with the relevance model
    the tighter wording wins only when the dropped words were unlikely in a summary."""
    out: list[Span] = []
    for sp in spans:
        if sp.whole:
            continue
        text = tighten(sp.text.rstrip(TRAIL))
        if text != sp.text.rstrip(TRAIL) and len(bare(text)) >= 4:
            out.append(Span(text, sp.para, sp.sent, sp.first, sp.last, False, squeezed=True, end=sp.end))
    return out


def candidates(
    sents: list[tuple[int, str]],
    budget: int,
    *,
    clauses: bool,
    count: Callable[[str], int] = len,
    cross: bool = False,
) -> list[Span]:
    """Whole sentences, and when ``clauses`` also every run of clauses of one sentence
    (with ``cross``: of consecutive sentences of one paragraph), squeezed to fit ``budget``
    (see ``squeeze``)."""
    out: list[Span] = []
    units: list[tuple[int, int, int, str]] = []  # sentence, clause, paragraph, text
    for si, (pi, s) in enumerate(sents):
        parts = [c for c in CLAUSE_END.split(s) if c]
        out.append(Span(s, pi, si, 0, len(parts) - 1, True))
        units.extend((si, ci, pi, c) for ci, c in enumerate(parts))
    if not clauses:
        return out
    for a, (si, ci, pi, _c) in enumerate(units):
        acc = ""
        for b in range(a, len(units)):
            sj, cj, pj, part = units[b]
            if sj != si and not (cross and pj == pi):
                break
            acc += part
            if len(bare(acc)) > budget * 1.6 and b > a:
                break
            short = squeeze(acc, budget, count)
            if short and len(bare(short)) >= 4:
                squeezed = short != acc.rstrip(TRAIL)
                out.append(Span(short, pi, si, ci, cj, False, squeezed=squeezed, end=sj if sj != si else -1))
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


# --- Word relevance: the one-line 提示 under a short budget -------------------------------
#
# Under a short budget the span is chosen by its expected ROUGE-1 F1 against an unseen
# one-line summary: each word occurrence gets p(the summary uses this word) from a
# logistic model of what the text repeats and where the word stands (tf, idf, POS class,
# sentence/clause position, attribution or dateline clause, …), and a span scores
# 2·Σ p·len / (its length + the expected summary length). This trades recall against
# precision the way ROUGE F1 does, so a span fills the budget only with likely words.
# Default weights: a logistic regression on the even-id half of LCSTS PART_III, rounded to
# two decimals (the odd half is held out by ``bench/summary.py``). Rebuild or retrain with
# ``python -m zixun.nlp.build summary-weights FILE --part even``, which writes
# ``<data dir>/summary_weights.json``; that file, when present, replaces the defaults.

TOKEN_FEATURES = (
    "bias logtf idf isent iclause igclause s0 c0 gc0 relpos wlen digit content tfidf reptf single "
    "nr ns nt n v m nsent ascii seen attr prefix conn speaker lastc cdigit clen share textlen quoted"
).split()
TOKEN_WEIGHTS: dict[str, float] = {"bias": -2.30, "logtf": 1.28, "idf": 0.33, "isent": -0.11, "iclause": 0.41, "igclause": 0.25, "s0": -0.07, "c0": -0.23, "gc0": 0.21, "relpos": -0.19, "wlen": -1.10, "digit": 0.06, "content": 0.16, "tfidf": 0.94, "reptf": 0.85, "single": 0.58, "nr": 0.40, "ns": 0.61, "nt": 0.29, "n": 0.71, "v": 0.29, "m": 0.25, "nsent": 0.60, "ascii": 0.33, "seen": 0.15, "attr": 0.03, "prefix": -0.46, "conn": -0.28, "speaker": -0.48, "lastc": 0.20, "cdigit": 0.03, "clen": -0.11, "share": 1.08, "textlen": 0.89, "quoted": 0.07}
SUMMARY_RATIO = 0.94  # bare length of a one-line summary / its length with punctuation (LCSTS)
_ATTR = re.compile(r"(据|记者|表示|指出|认为|介绍|称|说|透露|获悉|报道)")
Key = tuple[int, int, str]  # sentence, clause, word


def token_features(sents: list[tuple[int, str]], budget: int) -> list[tuple[Key, list[float]]]:
    """(sentence, clause, word) and its feature vector (``TOKEN_FEATURES``) for every word
    occurrence of the text, in order. ``share`` (log of budget / text length) and
    ``textlen`` say how much of the text a summary of ``budget`` characters can keep: the
    shorter the share, the fewer of its words make it (on the even half of LCSTS, 5-fold
    cross-validated, R-1 +0.4 and R-L +0.3 over the features without them). ``quoted``: the
    word's sentence holds a quotation, which one-line summaries often lift (fit on the even
    half, R-1 +0.07 on the held-out odd half)."""
    idf, median = idf_table()
    toks: list[tuple[int, int, str, str, str, int]] = []
    for si, (_pi, s) in enumerate(sents):
        parts = [c for c in CLAUSE_END.split(s) if c]
        for ci, c in enumerate(parts):
            toks.extend((si, ci, w, p, c, len(parts)) for w, p in tag(bare(c)) if w.strip())
    tf: dict[str, int] = {}
    where: dict[str, set[int]] = {}
    for si, _ci, w, *_ in toks:
        tf[w] = tf.get(w, 0) + 1
        where.setdefault(w, set()).add(si)
    tfidf = {w: n * idf.get(w, median * 1.1) for w, n in tf.items() if len(w) >= 2 and is_content_word(w)}
    top = max(tfidf.values(), default=1.0)
    n_sents = max(1, len(sents))
    seen: set[str] = set()
    total = max(1, sum(len(w) for _si, _ci, w, *_ in toks))
    share, textlen = math.log(max(1, budget) / total), math.log(total / 100)
    rows: list[tuple[Key, list[float]]] = []
    clause_no, last = 0, (0, 0)
    shapes: dict[tuple[int, int], list[bool | float]] = {}  # once per clause: a clause can be a whole text
    quoted = [("“" in s or "”" in s or "「" in s) for _pi, s in sents]
    for k, (si, ci, w, p, c, n_parts) in enumerate(toks):
        if k and (si, ci) != last:
            clause_no += 1
        last = (si, ci)
        shape = shapes.get((si, ci))
        if shape is None:
            shape = shapes[si, ci] = [
                bool(_ATTR.search(c)), bool(PREFIX.match(c)), bool(CONNECTIVE.match(c)), bool(_SPEAKER.search(c)),
                ci == n_parts - 1, bool(re.search(r"\d", c)), len(bare(c)) / 20,
            ]
        i = min(3.0, idf.get(w, median * 1.1) / median)
        f = [
            1.0, math.log(1 + tf[w]), i, 1 / (1 + si), 1 / (1 + ci), 1 / (1 + clause_no),
            si == 0, ci == 0, clause_no == 0, k / len(toks), min(len(w), 4) / 4,
            any(ch.isdigit() for ch in w), is_content_word(w), tfidf.get(w, 0.0) / top, (tf[w] > 1) * i,
            len(w) == 1, p.startswith("nr"), p.startswith("ns"), p.startswith("nt") or p == "nz",
            p.startswith("n"), p.startswith("v"), p in ("m", "eng", "x"), len(where[w]) / n_sents,
            w.isascii(), w in seen, *shape, share, textlen, quoted[si],
        ]
        seen.add(w)
        rows.append(((si, ci, w), [float(x) for x in f]))
    return rows


def weights_path() -> Path:
    """``<data dir>/summary_weights.json`` (see ``zixun.nlp.paths``)."""
    return data_dir() / "summary_weights.json"


@lru_cache(maxsize=4)
def _weights_from(path: str, mtime: float) -> tuple[float, ...] | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        table = data["weights"]
        return tuple(float(table[name]) for name in TOKEN_FEATURES)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("%s is not a summary weights file (%s): using the built-in weights", path, exc)
        return None


def token_weights() -> tuple[float, ...]:
    """The weights file built by ``python -m zixun.nlp.build summary-weights`` if present,
    else ``TOKEN_WEIGHTS``."""
    path = weights_path()
    if path.is_file():
        loaded = _weights_from(str(path), path.stat().st_mtime)
        if loaded is not None:
            return loaded
    return tuple(TOKEN_WEIGHTS[name] for name in TOKEN_FEATURES)


def _covers(sp: Span, si: int, ci: int) -> bool:
    end = sp.end if sp.end >= 0 else sp.sent
    return (sp.sent, sp.first) <= (si, ci) <= (end, sp.last)


def relevance(spans: list[Span], sents: list[tuple[int, str]], budget: int) -> None:
    """Set ``Span.score`` to the span's expected ROUGE-1 F1 (see the comment above)."""
    w = token_weights()
    occurrences: dict[str, list[tuple[int, int, float]]] = {}
    for (si, ci, word), f in token_features(sents, budget):
        z = sum(a * b for a, b in zip(w, f, strict=True))
        occurrences.setdefault(word, []).append((si, ci, 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))))
    expected = SUMMARY_RATIO * budget
    for sp in spans:
        flat = bare(sp.text)
        hits = 0.0
        seen: set[str] = set()
        for word, _p in tag(flat):
            if word in seen:
                continue  # ROUGE-1 counts a repeated character once per use in the reference
            seen.add(word)
            occ = occurrences.get(word, [])
            ps = [p for si, ci, p in occ if _covers(sp, si, ci)]
            # a word the squeezed span cuts differently: its best use elsewhere, discounted
            hits += (max(ps) if ps else 0.8 * max((p for *_, p in occ), default=0.1)) * len(word)
        sp.score = 2 * hits / (len(flat) + expected) if flat else 0.0


def train_weights(pairs: list[tuple[str, str]], *, l2: float = 1e-3, steps: int = 800) -> dict[str, float]:
    """Fit ``TOKEN_WEIGHTS`` on (text, one-line summary) pairs: logistic regression of
    "the summary contains this word" on ``token_features``, full-batch gradient descent on
    standardised features, folded back to raw-feature weights; the budget of each pair is
    its summary's length (as ``bench/summary.py`` sets it). Needs numpy."""
    import numpy as np

    xs: list[list[float]] = []
    ys: list[float] = []
    for text, summary in pairs:
        ref = bare(summary)
        for (_si, _ci, word), f in token_features(sentences(text), len(summary)):
            xs.append(f)
            ys.append(float(word in ref))
    if not xs:
        raise ValueError("no (text, summary) pairs with words to learn from")
    x, y = np.array(xs), np.array(ys)
    mu, sd = x.mean(0), x.std(0) + 1e-9
    mu[0], sd[0] = 0.0, 1.0
    z = (x - mu) / sd
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w)))
        w -= z.T @ (p - y) / len(y) + l2 * w
    raw = w / sd
    raw[0] = w[0] - float(np.sum(w[1:] * mu[1:] / sd[1:]))
    return {name: round(float(v), 4) for name, v in zip(TOKEN_FEATURES, raw, strict=True)}
