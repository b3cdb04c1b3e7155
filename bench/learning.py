"""Learning-engine benchmark: train on the packaged cold start (seeds + voices) only, test on the development corpus.

Usage: .venv/bin/python bench/learning.py   (from the repository root)
Skips cleanly (exit 0) if ../shared/corpus/dev_reports.jsonl is absent. Appends results to bench/RESULTS.md
under "## Learning (bench/learning.py)".
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MultiLabelBinarizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from safelearn.learning.engine.data import load_cold_start_records  # noqa: E402
from safelearn.learning.engine.suggester import train_from_seeds  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "dev_reports.jsonl"
RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Learning (bench/learning.py)"
FIELDS = ("incident_type", "service_area", "outcome", "contributory_factors")


def scores(gold: list, pred: list, multi: bool) -> tuple[float, float]:
    if multi:
        mlb = MultiLabelBinarizer().fit(gold + pred)
        g, p = mlb.transform(gold), mlb.transform(pred)
        return (
            float(f1_score(g, p, average="macro", zero_division=0)),
            float(f1_score(g, p, average="micro", zero_division=0)),
        )
    return (
        float(f1_score(gold, pred, average="macro", zero_division=0)),
        float(f1_score(gold, pred, average="micro", zero_division=0)),
    )


def baseline(texts: list[str], gold: list, multi: bool) -> tuple[float, float]:
    """TF-IDF + logistic regression, 5-fold cross-validated on the corpus itself."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if multi:
            mlb = MultiLabelBinarizer().fit(gold)
            Y = mlb.transform(gold)
            pipe = make_pipeline(TfidfVectorizer(), OneVsRestClassifier(LogisticRegression(max_iter=1000)))
            P = cross_val_predict(pipe, texts, Y, cv=KFold(5, shuffle=True, random_state=0))
            return (
                float(f1_score(Y, P, average="macro", zero_division=0)),
                float(f1_score(Y, P, average="micro", zero_division=0)),
            )
        pipe = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))
        pred = cross_val_predict(pipe, texts, gold, cv=StratifiedKFold(5, shuffle=True, random_state=0))
        return scores(gold, list(pred), False)


def main() -> int:
    if not CORPUS.exists():
        print(f"skipping: {CORPUS} not found")
        return 0
    recs = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
    texts = [r["text"] for r in recs]
    t0 = time.time()
    model = train_from_seeds()
    train_s = time.time() - t0
    t0, c0 = time.time(), time.process_time()
    sugg = model.suggest_many(texts)
    rate = len(texts) / (time.time() - t0)
    cpu_rate = len(texts) / max(1e-9, time.process_time() - c0)
    rows = []
    for fld in FIELDS:
        multi = fld == "contributory_factors"
        gold = [r["labels"][fld] for r in recs]
        pred = [getattr(s, fld) for s in sugg]
        ma, mi = scores(gold, pred, multi)
        bma, bmi = baseline(texts, gold, multi)
        rows.append((fld, ma, mi, bma, bmi))
    gold_r = np.array([r["labels"]["immediate_risk"] for r in recs])
    pred_r = np.array([s.immediate_risk for s in sugg])
    tp = int((gold_r & pred_r).sum())
    rec = tp / max(1, int(gold_r.sum()))
    prec = tp / max(1, int(pred_r.sum()))
    lines = [
        f"### {time.strftime('%Y-%m-%d')} (2 cores) - trained on the {len(load_cold_start_records())} packaged"
        f" cold-start reports (seeds + voices) + taxonomy descriptions only; tested on {len(recs)} dev reports",
        "",
        "| field | macro F1 | micro F1 | baseline macro F1 (TF-IDF+LR, 5-fold CV on corpus) | baseline micro F1 |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {f} | {a:.3f} | {b:.3f} | {c:.3f} | {d:.3f} |" for f, a, b, c, d in rows]
    lines += [
        "",
        f"immediate_risk: recall {rec:.3f}, precision {prec:.3f} ({tp}/{int(gold_r.sum())} found,"
        f" {int(pred_r.sum())} flagged)",
        f"speed: {rate:.1f} reports/s suggest wall clock ({cpu_rate:.1f} per CPU-second; shared, busy machine),"
        f" seed training {train_s:.1f} s",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    existing = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if HEADING in existing:
        head, rest = existing.split(HEADING, 1)
        nxt = rest.find("\n## ")
        section, tail = (rest, "") if nxt < 0 else (rest[:nxt], rest[nxt:])
        existing = head + HEADING + section.rstrip("\n") + "\n\n" + text + tail
    else:
        existing = existing.rstrip("\n") + "\n\n" + HEADING + "\n\n" + text
    RESULTS.write_text(existing.rstrip("\n") + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
