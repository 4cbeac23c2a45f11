"""FastAPI app factory: HTML pages and ``/api`` routes over the same service calls."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from zixun import api
from zixun.errors import NotFound, ZixunError
from zixun.render import byline_text, reader_time
from zixun.store import Store
from zixun.store.query import snippet_html

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.filters["reader_time"] = reader_time
TEMPLATES.env.filters["byline_text"] = byline_text
TEMPLATES.env.filters["snippet_html"] = snippet_html
READER_COOKIE = "zx_reader"


def create_app(db: str) -> FastAPI:
    app = FastAPI(title="zixun", version="0.1.0", description="资讯: Chinese news archive API")
    store: Store = api.open_db(db)
    app.state.store = store

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
        )
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    @app.exception_handler(ZixunError)
    async def on_error(request: Request, exc: ZixunError) -> Response:
        status = 404 if isinstance(exc, NotFound) else 400
        if request.url.path.startswith("/api/"):
            return JSONResponse({"ok": False, "error": str(exc), "status": status}, status_code=status)
        return TEMPLATES.TemplateResponse(request, "error.html", {"message": str(exc), "status": status},
                                          status_code=status)

    def reader(request: Request) -> str:
        return request.cookies.get(READER_COOKIE) or uuid.uuid4().hex

    @app.get("/", response_class=HTMLResponse)
    def home(request: Request, page: int = 1) -> Response:
        rows = api.list_articles(store=store, limit=20, offset=(max(page, 1) - 1) * 20)
        return TEMPLATES.TemplateResponse(request, "index.html", {"rows": rows, "page": page})

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: int) -> Response:
        rid = reader(request)
        art = api.get(article_id, store=store)
        related = api.related(article_id, store=store, reader=rid)
        api.record_view(article_id, rid, store=store)
        resp = TEMPLATES.TemplateResponse(request, "article.html",
                                          {"a": art, "id": article_id, "related": related})
        resp.set_cookie(READER_COOKIE, rid, max_age=3600 * 24 * 365, httponly=True, samesite="lax")
        return resp

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, q: str = "") -> Response:
        hits = api.search(q, store=store, limit=20) if q.strip() else []
        return TEMPLATES.TemplateResponse(request, "search.html", {"q": q, "hits": hits})

    @app.get("/api/articles")
    def api_articles(limit: int = 20, offset: int = 0) -> dict[str, Any]:
        rows = api.list_articles(store=store, limit=min(max(limit, 1), 100), offset=max(offset, 0))
        return {"ok": True, "items": [{"id": i, **a.to_dict()} for i, a in rows]}

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: int) -> dict[str, Any]:
        return {"ok": True, "article": {"id": article_id, **api.get(article_id, store=store).to_dict()}}

    @app.get("/api/articles/{article_id}/related")
    def api_related(article_id: int) -> dict[str, Any]:
        return {"ok": True, "items": [r.to_dict() for r in api.related(article_id, store=store)]}

    @app.get("/api/search")
    def api_search(q: str, limit: int = 10) -> dict[str, Any]:
        hits = api.search(q, store=store, limit=min(max(limit, 1), 100))
        return {"ok": True, "items": [{"id": h.id, "title": h.article.title, "score": h.score} for h in hits]}

    return app


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
