"""The HTML pages: each handler parses input, calls ``zixun.api`` and renders a template.

Pages work without JavaScript; every article view is recorded with the reader's random
cookie id (``api.record_view``), which feeds trending and co-read.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from zixun import api
from zixun.errors import NotFound
from zixun.model import Article
from zixun.store import Store
from zixun.web.site import PAGE_SIZE, SEARCH_PAGE_SIZE, Site, reader_id, set_reader_cookie, site_of

RELATED_SLOT = "<!--zixun:related-->"

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PageNo = Annotated[int, Query(ge=1, le=500, description="1-based page number")]
ArticleId = Annotated[int, Path(ge=1, le=2**62)]


def paged(rows: list[Any], page: int, size: int = PAGE_SIZE) -> tuple[list[Any], dict[str, Any]]:
    """Rows fetched with one extra to know if there is a next page, and the pager context."""
    return rows[:size], {"page": page, "has_next": len(rows) > size}


def _offset(page: int, size: int = PAGE_SIZE) -> int:
    return (page - 1) * size


def articles_by_id(store: Store, ids: list[int]) -> list[tuple[int, Article]]:
    out = []
    for i in ids:
        try:
            out.append((i, api.get(i, store=store)))
        except NotFound:
            continue
    return out


@router.get("/")
async def home(request: Request, page: PageNo = 1) -> HTMLResponse:
    """Latest (paged), trending, top tags and one block per channel. The same for every reader,
    so the rendered page is reused (fresh for 10 s, then refreshed in the background)."""
    site = site_of(request)
    await site.update_nav()
    base = str(request.base_url)
    html = await site.cached(site.page_cache, f"home:{page}:{base}", site.slow,
                             lambda st: render_home(site, st, page, base))
    return HTMLResponse(html)


def render_home(site: Site, store: Store, page: int, base: str) -> str:
    """Runs in the slow lane's worker thread (the newest-first sorts are the costly part)."""
    rows, pager = paged(api.list_articles(store=store, limit=PAGE_SIZE + 1, offset=_offset(page)), page)
    blocks = [(ch, api.list_articles(store=store, limit=6, category=ch)) for ch in site.nav] if page == 1 else []
    trending = articles_by_id(store, [i for i, _ in api.trending(store=store, limit=10)]) if page == 1 else []
    top_tags = api.tags(store=store, limit=30) if page == 1 else []
    return site.render("index.html", rows=rows, pager=pager, base="/?", blocks=blocks, trending=trending,
                       top_tags=top_tags, canonical=base if page == 1 else f"{base}?page={page}")


@router.get("/articles/{article_id}")
async def article_page(request: Request, article_id: ArticleId) -> HTMLResponse:
    """The article with 核心提示, 发布时间, 资讯详情 and 大家还在看. The page around 大家还在看 is the
    same for everyone and kept for a minute; the block itself leaves out what this reader has
    already read; the view is recorded on every request."""
    site = site_of(request)
    base = str(request.base_url)
    rid, new = reader_id(request)
    hit = site.article_cache.lookup((article_id, base))
    if hit is not None and hit[1]:
        html = hit[0]
    else:
        await site.update_nav()
        article = api.get(article_id, store=site.store)  # NotFound → the 404 page, nothing cached
        html = site.render("article.html", a=article, id=article_id, related_html=Markup(RELATED_SLOT),
                           canonical=f"{base}articles/{article_id}")
        site.article_cache.put((article_id, base), html)
    seen = await site.already_read(rid, new=new)
    block = await site.related_html(article_id, exclude=seen | {article_id})
    site.record_view(article_id, rid)
    response = HTMLResponse(html.replace(RELATED_SLOT, str(block), 1))
    if new:
        set_reader_cookie(response, rid)
    return response


async def _listing(request: Request, *, kind: str, name: str, page: int, **filters: str) -> HTMLResponse:
    site = site_of(request)
    await site.update_nav()
    url = str(request.url)

    def render(store: Store) -> str:
        rows = api.list_articles(store=store, limit=PAGE_SIZE + 1, offset=_offset(page), **filters)
        shown, pager = paged(rows, page)
        if not shown and page == 1:
            raise HTTPException(404, f"还没有{kind}“{name}”的资讯。")
        return site.render("listing.html", kind=kind, name=name, rows=shown, pager=pager, base="?", canonical=url)

    return HTMLResponse(await site.cached(site.page_cache, f"list:{url}", site.slow, render))


@router.get("/tags/{tag:path}")
async def tag_page(request: Request, tag: str, page: PageNo = 1) -> HTMLResponse:
    return await _listing(request, kind="标签", name=tag, page=page, tag=tag)


@router.get("/outlets/{outlet:path}")
async def outlet_page(request: Request, outlet: str, page: PageNo = 1) -> HTMLResponse:
    return await _listing(request, kind="来源", name=outlet, page=page, outlet=outlet)


@router.get("/channels/{channel}")
async def channel_page(request: Request, channel: str, page: PageNo = 1) -> HTMLResponse:
    return await _listing(request, kind="频道", name=channel, page=page, category=channel)


def _day(value: str | None, field: str) -> date | None:
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(400, f"{field} 日期格式应为 2023-11-06") from None


@router.get("/search")
async def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    channel: Annotated[str, Query(max_length=20)] = "",
    tag: Annotated[str, Query(max_length=50)] = "",
    outlet: Annotated[str, Query(max_length=50)] = "",
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
    page: PageNo = 1,
) -> HTMLResponse:
    site = site_of(request)
    key = f"search:{request.url}"
    hit = site.page_cache.lookup(key)
    if hit is not None and hit[1]:  # the same URL renders the same page for every reader
        return HTMLResponse(hit[0])
    await site.update_nav()
    start, end = _day(since, "起始日期"), _day(until, "截止日期")
    filters: dict[str, Any] = {k: v for k, v in (("category", channel), ("tag", tag), ("outlet", outlet)) if v}
    if start:
        filters["since"] = start.isoformat()
    if end:
        filters["until"] = end.isoformat() + "T23:59:59.999"
    size = SEARCH_PAGE_SIZE
    hits = await site.search(q, limit=size + 1, offset=_offset(page, size), **filters) if q.strip() else []
    hits, pager = paged(hits, page, size)
    params = {"q": q, "channel": channel, "tag": tag, "outlet": outlet, "since": since, "until": until}
    base = "/search?" + urlencode({k: v for k, v in params.items() if v}) + "&"
    html = site.render("search.html", q=q, hits=hits, pager=pager, base=base, channel=channel, tag=tag,
                       outlet=outlet, since=since, until=until, canonical=None)
    site.page_cache.put(key, html)
    return HTMLResponse(html)
