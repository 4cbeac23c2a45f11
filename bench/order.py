"""Paragraph reading order: zixun's restore_order beside the shuffled input, on CCTV stories.

Protocol: stories with 3+ paragraphs from the odd lines of
../shared/data/corpora/xwlb-2012-2019.jsonl.gz (the lead scorer, ``LEAD_WEIGHTS``, is fit on
the even lines: ``python -m zixun.nlp.build order-weights … --part even``), the
"央视网消息（新闻联播）：" lead-in stripped (it gives the first position away), paragraphs
shuffled with a fixed seed. Reports first-paragraph accuracy, Kendall tau, and how often an
already-ordered story is left untouched. Run: python bench/order.py [--n 1000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

from zixun.stages.order import restore_order

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpora" / "xwlb-2012-2019.jsonl.gz"
LEAD_IN = re.compile(r"^央视网消息\s*[（(]新闻联播[)）]\s*[:：]")


def tau(order: list[int]) -> float:
    c = d = 0
    for i in range(len(order)):
        for j in range(i + 1, len(order)):
            c, d = (c + 1, d) if order[i] < order[j] else (c, d + 1)
    return (c - d) / max(1, c + d)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (../shared not beside the checkout)")
        sys.exit(0)
    rng = random.Random(7)
    stories = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % 2 == 0:
                continue  # the even lines taught the lead scorer
            ps = [LEAD_IN.sub("", p).strip() for p in json.loads(line)["paragraphs"]]
            ps = [p for p in ps if p]
            if len(ps) >= 3:
                stories.append(ps)
    sample = rng.sample(stories, min(args.n, len(stories)))
    first = rfirst = kept = 0
    taus: list[float] = []
    rtaus: list[float] = []
    t0 = time.process_time()
    for ps in sample:
        idx = list(range(len(ps)))
        rng.shuffle(idx)
        out = restore_order([ps[i] for i in idx])
        pos = [ps.index(p) for p in out]
        taus.append(tau(pos))
        rtaus.append(tau(idx))
        first += pos[0] == 0
        rfirst += idx[0] == 0
        kept += restore_order(ps) == ps
    cpu = time.process_time() - t0
    n = len(sample)
    print(f"stories: {n}")
    print("| order | first paragraph right | Kendall tau | ordered input kept |")
    print("|---|---|---|---|")
    print(f"| shuffled input (anchor) | {rfirst / n:.3f} | {sum(rtaus) / n:.3f} | 1.000 |")
    print(f"| zixun restore_order | {first / n:.3f} | {sum(taus) / n:.3f} | {kept / n:.3f} |")
    print(f"cpu seconds: {cpu:.1f}")


if __name__ == "__main__":
    main()
