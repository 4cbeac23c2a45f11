"""FastAPI app factory: HTML pages and ``/api`` routes over the same ``zixun.api`` calls.

One error handler turns every failure into the right rendering: the JSON shape
``{"ok": false, "error": ..., "status": ...}`` under ``/api/``, an HTML page elsewhere.
Security headers are added by a plain ASGI middleware (cheaper than ``BaseHTTPMiddleware``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from zixun.errors import DropPage, InputError, NotFound, StoreError, ZixunError
from zixun.web.site import HERE, Site, site_of

log = logging.getLogger(__name__)

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
STATIC_CACHE = [(b"cache-control", b"public, max-age=86400")]  # the CSS link carries ?v=N
TITLES = {400: "请求有误", 404: "页面不存在", 405: "不支持的请求方式", 413: "内容过大", 422: "无法处理",
          500: "服务器开小差了", 503: "服务暂不可用"}


class SecurityHeaders:
    """Adds CSP, nosniff and frame-ancestors to every response, pages and API alike (and a day's
    caching to /static)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        extra = SECURITY_HEADERS + STATIC_CACHE if scope["path"].startswith("/static/") else SECURITY_HEADERS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """The one place that renders an error: JSON for the API, a helpful HTML page otherwise."""
    if wants_json(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
    site = site_of(request)
    try:
        body = site.render("error.html", status=status, title=TITLES.get(status, "出错了"), message=message,
                           q="")
    except Exception:  # the store itself may be what failed: never fail twice
        log.exception("rendering the error page failed")
        body = f"<!doctype html><title>{status}</title><p>{status} {TITLES.get(status, '出错了')}</p>"
    return HTMLResponse(body, status_code=status)


def status_for(exc: ZixunError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, InputError | DropPage):
        return 422
    if isinstance(exc, StoreError):
        return 503
    return 400


def validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body",)) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) + " (see /openapi.json for the parameters)"


def install_error_handlers(app: FastAPI) -> None:
    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404 and not isinstance(exc.detail, str | None):
            message = "not found"
        elif exc.status_code == 404 and exc.detail in (None, "Not Found"):
            message = (f"no such path {request.url.path}: see /openapi.json" if wants_json(request)
                       else "您要找的页面不存在，可能已被删除或地址有误。")
        else:
            message = str(exc.detail)
        response = error_response(request, exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if wants_json(request):
            return error_response(request, 422, validation_message(exc))
        in_path = any(e.get("loc", ("",))[0] == "path" for e in exc.errors())
        if in_path:
            return error_response(request, 404, "您要找的页面不存在，可能已被删除或地址有误。")
        return error_response(request, 400, "请求参数有误：" + validation_message(exc))

    async def on_zixun(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ZixunError)
        status = status_for(exc)
        if status == 404 and not wants_json(request):
            return error_response(request, 404, "没有找到这篇资讯，它可能已被删除。")
        return error_response(request, status, str(exc))

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        message = ("internal error: this is a bug in zixun, please report it with the request"
                   if wants_json(request) else "抱歉，页面暂时无法显示，请稍后再试。")
        return error_response(request, 500, message)

    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(ZixunError, on_zixun)
    app.add_exception_handler(Exception, on_crash)


def create_app(db: str) -> FastAPI:
    """The site and the JSON API over the store at ``db`` (a store URL, e.g. ``sqlite:///zixun.db``)."""
    from zixun.web import api_routes, pages

    site = Site.open(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        warm = asyncio.get_running_loop().create_task(site.warm_up())
        yield
        await warm  # its worker thread reads the store: let it finish before the connections close
        site.close()

    app = FastAPI(
        lifespan=lifespan,
        title="zixun",
        version="0.1.0",
        description="资讯: Chinese news archive. Every error is `{ok: false, error, status}`.",
        docs_url=None,  # Swagger UI loads scripts from a CDN, which the CSP (rightly) forbids
        redoc_url=None,
    )
    app.state.site = site
    app.add_middleware(SecurityHeaders)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api_routes.router)
    app.include_router(pages.router)

    return app


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the site with one uvicorn worker (the CLI's ``serve`` and ``demo``)."""
    import uvicorn

    kwargs: dict[str, Any] = {"host": host, "port": port, "log_level": "warning"}
    uvicorn.run(create_app(db), **kwargs)
