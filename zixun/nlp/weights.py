"""Word weights of one document: TF × IDF over rjieba words, shared by summary and tags.

Why a shared helper: the summary's "keyword centrality" and the tags' ranking are the
same quantity (how much a word is what this article is about), so both read it from here
and segment the text once.
"""

from __future__ import annotations

from collections import Counter

from zixun.text.segment import cut, idf_table, is_content_word


def content_words(text: str) -> list[str]:
    """rjieba words of two or more characters that are not stop-words or numbers."""
    return [w for w in cut(text) if len(w) >= 2 and is_content_word(w)]


def centrality(words: list[str]) -> tuple[dict[str, float], Counter[str]]:
    """(word → tf·idf, word → tf); unknown words get a little more than the median IDF."""
    idf, median = idf_table()
    tf = Counter(words)
    return {w: n * idf.get(w, median * 1.1) for w, n in tf.items()}, tf
