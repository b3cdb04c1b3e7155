"""Retraining from confirmed codes: versions recorded either way, promoted only when better on held-out reports."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from safelearn.learning import services
from safelearn.learning.models import ModelVersion, Suggestion
from safelearn.learning.registry import current_suggester, current_version
from safelearn.learning.tests.django_support import approve_copy, submit
from safelearn.learning.training import confirmed_examples, model_retrain

pytestmark = pytest.mark.django_db

# A small generated history whose codes the seed model cannot know: a made-up service name decides the type.
PATTERNS = {
    "medication_error": "the Kestrelbury liaison rota",
    "recording_error": "the Ottermead panel paperwork",
    "placement_issue": "the Brindlewick hub booking",
}
FILLERS = [
    "A worker noticed it on Tuesday.",
    "The manager was told the next day.",
    "It was raised in supervision.",
    "The family were informed.",
    "A colleague spotted it during a routine check.",
]


def _history(submit_report: Any, org: Any, reviewer: Any, n_per_class: int = 12) -> None:
    i = 0
    for code, phrase in PATTERNS.items():
        for k in range(n_per_class):
            text = f"Something went wrong with {phrase} (case {i}). {FILLERS[k % len(FILLERS)]}"
            report = submit(submit_report, org, text)
            approve_copy(report, text)
            services.suggestions_compute(report=report)
            s = Suggestion.objects.get(report=report, field="incident_type")
            services.suggestion_decide(suggestion=s, actor=reviewer, action="save", value=code)
            i += 1


def test_retrain_promotes_only_on_improvement_and_records_both(
    submit_report: Any, org: Any, people: dict[str, Any]
) -> None:
    assert model_retrain() is None  # nothing confirmed yet: nothing trained, the seed model stays
    _history(submit_report, org, people["reviewer"])
    assert len(confirmed_examples()) == 36
    assert current_version()[0] == "seed"

    first = model_retrain(actor=people["reviewer"])
    assert first is not None and first.promoted and first.compared_with == "seed"
    assert first.scores["incident_type"] > first.current_scores["incident_type"]
    assert first.n_confirmed == 36 and first.n_held_out >= 2 and first.path
    version, model = current_suggester()
    assert version == first.version
    assert model.suggest("A problem with the Ottermead panel paperwork again.").incident_type == "recording_error"

    # Same evidence again: the candidate cannot beat the model that already learned it, so it is not used.
    call_command("retrain")
    second = ModelVersion.objects.exclude(pk=first.pk).get()
    assert not second.promoted and second.compared_with == first.version and not second.path
    assert "Not promoted" in second.outcome
    assert current_version()[0] == first.version
    assert ModelVersion.objects.filter(promoted=True).get() == first

    # New suggestions carry the promoted version as provenance.
    report = submit(submit_report, org, "The Kestrelbury liaison rota failed again this week.")
    rows = services.suggestions_compute(report=report)
    assert {r.model_version for r in rows} == {first.version}
