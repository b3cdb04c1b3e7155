"""Calibrated confidence: below the floor a reviewer sees "no suggestion" rather than a poor one (issue 18)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safelearn.learning import services
from safelearn.learning.engine import calibration
from safelearn.learning.engine.suggester import CONFIDENCE_FLOOR, Suggestion
from safelearn.learning.models import Suggestion as SuggestionRow
from safelearn.learning.registry import current_suggester
from safelearn.reporting.models import Report

MISSING = (
    "Aisha went missing from her placement at 6pm and is still missing tonight. Her phone is off and "
    "nobody has called back from the police. The return home interview from last month was never done."
)


def _suggestion(conf: dict[str, Any], calibrated: list[str]) -> Suggestion:
    return Suggestion(
        incident_type="child_missing",
        service_area="looked_after",
        outcome="unknown",
        contributory_factors=["multi_agency_working", "voice_of_child"],
        recovery_factor="other",
        immediate_risk=True,
        confidence=conf,
        calibrated=calibrated,
    )


def test_below_the_floor_a_field_is_withheld_and_at_or_above_it_is_shown() -> None:
    s = _suggestion(
        {
            "incident_type": CONFIDENCE_FLOOR,
            "service_area": CONFIDENCE_FLOOR - 0.01,
            "outcome": 0.1,
            "contributory_factors": {"multi_agency_working": 0.9, "voice_of_child": 0.2},
            "recovery_factor": 0.1,
        },
        calibrated=["incident_type", "service_area", "outcome", "contributory_factors"],
    )
    assert s.shown("incident_type") == "child_missing"
    assert s.shown("service_area") is None and s.shown("outcome") is None
    assert s.shown("contributory_factors") == ["multi_agency_working"]  # the weak factor is dropped
    assert s.shown("recovery_factor") == "other"  # not calibrated: a raw score is no probability, keep it


def test_no_factor_above_the_floor_means_no_factor_suggestion() -> None:
    s = _suggestion(
        {"contributory_factors": {"multi_agency_working": 0.3, "voice_of_child": 0.2}}, ["contributory_factors"]
    )
    assert s.shown("contributory_factors") is None


def test_calibration_maps_monotonically_and_leaves_unmapped_fields_raw() -> None:
    params = (2.0, -1.0)
    vals = [calibration.apply(params, r) for r in (0.1, 0.3, 0.5, 0.7, 0.9)]
    assert vals == sorted(vals) and all(0.0 < v < 1.0 for v in vals)
    assert calibration.apply(None, 0.37) == 0.37
    assert calibration.fit([0.2, 0.8] * 5, [False, True] * 5) is None  # too few to learn from


def test_packaged_calibration_is_used_by_the_seed_model() -> None:
    _, model = current_suggester()
    s = model.suggest(MISSING)
    assert set(s.calibrated) >= {"incident_type", "service_area", "outcome", "contributory_factors"}
    assert s.as_dict()["confidence"]["incident_type"] != s.raw_confidence["incident_type"] or (
        calibration.packaged()["incident_type"] == (1.0, 0.0)
    )


@pytest.mark.django_db
def test_low_confidence_fields_are_withheld_from_the_reviewer_who_chooses_the_code(
    client: Any,
    people: dict[str, Any],
    submit_report: Any,
    django_capture_on_commit_callbacks: Any,
    monkeypatch: Any,
) -> None:
    _, model = current_suggester()
    # Map every coding field's confidence far below the floor; immediate risk is never withheld.
    monkeypatch.setattr(
        model,
        "calibration",
        {f: (1.0, -20.0) for f in ("incident_type", "service_area", "outcome", "contributory_factors")},
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = Report.objects.get(pk=submit_report(what_happened=MISSING).report.pk)
    services.suggestions_compute(report=report)
    rows = {r.field: r for r in SuggestionRow.objects.filter(report=report)}
    withheld = {"incident_type", "service_area", "outcome", "contributory_factors"}
    assert {f for f, r in rows.items() if r.withheld} == withheld
    assert not rows["recovery_factor"].withheld and not rows["immediate_risk"].withheld
    client.force_login(people["reviewer"])
    page = client.get(reverse("learning:report", args=[report.pk])).content.decode()
    assert "No suggestion for type of incident, service area, outcome, contributory factors" in page
    assert "Suggested" in page  # the risk screen and the uncalibrated field are still shown
    # The guess behind a withheld field is never put in front of the reviewer, not even pre-filled.
    assert f'value="{rows["incident_type"].value}" checked' not in page
    assert f'value="{rows["incident_type"].value}" selected' not in page

    # The reviewer's own code is recorded as their choice (never "confirmed") and becomes training data.
    chosen = services.suggestion_decide(
        suggestion=rows["incident_type"], actor=people["reviewer"], action="save", value=rows["incident_type"].value
    )
    assert chosen.status == "changed" and chosen.decided_by == people["reviewer"]
    report.refresh_from_db()
    assert report.incident_type == rows["incident_type"].value


@pytest.mark.django_db
def test_confident_fields_are_stored_as_before(
    submit_report: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    _, model = current_suggester()
    monkeypatch.setattr(
        model,
        "calibration",
        {f: (1.0, 20.0) for f in ("incident_type", "service_area", "outcome", "contributory_factors")},
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = Report.objects.get(pk=submit_report(what_happened=MISSING).report.pk)
    rows = {s.field: s for s in SuggestionRow.objects.filter(report=report)}
    assert set(rows) >= {"incident_type", "service_area", "outcome", "contributory_factors", "immediate_risk"}
    assert rows["incident_type"].value == "child_missing" and rows["incident_type"].score >= CONFIDENCE_FLOOR
