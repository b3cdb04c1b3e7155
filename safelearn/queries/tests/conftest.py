"""Fixtures for queries: reports submitted and (for the national pool) approved through the real services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from safelearn.core.types import User
from safelearn.privacy.services import deidentify_report, redaction_approve
from safelearn.reporting.models import ChildDetails, Report


@pytest.fixture(autouse=True)
def _settings(settings: Any) -> None:
    settings.SAFELEARN_REQUIRE_2FA = False
    settings.ANALYTICS_DASHBOARD_CACHE_SECONDS = 0


@pytest.fixture
def report(people: dict[str, User], submit_report: Callable[..., Any]) -> Callable[..., Any]:
    """Submit a report (approve=True also de-identifies and approves it for the national pool)."""

    def make(
        organisation: Any = None,
        approve: bool = False,
        children: tuple[dict[str, str], ...] = (),
        location_type: str = "",
        **fields: Any,
    ) -> Any:
        fields.setdefault("incident_type", "missed_visit_or_contact")
        fields.setdefault("service_area", "child_protection")
        fields.setdefault("outcome", "near_miss")
        fields.setdefault("contributory_factors", ["communication_information_sharing"])
        result = submit_report(organisation=organisation, **fields)
        # Child details and the setting type are set on the models directly, so these tests do not depend
        # on the report form's version of them.
        for position, child in enumerate(children, start=1):
            ChildDetails.objects.create(report=result.report, position=position, **child)
        if location_type:
            Report.objects.filter(pk=result.report.pk).update(location_type=location_type)
        if approve:
            copy = deidentify_report(report_id=result.report.pk)
            in_other = organisation is not None and organisation.slug == "westmoor"
            redaction_approve(copy=copy, actor=people["other_reviewer" if in_other else "reviewer"])
        return result.report

    return make
