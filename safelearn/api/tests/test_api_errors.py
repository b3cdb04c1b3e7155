"""Every error under /api/ is an RFC 9457 problem document, whichever layer answered; limits match the web."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"
BODY = {"organisation": "northbridge", "mode": "anonymous", "what_happened": "The visit was missed."}


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM, (status, response["Content-Type"])
    body: dict[str, Any] = json.loads(response.content)
    assert body["status"] == status and body["type"].endswith(f"/{status}")
    assert body["title"] and body["detail"], body
    assert "<" not in response.content.decode(), "no HTML in a problem document"
    return body


@pytest.mark.parametrize("path", ["/api/v1/no-such-thing", "/api/v1/review/nope/1", "/api/", "/api/v2/reports"])
def test_unknown_addresses_are_404_problems(client: Client, path: str) -> None:
    assert_problem(client.get(path), 404)
    assert_problem(client.post(path, "{}", content_type="application/json"), 404)


def test_a_method_not_allowed_is_a_405_problem_that_keeps_allow(client: Client, org: Any) -> None:
    response = client.get("/api/v1/receipts/status")
    assert_problem(response, 405)
    assert "POST" in response["Allow"]
    assert_problem(client.delete("/api/v1/reports"), 405)


def test_an_oversized_body_is_a_400_problem(client: Client, org: Any, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000
    body = json.dumps({**BODY, "what_happened": "x" * 5_000})
    response = client.post("/api/v1/reports", body, content_type="application/json")
    assert "too large" in assert_problem(response, 400)["title"]


@pytest.mark.parametrize(
    "body,query",
    [
        ({**BODY, "what_happened": "Mum rang\u0000twice"}, ""),
        ({**BODY, "nested": {"list": ["ok", "bad\u0000"]}}, ""),
        (BODY, "?q=a%00b"),
    ],
)
def test_a_nul_character_is_a_clear_400_problem_on_every_database(
    client: Client, org: Any, body: dict[str, Any], query: str
) -> None:
    """PostgreSQL cannot store U+0000 in text: without this check it was a 500 there (found by the fuzzer)."""
    response = client.post(f"/api/v1/reports{query}", json.dumps(body), content_type="application/json")
    assert "NUL" in assert_problem(response, 400)["detail"]


def test_the_escaped_text_backslash_u0000_is_not_a_nul(client: Client, org: Any) -> None:
    body = json.dumps({**BODY, "what_happened": "The note said \\u0000 literally"})
    assert client.post("/api/v1/reports", body, content_type="application/json").status_code != 400


def test_an_unhandled_error_is_a_500_problem_without_its_text(org: Any, monkeypatch: Any) -> None:
    from safelearn.reporting import selectors as reporting_selectors  # what the reports router calls

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("secret internals: /srv/safelearn/db password=hunter2")

    monkeypatch.setattr(reporting_selectors, "report_find_by_receipt", broken)
    client = Client(raise_request_exception=False)
    response = client.post(
        "/api/v1/receipts/status", {"code": "0000-0000-0000-0000-0000"}, content_type="application/json"
    )
    assert_problem(response, 500)
    assert b"secret" not in response.content and b"RuntimeError" not in response.content


@pytest.mark.parametrize(
    ("status", "headers"),
    [(503, {"Retry-After": "30"}), (502, {}), (429, {"Retry-After": "60"}), (418, {})],
)
def test_any_other_error_from_any_layer_becomes_a_problem(rf: Any, status: int, headers: dict[str, str]) -> None:
    """A 503 (say, from the database-busy handling) or anything else below the middleware, HTML or not."""
    from safelearn.api.middleware import ApiRequestMiddleware

    def upstream(request: HttpRequest) -> HttpResponse:
        return HttpResponse("<h1>Busy</h1>", status=status, headers=headers, content_type="text/html")

    response = ApiRequestMiddleware(upstream)(rf.get("/api/v1/review/reports"))
    assert_problem(response, status)
    for name, value in headers.items():
        assert response[name] == value
    # Pages outside the API are left alone.
    page = ApiRequestMiddleware(upstream)(rf.get("/review/"))
    assert page["Content-Type"].startswith("text/html")


def test_successful_and_problem_responses_pass_through(client: Client, org: Any) -> None:
    assert client.get("/api/v1/openapi.json").status_code == 200
    created = client.post("/api/v1/reports", BODY, content_type="application/json")
    assert created.status_code == 201 and created["Content-Type"].startswith("application/json")
    assert assert_problem(client.get("/api/v1/review/reports"), 401)["title"] == "Authentication required"


def test_receipt_look_ups_share_one_limit_with_the_web_page(client: Client, org: Any, settings: Any) -> None:
    """The stricter (web) rate and one budget: neither channel is a faster way to guess codes."""
    settings.SAFELEARN_RECEIPT_CHECK_RATE = "3/h"
    code = {"code": "0000-0000-0000-0000-0000"}
    for _ in range(2):
        assert client.post(reverse("reporting:check_start"), code).status_code == 400
    assert client.post("/api/v1/receipts/status", code, content_type="application/json").status_code == 404
    # Three look-ups used, on either channel: both refuse now.
    blocked = client.post("/api/v1/receipts/reply", {**code, "body": "hi"}, content_type="application/json")
    assert assert_problem(blocked, 429) and blocked["Retry-After"] == "3600"
    assert client.post(reverse("reporting:check_start"), code).status_code == 429


def test_the_default_receipt_limit_is_the_web_pages(client: Client, org: Any) -> None:
    statuses = [
        client.post("/api/v1/receipts/status", {"code": "0000-0000-0000-0000-0000"}, content_type="application/json")
        for _ in range(21)
    ]
    assert [r.status_code for r in statuses[:20]] == [404] * 20
    assert statuses[20].status_code == 429 and statuses[20]["Retry-After"] == "3600"


def test_the_docs_page_uses_only_our_own_assets(client: Client) -> None:
    """Swagger UI from django-ninja's static files (no CDN the CSP would block), and no inline script."""
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    html = response.content.decode()
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert references, html
    assert not [r for r in references if re.match(r"(https?:)?//", r)], references
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    for attributes, text in scripts:
        # Executable scripts come from files; the one inline block is JSON data, which CSP does not run.
        assert "src=" in attributes or ('type="application/json"' in attributes and json.loads(text)), attributes
    assert any("swagger-ui-bundle.js" in r for r in references)
    for reference in references:
        asset = client.get(reference)
        assert asset.status_code == 200, reference
        body = b"".join(asset.streaming_content) if isinstance(asset, StreamingHttpResponse) else asset.content
        assert body, reference
    found = re.search(r'id="swagger-settings">(.*?)</script>', html, re.S)
    assert found is not None
    settings_json = json.loads(found.group(1))
    assert settings_json["url"] == "/api/v1/openapi.json" and settings_json["validatorUrl"] is None
