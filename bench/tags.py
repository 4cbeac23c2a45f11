"""Tag benchmark: zixun.tag beside jieba, TextRank4ZH and SnowNLP keywords on TNEWS, same run.

Data: ``../shared/data/nlp/tnews/dev.json`` (4,928 Toutiao headlines; the 3,550 with human
keywords are scored). Each system sees the headline only and returns at most 5 tags.
Metric per headline, averaged: precision = hits / tags returned, recall = hits / gold
keywords, F1 of the two; exact string match, and "lenient" where a tag and a gold keyword
match when one contains the other.

zixun rows: the default (no file installed: the built-in headline model, whose weights were
fit on the **even** lines with no string tables, ``tags-model --part even --no-counts``) on the
odd lines (held out) and on all lines; the rules alone (setting ``tag_model=none``, the
hand-written entity table, no lexicon) on all headlines and on the odd lines; and with a lexicon learned at run time from the **even**
lines only (``zixun.nlp.lexicon.build(..., part="even")``, written to a temporary file,
never the repository), scored on the **odd** lines (held out); and with the learned headline
tag model (``zixun.nlp.tagmodel``, what ``python -m zixun.nlp.build tags-model FILE --part
even`` writes) built at run time from the even lines and scored on the odd lines (the headline
figure), built from the odd lines and scored on the even lines, and the two together as a
2-fold figure over the whole file (every headline scored by a model that never saw it). The
model's design and its few settings were chosen inside the even half (fit on lines ≡ 0 mod 4,
scored on lines ≡ 2 mod 4); the odd lines were not used for tuning. Speed is headlines/second
after warm-up, one process.

A second table scores whole articles (title + body, 5 tags): every 20th story of the CCTV
corpus (``../shared/data/corpora/xwlb-2012-2019.jsonl.gz``) that has editors' tags, the default
beside the rules alone and jieba TF-IDF on the same text. Caveat: 87 % of those tags are words
of the title, so this checks that the headline model does not hurt articles more than it
measures article tagging.

Two ceiling rows (not systems) say what a headline allows: every gold keyword that occurs in
the headline, and nothing else (a perfect picker of headline words). ``--curve`` adds the
learning curve of the learned model: fit on 1/8, 1/4, 1/2 and all of the even lines, scored
on the odd lines.

Run: ``python bench/tags.py [--no-anchors] [--curve]``. Skips with a message without ../shared.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "nlp" / "tnews" / "dev.json"
XWLB = ROOT.parent / "shared" / "data" / "corpora" / "xwlb-2012-2019.jsonl.gz"
os.environ["ZIXUN_TAG_LEXICON"] = os.devnull  # no user lexicon or model unless this script builds one
os.environ["ZIXUN_TAG_MODEL"] = "none"

from zixun.nlp import lexicon, tagmodel  # noqa: E402
from zixun.stages.tags import tag  # noqa: E402

Item = tuple[int, str, list[str]]  # line number, headline, gold keywords


def load(path: Path = DATA) -> list[Item]:
    out: list[Item] = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        d = json.loads(line)
        gold = [k for k in str(d.get("keywords") or "").split(",") if k]
        if gold:
            out.append((i, str(d["sentence"]), gold))
    return out


def prf(preds: list[list[str]], items: list[Item], *, lenient: bool = False) -> tuple[float, float, float]:
    p_sum = r_sum = f_sum = 0.0
    for pred, (_i, _s, gold) in zip(preds, items, strict=True):
        pred = pred[:5]
        if lenient:
            hp = sum(1 for x in pred if any(x in g or g in x for g in gold))
            hr = sum(1 for g in gold if any(x in g or g in x for x in pred))
        else:
            hp = hr = len(set(pred) & set(gold))
        p = hp / len(pred) if pred else 0.0
        r = hr / len(gold)
        p_sum, r_sum, f_sum = p_sum + p, r_sum + r, f_sum + (2 * p * r / (p + r) if p + r else 0.0)
    n = max(1, len(items))
    return round(p_sum / n, 3), round(r_sum / n, 3), round(f_sum / n, 3)


def anchors() -> dict[str, Callable[[str], list[str]]]:
    out: dict[str, Callable[[str], list[str]]] = {}
    import jieba
    import jieba.analyse as ja

    jieba.setLogLevel(60)
    nouns = ("n", "nr", "ns", "nt", "nz", "nw", "vn", "eng")
    out["jieba TF-IDF, nouns/entities only"] = lambda s: list(ja.extract_tags(s, topK=5, allowPOS=nouns))
    out["jieba TF-IDF"] = lambda s: list(ja.extract_tags(s, topK=5))
    try:
        import networkx as nx
        from textrank4zh import TextRank4Keyword

        if not hasattr(nx, "from_numpy_matrix"):  # textrank4zh predates networkx 3
            nx.from_numpy_matrix = nx.from_numpy_array
        tw = TextRank4Keyword()

        def textrank4zh(s: str) -> list[str]:
            tw.analyze(text=s, lower=True, window=2)
            return [str(k.word) for k in tw.get_keywords(5, word_min_len=2)]

        out["TextRank4ZH keywords"] = textrank4zh
    except ImportError as exc:
        print(f"skip TextRank4ZH: {exc}", file=sys.stderr)
    out["jieba TextRank"] = lambda s: list(ja.textrank(s, topK=5))
    try:
        from snownlp import SnowNLP

        out["SnowNLP keywords"] = lambda s: list(SnowNLP(s).keywords(5))
    except ImportError as exc:
        print(f"skip SnowNLP: {exc}", file=sys.stderr)
    return out


def articles(with_anchor: bool) -> None:
    """The article table (see the module docstring)."""
    import gzip

    if not XWLB.is_file():
        print(f"\nskip the article table: {XWLB} not found")
        return
    stories: list[tuple[str, str, list[str]]] = []
    with gzip.open(XWLB, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 20 == 0:
                d = json.loads(line)
                if d.get("tags") and d.get("paragraphs"):
                    stories.append((str(d["title"]), "\n".join(d["paragraphs"]), [str(t) for t in d["tags"]]))
    items: list[Item] = [(i, t, g) for i, (t, _b, g) in enumerate(stories)]
    systems: list[tuple[str, Callable[[str, str], list[str]], str]] = []
    if with_anchor:
        import jieba.analyse as ja

        nouns = ("n", "nr", "ns", "nt", "nz", "nw", "vn", "eng")
        systems.append(("jieba TF-IDF, nouns/entities only", lambda t, b: list(ja.extract_tags(t + "\n" + b, topK=5,
                                                                                                allowPOS=nouns)), "none"))
    systems.append(("zixun rules alone", lambda t, b: tag(b, title=t, k=5), "none"))
    systems.append(("zixun default (built-in headline model + rules)", lambda t, b: tag(b, title=t, k=5),
                    os.path.join(os.devnull, "absent")))
    print(f"\nCCTV stories, title + body, 5 tags ({len(stories)} stories with editors' tags)\n")
    print(f"| {'system':<48} | {'F1@5':>5} | {'lenient F1':>10} | {'stories/s':>9} |")
    print(f"|{'-' * 50}|{'-' * 7}|{'-' * 12}|{'-' * 11}|")
    for name, fn, model in systems:
        os.environ["ZIXUN_TAG_MODEL"] = model
        fn(stories[0][0], stories[0][1])
        t0 = time.perf_counter()
        preds = [fn(t, b) for t, b, _g in stories]
        speed = len(stories) / (time.perf_counter() - t0)
        print(f"| {name:<48} | {prf(preds, items)[2]:>5.3f} | {prf(preds, items, lenient=True)[2]:>10.3f} | {speed:>9.0f} |")
    os.environ["ZIXUN_TAG_MODEL"] = "none"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-anchors", action="store_true")
    ap.add_argument("--curve", action="store_true", help="also the learning curve of the learned model")
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"skip: {DATA} not found (the shared data folder is not mounted)")
        return 0
    items = load()
    odd = [it for it in items if it[0] % 2 == 1]
    rows: list[tuple[str, list[Item], list[list[str]], float]] = []

    def run(name: str, fn: Callable[[str], list[str]], part: list[Item]) -> None:
        fn(part[0][1])  # warm-up (dictionaries load once)
        t = time.perf_counter()
        preds = [fn(s) for _i, s, _g in part]
        rows.append((name, part, preds, len(part) / (time.perf_counter() - t)))

    if not args.no_anchors:
        for name, fn in anchors().items():
            run(name, fn, items)
    zixun: Callable[[str], list[str]] = lambda s: tag("", title=s, k=5)  # noqa: E731
    lexicon.load.cache_clear()
    os.environ["ZIXUN_TAG_MODEL"] = os.path.join(os.devnull, "absent")  # no file: the built-in model
    run("zixun default (built-in model, fit on even lines), odd lines (held out)", zixun, odd)
    run("zixun default (built-in model), all lines", zixun, items)
    os.environ["ZIXUN_TAG_MODEL"] = "none"
    run("zixun rules alone, all lines", zixun, items)
    run("zixun rules alone, odd lines", zixun, odd)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lexicon.json"
        lexicon.save(lexicon.build([DATA], part="even"), path)
        os.environ["ZIXUN_TAG_LEXICON"] = str(path)
        lexicon.load.cache_clear()
        run("zixun, lexicon from even lines, odd lines (held out)", zixun, odd)
        os.environ["ZIXUN_TAG_LEXICON"] = os.devnull
        lexicon.load.cache_clear()
        even = [it for it in items if it[0] % 2 == 0]
        for fit, score in (("even", odd), ("odd", even)):
            path = Path(tmp) / f"tag_model_{fit}.json"
            tagmodel.save(tagmodel.build([DATA], part=fit), path)
            os.environ["ZIXUN_TAG_MODEL"] = str(path)
            run(f"zixun, tag model from {fit} lines, {'odd' if fit == 'even' else 'even'} lines (held out)", zixun, score)
        os.environ["ZIXUN_TAG_MODEL"] = "none"
        (_n1, p1, r1, s1), (_n2, p2, r2, s2) = rows[-2:]
        both = sorted(zip(p1 + p2, r1 + r2, strict=True))
        speed = (len(p1) + len(p2)) / (len(p1) / s1 + len(p2) / s2)
        rows.append(("zixun, tag model, all lines 2-fold (each half held out)", [b[0] for b in both],
                     [b[1] for b in both], speed))
        if args.curve:
            lines = [line for i, line in enumerate(DATA.read_text(encoding="utf-8").splitlines()) if i % 2 == 0]
            for share in (8, 4, 2):
                path = Path(tmp) / f"even_{share}.json"
                path.write_text("\n".join(lines[::share]) + "\n", encoding="utf-8")
                model = tagmodel.build([path])
                tagmodel.save(model, Path(tmp) / "curve.json")
                os.environ["ZIXUN_TAG_MODEL"] = str(Path(tmp) / "curve.json")
                run(f"zixun, tag model from 1/{share} of the even lines ({model['headlines']}), odd lines", zixun, odd)
            os.environ["ZIXUN_TAG_MODEL"] = "none"
    for name, part in (("ceiling: the gold keywords found in the headline, all lines", items),
                       ("ceiling: the gold keywords found in the headline, odd lines", odd)):
        rows.append((name, part, [[g for g in gold if g in s] for _i, s, gold in part], 0.0))
    print(f"TNEWS dev: keyword tags from the headline, at most 5 ({len(items)} headlines with keywords)\n")
    w = max(len(r[0]) for r in rows)
    print(f"| {'system':<{w}} | {'n':>5} | {'P@5':>5} | {'R@5':>5} | {'F1@5':>5} | {'lenient F1':>10} | {'avg tags':>8} | {'per s':>7} |")
    print(f"|{'-' * (w + 2)}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 12}|{'-' * 10}|{'-' * 9}|")
    for name, part, preds, speed in rows:
        p, r, f = prf(preds, part)
        lf = prf(preds, part, lenient=True)[2]
        avg = sum(len(x[:5]) for x in preds) / max(1, len(preds))
        per_s = f"{speed:.0f}" if speed else "—"  # a ceiling row is no system
        print(f"| {name:<{w}} | {len(part):>5} | {p:>5.3f} | {r:>5.3f} | {f:>5.3f} | {lf:>10.3f} | {avg:>8.2f} | {per_s:>7} |")
    articles(not args.no_anchors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
