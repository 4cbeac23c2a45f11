"""The site in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

A uvicorn server on 127.0.0.1 (a free port, in a thread) serves a temp SQLite db filled
from the sample pages. The browser reads the home, an article, a tag page and a search
page, clicks through 大家还在看, proves that script payloads in a crawled page run
nothing, and saves desktop (1280) and phone (390) screenshots.

Set ZIXUN_SCREENSHOT_DIR to keep the screenshots; otherwise they go to a pytest temp folder.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_web import SECTIONS, build_db

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is missing: apt-get install chromium fonts-wqy-microhei")
sync_api = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    import uvicorn

    from zixun.web.app import create_app

    db, xss_id = build_db(tmp_path_factory.mktemp("browser"))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", xss_id
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("ZIXUN_SCREENSHOT_DIR")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, errors


def first_article_with_related(page: Any, base: str) -> str:
    page.goto(base + "/")
    for href in page.locator("#main .latest h3 a").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        page.goto(base + href)
        if page.locator("section.related h3 a").count():
            return str(href)
    pytest.fail("no article shows 大家还在看 items")


def test_home(page: Any, site: tuple[str, int]) -> None:
    base, _ = site
    page.goto(base + "/")
    assert "资讯" in page.title()
    assert page.get_by_role("heading", name="最新资讯").is_visible()
    assert page.get_by_role("banner").is_visible() and page.get_by_role("contentinfo").is_visible()
    assert page.locator("#main .latest li.item").count() >= 5
    assert page.get_by_role("navigation", name="频道").locator("a").count() >= 2


def test_article_sections_and_click_through(page: Any, site: tuple[str, int]) -> None:
    base, _ = site
    href = first_article_with_related(page, base)
    headings = page.locator("article.story section > h2").all_inner_texts()
    assert [h.strip() for h in headings] == SECTIONS
    assert page.locator("article.story h1").inner_text().strip()
    when = page.locator("section.published").inner_text()
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日|未知", when)
    assert page.locator("section.detail .body p").count() >= 2
    assert page.locator('link[rel="canonical"]').get_attribute("href") == base + href
    assert page.locator('meta[property="og:description"]').get_attribute("content")
    target = page.locator("section.related h3 a").first
    title = target.inner_text().strip()
    target.click()
    page.wait_for_load_state()
    assert re.search(r"/articles/\d+$", page.url) and not page.url.endswith(href)
    assert page.locator("article.story h1").inner_text().strip() == title
    chip = page.locator("section.related .chip").first
    if chip.count():
        tag = chip.inner_text().strip()
        chip.click()
        page.wait_for_load_state()
        assert "/tags/" in page.url and tag in page.locator("h1").inner_text()


def test_tag_page(page: Any, site: tuple[str, int]) -> None:
    base, _ = site
    first_article_with_related(page, base)
    chip = page.locator("section.detail .tagline .chip").first
    tag = chip.inner_text().strip()
    chip.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().endswith(tag)
    assert page.locator("#main li.item").count() >= 1


def test_search_without_javascript(browser: Any, site: tuple[str, int]) -> None:
    base, _ = site
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.goto(base + "/")
    pg.get_by_label("搜索资讯").fill("芯片")
    pg.get_by_label("搜索资讯").press("Enter")
    pg.wait_for_load_state()
    assert "/search?q=" in pg.url
    assert pg.locator("ol.results li.item").count() >= 1
    assert pg.locator("ol.results mark").first.inner_text() == "芯片"
    ctx.close()


def test_script_payloads_run_nothing(page: Any, site: tuple[str, int]) -> None:
    base, xss_id = site
    page.goto(f"{base}/articles/{xss_id}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    body = page.locator("section.detail").inner_text()
    assert "<script>window.__pwned=1</script>" in body
    assert page.locator("article script, article img, article svg").count() == 0
    assert "<script>" in page.locator("h1").inner_text()
    assert page.locator('a[href^="javascript:"]').count() == 0
    page.goto(base + "/search?q=" + "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E")
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"


@pytest.mark.parametrize(("device", "width"), [("desktop", 1280), ("phone", 390)])
def test_screenshots(browser: Any, site: tuple[str, int], shots: Path, device: str, width: int) -> None:
    base, _ = site
    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN",
                              device_scale_factor=1, is_mobile=device == "phone")
    pg = ctx.new_page()
    article = first_article_with_related(pg, base)
    pg.goto(base + "/")
    tag_href = pg.locator("#main .latest .chip").first.get_attribute("href")
    for name, path in [("home", "/"), ("article", article), ("tag", tag_href), ("search", "/search?q=芯片"),
                       ("404", "/articles/99999999")]:
        pg.goto(base + str(path))
        pg.wait_for_load_state("load")
        overflow = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at {width}px"
        pg.screenshot(path=str(shots / f"{device}-{name}.png"), full_page=True)
        if name == "home":
            pg.screenshot(path=str(shots / f"{device}-home-top.png"))
    ctx.close()
    assert len(list(shots.glob(f"{device}-*.png"))) == 6
