"""Fixtures for national learning: reports approved for the pool through the real services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from safelearn.core.types import User
from safelearn.privacy.services import deidentify_report, redaction_approve


@pytest.fixture(autouse=True)
def _no_two_factor_prompt(settings: Any) -> None:
    """Two-factor sign-in is tested by the accounts app; here we test what each role may see once in."""
    settings.SAFELEARN_REQUIRE_2FA = False


@pytest.fixture
def approved_report(people: dict[str, User], submit_report: Callable[..., Any]) -> Callable[..., Any]:
    """Submit, de-identify and approve a report; returns the Report."""

    def make(organisation: Any = None, approve: bool = True, reviewer: Any = None, **fields: Any) -> Any:
        fields.setdefault("incident_type", "missed_visit_or_contact")
        fields.setdefault("service_area", "child_protection")
        fields.setdefault("outcome", "near_miss")
        fields.setdefault("contributory_factors", ["communication_information_sharing"])
        result = submit_report(organisation=organisation, **fields)
        copy = deidentify_report(report_id=result.report.pk)
        if approve:
            in_other = organisation is not None and organisation.slug == "westmoor"
            reviewer = reviewer or people["other_reviewer" if in_other else "reviewer"]
            redaction_approve(copy=copy, actor=reviewer)
        return result.report

    return make
