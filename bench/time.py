"""Time-engine benchmark: zixun.timeparse beside the anchor JioNLP, in the same run.

Three parts, one table each, printed together:

1. ``nlp/time/jionlp_cases.json`` (427 expressions with JioNLP's expected answers).
   How we compare: a case agrees when the start and the inclusive end both equal the expected
   ones to the second. zixun's answer is the longest match in the text; for a point its end is
   the end of its calendar unit (``TimeMatch.last``); open ends (``TimeMatch.open``) are "-inf"/"inf".
   Durations (time_delta) are parsed with ``parse_duration`` and agree when the unit dict (or
   low/high pair) is equal. Periods (每年…) are parsed with ``parse_periods`` and agree when the
   step and the first occurrence's [start, end] are equal (JioNLP's "string" field is not compared;
   where a case asks for several occurrences, ``period_results_num``, every one must be equal). A base given
   as parts ({"year": 2019, "month": 9}) is passed as the start of its finest part together with
   ``base_precision``. Column ``past`` is zixun's news default (a date without its year or week is
   the most recent one not after the base); column ``none`` fills from the base as JioNLP does;
   "past bias differs" counts the cases ``none`` gets and ``past`` deliberately does not. The 8
   cases JioNLP runs with ``ret_future`` are run with ``bias="future"`` in both columns. Speed is
   a separate loop over the same texts and bases (durations left out), best of 3 rounds.
2. xwlb (CCTV 新闻联播 2012–2019): publish day inferred from title + paragraphs, base time =
   true date + 0–30 days (seeded), and = true date as a second column, and with no base time at
   all (the year must come from the text, as for the seed page: the hardest case).
   JioNLP's row uses its ``extract_time`` on the same text: the latest day-level point not after
   the base. A guess counts for the day metrics only at day precision.
3. zh-cwced pages with a gold date: the gold cleaned body (no date line, no metadata) as text;
   and, as a different question, the whole raw page through ``zixun.extract``.

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


UNITS = ("year", "month", "day", "hour", "minute", "second")


def case_base(raw: Any) -> tuple[datetime | None, Any, str]:
    """(zixun base, JioNLP base, how much of the base is known) from a case's ``base``.

    A base given as parts ({"year": 2019, "month": 9}) is known to its finest part: zixun gets the
    start of that unit and ``base_precision`` (JioNLP treats the missing parts as unknown too)."""
    if raw is None:
        return None, None, "second"
    if raw == "now":
        now = datetime.now(CST).replace(microsecond=0)
        return now, time.time(), "second"
    if isinstance(raw, str):
        dt = datetime.fromisoformat(raw)
        return dt, dt.timestamp(), "second"
    parts = {k: raw.get(k, d) for k, d in (("year", 1), ("month", 1), ("day", 1), ("hour", 0), ("minute", 0), ("second", 0))}
    known = [u for u in UNITS if u in raw]
    return datetime(tzinfo=CST, **parts), raw, known[-1] if known else "second"


def zixun_answer(text: str, base: datetime | None, bias: str, typ: str, base_precision: str = "second",
                 options: dict[str, Any] | None = None) -> Any:
    from zixun.timeparse import parse_times
    from zixun.timeparse.durations import parse_duration

    if typ == "time_delta":
        return parse_duration(text)
    if typ == "time_period":
        from zixun.timeparse import parse_periods

        count = int((options or {}).get("period_results_num", 1))
        periods = parse_periods(text, base, occurrences=count)
        if not periods:
            return None
        p = periods[0]
        first: Any = [p.first.start.strftime(FMT), p.first.last.strftime(FMT)] if p.first else None
        if count > 1:  # JioNLP lists the next occurrences when asked for several
            first = [[t.start.strftime(FMT), t.last.strftime(FMT)] for t in p.times] or None
        return {"delta": p.step, "point": first}
    lunar = bool((options or {}).get("lunar_date", True))  # JioNLP's lunar_date=False: 四月十三 is Gregorian
    matches = parse_times(text, base, bias=bias, base_precision=base_precision, lunar=lunar)
    if not matches:
        return None
    best = max(matches, key=lambda m: (m.span[1] - m.span[0], -m.span[0]))
    if best.open == "after":
        return [best.start.strftime(FMT), "inf"]
    if best.open == "before":
        return ["-inf", best.last.strftime(FMT)]
    return [best.start.strftime(FMT), best.last.strftime(FMT)]


def agree(expected: dict[str, Any], got: Any) -> bool:
    if got is None:
        return False
    if expected["type"] == "time_period":  # the step, and the first occurrence's [start, end]
        point = expected["time"]["point"]
        want_first = point["time"] if point else None
        return bool(got["delta"] == expected["time"]["delta"] and got["point"] == want_first)
    return bool(got == expected["time"])


# Cases where zixun's "none" answer differs from JioNLP's on purpose (still counted as misses);
# shown beside the miss with BENCH_VERBOSE=1.
KNOWN_DIFFERENCES = {
    "上月最后五天": "May has 31 days: the last five are 27-31; JioNLP's 26-31 is six",
    "1000多年之后": "more than 1000 years after 2021 starts in 3021, not 3020",
    "廿一": "a lunar day of the base's lunar month (3rd: 2021-05-02); JioNLP takes Gregorian month 5 as lunar",
    "腊月18": "腊月十八 is 2022-01-20; JioNLP drops the day and answers the whole month",
    "20年小寒": "小寒 of 2020's solar year fell on 2021-01-05, not 01-06",
    "冬季": "立春 2022 is Feb 4, so winter ends Feb 3, not Feb 2",
    "4个星期之后": "之后 is open-ended, as in JioNLP's own 半年之后, 20多个月之后",
    "半年后": "half a year after June 2019 is December, not November",
    "3年半前": "3.5 years before May 2019 is November 2015, not October",
    "今后10年": "ten calendar years (to 2031-06-13), not 3650 days",
    "每个周末九点": "周末 is Saturday and Sunday: the first is Saturday 09:00; JioNLP takes Sunday",
    "8号晚上9点": "future: 2021-09-08 21:00 is still ahead of the base; JioNLP skips to October",
    "1号晚上9点": "future: 2021-09-01 21:00 is still ahead of the 15:15 base; JioNLP skips to October",
    "10月8号": "future: 2021-10-08 is still ahead of the base; JioNLP skips to 2022",
}


def bench_cases() -> list[tuple[str, ...]]:
    path = DATA / "nlp" / "time" / "jionlp_cases.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    import jionlp

    from zixun.timeparse import parse_times

    parse_times("2023年11月6日", datetime(2023, 11, 6, tzinfo=CST))  # warm both up: imports, regex
    jionlp.parse_time("2023年11月6日", time_base=time.time())  # compile and dictionary loading
    by_type: dict[str, list[int]] = {}
    misses: list[str] = []
    for c in cases:
        typ = c["expected"]["type"]
        zb, jb, zp = case_base(c["base"])
        future = bool(c["options"].get("ret_future"))
        keys = [typ, "all"] + (["blur (fuzzy words)"] if c["expected"]["definition"] == "blur" else [])
        oks = []
        for bias in ("past", "none"):
            try:
                got = zixun_answer(c["text"], zb, "future" if future else bias, typ, zp, c["options"])
            except Exception as exc:  # a crash is a miss, and is shown
                got = None
                misses.append(f"CRASH {c['text']}: {exc!r}")
            oks.append(agree(c["expected"], got))
            if bias == "none" and not oks[-1] and os.environ.get("BENCH_VERBOSE"):
                why = KNOWN_DIFFERENCES.get(c["text"])
                misses.append(f"{c['text']} | {c['base']} | want {c['expected']['time']} | got {got}"
                              + (f" | on purpose: {why}" if why else ""))
        try:
            jgot = jionlp.parse_time(c["text"], time_base=jb, **c["options"])
            jok = bool(jgot == c["expected"] or (jgot and jgot.get("time") == c["expected"]["time"]))
        except Exception:
            jok = False
        for key in keys:
            row = by_type.setdefault(key, [0, 0, 0, 0, 0])
            row[0] += 1
            row[1] += oks[0]
            row[2] += oks[1]
            row[3] += jok
            row[4] += oks[1] and not oks[0]
    for line in misses:
        print(line)
    # speed: the same texts and bases, each engine alone in a loop (3 rounds, best round)
    prepared = [(c["text"], *case_base(c["base"]), c["options"]) for c in cases if c["expected"]["type"] != "time_delta"]
    t_zx = min(_loop(lambda: [parse_times(t, zb, base_precision=zp) for t, zb, _jb, zp, _o in prepared]) for _ in range(3))
    t_jio = min(_loop(lambda: [_quiet_jionlp(jionlp, t, jb, o) for t, _zb, jb, _zp, o in prepared]) for _ in range(3))
    rows = [("jionlp_cases type", "n", "zixun past", "zixun none", "JioNLP", "past bias differs")]
    for key in ("time_point", "time_span", "time_period", "time_delta", "blur (fuzzy words)", "all"):
        r = by_type.get(key, [0, 0, 0, 0, 0])
        rows.append((key, str(r[0]), _ratio(r[1], r[0]), _ratio(r[2], r[0]), _ratio(r[3], r[0]), str(r[4])))
    n = len(prepared)
    rows.append(("ms per expression (parse only)", str(n), f"{1000 * t_zx / n:.3f}", "", f"{1000 * t_jio / n:.3f}",
                 f"zixun {t_jio / t_zx:.1f}x faster"))
    return rows


def _loop(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _quiet_jionlp(jionlp: Any, text: str, base: Any, options: dict[str, Any]) -> Any:
    try:
        return jionlp.parse_time(text, time_base=base, **options)
    except Exception:
        return None


LEAD_IN = re.compile(r"^\s*(?:央视网|中国网络电视台)消息\s*[(（]新闻联播[)）]\s*[:：]\s*")


def _xwlb_text(row: dict[str, Any]) -> tuple[str, list[str]]:
    paragraphs = [p for p in row.get("paragraphs") or [] if p and p.strip()]
    if paragraphs:
        paragraphs[0] = LEAD_IN.sub("", paragraphs[0])
    return row.get("title") or "", paragraphs


def _day_guess(guess: Any) -> Any:
    """A guess counts for the day metrics only at day precision (a month-only guess is a decline)."""
    return guess.at.date() if guess is not None and guess.precision == "day" else None


def _score(name: str, results: list[tuple[Any, Any]]) -> tuple[str, ...]:
    """results: (true date, guessed date or None) → the row of the publish-day table."""
    n = len(results)
    guessed = [(t, g) for t, g in results if g is not None]
    exact = sum(1 for t, g in guessed if g == t)
    near = sum(1 for t, g in guessed if abs((g - t).days) <= 3)
    return (name, str(n), _ratio(exact, n), _ratio(near, n), _ratio(n - len(guessed), n),
            _ratio(exact, len(guessed)) if guessed else "-")


def _jionlp_guess(title: str, paragraphs: list[str], base: datetime) -> Any:
    """Anchor: JioNLP's extract_time over the same text; the latest day-level point not after base."""
    import jionlp

    best = None
    for text in [title, *paragraphs]:
        try:
            found = jionlp.ner.extract_time(text, time_base=base.timestamp(), with_parsing=True)
        except Exception:
            continue
        for item in found:
            detail = item.get("detail") or {}
            if detail.get("type") != "time_point":
                continue
            times = detail.get("time") or []
            if len(times) != 2 or "inf" in times[0]:
                continue
            try:
                start = datetime.strptime(times[0], FMT)
                end = datetime.strptime(times[1], FMT)
            except ValueError:
                continue
            if end - start > timedelta(days=1) or start > base.replace(tzinfo=None):
                continue
            if best is None or start.date() > best:
                best = start.date()
    return best


def bench_xwlb(n: int, seed: int, with_jionlp: int = 300) -> list[tuple[str, ...]]:
    from zixun.timeparse import infer_published, parse_times

    path = DATA / "corpora" / "xwlb-2012-2019.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rng = random.Random(seed)
    sample = rng.sample(rows, min(n, len(rows)))
    shifted: list[tuple[Any, Any]] = []
    same: list[tuple[Any, Any]] = []
    nobase: list[tuple[Any, Any]] = []
    jio: list[tuple[Any, Any]] = []
    zx_sub: list[tuple[Any, Any]] = []
    t0 = time.perf_counter()
    bases = []
    for k, row in enumerate(sample):
        truth = datetime.fromisoformat(row["date"])
        title, paragraphs = _xwlb_text(row)
        base = truth + timedelta(days=rng.randint(0, 30))
        bases.append(base)
        guess = infer_published(title, paragraphs, base)
        shifted.append((truth.date(), _day_guess(guess)))
        if k < with_jionlp:
            zx_sub.append(shifted[-1])
    t_zx = time.perf_counter() - t0
    named = 0  # the ceiling: stories whose text names the true day or the day before at all
    for row, base in zip(sample, bases, strict=True):
        truth = datetime.fromisoformat(row["date"])
        title, paragraphs = _xwlb_text(row)
        guess = infer_published(title, paragraphs, truth)
        same.append((truth.date(), _day_guess(guess)))
        nobase.append((truth.date(), _day_guess(infer_published(title, paragraphs, None))))
        days = {m.start.date() for text in [title, *paragraphs] for m in parse_times(text, base)
                if m.kind != "relative" and m.precision in ("day", "hour", "minute", "second")}
        named += truth.date() in days or (truth - timedelta(days=1)).date() in days
    t0 = time.perf_counter()
    for row, base in list(zip(sample, bases, strict=True))[:with_jionlp]:
        title, paragraphs = _xwlb_text(row)
        jio.append((datetime.fromisoformat(row["date"]).date(), _jionlp_guess(title, paragraphs, base)))
    t_jio = time.perf_counter() - t0
    m = min(with_jionlp, len(sample))
    return [
        ("xwlb publish day", "n", "exact day", "within 3 days", "declined", "precision of guesses"),
        ("zixun, base = truth + 0-30 d", *_score("", shifted)[1:]),
        ("zixun, base = truth", *_score("", same)[1:]),
        ("zixun, no base time (the year from the text)", *_score("", nobase)[1:]),
        (f"zixun, first {m} of the sample", *_score("", zx_sub)[1:]),
        (f"JioNLP extract_time, same {m}", *_score("", jio)[1:]),
        ("ms per story", "", f"zixun {1000 * t_zx / max(1, len(sample)):.2f}", f"JioNLP {1000 * t_jio / max(1, m):.2f}", "", ""),
        ("ceiling: text names the day or the eve", str(len(sample)), _ratio(named, len(sample)), "", "", ""),
    ]


def bench_cwced(seed: int = 7) -> list[tuple[str, ...]]:
    from zixun.timeparse import infer_published, parse_datetime_string

    root = DATA / "extraction" / "zh-cwced"
    rng = random.Random(seed)
    shifted: list[tuple[Any, Any]] = []
    same: list[tuple[Any, Any]] = []
    for gold_path in sorted((root / "date").glob("*.txt")):
        gold = parse_datetime_string(gold_path.read_text(encoding="utf-8").strip())
        body_path = root / "cleaned" / gold_path.name
        if gold is None or gold.precision not in ("day", "hour", "minute", "second") or not body_path.exists():
            continue
        lines = [ln.strip() for ln in body_path.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
        truth = gold.start
        base = truth + timedelta(days=rng.randint(0, 30))
        g1 = infer_published(None, lines, base)
        g2 = infer_published(None, lines, truth)
        shifted.append((truth.date(), _day_guess(g1)))
        same.append((truth.date(), _day_guess(g2)))
    rows = [
        ("zh-cwced publish day", "n", "exact day", "within 3 days", "declined", "precision of guesses"),
        ("gold body only, base = truth + 0-30 d", *_score("", shifted)[1:]),
        ("gold body only, base = truth", *_score("", same)[1:]),
    ]
    full = _cwced_full_pages(root)
    if full:
        rows.append(("whole page (date lines, meta), no base", *_score("", full)[1:]))
    return rows


def _cwced_full_pages(root: Path) -> list[tuple[Any, Any]]:
    """The pipeline on the raw page: meta, date lines and URL are visible here (a different question)."""
    try:
        import zixun
        from zixun.timeparse import parse_datetime_string
    except ImportError:
        return []
    out: list[tuple[Any, Any]] = []
    for gold_path in sorted((root / "date").glob("*.txt")):
        gold = parse_datetime_string(gold_path.read_text(encoding="utf-8").strip())
        page = root / "original" / (gold_path.stem + ".html")
        if gold is None or gold.precision not in ("day", "hour", "minute", "second") or not page.exists():
            continue
        try:
            article = zixun.extract(page.read_bytes(), source=str(page))
        except Exception:
            out.append((gold.start.date(), None))
            continue
        at = article.published.at
        out.append((gold.start.date(), datetime.fromisoformat(at).date() if at else None))
    return out


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
        print_table(bench_cwced(args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
