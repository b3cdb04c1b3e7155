"""Issue 14's target on the two risk sets no one working on the screen has read (bench/data, never trained on).

Through the web form's path with the reporter answering "no": recall >= 0.95 and precision >= 0.5 on each set. A
change that loses children on writers the screen has never seen fails here (figures: bench/RESULTS.md, session 9).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safelearn.reporting.risk import assess_immediate_risk

BENCH_DATA = Path(__file__).resolve().parents[3] / "bench" / "data"


@pytest.mark.parametrize("name", ["risk_heldout18.jsonl", "risk_heldout20.jsonl"])
def test_an_unseen_writers_set_meets_the_target(name: str) -> None:
    rows = [json.loads(line) for line in (BENCH_DATA / name).read_text(encoding="utf-8").splitlines() if line]
    flagged = [(bool(r["immediate_risk"]), assess_immediate_risk(r["text"], answer="no").at_risk) for r in rows]
    tp = sum(gold and got for gold, got in flagged)
    fn = sum(gold and not got for gold, got in flagged)
    fp = sum(got and not gold for gold, got in flagged)
    assert tp + fn >= 60 and len(rows) - tp - fn >= 60, "the issue asks for at least 60 of each"
    assert tp / (tp + fn) >= 0.95, (tp, fn)
    assert tp / (tp + fp) >= 0.5, (tp, fp)
