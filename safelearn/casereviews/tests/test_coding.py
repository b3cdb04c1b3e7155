from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from safelearn.casereviews.models import CodeSource, CodeStatus, FindingCode
from safelearn.casereviews.services import ReviewInput, finding_codes_confirm, review_create
from safelearn.core.models import AuditEvent
from safelearn.core.types import User


@pytest.fixture
def finding(people: dict[str, User]) -> Any:
    review = review_create(
        actor=people["analyst"],
        data=ReviewInput(
            title="Child T",
            area="Testshire",
            year=2020,
            kind="lcspr",
            findings=[
                "The health visitor was not invited to the strategy discussion and police information "
                "about domestic abuse was not shared with children's social care."
            ],
        ),
    )
    return review.findings.get()


def test_suggestions_are_stored_with_model_version_score_and_time(finding: Any) -> None:
    codes = list(finding.codes.all())
    assert codes, "the engine suggested nothing"
    assert all(c.status == CodeStatus.SUGGESTED and c.source == CodeSource.MODEL for c in codes)
    assert all(c.model_version and c.score is not None and c.suggested_at for c in codes)
    assert all(c.decided_by is None for c in codes)
    sections = {c.section for c in codes}
    assert {"incident_type", "service_area", "agency_involved"} <= sections
    assert ("incident_type", "information_not_shared") in {(c.section, c.code) for c in codes}
    assert {"police", "health"} <= {c.code for c in codes if c.section == "agency_involved"}


def test_confirmation_records_who_and_keeps_the_suggestion_provenance(finding: Any, people: dict[str, User]) -> None:
    suggested: dict[str, list[str]] = {c.section: [] for c in finding.codes.all()}
    kept = finding.codes.get(section="incident_type")
    dropped = finding.codes.filter(section="agency_involved").first()
    codes = {
        "incident_type": [kept.code],
        "contributory_factor": ["multi_agency_working"],
        "agency_involved": [c.code for c in finding.codes.filter(section="agency_involved").exclude(pk=dropped.pk)],
    }
    assert suggested
    finding_codes_confirm(finding=finding, actor=people["analyst"], codes=codes)
    kept.refresh_from_db()
    dropped.refresh_from_db()
    assert kept.status == CodeStatus.CONFIRMED and kept.decided_by == people["analyst"] and kept.decided_at
    assert kept.source == CodeSource.MODEL and kept.model_version and kept.score is not None
    assert dropped.status == CodeStatus.REJECTED and dropped.decided_by == people["analyst"]
    factor = FindingCode.objects.get(finding=finding, section="contributory_factor", code="multi_agency_working")
    assert factor.status == CodeStatus.CONFIRMED and factor.decided_by == people["analyst"]
    assert AuditEvent.objects.filter(verb="casereview.codes_confirmed", target_id=str(finding.pk)).exists()


def test_unknown_codes_are_refused(finding: Any, people: dict[str, User]) -> None:
    with pytest.raises(ValidationError):
        finding_codes_confirm(finding=finding, actor=people["analyst"], codes={"incident_type": ["made_up"]})
