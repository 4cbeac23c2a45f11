"""Near-duplicates: one story syndicated by several outlets must show up once.

Definition (used by the store at ingest, by the blend and by ``bench/related.py``):
two articles are near-duplicates when their normalised titles are identical, or when the
Jaccard similarity of the character 3-gram sets of their *match text* (normalised title +
the first 600 characters of summary and body) is ≥ ``THRESHOLD`` (0.5). Character
shingles need no segmenter and survive the small edits outlets make (a changed 来源 line,
一 extra clause in the headline).

At ingest the store finds candidates with MinHash LSH (60 hash functions in 20 bands of
3 rows: a pair at Jaccard 0.5 becomes a candidate with probability 0.93, at 0.3 with 0.42)
and confirms each one with the exact Jaccard, so no false merges and few misses.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable

import numpy as np

from zixun.model import Article
from zixun.text.normalize import for_matching

THRESHOLD = 0.5
MAX_CANDIDATES = 20  # LSH candidates confirmed per article at ingest, most shared keys first
BANDS, ROWS = 20, 3
_PERMS = BANDS * ROWS
_PRIME = (1 << 61) - 1
_rng = np.random.RandomState(20240318)
_A = _rng.randint(1, 1 << 31, size=_PERMS, dtype=np.int64).astype(np.uint64)
_B = _rng.randint(0, 1 << 31, size=_PERMS, dtype=np.int64).astype(np.uint64)
_PUNCT = re.compile(r"[\W_]+")
BODY_CHARS = 600


def match_text(title: str, body: str = "") -> str:
    """What near-duplicate detection compares: folded title + start of the text, no punctuation."""
    return _PUNCT.sub("", for_matching(title + body[:BODY_CHARS]))


def title_key(title: str) -> str:
    """The normalised title: identical keys are duplicates whatever the body says."""
    return _PUNCT.sub("", for_matching(title))


def shingles(text: str, n: int = 3) -> set[str]:
    """Character n-grams of ``text`` (the whole text when it is shorter than n)."""
    if len(text) <= n:
        return {text} if text else set()
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def is_near_dup(title_a: str, title_b: str, body_a: str = "", body_b: str = "") -> bool:
    """The one definition of a near-duplicate pair (see the module docstring)."""
    if title_key(title_a) and title_key(title_a) == title_key(title_b):
        return True
    return jaccard(shingles(match_text(title_a, body_a)), shingles(match_text(title_b, body_b))) >= THRESHOLD


def band_keys(text: str) -> list[str]:
    """MinHash LSH band keys of a match text: articles sharing one key are candidates."""
    sh = shingles(text)
    if not sh:
        return []
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in sh), dtype=np.uint64, count=len(sh))
    # (a*x + b) mod p with x < 2**32 and a, b < 2**31 stays below 2**64
    sig = ((np.outer(hashes, _A) + _B) % np.uint64(_PRIME)).min(axis=0)
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        keys.append(f"{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def dup_keys(article: Article) -> list[str]:
    """What the store files an article under to find its near-duplicates: the MinHash band
    keys of its match text and its normalised title (``t:``…)."""
    keys = band_keys(match_text(article.title, article.summary + article.text))
    tkey = title_key(article.title)
    if tkey:
        keys.append("t:" + tkey)
    return keys


def choose_group(article: Article, article_id: int, candidates: list[tuple[int, int]],
                 get: Callable[[int], Article]) -> int:
    """The near-duplicate group of ``article``: the lowest group among the ``(id, group)``
    candidates that share a key with it and pass ``is_near_dup``; its own id when none does.
    Both stores call this, so they group the same articles."""
    group = article_id
    body = article.summary + article.text
    for other_id, other_group in candidates:
        if other_group < group:
            other = get(other_id)
            if is_near_dup(article.title, other.title, body, other.summary + other.text):
                group = other_group
    return group
