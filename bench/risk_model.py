"""Immediate-risk screen, learned half: leave-one-set-out evaluation of rules OR model (issue 14).

Usage: .venv/bin/python bench/risk_model.py [--chars/--no-chars] [--balance label|source] [--windows]
       [--rule-features] [--incident-weight W] [--c 4.0] [--threshold T] [--misses]

The model is the product's own (``safelearn.learning.engine.risk_model``), trained on the packaged sets in
``safelearn/learning/data/risk/`` with the options given (default: the shipped ``SHIPPED`` config).

Protocol (fixed 2026-12-06 05:30 UTC, before any result on the writers' sets or the shared corpus was seen):

1. Folds. Every packaged set is a fold (dev, heldout, heldout2, heldout3, heldout4 written by the team;
   w1, w2 by two other writers). Each writer file is split in two halves by id (sorted; the first
   ceil(n/2) ids, then the rest), so each writer gives two folds: w1a, w1b, w2a, w2b.
2. For each fold F: train on every other fold, score F. F is never in its own training data.
3. The threshold t is chosen ONCE from the pooled out-of-set probabilities: the largest t on the grid
   0.05, 0.10, ..., 0.95 at which the MODEL ALONE reaches pooled recall >= 0.95 (if none does, the t with the
   highest pooled recall; ties to the larger t). Model alone, because the cue rules were iterated on the
   team's five sets, so their recall there is optimistic (about 0.5 on fresh text); on the writers' folds
   the rules are fresh and the "rules only" rows there are honest.
4. The detector is rules OR model (p >= t). The per-fold table gives rules only, model only and both.
5. The model trained on every packaged set is scored at t on ../shared/corpus/dev_reports.jsonl (80 incident
   reports by other authors, label ``labels.immediate_risk``): a precision check, never training data.
6. The bar: pooled out-of-set recall of rules OR model >= 0.95 AND shared precision >= 0.5.
   ``--threshold`` overrides t for exploring only, never for a recorded figure.

Variants (``--no-chars``, ``--balance source``, ``--windows``, ``--rule-features``, ...) are each measured
by the same steps 1-6 and recorded as such in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from safelearn.learning.engine.risk import rule_score  # noqa: E402
from safelearn.learning.engine.risk_model import (  # noqa: E402
    DATA_DIR,
    SETS,
    SHIPPED,
    Example,
    ModelConfig,
    load_examples,
    train,
)

SHARED = ROOT.parent / "shared" / "corpus" / "dev_reports.jsonl"
GRID = [round(0.05 * i, 2) for i in range(1, 20)]
WRITERS = ("w1", "w2")


def folds(examples: list[Example]) -> dict[str, list[Example]]:
    out: dict[str, list[Example]] = {}
    for e in examples:
        out.setdefault(e.source, []).append(e)
    for w in WRITERS:
        if w in out:
            rows = sorted(out.pop(w), key=lambda e: e.id)
            half = math.ceil(len(rows) / 2)
            out[f"{w}a"], out[f"{w}b"] = rows[:half], rows[half:]
    return out


def tally(gold: list[bool], pred: list[bool]) -> tuple[int, int, int, int]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    return tp, fp, fn, len(gold) - tp - fp - fn


def rp(gold: list[bool], pred: list[bool]) -> tuple[float, float]:
    tp, fp, fn, _ = tally(gold, pred)
    return (tp / (tp + fn) if tp + fn else 0.0), (tp / (tp + fp) if tp + fp else 0.0)


def row(name: str, gold: list[bool], rules: list[bool], probs: list[float], t: float) -> str:
    cells = []
    for pred in (rules, [p >= t for p in probs], [r or p >= t for r, p in zip(rules, probs, strict=True)]):
        r, p = rp(gold, pred)
        cells.append(f"{r:.3f} / {p:.3f}")
    _, fp, fn, _ = tally(gold, [r or p >= t for r, p in zip(rules, probs, strict=True)])
    return f"| {name} | {len(gold)} ({sum(gold)}) | {' | '.join(cells)} | {fp} | {fn} |"


def load_shared() -> list[tuple[str, bool, str]]:
    rows = []
    for line in SHARED.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            label = rec.get("labels", {}).get("immediate_risk")
            if isinstance(label, bool):
                rows.append((rec["text"], label, str(rec.get("id", ""))))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--no-chars", action="store_true", help="word n-grams only")
    ap.add_argument("--balance", choices=["label", "source", "style"], default=SHIPPED.balance)
    ap.add_argument("--windows", action="store_true", help="also score 2-sentence windows, take the max")
    ap.add_argument("--rule-features", action="store_true", help="the cue rules' evidence as extra features")
    ap.add_argument("--incident-weight", type=float, default=SHIPPED.incident_weight)
    ap.add_argument("--factorised", action="store_true", help="sqrt(p(risk now) x p(a danger at all))")
    ap.add_argument("--c", type=float, default=SHIPPED.c)
    ap.add_argument("--sets", default=",".join(SETS), help="packaged sets to use (comma-separated)")
    ap.add_argument("--threshold", type=float, default=None, help="exploring only")
    ap.add_argument("--misses", action="store_true", help="print out-of-set misses and shared false alarms")
    args = ap.parse_args(argv)
    config = ModelConfig(
        c=args.c,
        use_chars=not args.no_chars,
        balance=args.balance,
        windows=args.windows,
        rule_features=args.rule_features,
        incident_weight=args.incident_weight,
        factorised=args.factorised,
    )
    print(f"config: {config}\ndata: {DATA_DIR} sets {args.sets}")
    examples = load_examples(sets=args.sets.split(","))
    by_fold = folds(examples)
    probs: dict[str, list[float]] = {}
    rules: dict[str, list[bool]] = {}
    for name, rows in by_fold.items():
        model = train([e for other, rs in by_fold.items() if other != name for e in rs], config)
        probs[name] = model.probabilities([e.text for e in rows])
        rules[name] = [rule_score(e.text)[0] >= 0.5 for e in rows]
    names = list(by_fold)
    gold_all = [e.label for n in names for e in by_fold[n]]
    p_all = [p for n in names for p in probs[n]]
    if args.threshold is not None:
        t, how = args.threshold, "given on the command line (exploring only)"
    else:
        ok = [x for x in GRID if rp(gold_all, [p >= x for p in p_all])[0] >= 0.95]
        if ok:
            t, how = max(ok), "largest grid t with pooled out-of-set model recall >= 0.95"
        else:
            t = max(GRID, key=lambda x: (rp(gold_all, [p >= x for p in p_all])[0], x))
            how = "no grid t reaches 0.95; t with the highest pooled recall"
    print("pooled out-of-set, model alone: t recall precision")
    for x in GRID:
        r, p = rp(gold_all, [q >= x for q in p_all])
        print(f"  {x:.2f} {r:.3f} {p:.3f}")
    print(f"threshold t = {t} ({how})\n")
    print("| fold (out of set) | n (at risk) | rules only R / P | model only R / P | rules OR model R / P | FP | FN |")
    print("| --- | ---: | --- | --- | --- | ---: | ---: |")
    for n in names:
        print(row(n, [e.label for e in by_fold[n]], rules[n], probs[n], t))
    team = [n for n in names if not n.startswith(WRITERS)]
    writers = [n for n in names if n.startswith(WRITERS)]
    for label, group in (("team sets pooled", team), ("writers' folds pooled", writers), ("all pooled", names)):
        if group:
            print(
                row(
                    f"**{label}**",
                    [e.label for n in group for e in by_fold[n]],
                    [r for n in group for r in rules[n]],
                    [p for n in group for p in probs[n]],
                    t,
                )
            )
    if args.misses:
        print("\nout-of-set misses of rules OR model:")
        for n in names:
            for e, p, r in zip(by_fold[n], probs[n], rules[n], strict=True):
                if e.label and not r and p < t:
                    print(f"  {n} {e.id} p={p:.2f} {e.text[:160]!r}")
    started = time.perf_counter()
    model = train(examples, config)
    trained = time.perf_counter() - started
    print(f"\ntraining on all {len(examples)} reports: {trained:.2f} s")
    if not SHARED.exists():
        print(f"(skipping shared: {SHARED} not found)")
        return 0
    shared = load_shared()
    started = time.perf_counter()
    sp_ = model.probabilities([t_ for t_, _, _ in shared])
    per_report = (time.perf_counter() - started) / len(shared)
    gold = [y for _, y, _ in shared]
    sr = [rule_score(t_)[0] >= 0.5 for t_, _, _ in shared]
    print(
        "| shared (other authors), model trained on all sets | n (at risk) | rules R / P | model R / P | both R / P | FP | FN |"
    )
    print(row("shared", gold, sr, sp_, t))
    print(f"model scoring: {per_report * 1000:.1f} ms per shared report")
    if args.misses:
        for (text, y, rid), p, r in zip(shared, sp_, sr, strict=True):
            if (r or p >= t) != y:
                print(f"  shared {'FP' if not y else 'FN'} {rid} p={p:.2f} rules={r} {model.top_phrases(text, 6)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
