"""An optional learned headline tag model: which spans of a headline human taggers pick
(documented build command).

Why: human tags on headlines follow habits the rules only guess at. A name in the headline is
picked about 4 times in 10, a plain noun 1 in 8, a verb almost never; a two-word span
(临夏市博物馆) sometimes beats its parts; a tag seen before is likely again. So, learned by
counting and one small logistic regression:

* candidates: words and runs of up to three words, 《titles》 and “quoted terms”, known tags
  the segmenter cuts through (赵丽颖|同), canonical names from ``zixun.nlp.entities``;
* features: part of speech, length, position, IDF, jieba dictionary frequency, quotes, the
  rules' own ranking (``zixun.stages.tags``), how often the string was picked when present and
  how often it is a tag at all (both leave-one-out while training, so the weights learn how far
  to trust a count from *other* headlines);
* selection: best first while a tag's probability beats hits so far / (tags + mean gold
  count), the point where one more tag lowers the expected F1, so short headlines get few tags.

Tags *not* in the headline (许家印 → 恒大) were tried as co-occurrence proposals from the
same counts; on TNEWS they did not raise held-out F1, so the model does not propose them.

Build (writes to the user data dir, never the repository)::

    python -m zixun.nlp.build tags-model ../shared/data/nlp/tnews/dev.json --part even

Input: JSON lines with ``sentence``/``keywords`` (TNEWS) or ``title``/``tags``. The stage uses
the model on the headline and fills the rest of an article's tags from the body with the
rules. Without a file (setting ``tag_model``) it uses the built-in model: the same features
and selection with weights only (``BUILTIN_WEIGHTS``, ``--no-counts``), so it knows how a tag
looks (a name, a place, a 《title》, a word the headline repeats) but no particular string.
On TNEWS it scores 0.229 held out against the rules' 0.207.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from zixun.nlp import entities
from zixun.nlp.lexicon import records
from zixun.nlp.paths import tag_model_path, write_json
from zixun.settings import get as setting
from zixun.text.segment import STOPWORDS, dictionary, idf_table, is_person_name, join_split_names, pos_tag
from zixun.text.t2s import to_simplified

log = logging.getLogger(__name__)
MAX_SPAN = 3  # words per span: 1–3 covers 97% of the in-headline tags that align with words
MAX_CHARS = 10
MAX_VOCAB = 8
_BOOK = re.compile(r"《([^》]{1,15})》")
_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,8})[”\"」]")
_PUNCT = re.compile(r"^[\W_]+$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUM = re.compile(r"^[\d.,%％]+$|^\d+[年月日号%个万亿岁元]")
_POS_GROUPS = ("nr", "ns", "nt", "nz", "eng", "n", "jli", "vn", "v", "other")

FEATURES: tuple[str, ...] = (
    "bias", *(f"pos_{g}" for g in _POS_GROUPS), "words2", "words3",
    "len1", "len2", "len3", "len4", "len5+", "book", "quote", "idf", "idf_unknown", "position",
    "split_name", "canonical", "inside_other", "holds_other", "digit", "ascii",
    "seen", "picked_logit", "unpicked", "tag_count",
    "rule1", "rule3", "rule5", "rule_score", "generic", "n_len2", "n_len3+", "nr_len2", "nr_len3+", "edge_left", "edge_right",
    "dict_freq", "in_dict", "top_known", "top_idf",
    "person", "entity", "place_suffix", "org_suffix", "repeated", "dpos_name", "dpos_verb",
)
_PLACE_SUFFIX = tuple("省市县区镇乡村州岛山湖河江港湾")
_ENTITY_NAMES = frozenset([*entities.ALIASES, *entities.ALIASES.values(), *entities.PARENTS, *entities.PARENTS.values()])
_ORG_SUFFIX = ("公司", "集团", "大学", "学院", "中学", "小学", "银行", "医院", "协会", "学会", "委员会", "部", "局", "厅",
               "队", "俱乐部", "基金", "证券", "研究院", "研究所", "中心", "法院", "检察院", "政府")

# The built-in model: weights fit with ``build(..., counts=False)`` on the even lines of
# TNEWS dev.json (1,773 tagged headlines), rounded to two decimals; no string from the data
# ships, only how much each feature of a candidate is worth. Rebuild with
#     python -m zixun.nlp.build tags-model ../shared/data/nlp/tnews/dev.json --part even --no-counts
# (tests/test_tags.py checks that this reproduces the numbers below).
BUILTIN_WEIGHTS: dict[str, float] = {
    "bias": -3.1, "pos_nr": 0.17, "pos_ns": 0.36, "pos_nt": 0.23, "pos_nz": -0.13, "pos_eng": 0.46,
    "pos_n": 0.21, "pos_jli": 0.02, "pos_vn": 0.1, "pos_v": -0.82, "pos_other": -0.62, "words2": 0.13,
    "words3": -1.26, "len2": -0.46, "len3": 0.7, "len5+": -0.24, "book": 2.38, "quote": 0.29, "idf": 0.8,
    "idf_unknown": -0.04, "position": -0.83, "canonical": 0.09, "inside_other": -0.11, "holds_other": -0.52,
    "digit": 0.04, "ascii": 0.18, "rule1": 0.57, "rule3": 0.49, "rule5": 0.14, "rule_score": 0.78,
    "generic": -1.74, "n_len2": 0.04, "n_len3+": 0.17, "nr_len2": 0.17, "edge_left": 0.39, "edge_right": -0.07,
    "dict_freq": -0.09, "in_dict": 0.17, "top_idf": 0.13, "person": 0.64, "entity": 0.86, "place_suffix": 0.27,
    "org_suffix": 0.47, "repeated": 1.03, "dpos_name": 0.59, "dpos_verb": -0.43,
}
BUILTIN_MEAN_GOLD = 5.143


def _ascii_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _cuts_word(text: str, at: int, s: str) -> bool:
    """``s`` at ``at`` starts or ends inside a Latin word or number (SCI in MSCI, 18 in 2018)."""
    end = at + len(s)
    return ((at > 0 and _ascii_word(s[0]) and _ascii_word(text[at - 1]))
            or (end < len(text) and _ascii_word(s[-1]) and _ascii_word(text[end])))


def _group(pos: str, word: str) -> str:
    if word.isascii() and word.isalnum():
        return "eng"
    if pos.startswith("nr"):
        return "nr"
    if pos in ("ns", "nt", "nz", "n", "vn", "v"):
        return pos
    if pos in ("j", "l", "i"):
        return "jli"
    return "other"


def _blocked(word: str, pos: str) -> bool:
    """Words that never start or end a tag: punctuation, numbers, function words."""
    return (word in STOPWORDS or bool(_PUNCT.match(word)) or bool(_NUM.match(word))
            or pos in ("x", "uj", "ul", "p", "c", "r", "u", "y", "m", "q", "f", "d", "ud", "ad", "zg", "k"))


@dataclass(slots=True)
class Counts:
    """What the training headlines say about strings (all counts are per headline)."""

    seen: dict[str, int] = field(default_factory=dict)  # present in a headline as a candidate
    picked: dict[str, int] = field(default_factory=dict)  # … and a gold tag there
    tags: dict[str, int] = field(default_factory=dict)  # a gold tag anywhere
    base: float = 0.2  # overall pick rate (the smoothing target)
    heads: dict[str, list[str]] = field(default_factory=dict, repr=False)  # tags by their first two characters

    def __post_init__(self) -> None:
        for t in self.tags:
            if 2 <= len(t) <= MAX_VOCAB:
                self.heads.setdefault(t[:2], []).append(t)


@dataclass(slots=True)
class Candidate:
    text: str
    feats: dict[str, float]


def candidates(text: str, counts: Counts, gold: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every candidate tag of one headline with its features.

    ``gold`` is given only while training: each count then leaves this headline out, so the
    weights learn how much a count from *other* headlines is worth.
    """
    words = join_split_names(pos_tag(text))
    idf, median = idf_table()
    n = max(1, len(text))
    spans: dict[str, Candidate] = {}

    def add(s: str, at: int, feats: dict[str, float]) -> None:
        if s in spans or len(s) > MAX_CHARS + 5 or _PUNCT.match(s) or _NUM.match(s) or s in STOPWORDS:
            return
        size = len(s)
        feats["bias"] = 1.0
        feats["position"] = at / n
        feats["len1" if size == 1 else "len2" if size == 2 else "len3" if size == 3 else "len4" if size == 4 else "len5+"] = 1.0
        if s.isascii():
            feats["ascii"] = 1.0
        if any(c.isdigit() for c in s):
            feats["digit"] = 1.0
        spans[s] = Candidate(s, feats)

    offsets: list[int] = []
    at = 0
    for w, _p in words:
        at = text.find(w, at)
        offsets.append(max(at, 0))
        at += len(w)
    chinese = bool(_HAN.search(text))
    # a plain lowercase English word in a Chinese headline (a template's "null", "and") names nothing
    blocked = [_blocked(w, p) or (chinese and w.isascii() and w.isalpha() and w.islower()) for w, p in words]
    punct = [bool(_PUNCT.match(w)) for w, _p in words]
    groups = [_group(p, w) for w, p in words]
    last = len(words)
    # a space before word j: a Chinese headline's clause break (高峰 铁路部门), an English name's (iPhone 7 Plus)
    spaced = [j > 0 and offsets[j] > offsets[j - 1] + len(words[j - 1][0]) for j in range(last)]
    for i in range(last):
        if blocked[i] or len(words[i][0]) == 1:  # 韩 and 美 speak through their canonical names
            continue
        s = ""
        for j in range(i, min(i + MAX_SPAN, last)):
            if punct[j]:
                break
            if j > i and spaced[j]:
                if not (words[j][0].isascii() and s[-1:].isascii()):
                    break
                s += " "
            s += words[j][0]
            if len(s) > MAX_CHARS:
                break
            if blocked[j]:
                continue
            g = groups[j]
            feats = {f"pos_{g}": 1.0}
            if j > i:
                feats[f"words{j - i + 1}"] = 1.0
            if g in ("n", "nr"):
                feats[f"{g}_len2" if len(s) <= 2 else f"{g}_len3+"] = 1.0
            if i == 0 or punct[i - 1] or spaced[i]:
                feats["edge_left"] = 1.0
            if j + 1 >= last or punct[j + 1] or spaced[j + 1]:
                feats["edge_right"] = 1.0
            if s in idf:
                feats["idf"] = idf[s] / 10
            else:
                feats["idf_unknown"] = 1.0
                feats["idf"] = median / 10
            add(s, offsets[i], feats)
    for m in _BOOK.finditer(text):
        add(m.group(1), m.start(), {"book": 1.0, "pos_nz": 1.0, "idf_unknown": 1.0, "idf": median / 10})
        if m.group(1) in spans:
            spans[m.group(1)].feats["book"] = 1.0
    for m in _QUOTED.finditer(text):
        add(m.group(1), m.start(), {"quote": 1.0, "pos_nz": 1.0, "idf_unknown": 1.0, "idf": median / 10})
        if m.group(1) in spans:
            spans[m.group(1)].feats["quote"] = 1.0
    tags = counts.tags
    for i in range(len(text) - 1):  # known tags the segmenter cut through
        for s in counts.heads.get(text[i : i + 2], ()):
            if s not in spans and text.startswith(s, i) and tags[s] - (s in gold) > 0 and not _cuts_word(text, i, s):
                add(s, i, {"split_name": 1.0, "pos_other": 1.0, "idf": idf.get(s, median) / 10})
    for w, p in words:
        name = entities.ALIASES.get(w) if len(w) >= 2 or p in ("j", "ns") else None  # 许家|印 is not 印度
        if name and name != w and name not in spans:
            add(name, text.find(w), {"canonical": 1.0, "pos_nz": 1.0, "idf": idf.get(name, median) / 10})
    from zixun.stages import tags as rules  # the stage imports this module: import at call time

    for r, (s, sc) in enumerate(rules.rule_scored(text)):
        if s in spans:
            f = spans[s].feats
            f["rule1" if r == 0 else "rule3" if r < 3 else "rule5"] = 1.0
            f["rule_score"] = math.log1p(sc) / 5
    known = dictionary()  # a span that is a dictionary word is a unit a tagger can pick (临夏市, not 临夏市博物馆)
    keys = sorted(spans, key=len)
    for a, short in enumerate(keys):
        for long in keys[a + 1 :]:
            if len(long) > len(short) and short in long:
                spans[short].feats["inside_other"] = 1.0
                spans[long].feats["holds_other"] = 1.0
    base_logit = _logit(counts.base)
    for s in keys:
        f = spans[s].feats
        if s in rules._GENERIC:
            f["generic"] = 1.0
        seen = max(0, counts.seen.get(s, 0) - (1 if gold else 0))
        if seen > 0:  # 0 = no evidence = the base rate (中国: seen 107 times, picked once)
            picked = max(0, counts.picked.get(s, 0) - (s in gold))
            f["seen"] = math.log1p(seen)
            f["picked_logit"] = _logit((picked + 2 * counts.base) / (seen + 2)) - base_logit
            f["unpicked"] = math.log1p(seen - picked)
        f["tag_count"] = math.log1p(max(0, counts.tags.get(s, 0) - (s in gold)))
        fq, dpos = known.get(s, (0, ""))
        if fq:
            f["in_dict"] = 1.0
            f["dict_freq"] = math.log1p(fq) / 10
        if is_person_name(s, dpos or ("nr" if f.get("pos_nr") else "")):
            f["person"] = 1.0
        if s in _ENTITY_NAMES:
            f["entity"] = 1.0
        if len(s) >= 3 and s.endswith(_PLACE_SUFFIX):
            f["place_suffix"] = 1.0
        if len(s) >= 3 and s.endswith(_ORG_SUFFIX):
            f["org_suffix"] = 1.0
        if text.count(s) > 1:
            f["repeated"] = 1.0
        if dpos.startswith(("nr", "ns", "nt", "nz")):
            f["dpos_name"] = 1.0
        elif dpos.startswith("v"):
            f["dpos_verb"] = 1.0
    if keys:  # the headline's best-known and rarest words stand out against the others
        best = max(keys, key=lambda s: spans[s].feats["tag_count"])
        if spans[best].feats["tag_count"] > 0:
            spans[best].feats["top_known"] = 1.0
        spans[max(keys, key=lambda s: spans[s].feats.get("idf", 0.0))].feats["top_idf"] = 1.0
    return list(spans.values())


def _logit(p: float) -> float:
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


def count(rows: Iterable[tuple[str, list[str]]]) -> Counts:
    """Per-headline counts over tagged headlines (the tables the features read)."""
    seen: Counter[str] = Counter()
    picked: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    rows = list(rows)
    for _text, gold in rows:
        tags.update(set(gold))
    vocab = Counts(tags=dict(tags))
    for text, gold in rows:
        spans = {c.text for c in candidates(text, vocab)}
        for s in spans:
            seen[s] += 1
            picked[s] += s in gold
    total_seen = sum(seen.values()) or 1
    return Counts(dict(seen), dict(picked), dict(tags), base=sum(picked.values()) / total_seen)


def _prune(counts: Counts) -> Counts:
    """Drop what the model never uses: strings seen once and never picked."""
    seen = {s: n for s, n in counts.seen.items() if n >= 2 or counts.picked.get(s)}
    picked = {s: n for s, n in counts.picked.items() if n and s in seen}
    return Counts(seen, picked, dict(counts.tags), counts.base)


def _fit(x: list[list[float]], y: list[int], l2: float = 1.0, steps: int = 25) -> list[float]:
    """Logistic regression by Newton's method (numpy only; a few dozen features)."""
    import numpy as np

    X = np.asarray(x, dtype=float)
    Y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[0] = 1e-6
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        grad = X.T @ (p - Y) + reg * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-6:
            break
    return [round(float(v), 5) for v in w]


def _vector(c: Candidate) -> list[float]:
    return [c.feats.get(f, 0.0) for f in FEATURES]


def build(paths: list[Path], *, part: str = "all", counts: bool = True) -> dict[str, object]:
    """Count the tables and fit the scorer; ``part`` keeps even/odd line numbers (a strict split).

    ``counts=False`` fits the weights with empty tables: the model then knows no strings,
    only the shape of a tag (what the built-in ``BUILTIN_WEIGHTS`` are)."""
    rows: list[tuple[str, list[str]]] = []
    for index, (text, tags) in enumerate(r for p in paths for r in records(p)):
        if tags and text and (part == "all" or index % 2 == (0 if part == "even" else 1)):
            rows.append((text, tags))
    table = _prune(count(rows)) if counts else Counts()
    x: list[list[float]] = []
    y: list[int] = []
    for text, gold in rows:
        g = frozenset(gold)
        for c in candidates(text, table, g):
            x.append(_vector(c))
            y.append(int(c.text in g))
    weights = _fit(x, y) if x else [0.0] * len(FEATURES)
    mean_gold = sum(len(set(g)) for _t, g in rows) / max(1, len(rows))
    return {
        "version": 1, "part": part, "headlines": len(rows), "features": list(FEATURES), "weights": weights,
        "mean_gold": round(mean_gold, 3), "base": round(table.base, 4),
        "seen": table.seen, "picked": table.picked, "tags": table.tags,
    }


@dataclass(slots=True)
class TagModel:
    weights: dict[str, float]
    counts: Counts
    mean_gold: float
    builtin: bool = False  # the built-in weights, no string tables

    def scored(self, headline: str) -> list[tuple[str, float]]:
        """Every candidate of ``headline`` with its probability of being a human tag, best first.

        A traditional-script headline is scored in its simplified twin (the dictionary and the
        counts are simplified; folding keeps positions) and its tags keep the page's script."""
        out = []
        w = self.weights
        simple = to_simplified(headline)
        for c in candidates(simple, self.counts):
            z = sum([w.get(f, 0.0) * v for f, v in c.feats.items()])
            text = c.text
            if simple != headline and (at := simple.find(text)) >= 0:
                text = headline[at : at + len(text)]
            out.append((text, 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))))
        return sorted(out, key=lambda t: (-t[1], t[0]))

    def pick(self, headline: str, k: int, *, distinct: bool = False, floor: float = 0.0) -> list[tuple[str, float]]:
        """At most ``k`` tags: add the next best while its probability beats hits/(tags+gold),
        the point where one more tag lowers the expected F1. Headline taggers list a name and
        its parts (临夏市博物馆, 临夏市, 博物馆); ``distinct`` (an article, where the body has
        more topics to offer) skips a tag inside or around one already picked."""
        out: list[tuple[str, float]] = []
        hits = 0.0
        for s, p in self.scored(headline):
            if len(out) >= k or (out and p <= hits / (len(out) + self.mean_gold)) or p < floor:
                break
            if distinct and any(s in o or o in s for o, _p in out):
                continue
            out.append((s, p))
            hits += p
        return out


def save(data: dict[str, object], out: Path | None = None) -> Path:
    """Write a model built by ``build`` (default: setting ``tag_model``)."""
    path = write_json(data, out or tag_model_path())
    _load.cache_clear()
    return path


def load(path: str | Path | None = None) -> TagModel | None:
    """The model at ``path`` (default: setting ``tag_model``); the built-in model when no file
    is there or it cannot be read (logged); None when the setting is ``none`` (rules only)."""
    where = str(path) if path is not None else str(setting("tag_model")).strip()
    if where.lower() == "none":
        return None
    return _load(str(Path(where).expanduser() if where else tag_model_path()))


def builtin() -> TagModel:
    """The built-in model: ``BUILTIN_WEIGHTS`` over empty count tables."""
    return TagModel(dict(BUILTIN_WEIGHTS), Counts(), BUILTIN_MEAN_GOLD, builtin=True)


@functools.lru_cache(maxsize=4)
def _load(path: str) -> TagModel:
    p = Path(path)
    if not p.is_file():
        return builtin()
    try:
        d = json.loads(p.read_text(encoding="utf-8"))
        weights = dict(zip(d["features"], (float(v) for v in d["weights"]), strict=True))
        counts = Counts(d["seen"], d["picked"], d["tags"], float(d["base"]))
        return TagModel(weights, counts, float(d["mean_gold"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("%s is not a tag model (%s): using the built-in one; rebuild it with "
                    "`python -m zixun.nlp.build tags-model FILE`", path, exc)
        return builtin()
