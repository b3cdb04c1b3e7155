"""Every queries page: who gets in, who gets a 404, bad input kept with a clear message, exports, the email."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.organisations.models import Membership, Role
from safelearn.queries import services
from safelearn.queries.models import QueryPin, SavedQuery
from safelearn.queries.services import query_reports_send

pytestmark = pytest.mark.django_db

BUILD = {"by": "incident_type", "then_by": "service_area", "period": "all"}


def _save(client: Any, name: str = "By type and area", shared: str = "no", **params: Any) -> SavedQuery:
    response = client.post(reverse("queries:save"), {**BUILD, **params, "name": name, "shared": shared})
    assert response.status_code == 302, response.content.decode()[:2000]
    return SavedQuery.objects.get(name=name)


def test_builder_runs_a_query_and_keeps_the_form(client_for: Callable[..., Any], report: Callable[..., Any]) -> None:
    report(incident_type="medication_error")
    response = client_for("reviewer").get(reverse("queries:builder"), {**BUILD, "f_outcome": "near_miss"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Reports by incident type and service area" in body
    assert 'value="near_miss" checked' in body
    assert "Medication error" in body and "<svg" in body
    assert "Save this query" in body
    assert 'name="text"' in body  # safety leads may search their own reports' words


@pytest.mark.parametrize(
    ("params", "message", "kept"),
    [
        (
            {**BUILD, "period": "between", "date_from": "2026-05-02", "date_to": "2026-05-01"},
            "The end date must be the same as or after the start date",
            'value="2026-05-02"',
        ),
        ({**BUILD, "by": "favourite_colour"}, "Select a valid choice", 'value="service_area" selected'),
        ({**BUILD, "f_favourite_colour": "blue"}, "There is no field called ‘favourite_colour’", "selected"),
        ({**BUILD, "period": "between", "date_from": "2026-02-31"}, "Enter a real date", "between"),
        ({**BUILD, "by": ""}, "Choose what to count reports by", 'value="service_area" selected'),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_kept(
    client_for: Callable[..., Any], params: dict[str, str], message: str, kept: str
) -> None:
    response = client_for("reviewer").get(reverse("queries:builder"), params)
    body = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in body and message in body
    assert kept in body
    assert "<title>Error:" in body


def test_analysts_cannot_search_text(client_for: Callable[..., Any]) -> None:
    client = client_for("analyst")
    page = client.get(reverse("queries:builder"))
    assert page.status_code == 200 and 'name="text"' not in page.content.decode()
    refused = client.get(reverse("queries:builder"), {**BUILD, "text": "rota"})
    assert refused.status_code == 400
    assert "Free-text search is only for your own organisation" in refused.content.decode()
    save = client.post(reverse("queries:save"), {**BUILD, "text": "rota", "name": "Sneaky", "shared": "no"})
    assert save.status_code == 400 and not SavedQuery.objects.exists()
    risk = client.get(reverse("queries:builder"), {**BUILD, "by": "risk_band"})  # an organisation-only field
    assert risk.status_code == 400


def test_analyst_sees_only_approved_copies_suppressed(
    client_for: Callable[..., Any], other_org: Any, report: Callable[..., Any]
) -> None:
    for _ in range(6):
        report(approve=True, incident_type="medication_error")
    report(organisation=other_org, approve=True, incident_type="child_missing")
    report(approve=False, incident_type="missed_visit_or_contact", what_happened="Unapproved words at Larkspur Close")
    body = client_for("analyst").get(reverse("queries:builder"), {"by": "incident_type", "period": "all"}).content
    text = body.decode()
    table = text.split('id="result-table"')[1].split("</table>")[0]
    assert "[c]" in table and "Medication error" in table
    assert "Missed visit or contact" not in table  # the unapproved report's type is not counted
    assert "Larkspur" not in text


def test_safety_lead_never_sees_another_organisation(
    client_for: Callable[..., Any], other_org: Any, report: Callable[..., Any]
) -> None:
    report(organisation=other_org, approve=True, incident_type="child_missing")
    report(incident_type="medication_error")
    body = client_for("reviewer").get(reverse("queries:builder"), {"by": "incident_type", "period": "all"})
    table = body.content.decode().split('id="result-table"')[1].split("</table>")[0]
    assert "Medication error" in table and "Child missing" not in table


def test_save_list_detail_edit_delete(
    client_for: Callable[..., Any], people: dict[str, User], report: Callable[..., Any]
) -> None:
    report(incident_type="medication_error")
    client = client_for("reviewer")
    query = _save(client, f_outcome="near_miss")
    assert query.owner == people["reviewer"] and not query.national and not query.shared
    assert query.definition["filters"] == {"outcome": ["near_miss"]}
    assert "By type and area" in client.get(reverse("queries:list")).content.decode()
    detail = client.get(reverse("queries:detail", args=[query.pk])).content.decode()
    assert "Medication error" in detail and "Near miss" in detail and "Pin to dashboard" in detail
    edit_page = client.get(reverse("queries:edit", args=[query.pk])).content.decode()
    assert 'value="near_miss" checked' in edit_page and "Save changes" in edit_page
    bad = client.post(reverse("queries:edit", args=[query.pk]), {**BUILD, "name": "", "shared": "yes"})
    assert bad.status_code == 400 and "Enter a name for the query" in bad.content.decode()
    changed = client.post(reverse("queries:edit", args=[query.pk]), {**BUILD, "name": "Renamed", "shared": "yes"})
    assert changed.status_code == 302 and changed["Location"] == reverse("queries:detail", args=[query.pk])
    assert "Query changed: Renamed" in client.get(changed["Location"]).content.decode()
    query.refresh_from_db()
    assert query.name == "Renamed" and query.shared and query.definition["filters"] == {}
    assert client.get(reverse("queries:delete", args=[query.pk])).status_code == 200
    assert client.post(reverse("queries:delete", args=[query.pk])).status_code == 302
    assert not SavedQuery.objects.exists()
    verbs = list(AuditEvent.objects.filter(verb__startswith="query.").values_list("verb", flat=True))
    assert verbs == ["query.saved", "query.changed", "query.deleted"]


def test_sharing_and_permissions_for_every_view(
    client_for: Callable[..., Any], people: dict[str, User], make_user: Callable[..., Any], org: Any
) -> None:
    colleague = make_user("reviewer2", Role.REVIEWER, org)
    owner = client_for("reviewer")
    private = _save(owner, name="Private one")
    shared = _save(owner, name="Shared one", shared="yes")
    colleague_client = Client()
    colleague_client.force_login(colleague)

    views = [
        ("get", "queries:detail", {}),
        ("get", "queries:edit", {}),
        ("get", "queries:delete", {}),
        ("post", "queries:pin", {}),
        ("get", "queries:schedule", {}),
        ("get", "queries:export", {"file_format": "csv"}),
    ]

    def status(client: Any, method: str, name: str, query: SavedQuery, extra: dict[str, str]) -> int:
        url = reverse(name, kwargs={"query_id": query.pk, **extra})
        return int(getattr(client, method)(url).status_code)

    for method, name, extra in views:
        # Another organisation's safety lead, and an analyst, get a 404: the query's existence is not revealed.
        assert status(client_for("other_reviewer"), method, name, shared, extra) == 404, name
        assert status(client_for("analyst"), method, name, shared, extra) == 404, name
        # A colleague never sees a private query.
        assert status(colleague_client, method, name, private, extra) == 404, name
        # People who build no queries: 403 (signed in) or the sign-in page.
        assert status(client_for("reporter"), method, name, shared, extra) == 404, name
        assert status(client_for(None), method, name, shared, extra) == 302, name
    # A colleague may open, pin and download a shared query but not change it.
    for method, name, extra in views:
        expected = 403 if name in ("queries:edit", "queries:delete", "queries:schedule") else None
        got = status(colleague_client, method, name, shared, extra)
        assert (got == expected) if expected else got in (200, 302), (name, got)
    for name in ("queries:list", "queries:builder"):
        assert client_for("reporter").get(reverse(name)).status_code == 403
        assert client_for("org_admin").get(reverse(name)).status_code == 403
        assert client_for("analyst").get(reverse(name)).status_code == 200
    listed = client_for("other_reviewer").get(reverse("queries:list")).content.decode()
    assert "Shared one" not in listed and "Private one" not in listed
    assert "Private one" not in colleague_client.get(reverse("queries:list")).content.decode()


def test_pinned_query_is_a_dashboard_tile(
    client_for: Callable[..., Any], people: dict[str, User], report: Callable[..., Any]
) -> None:
    report(incident_type="medication_error")
    client = client_for("reviewer")
    query = _save(client, name="Pinned table")
    assert client.post(reverse("queries:pin", args=[query.pk]), {"pinned": "yes"}).status_code == 302
    dashboard = client.get(reverse("analytics:dashboard")).content.decode()
    assert "Pinned to your dashboard" in dashboard and "Pinned table" in dashboard
    assert "Medication error" in dashboard
    # Nobody else's dashboard shows it.
    assert "Pinned table" not in client_for("other_reviewer").get(reverse("analytics:dashboard")).content.decode()
    client.post(reverse("queries:pin", args=[query.pk]), {"pinned": "no"})
    assert not QueryPin.objects.exists()
    analyst = client_for("analyst")
    national = _save(analyst, name="National tile", by="incident_type", then_by="")
    analyst.post(reverse("queries:pin", args=[national.pk]), {"pinned": "yes"})
    assert "National tile" in analyst.get(reverse("analytics:home")).content.decode()


def test_csv_and_xlsx_exports(
    client_for: Callable[..., Any], report: Callable[..., Any], people: dict[str, User]
) -> None:
    for _ in range(6):
        report(approve=True, incident_type="medication_error", service_area="looked_after")
    report(approve=True, incident_type="child_missing", service_area="looked_after")
    analyst = client_for("analyst")
    query = _save(analyst, name='=HYPERLINK("http://evil")')
    response = analyst.get(reverse("queries:export", args=[query.pk, "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Incident type" and rows[0][-1] == "Total"
    by_label = {row[0]: row for row in rows[1:]}
    assert by_label["Child missing"][1:] != ["1", "1"] and "[c]" in by_label["Child missing"]
    assert by_label["Not recorded"][0] == "Not recorded"
    assert rows[-1][0] == "Total"

    from openpyxl import load_workbook

    xlsx = analyst.get(reverse("queries:export", args=[query.pk, "xlsx"]))
    book = load_workbook(io.BytesIO(xlsx.content))
    counts = [[c.value for c in row] for row in book["counts"].iter_rows()]
    assert counts[0][0] == "Incident type" and any("[c]" in row for row in counts)
    about = {row[0].value: row[1].value for row in book["about"].iter_rows()}
    assert about["Query"].startswith("'=")  # a formula-looking name is made inert
    assert about["Scope"].startswith("National pool")
    assert AuditEvent.objects.filter(verb="query.exported").count() == 2
    assert analyst.get(reverse("queries:export", args=[query.pk, "pdf"])).status_code == 404
    unsaved = client_for("reviewer").get(
        reverse("queries:export_unsaved", args=["csv"]), {"by": "incident_type", "period": "all"}
    )
    assert unsaved.status_code == 200 and "Medication error" in unsaved.content.decode("utf-8-sig")
    refused = client_for("reviewer").get(reverse("queries:export_unsaved", args=["csv"]), {"by": "nonsense"})
    assert refused.status_code == 400


def test_monthly_email_is_a_link_and_nothing_else(
    client_for: Callable[..., Any],
    people: dict[str, User],
    make_user: Callable[..., Any],
    org: Any,
    report: Callable[..., Any],
    settings: Any,
    monkeypatch: Any,
) -> None:
    import datetime as dt

    settings.SITE_URL = "https://safelearn.example.org"
    report(incident_type="medication_error")
    colleague = make_user("reviewer2", Role.REVIEWER, org)
    client = client_for("reviewer")
    query = _save(client, name="Medication errors at Oak House")
    schedule_url = reverse("queries:schedule", args=[query.pk])
    # A private query cannot be emailed to colleagues; the choice is kept with the message.
    refused = client.post(schedule_url, {"email_monthly": "yes", "recipients": [colleague.pk]})
    assert refused.status_code == 400 and "Share the query" in refused.content.decode()
    assert "checked" in refused.content.decode()
    # People outside the organisation are not offered, and are refused if posted.
    outsider = client.post(schedule_url, {"email_monthly": "yes", "recipients": [people["other_reviewer"].pk]})
    assert outsider.status_code == 400 and "Choose people from the list" in outsider.content.decode()
    query.shared = True
    query.save()
    ok = client.post(schedule_url, {"email_monthly": "yes", "recipients": [colleague.pk, people["reviewer"].pk]})
    assert ok.status_code == 302

    assert query_reports_send(today=dt.date(2026, 12, 1)) == 2
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    link = f"https://safelearn.example.org{reverse('queries:detail', args=[query.pk])}"
    assert link in message.body
    for content in ("Medication", "Oak House", "Incident type", "Near miss", "Total"):
        assert content not in message.body and content not in message.subject
    assert not any(ch.isdigit() for ch in message.body.replace(link, ""))  # no counts at all
    # Once a month: running again the same month sends nothing; the next month sends again.
    assert query_reports_send(today=dt.date(2026, 12, 20)) == 0
    out = io.StringIO()
    monkeypatch.setattr(services, "timezone", SimpleNamespace(localdate=lambda: dt.date(2026, 12, 28)))
    call_command("send-query-reports", stdout=out)  # the scheduler's command, later the same month: nothing
    assert "monthly query emails sent: 0" in out.getvalue() and len(mail.outbox) == 1
    event = AuditEvent.objects.filter(verb="query.report_emailed").first()
    assert event is not None and event.payload["recipients"] == 2
    assert query_reports_send(today=dt.date(2027, 1, 2)) == 2
    # Someone who can no longer open it gets nothing.
    Membership.objects.filter(user=colleague).delete()
    assert query_reports_send(today=dt.date(2027, 2, 1)) == 1


def test_making_a_query_private_takes_it_off_colleagues_dashboards_and_emails(
    client_for: Callable[..., Any], people: dict[str, User], make_user: Callable[..., Any], org: Any
) -> None:
    colleague = make_user("reviewer2", Role.REVIEWER, org)
    owner = client_for("reviewer")
    query = _save(owner, name="Shared then private", shared="yes")
    colleague_client = Client()
    colleague_client.force_login(colleague)
    colleague_client.post(reverse("queries:pin", args=[query.pk]), {"pinned": "yes"})
    owner.post(reverse("queries:schedule", args=[query.pk]), {"email_monthly": "yes", "recipients": [colleague.pk]})
    assert list(query.recipients.all()) == [colleague]
    assert "Shared then private" in colleague_client.get(reverse("analytics:dashboard")).content.decode()
    owner.post(reverse("queries:edit", args=[query.pk]), {**BUILD, "name": "Shared then private", "shared": "no"})
    assert not query.recipients.exists() and not QueryPin.objects.filter(user=colleague).exists()
    assert "Shared then private" not in colleague_client.get(reverse("analytics:dashboard")).content.decode()
    assert colleague_client.get(reverse("queries:detail", args=[query.pk])).status_code == 404
