"""The JSON API under ``/api/``: the same ``zixun.api`` calls as the pages, typed for OpenAPI.

Every success is ``{"ok": true, ...}``; every error is ``{"ok": false, "error", "status"}``
(rendered by the app's one error handler).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from zixun import api
from zixun.model import Article
from zixun.settings import get as setting
from zixun.store.query import MARK_CLOSE, MARK_OPEN, snippet_html
from zixun.web.site import READER_RE, reader_id, set_reader_cookie, site_of


class ErrorOut(BaseModel):
    ok: Literal[False] = False
    error: str
    status: int


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Bad request"},
    404: {"model": ErrorOut, "description": "Not found"},
    422: {"model": ErrorOut, "description": "Invalid parameters or an unreadable page"},
    500: {"model": ErrorOut, "description": "Bug"},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

ArticleId = Annotated[int, Path(ge=1, le=2**62, description="Article id")]
Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0, le=100_000)]
Filter = Annotated[str | None, Query(max_length=100)]


class BylineOut(BaseModel):
    outlet: str | None = None
    reporters: list[str] = []
    editor: str | None = None
    city: str | None = None
    raw: str | None = None


class PublishedOut(BaseModel):
    at: str | None = Field(None, description="ISO 8601 with offset")
    precision: str | None = Field(None, description="year | month | day | hour | minute | second")
    source: str | None = None
    evidence: str | None = None
    confidence: float | None = None


class PageRelatedOut(BaseModel):
    title: str
    tags: list[str] = []
    url: str | None = None


class ArticleOut(BaseModel):
    id: int
    url: str | None = None
    title: str
    title_generated: bool = False
    byline: BylineOut
    published: PublishedOut
    summary: str
    paragraphs: list[str]
    tags: list[str]
    category: str | None = None
    page_related: list[PageRelatedOut] = []
    lang: str = "zh"
    content_hash: str = ""
    source_name: str | None = None
    warnings: list[str] = []


class ArticleBrief(BaseModel):
    id: int
    title: str
    url: str | None = None
    published: str | None = None
    precision: str | None = None
    outlet: str | None = None
    category: str | None = None
    summary: str
    tags: list[str]


class ArticleList(BaseModel):
    ok: Literal[True] = True
    items: list[ArticleBrief]
    limit: int
    offset: int


class ArticleEnvelope(BaseModel):
    ok: Literal[True] = True
    article: ArticleOut


class RelatedOut(BaseModel):
    id: int
    title: str
    url: str | None = None
    tags: list[str] = []
    reason: str
    score: float


class RelatedList(BaseModel):
    ok: Literal[True] = True
    items: list[RelatedOut]


class SearchHitOut(BaseModel):
    id: int
    title: str
    score: float
    snippet: str = Field(description="Plain text around the first match")
    snippet_html: str = Field(description="The snippet HTML-escaped, matches wrapped in <mark>")
    article: ArticleBrief


class SearchList(BaseModel):
    ok: Literal[True] = True
    query: str
    items: list[SearchHitOut]
    limit: int
    offset: int


class TagCount(BaseModel):
    tag: str
    count: int


class TagList(BaseModel):
    ok: Literal[True] = True
    items: list[TagCount]


class ChannelList(BaseModel):
    ok: Literal[True] = True
    items: list[str]


class Health(BaseModel):
    ok: Literal[True] = True
    ready: bool = Field(description="false while the 大家还在看 index is still being built after a start")


class ViewEvent(BaseModel):
    type: Literal["view"] = "view"
    article_id: int = Field(ge=1, le=2**62)
    reader: str | None = Field(None, pattern="^[0-9a-f]{32}$", description="Defaults to the zx_reader cookie")


class Accepted(BaseModel):
    ok: Literal[True] = True


class IngestOut(BaseModel):
    ok: Literal[True] = True
    outcome: Literal["stored", "updated", "unchanged"]
    id: int
    article: ArticleOut


def brief(article_id: int, a: Article) -> ArticleBrief:
    return ArticleBrief(id=article_id, title=a.title, url=a.url, published=a.published.at,
                        precision=a.published.precision, outlet=a.byline.outlet, category=a.category,
                        summary=a.summary, tags=list(a.tags))


def full(article_id: int, a: Article) -> ArticleOut:
    return ArticleOut.model_validate({"id": article_id, **a.to_dict()})


@router.get("/articles", response_model=ArticleList, summary="List articles, newest first")
async def list_articles(request: Request, limit: Limit = 20, offset: Offset = 0, tag: Filter = None,
                        outlet: Filter = None, category: Filter = None) -> ArticleList:
    rows = await site_of(request).slow.run(lambda st: api.list_articles(
        store=st, limit=limit, offset=offset, tag=tag, outlet=outlet, category=category))
    return ArticleList(items=[brief(i, a) for i, a in rows], limit=limit, offset=offset)


@router.get("/articles/{article_id}", response_model=ArticleEnvelope, summary="One article")
async def get_article(request: Request, article_id: ArticleId) -> ArticleEnvelope:
    return ArticleEnvelope(article=full(article_id, api.get(article_id, store=site_of(request).store)))


@router.get("/articles/{article_id}/related", response_model=RelatedList, summary="大家还在看 for one article")
async def related(request: Request, article_id: ArticleId) -> RelatedList:
    items = (await site_of(request).related(article_id))[: int(setting("related_k"))]
    return RelatedList(items=[RelatedOut.model_validate(r.to_dict()) for r in items])


@router.get("/search", response_model=SearchList, summary="Chinese full-text search, best first")
async def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 10,
                 offset: Offset = 0, tag: Filter = None, outlet: Filter = None, category: Filter = None
                 ) -> SearchList:
    filters = {k: v for k, v in (("tag", tag), ("outlet", outlet), ("category", category)) if v}
    hits = await site_of(request).search(q, limit=limit, offset=offset, **filters)
    items = [SearchHitOut(id=h.id, title=h.article.title, score=h.score,
                          snippet=h.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, ""),
                          snippet_html=snippet_html(h.snippet), article=brief(h.id, h.article)) for h in hits]
    return SearchList(query=q, items=items, limit=limit, offset=offset)


@router.get("/tags", response_model=TagList, summary="Most used tags")
async def tags(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> TagList:
    site = site_of(request)
    counts = await site.cached(site.small_cache, f"tags:{limit}", site.slow, lambda st: api.tags(store=st, limit=limit))
    return TagList(items=[TagCount(tag=t, count=n) for t, n in counts])


@router.get("/channels", response_model=ChannelList, summary="Channels that hold articles")
async def channels(request: Request) -> ChannelList:
    return ChannelList(items=await site_of(request).channels())


@router.get("/health", response_model=Health, summary="Liveness and readiness (for probes and load balancers)")
async def health(request: Request) -> Health:
    return Health(ready=site_of(request).ready)


@router.post("/events", status_code=202, response_model=Accepted, summary="Record a page view")
async def events(request: Request, event: ViewEvent) -> JSONResponse:
    site = site_of(request)
    api.get(event.article_id, store=site.store)  # 404 for an unknown article
    rid, new = (event.reader, False) if event.reader and READER_RE.fullmatch(event.reader) else reader_id(request)
    site.record_view(event.article_id, rid)
    response = JSONResponse({"ok": True}, status_code=202)
    if new:
        set_reader_cookie(response, rid)
    return response


INGEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The raw page: HTML (any charset) or plain text, at most `max_page_bytes` bytes.",
        "content": {
            "text/html": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


@router.post("/ingest", status_code=201, response_model=IngestOut, openapi_extra=INGEST_BODY,
             responses={200: {"model": IngestOut, "description": "Updated or unchanged"},
                        413: {"model": ErrorOut, "description": "Page over max_page_bytes"}},
             summary="Extract and store one raw page")
async def ingest(
    request: Request,
    url: Annotated[str | None, Query(max_length=2000, description="The page's URL")] = None,
    base_time: Annotated[str | None, Query(max_length=40, description="Crawl time, ISO 8601")] = None,
) -> JSONResponse:
    limit = int(setting("max_page_bytes"))
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"page is {declared} bytes, over max_page_bytes ({limit}): send a smaller page")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"page is over max_page_bytes ({limit} bytes): send a smaller page")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise HTTPException(422, "empty body: POST the page's HTML or text as the request body")
    site = site_of(request)
    api.check_page_size(len(data), source="POST /api/ingest")
    # Extraction is pure and slow (parsing, segmentation): a worker thread. The write goes
    # through the slow lane, whose connection also computes 大家还在看 (its in-memory index
    # sees the new article at once).
    article = await run_in_threadpool(api.extract, data, url=url, base_time=base_time, source="POST /api/ingest")
    result = await site.slow.run(lambda st: api.store_article(article, store=st))
    site.forget(result.id)
    out = IngestOut(outcome=result.outcome, id=result.id, article=full(result.id, result.article))  # type: ignore[arg-type]
    return JSONResponse(out.model_dump(mode="json"), status_code=201 if result.outcome == "stored" else 200)
