"""Plain-text rendering of an article as a reader sees it (CLI ``extract``/``show``)."""

from __future__ import annotations

from datetime import datetime

from zixun.model import Article, Published


def reader_time(p: Published) -> str:
    """'2023年11月6日 14:30' with the precision honoured (a day-precision time shows no clock)."""
    if not p.at:
        return ""
    try:
        t = datetime.fromisoformat(p.at)
    except ValueError:
        return p.at
    prec = p.precision or "second"
    if prec == "year":
        return f"{t.year}年"
    if prec == "month":
        return f"{t.year}年{t.month}月"
    out = f"{t.year}年{t.month}月{t.day}日"
    if prec == "hour":
        out += f" {t.hour}时"
    elif prec in ("minute", "second"):
        out += f" {t:%H:%M}"
    return out


def byline_text(a: Article) -> str:
    b = a.byline
    parts = []
    if b.outlet:
        parts.append(f"来源：{b.outlet}")
    if b.reporters:
        parts.append("记者：" + "、".join(b.reporters))
    if b.city:
        parts.append(f"{b.city}报道")
    if b.editor:
        parts.append(f"责任编辑：{b.editor}")
    return "  ".join(parts)


def render_text(a: Article, related: list[tuple[str, list[str]]] | None = None) -> str:
    lines = [a.title + ("（标题由系统生成）" if a.title_generated else ""), ""]
    lines += ["1 核心提示", a.summary, ""]
    when = reader_time(a.published)
    src = f"（{a.published.source}）" if a.published.source else ""
    lines += ["2 发布时间", (when + src) if when else "未知", ""]
    lines += ["3 资讯详情"]
    if byline_text(a):
        lines.append(byline_text(a))
    lines += a.paragraphs
    if a.tags:
        lines.append("标签：" + "，".join(a.tags))
    lines += ["", "4 大家还在看"]
    items = related if related is not None else [(r.title, r.tags) for r in a.page_related]
    for title, tags in items:
        lines.append(f"- {title}" + (f"  [{'，'.join(tags)}]" if tags else ""))
    return "\n".join(lines)
