"""Search benchmark: zixun.search beside a ``LIKE '%q%'`` full scan (the anchor), same run.

Query set (rebuilt as in issue 6): 300 distinct human keyword tags drawn (seed 0) from the
TNEWS headlines ``nlp/tnews/dev.json``; the documents are those headlines (the tags are
*not* indexed, they are the queries). A headline is relevant to a query when it contains
it literally (the LIKE definition, so LIKE's recall is 1.0 by construction).

Metrics per method: zero-result rate over all 300 queries; recall@10 =
|top-10 ∩ relevant| / min(10, |relevant|), averaged over queries with ≥ 1 relevant
headline; p50/p99 latency (wall and CPU: the box is shared) per query. Methods:

* ``like-scan``: ``SELECT … WHERE title LIKE '%q%' LIMIT 10`` (anchor: 0.133 zero, recall 1.0);
* ``fts-words-only``: the segmented FTS column alone, tokens ANDed (what 0001 shipped);
* ``zixun``: ``zixun.search.search`` on ``SQLiteStore`` (words OR bigram substrings,
  traditional folded, BM25 × recency).

Latency runs at the corpus size and at ``--scale`` documents (default 100k): the corpus is
padded with the recommend corpora's headlines and splices of them, bulk-inserted with the
store's own ``index_fields`` (the same full-text and headline rows ``upsert`` writes,
without MinHash work).

Run: ``python bench/search.py`` (~1–2 min); ``--quick`` (scale 20k); ``--full`` (scale 300k).
Skips with a message without ../shared.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
ANCHOR = {"like-scan": (0.133, 1.0)}


def load_tnews() -> tuple[list[str], list[str]]:
    rows = [json.loads(x) for x in (DATA / "nlp" / "tnews" / "dev.json").read_text(encoding="utf-8").splitlines() if x]
    titles = [r["sentence"] for r in rows]
    kws = sorted({k.strip() for r in rows for k in r.get("keywords", "").split(",") if k.strip()})
    return titles, random.Random(0).sample(kws, 300)


def padding(n: int) -> list[str]:
    """Headlines from the recommend corpora, then splices of them, up to n."""
    out: list[str] = []
    tt = DATA / "recommend" / "toutiao10pct" / "toutiao_test.txt"
    for line in tt.read_text(encoding="utf-8").splitlines():
        out.append(line.rpartition("_!_")[0])
    for f in ("dev.txt", "test.txt"):
        for line in (DATA / "recommend" / "thucnews" / f).read_text(encoding="utf-8").splitlines():
            out.append(line.rpartition("\t")[0])
    rng = random.Random(2)
    base = list(out)
    while len(out) < n:
        a, b = rng.choice(base), rng.choice(base)
        out.append(a[: rng.randint(2, max(2, len(a) - 2))] + b[rng.randint(1, max(1, len(b) - 2)) :])
    return out[:n]


def build(path: str, titles: list[str]) -> None:
    """Bulk rows through the store's own schema and ``index_fields``."""
    from zixun.model import Article
    from zixun.store.query import index_fields
    from zixun.store.sqlite import SQLiteStore

    with SQLiteStore(path) as st:
        db = st.db
        db.execute("BEGIN")
        for i, t in enumerate(titles, 1):
            art = Article(url=f"https://x.cn/{i}", title=t, content_hash=f"h{i}")
            db.execute(
                "INSERT INTO articles (id, key, url, content_hash, title, data, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (i, art.url, art.url, art.content_hash, t, json.dumps(art.to_dict(), ensure_ascii=False), "", ""),
            )
            title, body, tags, grams = index_fields(art)
            db.execute("INSERT INTO search_fts (rowid, title, body, tags, grams) VALUES (?,?,?,?,?)",
                       (i, title, body, tags, grams))
            db.execute("INSERT INTO heads_fts (rowid, title, tags) VALUES (?,?,?)", (i, title, tags))
        db.execute("COMMIT")


Method = Callable[[str], list[int]]


def methods(path: str) -> dict[str, Method]:
    from zixun import search as zsearch
    from zixun.store.query import query_tokens
    from zixun.store.sqlite import SQLiteStore

    raw = sqlite3.connect(path)
    st = SQLiteStore(path)

    def like(q: str) -> list[int]:
        esc = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = raw.execute("SELECT id FROM articles WHERE title LIKE ? ESCAPE '\\' LIMIT 10", (f"%{esc}%",))
        return [r[0] for r in rows]

    def words_only(q: str) -> list[int]:
        toks = query_tokens(q)
        if not toks:
            return []
        match = "title : (" + " AND ".join('"' + t.replace('"', '""') + '"' for t in toks) + ")"
        rows = raw.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 10", (match,))
        return [r[0] for r in rows]

    def zixun(q: str) -> list[int]:
        return [h.id for h in zsearch.search(q, store=st, limit=10)]

    return {"like-scan": like, "fts-words-only": words_only, "zixun": zixun}


def run(path: str, titles: list[str], queries: list[str], label: str) -> list[str]:
    # LIKE is case-insensitive for ASCII: so is relevance
    relevant = {q: {i for i, t in enumerate(titles, 1) if q.lower() in t.lower()} for q in queries}
    rows = []
    for name, fn in methods(path).items():
        zero, recalls, wall, cpu = 0, [], [], []
        for q in queries:
            w, c = time.perf_counter(), time.process_time()
            got = fn(q)
            wall.append((time.perf_counter() - w) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            zero += not got
            rel = relevant[q]
            if rel:
                recalls.append(len(set(got) & rel) / min(10, len(rel)))
        z, r = zero / len(queries), float(np.mean(recalls))
        az, ar = ANCHOR.get(name, (None, None))
        anchor = f"{az:.3f}/{ar:.2f}" if az is not None else "    -     "
        rows.append(
            f"{label:<9} {name:<15} {z:6.3f}  {r:6.3f}  {anchor:>10}  {np.percentile(wall, 50):6.2f}"
            f"  {np.percentile(wall, 99):6.2f}  {np.percentile(cpu, 99):6.2f}"
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--scale", type=int, default=None)
    args = ap.parse_args()
    if not (DATA / "nlp" / "tnews" / "dev.json").exists():
        print(f"skipped: {DATA / 'nlp' / 'tnews'} is absent (../shared is not beside the checkout)")
        return
    n = args.scale or (20_000 if args.quick else 300_000 if args.full else 100_000)
    titles, queries = load_tnews()
    print(f"{len(queries)} keyword queries; {len(titles)} TNEWS headlines; scale run {n:,} documents")
    print(f"{'docs':<9} {'method':<15} {'zero':>6}  {'rec@10':>6}  {'anchor':>10}  {'p50 ms':>6}  {'p99 ms':>6}  {'p99cpu':>6}")
    print("-" * 80)
    with tempfile.TemporaryDirectory() as tmp:
        small, big = str(Path(tmp) / "tnews.db"), str(Path(tmp) / "big.db")
        build(small, titles)
        for row in run(small, titles, queries, f"{len(titles):,}"):
            print(row, flush=True)
        big_titles = titles + padding(n - len(titles))
        build(big, big_titles)
        for row in run(big, big_titles, queries, f"{n:,}"):
            print(row, flush=True)
    print("zero = share of queries with no hit; rec@10 vs the LIKE definition; targets: zixun zero ≤ like, "
          "recall ≥ like, p99 ≤ 5 ms at 100k")


if __name__ == "__main__":
    main()
