"""Traditional → simplified Chinese, one character for one, for matching only (never for display).

Why a character table and not OpenCC's converter itself: the search index, the channel model
and the cue lists are simplified Chinese while Hong Kong and Taiwan pages are traditional, and
for matching we want positions in a folded text to equal positions in the original (search
highlights, tag spans). OpenCC's phrase conversion can change a text's length, so the table is
OpenCC's *character* mapping: each traditional character of the CJK blocks is converted alone
and kept when OpenCC gives exactly one character (about 3,700). A few variants OpenCC leaves
alone but news writes for a simplified word (砲 for 炮, 衹 for 只) are added by hand.
Characters the table does not know pass through unchanged.
"""

from __future__ import annotations

import re
from collections import Counter

# variants OpenCC's character table leaves as they are, but news uses for the simplified word
_EXTRA = {"砲": "炮", "暱": "昵", "揹": "背", "甦": "苏", "茍": "苟", "衹": "只", "瞭": "了"}  # 瞭解 is 了解
_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))  # CJK Extension A and the Unified Ideographs


def _opencc_pairs() -> dict[str, str]:
    """OpenCC's one-character conversions (each character converted alone: no phrase context)."""
    import opencc

    chars = [chr(c) for lo, hi in _BLOCKS for c in range(lo, hi + 1)]
    out = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {t: s for t, s in zip(chars, out, strict=True) if t != s and len(s) == 1}


_PAIRS: dict[str, str] = {**_opencc_pairs(), **_EXTRA}
_TABLE = str.maketrans(_PAIRS)


def to_simplified(text: str) -> str:
    """Traditional characters → simplified, one character for one (length is kept)."""
    return text.translate(_TABLE)


_VARIANTS: dict[str, str] = {}
for _t, _s in _PAIRS.items():
    _VARIANTS[_s] = _VARIANTS.get(_s, _s) + _t


def either_script(text: str) -> str:
    """A regex matching ``text`` (simplified) written in either script, e.g. ``[台臺][湾灣]``.

    Searching a page with this pattern finds what folding the page first would, without
    converting it (``str.translate`` with a table is slow on long texts).
    """
    out: list[str] = []
    for ch in text:
        alts = _VARIANTS.get(ch)
        out.append("[" + re.escape(alts) + "]" if alts else re.escape(ch))
    return "".join(out)


def in_script(out: str, folded: str, original: str) -> str:
    """``out`` (made from ``folded``) written in the script of ``original``: each folded
    character becomes the character it most often stands for in this text (发 → 發)."""
    changed = {f for f, o in zip(folded, original, strict=True) if f != o}
    seen: dict[str, Counter[str]] = {f: Counter() for f in changed}
    for f, o in zip(folded, original, strict=True):
        if f in changed:
            seen[f][o] += 1
    back = {f: c.most_common(1)[0][0] for f, c in seen.items()}
    return "".join(back.get(ch, ch) for ch in out)


def is_traditional(text: str) -> bool:
    """Written in traditional script: at least one in twenty of the ideographs in its first
    4,000 characters fold to another character (simplified text has almost none that do;
    后, 发 … are only in the table's right-hand side)."""
    head = text[:4000]
    ideographs = len(head) - len(_IDEOGRAPHS.sub("", head))  # counted in C: pages render this
    return bool(ideographs) and (len(head) - len(_FOLDS.sub("", head))) * 20 >= ideographs


_IDEOGRAPHS = re.compile(r"[\u3400-\u9fff]+")
_FOLDS = re.compile("[" + re.escape("".join(_PAIRS)) + "]+")
