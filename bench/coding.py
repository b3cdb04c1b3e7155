"""Children's-services coding on unseen reports, and whether stated confidence means what it says (issue 18).

Usage: .venv/bin/python bench/coding.py [--json OUT]   (from the repository root)

Runs the seed-trained model through the ``safelearn suggest-jsonl`` code path (a fresh, throw-away model
directory so no stale cache is used) on:

* bench/data/coding_heldout.jsonl - 115 hand-labelled reports written before the engine was tuned (young
  people, parents, foster carers, residential staff, IROs, managers; long and short; text-speak);
* bench/data/coding_heldout2.jsonl - 150 reports coded by a writer who never saw the engine or its data,
  scored blind once before the second writer's voices were added to the cold start (issue 18, third pass);
* bench/data/coding_heldout3.jsonl - 150 reports by another writer who never saw the engine (session 8), scored
  blind on the engine as it stood, then once after the third writer's voices (``v3-*``) were measured;
* ../shared/corpus/dev_reports.jsonl - reports by other authors (skipped if absent).

The seed model is trained on the packaged cold-start data: the generated seeds plus the hand-written
``safelearn/learning/data/seed_voices.jsonl`` (neither is drawn from the two evaluation sets).

Prints macro-F1 per field, per-label F1 for incident type, outcome and contributory factors, a reliability table (stated confidence bin -> observed accuracy) and what the
"withhold below threshold" rule does (coverage, and accuracy of what is still shown). Nothing is written to
RESULTS.md automatically: paste the output under a dated heading.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from sklearn.metrics import f1_score
from sklearn.preprocessing import MultiLabelBinarizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from safelearn.learning.cli import suggest_jsonl  # noqa: E402
from safelearn.learning.engine import suggester  # noqa: E402

HELDOUT = ROOT / "bench" / "data" / "coding_heldout.jsonl"
HELDOUT2 = ROOT / "bench" / "data" / "coding_heldout2.jsonl"
HELDOUT3 = ROOT / "bench" / "data" / "coding_heldout3.jsonl"
DEV = ROOT.parent / "shared" / "corpus" / "dev_reports.jsonl"
FIELDS = ("incident_type", "service_area", "outcome", "contributory_factors")
TARGETS = {"incident_type": 0.65, "service_area": 0.72, "outcome": 0.50, "contributory_factors": 0.50}
#: Below this stated confidence a suggestion is withheld (0.0 before the engine had the rule).
CONFIDENCE_FLOOR: float = getattr(suggester, "CONFIDENCE_FLOOR", 0.0)
BINS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_suggest_jsonl(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    stdin = io.StringIO("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records))
    stdout = io.StringIO()
    with tempfile.TemporaryDirectory() as tmp:
        suggest_jsonl(stdin, stdout, model_path=tmp)
    return [json.loads(line) for line in stdout.getvalue().splitlines()]


def macro_f1(gold: list[Any], pred: list[Any], multi: bool) -> float:
    if multi:
        mlb = MultiLabelBinarizer().fit(gold + pred)
        return float(f1_score(mlb.transform(gold), mlb.transform(pred), average="macro", zero_division=0))
    return float(f1_score(gold, pred, average="macro", zero_division=0))


PER_LABEL_FIELDS = ("incident_type", "outcome", "contributory_factors")


def per_label_f1(gold: list[Any], pred: list[Any], multi: bool) -> dict[str, float]:
    """F1 of every label present in the gold codes or the predictions (what macro-F1 averages over)."""
    if multi:
        mlb = MultiLabelBinarizer().fit(gold + pred)
        scores = f1_score(mlb.transform(gold), mlb.transform(pred), average=None, zero_division=0)
        return {str(c): round(float(x), 2) for c, x in zip(mlb.classes_, scores, strict=True)}
    labels = sorted(set(gold) | set(pred))
    scores = f1_score(gold, pred, labels=labels, average=None, zero_division=0)
    return {str(c): round(float(x), 2) for c, x in zip(labels, scores, strict=True)}


def pairs(records: list[dict[str, Any]], outs: list[dict[str, Any]]) -> list[tuple[str, float, bool]]:
    """(field, stated confidence, right?) for every suggested value (each suggested factor counts once)."""
    rows: list[tuple[str, float, bool]] = []
    for rec, out in zip(records, outs, strict=True):
        for fld in FIELDS:
            gold = rec["labels"].get(fld)
            conf = out["confidence"][fld]
            if fld == "contributory_factors":
                rows += [(fld, float(c), lab in (gold or [])) for lab, c in conf.items()]
            else:
                rows.append((fld, float(conf), out[fld] == gold))
    return rows


def reliability(rows: list[tuple[str, float, bool]]) -> list[str]:
    lines = ["| stated confidence | suggestions | mean stated | observed right |", "|---|---:|---:|---:|"]
    gap = 0.0
    for lo, hi in itertools.pairwise(BINS):
        inbin = [(c, ok) for _, c, ok in rows if lo <= c < hi]
        if inbin:
            mean_c = sum(c for c, _ in inbin) / len(inbin)
            acc = sum(ok for _, ok in inbin) / len(inbin)
            lines.append(f"| {lo:.1f}-{min(hi, 1.0):.1f} | {len(inbin)} | {mean_c:.2f} | {acc:.2f} |")
            gap += len(inbin) * abs(mean_c - acc)
    lines += ["", f"Expected calibration error (weighted mean |stated - observed|): {gap / max(1, len(rows)):.3f}"]
    return lines


def report(name: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    outs = run_suggest_jsonl(records)
    result: dict[str, Any] = {"set": name, "n": len(records), "macro_f1": {}}
    lines = [f"#### {name} ({len(records)} reports)", "", "| field | macro-F1 | target | met |", "|---|---:|---:|---|"]
    for fld in FIELDS:
        multi = fld == "contributory_factors"
        keep = [(r["labels"][fld], o[fld]) for r, o in zip(records, outs, strict=True) if r["labels"].get(fld)]
        score = macro_f1([g for g, _ in keep], [p for _, p in keep], multi)
        result["macro_f1"][fld] = round(score, 3)
        lines.append(f"| {fld} | {score:.3f} | {TARGETS[fld]:.2f} | {'yes' if score >= TARGETS[fld] else 'no'} |")
        if fld in PER_LABEL_FIELDS:
            result.setdefault("per_label_f1", {})[fld] = per_label_f1([g for g, _ in keep], [p for _, p in keep], multi)
    for fld, scores in result.get("per_label_f1", {}).items():
        lines += ["", f"Per-label F1, {fld}: " + ", ".join(f"{lab} {x:.2f}" for lab, x in scores.items())]
    rows = pairs(records, outs)
    lines += ["", "Reliability (every suggested value, all four fields):", "", *reliability(rows)]
    shown = [(c, ok) for _, c, ok in rows if c >= CONFIDENCE_FLOOR]
    acc_all = sum(ok for _, _, ok in rows) / max(1, len(rows))
    acc_shown = sum(ok for _, ok in shown) / max(1, len(shown))
    lines += [
        "",
        f"Withhold below {CONFIDENCE_FLOOR:.2f}: {len(shown)}/{len(rows)} suggestions shown "
        f"({len(shown) / max(1, len(rows)):.0%}); right {acc_shown:.2f} of shown vs {acc_all:.2f} of all.",
        "",
    ]
    print("\n".join(lines))
    result["shown"], result["total"], result["acc_shown"], result["acc_all"] = (
        len(shown),
        len(rows),
        round(acc_shown, 3),
        round(acc_all, 3),
    )
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="also write the numbers as JSON to this path")
    args = ap.parse_args(argv)
    results = [
        report("held-out (bench/data/coding_heldout.jsonl)", load(HELDOUT)),
        report("held-out 2, blind writer (bench/data/coding_heldout2.jsonl)", load(HELDOUT2)),
        report("held-out 3, blind writer (bench/data/coding_heldout3.jsonl)", load(HELDOUT3)),
    ]
    if DEV.exists():
        results.append(report("dev corpus (../shared/corpus/dev_reports.jsonl)", load(DEV)))
    else:
        print(f"skipping second check: {DEV} not found")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
