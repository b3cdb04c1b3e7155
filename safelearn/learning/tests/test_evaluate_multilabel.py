"""``safelearn model evaluate`` on multi-label fields, and the single-label output it must not change."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from safelearn.learning.cli import is_multi_label, model_main
from safelearn.learning.engine.evaluation import evaluate
from safelearn.learning.engine.multilabel import _f1_curve, best_threshold, calibrated_threshold, fold_splits

FILLER = [
    "crew",
    "shift",
    "radio",
    "truck",
    "road",
    "morning",
    "briefing",
    "line",
    "supervisor",
    "engine",
    "hose",
    "water",
    "team",
    "day",
    "site",
]
# each label has its own cue words; a report gets one or two labels
CUES = {
    "Communications": ["radio", "message", "frequency", "briefing"],
    "Equipment": ["pump", "saw", "hose", "failure"],
    "Fatigue": ["tired", "hours", "sleep", "exhausted"],
    "Weather": ["wind", "storm", "lightning", "gusts"],
}
LABELS = list(CUES)


def _rows(n: int = 40) -> list[dict[str, Any]]:
    rng = random.Random(7)
    rows = []
    for i in range(n):
        labs = [LABELS[i % 4]] if i % 3 else [LABELS[i % 4], LABELS[(i + 1) % 4]]
        words = [rng.choice(FILLER) for _ in range(12)]
        for lab in labs:
            words += rng.sample(CUES[lab], 3)
        rng.shuffle(words)
        rows.append({"id": f"r{i}", "text": " ".join(words), "labels": {"factors": labs, "single": labs[0].lower()}})
    return rows


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = model_main(["evaluate", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _without_seconds(out: str) -> str:
    """The output with the wall-clock figures blanked (the only part allowed to vary)."""
    import re

    out = re.sub(r"\(\d+(\.\d+)? s\)", "(S s)", out)
    return re.sub(r'"seconds": \d+(\.\d+)?', '"seconds": S', out)


# Pinned before the multi-label work: a single-label field prints exactly this (apart from the timing).
SINGLE_LABEL_OUTPUT = """\
Evaluation of field 'single': 40 reports, 4-fold cross-validation (0 bad lines skipped, 0 without the field)
class                                    precision  recall      f1  support
communications                               0.727   0.800   0.762       10
equipment                                    0.667   0.400   0.500       10
fatigue                                      0.769   1.000   0.870       10
weather                                      1.000   1.000   1.000       10
macro F1 0.7829  micro F1 0.8000  precision@5 0.5500  (S s)
{"field": "single", "n": 40, "folds": 4, "n_classes": 4, "macro_f1": 0.7829, "micro_f1": 0.8, \
"precision_at_5": 0.55, "seconds": S, "skipped_lines": 0}
"""


def test_single_label_output_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _write(tmp_path / "d.jsonl", _rows())
    code, out, _ = _run(capsys, "--data", str(data), "--field", "single", "--folds", "4")
    assert code == 0
    assert _without_seconds(out) == SINGLE_LABEL_OUTPUT
    head = json.loads(out.strip().splitlines()[-1])
    assert list(head) == [
        "field",
        "n",
        "folds",
        "n_classes",
        "macro_f1",
        "micro_f1",
        "precision_at_5",
        "seconds",
        "skipped_lines",
    ]


def test_list_field_is_evaluated_as_multi_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # no --multi-label flag: the field holds lists with two codes, so every report is kept and scored per label
    data = _write(tmp_path / "d.jsonl", _rows())
    code, out, _ = _run(capsys, "--data", str(data), "--field", "factors", "--folds", "4")
    assert code == 0
    assert "multi-label field 'factors': 40 reports" in out
    head = json.loads(out.strip().splitlines()[-1])
    assert head["n"] == 40 and head["folds"] == 4 and head["n_classes"] == 4 and head["multi_label"] is True
    assert set(head["per_label"]) == set(LABELS)
    for label, row in head["per_label"].items():
        assert set(row) == {"precision", "recall", "f1", "support"}
        assert row["support"] == sum(label in r["labels"]["factors"] for r in _rows())
    # the cue words make every label learnable, and neighbours mostly share a label
    assert head["macro_f1"] > 0.8 and head["micro_f1"] > 0.8 and head["p_at_5"] > 0.6
    assert head["precision_at_5"] == head["p_at_5"]
    for label in LABELS:
        assert label in out


def test_multi_label_needs_two_codes_somewhere() -> None:
    assert is_multi_label([["a"], ["a", "b"]])
    assert not is_multi_label([["a"], ["b"], "c"])
    assert not is_multi_label([["a", "a"], ["b", ""]])


def test_shuffled_labels_score_low(tmp_path: Path) -> None:
    rows = _rows(80)
    rng = random.Random(3)
    labels = [r["labels"]["factors"] for r in rows]
    rng.shuffle(labels)
    shuffled = [{**r, "labels": {"factors": lab}} for r, lab in zip(rows, labels, strict=True)]
    real = evaluate(rows, "factors", multi_label=True, folds=4)
    noise = evaluate(shuffled, "factors", multi_label=True, folds=4)
    assert real["macro_f1"] > noise["macro_f1"] + 0.3


def test_folds_are_deterministic(tmp_path: Path) -> None:
    a, b = fold_splits(40, 5, 0), fold_splits(40, 5, 0)
    assert all((x[0] == y[0]).all() and (x[1] == y[1]).all() for x, y in zip(a, b, strict=True))
    assert sorted(i for _, test in a for i in test) == list(range(40))  # every report tested exactly once
    assert any((x[1] != y[1]).any() for x, y in zip(a, fold_splits(40, 5, 1), strict=True))
    first = evaluate(_rows(), "factors", multi_label=True, folds=4, seed=0)
    again = evaluate(_rows(), "factors", multi_label=True, folds=4, seed=0)
    first.pop("seconds"), again.pop("seconds")
    assert first == again


def _sigmoid_sample(n: int, seed: int, prevalence_shift: float = -2.0) -> tuple[np.ndarray, np.ndarray]:
    """Margins whose true P(label) is the logistic of the margin; a rare label (most margins well below 0)."""
    rng = np.random.default_rng(seed)
    margins = rng.normal(prevalence_shift, 1.5, n)
    labels = rng.random(n) < 1.0 / (1.0 + np.exp(-margins))
    return margins, labels


def test_calibrated_threshold_predicts_a_rare_label_below_even_odds() -> None:
    # for F1 the right cut on a calibrated probability is F*/2, well under 0.5 for a rare label
    margins, labels = _sigmoid_sample(20_000, seed=1)
    threshold = calibrated_threshold(margins, labels)
    best_f1 = float(_f1_curve(margins, labels)[1].max())
    assert threshold < 0.0  # margin 0 is probability 0.5 here
    assert abs(1.0 / (1.0 + np.exp(-threshold)) - best_f1 / 2) < 0.03


def test_calibrated_threshold_is_steadier_than_the_f1_argmax() -> None:
    # on small out-of-fold samples the arg-max of the F1 curve jumps about; the calibrated rule moves less
    argmax_cuts, calibrated_cuts = [], []
    for seed in range(30):
        margins, labels = _sigmoid_sample(400, seed=100 + seed)
        argmax_cuts.append(best_threshold(margins, labels))
        calibrated_cuts.append(calibrated_threshold(margins, labels))
    assert np.std(calibrated_cuts) < np.std(argmax_cuts)


def test_calibrated_threshold_separates_separable_margins() -> None:
    margins = np.array([-2.0, -1.8, -1.5, -1.2, -1.0, 1.0, 1.3, 1.7, 2.0])
    labels = margins > 0
    threshold = calibrated_threshold(margins, labels)
    assert -1.0 < threshold < 1.0
    assert calibrated_threshold(margins, np.zeros(9, dtype=bool)) == np.inf  # a label never seen is never predicted
