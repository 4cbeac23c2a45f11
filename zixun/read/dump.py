"""Flattened page text ("page dumps"): numbered section headings and a mixed related list.

A dump looks like::

    <optional title line>
    1核心提示
    <summary or nothing>
    2发布时间
    <time or nothing>
    3资讯详情
    <body paragraphs, one a line, a byline line among them>
    4大家还在看:
    - 标签,标签,一条新闻的标题,标签…

Why by hand: no library knows this format. The hard part is the related list, whose items
are one headline and its keyword tags comma-joined *in any order*; the headline may itself
have been split at its own comma. Parts with sentence punctuation or clause length are
headline; short parts join them only when they carry grammatical particles (的了得…);
with no such part the most headline-like part wins; everything else is a tag.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from zixun.model import RelatedItem
from zixun.text.normalize import clean_line
from zixun.text.t2s import to_simplified

SECTIONS = ("核心提示", "发布时间", "资讯详情", "大家还在看")
_HEADING = re.compile(r"^\s*[0-9０-９]{0,2}[.、．\s]*(核心提示|发布时间|资讯详情|大家还在看|相关阅读|相关推荐)\s*[:：]?\s*$")
_ITEM = re.compile(r"^\s*(?:[-•·*]|\d+[.、])\s*")
_CLAUSE_PUNCT = re.compile(r"[!！?？:：“”\"《》…|]")
_PARTICLES = set("的了得着吗呢吧很么")


@dataclass(slots=True)
class Dump:
    title: str | None = None
    summary: str = ""
    published_text: str = ""
    paragraphs: list[str] = field(default_factory=list)
    related: list[RelatedItem] = field(default_factory=list)


def looks_like_dump(text: str) -> bool:
    """At least two of the four section headings stand alone on their own lines."""
    found = {m.group(1) for line in text.splitlines()[:400] if (m := _HEADING.match(to_simplified(line)))}
    return len(found & set(SECTIONS)) >= 2


def parse_dump(text: str) -> Dump:
    dump = Dump()
    section: str | None = None
    pre: list[str] = []
    buckets: dict[str, list[str]] = {name: [] for name in SECTIONS}
    for raw in text.splitlines():
        line = clean_line(raw)
        if not line:
            continue
        m = _HEADING.match(to_simplified(line))  # 資訊詳情 is 资讯详情
        if m:
            name = m.group(1)
            section = "大家还在看" if name in ("相关阅读", "相关推荐") else name
            continue
        if section is None:
            pre.append(line)
        else:
            buckets[section].append(line)
    if pre:
        dump.title = pre[0]
        buckets["资讯详情"] = pre[1:] + buckets["资讯详情"]
    dump.summary = " ".join(buckets["核心提示"])
    dump.published_text = " ".join(buckets["发布时间"])
    dump.paragraphs = buckets["资讯详情"]
    items = [_ITEM.sub("", line) for line in buckets["大家还在看"]]
    dump.related = split_related_items([i for i in items if i])
    return dump


def _parts(item: str) -> list[str]:
    sep = "," if "," in item else "，"
    parts: list[str] = []
    for p in item.split(sep):
        # "外滩……游船夜航带你看江景": a short tag glued to a headline by an ellipsis.
        head, ell, tail = p.partition("……")
        if ell and 0 < len(head.strip()) <= 6 and len(tail.strip()) >= 6 and not _CLAUSE_PUNCT.search(head):
            parts += [head, tail]
        else:
            parts.append(p)
    return [p.strip() for p in parts if p.strip()]


def _is_strong(part: str) -> bool:
    """Sentence punctuation or clause length: only a headline looks like this."""
    return bool(_CLAUSE_PUNCT.search(part)) or len(part) >= 10


def _is_clause(part: str, tag_counts: Counter[str], siblings: list[str]) -> bool:
    if tag_counts[part] > 1:
        return False  # the same string in several items is a tag, not a headline
    if any(part != other and part in other for other in siblings):
        return False  # a keyword of the headline beside it ("带押过户" next to "…推行二手房带押过户")
    if _is_strong(part):
        return True
    # A short piece of a split headline ("他打得很棒") carries grammatical particles; tags don't.
    return len(part) >= 4 and any(ch in _PARTICLES for ch in part) and not part.isascii()


def _headline_score(part: str, tag_counts: Counter[str]) -> float:
    score = float(len(part))
    if _CLAUSE_PUNCT.search(part):
        score += 6
    score -= 8 * (tag_counts[part] - 1)
    return score


def split_related_items(items: list[str]) -> list[RelatedItem]:
    """Split each mixed item into one headline plus its tags (see the module docstring)."""
    split = [_parts(item) for item in items]
    tag_counts: Counter[str] = Counter(p for parts in split for p in set(parts))
    out: list[RelatedItem] = []
    for parts in split:
        if not parts:
            continue
        clauses = [p for p in parts if _is_clause(p, tag_counts, parts)]
        if not any(_is_strong(p) for p in clauses):
            clauses = [max(parts, key=lambda p: _headline_score(p, tag_counts))]
        headline = "，".join(clauses)
        tags = [p for p in parts if p not in clauses]
        out.append(RelatedItem(title=headline, tags=tags))
    return out
