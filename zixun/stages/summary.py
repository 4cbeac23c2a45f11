"""核心提示: an extractive key-point summary of 1–3 whole sentences within a character budget.

Why by hand: on Chinese news the lead beats graph ranking (TextRank/SnowNLP), but the
*right* sentence beats the lead by far more (LCSTS oracle), so sentences are ranked by the
hand-set scorer in ``zixun.nlp.spans`` (position, keyword centrality, repeated bigrams,
budget fill) plus a bonus for a dated news lead ("11月6日，…": who/what/when). Bylines,
datelines, quote-only sentences and near-duplicates are never picked. When the budget is
too short for any whole sentence (or under ``CLAUSE_BUDGET``, a one-line 提示) a run of
whole clauses is used instead (it may go on across a sentence end inside one paragraph),
chosen by its expected ROUGE-1 F1 (``zixun.nlp.spans.relevance``) and ending in 。 —
never a cut inside a clause.

The budget counts characters the way a Chinese 字数 limit for a 提示 and character ROUGE
do: letters, digits and CJK, not punctuation or spaces (``zixun.nlp.spans.size``). So a
120-character 核心提示 may print as ~130 characters with its commas and 。; on LCSTS this
lets a reference-length budget hold as much text as the reference (+0.3–0.7 ROUGE-1).
"""

from __future__ import annotations

import re

from zixun.model import Article
from zixun.nlp.spans import CONNECTIVE, Span, bare, candidates, relevance, score, sentences, size, tightened
from zixun.read.page import Page
from zixun.settings import get as setting
from zixun.text.t2s import in_script, to_simplified

CLAUSE_BUDGET = 60
LATIN_BUDGET = 5  # ×2.5 the default budget for text that is mostly Latin letters
_HAN = re.compile(r"[\u3400-\u9fff]")
MAX_SENTENCES = 3
LEAD_BONUS = 0.1
# One-line 提示: + LEAD_CLAUSES / (1 + sentence index) on top of the expected F1 (~0.2–0.4),
# news says the point first. Centre of the plateau 0.02–0.055 on the even half of LCSTS.
LEAD_CLAUSES = 0.035
LEAD_CHARS = 1500
_BYLINE = re.compile(
    r"(记者|記者|编辑|編輯|来源|來源|通讯员|通訊員|摄影|攝影)[：:\s]?[^，。,]{0,12}[)）]?$"
    r"|^[(（]?(新华社|本报讯|中新网|央视网|人民网)[^，。]{0,16}(电|讯|消息)[)）]?"
    r"|^(责任编辑|責任編輯|原标题|原標題|来源|來源)[：:]"
)
# A photo caption ends with its credit: "…游览。记者 宋佳琪 摄", "（新华社记者 张三 摄）".
_CAPTION = re.compile(
    r"[。！？\s（(]\s*(?:(?:新华社|本报|中新社)?(?:记者|記者|通讯员|通訊員|摄影|攝影)\s*)?"
    r"[\u4e00-\u9fff·]{2,4}(?:\s*[/／]\s*)?\s*(?:摄|攝)\s*[)）]?$"
)
# A field of a document's metadata box (索 引 号：…, 成文日期：…, 发文字号：…): a label of a few
# characters, a colon, and no sentence after it
_FIELD = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff\s]{1,7}[：:][^。！？!?，,]{0,80}$")
_DATED = re.compile(r"^[(（]?(\d{4}年)?\d{1,2}月\d{1,2}日|^(近日|日前|今天|昨天|昨日|今日)")
_TRAIL = "，,；;：:、"
_HEADING_END = re.compile(r"[。！？!?…”」』\"'’.)）]$")
_SOURCE = re.compile(r"(消息|报道称?|获悉|了解到|日电)$")
# A channel tag or Weibo topic opening a sentence ("【财经】", "#两会#") labels the post; a 提示 drops it.
# So does a label naming the paragraph's role ("导语：", "编者按：", "摘要：").
_TAG = re.compile(
    r"(?:^|(?<=[。！？!?]))\s*(?:【[^】\n]{1,30}】|#[^#\n]{1,30}#"
    r"|(?:导语|導語|摘要|提要|编者按|編者按|核心提示|内容提要|內容提要)\s*[：:]"
    # and an editor's or reporter's credit that a flattened page left at a sentence start
    r"|[（(](?:责任编辑|責任編輯|编辑|編輯|记者|記者|作者|来源|來源)[：:\s][^（）()]{1,20}[）)])\s*"
)


def _usable(s: str) -> bool:
    """Not a byline/dateline line, not a bare quotation, long enough to say something."""
    b = bare(s)
    if len(b) < 6 or _BYLINE.search(s.strip()) or _FIELD.match(s.strip()):
        return False
    t = s.strip()
    return not (t[:1] in "“「\"" and t[-1:] in "”」\"" and t.count("“") <= 1)


def _near_dup(a: str, b: str) -> bool:
    sa = {a[i : i + 2] for i in range(len(a) - 1)}
    sb = {b[i : i + 2] for i in range(len(b) - 1)}
    return len(sa & sb) / max(1, min(len(sa), len(sb))) > 0.6


def _finish(s: str, budget: int) -> str:
    """A clause run reads as a sentence: its trailing comma becomes 。 when that fits (a full
    stop "." when the run is Latin text, which never takes a Chinese 。)."""
    out = s.strip().rstrip(_TRAIL + " ")
    if out and out[-1] not in "。！？!?”」….\"'’":
        out += "。" if _HAN.search(out[-12:]) else "."
    return out


def _lead_section(sents: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The sentences of the first ``LEAD_CHARS`` characters: a one-line 提示 of a long
    article comes from its lead (and scoring every clause run of 10k characters is slow)."""
    total = 0
    for k, (_pi, s) in enumerate(sents):
        total += len(s)
        if total > LEAD_CHARS and k:
            return sents[:k]
    return sents


def _usable_rank(sents: list[tuple[int, str]]) -> list[int]:
    """For each sentence, how many usable sentences come before it (a byline is not the lead)."""
    out: list[int] = []
    seen = 0
    for _pi, s in sents:
        out.append(seen)
        seen += _usable(s)
    return out


def _untag(sp: Span) -> None:
    """Drop the 【tag】/#topic# opening a sentence of a span (the sentence is still whole
    without it), unless nothing would be left."""
    text = _TAG.sub("", sp.text)
    if size(text) >= 4:
        sp.text = text


def _intact(s: str) -> bool:
    """A clause run may not cut a 《title》 (its commas are not clause ends: 《城市的灯，照亮…》)
    nor carry a dash aside ("新馆开放时间延长——周末"), nor open with the closing mark of the
    clause before (”市民纷纷点赞): all read as broken text in a 提示. Nor may it be only the
    source ("青禾市交通局消息", "记者了解到") or open with a connective (而/此外/但是…: the clause
    it leans on is missing). Each is noise-sized on the even half of LCSTS (within ±0.1);
    they are there for readability."""
    return (
        s.count("《") == s.count("》")
        and "——" not in s
        and s[:1] not in "”’」』）)、，,"
        and not _SOURCE.search(bare(s))
        and not CONNECTIVE.match(s)
    )


def _clause_pick(spans: list[Span], budget: int) -> str:
    fitting = [sp for sp in spans if size(sp.text) <= budget]
    fitting = [sp for sp in fitting if _intact(sp.text)] or fitting
    if not fitting:
        return ""
    best = max(fitting, key=lambda sp: sp.score)
    return _finish(best.text, budget)


def summarize(text: str, *, title: str | None = None, max_chars: int | None = None) -> str:
    """Return 1–3 whole sentences of ``text`` within ``max_chars`` characters not counting
    punctuation (default: setting ``summary_chars``); under a short budget, the best run of
    whole clauses."""
    budget = max_chars or int(setting("summary_chars"))
    folded = to_simplified(text)
    if folded != text:  # the cue lists and the word weights are simplified: pick on the fold
        picked = summarize(folded, title=to_simplified(title) if title else None, max_chars=max_chars)
        return in_script(picked, folded, text)
    if max_chars is None and len(_HAN.findall(text[:3000])) * 5 < len(text[:3000]):
        budget = budget * LATIN_BUDGET // 2  # a Latin letter says far less than a 字: room for a sentence
    # Photo captions describe a picture, not the story: they are no 核心提示 (unless nothing else is left).
    story = [p for p in text.split("\n") if not _CAPTION.search(p.strip())]
    if any(p.strip() for p in story):
        text = "\n".join(story)
    sents = sentences(text)
    if not sents:
        return ""
    short = budget < CLAUSE_BUDGET
    if short:
        sents = _lead_section(sents)
    found = candidates(sents, budget, clauses=short, count=size, cross=short)
    spans = [sp for sp in found if _usable(sents[sp.sent][1]) and (sp.end < 0 or _usable(sents[sp.end][1]))]
    spans = spans or found
    for sp in spans:
        _untag(sp)
    if short:
        spans += tightened(spans)
        relevance(spans, sents, budget)
        rank = _usable_rank(sents)
        for sp in spans:
            sp.score += LEAD_CLAUSES / (1 + rank[sp.sent])
    else:
        score(spans, (title + "\n" if title else "") + text, budget)
    title_b = bare(title or "")
    for sp in spans:
        if not short and _DATED.match(sp.text) and sp.sent < 5:
            sp.score += 0.05
        if title_b and _near_dup(bare(sp.text), title_b) and len(bare(sp.text)) <= len(title_b) * 1.3:
            sp.score -= 1.0  # repeating the headline tells the reader nothing new: last resort only
    if short:
        return _clause_pick(spans, budget)
    whole = [sp for sp in spans if sp.whole and sp.first == 0]
    # a short line with no sentence end is a heading or a list item (八、吃饭不感谢的乞丐), not a 提示
    whole = [sp for sp in whole if _HEADING_END.search(sp.text.strip()) or size(sp.text) >= 30] or whole
    if whole:
        lead = min(sp.sent for sp in whole)
        for sp in whole:
            if sp.sent == lead:
                sp.score += LEAD_BONUS  # news: the lead answers who/what/when
            if CONNECTIVE.match(sp.text):
                sp.score -= LEAD_BONUS  # 此外/接下来… cannot open a 核心提示
    whole.sort(key=lambda sp: -sp.score)
    chosen: list[Span] = []
    used = 0
    for sp in whole:
        if len(chosen) >= MAX_SENTENCES:
            break
        if used + size(sp.text) > budget:
            continue
        if chosen and sp.score < chosen[0].score * 0.5:
            continue
        if any(_near_dup(bare(sp.text), bare(c.text)) for c in chosen):
            continue
        chosen.append(sp)
        used += size(sp.text)
    if not chosen:
        spans = candidates(sents, budget, clauses=True, count=size, cross=True)
        relevance(spans, sents, budget)
        return _clause_pick(spans, budget)
    chosen.sort(key=lambda sp: sp.sent)
    out = ""
    for sp in chosen:  # Chinese sentences join as they are; Latin ones with a space ("cell. For")
        out += " " + sp.text if out and out[-1].isascii() and sp.text[:1].isascii() else sp.text
    return out


def run(article: Article, page: Page) -> None:
    given = page.hints.get("given_summary")
    if given:
        article.summary = str(given)
        return
    article.summary = summarize(article.text, title=article.title or None)
