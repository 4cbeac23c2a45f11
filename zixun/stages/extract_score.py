"""Choose the story's lines: the scorer behind ``extract``.

Method (what zixun adds over readability/trafilatura for Chinese pages):

1. Every line gets a weight. Story-like lines (enough CJK characters or Latin words, sentence
   punctuation, little link text) count plus their size; link lines, boilerplate lines
   (责任编辑, 相关阅读, 版权所有, ICP备…) and lines inside navigation/footer/share/comment
   zones (by tag, class/id, hidden style) count minus their size, and so do blurbs in small
   link-heavy cards ("more stories" lists), blurbs of one class that nearly always follow a
   linked headline in a small card (a "More from…" rail), and sibling items that each open
   with a link (a news ticker); Western datelines/bylines ("By Jane Doe", "Published … Nov 19,
   2019") and newsletter pitches are dropped; short neutral lines (captions, subheads, date
   and byline lines) count about zero, except four or more unlinked sibling lines in a row
   (a data table's rows, a timetable), which count as story lines at half weight. Chinese
   has no spaces, so size is counted in CJK characters, not words.
2. The story is the contiguous run of lines with the highest sum (Kadane), or an earlier run
   at least half as heavy (the story comes before its comments). A run merges neighbouring
   paragraph blocks (a story split over several ``<div>``s or table cells, an ad between
   them) as long as it does not pull in more boilerplate than story. This guards against
   the two failure modes of density scorers: picking one small sub-block, and picking the
   footer/copyright block. ``Region.node`` is the lowest common ancestor of its lines.
3. A candidate whose kept text is mostly a legal notice, or tiny beside the page's story
   text, is rejected and the next best run tried; the last fallback is every story-like line
   of the page in order.
4. Inside the run, lines before the first and after the last story line are trimmed (the
   headline, the date line, share bars), link/boilerplate lines are dropped, and the text is
   cut at a 相关阅读/上一篇/网友评论 marker after half the story (unless a sibling paragraph of
   the story follows the box: an inline "Related articles" or "Most read" box), or at a post
   header (date and clock, 发表于, re:) after the first paragraphs: the next post or comment.
5. ``split_items``: when the run spans sibling blocks of one kind that are separate stories
   (the headline is inside one of them, or each has its own date line), keep one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from zixun.stages.boilerplate import JUNK_ATTR, STRONG_JUNK_ATTR, is_boilerplate_line
from zixun.stages.extract_lines import Line

GOOD, NEUTRAL, BAD = 1, 0, -1
JUNK_TAGS = frozenset({"nav", "footer", "aside"})
_STOP = re.compile(
    r"^\s*[\[【（(〖]?\s*(相关阅读|相關閱讀|相关新闻|相關新聞|相关链接|相關鏈接|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|"
    r"热门推荐|熱門推薦|猜你喜欢|大家都在看|大家还在看|相关文章|相關文章|相关报道|相關報導|更多精彩|"
    r"网友评论|網友評論|发表评论|發表評論|我要评论|最新评论|热门评论|上一篇|下一篇|上一条|下一条|"
    r"责任编辑|責任編輯|【纠错】|分享到|related (?:stories|articles|posts|news)|most read|more from|more stories|"
    r"recommended|you may also like|explore further|comments\b|leave a (?:comment|reply))",
    re.I,
)
# A long line that is a legal notice (版权/著作权/免责 statements) rather than story text.
NOTICE = re.compile(
    r"(著作权|版权|版權|转载|轉載|摘编|免责|免責|法律责任|侵权|侵權|授权|授權|所有内容均由|不代表本(网|站)|"
    r"copyright|all rights reserved).{0,80}(著作权|版权|版權|转载|轉載|摘编|免责|免責|法律责任|侵权|侵權|声明|聲明|"
    r"授权|授權|观点|觀點|copyright|rights|reproduc|permission)|cookies?\b.{0,120}\b(consent|website|browser|privacy|experience|opt-out)",
    re.I,
)
_POST_HEADER = re.compile(
    r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\D{0,3}\d{1,2}:\d{2}|发表于|發表於|发表时间|發表時間|"
    r"^#?\s*re\s*[:：]|^回复|^回復|posted (?:by|on|at)",
    re.I,
)
_DATEISH = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}|\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}")
_BYLINEISH = re.compile(r"来源|來源|作者|记者|記者|编辑|編輯|稿源|发布|發布|点击|點擊|阅读|閱讀|浏览|瀏覽")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_EN_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|\b\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d|"
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b.{{0,20}}\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)",
    re.I,
)
_EN_META_WORD = re.compile(r"^\s*(?:published|updated|posted|first published|last (?:updated|modified)|"
                           r"publish(?:ed)? (?:date|on)|date\b)", re.I)
_EN_BYLINE = re.compile(r"^\s*(?:By|BY|by)\s+[A-Z]")  # a name follows, not "By the end of…"
# A newsletter/subscription pitch ("Get the day's top headlines delivered to your inbox…").
_PROMO = re.compile(
    r"(sign(?:ing)? up|subscrib\w*|get)\b.{0,80}\b(newsletter|inbox|letterbox|email alerts?)|"
    r"\b(newsletter|inbox)\b.{0,60}\b(sign up|subscrib\w*|delivered)|delivered (?:to your inbox|weekday mornings)|"
    r"successfully subscribed|problem subscribing",
    re.I,
)
_CLOCKISH = re.compile(r"\d{1,2}:\d{2}")
_MORE = re.compile(r"more\b|更多", re.I)
_MARKUP = re.compile(r"^\s*</?[a-z][a-z0-9]*[\s>/]", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")


@dataclass(slots=True)
class Region:
    """The chosen subtree and its kept lines."""

    node: Any
    lines: list[Line]
    score: float


def _western_meta(text: str) -> bool:
    """A dateline or byline of a Western page ("By Jane Doe", "Published 10:02 AM EST Nov 19,
    2019", "Updated Nov. 19, 2019 8:21 am ET"): short, a month-name date or a By-line, and not
    a sentence. Chinese date/byline lines are left to the neutral rule below, whose text the
    ``published`` and ``byline`` stages read from the hints, not from the body."""
    if len(text) > 120:
        return False
    if _EN_BYLINE.match(text):
        return len(text) <= 60 or bool(_EN_DATE.search(text))
    if not _EN_DATE.search(text):
        return False
    return bool(_EN_META_WORD.match(text)) or len(text.split()) <= 12


def classify(line: Line) -> tuple[int, float]:
    """(kind, weight) of one line before zones are known."""
    u = line.units
    text = line.text
    if line.link_ratio > 0.5 or is_boilerplate_line(text) or NOTICE.search(text) or _MARKUP.match(text):
        return BAD, -(u + 2.0)
    if text[:1].isascii() and _western_meta(text):
        return BAD, -1.0
    if len(text) < 200 and _PROMO.search(text):
        return BAD, -(u + 2.0)
    if len(text) < 50 and (_DATEISH.search(text) or _BYLINEISH.search(text)) and line.punct <= 2:
        return NEUTRAL, -1.0
    if line.in_heading and u < 60:
        return NEUTRAL, 0.2 * u - 1.0  # a headline or subhead, even with a comma in it
    if line.link_ratio < 0.35 and ((u >= 12 and line.punct >= 1) or u >= 40):
        return GOOD, u * (1.0 - line.link_ratio) + 2.0 * min(line.punct, 10)
    return NEUTRAL, 0.2 * u - 1.0


def _ancestors(el: Any, cache: dict[Any, list[Any]]) -> list[Any]:
    got = cache.get(el)
    if got is None:
        got = [el, *el.iterancestors()]
        cache[el] = got
    return got


def junk_zones(lines: list[Line], kinds: list[tuple[int, float]], cache: dict[Any, list[Any]]) -> set[Any]:
    """Elements that are navigation/footer/share/comment zones by tag, class/id or style.

    A zone that holds most of the page's story text is kept: some sites put the story in
    ``<div class="main-side">`` or wrap the whole page in ``<div class="advertisement-pusher">``,
    and dropping it would lose everything. Comment/related/footer zones must hold more than
    80 % to be kept (a long comment thread can outweigh a short story), other zones 40 %.
    """
    zones: set[Any] = set()
    strong: set[Any] = set()
    seen: set[Any] = set()
    for line in lines:
        for el in _ancestors(line.container, cache):
            if el in seen:
                continue
            seen.add(el)
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if tag in ("body", "html"):
                continue
            if tag in JUNK_TAGS or el.get("hidden") is not None:
                zones.add(el)
                continue
            attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
            if attrs and JUNK_ATTR.search(attrs):
                zones.add(el)
                if STRONG_JUNK_ATTR.search(attrs):
                    strong.add(el)
                continue
            style = el.get("style")
            if style and _HIDDEN.search(style):
                zones.add(el)
    if not zones:
        return zones
    good_in: dict[Any, float] = {}
    total = 0.0
    for line, (kind, weight) in zip(lines, kinds, strict=True):
        if kind != GOOD:
            continue
        total += weight
        for el in _ancestors(line.container, cache):
            if el in zones:
                good_in[el] = good_in.get(el, 0.0) + weight
    return {z for z in zones if good_in.get(z, 0.0) <= (0.8 if z in strong else 0.4) * total}


def _teaser_lines(lines: list[Line], cache: dict[Any, list[Any]]) -> set[int]:
    """Indexes of unlinked lines that sit in a small link-heavy card: the blurb under a linked
    headline in a "more stories" list. A story paragraph's wrappers are large and nearly
    link-free; a teaser's card is small and a third or more link text."""
    total: dict[Any, int] = {}
    linked: dict[Any, int] = {}
    count: dict[Any, int] = {}
    for line in lines:
        n = len(line.text)
        for el in _ancestors(line.container, cache)[:4]:
            total[el] = total.get(el, 0) + n
            count[el] = count.get(el, 0) + 1
            linked[el] = linked.get(el, 0) + line.link_chars
    out: set[int] = set()
    after_link: dict[tuple[Any, Any], list[int]] = {}
    classed: dict[tuple[Any, Any], int] = {}
    for i, line in enumerate(lines):
        cls = line.container.get("class")
        key = (line.container.tag, cls)
        if cls:
            classed[key] = classed.get(key, 0) + 1
        if line.link_ratio > 0.1 or i == 0:
            continue
        back = [lines[j] for j in range(max(0, i - 3), i) if lines[j].link_ratio >= 0.5]
        if not back:
            continue  # a teaser's blurb follows its linked headline (maybe past a date line)
        prev = back[-1]
        if cls and any(count.get(el, 0) <= 6 and el in _ancestors(prev.container, cache)
                       for el in _ancestors(line.container, cache)[1:3]):
            after_link.setdefault(key, []).append(i)  # in a small card with its linked headline
        if len(line.text) > 250:
            continue
        for el in _ancestors(line.container, cache)[1:4]:
            t = total.get(el, 0)
            if t > 4 * len(line.text) + 40:
                break
            if linked.get(el, 0) > 0.25 * t and el in _ancestors(prev.container, cache):
                out.add(i)
                break
    # Cards of one class, nearly each right after a linked headline: a "more stories" rail
    # whose blurbs are long enough to outweigh the story.
    for key, idx in after_link.items():
        if len(idx) >= 3 and len(idx) >= 0.6 * classed.get(key, 0):
            out.update(idx)
    out.update(_lead_link_items(lines))
    return out


def _sibling_runs(lines: list[Line], ok: list[bool], *, same_block: bool) -> list[list[int]]:
    """Maximal runs of consecutive ``ok`` lines whose blocks are siblings of one tag; with
    ``same_block`` lines of one block (``<br>``-split) continue a run, else they break it."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i, line in enumerate(lines):
        if ok[i] and run:
            prev, cur = lines[run[-1]].container, line.container
            joined = same_block if prev is cur else (prev.tag == cur.tag and prev.getparent() is cur.getparent())
            if not joined:
                runs.append(run)
                run = []
        if ok[i]:
            run.append(i)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _lead_link_items(lines: list[Line]) -> set[int]:
    """Three or more sibling blocks of one tag that each open with a link and go on in plain
    text: "Headline NEW DELHI: first sentence…" items of a news ticker or a teaser list."""
    ok = [line.lead_link and 0.05 <= line.link_ratio <= 0.6 for line in lines]
    return {i for run in _sibling_runs(lines, ok, same_block=False) if len(run) >= 3 for i in run}


def _data_lines(lines: list[Line], raw: list[tuple[int, float]], skip: set[int]) -> set[int]:
    """Indexes of short unlinked lines that form a list or table: four or more consecutive
    sibling blocks of one tag or ``<br>``-split lines of one block (rows of a results table,
    items of a timetable, a recipe's ingredients). Alone each reads as a caption-sized neutral line; together they are content
    a reader keeps, so they count as story lines at half weight. Dated items count (a race
    calendar); lines with a clock time or a byline word do not (a list of posts or comments)."""
    ok = [
        kind != BAD and not line.in_heading and line.link_ratio < 0.2
        and (weight != -1.0 or not (_BYLINEISH.search(line.text) or _CLOCKISH.search(line.text)))
        and line.units >= 2 and i not in skip
        for i, (line, (kind, weight)) in enumerate(zip(lines, raw, strict=True))
    ]
    out: set[int] = set()
    for run in _sibling_runs(lines, ok, same_block=True):
        if len(run) >= 4 and sum(raw[j][0] == NEUTRAL for j in run) * 2 >= len(run):
            out.update(j for j in run if raw[j][0] == NEUTRAL)
    return out


def _in_zone(line: Line, zones: set[Any], cache: dict[Any, list[Any]]) -> bool:
    return any(el in zones for el in _ancestors(line.container, cache))


def _trim(lines: list[Line], kinds: list[int]) -> tuple[list[Line], bool]:
    """Lines from the first to the last story line, without link/boilerplate lines, cut at a
    stop marker (相关阅读, 上一篇…) after half the story unless the next story line is a sibling
    paragraph of the last one (an inline "Related articles" box), or at a post header (a short line with
    a date and clock time, 发表于, re:) after the first story paragraphs: on blogs, forums and
    pages with comments the next post or comment starts there."""
    good_idx = [i for i, k in enumerate(kinds) if k == GOOD]
    if not good_idx:
        return [], False
    first, last = good_idx[0], good_idx[-1]
    total = sum(lines[i].units for i in good_idx)
    seen = 0.0
    out: list[tuple[Line, int]] = []
    post_cut = False
    prev_good: Line | None = None
    skip_to = -1
    for i in range(first, last + 1):
        line = lines[i]
        if i < skip_to:
            continue
        if kinds[i] == GOOD:
            seen += line.units
            prev_good = line
        stop = _STOP.match(line.text) or (line.in_heading and _MORE.match(line.text))
        if stop and len(line.text) < 40 and seen >= 0.5 * total:
            nxt = _resume(lines, kinds, i, last, prev_good, 0.25 * seen)
            if nxt is not None:
                skip_to = nxt  # a related-links box set inside the story: the story goes on
                continue
            break
        if seen >= 80 and kinds[i] != GOOD and _POST_HEADER.search(line.text) and len(line.text) <= 80:
            post_cut = True
            break
        if kinds[i] != BAD:
            out.append((line, kinds[i]))
    while out and out[-1][1] != GOOD:
        out.pop()
    return [line for line, _k in out], post_cut


def _resume(lines: list[Line], kinds: list[int], i: int, last: int, prev: Line | None, budget: float) -> int | None:
    """Where the story resumes after a box that starts at ``lines[i]``: the next story line
    that is a sibling paragraph of ``prev``, when the box's own story-like lines (blurbs of a
    "Most read" rail) come to less than ``budget`` units; else None (the story ended)."""
    if prev is None:
        return None
    inside = 0.0
    for j in range(i + 1, last + 1):
        if kinds[j] != GOOD:
            continue
        if _siblings(prev, lines[j]):
            return j
        inside += lines[j].units
        if inside > budget:
            return None
    return None


def _siblings(a: Line, b: Line) -> bool:
    """Two lines in blocks of one tag under one parent, or under two parents of one kind
    side by side (a story split in two ``<div class="body">`` around a box)."""
    ca, cb = a.container, b.container
    if ca.tag != cb.tag:
        return False
    pa, pb = ca.getparent(), cb.getparent()
    if pa is pb:
        return True
    if pa is None or pb is None:
        return False
    return bool(pa.tag == pb.tag and pa.get("class") == pb.get("class") and pa.getparent() is pb.getparent())


def _best_run(weights: list[float]) -> tuple[int, int, float]:
    """Kadane: the contiguous run of lines with the highest total weight."""
    best = (0, -1, 0.0)
    start, total = 0, 0.0
    for i, w in enumerate(weights):
        if total <= 0:
            start, total = i, w
        else:
            total += w
        if total > best[2]:
            best = (start, i, total)
    return best


def _earliest_strong_run(weights: list[float]) -> tuple[int, int, float]:
    """The best run, or an earlier one at least half as heavy: the story comes before its
    comments and the next posts, which can outweigh it on a busy blog or forum page."""
    best = _best_run(weights)
    if best[1] < best[0]:
        return best
    before = _best_run(weights[: best[0]])
    if before[1] >= before[0] and before[2] >= 0.5 * best[2] and before[2] >= 150:
        return before
    return best


def _lca(lines: list[Line], cache: dict[Any, list[Any]]) -> Any:
    common = _ancestors(lines[0].container, cache)
    for line in lines[1:]:
        anc = set(_ancestors(line.container, cache))
        common = [el for el in common if el in anc]
    return common[0] if common else None


def choose(lines: list[Line]) -> Region | None:
    """The story's region of ``lines`` (see the module docstring), or None when nothing reads as a story."""
    if not lines:
        return None
    cache: dict[Any, list[Any]] = {}
    raw = [classify(line) for line in lines]
    zones = junk_zones(lines, raw, cache)
    teasers = _teaser_lines(lines, cache)
    zoned = {i for i, line in enumerate(lines) if zones and _in_zone(line, zones, cache)}
    data = _data_lines(lines, raw, zoned | teasers)
    kinds: list[int] = []
    weights: list[float] = []
    for i, (line, (kind, weight)) in enumerate(zip(lines, raw, strict=True)):
        if i in zoned or (kind == GOOD and i in teasers):
            kind, weight = BAD, -(line.units + 2.0)
        elif i in data:
            kind, weight = GOOD, 0.5 * line.units + 1.0
        kinds.append(kind)
        weights.append(weight)
    page_good = sum(w for k, w in zip(kinds, weights, strict=True) if k == GOOD)
    if page_good <= 0:
        return None
    work = list(weights)
    for _attempt in range(4):
        s, e, total = _earliest_strong_run(work)
        if e < s:
            break
        kept, post_cut = _trim(lines[s : e + 1], kinds[s : e + 1])
        kept_ids = {id(line) for line in kept}
        good = sum(w for line, k, w in zip(lines[s : e + 1], kinds[s : e + 1], weights[s : e + 1], strict=True)
                   if k == GOOD and id(line) in kept_ids)
        enough = good >= 0.15 * page_good or (post_cut and good >= 100)
        if kept and enough and not _mostly_notice(kept):
            return Region(_lca(kept, cache), kept, total)
        for i in range(s, e + 1):
            work[i] = -1e6
    # Fallback: every story line of the page, in order.
    kept = [line for line, k in zip(lines, kinds, strict=True) if k == GOOD and not NOTICE.search(line.text)]
    return Region(None, kept, page_good) if kept else None


def _mostly_notice(kept: list[Line]) -> bool:
    """True when a candidate is a copyright/disclaimer block rather than a story."""
    notice = sum(line.units for line in kept if NOTICE.search(line.text))
    return notice > 0.5 * sum(line.units for line in kept)


def split_items(region: Region, title_line: Line | None) -> Region:
    """Keep one story when the region spans a list of them (a blog's posts, a page that
    appends the next article): sibling blocks of one kind, each with its own heading. The one
    holding the page's headline wins, else the first. Why: Kadane's run happily crosses from
    one story into the next when nothing but a heading lies between them."""
    node = region.node
    if node is None or len(region.lines) < 4:
        return region
    cache: dict[Any, list[Any]] = {}
    weight = {id(line): line.units for line in region.lines}
    total = sum(weight.values()) or 1.0
    for _depth in range(6):
        groups: dict[Any, list[Line]] = {}
        for line in region.lines:
            anc = _ancestors(line.container, cache)
            if node not in anc:
                continue
            pos = anc.index(node)
            if pos == 0:
                continue
            groups.setdefault(anc[pos - 1], []).append(line)
        heavy = [(child, ls) for child, ls in groups.items() if sum(weight[id(x)] for x in ls) >= 0.15 * total]
        if len(heavy) == 1 and sum(weight[id(x)] for x in heavy[0][1]) >= 0.85 * total:
            node = heavy[0][0]
            continue
        break
    else:
        return region
    if len(heavy) < 2:
        return region
    kinds = {(c.tag, c.get("class")) for c, _ls in heavy}
    if len(kinds) != 1:
        return region
    # Items are separate stories when the headline is inside one of them, or when each
    # carries its own date line; sections of one story sit under the headline instead.
    dated = sum(any(_POST_HEADER.search(x.text) for x in ls) for _c, ls in heavy)
    pick: tuple[Any, list[Line]] | None = None
    if title_line is not None:
        for child, ls in heavy:
            if child in _ancestors(title_line.container, cache):
                pick = (child, ls)
                break
    if pick is None and dated >= len(heavy) - 1 and dated >= 2:
        pick = heavy[0]
    if pick is None:
        return region
    ids = {id(x) for x in pick[1]}
    kept = [line for line in region.lines if id(line) in ids]
    return Region(pick[0], kept, region.score)
