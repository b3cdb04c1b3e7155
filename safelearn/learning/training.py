"""Retraining from reviewer-confirmed codes, held-out comparison and the promotion rule.

Training text is the *approved de-identified* copy, never the raw narrative: a model artefact holds its
vocabulary, which must not carry names or addresses out of the encrypted store.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.learning.cli import holdout_scores
from safelearn.learning.engine.data import load_cold_start_records
from safelearn.learning.engine.persistence import ModelArtefact, new_version, now_iso, promote, save_artefact
from safelearn.learning.engine.persistence import should_promote as engine_should_promote
from safelearn.learning.engine.suggester import SUGGEST_FIELDS, Suggester
from safelearn.learning.models import ModelVersion, Suggestion, SuggestionStatus
from safelearn.learning.registry import current_suggester, model_dir
from safelearn.privacy.models import DeidentifiedStatus
from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS

logger = logging.getLogger(__name__)

TRAIN_FIELDS = (*SUGGEST_FIELDS, "immediate_risk")
MIN_CONFIRMED = 10
HELD_OUT_SHARE = 0.2
# Seeds are a cold start: a seed counts half as much as a confirmed report once SEED_HALF_LIFE reports are
# confirmed for that field, and never less than MIN_SEED_WEIGHT (they still cover codes nobody confirmed yet).
# The floor is small enough that the whole cold start (1,716 rows: seeds and three writers' voices) weighs like
# about 86 confirmed reports, so at 1,000 confirmed reports the organisation's own coding decides (seeds 7.9 %).
SEED_HALF_LIFE = 50
MIN_SEED_WEIGHT = 0.05


def confirmed_examples() -> list[dict[str, Any]]:
    """One record per report with at least one reviewer decision and an approved de-identified copy."""
    decided = (
        Suggestion.objects.filter(
            status__in=[SuggestionStatus.CONFIRMED, SuggestionStatus.CHANGED],
            report__deidentified__status=DeidentifiedStatus.APPROVED,
        )
        .exclude(report__status__in=EXCLUDED_FROM_STATISTICS)
        .select_related("report__deidentified")
        .defer("report__what_happened", "report__how_noticed", "report__why_happened", "report__what_would_help")
        .order_by("report_id", "decided_at")
    )
    records: dict[str, dict[str, Any]] = {}
    for s in decided:
        rec = records.setdefault(
            str(s.report_id), {"id": str(s.report_id), "text": s.report.deidentified.text, "labels": {}}
        )
        if s.field in TRAIN_FIELDS and s.final_value not in (None, "", []):
            rec["labels"][s.field] = s.final_value  # the latest decision wins (ordered by decided_at)
    return [r for r in records.values() if r["labels"] and r["text"].strip()]


def _held_out(record_id: str) -> bool:
    """A stable split: the same report is always held out, so successive versions are compared fairly."""
    digest = hashlib.sha256(record_id.encode()).digest()
    return digest[0] < int(256 * HELD_OUT_SHARE)


def seed_weight(n_confirmed: int) -> float:
    """Weight of one seed example when ``n_confirmed`` confirmed reports carry the field (confirmed = 1)."""
    return max(MIN_SEED_WEIGHT, 1.0 / (1.0 + max(n_confirmed, 0) / SEED_HALF_LIFE))


def training_weights(
    confirmed: list[dict[str, Any]], seeds: list[dict[str, Any]], fields: list[str]
) -> dict[str, list[float]]:
    """Per field, one weight per row of ``confirmed + seeds``: confirmed reports 1, seeds :func:`seed_weight`.

    Counted per field, so a field nobody has confirmed yet keeps its seeds at full weight.
    """
    out: dict[str, list[float]] = {}
    for f in fields:
        n = sum(1 for r in confirmed if r["labels"].get(f) not in (None, "", []))
        out[f] = [1.0] * len(confirmed) + [seed_weight(n)] * len(seeds)
    return out


def fit_weighted(records: list[dict[str, Any]], fields: list[str], seeds: list[dict[str, Any]]) -> Suggester:
    """Train on confirmed reports plus seeds, the seeds weighted down as confirmed reports grow."""
    rows = records + seeds
    return Suggester().fit(
        [r["text"] for r in rows],
        {f: [r["labels"].get(f) for r in rows] for f in fields},
        sample_weight=training_weights(records, seeds, fields),
    )


def _fit(records: list[dict[str, Any]], fields: list[str]) -> Suggester:
    return fit_weighted(records, fields, load_cold_start_records())


def model_retrain(*, actor: Any = None, min_confirmed: int = MIN_CONFIRMED) -> ModelVersion | None:
    """Train a candidate on confirmed codes (+ seeds); promote it only if it beats the model in use."""
    records = confirmed_examples()
    if len(records) < min_confirmed:
        logger.info("retrain skipped: %s confirmed reports, need %s", len(records), min_confirmed)
        return None
    test = [r for r in records if _held_out(r["id"])]
    train = [r for r in records if not _held_out(r["id"])]
    if len(test) < 2:  # tiny sets: hold out the last two so there is always something to compare on
        test, train = records[-2:], records[:-2]
    fields = [f for f in TRAIN_FIELDS if any(f in r["labels"] for r in records)]
    candidate = _fit(train, fields)
    cand_scores = holdout_scores(candidate, test)
    in_use, current = current_suggester()
    cur_scores = holdout_scores(current, test)
    promoted = engine_should_promote(cand_scores, cur_scores)
    version = new_version()
    path = ""
    if promoted:
        # Refit on every confirmed report once the comparison is done (the held-out ones are the newest facts).
        art = ModelArtefact(
            model=_fit(records, fields),
            version=version,
            trained_at=now_iso(),
            n_examples=len(records) + len(load_cold_start_records()),
            fields=fields,
            scores=cand_scores,
            source="confirmed",
        )
        path = save_artefact(art, model_dir()).name
    outcome = (
        f"Promoted: beats {in_use} on {len(test)} held-out confirmed reports."
        if promoted
        else f"Not promoted: does not beat {in_use} on {len(test)} held-out confirmed reports."
    )
    with transaction.atomic():
        mv = ModelVersion.objects.create(
            version=version,
            trained_at=timezone.now(),
            n_examples=len(train) + len(load_cold_start_records()),
            n_confirmed=len(records),
            n_held_out=len(test),
            fields=fields,
            scores=cand_scores,
            current_scores=cur_scores,
            compared_with=in_use,
            promoted=promoted,
            promoted_at=timezone.now() if promoted else None,
            outcome=outcome,
            path=path,
            source="confirmed",
        )
        if promoted:
            ModelVersion.objects.exclude(pk=mv.pk).filter(promoted=True).update(promoted=False)
            promote(model_dir() / path, model_dir())
        audit_record(
            actor=actor or "system",
            verb="learning.model_promoted" if promoted else "learning.model_kept",
            target=mv,
            payload={"scores": cand_scores, "current_scores": cur_scores, "compared_with": in_use},
        )
    return mv
