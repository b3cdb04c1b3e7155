"""GET /api/v1/queries/{id}: a saved query's table, for the people who could open it in the browser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from safelearn.queries.models import SavedQuery

pytestmark = pytest.mark.django_db

BUILD = {"by": "incident_type", "then_by": "", "period": "all"}


def _saved(client: Client, name: str, shared: str = "no") -> SavedQuery:
    assert client.post("/queries/new/save/", {**BUILD, "name": name, "shared": shared}).status_code == 302
    return SavedQuery.objects.get(name=name)


def test_owner_gets_the_table_others_get_404(client_for: Callable[..., Any], report: Callable[..., Any]) -> None:
    report(incident_type="medication_error")
    query = _saved(client_for("reviewer"), "Mine")
    response = client_for("reviewer").get(f"/api/v1/queries/{query.pk}")
    assert response.status_code == 200
    data = response.json()
    assert data["columns"] == ["Incident type", "Reports"]
    assert ["Medication error", "1"] in data["rows"] and data["rows"][-1] == ["Total", "1"]
    assert not data["national"] and not data["suppressed"]
    for name in ("other_reviewer", "analyst", "reporter"):
        assert client_for(name).get(f"/api/v1/queries/{query.pk}").status_code in (403, 404), name
    assert client_for("other_reviewer").get(f"/api/v1/queries/{query.pk}").status_code == 404
    assert Client().get(f"/api/v1/queries/{query.pk}").status_code == 401


def test_national_query_is_suppressed(client_for: Callable[..., Any], report: Callable[..., Any]) -> None:
    for _ in range(2):
        report(approve=True, incident_type="medication_error")
    query = _saved(client_for("analyst"), "National")
    data = client_for("analyst").get(f"/api/v1/queries/{query.pk}").json()
    assert data["national"] and data["suppressed"]
    assert ["Medication error", "[c]"] in data["rows"]
    assert client_for("reviewer").get(f"/api/v1/queries/{query.pk}").status_code == 404


def test_openapi_documents_the_endpoint() -> None:
    spec = Client().get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/queries/{query_id}"]["get"]
    assert "suppressed" in str(spec["components"]["schemas"]["QueryTableOut"])
    assert "404" in operation["responses"]
