"""Documented build commands for learned resources (written to the user data dir).

    python -m zixun.nlp.build lexicon FILE... [--part even|odd|all] [--out PATH]
    python -m zixun.nlp.build category FILE... [--holdout 0.1] [--out PATH]
    python -m zixun.nlp.build summary-weights FILE... [--part even|odd|all] [--out PATH]
    python -m zixun.nlp.build tags-model FILE... [--part even|odd|all] [--no-counts] [--out PATH]
    python -m zixun.nlp.build order-weights FILE... [--part even|odd|all] [--limit 6000] [--out PATH]

``category`` is the same as ``zixun train-category``. ``summary-weights`` fits the word
relevance model of the one-line 提示 (``zixun.nlp.spans.train_weights``) on (text, summary)
pairs: LCSTS files (``<summary>…</summary><short_text>…</short_text>`` records, ``--part``
keeps even or odd ``doc id``s) or JSON lines with ``text`` and ``summary``; it writes
``<data dir>/summary_weights.json``, which then replaces the built-in weights.
``order-weights`` fits the lead scorer of the reading-order stage
(``zixun.stages.order.LEAD_WEIGHTS``) on stories in reading order: JSON lines with
``paragraphs`` (gzip or not), datelines cut as the byline stage cuts them; it prints the
weights (and writes them to ``--out`` when given) for the built-in table.
Nothing is written into the package.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from zixun.nlp import classify, lexicon, spans, tagmodel

_LCSTS = re.compile(r"<doc id=(\d+)>.*?<summary>\s*(.*?)\s*</summary>\s*<short_text>\s*(.*?)\s*</short_text>", re.S)


def summary_pairs(files: list[Path], part: str = "all") -> list[tuple[str, str]]:
    """(text, summary) pairs from LCSTS-style files or JSON lines; ``part`` keeps even or
    odd LCSTS ids (JSON lines: even or odd line numbers)."""
    def keep(i: int) -> bool:
        return part == "all" or i % 2 == (0 if part == "even" else 1)

    out: list[tuple[str, str]] = []
    for path in files:
        raw = path.read_text(encoding="utf-8")
        if "<short_text>" in raw:
            out.extend((m.group(3), m.group(2)) for m in _LCSTS.finditer(raw) if keep(int(m.group(1))))
            continue
        for i, line in enumerate(raw.splitlines()):
            if line.strip() and keep(i):
                row = json.loads(line)
                out.append((str(row["text"]), str(row["summary"])))
    return out


def tags_model(args: argparse.Namespace) -> int:
    """``tags-model``: the headline tag model (``zixun.nlp.tagmodel``) from tagged headlines,
    written to ``<data dir>/tag_model.json`` (setting ``tag_model``) or ``--out``."""
    data = tagmodel.build(args.files, part=args.part, counts=not args.no_counts)
    out = tagmodel.save(data, args.out)
    print(f"wrote {out}: {data['headlines']} headlines, {len(data['features'])} features")  # type: ignore[arg-type]
    return 0


def ordered_stories(files: list[Path], part: str = "all", limit: int = 6000) -> list[list[str]]:
    """Stories of three or more paragraphs, in reading order, as the byline stage leaves them."""
    import gzip

    from zixun.stages.byline import strip_credit
    from zixun.text.t2s import to_simplified

    out: list[list[str]] = []
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if len(out) >= limit:
                    return out
                if not line.strip() or (part != "all" and i % 2 != (0 if part == "even" else 1)):
                    continue
                paras = [to_simplified(strip_credit(str(p)).strip()) for p in json.loads(line).get("paragraphs") or []]
                paras = [p for p in paras if p]
                if len(paras) >= 3:
                    out.append(paras)
    return out


def order_weights(args: argparse.Namespace) -> int:
    """``order-weights``: the reading-order lead scorer from stories in reading order."""
    from zixun.stages import order

    stories = ordered_stories(args.files, args.part, args.limit)
    weights = order.fit_lead_weights(stories)
    text = json.dumps({"weights": weights, "stories": len(stories), "part": args.part}, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m zixun.nlp.build", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    lx = sub.add_parser("lexicon", help="tag lexicon from tagged headlines/articles (JSON lines)")
    lx.add_argument("files", nargs="+", type=Path)
    lx.add_argument("--part", choices=("all", "even", "odd"), default="all", help="keep even/odd lines only")
    lx.add_argument("--out", type=Path, default=None)
    cat = sub.add_parser("category", help="channel classifier from labelled headlines")
    cat.add_argument("files", nargs="+", type=Path)
    cat.add_argument("--holdout", type=float, default=0.1)
    cat.add_argument("--out", type=Path, default=None)
    sw = sub.add_parser("summary-weights", help="word relevance weights of the one-line 提示 from summarised texts")
    sw.add_argument("files", nargs="+", type=Path)
    sw.add_argument("--part", choices=("all", "even", "odd"), default="all", help="keep even/odd ids only")
    sw.add_argument("--out", type=Path, default=None)
    tm = sub.add_parser("tags-model", help="headline tag model from tagged headlines (JSON lines)")
    tm.add_argument("files", nargs="+", type=Path)
    tm.add_argument("--part", choices=("all", "even", "odd"), default="all", help="keep even/odd lines only")
    tm.add_argument("--out", type=Path, default=None)
    tm.add_argument("--no-counts", action="store_true",
                    help="fit the weights only, with no string tables (how the built-in model is made)")
    ow = sub.add_parser("order-weights", help="lead scorer of the reading-order stage from ordered stories")
    ow.add_argument("files", nargs="+", type=Path)
    ow.add_argument("--part", choices=("all", "even", "odd"), default="all", help="keep even/odd lines only")
    ow.add_argument("--limit", type=int, default=6000, help="stories to learn from")
    ow.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.what == "order-weights":
        return order_weights(args)
    if args.what == "tags-model":
        return tags_model(args)
    if args.what == "summary-weights":
        pairs = summary_pairs(args.files, args.part)
        weights = spans.train_weights(pairs)
        out = args.out or spans.weights_path()
        out.parent.mkdir(parents=True, exist_ok=True)
        meta = {"files": [p.name for p in args.files], "part": args.part, "pairs": len(pairs)}
        out.write_text(json.dumps({"weights": weights, "trained_on": meta}, ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
        print(f"wrote {out}: {len(weights)} weights from {len(pairs)} pairs")
        return 0
    if args.what == "lexicon":
        data = lexicon.build(args.files, part=args.part)
        out = lexicon.save(data, args.out)
        print(f"wrote {out}: {len(data['prior'])} priors, {len(data['cooc'])} co-occurrences, "  # type: ignore[arg-type]
              f"{len(data['vocab'])} vocabulary")  # type: ignore[arg-type]
        return 0
    report = classify.train_files(args.files, out=args.out, holdout=args.holdout)
    acc = "n/a" if report.accuracy is None else f"{report.accuracy:.4f}"
    print(f"wrote {report.path}: {len(report.classes)} channels, {report.n_train} train, "
          f"{report.n_test} held out, accuracy {acc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
