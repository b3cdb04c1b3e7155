"""The suggestion model: one :class:`TextClassifier` per taxonomy field plus the immediate-risk detector."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import scipy.sparse as sp

from . import calibration
from .classifier import Counts, TextClassifier, shared_char_counts
from .data import cold_start_fingerprint, load_cold_start_records
from .risk import assess_immediate_risk
from .taxonomy import FIELD_SECTIONS, MULTI_LABEL_FIELDS, field_descriptions, field_ids, lexicon_for

SUGGEST_FIELDS = ("incident_type", "service_area", "outcome", "contributory_factors", "recovery_factor")
#: A suggestion whose calibrated confidence is below this is withheld from reviewers ("no suggestion"):
#: below 0.5 it is more likely wrong than right, and a wrong pre-filled code anchors the reviewer.
#: Immediate risk is never withheld (it is a safety screen, not a code).
CONFIDENCE_FLOOR = 0.5
LEXICON_WEIGHT = {
    "incident_type": 0.5,
    "service_area": 1.0,
    "outcome": 1.0,
    "contributory_factors": 1.0,
    "recovery_factor": 0.5,
}


@dataclass
class Suggestion:
    incident_type: str
    service_area: str
    outcome: str
    contributory_factors: list[str]
    recovery_factor: str
    immediate_risk: bool
    confidence: dict[str, Any] = field(default_factory=dict)
    risk_reasons: list[str] = field(default_factory=list)
    #: The model's uncalibrated scores (same shape as ``confidence``); used to fit the calibration.
    raw_confidence: dict[str, Any] = field(default_factory=dict)
    #: Fields whose confidence is calibrated; only these can be withheld (a raw score is no probability).
    calibrated: list[str] = field(default_factory=list)

    def shown(self, fld: str) -> Any:
        """The value to show a reviewer for a field, or None when confidence is below the floor.

        For contributory factors: only the factors at or above the floor (None if none are).
        """
        conf = self.confidence.get(fld)
        if fld not in self.calibrated:
            return getattr(self, fld)
        if fld in MULTI_LABEL_FIELDS:
            kept = [lab for lab in getattr(self, fld) if float((conf or {}).get(lab, 0.0)) >= CONFIDENCE_FLOOR]
            return kept or None
        return getattr(self, fld) if float(conf or 0.0) >= CONFIDENCE_FLOOR else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "incident_type": self.incident_type,
            "service_area": self.service_area,
            "contributory_factors": list(self.contributory_factors),
            "recovery_factor": self.recovery_factor,
            "immediate_risk": self.immediate_risk,
            "confidence": dict(self.confidence),
            "risk_reasons": list(self.risk_reasons),
        }


def chars_for(clf: TextClassifier, texts: Sequence[str], chars: sp.csr_matrix | None) -> Counts | None:
    if chars is None or clf.featurizer is None or clf.featurizer.words is None:
        return None
    return clf.featurizer.counts_with_chars(texts, chars)


def _valid(fld: str, value: Any) -> bool:
    ids = set(field_ids(fld))
    if fld in MULTI_LABEL_FIELDS:
        return isinstance(value, list) and bool(value) and all(v in ids for v in value)
    return isinstance(value, str) and value in ids


class Suggester:
    """Suggests taxonomy codes for a report, each with a confidence in [0, 1].

    Training data per field may be partial: a record only contributes to the fields it has valid ids for.
    Each field is augmented with its taxonomy label/description plus keywords (cold start), and the keyword
    lexicon is added as a prior to the classifier margin.
    """

    def __init__(self, use_taxonomy_priors: bool = True) -> None:
        self.use_taxonomy_priors = use_taxonomy_priors
        self.models: dict[str, TextClassifier] = {}
        self.n_examples: dict[str, int] = {}
        self.risk_model: TextClassifier | None = None
        #: Per-field Platt maps; None means the packaged ones (see :mod:`.calibration`).
        self.calibration: dict[str, tuple[float, float]] | None = None

    def fit(
        self,
        texts: Sequence[str],
        labels_by_field: Mapping[str, Sequence[Any]],
        sample_weight: Mapping[str, Sequence[float]] | None = None,
    ) -> Suggester:
        """``sample_weight``: per field, one weight per text (a field left out trains unweighted).

        The taxonomy description documents always weigh 1: they are a handful of rows per field.
        """
        weights_by_field = sample_weight or {}
        row_of: dict[str, int] = {}
        for t in texts:
            row_of.setdefault(t, len(row_of))
        for fld in SUGGEST_FIELDS:
            for cid, desc in field_descriptions(fld).items():
                row_of.setdefault(f"{desc} {' '.join(lexicon_for(fld).get(cid, []))}", len(row_of))
        all_chars = shared_char_counts(list(row_of))  # hashed once, shared by every field model

        def chars_of(docs: Sequence[str]) -> sp.csr_matrix | None:
            rows = [row_of.get(d, -1) for d in docs]
            return all_chars[rows] if min(rows, default=0) >= 0 else None

        for fld in SUGGEST_FIELDS:
            values = labels_by_field.get(fld)
            fw = weights_by_field.get(fld)
            w_of = list(fw) if fw is not None else [1.0] * len(texts)
            pairs = (
                [(t, v, w) for t, v, w in zip(texts, values, w_of, strict=False) if _valid(fld, v)] if values else []
            )
            if self.use_taxonomy_priors:
                lex = lexicon_for(fld)
                for cid, desc in field_descriptions(fld).items():
                    doc = f"{desc} {' '.join(lex.get(cid, []))}"
                    pairs.append((doc, [cid] if fld in MULTI_LABEL_FIELDS else cid, 1.0))
            if not pairs:
                continue
            multi = fld in MULTI_LABEL_FIELDS
            clf = TextClassifier(
                multi_label=multi,
                lexicon=lexicon_for(fld) if self.use_taxonomy_priors else {},
                lexicon_weight=LEXICON_WEIGHT.get(fld, 0.5),
                threshold=-0.3,
            )
            docs = [p[0] for p in pairs]
            weights = [p[2] for p in pairs] if fw is not None else None
            clf.fit(docs, [p[1] for p in pairs], char_matrix=chars_of(docs), sample_weight=weights)
            self.models[fld] = clf
            self.n_examples[fld] = len(pairs)
        risk_vals = labels_by_field.get("immediate_risk")
        if risk_vals:
            rw = weights_by_field.get("immediate_risk")
            rw_of = list(rw) if rw is not None else [1.0] * len(texts)
            rp = [
                (t, "yes" if v else "no", w)
                for t, v, w in zip(texts, risk_vals, rw_of, strict=False)
                if isinstance(v, bool)
            ]
            if len({p[1] for p in rp}) == 2:
                docs = [p[0] for p in rp]
                self.risk_model = TextClassifier(C=0.3).fit(
                    docs,
                    [p[1] for p in rp],
                    char_matrix=chars_of(docs),
                    sample_weight=[p[2] for p in rp] if rw is not None else None,
                )
        return self

    def risk_probabilities(self, texts: Sequence[str], chars: sp.csr_matrix | None = None) -> list[float | None]:
        if self.risk_model is None:
            return [None] * len(texts)
        out: list[float | None] = []
        for labels, conf in self.risk_model.predict_scored(texts, chars_for(self.risk_model, texts, chars)):
            out.append(conf[0] if labels[0] == "yes" else 1.0 - conf[0])
        return out

    def suggest(self, text: str) -> Suggestion:
        return self.suggest_many([text])[0]

    def suggest_many(self, texts: Sequence[str]) -> list[Suggestion]:
        per_field: dict[str, list[tuple[list[str], list[float]]]] = {}
        chars = shared_char_counts(texts)
        for fld, clf in self.models.items():
            per_field[fld] = clf.predict_scored(texts, chars_for(clf, texts, chars))
        # getattr: models pickled before calibration existed have no attribute and get the packaged maps.
        maps = getattr(self, "calibration", None)
        if maps is None:
            maps = calibration.packaged()
        out = []
        for i, text in enumerate(texts):
            conf: dict[str, Any] = {}
            raw: dict[str, Any] = {}
            vals: dict[str, Any] = {}
            for fld in SUGGEST_FIELDS:
                if fld in per_field:
                    labels, scores = per_field[fld][i]
                else:
                    labels, scores = [field_ids(fld)[-1]], [0.0]
                cal = maps.get(fld)
                if fld in MULTI_LABEL_FIELDS:
                    vals[fld] = labels
                    raw[fld] = {lab: round(s, 3) for lab, s in zip(labels, scores, strict=True)}
                    conf[fld] = {
                        lab: round(calibration.apply(cal, s), 3) for lab, s in zip(labels, scores, strict=True)
                    }
                else:
                    vals[fld] = labels[0]
                    raw[fld] = round(scores[0], 3)
                    conf[fld] = round(calibration.apply(cal, scores[0]), 3)
            # The product's detector (cue rules OR the packaged risk model), as the web form uses it; the
            # seed-trained risk_model (risk_probabilities) no longer decides the flag.
            risk = assess_immediate_risk(text)
            conf["immediate_risk"] = round(risk.score, 3)
            out.append(
                Suggestion(
                    immediate_risk=risk.at_risk,
                    confidence=conf,
                    risk_reasons=risk.reasons,
                    raw_confidence=raw,
                    calibrated=[f for f in SUGGEST_FIELDS if maps.get(f)],
                    **vals,
                )
            )
        return out


def train_from_seeds() -> Suggester:
    """A new model fitted on the packaged cold-start data (about 15 s on one core)."""
    recs = load_cold_start_records()
    texts = [r["text"] for r in recs]
    fields = {f: [r["labels"].get(f) for r in recs] for f in (*SUGGEST_FIELDS, "immediate_risk")}
    return Suggester().fit(texts, fields)


_seed_lock = threading.Lock()
_seed_model: tuple[str, Suggester] | None = None


def seed_suggester() -> Suggester:
    """The seed-trained model, fitted once per process while the cold-start data is unchanged, and shared.

    The suggestion registry and the case-review coder both fall back to it; before, each fitted its own copy,
    so a server process spent the fit twice. Callers read it and must not modify it.
    """
    global _seed_model
    fingerprint = cold_start_fingerprint()
    with _seed_lock:
        if _seed_model is None or _seed_model[0] != fingerprint:
            _seed_model = (fingerprint, train_from_seeds())
        return _seed_model[1]


__all__ = ["CONFIDENCE_FLOOR", "FIELD_SECTIONS", "Suggester", "Suggestion", "seed_suggester", "train_from_seeds"]
