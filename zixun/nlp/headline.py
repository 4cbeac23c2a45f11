"""A short factual headline from a lead, for pages that have none (``title_generated``).

Why this way: a generated title must not invent anything, so it is a run of whole
clauses of the lead, picked by the same scorer as the one-line 核心提示 (``zixun.nlp.spans``):
position first, then what the text keeps talking about. Clauses keep all their words when
any run fits: the squeezed wording the 提示 may use drops time words and adverbs (年底前开通
→ 开通, 即使是 → 是), which in a headline changes what it says. A dateline or source
prefix (11月6日，据新华社报道，), an opening connective (而且) and the final 。 are dropped,
as headlines carry none.
"""

from __future__ import annotations

import re

from zixun.nlp.spans import CONNECTIVE, PREFIX, TRAIL, bare, candidates, score, sentences
from zixun.text.t2s import in_script, to_simplified

END = "。！？!?…"
_ANAPHORIC_TIME = re.compile(r"^(?:当天|当日|同日|次日)[，,]")  # "that day": the day of the text before


def _lead_in(s: str) -> str:
    """``s`` without what opens it before its subject: datelines, sources and connectives, in
    any order ("此外，记者从市交通局获悉，江城地铁…" → "江城地铁…")."""
    for _ in range(3):
        t = _ANAPHORIC_TIME.sub("", PREFIX.sub("", s))
        m = CONNECTIVE.match(t)
        if m and t[m.end() : m.end() + 1] in ("，", ","):
            t = t[m.end() + 1 :]
        if t == s:
            break
        s = t
    return s


def headline(lead: str, limit: int = 30) -> str:
    """At most ``limit`` characters of the lead's own words, or "" when it has none.

    A traditional-script lead is scored on its simplified fold (the scorer's cue lists and
    word weights are simplified) and the headline is printed in the lead's script."""
    folded = to_simplified(lead)
    if folded != lead:
        return in_script(headline(folded, limit), folded, lead)
    sents = [(p, _lead_in(s)) for p, s in sentences(lead)[:3]]
    sents = [(p, s) for p, s in sents if len(bare(s)) >= 4]
    if not sents:
        return ""
    spans = [sp for sp in candidates(sents, limit, clauses=True) if len(sp.text.rstrip(END + TRAIL)) <= limit]
    if not spans:
        return ""
    whole_words = [sp for sp in spans if not sp.squeezed]
    spans = whole_words or spans
    score(spans, lead, limit)
    for sp in spans:
        sp.score += 0.15 * (sp.first == 0) + 0.05 * (sp.sent == 0)  # the lead's subject comes first
    best = max(spans, key=lambda sp: sp.score)
    text = best.text.rstrip(END + TRAIL)
    lead_in = CONNECTIVE.match(text)  # 而且, 此外: a headline starts with its subject
    if lead_in and len(bare(text[lead_in.end():])) >= 4:
        text = text[lead_in.end():].lstrip("，,、 ")
    return text
