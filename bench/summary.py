"""核心提示 benchmark: zixun.summarize beside the Chinese NLP anchors on LCSTS PART_III, same run.

Data: ``../shared/data/nlp/lcsts/PART_III.txt`` (1,106 Weibo news posts, human one-line
summaries). Metric: ROUGE-1/2/L F1 on characters ×100 after removing punctuation and
spaces (``[\\W_]``), averaged over posts.

Rows:
* anchors: Lead-1 (first sentence), TextRank4ZH top sentence, SnowNLP ``summary(1)``,
  JioNLP ``extract_summary`` (``summary_length`` = reference length), and the oracle best
  single sentence (by ROUGE-L); all unconstrained except JioNLP.
* zixun with the character budget set to each reference's length (the issue's target
  setting) on all posts, on the even ids and on the odd ids (held out); zixun with a
  30-character budget; ``generate_title``; zixun at the default 120-character budget.
  zixun's budget counts characters without punctuation (``zixun.nlp.spans.size``), the
  way this ROUGE counts them; the reference length is ``len(summary)`` with punctuation.

What was tuned on which half: everything was fitted or chosen on the even ids only — the
word relevance weights (``python -m zixun.nlp.build summary-weights PART_III.txt --part
even`` reproduces ``zixun.nlp.spans.TOKEN_WEIGHTS``), ``SUMMARY_RATIO``, ``LEAD_CLAUSES``
and the hand-set sentence scorer; the readability rules for clause runs (``_intact``)
were checked on the even ids only. The odd ids were only measured.

Run: ``python bench/summary.py [--no-anchors]``. Needs ``textrank4zh snownlp jionlp`` for the
anchors (missing ones are reported and skipped). Skips with a message without ../shared.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "nlp" / "lcsts" / "PART_III.txt"

from zixun.stages.summary import summarize  # noqa: E402
from zixun.stages.title import generate_title  # noqa: E402
from zixun.text.sentences import split_sentences  # noqa: E402

_PUNCT = re.compile(r"[\W_]+")
Doc = tuple[int, str, str]  # id, reference, text


def load(path: Path = DATA) -> list[Doc]:
    raw = path.read_text(encoding="utf-8")
    pat = re.compile(r"<doc id=(\d+)>.*?<summary>\s*(.*?)\s*</summary>\s*<short_text>\s*(.*?)\s*</short_text>", re.S)
    return [(int(m.group(1)), m.group(2).strip(), m.group(3).strip()) for m in pat.finditer(raw)]


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _f(hits: int, n_out: int, n_ref: int) -> float:
    if not hits or not n_out or not n_ref:
        return 0.0
    p, r = hits / n_out, hits / n_ref
    return 2 * p * r / (p + r)


def rouge(out: str, ref: str) -> tuple[float, float, float]:
    o, r = _PUNCT.sub("", out), _PUNCT.sub("", ref)
    r1 = _f(sum((Counter(o) & Counter(r)).values()), len(o), len(r))
    bo = Counter(o[i : i + 2] for i in range(len(o) - 1))
    br = Counter(r[i : i + 2] for i in range(len(r) - 1))
    r2 = _f(sum((bo & br).values()), max(0, len(o) - 1), max(0, len(r) - 1))
    return r1, r2, _f(_lcs(o, r), len(o), len(r))


def score(outs: list[str], docs: list[Doc]) -> tuple[float, float, float]:
    rows = [rouge(o, d[1]) for o, d in zip(outs, docs, strict=True)]
    n = max(1, len(rows))
    return tuple(round(100 * sum(r[i] for r in rows) / n, 2) for i in range(3))  # type: ignore[return-value]


def anchors() -> dict[str, Callable[[Doc], str]]:
    out: dict[str, Callable[[Doc], str]] = {}
    try:
        import networkx as nx
        from textrank4zh import TextRank4Sentence

        if not hasattr(nx, "from_numpy_matrix"):  # textrank4zh predates networkx 3
            nx.from_numpy_matrix = nx.from_numpy_array
        tr = TextRank4Sentence()

        def textrank(d: Doc) -> str:
            tr.analyze(text=d[2], lower=True, source="all_filters")
            top = tr.get_key_sentences(num=1)
            return str(top[0]["sentence"]) if top else ""

        out["TextRank4ZH top sentence"] = textrank
    except ImportError as exc:
        print(f"skip TextRank4ZH: {exc}", file=sys.stderr)
    try:
        from snownlp import SnowNLP

        out["SnowNLP summary(1)"] = lambda d: "".join(SnowNLP(d[2]).summary(1))
    except ImportError as exc:
        print(f"skip SnowNLP: {exc}", file=sys.stderr)
    try:
        import jionlp

        out["JioNLP extract_summary"] = lambda d: str(jionlp.summary.extract_summary(d[2], summary_length=len(d[1])))
    except ImportError as exc:
        print(f"skip JioNLP: {exc}", file=sys.stderr)
    return out


def oracle(d: Doc) -> str:
    return max(split_sentences(d[2]) or [""], key=lambda s: rouge(s, d[1])[2])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-anchors", action="store_true")
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"skip: {DATA} not found (the shared data folder is not mounted)")
        return 0
    docs = load()
    even = [d for d in docs if d[0] % 2 == 0]
    odd = [d for d in docs if d[0] % 2 == 1]
    rows: list[tuple[str, int, tuple[float, float, float], float]] = []

    def run(name: str, fn: Callable[[Doc], str], part: list[Doc]) -> None:
        t = time.perf_counter()
        outs = [fn(d) for d in part]
        rows.append((name, len(part), score(outs, part), (time.perf_counter() - t) * 1000 / max(1, len(part))))

    run("Lead-1", lambda d: (split_sentences(d[2]) or [""])[0], docs)
    if not args.no_anchors:
        for name, fn in anchors().items():
            run(name, fn, docs)
    run("oracle best single sentence", oracle, docs)
    ref_budget: Callable[[Doc], str] = lambda d: summarize(d[2], max_chars=len(d[1]))  # noqa: E731
    run("zixun, budget = reference length", ref_budget, docs)
    run("zixun, budget = reference length, even ids", ref_budget, even)
    run("zixun, budget = reference length, odd ids (held out)", ref_budget, odd)
    run("zixun, budget 30", lambda d: summarize(d[2], max_chars=30), docs)
    run("zixun generate_title (≤ 30)", lambda d: generate_title(d[2]), docs)
    run("zixun, default budget 120", lambda d: summarize(d[2]), docs)
    print(f"LCSTS PART_III: ROUGE F1 on characters ×100, punctuation removed ({len(docs)} posts)\n")
    print(f"| {'system':<55} | {'n':>5} | {'R-1':>6} | {'R-2':>6} | {'R-L':>6} | {'ms/doc':>6} |")
    print(f"|{'-' * 57}|{'-' * 7}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 8}|")
    for name, n, (r1, r2, rl), ms in rows:
        print(f"| {name:<55} | {n:>5} | {r1:>6.2f} | {r2:>6.2f} | {rl:>6.2f} | {ms:>6.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
