"""Normalisation for storage (NFC, keep full-width punctuation) and for matching only.

Chinese text is data: we store it NFC with its own punctuation. ``for_matching`` folds
full-width ASCII, case and whitespace so that two spellings of one string compare equal;
it is never written back into the article.
"""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u200b\ufeff]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_PUNCT_ZH = "，。！？；：、“”‘’（）《》【】—…·「」『』〈〉"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """NFC, collapse runs of spaces (ASCII, ideographic, nbsp, zero-width) and strip."""
    return _WS.sub(" ", nfc(text)).strip()


def for_matching(text: str) -> str:
    """Fold width and case, drop spaces: used for comparing and hashing, never stored."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"\s+", "", folded)


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def is_cjk_char(ch: str) -> bool:
    return bool(_CJK.match(ch))


def zh_punct_count(text: str) -> int:
    return sum(1 for ch in text if ch in _PUNCT_ZH)


def detect_lang(text: str) -> str:
    """``zh`` when CJK ideographs make up a fair share of the letters, else ``en``-ish ``other``."""
    sample = text[:4000]
    cjk = cjk_count(sample)
    latin = len(re.findall(r"[A-Za-z]", sample))
    if cjk and cjk * 2 >= latin * 0.5:
        return "zh"
    if re.search(r"[\u3040-\u30ff]", sample):
        return "ja"
    if re.search(r"[\uac00-\ud7af]", sample):
        return "ko"
    return "en" if latin else "zh"
