"""Subject access and erasure for a named reporter's own data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from safelearn.core.audit import audit_verify
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.models import Report

pytestmark = pytest.mark.django_db


def test_download_is_my_own_data_only_as_an_attachment(
    client: Client, people: dict[str, User], submit_report: Any
) -> None:
    mine = submit_report(reporter=people["reporter"], what_happened="My words about the missed visit.").report
    theirs = submit_report(reporter=people["reviewer"], what_happened="Someone else's words.").report
    client.force_login(people["reporter"])
    response = client.get("/account/my-data/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["username"] == "reporter"
    assert [r["reference"] for r in data["reports"]] == [mine.reference]
    assert data["reports"][0]["narrative"]["what_happened"] == "My words about the missed visit."
    assert theirs.reference not in response.content.decode()
    assert AuditEvent.objects.filter(verb="account.data_exported", actor=people["reporter"]).exists()


def test_erasure_needs_confirmation_then_makes_my_named_reports_anonymous(
    client: Client, people: dict[str, User], submit_report: Any
) -> None:
    mine = submit_report(reporter=people["reporter"], mode="named").report
    other = submit_report(reporter=people["reviewer"], mode="named").report
    client.force_login(people["reporter"])
    refused = client.post("/account/my-data/erase/", {})
    assert refused.status_code == 400
    assert "Confirm that you understand" in refused.content.decode()
    assert Report.objects.get(pk=mine.pk).reporter_id == people["reporter"].pk

    done = client.post("/account/my-data/erase/", {"confirm": "on"})
    assert done.status_code == 302
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.reporter_id is None and mine.mode == "anonymous"
    assert mine.what_happened  # the safety record itself stays
    assert other.reporter_id == people["reviewer"].pk
    assert "removed from 1 report" in client.get("/account/my-data/").content.decode()
    assert client.get(f"/my-reports/{mine.pk}/").status_code == 404
    assert AuditEvent.objects.filter(verb="report.reporter_erased", target_id=str(mine.pk)).exists()
    assert AuditEvent.objects.filter(verb="account.data_erased", actor=people["reporter"]).exists()
    assert audit_verify() == []


def test_signed_out_visitors_are_sent_to_sign_in(client: Client) -> None:
    for url in ["/account/my-data/", "/account/my-data/download/"]:
        assert client.get(url)["Location"].startswith("/sign-in/")
    assert client.post("/account/my-data/erase/", {"confirm": "on"})["Location"].startswith("/sign-in/")
