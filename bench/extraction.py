"""Extraction benchmark: zixun beside readability-lxml, trafilatura, GNE and htmldate, in one run.

Sets (read from ``../shared/data/extraction``; the script skips with a message without them):

* ``zh-cwced`` (69 Chinese pages, 2003–2022): body, publish date, author.
* ``scrapinghub-aeb`` (181 mostly English pages): body only, a check that non-Chinese
  pages are not broken.

Metrics (the same code scores every system):

* **body F1**: bag of tokens, a token being one CJK ideograph or one run of Latin letters /
  digits (lower-cased); F1 of the multiset overlap with the gold body; mean over pages.
  ``body F1`` is over all 69 pages; ``body F1 (67)`` leaves out the two pages whose gold body
  is mostly absent from the page (``6dc2d508…``, ``b70f455d…``, see the data README).
* **date (day)**: share of the 51 pages whose gold has at least a full day on which the
  system's publish date has the same calendar day (dates read as +08:00). zixun's date is the
  full pipeline's ``article.published.at``.
* **author**: share of the 50 pages with known gold authors on which *every* gold name (gold
  split on spaces / 、 / ，, brackets and parenthesised aliases dropped) occurs, after width and
  case folding, inside one of the system's author fields: for zixun ``byline.reporters`` +
  ``byline.outlet`` + ``byline.editor``; for the anchors their one author string. ``UNKNOWN``
  and empty gold pages are excluded.
* **pages/CPU-s**: pages divided by ``time.process_time()`` spent in the system's call on the
  zh-cwced pages, after one warm-up call. Anchors get the page already decoded (by zixun's
  decoder, outside the timer); zixun is timed from raw bytes: decoding, parsing and the
  extraction stages (extract, byline, clean, published, title). The full pipeline's rate
  (with summary, tags, category) is printed under the table.

Run: ``python bench/extraction.py [--set zh|en|all] [--show-worst N] [--per-page N] [--newspaper]``.
``--per-page N`` lists the N pages where zixun trails the better of readability and
trafilatura most, with zixun's precision and recall (the diagnostic behind issue #3).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "extraction"
MISMATCHED = ("6dc2d508", "b70f455d")

_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[a-z0-9]+")
_DAY = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(unicodedata.normalize("NFKC", text or "").lower()))


def body_pr(pred: str | None, gold: str) -> tuple[float, float]:
    """(precision, recall) of the token bags, for the per-page listing."""
    p, g = tokens(pred or ""), tokens(gold)
    overlap = sum((p & g).values())
    return overlap / max(1, sum(p.values())), overlap / max(1, sum(g.values()))


def body_f1(pred: str | None, gold: str) -> float:
    p, g = tokens(pred or ""), tokens(gold)
    if not p or not g:
        return 0.0
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    prec, rec = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def day_of(value: str | None) -> str | None:
    if not value:
        return None
    m = _DAY.search(value)
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}"


def fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).lower())


def gold_names(raw: str) -> list[str]:
    raw = re.sub(r"[（(][^）)]*[）)]", " ", raw)
    return [fold(n) for n in re.split(r"[\s、，,]+", raw) if n.strip()]


def author_ok(pred_fields: list[str], names: list[str]) -> bool:
    fields = [fold(f) for f in pred_fields if f]
    return bool(names) and all(any(n in f for f in fields) for n in names)


@dataclass
class Case:
    id: str
    data: bytes
    text: str
    gold_body: str
    gold_day: str | None = None
    gold_authors: list[str] = field(default_factory=list)


@dataclass
class Result:
    body: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    cpu: float | None = None  # CPU seconds of the extraction part, when the call did more
    cpu_all: float | None = None


def decode_for_anchor(data: bytes) -> str:
    from zixun.read.decode import decode

    return decode(data)[0]


def load_zh() -> list[Case]:
    root = DATA / "zh-cwced"
    cases = []
    for path in sorted((root / "original").glob("*.html")):
        stem = path.stem
        data = path.read_bytes()
        gold = (root / "cleaned" / f"{stem}.txt").read_text(encoding="utf-8")
        date_raw = (root / "date" / f"{stem}.txt").read_text(encoding="utf-8").strip()
        m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", date_raw)
        gold_day = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None
        author_raw = (root / "author" / f"{stem}.txt").read_text(encoding="utf-8").strip()
        authors = [] if not author_raw or author_raw.upper() in ("UNKNOWN", "UNKNWON") else gold_names(author_raw)
        cases.append(Case(stem, data, decode_for_anchor(data), gold, gold_day, authors))
    return cases


def load_en() -> list[Case]:
    root = DATA / "scrapinghub-aeb"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    cases = []
    for key, rec in sorted(truth.items()):
        data = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        cases.append(Case(key, data, data.decode("utf-8", errors="replace"), rec["articleBody"]))
    return cases


# --- systems -------------------------------------------------------------------------------


EXTRACTION_STAGES = ("extract", "byline", "clean", "published", "title")


def run_zixun(case: Case) -> Result:
    """The full pipeline; ``cpu`` counts decoding, parsing and the extraction stages only
    (summary, tags and category are features the anchors do not have)."""
    from zixun.model import Article
    from zixun.pipeline import STAGES
    from zixun.read.page import load_page

    t0 = time.process_time()
    cpu = 0.0
    try:
        page = load_page(case.data, source=case.id)
        cpu += time.process_time() - t0
        art = Article(source_name=case.id)
        for name, stage in STAGES:
            t1 = time.process_time()
            stage(art, page)
            if name in EXTRACTION_STAGES:
                cpu += time.process_time() - t1
    except Exception:  # an EmptyInput drop counts as an empty result
        return Result(body="", cpu=cpu or None, cpu_all=time.process_time() - t0)
    b = art.byline
    return Result(
        body=art.text,
        date=art.published.at,
        authors=[*b.reporters, b.outlet or "", b.editor or ""],
        cpu=cpu,
        cpu_all=time.process_time() - t0,
    )


def run_readability(case: Case) -> Result:
    import lxml.html
    from readability import Document

    html = Document(case.text).summary(html_partial=True)
    return Result(body=lxml.html.fromstring(html).text_content() if html.strip() else "")


def run_trafilatura(case: Case) -> Result:
    import trafilatura

    doc = trafilatura.bare_extraction(case.text, with_metadata=True, favor_precision=False)
    if doc is None:
        return Result(body="")
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    return Result(body=get("text") or "", date=get("date"), authors=[get("author") or ""])


_GNE: Any = None


def run_gne(case: Case) -> Result:
    global _GNE
    if _GNE is None:
        from gne import GeneralNewsExtractor

        _GNE = GeneralNewsExtractor()
    try:
        out = _GNE.extract(case.text)
    except Exception:
        return Result(body="")
    return Result(body=out.get("content") or "", date=out.get("publish_time"), authors=[out.get("author") or ""])


def run_htmldate(case: Case) -> Result:
    from htmldate import find_date

    try:
        return Result(date=find_date(case.text, original_date=True))
    except Exception:
        return Result()


def run_newspaper(case: Case) -> Result:
    from newspaper import Article as NArticle

    try:
        # fetch_images=False: newspaper4k otherwise downloads the page's images to size them,
        # which blocks on DNS without a network and is no part of text extraction
        a = NArticle("http://example.com/", language="zh" if re.search(r"[\u4e00-\u9fff]{20}", case.text) else "en",
                     fetch_images=False)
        a.download(input_html=case.text)
        a.parse()
    except Exception:
        return Result(body="")
    return Result(body=a.text, date=str(a.publish_date or ""), authors=list(a.authors))


SYSTEMS: list[tuple[str, Callable[[Case], Result], str]] = [
    ("zixun", run_zixun, "zixun"),
    ("readability", run_readability, "readability"),
    ("trafilatura", run_trafilatura, "trafilatura"),
    ("GNE", run_gne, "gne"),
    ("htmldate", run_htmldate, "htmldate"),
    ("newspaper4k", run_newspaper, "newspaper"),
]


def available(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def score(cases: list[Case], fn: Callable[[Case], Result]) -> dict[str, Any]:
    f1s: list[float] = []
    f1s_67: list[float] = []
    per_page: list[tuple[float, str]] = []
    pages: dict[str, tuple[float, float, float]] = {}
    days = authors = n_days = n_authors = 0
    cpu = cpu_all = 0.0
    gives_date = gives_author = False
    fn(cases[0])  # warm-up: imports and model loading are not per-page costs
    for case in cases:
        t0 = time.process_time()
        res = fn(case)
        spent = time.process_time() - t0
        cpu += res.cpu if res.cpu is not None else spent
        cpu_all += res.cpu_all if res.cpu_all is not None else spent
        if res.body is not None:
            f = body_f1(res.body, case.gold_body)
            f1s.append(f)
            per_page.append((f, case.id))
            pages[case.id] = (f, *body_pr(res.body, case.gold_body))
            if not case.id.startswith(MISMATCHED):
                f1s_67.append(f)
        gives_date = gives_date or res.date is not None
        gives_author = gives_author or any(res.authors)
        if case.gold_day:
            n_days += 1
            days += day_of(res.date) == case.gold_day
        if case.gold_authors:
            n_authors += 1
            authors += author_ok(res.authors, case.gold_authors)
    return {
        "f1": sum(f1s) / len(f1s) if f1s else None,
        "f1_67": sum(f1s_67) / len(f1s_67) if f1s_67 else None,
        "date": days / n_days if n_days and gives_date else None,
        "author": authors / n_authors if n_authors and gives_author else None,
        "pps": len(cases) / cpu if cpu else None,
        "pps_all": len(cases) / cpu_all if cpu_all else None,
        "worst": sorted(per_page)[:10],
        "pages": pages,
    }


def print_per_page(label: str, runs: dict[str, dict[str, tuple[float, float, float]]], n: int) -> None:
    """zixun's N pages furthest below the best anchor on body F1, with zixun's precision and
    recall: low precision means kept boilerplate, low recall dropped story."""
    z = runs.get("zixun", {})
    anchors = [name for name in ("readability", "trafilatura") if name in runs]
    rows = []
    for pid, (f, prec, rec) in z.items():
        best = max((runs[a][pid][0] for a in anchors if pid in runs[a]), default=0.0)
        rows.append((f - best, pid, f, prec, rec))
    rows.sort()
    print(f"\nper page ({label}): zixun F1 (P/R) beside " + ", ".join(anchors) + "; largest deficit first")
    for _d, pid, f, prec, rec in rows[:n]:
        cells = " ".join(f"{a}={runs[a][pid][0]:.2f}" for a in anchors if pid in runs[a])
        print(f"  {pid[:10]}  zixun={f:.2f} (P={prec:.2f} R={rec:.2f})  {cells}")


def fmt(v: float | None, ratio_to: float | None = None, digits: int = 3) -> str:
    if v is None:
        return "—"
    s = f"{v:.{digits}f}" if digits else f"{v:.0f}"
    return s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("zh", "en", "all"), default="all")
    ap.add_argument("--show-worst", type=int, default=0, help="list zixun's N lowest body F1 pages")
    ap.add_argument("--per-page", type=int, default=0, metavar="N",
                    help="list the N pages where zixun's body F1 is furthest below readability/trafilatura")
    ap.add_argument("--newspaper", action="store_true",
                    help="also run newspaper4k (optional; seconds per page on table-heavy pages)")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (the shared development data is not mounted); nothing to measure")
        return 0
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)
    wanted = [(n, f, m) for n, f, m in SYSTEMS if n != "newspaper4k" or args.newspaper]
    systems = [(name, fn) for name, fn, mod in wanted if available(mod)]
    missing = [name for name, _fn, mod in wanted if not available(mod)]
    if not args.newspaper:
        missing.append("newspaper4k (pass --newspaper to run it)")
    rows: dict[str, dict[str, Any]] = {}
    pages: dict[str, dict[str, dict[str, tuple[float, float, float]]]] = {"zh": {}, "en": {}}
    if args.set in ("zh", "all"):
        zh = load_zh()
        for name, fn in systems:
            rows[name] = score(zh, fn)
            pages["zh"][name] = rows[name]["pages"]
    if args.set in ("en", "all"):
        en = load_en()
        for name, fn in systems:
            if name == "htmldate":
                continue
            r = score(en, fn)
            rows.setdefault(name, {})["en_f1"] = r["f1"]
            pages["en"][name] = r["pages"]
            if name == "zixun":
                rows[name]["en_worst"] = r["worst"]
    cols = [
        ("body F1", "f1", 3),
        ("body F1 (67)", "f1_67", 3),
        ("date (day)", "date", 3),
        ("author", "author", 3),
        ("pages/CPU-s", "pps", 0),
        ("EN body F1", "en_f1", 3),
    ]
    z = rows.get("zixun", {})
    print(f"{'system':<13}" + "".join(f"{c[0]:>14}" for c in cols))
    for name, r in rows.items():
        print(f"{name:<13}" + "".join(f"{fmt(r.get(k), digits=d):>14}" for _h, k, d in cols))
    print()
    print("zixun ÷ anchor (ratio of the same column; > 1 means zixun is higher)")
    for name, r in rows.items():
        if name == "zixun":
            continue
        cells = []
        for _h, k, _d in cols:
            a, b = z.get(k), r.get(k)
            cells.append(f"{a / b:.2f}" if a is not None and b else "—")
        print(f"{'÷ ' + name:<13}" + "".join(f"{c:>14}" for c in cells))
    if z.get("pps_all"):
        print(f"\nzixun pages/CPU-s counts decoding + extract/byline/clean/published/title; "
              f"with summary, tags and category too: {z['pps_all']:.0f}")
    if missing:
        print(f"\nnot run: {', '.join(missing)}")
    if args.show_worst:
        print("\nzixun lowest body F1 (zh):", ", ".join(f"{i[:8]}={f:.2f}" for f, i in z.get("worst", [])[: args.show_worst]))
        if "en_worst" in z:
            print("zixun lowest body F1 (en):", ", ".join(f"{i[:8]}={f:.2f}" for f, i in z["en_worst"][: args.show_worst]))
    if args.per_page:
        for label, runs in pages.items():
            if runs.get("zixun"):
                print_per_page(label, runs, args.per_page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
