"""Time-engine benchmark: zixun.timeparse beside the anchor JioNLP, in the same run.

Three parts, one table each, printed together:

1. ``nlp/time/jionlp_cases.json`` (427 expressions with JioNLP's expected answers).
   How we compare: a case agrees when the start and the inclusive end both equal the expected
   ones to the second. zixun's answer is the longest match in the text; for a point its end is
   the end of its calendar unit (``TimeMatch.last``). Durations (time_delta) are parsed with
   ``parse_duration`` and agree when the unit dict (or low/high pair) is equal. Periods (每年…) are
   not an output of zixun: counted as misses. Lunar dates and solar terms are not supported:
   misses. Column ``past`` is zixun's news default (a date without its year or week is the most
   recent one not after the base); column ``none`` fills from the base as JioNLP does. The 8
   cases JioNLP runs with ``ret_future`` are run with ``bias="future"`` in both columns.
2. xwlb (CCTV 新闻联播 2012–2019): publish day inferred from title + paragraphs, base time =
   true date + 0–30 days (seeded), and = true date as a second column.
3. zh-cwced pages with a gold date: the gold cleaned body (no date line, no metadata) as text.

Run: ``python bench/time.py [--sample 2000] [--seed 7]``. Skips with a message without ../shared.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
CST = timezone(timedelta(hours=8))
FMT = "%Y-%m-%d %H:%M:%S"

os.environ["TZ"] = "Asia/Shanghai"  # JioNLP reads epoch bases in the machine's zone
if hasattr(time, "tzset"):
    time.tzset()


def case_base(raw: Any) -> tuple[datetime | None, Any]:
    """(zixun base, JioNLP base) from a case's ``base``."""
    if raw is None:
        return None, None
    if raw == "now":
        now = datetime.now(CST).replace(microsecond=0)
        return now, time.time()
    if isinstance(raw, str):
        dt = datetime.fromisoformat(raw)
        return dt, dt.timestamp()
    parts = {k: raw.get(k, d) for k, d in (("year", 1), ("month", 1), ("day", 1), ("hour", 0), ("minute", 0), ("second", 0))}
    return datetime(tzinfo=CST, **parts), raw


def zixun_answer(text: str, base: datetime | None, bias: str, typ: str) -> Any:
    from zixun.timeparse import parse_times
    from zixun.timeparse.durations import parse_duration

    if typ == "time_delta":
        return parse_duration(text)
    matches = parse_times(text, base, bias=bias)
    if not matches:
        return None
    best = max(matches, key=lambda m: (m.span[1] - m.span[0], -m.span[0]))
    return [best.start.strftime(FMT), best.last.strftime(FMT)]


def agree(expected: dict[str, Any], got: Any) -> bool:
    if got is None:
        return False
    if expected["type"] == "time_period":
        return False
    return bool(got == expected["time"])


def bench_cases() -> list[tuple[str, ...]]:
    path = DATA / "nlp" / "time" / "jionlp_cases.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    import jionlp

    from zixun.timeparse import parse_times

    parse_times("2023年11月6日", datetime(2023, 11, 6, tzinfo=CST))  # warm both up: imports, regex
    jionlp.parse_time("2023年11月6日", time_base=time.time())  # compile and dictionary loading
    by_type: dict[str, list[int]] = {}
    misses: list[str] = []
    t_zx = t_jio = 0.0
    for c in cases:
        typ = c["expected"]["type"]
        zb, jb = case_base(c["base"])
        future = bool(c["options"].get("ret_future"))
        row = by_type.setdefault(typ, [0, 0, 0, 0])
        row[0] += 1
        for col, bias in ((1, "past"), (2, "none")):
            t0 = time.perf_counter()
            try:
                got = zixun_answer(c["text"], zb, "future" if future else bias, typ)
            except Exception as exc:  # a crash is a miss, and is shown
                got = None
                misses.append(f"CRASH {c['text']}: {exc!r}")
            t_zx += time.perf_counter() - t0 if col == 1 else 0.0
            ok = agree(c["expected"], got)
            row[col] += ok
            if col == 2 and not ok and os.environ.get("BENCH_VERBOSE"):
                misses.append(f"{c['text']} | {c['base']} | want {c['expected']['time']} | got {got}")
        t0 = time.perf_counter()
        try:
            kw = {k: v for k, v in c["options"].items()}
            jgot = jionlp.parse_time(c["text"], time_base=jb, **kw)
            jok = jgot == c["expected"] or (jgot and jgot.get("time") == c["expected"]["time"])
        except Exception:
            jok = False
        t_jio += time.perf_counter() - t0
        row[3] += bool(jok)
    for line in misses:
        print(line)
    rows = [("jionlp_cases type", "n", "zixun past", "zixun none", "JioNLP")]
    tot = [0, 0, 0, 0]
    for typ in ("time_point", "time_span", "time_period", "time_delta"):
        r = by_type.get(typ, [0, 0, 0, 0])
        tot = [a + b for a, b in zip(tot, r, strict=True)]
        rows.append((typ, str(r[0]), _ratio(r[1], r[0]), _ratio(r[2], r[0]), _ratio(r[3], r[0])))
    rows.append(("all", str(tot[0]), _ratio(tot[1], tot[0]), _ratio(tot[2], tot[0]), _ratio(tot[3], tot[0])))
    n = len(cases)
    rows.append(("ms per case (past col)", str(n), f"{1000 * t_zx / n:.3f}", "", f"{1000 * t_jio / n:.3f}"))
    return rows


def bench_xwlb(n: int, seed: int) -> list[tuple[str, ...]]:
    return [("xwlb", "todo")]


def bench_cwced() -> list[tuple[str, ...]]:
    return [("cwced", "todo")]


def _ratio(a: int | float, n: int) -> str:
    return f"{a / n:.3f} ({a})" if n else "-"


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for k, r in enumerate(rows):
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
        if k == 0:
            print("  ".join("-" * w for w in widths))
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--only", choices=["cases", "xwlb", "cwced"], default=None)
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"bench/time.py: skipped, {DATA} is absent (the shared data folder sits beside the repo)")
        return 0
    if args.only in (None, "cases"):
        print_table(bench_cases())
    if args.only in (None, "xwlb"):
        print_table(bench_xwlb(args.sample, args.seed))
    if args.only in (None, "cwced"):
        print_table(bench_cwced())
    return 0


if __name__ == "__main__":
    sys.exit(main())
