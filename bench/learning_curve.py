"""Learning curve: held-out macro-F1 as an organisation's confirmed reports grow 0 -> 50 -> 200 -> 1,000.

Usage: .venv/bin/python bench/learning_curve.py [--repeats 3] [--test 600]   (from the repository root)

Confirmed reports come from bench/confirmed_style.py (one organisation's terse, abbreviated style; not the
seed generator). A held-out test set and the training pools are drawn from that generator with different
random seeds; pools are nested prefixes (the first 50 of the 200, ...). For each size the model is trained on
the real cold start (the generated seeds plus the hand-written seed voices, ``load_cold_start_records``, exactly
what retraining adds) + the pool, once with retraining's weighting (cold-start rows weighted down by
``safelearn.learning.training.seed_weight``) and once unweighted (every example 1, the old behaviour).
Prints a Markdown table: macro-F1 per field, mean over ``--repeats`` pool draws (min-max in brackets).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from confirmed_style import generate  # noqa: E402

from safelearn.learning.engine.data import load_cold_start_records  # noqa: E402
from safelearn.learning.engine.suggester import Suggester  # noqa: E402

FIELDS = ["incident_type", "service_area", "outcome"]
SIZES = [0, 50, 200, 1000]


def _scores(model: Suggester, test: list[dict[str, Any]]) -> dict[str, float]:
    from sklearn.metrics import f1_score

    sugg = model.suggest_many([r["text"] for r in test])
    return {
        f: float(
            f1_score([r["labels"][f] for r in test], [getattr(s, f) for s in sugg], average="macro", zero_division=0)
        )
        for f in FIELDS
    }


def _fit_unweighted(pool: list[dict[str, Any]], seeds: list[dict[str, Any]]) -> Suggester:
    rows = pool + seeds
    return Suggester().fit([r["text"] for r in rows], {f: [r["labels"].get(f) for r in rows] for f in FIELDS})


def main() -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()  # training.py imports the Django models
    from safelearn.learning.training import fit_weighted, seed_weight

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3, help="pool draws per size (default 3)")
    ap.add_argument("--test", type=int, default=600, help="held-out test reports (default 600)")
    args = ap.parse_args()
    seeds = load_cold_start_records()
    for conventions in (False, True):
        title = "local conventions differ from the seeds" if conventions else "same coding conventions as the seeds"
        print(f"\n### {title}\n")
        _curve(seeds, args.test, args.repeats, conventions, fit_weighted, seed_weight)
    return 0


def _curve(
    seeds: list[dict[str, Any]], n_test: int, repeats: int, conventions: bool, fit_weighted: Any, seed_weight: Any
) -> None:
    test = generate(n_test, seed=999, conventions=conventions)
    pools = [generate(max(SIZES), seed=r + 1, training=True, conventions=conventions) for r in range(repeats)]
    results: dict[tuple[int, str], list[dict[str, float]]] = {}
    t0 = time.perf_counter()
    for n in SIZES:
        for r, full in enumerate(pools):
            pool = full[:n]
            if n == 0 and r > 0:  # seeds only: identical for every draw
                continue
            results.setdefault((n, "weighted"), []).append(_scores(fit_weighted(pool, FIELDS, seeds), test))
            if n:
                results.setdefault((n, "unweighted"), []).append(_scores(_fit_unweighted(pool, seeds), test))
        print(f"  size {n} done ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)

    print(
        f"Held-out: {len(test)} generated reports; cold-start rows (seeds + voices): {len(seeds)}; pool draws: {repeats}\n"
    )
    print("| confirmed | seed weight | training | " + " | ".join(FIELDS) + " | mean |")
    print("|---:|---:|---|" + "---:|" * (len(FIELDS) + 1))
    for n in SIZES:
        for mode in ("weighted", "unweighted"):
            runs = results.get((n, mode))
            if not runs:
                continue
            cells = []
            for f in FIELDS:
                vals = [run[f] for run in runs]
                rng = f" ({min(vals):.2f}-{max(vals):.2f})" if len(vals) > 1 else ""
                cells.append(f"{statistics.mean(vals):.3f}{rng}")
            mean = statistics.mean(statistics.mean(run[f] for f in FIELDS) for run in runs)
            label = "seeds only" if n == 0 else mode
            w = f"{seed_weight(n):.2f}" if mode == "weighted" else "1.00"
            print(f"| {n} | {w} | {label} | " + " | ".join(cells) + f" | {mean:.3f} |")
    print(f"\nTime {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    raise SystemExit(main())
