"""Fixtures for national learning: reports approved for the pool through the real services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from conftest import PASSWORD
from safelearn.privacy.services import deidentify_report, redaction_approve


@pytest.fixture
def approved_report(people: dict[str, Any], submit_report: Callable[..., Any]) -> Callable[..., Any]:
    """Submit, de-identify and approve a report; returns the Report."""

    def make(organisation: Any = None, approve: bool = True, reviewer: Any = None, **fields: Any) -> Any:
        fields.setdefault("incident_type", "missed_visit_or_contact")
        fields.setdefault("service_area", "child_protection")
        fields.setdefault("outcome", "near_miss")
        fields.setdefault("contributory_factors", ["communication_information_sharing"])
        result = submit_report(organisation=organisation, **fields)
        copy = deidentify_report(report_id=result.report.pk)
        if approve:
            org_id = result.report.organisation_id
            reviewer = reviewer or (people["reviewer"] if org_id == people["reviewer"].memberships.first().organisation_id else people["other_reviewer"])
            redaction_approve(copy=copy, actor=reviewer)
        return result.report

    return make


@pytest.fixture
def client_for(people: dict[str, Any]) -> Callable[[str | None], Client]:
    def make(name: str | None) -> Client:
        client = Client()
        if name:
            assert client.login(username=people[name].username, password=PASSWORD)
        return client

    return make
