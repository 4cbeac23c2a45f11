"""Documented build commands for learned resources (written to the user data dir).

    python -m zixun.nlp.build lexicon FILE... [--part even|odd|all] [--out PATH]
    python -m zixun.nlp.build category FILE... [--holdout 0.1] [--out PATH]

``category`` is the same as ``zixun train-category``. Nothing is written into the package.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zixun.nlp import classify, lexicon


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
    args = ap.parse_args(argv)
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
