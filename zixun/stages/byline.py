"""Split bylines into outlet / reporters / city / editor and take them out of the body.

Why by hand: Chinese bylines pack several roles in one line with no delimiters a generic
author extractor knows: "21世纪经济报道记者倪雨晴 深圳报道", "新华社北京5月3日电（记者 张三 李四）",
"记者王小明／台北報導", "来源：华夏日报 作者：张三", "（责任编辑：王某）", a closing
"（记者 胡某 上海报道）", and on blogs and forums "由某某张贴 @ 2005-06-14", "某某 发表于 …",
"by 某某". Every name must pass ``byline_names`` (a label makes any 2–4 characters or a web
user name acceptable; an unlabelled credit needs a known surname).

Where we look: the lines the extractor found around the body (``byline_lines``,
``head_lines``, ``tail_lines``), the first and last paragraphs, and short paragraphs anywhere
(dumps shuffle paragraphs). A paragraph that is nothing but a byline leaves the body; a wire
dateline and a closing credit are cut from the paragraph that carries them.
"""

from __future__ import annotations

import re

from zixun.model import Article, Byline
from zixun.read.page import Page
from zixun.stages.boilerplate import PORTALS, unwrap
from zixun.stages.byline_names import (
    CITIES,
    CJK,
    COMPOUND_SURNAMES,
    is_cjk_name,
    is_user_name,
    join_spaced,
    split_city,
)
from zixun.text.segment import dictionary, pos_tag
from zixun.text.t2s import to_simplified

_OUTLET_LABEL = r"来源|來源|稿源|出处|出處|来自|來自|发布机构|發布機構|发文机关|發文機關|信息来源|文章来源"
_EDITOR_LABEL = r"责任编辑|責任編輯|责编|責編|值班编辑|本文编辑|编辑|編輯"
_REPORTER_LABEL = (
    r"作\s?者(?!单位|簡介|简介|单位|信息)|撰文|撰稿|执笔人?|執筆人?|发表人|發表人|发信人|發信人|楼主|樓主|博主|"
    rf"(?:特约|首席|见习|实习|驻[{CJK}]{{1,4}})?记者|(?:特約|首席|見習|實習)?記者|(?:特约|特約)?(?:评论员|評論員)|"
    r"通讯员|通訊員|实习生|實習生|"
    r"摄影|攝影|图文|圖文|文图|文圖|文\s*[/／|｜]|图\s*[/／]"
)
_LABEL = re.compile(rf"(?P<label>{_OUTLET_LABEL}|{_EDITOR_LABEL}|{_REPORTER_LABEL})\s*(?P<colon>[:：]?)")
_MONTH_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
_WIRE = re.compile(
    r"^(?:据|據)?(?P<outlet>新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|本报|本報|本台|本网|本網|本刊|"
    r"[\u4e00-\u9fff]{2,8}?(?:社|网|網|报|報|台))"
    rf"(?P<city>[\u4e00-\u9fff]{{2,5}}?)?(?:{_MONTH_DAY})?"
    r"(?:电|電|快讯|快訊|讯|訊|专电|專電|专讯|專訊|消息)"  # 央视网消息（新闻联播）：, 中新网北京11月6日消息, 新京报快讯
    r"(?:\s*[（(](?P<credit>[^（）()]{2,40})[）)])?"
)
# "By Jane Doe", "(Reporting by Will Dunham; Editing by Tom Brown)": a capitalised first and
# last name (case-sensitive: "plagued by understaffing" and "By Monday" are no bylines)
_NAME_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_BY_NAME = re.compile(
    r"(?:^|(?<=[\s(（;；,]))(?:(?P<role>[Rr]eporting|[Ee]diting|[Ww]ritten|[Tt]ext|[Ww]ords)\s+)?[Bb]y\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[A-Z]\.|de|van|von|da|del|la|le|bin)){{1,3}})(?![a-z'’])"
)
_AND_NAME = re.compile(rf"\s*(?:,|and|&)\s+({_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[A-Z]\.)){{1,2}})(?![a-z'’])")
# Portal datelines: "新浪娱乐讯 北京时间10月30日消息，", "新浪科技讯 11月1日上午消息，" (the outlet ends in 讯)
_XUN = re.compile(
    r"^(?P<outlet>[\u4e00-\u9fff]{2,8}?)(?:讯|訊)\s*(?:北京时间|北京時間)?\s*"
    rf"{_MONTH_DAY}[^，,。\s]{{0,6}}?(?:消息|电|電)"
)
# A portal's dateline with no date ("新浪娱乐讯 近日，…", "腾讯科技讯 韩国…"): known portals only,
# since "<two to eight characters>讯" alone could start a sentence
_PORTAL_XUN = re.compile(rf"^(?P<outlet>(?:{PORTALS})[\u4e00-\u9fff]{{0,4}}?)(?:讯|訊)(?:\s+|[：:，,]\s*)")
_BENBAO = re.compile(r"^(?:本报讯|本報訊|本网讯|本網訊|本台讯|本刊讯|本台消息|本报消息|本報消息)\s*[：:，,]?\s*"
                     r"(?:[（(](?P<credit>[^（）()]{2,40})[）)])?")
# a closing credit, and the story code a wire may print after it: "（編輯：張均懋）1121106"
_TRAILING = re.compile(r"[（(](?P<credit>[^（）()]{2,30})[）)]\s*(?:\d{6,8})?\s*$")
# a dateline in brackets before the lead: "（中央社記者林育瑄台北6日電）", "（记者 王岚／杭州报道）",
# "【明報專訊】" (Hong Kong papers)
_LEAD_BRACKET = re.compile(r"^\s*(?:[（(](?P<inner>[^（）()]{4,40}?(?:电|電|讯|訊|报道|報導|報道|专电|專電))[）)]"
                           r"|[【\[](?P<tag>[^【】\[\]]{2,14}?(?:电|電|讯|訊|专讯|專訊))[】\]])\s*")
_POSTED_BY = re.compile(
    r"(?:由|本贴由|本帖由|本貼由)\s*(?P<a>[^\s@]{2,20}?)\s*(?:于|於|张贴|張貼|发表|發表|发布|發布)"
    r"|^(?P<b>[^\s:：]{2,20})\s+(?:发表于|發表於|发表时间|發表時間|posted)"
    # a forum signature after a time: "… 2005/03/15 22:36:13 by duscha"
    r"|(?<=\d\s)by\s+(?P<c>[A-Za-z0-9_\-.&\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]{2,20})"
    r"|(?P<d>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]{2,4})\s*[/／]\s*(?:摄|攝|文)(?:$|\s)",
    re.I,
)
_REPORT = re.compile(r"^(?P<city>[\u4e00-\u9fff]{2,8}?)(?:报道|報導|報道|报导|发自|發自)$")
_CUT = re.compile(r"\d|发自|發自|https?:|阅读|閱讀|评论|評論|时间|時間|日期|点击|點擊|浏览|[（(【\[]")
_BRACKETS = "[]【】《》〔〕「」<>（）()\"' "
_NOT_OUTLET = frozenset({"本报", "本報", "本台", "本网", "本網", "本刊", "特约", "首席", "见习", "实习", "整合", "综合",
                         "本报讯", "本報訊", "本网讯", "本網訊", "本台讯", "本刊讯", "本台消息", "本报消息", "本報消息"})
# "[ 黄宇 ] 来源：[ 国际金融报 ]": a bracketed name just before the 来源 label.
_NAME_BEFORE_SOURCE = re.compile(r"[\[【]\s*(?P<n>[^\[\]【】\s]{2,12})\s*[\]】]\W{0,3}(?:来源|來源)")
# The issuer's signature line of a notice (落款): "吉林省人民政府" followed by the date.
_ISSUER = re.compile(r"^[\u4e00-\u9fff（）()]{4,30}(?:政府|委员会|委員會|办公室|辦公室|办公厅|辦公廳|局|厅|廳|部|院|中心|公司|协会|協會|学会|學會|联合会|聯合會)$")
_NAME_LINE = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff·]{2,6}(?:[、，, ]+[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff·]{2,4}){0,5}$")


def _tokens(segment: str) -> list[str]:
    parts = [p.strip(_BRACKETS) for p in re.split(r"[\s、，,;；|｜/／:：]+", segment)]
    return join_spaced([p for p in parts if p])


def _add(names: list[str], new: list[str]) -> None:
    for n in new:
        if n and n not in names:
            names.append(n)


def _reporters(segment: str, b: Byline, *, strict: bool) -> list[str]:
    """Names at the start of ``segment`` (after a reporter label), with a trailing city."""
    m = _CUT.search(segment)
    if m:
        segment = segment[: m.start()]
    names: list[str] = []
    for tok in _tokens(segment):
        rep = _REPORT.match(tok)
        if rep:
            b.city = b.city or rep.group("city")
            break
        name, city = split_city(tok) if len(tok) > 3 else (tok, None)
        if is_cjk_name(name, strict=strict) or (not strict and is_user_name(name)):
            names.append(name)
            if city:
                b.city = b.city or city
        elif names or len(tok) > 1:
            break
    return names


def _labelled(text: str, b: Byline) -> bool:
    """Parse "来源：X 作者：Y 责任编辑：Z" and "新京报记者 彭冲 山东冠县报道"; True if anything was found."""
    matches = list(_LABEL.finditer(text))
    hit = False
    for k, m in enumerate(matches):
        label, colon = m.group("label"), m.group("colon")
        colon = colon or (label[:1] == "文" and label[-1:] in "/／|｜")  # 文/Lanfield (not 图/: a photo credit)
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        segment = text[m.end() : end].strip(" :：\t")
        if re.match(_OUTLET_LABEL, label):
            if not colon:
                continue
            value = _tokens(segment)[:1]
            if value and not _CUT.match(value[0]) and 2 <= len(value[0]) <= 20 and "=" not in value[0]:
                b.outlet = b.outlet or value[0]
                hit = True
        elif re.match(_EDITOR_LABEL, label):
            if not colon and not text.lstrip("（(【[ ").startswith(label):
                continue
            names = _reporters(segment, b, strict=not colon)
            if names:
                b.editor = b.editor or names[0]
                hit = True
        else:
            is_reporter = any(w in label for w in ("记者", "記者", "评论员", "評論員")) or label in ("实习生", "實習生")
            if label in ("通讯员", "通訊員"):
                continue  # correspondents are credited but are not the story's reporters
            if not colon and not is_reporter and not label.startswith(("摄影", "攝影")):
                continue
            names = _reporters(segment, b, strict=not colon and not text.lstrip().startswith("（"))
            if names:
                _add(b.reporters, names)
                hit = True
                before = text[: m.start()].split()[-1:] if m.start() else []
                outlet = before[0].strip(_BRACKETS + "□■●") if before else ""
                if is_reporter and outlet and 2 <= len(outlet) <= 16 and outlet not in _NOT_OUTLET and not b.outlet \
                        and not re.search(r"[:：]|\d{4}|\d:\d", outlet) and not _LABEL.search(outlet) \
                        and not is_cjk_name(outlet, strict=True):
                    b.outlet = outlet
    return hit


def _credit(inner: str, b: Byline, *, strict: bool) -> bool:
    """A parenthesised credit: "记者 张三 李四", "总台记者 张倩", "姚峰 上海报道", "常书香 马丹阳"."""
    if _LABEL.search(inner):
        return _labelled("（" + inner, b)
    names = _reporters(inner, b, strict=strict)
    toks = _tokens(inner)
    if names and len(names) + sum(1 for t in toks if _REPORT.match(t)) == len(toks):
        _add(b.reporters, names)
        return True
    return False


def _words(token: str) -> bool:
    """A bare line that is an ordinary word or two (会议议程, 会议|议程), not a pen name (眉间尺).
    Two characters are let through: pen names are often plain words (茉莉)."""
    known = dictionary().get(token)
    if known is not None and not known[1].startswith("nr") and len(token) >= 3:
        return True
    parts = pos_tag(token)
    return len(parts) >= 2 and all(len(w) >= 2 and not p.startswith("nr") for w, p in parts)


# "来源：互联网", "来源：转载文章": where the text came from, not who published it
_NOT_AN_OUTLET = frozenset({"互联网", "网络", "转载", "转载文章", "网友", "网友投稿", "原创", "本站", "未知", "佚名",
                            "综合", "网络整理", "互联网整理", "来源网络", "网络转载"})
_OUTLET_EDGE = " -—|｜:：·"  # "-搜狐财经", "报社新闻-查报纸网-": separators around a site name
# A CMS's own credit in <meta name="author">: "Discuz! Team and Comsenz UI Team"
_SOFTWARE_AUTHOR = re.compile(r"\b(?:team|inc|ltd|llc|corp|corporation|powered|discuz|phpwind|comsenz|dedecms|"
                              r"wordpress|joomla|drupal)\b|织梦|帝国CMS", re.I)


def parse_line(text: str, b: Byline, *, position: str) -> bool:
    """Parse one line into ``b``; ``position`` is "head" (near the headline), "tail" or "body"."""
    text = text.strip()
    if not text:
        return False
    hit = False
    m = _WIRE.match(text) or _BENBAO.match(text) or _XUN.match(text) or _PORTAL_XUN.match(text)
    if m:
        groups = m.groupdict()
        outlet, city = groups.get("outlet"), groups.get("city")
        if outlet and city and city not in CITIES and re.search(r"(?:社|网|網|报|報|台)$", city):
            outlet, city = outlet + city, None  # 中国网|络电视台消息: the outlet is 中国网络电视台, no city
        if outlet and outlet not in _NOT_OUTLET:
            b.outlet = b.outlet or outlet
        if city:
            b.city = b.city or city
        if groups.get("credit"):
            # …电（张三 李四） credits reporters; …消息（新闻联播） more often names a programme
            _credit(groups["credit"], b, strict="消息" in m.group(0))
        b.raw = b.raw or m.group(0)
        hit = True
    if len(text) <= 120 and _labelled(text, b):
        hit = True
    for pm in _POSTED_BY.finditer(text if len(text) <= 120 else ""):
        name = next(g for g in pm.groups() if g)
        if any(n in name or name in n for n in b.reporters):
            continue  # "记者马俊峰/文": already read through the label
        if is_user_name(name):
            _add(b.reporters, [name])
            hit = True
    for bm in _BY_NAME.finditer(text if len(text) <= 120 else ""):
        name = bm.group("name")
        if (bm.group("role") or "").lower() == "editing":
            b.editor = b.editor or name
        else:
            names, pos = [name], bm.end()
            while more := _AND_NAME.match(text, pos):  # "By Ann Lee and Bo Chen"
                names.append(more.group(1))
                pos = more.end()
            _add(b.reporters, [n for n in names if not any(n in r or r in n for r in b.reporters)])
        hit = True
    nb = _NAME_BEFORE_SOURCE.search(text)
    if nb and (is_cjk_name(nb.group("n"), strict=False) or is_user_name(nb.group("n"))):
        _add(b.reporters, [nb.group("n")])
        hit = True
    tm = _TRAILING.search(text)
    if tm and position != "head" and _credit(tm.group("credit"), b, strict=True):
        hit = True
    if position in ("head", "first") and _NAME_LINE.match(text):
        names = _names(text)
        strict = len(names) > 1
        if all(is_cjk_name(n, strict=True) if strict else (is_cjk_name(n, strict=False) and not _words(n))
               for n in names):
            _add(b.reporters, names)
            hit = True
    if hit:
        b.raw = b.raw or text[:120]
    return hit


def _subject(line: str, title: str) -> bool:
    """A bare name line naming whom the headline is about (周琦 under "…周琦全面压制…") is a
    photo caption, not the byline: reporters are rarely in their own headline."""
    line = line.strip()
    if not title or not _NAME_LINE.match(line):
        return False
    names = _names(line)
    return bool(names) and all(n in title for n in names)


def _names(line: str) -> list[str]:
    """The names of a bare name line (林晓舟、周明)."""
    return [n for n in re.split(r"[、，, ]+", line) if n]


def parse_byline(lines: list[str], position: str = "head") -> tuple[Byline, set[int]]:
    """Parse candidate lines; returns the byline and the indexes of lines that were pure byline."""
    b = Byline()
    used: set[int] = set()
    for i, line in enumerate(lines):
        if parse_line(line, b, position=position) and len(line) <= 60:
            used.add(i)
    return b, used


def strip_credit(p: str) -> str:
    """Cut a wire dateline at the start and a closing credit at the end of a paragraph."""
    m = _WIRE.match(p) or _BENBAO.match(p) or _XUN.match(p) or _PORTAL_XUN.match(p)
    if m and len(p) > len(m.group(0)) + 5:
        p = p[m.end() :].lstrip(" ：:　，,")
    lead = _LEAD_BRACKET.match(p)
    if lead and len(p) > lead.end() + 5:
        probe = Byline()
        if parse_line(lead.group("inner") or lead.group("tag"), probe, position="head") and (
                probe.reporters or probe.outlet):
            p = p[lead.end() :]
    t = _TRAILING.search(p)
    if t and len(p) > len(t.group(0)) + 5:
        probe = Byline()
        if _credit(t.group("credit"), probe, strict=True):
            p = p[: t.start()].rstrip()
    return p


_ACCOUNT = re.compile(r"^(?P<a>[^\s:：|｜]{2,16})\s+(?:发布时间|發佈時間|发布于|發布於|时间|時間|日期|(?:19|20)\d\d[-/.年])")


# a credit label glued to the lead, as flattened pages print it: "作者：符晓岚青禾港当地时间…", "文/Lanfield9月3日，…"
_GLUED_LABEL = re.compile(r"^(?:作者|记者|記者|撰文|文)\s*[:：/／]\s*(?P<rest>\S.*)$", re.S)
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z.'’\-]{1,30}(?=[\d\u4e00-\u9fff])")
# characters that end no name but open a lead: 李华|据报道, 张伟|昨日
_LEAD_OPENERS = frozenset("据在从对向于为被把将今昨近日本和与及")


def _glued_name(text: str) -> tuple[str | None, str]:
    """The name at the start of ``text`` and the lead after it, when the lead starts where the
    name ends: a three- or two-character name with a known surname, followed by a digit, a
    dictionary word or a word that opens a lead; or a Latin pen name followed by a digit or
    a Chinese character. (None, text) when no such name is there."""
    if latin := _LATIN_NAME.match(text):
        return latin.group(), text[latin.end() :].lstrip(" ，,")
    known = dictionary()
    first = pos_tag(text[:12])[:1]
    for n in (4, 3, 2):
        name, tail = text[:n], text[n:]
        if len(name) < n or name[-1] in _LEAD_OPENERS or not is_cjk_name(name, strict=True):
            continue
        if n == 4 and to_simplified(name[:2]) not in COMPOUND_SURNAMES:
            continue  # four characters: 欧阳娜娜, not 符晓岚青
        opens = n < 4 and (tail[:1].isdigit() or tail[:1] in _LEAD_OPENERS)
        tagged = first and first[0] == (name, "nr")  # the tagger cuts the name off itself
        if opens or tagged or any(tail[:k] in known for k in (2, 3, 4)):
            return name, tail.lstrip(" ，,")
    return None, text


def _account(date_lines: list[str]) -> str | None:
    """The account or outlet name that apps print before the time: "湘楚交通报 发布时间：…"."""
    for line in date_lines[:2]:
        m = _ACCOUNT.match(str(line))
        if m and not _LABEL.search(m.group("a")) and not is_cjk_name(m.group("a"), strict=True):
            return m.group("a")
    return None


def run(article: Article, page: Page) -> None:
    """Find the byline near the title, in the first/last paragraphs and in meta tags."""
    b = Byline()
    hints = page.hints
    for line in hints.get("byline_lines", []):
        parse_line(str(line), b, position="tail")
    title = str(article.title or hints.get("headline") or "")
    head = [str(x) for x in hints.get("head_lines", [])]
    for k, line in enumerate(head):
        # A bare name counts only right under the headline or right above the body.
        near = k < 3 or k >= len(head) - 3
        if not _subject(line, title):
            parse_line(line, b, position="head" if near else "tail")
    for line in hints.get("tail_lines", []):
        parse_line(str(line), b, position="tail")
    paras = article.paragraphs = [unwrap(p, credits=False) for p in article.paragraphs]  # 相关新闻：… before a dateline
    drop: set[int] = set()
    n = len(paras)
    for i, p in enumerate(paras):
        near = i < 5 or i >= n - 4
        if not near and len(p) > 40:
            continue
        position = "first" if i < 5 and len(p) <= 12 else "body"
        if _subject(p, title):
            continue
        if i < 3 and len(p) > 30 and (glued := _GLUED_LABEL.match(p)):
            name, rest = _glued_name(glued.group("rest"))
            if name:  # 作者：符晓岚青禾港当地时间周四…: the credit, then the lead with no break
                _add(b.reporters, [name])
                p = paras[i] = rest
        if i < 5 and (lead := _LEAD_BRACKET.match(p)):  # the dateline alone: its city is not lost in the lead
            parse_line(lead.group("inner") or lead.group("tag"), b, position="head")
        if parse_line(p, b, position=position) and len(p) <= 60 and not re.search(r"[。！？!?]", p):
            drop.add(i)
    for i in range(max(0, n - 4), n - 1):
        if not b.outlet and _ISSUER.match(paras[i]) and re.match(r"^\s*(?:19|20)\d\d\s*[年\-/.]", paras[i + 1]):
            b.outlet = paras[i]
    if b.outlet:
        b.outlet = b.outlet.strip(_OUTLET_EDGE) or None
        if b.outlet in _NOT_AN_OUTLET:
            b.outlet = None
    for fallback in (_account(hints.get("date_lines", [])), hints.get("meta_source"), hints.get("site_name")):
        if not b.outlet and fallback:
            b.outlet = str(fallback).strip(_OUTLET_EDGE) or None
    if not b.reporters and hints.get("meta_author") and not _SOFTWARE_AUTHOR.search(str(hints["meta_author"])):
        names = [x for x in re.split(r"[\s,，、]+", str(hints["meta_author"])) if x]
        b.reporters = [x for x in names if is_user_name(x) or is_cjk_name(x, strict=False)][:5]
    article.paragraphs = [strip_credit(p) for i, p in enumerate(paras) if i not in drop]
    article.byline = b
