"""``safelearn model evaluate`` on multi-label fields, and the single-label output it must not change."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from safelearn.learning.cli import model_main

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


def _rows(n: int = 40) -> list[dict[str, object]]:
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
