"""Split bylines into outlet / reporters / city / editor and take them out of the body.

Why by hand: Chinese bylines pack several roles in one line with no delimiters a generic
author extractor knows: "21世纪经济报道记者倪雨晴 深圳报道", "新华社北京5月3日电（记者 张三 李四）",
"记者王小明／台北報導", "来源：华夏日报 作者：张三", "责任编辑：王某".
"""

from __future__ import annotations

import re

from zixun.model import Article, Byline
from zixun.read.page import Page

_NAME = r"[\u4e00-\u9fff·]{2,5}"
_NAMES = r"[\u4e00-\u9fff·]{2,5}(?:[ 　、,，和及与]+[\u4e00-\u9fff·]{2,5})*"
CITIES = frozenset(
    "北京 上海 天津 重庆 深圳 广州 杭州 南京 武汉 成都 西安 长沙 郑州 济南 青岛 沈阳 大连 哈尔滨 长春 石家庄 太原 "
    "合肥 福州 厦门 南昌 南宁 海口 三亚 昆明 贵阳 兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 苏州 无锡 宁波 温州 佛山 东莞 "
    "珠海 香港 澳门 台北 高雄 台中 新北 桃园 台南 华盛顿 纽约 伦敦 巴黎 东京 首尔 莫斯科 柏林 布鲁塞尔 日内瓦 悉尼 "
    "新加坡 曼谷 雅加达 新德里 开罗 联合国 洛杉矶 旧金山 维也纳 罗马 马德里 多伦多 渥太华 迪拜 利雅得 德黑兰 "
    "臺北 高雄 臺中 華盛頓 紐約 倫敦 東京 莫斯科".split()
)
_WIRE = re.compile(
    rf"^(?P<outlet>新华社|中新社|中新网|新華社|人民网|央视网|本报|本台|本网|[\u4e00-\u9fffA-Za-z0-9]{{2,12}}?(?:社|网|報|报|台))"
    rf"(?P<city>[\u4e00-\u9fff]{{2,5}}?)(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月"
    rf"(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})日(?:电|電|讯|訊)"
    rf"(?:\s*[（(](?:记者|記者)?\s*(?P<rep>{_NAMES})\s*[）)])?"
)
_BENBAO = re.compile(rf"^(?:本报讯|本報訊|本网讯|本台讯)\s*[（(](?:记者|記者)\s*(?P<rep>{_NAMES})[^）)]*[）)]")
_REPORTER = re.compile(
    rf"(?P<outlet>[\u4e00-\u9fffA-Za-z0-9]{{2,14}}?)?\s*(?:特约记者|首席记者|见习记者|实习记者|记者|記者|作者|文|撰文)\s*[:：|｜/／]?\s*"
    rf"(?P<rep>{_NAMES})\s*(?:[／/|｜]\s*)?(?:(?P<city>[\u4e00-\u9fff]{{2,5}}?)\s*(?:报道|報導|報道|报导))?"
)
_SOURCE = re.compile(r"(?:来源|來源|稿源|出处|出處|来自|來自)\s*[:：]\s*(?P<v>[^\s　|｜,，]{2,20})")
_AUTHOR = re.compile(rf"(?:作者|记者|記者|文)\s*[:：]\s*(?P<v>{_NAMES})")
_EDITOR = re.compile(rf"(?:责任编辑|責任編輯|编辑|編輯|责编)\s*[:：]?\s*(?P<v>{_NAME})")
_NOT_OUTLET = frozenset({"本报", "本报讯", "本台", "本网", "本刊", "特约", "首席", "见习", "实习", "通讯员"})
_NOT_NAME = frozenset({"报道", "报导", "表示", "获悉", "了解", "发现", "注意到", "采访", "专访", "介绍", "说"})


def _split_names(text: str) -> list[str]:
    text = re.split(r"通讯员|通訊員|实习生|實習生|摄影|攝影", text)[0]
    names = [n for n in re.split(r"[ 　、,，和及与]+", text) if n]
    return [n for n in names if 2 <= len(n) <= 5 and n not in _NOT_NAME and not re.search(r"(报道|報導|报导|報道)$", n)]


def _split_city(name: str) -> tuple[str, str | None]:
    """"倪雨晴深圳" → ("倪雨晴", "深圳") when a known city is glued to the name."""
    for n in (4, 3, 2):
        if len(name) > n + 1 and name[-n:] in CITIES:
            return name[:-n], name[-n:]
    return name, None


def parse_byline(lines: list[str]) -> tuple[Byline, set[int]]:
    """Parse candidate lines; returns the byline and the indexes of lines that were pure byline."""
    b = Byline()
    used: set[int] = set()
    for i, line in enumerate(lines):
        text = line.strip()
        hit = False
        m = _WIRE.match(text)
        if m:
            outlet = m.group("outlet")
            b.outlet = b.outlet or (None if outlet in _NOT_OUTLET else outlet)
            b.city = b.city or m.group("city")
            if m.group("rep"):
                b.reporters += [n for n in _split_names(m.group("rep")) if n not in b.reporters]
            b.raw = b.raw or m.group(0)
            continue
        m2 = _BENBAO.match(text)
        if m2:
            b.reporters += [n for n in _split_names(m2.group("rep")) if n not in b.reporters]
            b.raw = b.raw or m2.group(0)
            continue
        if len(text) > 80:
            continue
        for m3 in _SOURCE.finditer(text):
            b.outlet = b.outlet or m3.group("v")
            hit = True
        m4 = _EDITOR.search(text)
        if m4:
            b.editor = b.editor or m4.group("v")
            hit = True
        m5 = _REPORTER.search(text) if not m4 or m4.start() > 0 else None
        if m5 and not (m4 and m5.start() >= m4.start()):
            reps = _split_names(m5.group("rep"))
            city = m5.group("city")
            trailing = re.search(r"[ 　/／]([\u4e00-\u9fff]{2,5}?)(?:报道|報導|报导|報道)", m5.group("rep"))
            if trailing and not city:
                city = trailing.group(1)
            if reps and not city:
                reps[-1], city = _split_city(reps[-1])
            outlet = (m5.group("outlet") or "").strip()
            if outlet and outlet not in _NOT_OUTLET and not b.outlet and not re.search(r"[来源作者:：]", outlet):
                b.outlet = outlet
            b.reporters += [n for n in reps if n not in b.reporters]
            b.city = b.city or city
            hit = True
        if hit:
            b.raw = b.raw or text
            if len(text) <= 60:
                used.add(i)
    return b, used


def run(article: Article, page: Page) -> None:
    """Find the byline near the title, in the first/last paragraphs and in meta tags."""
    paras = article.paragraphs
    head = [(("p", i), p) for i, p in enumerate(paras[:3])]
    tail = [(("p", i), p) for i, p in list(enumerate(paras))[-3:] if i >= 3]
    hinted = [(("h", i), ln) for i, ln in enumerate(page.hints.get("byline_lines", []))]
    # Pages with shuffled paragraphs (dumps) may carry the byline anywhere: look at short lines too.
    short = [(("p", i), p) for i, p in enumerate(paras) if len(p) <= 40 and (("p", i), p) not in head + tail]
    cands = hinted + head + tail + short
    byline, used = parse_byline([c[1] for c in cands])
    if not byline.outlet and page.hints.get("meta_source"):
        byline.outlet = str(page.hints["meta_source"])
    if not byline.reporters and page.hints.get("meta_author"):
        byline.reporters = [n for n in re.split(r"[\s,，、]+", str(page.hints["meta_author"])) if n]
    drop = {cands[k][0][1] for k in used if cands[k][0][0] == "p"}
    kept: list[str] = []
    for i, p in enumerate(paras):
        if i in drop:
            continue
        m = _WIRE.match(p) or _BENBAO.match(p)
        if m and len(p) > len(m.group(0)) + 5:
            p = p[m.end() :].lstrip(" ：:　")
        kept.append(p)
    article.paragraphs = kept
    article.byline = byline
