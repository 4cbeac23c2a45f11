"""HTML fragments every list repeats (an item's meta line, tag chips, the channel bar), in Python.

Why not Jinja macros: a search or list page draws 20 items, and a macro call costs more
than the markup it writes (a new context per call, then a ``Markup`` per value). Written
as functions over ``markupsafe.escape`` they produce the same markup for a fraction of
the time, and the channel bar, the same on every page, is built once per channel list.
Templates call them as globals: ``{{ meta_html(a) }}``, ``{{ chips_html(tags, 4) }}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup, escape

from zixun.model import Article, Published
from zixun.render import reader_time


@lru_cache(maxsize=20_000)
def path_quote(value: str) -> str:
    """Quote one path segment (a tag or outlet may hold '/', '?', '#' or spaces); tags repeat, so cached.

    The result holds only letters, digits, ``-._~`` and ``%XX``, so it needs no HTML escaping.
    """
    return quote(value, safe="")


@lru_cache(maxsize=4096)
def _time(at: str, precision: str | None) -> str:
    return reader_time(Published(at=at, precision=precision))


def meta_html(a: Article) -> Markup:
    """The meta line of an item: outlet link, reader's time (precision honoured), channel link."""
    out = ['<p class="meta">']
    if a.byline.outlet:
        out.append(f'<a href="/outlets/{path_quote(a.byline.outlet)}">{escape(a.byline.outlet)}</a>')
    if a.published.at:
        when = _time(a.published.at, a.published.precision)
        out.append(f'<time datetime="{escape(a.published.at)}">{escape(when)}</time>')
    if a.category:
        out.append(f'<a href="/channels/{path_quote(a.category)}">{escape(a.category)}</a>')
    out.append("</p>")
    return Markup("\n".join(out))


def chips_html(tags: Sequence[str], n: int = 5) -> Markup:
    """Up to ``n`` tag chips, each a link to its tag page; nothing when there are no tags."""
    if not tags:
        return Markup("")
    items = "".join(f'<li><a class="chip" href="/tags/{path_quote(t)}">{escape(t)}</a></li>'
                    for t in tags[:n])
    return Markup(f'<ul class="chips" aria-label="标签">{items}</ul>')


def nav_html(channels: Sequence[str], active: object = None) -> Markup:
    """The channel bar's items, 首页 first, the current one marked ``aria-current``."""
    return _nav_html(tuple(channels), active if isinstance(active, str) else None)


@lru_cache(maxsize=256)
def _nav_html(channels: tuple[str, ...], active: str | None) -> Markup:
    def li(href: str, name: str, on: bool) -> str:
        current = ' aria-current="page"' if on else ""
        return f'<li><a href="{escape(href)}"{current}>{escape(name)}</a></li>'

    items = [li("/", "首页", active == "home")]
    items += [li(f"/channels/{path_quote(ch)}", ch, active == ch) for ch in channels]
    return Markup("\n".join(items))


def channel_options(channels: Sequence[str], selected: str = "") -> Markup:
    """``<option>`` elements of the search page's channel filter, ``selected`` marked."""
    return _channel_options(tuple(channels), selected)


@lru_cache(maxsize=256)
def _channel_options(channels: tuple[str, ...], selected: str) -> Markup:
    return Markup("".join(f"<option{' selected' if ch == selected else ''}>{escape(ch)}</option>"
                          for ch in channels))
