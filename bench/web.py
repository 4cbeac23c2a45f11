"""The site under load: article page, search, home and the API beside a static-file baseline.

Protocol
  * Corpus: N synthetic articles (default 100,000) in SQLite, made from the bundled sample
    pages as templates. Each copy keeps a template's title (with a city prefix), tags and
    channel; its four paragraphs are sentences drawn at random from all templates, so no two
    copies are near-duplicates; it gets its own URL, content hash and summary, and a publish
    time one minute after the previous copy. All are written through ``Store.upsert`` (the
    real full-text index, tags and near-duplicate bands) with ``PRAGMA synchronous=OFF`` and
    the near-duplicate confirmation skipped, for this load only. The db is kept in /tmp and
    reused when it already holds N articles; its page views are cleared at the start of each run.
  * Server: ``zixun.web.app.serve`` (one uvicorn worker, the CLI's server) in a subprocess
    on 127.0.0.1; the rows start once ``/api/health`` reports it ready (start-up builds the
    大家还在看 index, ~10 s at 100k, and a starting server is not what the rows measure).
  * Load: a small asyncio HTTP/1.1 keep-alive client in this process (C connections, closed
    loop, each connection a returning reader with its own cookie), a fixed time per row;
    latency is per request, client side. The static row (``/static/site.css`` from the same
    server in the same run) is the reference for this server, client and machine; note that
    Starlette's StaticFiles opens and reads the file in worker threads per request.
  * Article rows: "hot" reads the newest H articles after one warm-up pass over them
    (bounded by --warm-seconds; the hot set is what the warm-up reached). The rendered page
    is cached for a minute and its 大家还在看 for five (then served stale while refreshed in
    the background). "cold" reads uniformly over all N ids: almost every request computes
    大家还在看 afresh (4 connections only, so the row drains in bounded time). Search: 20 common words (answered from the result cache after the first
    time) and unique "city word" queries that never hit the cache; a search page shows 10
    results (``SEARCH_PAGE_SIZE``), as news search engines do.
  * The server runs uvicorn with httptools and uvloop (zixun's dependencies) when installed.

Run: python bench/web.py [--articles 100000] [--seconds 8] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import hashlib
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from zixun import api
from zixun.model import Article
from zixun.store import open_store

ROOT = Path(__file__).resolve().parent.parent
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "南京", "武汉", "成都", "重庆", "西安", "天津", "苏州", "长沙", "郑州",
          "青岛", "厦门", "合肥", "福州", "济南", "沈阳", "大连", "昆明", "南宁", "贵阳", "兰州", "太原", "石家庄", "哈尔滨",
          "长春", "南昌"]
QUERIES = ["芯片", "新能源汽车", "高考", "楼市", "篮球", "旅游", "博物馆", "天气", "降雨", "人工智能", "房价", "景区",
           "比赛", "学校", "充电", "农业", "文化", "投资", "北京 芯片", "上海 旅游"]
ROWS = ("static", "hot", "cold", "search-common", "search-unique", "api-search", "home", "api-article")
CONTENT_LENGTH = re.compile(rb"(?i)\r\ncontent-length:\s*(\d+)")


# -- corpus ---------------------------------------------------------------------------------


def templates() -> list[Article]:
    """Extracted sample pages (or the web test pages when the samples are absent)."""
    paths = [str(api.sample_pages_dir())]
    if not any(api.sample_pages_dir().glob("*")):
        paths = [str(p) for p in (ROOT / "tests" / "data" / "web").glob("w*.html")]
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/t.db"
        api.ingest(paths, db=db)
        with open_store(db) as st:
            return [a for _, a in st.list(limit=1000) if a.paragraphs]


def build_corpus(db_path: Path, n: int) -> float:
    """Fill ``db_path`` with n synthetic articles; returns the seconds it took (0 when reused)."""
    if db_path.exists():
        with open_store(f"sqlite:///{db_path}") as st:
            if st.count() >= n:
                return 0.0
        db_path.unlink()
    t0 = time.perf_counter()
    base = templates()
    from zixun.store import sqlite as sqlite_store

    # Every copy is distinct by construction, so the store's ingest-time near-duplicate
    # confirmation (up to 20 exact comparisons per article) is skipped for this load only.
    saved = getattr(sqlite_store, "MAX_DUP_CANDIDATES", None)
    if saved is not None:
        sqlite_store.MAX_DUP_CANDIDATES = 0
    st = open_store(f"sqlite:///{db_path}")
    db = getattr(st, "db", None)
    if db is not None:
        db.execute("PRAGMA synchronous=OFF")  # the load only; the server opens its own connection
    from datetime import datetime, timedelta

    start = datetime.fromisoformat("2024-06-01T12:00:00+08:00")
    rng = random.Random(1)
    sentences = [s + "。" for a in base for p in a.paragraphs for s in p.split("。") if len(s) > 8]
    for i in range(n):
        a = copy.deepcopy(base[i % len(base)])
        city = CITIES[(i // len(base)) % len(CITIES)]
        a.url = f"https://bench.example.com/{i % 97}/{i}.html"
        a.title = f"{city}｜{a.title}"
        # sentences drawn at random from all templates: no two copies
        # are near-duplicates (the store checks that at ingest, as it would for real pages)
        a.paragraphs = [f"{city}讯　" + "".join(rng.sample(sentences, 3))] + [
            "".join(rng.sample(sentences, 3)) for _ in range(3)]
        a.summary = a.paragraphs[0][:120]
        a.content_hash = hashlib.md5(f"bench{i}".encode()).hexdigest()
        a.published.at = (start - timedelta(minutes=n - i)).isoformat()
        a.published.precision = "minute"
        st.upsert(a)
        if i and i % 10000 == 0:
            print(f"  corpus: {i:,} articles, {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    st.close()
    if saved is not None:
        sqlite_store.MAX_DUP_CANDIDATES = saved
    return time.perf_counter() - t0


# -- server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    """Start the server and wait until ``/api/health`` says it is ready (its 大家还在看 index
    is built at start-up, ~10 s at 100k): the rows measure a running site, not a starting one."""
    code = f"from zixun.web.app import serve; serve({db!r}, host='127.0.0.1', port={port})"
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=str(ROOT))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as s:
                s.sendall(f"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
                reply = b""
                while chunk := s.recv(65536):
                    reply += chunk
            if b'"ready":true' in reply:
                return proc
        except OSError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server was not ready within 300 s")


# -- load -----------------------------------------------------------------------------------


async def _worker(port: int, next_path: Callable[[], str], stop_at: float, limit: int | None,
                  lat: list[float], statuses: Counter[int], reader: str) -> None:
    r, w = await asyncio.open_connection("127.0.0.1", port)
    head_tail = f"HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: zx_reader={reader}\r\n\r\n".encode()
    try:
        while time.perf_counter() < stop_at and (limit is None or len(lat) < limit):
            t0 = time.perf_counter()
            w.write(b"GET " + next_path().encode() + b" " + head_tail)
            head = await r.readuntil(b"\r\n\r\n")
            m = CONTENT_LENGTH.search(head)
            if m:
                await r.readexactly(int(m.group(1)))
            lat.append(time.perf_counter() - t0)
            statuses[int(head[9:12])] += 1
    finally:
        w.close()


async def _load(port: int, next_path: Callable[[], str], seconds: float, concurrency: int,
                limit: int | None) -> tuple[list[float], Counter[int], float]:
    lat: list[float] = []
    statuses: Counter[int] = Counter()
    t0 = time.perf_counter()
    stop_at = t0 + seconds
    await asyncio.gather(*(_worker(port, next_path, stop_at, limit, lat, statuses, os.urandom(16).hex())
                           for _ in range(concurrency)))
    return lat, statuses, time.perf_counter() - t0


def run(port: int, next_path: Callable[[], str], seconds: float, concurrency: int,
        limit: int | None = None) -> dict[str, float]:
    lat, statuses, took = asyncio.run(_load(port, next_path, seconds, concurrency, limit))
    lat.sort()
    ok = sum(v for k, v in statuses.items() if k < 400)
    return {
        "n": len(lat),
        "rps": len(lat) / took,
        "p50": statistics.median(lat) * 1e3 if lat else 0.0,
        "p99": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1e3 if lat else 0.0,
        "errors": len(lat) - ok,
    }


def cycle(items: list[str], rng: random.Random) -> Callable[[], str]:
    return lambda: items[rng.randrange(len(items))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=None, help="default: /tmp/zixun-bench-web-<N>.db (reused)")
    ap.add_argument("--seconds", type=float, default=8.0, help="per row")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--hot", type=int, default=500, help="newest articles in the hot set (at most)")
    ap.add_argument("--warm-seconds", type=float, default=90.0, help="time bound of the hot-set warm-up")
    ap.add_argument("--rows", default=",".join(ROWS), help="comma-separated subset of: " + ", ".join(ROWS))
    args = ap.parse_args()
    want = set(args.rows.split(","))
    if not want <= set(ROWS):
        ap.error(f"--rows: unknown {sorted(want - set(ROWS))}; choose from {', '.join(ROWS)}")

    db_path = args.db or Path(tempfile.gettempdir()) / f"zixun-bench-web-{args.articles}.db"
    built = build_corpus(db_path, args.articles)
    with sqlite3.connect(db_path) as raw:  # every run starts with no page views: earlier runs' would pile up
        raw.execute("DELETE FROM views")
    with open_store(f"sqlite:///{db_path}") as st:
        count = st.count()
        ids = [i for i, _ in st.list(limit=args.hot)]
        words = [t for t, _ in st.tag_counts(limit=5000)]
    rng = random.Random(7)
    all_ids = list(range(1, count + 1))
    unique = [f"/search?q={quote(city + ' ' + w)}" for city in CITIES for w in words]
    rng.shuffle(unique)
    fresh = iter(unique)
    load_before = os.getloadavg()

    port = free_port()
    server = start_server(f"sqlite:///{db_path}", port)
    try:
        c, secs = args.concurrency, args.seconds
        issued: list[str] = []
        pending = iter(f"/articles/{i}" for i in ids)

        def next_hot() -> str:
            path = next(pending, None)
            if path is None:
                return "/static/site.css"
            issued.append(path)
            return path

        warm_t0 = time.perf_counter()
        if "hot" in want:
            run(port, next_hot, args.warm_seconds, c, limit=len(ids))
        warm = time.perf_counter() - warm_t0
        hot_paths = issued  # the newest articles whose pages the warm-up reached
        plan: list[tuple[str, str, Callable[[], tuple[dict[str, float], tuple[int, float | None] | None]]]] = [
            ("static", "static /static/site.css (baseline)", lambda: (run(port, lambda: "/static/site.css", secs, c),
                                                                       None)),
            ("hot", f"article, hot {len(hot_paths):,} newest (warm)",
             lambda: (run(port, cycle(hot_paths, rng), secs, c), (1000, 50.0))),
            ("cold", f"article, cold uniform over {count:,} (c=4)",
             lambda: (run(port, lambda: f"/articles/{rng.choice(all_ids)}", secs, min(c, 4)), None)),
            ("search-common", "search, 20 common queries",
             lambda: (run(port, cycle([f"/search?q={quote(q)}" for q in QUERIES], rng), secs, c), (300, None))),
            ("search-unique", "search, unique queries (no cache hit)",
             lambda: (run(port, lambda: next(fresh), secs, c, limit=len(unique)), (300, None))),
            ("api-search", "api /api/search?q=… (20 common)",
             lambda: (run(port, cycle([f"/api/search?q={quote(q)}" for q in QUERIES], rng), secs, c), None)),
            ("home", "home /", lambda: (run(port, lambda: "/", secs, c), None)),
            ("api-article", "api /api/articles/{id}",
             lambda: (run(port, lambda: f"/api/articles/{rng.choice(all_ids)}", secs, c), None)),
        ]
        rows = []
        for key, name, go in plan:
            if key in want:
                result, target = go()
                rows.append((name, result, target))
    finally:
        server.terminate()
        server.wait(10)

    print(f"zixun web bench: {count:,} articles in SQLite ({db_path}), one uvicorn worker, "
          f"{os.cpu_count()} CPUs, {c} keep-alive connections, {secs:g} s per row")
    load_after = os.getloadavg()
    print(f"corpus build {built:.0f} s{' (reused)' if not built else ''}; hot-set warm-up {warm:.1f} s "
          f"for {len(hot_paths):,} pages; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after "
          "(other processes share these CPUs)")
    print(f"{'row':<40} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}  target")
    for name, r, target in rows:
        goal = ""
        if target:
            want_rps, want_p99 = target
            met = r["rps"] >= want_rps and (want_p99 is None or r["p99"] <= want_p99)
            goal = f"≥{want_rps} req/s" + (f", p99 ≤{want_p99:g} ms" if want_p99 else "") + (" met" if met
                                                                                              else " NOT met")
        print(f"{name:<40} {r['n']:>9,.0f} {r['rps']:>8,.0f} {r['p50']:>8.1f} {r['p99']:>8.1f} "
              f"{r['errors']:>7,.0f}  {goal}")


if __name__ == "__main__":
    main()
