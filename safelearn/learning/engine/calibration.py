"""Confidence calibration: turn a field model's raw score into "how often a suggestion like this is right".

The raw scores (a softmax over SVM margins for single-label fields, a squashed margin for each factor) rank
well but their size means little: on unseen reports a raw 0.35 incident type was right about half the time.
Each field gets a Platt map, ``p = sigmoid(a * logit(raw) + b)``, fitted by logistic regression of
"was the suggestion right?" on the raw score.

Why not fit it by cross-validation over the seed reports: the seeds are composed from shared fragments, so a
held-out fold still shares sentences with the training folds and is right 97-98% of the time for incident
type and outcome; a map fitted there said 0.77 where unseen reports were right 0.57 of the time. The packaged
map (``calibration.json``) is therefore fitted on reports written by other people than the seeds' author
(``../shared/corpus/dev_reports.jsonl``) scored by the seed model; ``bench/coding.py`` checks it on a third,
separate held-out set. Refit after the seeds or the classifier change::

    python -m safelearn.learning.engine.calibration ../shared/corpus/dev_reports.jsonl
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

CALIBRATION_PATH = Path(__file__).with_name("calibration.json")
CALIBRATED_FIELDS = ("incident_type", "service_area", "outcome", "contributory_factors", "recovery_factor")


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def apply(params: Sequence[float] | None, raw: float) -> float:
    """Calibrated probability for a raw score; the raw score itself when the field has no map."""
    if not params:
        return raw
    a, b = params
    return 1.0 / (1.0 + math.exp(-(a * _logit(raw) + b)))


def fit(raw: Sequence[float], right: Sequence[bool]) -> tuple[float, float] | None:
    """Platt parameters (a, b); None when there is nothing to learn from (too few or all one outcome)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len(raw) < 20 or len(set(right)) < 2:
        return None
    x = np.array([[_logit(r)] for r in raw])
    lr = LogisticRegression(C=1.0).fit(x, np.array(right, dtype=int))
    return float(lr.coef_[0][0]), float(lr.intercept_[0])


@lru_cache(maxsize=1)
def packaged() -> dict[str, tuple[float, float]]:
    """The packaged per-field maps (empty if the file is missing or unreadable: raw scores are then used)."""
    try:
        data = json.loads(CALIBRATION_PATH.read_text(encoding="utf-8"))
        return {f: (float(v[0]), float(v[1])) for f, v in data.get("fields", {}).items() if v}
    except (OSError, ValueError, TypeError, IndexError):
        return {}


def scored_pairs(
    suggestions: Sequence[Any], labels: Sequence[Mapping[str, Any]]
) -> dict[str, tuple[list[float], list[bool]]]:
    """(raw score, right?) per field for every suggested value; a report lacking a field's label is skipped."""
    out: dict[str, tuple[list[float], list[bool]]] = {f: ([], []) for f in CALIBRATED_FIELDS}
    for s, gold in zip(suggestions, labels, strict=True):
        for fld in CALIBRATED_FIELDS:
            want = gold.get(fld)
            if not want:
                continue
            conf = s.raw_confidence.get(fld)
            if isinstance(conf, dict):
                for lab, c in conf.items():
                    out[fld][0].append(float(c))
                    out[fld][1].append(lab in want)
            elif conf is not None:
                out[fld][0].append(float(conf))
                out[fld][1].append(getattr(s, fld) == want)
    return out


def main(argv: list[str]) -> int:
    from .suggester import train_from_seeds

    if len(argv) != 1:
        print("usage: python -m safelearn.learning.engine.calibration LABELLED.jsonl", file=sys.stderr)
        return 2
    path = Path(argv[0])
    with path.open(encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh if line.strip()]
    model = train_from_seeds()
    pairs = scored_pairs(model.suggest_many([r["text"] for r in recs]), [r.get("labels", {}) for r in recs])
    fields = {fld: fit(raw, right) for fld, (raw, right) in pairs.items()}
    doc = {"fitted_on": path.name, "n_reports": len(recs), "model": "seed", "fields": fields}
    CALIBRATION_PATH.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(doc, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
