"""The foundation journey with JavaScript off: every step is a plain form posting to a server route.

Drives Django's test client only with what the pages themselves offer (the form's method, action and
controls), so a step that needed JavaScript to work would fail here.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from conftest import PASSWORD
from safelearn.core.types import User
from safelearn.reporting.models import Report, ReportStatus
from safelearn.web.tests.pages import Form, PageReader, read_page
from safelearn.web.tests.two_factor import TWO_FACTOR_PATH, current_code, give_authenticator

pytestmark = pytest.mark.django_db

WHAT_HAPPENED = "The planned visit did not happen because the duty rota had a gap on Friday."
HOW_NOTICED = "The team manager noticed at the Monday handover."


def open_page(client: Client, url: str) -> tuple[PageReader, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return check_no_js_needed(html, url), html


def check_no_js_needed(html: str, url: str) -> PageReader:
    page = read_page(html)
    assert all(script.get("src") for script in page.scripts), f"inline <script> on {url}"
    assert not page.inline_handlers, f"inline event handlers on {url}: {page.inline_handlers}"
    assert not page.style_attributes, f"style attributes (blocked by our CSP) on {url}: {page.style_attributes}"
    assert not page.javascript_links, f"javascript: links on {url}"
    assert len(page.ids) == len(set(page.ids)), f"duplicate ids on {url}"
    for form in page.forms:
        assert form.method in {"get", "post"}, url
        if form.action:
            try:
                resolve(form.action.split("?")[0])
            except Resolver404:  # pragma: no cover - the assertion below explains
                pytest.fail(f"a form on {url} posts to {form.action}, which is not a server route")
    return page


def the_form(page: PageReader, *, method: str, with_field: str) -> Form:
    forms = [f for f in page.forms if f.method == method and with_field in f.fields]
    assert len(forms) == 1, f"expected one {method} form with {with_field}"
    return forms[0]


def submit(client: Client, url: str, form: Form, **values: Any) -> Any:
    """Send a form as a browser would: its hidden/prefilled values, overridden by what the person typed."""
    data: dict[str, Any] = {name: vals[0] for name, vals in form.fields.items() if vals and vals[0]}
    data.update(values)
    target = form.action or url
    return client.post(target, data) if form.method == "post" else client.get(target, data)


def sign_in(client: Client, user: User, *, device: Any = None) -> None:
    """Password first; with a device, the security code step that safety leads must pass."""
    page, _ = open_page(client, "/sign-in/")
    form = the_form(page, method="post", with_field="username")
    response = submit(client, "/sign-in/", form, username=user.username, password=PASSWORD)
    assert response.status_code == 302
    response = client.get(response["Location"])
    if device is None:
        assert response.status_code == 200
        return
    assert response.status_code == 302 and TWO_FACTOR_PATH in response["Location"]
    url = response["Location"]
    page, _ = open_page(client, url)
    response = submit(client, url, the_form(page, method="post", with_field="token"), token=current_code(device))
    assert response.status_code == 302 and TWO_FACTOR_PATH not in response["Location"]


def test_reporter_and_reviewer_journey_without_javascript(people: dict[str, Any], settings: Any) -> None:
    settings.SAFELEARN_REQUIRE_2FA = True  # as in production: safety leads enter a security code
    reporter = Client()
    sign_in(reporter, people["reporter"])

    page, _ = open_page(reporter, "/report/")
    form = the_form(page, method="post", with_field="what_happened")
    assert ("action", "submit") in form.buttons
    typed = {
        "mode": "named",
        "immediate_risk_answer": "no",
        "how_noticed": HOW_NOTICED,
        "location_type": "team",  # where it happened: required on the staff form (issue 17)
        "action": "submit",
    }
    response = submit(reporter, "/report/", form, **typed)
    assert response.status_code == 200
    html = response.content.decode()
    check_no_js_needed(html, "/report/ with errors")
    assert "govuk-error-summary" in html and "Tell us what happened" in html
    assert HOW_NOTICED in html  # nothing typed is lost
    assert Report.objects.count() == 0

    form = the_form(read_page(html), method="post", with_field="what_happened")
    response = submit(reporter, "/report/", form, **typed, what_happened=WHAT_HAPPENED)
    assert response.status_code == 302 and response["Location"].endswith("/report/sent/")
    report = Report.objects.get()
    assert report.what_happened == WHAT_HAPPENED and report.how_noticed == HOW_NOTICED

    page, html = open_page(reporter, "/report/sent/")
    form = the_form(page, method="post", with_field="saved")
    assert report.reference in html and 'id="receipt-code"' in html
    response = submit(reporter, "/report/sent/", form, saved="yes")
    assert response.status_code == 302 and response["Location"].endswith("/my-reports/")
    assert report.reference in open_page(reporter, "/my-reports/")[1]
    # The receipt code is shown once: after confirming, the receipt page is gone.
    assert reporter.get("/report/sent/").status_code == 302

    lead = Client()
    sign_in(lead, people["reviewer"], device=give_authenticator(people["reviewer"]))
    page, _ = open_page(lead, "/review/")
    filters = the_form(page, method="get", with_field="status")
    response = submit(lead, "/review/", filters, status=ReportStatus.SUBMITTED)
    assert response.status_code == 200 and report.reference in response.content.decode()
    check_no_js_needed(response.content.decode(), "/review/?status=submitted")

    detail_url = f"/review/reports/{report.pk}/"
    page, html = open_page(lead, detail_url)
    assert WHAT_HAPPENED in html
    move = the_form(page, method="post", with_field="to_status")
    response = submit(lead, detail_url, move, to_status=ReportStatus.TRIAGED)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.TRIAGED
    html = lead.get(detail_url).content.decode()
    assert "Triaged" in html
    check_no_js_needed(html, detail_url + " after triage")
