"""An optional tag lexicon learned from tagged headlines or articles (documented build command).

Why: only about a third of human tags appear in the headline itself, so tags need two
kinds of knowledge the words alone lack, both learned by counting:

* ``prior``  how often a word that appears is chosen as a tag (情商 yes, 网友 no);
* ``cooc``   tags that travel with a word without being in the text (许家印 → 恒大);
* ``vocab``  multi-character tags, so names the segmenter splits (伊核协议) are found whole.

Build (writes to the user data dir, never the repository)::

    python -m zixun.nlp.build lexicon ../shared/data/nlp/tnews/dev.json --part even

Input: JSON lines with ``sentence``/``keywords`` (comma-separated; TNEWS) or
``title``/``paragraphs``/``tags`` (the corpora format). Tags work without the file.
"""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from zixun.nlp.paths import lexicon_path, write_json
from zixun.text.segment import cut, is_content_word

MAX_VOCAB_LEN = 8


@dataclass(slots=True)
class Lexicon:
    prior: dict[str, float] = field(default_factory=dict)
    cooc: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    vocab: frozenset[str] = frozenset()

    def find_vocab(self, text: str) -> list[str]:
        """Known multi-character tags occurring in ``text`` (longest at each position)."""
        out: list[str] = []
        n = len(text)
        i = 0
        while i < n:
            for size in range(min(MAX_VOCAB_LEN, n - i), 2, -1):
                if text[i : i + size] in self.vocab:
                    out.append(text[i : i + size])
                    i += size - 1
                    break
            i += 1
        return out


def records(path: Path) -> Iterable[tuple[str, list[str]]]:
    """(headline, tags) of each line: TNEWS ``sentence``/``keywords`` or ``title``/``tags``."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            if "sentence" in d:
                text, raw = str(d["sentence"]), d.get("keywords") or ""
                tags = [t.strip() for t in str(raw).split(",") if t.strip()]
            else:
                text = str(d.get("title") or "")
                tags = [str(t) for t in d.get("tags") or []]
            yield text, tags


def build(paths: list[Path], *, part: str = "all", min_count: int = 2) -> dict[str, object]:
    """Count priors and co-occurrences; ``part`` keeps even/odd line numbers (a strict split)."""
    seen: Counter[str] = Counter()
    chosen: Counter[str] = Counter()
    pair: defaultdict[str, Counter[str]] = defaultdict(Counter)
    vocab: Counter[str] = Counter()
    rows: list[tuple[str, list[str]]] = []
    index = -1
    for path in paths:
        for text, tags in records(path):
            index += 1
            if tags and not (part == "even" and index % 2) and not (part == "odd" and not index % 2):
                rows.append((text, tags))
                vocab.update(t for t in set(tags) if 3 <= len(t) <= MAX_VOCAB_LEN and t in text)
    known = Lexicon(vocab=frozenset(vocab))
    for text, tags in rows:  # second pass: names the segmenter splits (许家|印) count whole
        words = {w for w in cut(text) if len(w) >= 2 and is_content_word(w)} | set(known.find_vocab(text))
        gold = set(tags)
        for w in words:
            seen[w] += 1
            chosen[w] += w in gold
            for g in gold:
                if g not in text:
                    pair[w][g] += 1
    prior = {w: round((chosen[w] + 0.5) / (n + 2), 3) for w, n in seen.items() if n >= min_count}
    cooc: dict[str, list[tuple[str, float]]] = {}
    for w, gs in pair.items():
        best = [(g, round(c / seen[w], 3)) for g, c in gs.most_common(3) if c >= min_count and c / seen[w] >= 0.2]
        if best:
            cooc[w] = best
    return {"version": 1, "part": part, "prior": prior, "cooc": cooc, "vocab": sorted(vocab)}


def save(data: dict[str, object], out: Path | None = None) -> Path:
    path = write_json(data, out or lexicon_path())
    load.cache_clear()
    return path


@functools.lru_cache(maxsize=4)
def load(path: str | None = None) -> Lexicon | None:
    """The lexicon at ``path`` (default: the user data dir), or None when absent/unreadable."""
    p = Path(path) if path else lexicon_path()
    try:
        d = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    cooc = {w: [(str(g), float(s)) for g, s in v] for w, v in d.get("cooc", {}).items()}
    return Lexicon({str(k): float(v) for k, v in d.get("prior", {}).items()}, cooc, frozenset(d.get("vocab", [])))
