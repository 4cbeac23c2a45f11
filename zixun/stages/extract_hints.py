"""Hints for later stages: meta/JSON-LD times and names, the headline, date and byline lines.

Why here: the publish time and the byline of a Chinese page usually sit in one short line
between the headline and the body ("2005-04-27 14:32 来源：千龙新闻网 作者：张三"), or just
after the body ("（责任编辑：王某）"). Only the extractor knows where the headline and the
body are, so it hands those lines on, ranked, and the ``published`` and ``byline`` stages
parse them. Lines of link lists ("·某某新闻 (2005-04-27)") and page clocks ("今天是…星期一")
are left out because their dates are not the story's.
"""

from __future__ import annotations

import json
import re
from typing import Any

from zixun.read.page import Page
from zixun.stages.extract_lines import Line
from zixun.stages.title import strip_site_suffix
from zixun.text.normalize import clean_line, for_matching

# In order of trust: the first meta time that parses wins in the ``published`` stage.
META_TIME_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "og:release_date",
    "datepublished", "itemprop:datepublished", "publishdate", "publish_date", "publish-date", "pubdate",
    "publishtime", "publish_time", "publish-time", "ptime", "pubtime", "weibo:article:create_at",
    "parsely-pub-date", "sailthru.date", "article.published", "release_date", "dc.date.issued",
    "dc.date", "date", "firstpublishedtime", "createdate", "create_time",
)
DATE_RE = re.compile(
    r"((?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|[一二三四五六七八九〇○零]{4}年[一二三四五六七八九十]{1,2}月"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月|\d{1,2}/\d{1,2}/(?:19|20)?\d\d|\d+\s*(?:分钟|小时|天)前|(?:昨天|前天|今天)\s*\d{1,2}:\d{2})"
)
_FULL_DATE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_DATE_WORD = re.compile(r"发布|發布|发表|發表|时间|時間|日期|来源|來源|更新|阅读|閱讀|浏览|瀏覽|点击|點擊|作者|记者|記者|编辑|張貼|张贴|posted|published|updated|by\b", re.I)
_NOT_STORY_DATE = re.compile(r"今天是|今日是|星期[一二三四五六日天]\s*$|天气|農曆|农历|访问量|注册|登录|版权|版權|ICP")
BYLINE_WORD = re.compile(
    r"来源|來源|作者|记者|記者|编辑|編輯|稿源|出处|出處|发布者|發布者|通讯员|通訊員|执笔|執筆|撰文|文\s*[/:：|]|"
    r"发表于|發表於|发表时间|张贴|張貼|本贴由|\bby\b|报道|報導|摄|攝|供稿|署名",
    re.I,
)


def _meta(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _jsonld(tree: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for s in tree.iter("script"):
        if (s.get("type") or "").lower() != "application/ld+json" or not s.text:
            continue
        try:
            data = json.loads(s.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return found


def _names(value: Any) -> str:
    items = value if isinstance(value, list) else [value]
    names = [i.get("name") if isinstance(i, dict) else i for i in items]
    return " ".join(str(n) for n in names if n)


def collect_meta(page: Page) -> None:
    """meta_times, titles, author/source, section and canonical URL from <head> and JSON-LD."""
    tree = page.tree
    hints = page.hints
    meta = _meta(tree)
    times: list[tuple[str, str]] = []
    for item in _jsonld(tree):
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if isinstance(item.get(key), str):
                times.append(("jsonld", item[key]))
        if item.get("author") and "meta_author" not in hints:
            hints["meta_author"] = _names(item["author"])
        pub = item.get("publisher")
        if isinstance(pub, dict) and pub.get("name") and "meta_source" not in hints:
            hints["meta_source"] = str(pub["name"])
        if isinstance(item.get("headline"), str) and "jsonld_title" not in hints:
            hints["jsonld_title"] = clean_line(item["headline"])
    for key in META_TIME_KEYS:
        if key in meta:
            times.append(("meta", meta[key]))
    for el in tree.iter("time", "span", "div", "p", "abbr"):
        if (el.get("itemprop") or "").lower() == "datepublished":
            value = el.get("datetime") or el.get("content") or el.text_content()
            if value and value.strip():
                times.append(("meta", value.strip()))
                break
    hints["meta_times"] = times
    for key, hint in (("og:title", "og_title"), ("twitter:title", "og_title"), ("title", "meta_title")):
        if key in meta and hint not in hints:
            hints[hint] = clean_line(meta[key])
    for key in ("author", "article:author", "dc.creator", "byl"):
        if key in meta and "meta_author" not in hints and not meta[key].startswith("http"):
            hints["meta_author"] = meta[key]
    for key in ("source", "og:site_name", "article:publisher", "mediaid"):
        if key in meta and "meta_source" not in hints and not meta[key].startswith("http"):
            hints["meta_source"] = meta[key]
    for key in ("article:section", "section", "category", "og:category"):
        if key in meta:
            hints.setdefault("section", meta[key])
    title_el = tree.find(".//title")
    if title_el is not None and title_el.text_content().strip():
        hints["html_title"] = clean_line(title_el.text_content())
    h1s = [clean_line(h.text_content()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if 4 <= len(h) <= 80 or (2 <= len(h) < 4 and _HAN_ONLY.fullmatch(h))]  # 林若溪, 春运
    if h1s:
        hints["h1"] = h1s[0]
    if not page.url:
        for link in tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").startswith("http"):
                page.url = link.get("href")
                break
        else:
            if meta.get("og:url", "").startswith("http"):
                page.url = meta["og:url"]


def headline(hints: dict[str, Any], lines: list[Line], body_start: int) -> tuple[str | None, int | None]:
    """The story's headline and its line index: a visible line before the body that the <title>,
    og:title, JSON-LD headline or <h1> confirms, so the site suffix ("_新浪财经_新浪网") never
    gets in."""
    cands = [str(hints[k]) for k in ("jsonld_title", "og_title", "html_title", "meta_title", "h1") if hints.get(k)]
    keys = [for_matching(c) for c in cands]
    best: tuple[float, int] | None = None
    lo = max(0, body_start - 60)
    for i in range(lo, min(len(lines), body_start + 3)):
        line = lines[i]
        short_heading = line.in_heading and 2 <= len(line.text) < 4 and _HAN_ONLY.fullmatch(line.text)
        if not (4 <= len(line.text) <= 100 or short_heading) or line.link_ratio > 0.5:
            continue
        k = for_matching(line.text)
        if len(k) < 4 or not any(k in c for c in keys):
            continue
        score = len(k) + (10 if line.in_heading else 0) - 0.05 * abs(body_start - i)
        if best is None or score > best[0]:
            best = (score, i)
    if best is not None:
        return lines[best[1]].text, best[1]
    for key in ("jsonld_title", "og_title"):
        if hints.get(key):
            return strip_site_suffix(str(hints[key]), hints.get("h1")), None
    h1 = hints.get("h1")
    if h1 and hints.get("html_title") and strip_site_suffix(str(hints["html_title"]), h1) == h1:
        return str(h1), None  # the <h1> is the <title> without the site's name (林若溪_青禾百科)
    # No line is confirmed by the page's metadata (e-paper pages title the page "第03版：要闻"):
    # the nearest heading above the body is the story's own headline.
    heads: list[tuple[str, int, int]] = []
    for i in range(body_start - 1, max(-1, body_start - 8), -1):
        line = lines[i]
        if line.in_heading and 4 <= len(line.text) <= 60 and line.link_ratio < 0.5:
            tag = str(getattr(line.container, "tag", "h6")).lower()
            heads.append((tag if re.fullmatch(r"h[1-6]", tag) else "h6", body_start - i, i))
    if heads:
        _tag, _dist, i = min(heads)  # the main heading (h1 before h2 before the h3 subtitle)
        return lines[i].text, i
    for key in ("h1",):
        if hints.get(key):
            return strip_site_suffix(str(hints[key]), hints.get("h1")), None
    if hints.get("html_title"):
        return strip_site_suffix(str(hints["html_title"]), hints.get("h1")), None
    return None, None


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_US_DATE = re.compile(
    r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d)"
    r"(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[AaPp][Mm])?)?"
)
_PAGE_WORDS = re.compile(r"访问|訪問|统计|統計|加入|收藏|登录|登錄|注册|註冊|天气|天氣|京港台时间|当前时间|現在時間|版权|版權")


def normalize_us_date(text: str) -> str | None:
    """"发布日期： 9/17/2004 5:54:13 AM" → "发布日期： 2004-09-17 05:54:13": 2000s ASP pages print
    US month/day/year, which a Chinese time reader would not take for a date."""
    m = _US_DATE.search(text)
    if not m:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["h"]:
        h = int(m["h"]) % 12 + (12 if (m["ap"] or "").lower() == "pm" else 0) if m["ap"] else int(m["h"])
        value += f" {h:02d}:{m['mi']}:{m['s'] or '00'}"
    return text[: m.start()] + value + text[m.end() :]


def site_name(html_title: str | None, title: str) -> str | None:
    """The site's name from "标题 | 寶島日報" / "标题_新浪财经_新浪网": the last segment after the headline."""
    if not html_title or title not in html_title:
        return None
    rest = html_title.split(title, 1)[1]
    parts = [p.strip() for p in re.split(r"\s*(?:_|\||｜| - | — | – |--|－|—)\s*", rest) if p.strip()]
    name = parts[-1] if parts else ""
    return name if 2 <= len(name) <= 20 else None


def _date_rank(line: Line, proximity: float) -> float:
    text = line.text
    score = proximity
    if _FULL_DATE.search(text) or _US_DATE.search(text):
        score += 3
    if _CLOCK.search(text):
        score += 1
    if _DATE_WORD.search(text):
        score += 2
    if _PAGE_WORDS.search(text):
        score -= 3
    if len(text) > 60:
        score -= 1.5
    return score


def date_and_byline_lines(
    lines: list[Line], title_idx: int | None, start: int, end: int
) -> tuple[list[str], list[str], list[str], list[str]]:
    """(date_lines, byline_lines, head_lines, tail_lines) around the body ``lines[start:end]``.

    ``head_lines`` are the lines between the headline and the body; ``tail_lines`` the few
    short lines just after it (where 2000s portals put 责任编辑 and the date). Date lines are
    ranked: a full date with a clock and a 发布/来源 word, close above the body, comes first;
    e-paper pages print the date just above the headline, so three lines above it count too.
    """
    has_title = title_idx is not None and title_idx < start
    head_lo = max(0, title_idx - 3) if has_title and title_idx is not None else max(0, start - 12)
    head = list(range(max(head_lo, start - 25), start))
    inside = [i for i in range(start, min(end, start + 8)) if len(lines[i].text) <= 80]
    inside += list(range(max(start + 8, end - 3), end))
    tail = [i for i in range(end, min(len(lines), end + 8)) if len(lines[i].text) <= 120]
    ranked: list[tuple[float, int]] = []
    for i in head + inside + tail:
        line = lines[i]
        if len(line.text) > 150 or line.link_ratio > (0.35 if i >= end else 0.6) or _NOT_STORY_DATE.search(line.text):
            continue
        if line.text[:1] in "·•●■□▪◆◇>»" and line.link_ratio > 0.1:
            continue  # an item of a link list ("·某某新闻 (2004-10-18)")
        if not (DATE_RE.search(line.text) or _US_DATE.search(line.text)):
            continue
        if i < start:
            proximity = 3.0 - 0.25 * (start - 1 - i)
            if has_title and title_idx is not None and i > title_idx:
                proximity += 1.0
        elif i < end:
            proximity = 2.0 - 0.1 * (i - start)
        else:
            proximity = 0.5 - 0.1 * (i - end)
        ranked.append((_date_rank(line, proximity), i))
    ranked.sort(key=lambda t: (-t[0], t[1]))
    dates: list[str] = []
    for _score, i in ranked:
        text = lines[i].text
        us = normalize_us_date(text)
        for value in (us, text) if us else (text,):
            if value not in dates:
                dates.append(value)
    dates = dates[:6]
    bylines = [lines[i].text for i in head + inside + tail if len(lines[i].text) <= 120 and BYLINE_WORD.search(lines[i].text)]
    head_text = [lines[i].text for i in head if lines[i].link_ratio < 0.6]
    tail_text = [lines[i].text for i in tail if lines[i].link_ratio < 0.6][:6]
    return dates, list(dict.fromkeys(bylines)), head_text, tail_text
