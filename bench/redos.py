"""Worst-case speed of the de-identifier on adversarial text (issue 15, finding 1).

    .venv/bin/python bench/redos.py [--lengths 1000,8000] [--gold PATH] [--top N]

Runs ``redact`` on every generator of safelearn/privacy/tests/redos_inputs.py (a unit such as
"A", "A-", "Abc", "\\n" repeated to the length, then "", "\\nA", "!", "x" or "1") on one core
and prints, per generator and length: seconds, characters per second and the ratio of the
development corpus's mean characters per second to the generator's (2.0 = half the speed of real
reports). The target is a worst-case ratio of at most 5. Without the corpus (../shared/corpus/
dev_reports.jsonl) the corpus row is skipped with a notice and ratios are taken against the
built-in prose sample instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "corpus" / "dev_reports.jsonl"
TARGET = 5.0


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def best_of(fn: Callable[[], object], tries: int) -> float:
    out = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        fn()
        out = min(out, time.perf_counter() - start)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--lengths", default="1000,8000", help="comma-separated text lengths (default 1000,8000)")
    ap.add_argument("--tries", type=int, default=3, help="best of this many runs per row (default 3)")
    ap.add_argument("--top", type=int, default=0, help="print only the N slowest rows (default: all)")
    args = ap.parse_args()
    lengths = [int(x) for x in args.lengths.split(",") if x.strip()]

    sys.path.insert(0, str(ROOT))
    from safelearn.privacy.deid import redact
    from safelearn.privacy.tests.redos_inputs import cases, prose

    pin_one_core()
    redact(prose(1000))  # load the word lists

    base_label = "development corpus"
    if args.gold.exists():
        texts = [
            json.loads(line)["text"] for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()
        ]

        def corpus() -> None:
            for t in texts:
                redact(t)

        base_cps = sum(len(t) for t in texts) / best_of(corpus, args.tries)
    else:
        print(f"corpus not found at {args.gold}; skipping the corpus row, ratios are against the prose sample\n")
        base_label = "prose sample"
        n = max(lengths)
        base_cps = n / best_of(lambda: redact(prose(n)), args.tries)

    rows: list[tuple[str, int, float]] = []
    for n in lengths:
        text = prose(n)
        rows.append(("prose sample (reference)", n, best_of(lambda text=text: redact(text), args.tries)))
        for label, text in cases(n):
            rows.append((label, n, best_of(lambda text=text: redact(text), args.tries)))

    shown = sorted(rows, key=lambda r: r[2] / r[1], reverse=True)
    if args.top:
        shown = shown[: args.top]
    print(f"{base_label}: {base_cps:,.0f} chars/s (mean, one core)\n")
    print("| generator | length | seconds | chars/s | ratio to corpus mean |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, n, secs in shown:
        cps = n / secs
        print(f"| {label} | {n:,} | {secs:.4f} | {cps:,.0f} | {base_cps / cps:.2f} |")
    label, n, secs = max(rows, key=lambda r: r[2] / r[1])
    worst = base_cps / (n / secs)
    verdict = "within" if worst <= TARGET else "OVER"
    print(
        f"\nworst: {label} at {n:,} chars, {worst:.2f}x slower than the {base_label} ({verdict} the {TARGET:g}x target)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
