"""Category benchmark: zixun's channel classifier beside a TF-IDF + logistic regression baseline.

Data (headlines with channel labels): ``nlp/tnews/dev.json`` (15 channels), ``recommend/
thucnews/{dev,test}.txt`` (10), ``recommend/toutiao10pct/toutiao_test.txt`` (15). Each set is
deduplicated by headline (Toutiao repeats 3,488 titles; a repeat on both sides would
flatter everyone), shuffled with a fixed seed and split 80/20; every system trains on the
80 and is scored on the same 20. Rows: zixun's complement naive Bayes
(``zixun.nlp.classify``, pure Python, what ``zixun train-category`` builds); scikit-learn
TF-IDF over character 1–2-grams + LogisticRegression (the baseline, bench-only dependency);
and zixun's built-in cue-word vote with no model (the fallback; "none" counts as wrong).

Run: ``python bench/category.py [--seed 13]``. Skips sets that are missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
os.environ["ZIXUN_CATEGORY_MODEL"] = os.devnull  # the fallback row must not see a user model

from zixun.nlp.classify import NaiveBayes, accuracy, split  # noqa: E402
from zixun.nlp.labels import read_labelled  # noqa: E402
from zixun.stages.category import cue_vote  # noqa: E402

SETS = {
    "TNEWS dev": ["nlp/tnews/dev.json"],
    "THUCNews dev+test": ["recommend/thucnews/dev.txt", "recommend/thucnews/test.txt"],
    "Toutiao 10%": ["recommend/toutiao10pct/toutiao_test.txt"],
}


def dedupe(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for text, label in pairs:
        if text not in seen:
            seen.add(text)
            out.append((text, label))
    return out


def baseline(train: list[tuple[str, str]], test: list[tuple[str, str]]) -> tuple[float, float]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    t = time.perf_counter()
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True)
    x = vec.fit_transform([s for s, _ in train])
    clf = LogisticRegression(max_iter=2000, C=10.0).fit(x, [y for _, y in train])
    secs = time.perf_counter() - t
    pred = clf.predict(vec.transform([s for s, _ in test]))
    return sum(p == y for p, (_, y) in zip(pred, test, strict=True)) / len(test), secs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    print("Channel accuracy on a held-out 20% (deduplicated headlines, same split for every system)\n")
    print(f"| {'set':<18} | {'train':>6} | {'test':>5} | {'zixun CNB':>9} | {'TF-IDF+LR':>9} | {'fallback':>8} "
          f"| {'zixun train s':>13} | {'LR train s':>10} | {'zixun /s':>8} |")
    print(f"|{'-' * 20}|{'-' * 8}|{'-' * 7}|{'-' * 11}|{'-' * 11}|{'-' * 10}|{'-' * 15}|{'-' * 12}|{'-' * 10}|")
    for name, rels in SETS.items():
        paths = [DATA / r for r in rels]
        if not all(p.is_file() for p in paths):
            print(f"| {name:<18} | skipped: {', '.join(str(p) for p in paths if not p.is_file())} not found")
            continue
        pairs = dedupe([pair for p in paths for pair in read_labelled(p)])
        train, test = split(pairs, 0.2, args.seed)
        t = time.perf_counter()
        model = NaiveBayes.train(train)
        nb_secs = time.perf_counter() - t
        t = time.perf_counter()
        acc = accuracy(model, test)
        speed = len(test) / (time.perf_counter() - t)
        lr_acc, lr_secs = baseline(train, test)
        fb = sum(cue_vote("", title=s) == y for s, y in test) / len(test)
        print(f"| {name:<18} | {len(train):>6} | {len(test):>5} | {acc:>9.4f} | {lr_acc:>9.4f} | {fb:>8.4f} "
              f"| {nb_secs:>13.1f} | {lr_secs:>10.1f} | {speed:>8.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
