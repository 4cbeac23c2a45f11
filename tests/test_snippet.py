"""Search snippets: the folded-text matcher finds what the either-script pattern finds.

``make_snippet`` folds text (lower case, simplified script) and uses ``str.find``; the
either-script, case-blind regex it replaced is the reference here, on texts drawn from
words in both scripts, ASCII letters in both cases and punctuation.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from zixun.model import Article
from zixun.store.query import MARK_CLOSE, MARK_OPEN, _snippet_pattern, make_snippet


def reference(text: str, query: str, width: int = 80) -> str:
    """The regex snippet: first match anywhere, then every match inside the window."""
    pattern = _snippet_pattern(query)
    m = pattern.search(text) if pattern else None
    start = max(0, m.start() - width // 3) if m else 0
    end, out, cur = start + width, [], start
    for hit in pattern.finditer(text, start, end) if pattern else []:
        out += [text[cur : hit.start()], MARK_OPEN, hit.group(), MARK_CLOSE]
        cur = hit.end()
    out.append(text[cur:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")


PIECES = ["台湾", "臺灣", "台灣", "高铁", "高鐵", "票价", "票價", "ABC", "abc", "Abc", "新闻", "新聞", "记者", "記者",
          "，", "。", " ", "的", "了", "今天", "宣布", "调整", "消息"]
QUERIES = ["台湾", "高铁 票价", "臺灣高鐵", "abc", "ABC 新闻", "记者", "票", "湾高"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=20, max_size=200), query=st.sampled_from(QUERIES))
def test_folded_find_matches_the_either_script_pattern(pieces: list[str], query: str) -> None:
    body = "".join(pieces)
    art = Article(title="标题", paragraphs=[body] if body.strip() else [])
    text = (art.summary + " " + art.text).strip() or art.title
    assert make_snippet(art, query) == reference(text, query)


def test_far_match_gets_a_window_and_ellipses() -> None:
    body = "开头的句子没有关键词。" * 20 + "这里宣布臺灣高鐵票價調整。" + "结尾的句子也没有。" * 10
    snip = make_snippet(Article(title="t", paragraphs=[body]), "台湾高铁")
    assert snip.startswith("…") and snip.endswith("…")
    assert MARK_OPEN + "臺灣" + MARK_CLOSE in snip and MARK_OPEN + "高鐵" + MARK_CLOSE in snip


def test_text_whose_lower_case_changes_length_still_highlights() -> None:
    body = "İstanbul 的记者报道了高铁票价。"  # "İ".lower() is two characters
    snip = make_snippet(Article(title="t", paragraphs=[body]), "高铁")
    assert MARK_OPEN + "高铁" + MARK_CLOSE in snip and snip == reference(body, "高铁")
