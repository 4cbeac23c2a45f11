"""Search ranking on real full articles: zixun beside a LIKE scan, same run.

Data: ``../shared/data/corpora/xwlb-2012-2019.jsonl.gz`` (CCTV evening-news stories with
title, paragraphs and editors' keyword tags). The first N tagged stories (default 10,000)
are stored through ``SQLiteStore.upsert`` **without their tags** (the tags are the labels,
not indexed text); the "央视网消息（新闻联播）：" lead-in is removed.

Queries: 300 tags drawn (seed 0) from those carried by 5 to 500 of the stored stories, two
characters or more. A hit is relevant when its story carries the query as a tag.
Metrics: precision@10 and MRR of the first relevant hit, averaged over queries; mean
latency per query.

Rows:
* ``LIKE, newest first`` (anchor): ``title LIKE '%q%' OR data LIKE '%q%'``, newest first;
  what a site without an index does.
* ``zixun``: ``zixun.search.search`` (headline tier, then words, then substrings).
* ``zixun without the headline tier``: the same store with ``title_query`` switched off,
  i.e. the ranking before migration 0006 (words anywhere by BM25 × recency first).

Caveat: about 87 % of these tags are words of the story's title, so the labels favour
headline matches; the check is that ranking headlines first does not lose relevant
stories, not a neutral relevance judgement.

Run: ``python bench/search_rank.py [--stories 10000]`` (~1 min at 10k). Skips without ../shared.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "corpora" / "xwlb-2012-2019.jsonl.gz"
LEAD_INS = ("央视网消息（新闻联播）：", "央视网消息(新闻联播)：")


def build(path: str, n: int) -> dict[int, set[str]]:
    """Store the first ``n`` tagged stories (tags left out); returns id → the story's tags."""
    from zixun.model import Article, Published
    from zixun.store.sqlite import SQLiteStore

    labels: dict[int, set[str]] = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as f, SQLiteStore(path) as st:
        st.db.execute("PRAGMA synchronous=OFF")  # a throwaway file
        with st.batch():
            for line in f:
                r = json.loads(line)
                if not r["tags"] or not r["paragraphs"]:
                    continue
                paras = [p.replace(LEAD_INS[0], "").replace(LEAD_INS[1], "") for p in r["paragraphs"]]
                a = Article(url=r["url"], title=r["title"], paragraphs=paras,
                            published=Published(at=r["date"], precision="day"), content_hash=r["id"])
                labels[st.upsert(a)[1]] = set(r["tags"])
                if len(labels) >= n:
                    break
    return labels


def evaluate(search: Callable[[str], list[int]], queries: list[str], labels: dict[int, set[str]]) -> tuple[float, float, float]:
    p10, mrr = [], []
    t = time.perf_counter()
    for q in queries:
        rel = [q in labels.get(i, set()) for i in search(q)[:10]]
        p10.append(sum(rel) / 10)
        mrr.append(next((1 / (k + 1) for k, r in enumerate(rel) if r), 0.0))
    ms = (time.perf_counter() - t) / len(queries) * 1e3
    return sum(p10) / len(p10), sum(mrr) / len(mrr), ms


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=10_000)
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"skip: {DATA} not found (the shared data folder is not mounted)")
        return 0
    import zixun.store.sqlite as sqlite_store
    from zixun.search import search
    from zixun.store.sqlite import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "rank.db")
        t = time.perf_counter()
        labels = build(path, args.stories)
        built = time.perf_counter() - t
        df = collections.Counter(tag for tags in labels.values() for tag in tags)
        pool = sorted(tag for tag, n in df.items() if 5 <= n <= 500 and len(tag) >= 2)
        queries = random.Random(0).sample(pool, min(300, len(pool)))
        with SQLiteStore(path) as st:
            def like(q: str) -> list[int]:
                pat = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                rows = st.db.execute(
                    "SELECT id FROM articles WHERE title LIKE ? ESCAPE '\\' OR data LIKE ? ESCAPE '\\'"
                    " ORDER BY published_at DESC LIMIT 10", (pat, pat)).fetchall()
                return [int(r[0]) for r in rows]

            def zixun(q: str) -> list[int]:
                return [h.id for h in search(q, store=st, limit=10)]

            rows = [("LIKE, newest first (anchor)", evaluate(like, queries, labels)),
                    ("zixun", evaluate(zixun, queries, labels))]
            original = sqlite_store.title_query
            sqlite_store.title_query = lambda q: ""  # the ranking before the headline tier
            try:
                rows.append(("zixun without the headline tier", evaluate(zixun, queries, labels)))
            finally:
                sqlite_store.title_query = original
    print(f"xwlb: {len(labels):,} stories stored in {built:.0f} s (tags not indexed); {len(queries)} tag queries\n")
    print(f"| {'system':<32} | {'P@10':>5} | {'MRR':>5} | {'ms/query':>8} |")
    print(f"|{'-' * 34}|{'-' * 7}|{'-' * 7}|{'-' * 10}|")
    for name, (p, m, ms) in rows:
        print(f"| {name:<32} | {p:>5.3f} | {m:>5.3f} | {ms:>8.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
