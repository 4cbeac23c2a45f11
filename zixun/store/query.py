"""Turning a user's search words into a safe FTS5 query, the text we index, and snippets.

Safety: the query is cut to ``MAX_QUERY_CHARS``, folded (width, case, traditional →
simplified), segmented like the index and stripped to letters and digits; every token
is double-quoted, so FTS operators (AND, NEAR, *, ^, :), quotes and brackets typed by a
user are plain text and no input can break the MATCH syntax.

Matching, in tiers: the query literally (``strict_query``: each space-separated part as a
substring, so nothing LIKE '%q%' finds is missed or outranked), its words as whole words of
the headline or tags (``title_query``), then anywhere (``word_query``: in the segmented
columns — title, body, tags, cut by ``cut_for_search`` — in any order), then, to fill the
page, each word as a word or a substring (``fts_query``).
When every part of the query is one word (most news queries: 芯片, 北京 高考), the
literal set contains the whole-word sets and equals the loose one, so the store asks for
headline words first, whole words next and substrings only to fill the page. This is the
order a news reader expects (a story about 芯片 before one that mentions it once), and it
is what keeps a rare pair of common words fast: BM25 is computed for every row a tier
matches, and 北京 AND 芯片 match thousands of bodies but a few dozen headlines.
Substrings go through the ``grams`` column of overlapping character bigrams: n ≥ 2
characters become the phrase of their n-1 bigrams (``"京大"`` finds 北京大学), one
character a bigram prefix. So two-character words match and substrings inside longer
words are still found.

Traditional script: ``to_simplified`` (``zixun.text.t2s``) folds with a character table written
for zixun (about 1,300 traditional characters common in news, one-to-one, so positions in a converted text
equal positions in the original and highlights land in the right place). Index text and
queries both go through it, so 臺灣 finds 台湾 and the other way round.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from zixun.model import Article
from zixun.text.normalize import for_matching
from zixun.text.segment import cut, cut_for_search
from zixun.text.t2s import either_script, to_simplified

MAX_QUERY_CHARS = 200
MAX_TOKENS = 12
MARK_OPEN, MARK_CLOSE = "\u0002", "\u0003"
_NON_WORD = re.compile(r"[\W_]+")



def fold(text: str) -> str:
    """The matching form of index text and queries: NFKC, lower case, simplified script."""
    return to_simplified(for_matching(text)) if text else ""


def bigrams(text: str) -> str:
    """Space-joined overlapping character bigrams of every letter run (the ``grams`` column).

    Each run also ends with its last character alone, so a one-character query (a bigram
    prefix) finds a character at the end of a run too; phrases are unaffected, since no
    bigram follows it within the run.
    """
    out: list[str] = []
    for run in _NON_WORD.split(text):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        if run:
            out.append(run[-1])
    return " ".join(out)


def words(text: str) -> str:
    """Segmented, space-joined words for the word columns (sub-words of long words included)."""
    return " ".join(w for w in (_NON_WORD.sub("", x) for x in cut_for_search(text)) if w)


def index_fields(article: Article) -> tuple[str, str, str, str]:
    """(title, body, tags, grams) as stored in the SQLite ``search_fts`` table."""
    title = to_simplified(article.title)
    body = to_simplified(article.summary + "\n" + article.text)
    tags = to_simplified(" ".join(article.tags))
    gram_src = fold(" ".join([article.title, article.summary, " ".join(article.tags), article.text]))
    return words(title), words(body), words(tags), bigrams(gram_src)


def query_tokens(query: str) -> list[str]:
    """Distinct searchable tokens of a query, folded and segmented like the index."""
    return list(_tokens(query))


@lru_cache(maxsize=1024)
def _tokens(query: str) -> tuple[str, ...]:
    """``query_tokens``, cached: one search asks for them several times (each tier, snippets)."""
    toks: list[str] = []
    for part in _parts(query):  # each typed part on its own: 中 国 is two words, not 中国
        for w in cut(part):
            w = _NON_WORD.sub("", w)
            if w and w not in toks:
                toks.append(w)
    return tuple(toks[:MAX_TOKENS])


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _substring(run: str) -> str:
    """``run`` anywhere in the text: the phrase of its bigrams, or a bigram prefix for one character."""
    if len(run) == 1:
        return f"grams : {_quote(run)} *"
    return "grams : " + _quote(" ".join(run[i : i + 2] for i in range(len(run) - 1)))


def literal_parts(query: str) -> list[str]:
    """The query's space-separated parts, each folded: a strict hit contains each one literally.

    The query is split before folding: ``fold`` drops spaces (crawled text puts stray ones
    between CJK characters), but a space typed in a query separates two words (北京 芯片).
    """
    return list(_parts(query))


@lru_cache(maxsize=1024)
def _parts(query: str) -> tuple[str, ...]:
    parts = (fold(w) for w in query[:MAX_QUERY_CHARS].split())
    return tuple(dict.fromkeys(p for p in parts if _NON_WORD.sub("", p)))


def _runs(query: str) -> list[str]:
    """The letter-and-digit runs of the query's parts: what the strict tier looks for."""
    return [r for p in _parts(query) for r in _NON_WORD.split(p) if r][:MAX_TOKENS]


def strict_query(query: str) -> str:
    """Every space-separated part of the query as a literal substring (what ``LIKE '%q%'`` finds)."""
    return " AND ".join(f"({_substring(r)})" for r in _runs(query))


def word_query(query: str) -> str:
    """Each word of the query as a whole word of the title, body or tags, in any order, ANDed."""
    return " AND ".join(f"({{title body tags}} : {_quote(t)})" for t in query_tokens(query))


def title_query(query: str) -> str:
    """Each word of the query as a whole word of the title or the tags: the headline tier.

    The SQLite store runs it on ``heads_fts`` (title and tags only), so it names no columns.
    """
    return " AND ".join(_quote(t) for t in query_tokens(query))


def simple_query(query: str) -> bool:
    """True when each space-separated part is a single token: literal ⊇ word matches, literal = loose."""
    runs = _runs(query)
    return bool(runs) and runs == query_tokens(query) and literal_parts(query) == runs


def fts_query(query: str) -> str:
    """The looser MATCH: each word of the query as a word or a substring, in any order, ANDed.

    One-character tokens (的, 里 …) must appear as words only (a bigram prefix for each
    would be slow and the strict tier already found them in place); a query of nothing
    but one-character tokens has no loose form: ''.
    """
    toks = query_tokens(query)
    if not any(len(t) > 1 for t in toks):
        return ""
    return " AND ".join(
        f"({{title body tags}} : {_quote(t)} OR {_substring(t)})" if len(t) > 1 else f"({{title body tags}} : {_quote(t)})"
        for t in toks
    )


@lru_cache(maxsize=256)
def _snippet_pattern(query: str) -> re.Pattern[str] | None:
    """The highlight pattern of a query: its tokens, longest first, in either script, any case.

    Only for texts whose lower-case form changes length (rare letters such as İ); every
    other text is matched by folding it, which keeps each character's position.
    """
    toks = _longest_first(query)
    if not toks:
        return None
    return re.compile("|".join(either_script(t) for t in toks), re.IGNORECASE)


@lru_cache(maxsize=256)
def _longest_first(query: str) -> tuple[str, ...]:
    """The query's tokens, longest first: where two match at one place, the longer is marked."""
    return tuple(sorted(_tokens(query), key=len, reverse=True))


def _matches(folded: str, toks: tuple[str, ...]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of the tokens in ``folded``, leftmost first, the longest
    token winning at one position (what the alternation regex would find)."""
    spans: list[tuple[int, int]] = []
    pos, end = 0, len(folded)
    while pos < end:
        best: tuple[int, int] | None = None
        for t in toks:  # longest first
            i = folded.find(t, pos, end)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, i + len(t))
        if best is None:
            break
        spans.append(best)
        pos = best[1]
    return spans


def make_snippet(article: Article, query: str, width: int = 80) -> str:
    """A window of the text around the first match, matches wrapped in sentinel marks.

    Matching is done on the text folded to lower case and simplified script, which keeps
    every character where it was, so a simplified query highlights the traditional
    characters the reader sees and ``ABC`` finds ``abc``. A token found in the text as it
    is bounds where the first match can be, so the folding usually stops there. A text
    whose lower-case form has another length (İ) is matched by ``_snippet_pattern``.
    """
    text = (article.summary + " " + article.text).strip()
    if not text:
        text = article.title
    toks = _longest_first(query)
    spans: list[tuple[int, int]] = []
    start = 0
    if toks and len(text.lower()) == len(text):
        found = [p + len(t) for t in toks if (p := text.find(t)) >= 0]
        head = text[: min(found)] if found else text
        first = _matches(to_simplified(head.lower()), toks)[:1]
        start = max(0, first[0][0] - width // 3) if first else 0
        window = to_simplified(text[start : start + width].lower())
        spans = [(a + start, b + start) for a, b in _matches(window, toks)]
    elif toks:
        pattern = _snippet_pattern(query)
        assert pattern is not None  # there are tokens
        m = pattern.search(text)
        start = max(0, m.start() - width // 3) if m else 0
        spans = [m.span() for m in pattern.finditer(text, start, start + width)]
    end = start + width
    out, cur = [], start
    for a, b in spans:
        out += [text[cur:a], MARK_OPEN, text[a:b], MARK_CLOSE]
        cur = b
    out.append(text[cur:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")


def snippet_html(snippet: str) -> str:
    """Escape a snippet and turn its sentinel marks into <mark> elements."""
    return html.escape(snippet).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")
