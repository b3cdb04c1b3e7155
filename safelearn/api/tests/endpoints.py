"""Every API endpoint with a valid body, for the permission tests (one place to add a new endpoint)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# What an endpoint belongs to decides who may call it.
REPORT_READ, REPORT_WRITE, EXPORT, ANALYTICS = "report-read", "report-write", "export", "analytics"


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # {report}, {clock}, {action} are filled from the fixtures
    kind: str
    body: dict[str, Any] | None = None

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


ENDPOINTS = [
    Endpoint("GET", "/review/reports/{report}", REPORT_READ),
    Endpoint("POST", "/review/reports/{report}/transition", REPORT_WRITE, {"to_status": "triaged"}),
    Endpoint("POST", "/review/reports/{report}/assign", REPORT_WRITE, {"assignee": "reviewer"}),
    Endpoint("GET", "/review/reports/{report}/assessment", REPORT_READ),
    Endpoint(
        "POST", "/review/reports/{report}/grade", REPORT_WRITE, {"consequence": 3, "likelihood": 2, "harm": "low_harm"}
    ),
    Endpoint(
        "POST", "/review/reports/{report}/response-level", REPORT_WRITE, {"level": "local_learning", "reason": "Why"}
    ),
    Endpoint("GET", "/review/reports/{report}/clocks", REPORT_READ),
    Endpoint("POST", "/review/reports/{report}/clocks", REPORT_WRITE, {"duty": "{duty}"}),
    Endpoint(
        "POST",
        "/review/clocks/{clock}/notification",
        REPORT_WRITE,
        {"notified_to": "Ofsted", "notified_at": "2026-01-05T10:00:00Z", "method": "email"},
    ),
    Endpoint("POST", "/review/clocks/{clock}/not-required", REPORT_WRITE, {"reason": "Not notifiable"}),
    Endpoint(
        "POST",
        "/review/reports/{report}/harm",
        REPORT_WRITE,
        {"physical_harm": "none", "psychological_harm": "low", "missed_opportunity": False},
    ),
    Endpoint("GET", "/review/reports/{report}/actions", REPORT_READ),
    Endpoint(
        "POST",
        "/review/reports/{report}/actions",
        REPORT_WRITE,
        {"title": "Fix the rota", "measure": "Audit", "owner": "reviewer", "due_on": "2099-01-01"},
    ),
    Endpoint("POST", "/review/actions/{action}", REPORT_WRITE, {"status": "in_progress"}),
    Endpoint("POST", "/review/reports/{report}/feedback", REPORT_WRITE, {"body": "We changed the rota."}),
    Endpoint("GET", "/review/reports/{report}/conversation", REPORT_READ),
    Endpoint("POST", "/review/reports/{report}/conversation", REPORT_WRITE, {"body": "Which day was it?"}),
    Endpoint("GET", "/review/export", EXPORT),
    Endpoint("GET", "/analytics/pool", ANALYTICS),
    Endpoint("GET", "/analytics/aggregates", ANALYTICS),
    Endpoint("GET", "/analytics/open-data/2026-Q1", ANALYTICS),
    Endpoint("GET", "/analytics/open-data/2026-Q1/data.csv", ANALYTICS),
]
