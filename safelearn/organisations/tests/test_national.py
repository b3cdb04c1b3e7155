"""National administrators: set up an organisation with its first administrator; see every set-up status."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.organisations.models import Membership, Organisation, Role

pytestmark = pytest.mark.django_db

NEW = {
    "name": "Eastvale Family Services",
    "kind": "agency",
    "slug": "eastvale",
    "code": "EV",
    "duty_contact_email": "duty@eastvale.example.org",
    "admin_email": "First.Admin@Eastvale.example.org",
}


@pytest.fixture
def national_admin(make_user: Callable[..., User], national_org: Organisation) -> User:
    return make_user("national-admin", Role.ORG_ADMIN, national_org)


def test_national_admin_sets_up_an_organisation_and_its_first_admin_joins(
    client: Any, national_admin: Any, people: dict[str, Any]
) -> None:
    from safelearn.organisations.services import invitation_accept

    client.force_login(national_admin)
    response = client.post(reverse("national:organisation_new"), NEW)
    assert response.status_code == 302
    assert response["Location"] == reverse("national:organisations")
    created = Organisation.objects.get(slug="eastvale")
    assert (created.name, created.code, created.kind, created.duty_contact_email) == (
        "Eastvale Family Services",
        "EV",
        "agency",
        "duty@eastvale.example.org",
    )
    assert AuditEvent.objects.filter(verb="organisation.created", target_id=str(created.pk)).exists()
    (email,) = mail.outbox
    assert email.to == ["first.admin@eastvale.example.org"]
    token = re.search(r"/invitations/([\w-]+)/", str(email.body))
    assert token is not None
    user = invitation_accept(token=token.group(1), full_name="Fay Admin", password="a-long-new-password-42")
    assert Membership.objects.filter(user=user, organisation=created, role=Role.ORG_ADMIN).exists()


def test_someone_with_an_account_is_made_administrator_straight_away(
    client: Any, national_admin: Any, people: dict[str, Any]
) -> None:
    client.force_login(national_admin)
    response = client.post(reverse("national:organisation_new"), {**NEW, "admin_email": "REVIEWER@example.org"})
    assert response.status_code == 302
    created = Organisation.objects.get(slug="eastvale")
    assert Membership.objects.filter(user=people["reviewer"], organisation=created, role=Role.ORG_ADMIN).exists()
    assert mail.outbox[0].to == ["reviewer@example.org"]
    assert "/invitations/" not in mail.outbox[0].body


def test_a_taken_prefix_is_refused_and_nothing_typed_is_lost(
    client: Any, national_admin: Any, org: Organisation
) -> None:
    client.force_login(national_admin)
    response = client.post(reverse("national:organisation_new"), {**NEW, "code": org.code.lower()})
    assert response.status_code == 400
    page = response.content.decode()
    assert "This reference prefix is already used by another organisation" in page
    assert 'value="Eastvale Family Services"' in page
    assert 'value="first.admin@eastvale.example.org"' in page or 'value="First.Admin@Eastvale.example.org"' in page
    assert not Organisation.objects.filter(slug="eastvale").exists()
    assert not mail.outbox


def test_bad_input_gets_clear_messages(client: Any, national_admin: Any) -> None:
    client.force_login(national_admin)
    response = client.post(reverse("national:organisation_new"), {**NEW, "slug": "East Vale!", "kind": "national"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Use only letters, numbers and hyphens" in page
    assert "Traceback" not in page
    assert not Organisation.objects.filter(name=NEW["name"]).exists()


def test_setup_status_shows_duty_contact_people_and_reports_this_quarter(
    client: Any,
    national_admin: Any,
    people: dict[str, Any],
    org: Organisation,
    other_org: Organisation,
    submit_report: Any,
) -> None:
    from safelearn.reporting.models import Report

    other_org.duty_contact_email = ""
    other_org.save()
    submit_report()
    submit_report()
    old = submit_report()
    Report.objects.filter(pk=old.report.pk).update(submitted_at=timezone.now() - dt.timedelta(days=200))
    people["reporter"].is_active = False  # a deactivated person is not counted
    people["reporter"].save()
    client.force_login(national_admin)
    response = client.get(reverse("national:organisations"))
    assert response.status_code == 200
    rows = {row["status"].organisation.slug: row for row in response.context["rows"]}
    north, west = rows[org.slug]["status"], rows[other_org.slug]["status"]
    assert north.duty_contact_set and not west.duty_contact_set
    assert rows[org.slug]["counts"] == [1, 1, 0]  # administrators, safety leads, reporters
    assert north.reports_this_quarter == 2
    assert west.reports_this_quarter == 0
    assert north.ready and not west.ready
    page = response.content.decode()
    assert "Not set" in page and "Ready" in page and "Not ready" in page


@pytest.mark.parametrize("who", ["org_admin", "reviewer", "reporter", "analyst", "other_reviewer", "no_role"])
@pytest.mark.parametrize("name", ["national:organisations", "national:organisation_new"])
def test_only_national_admins_get_in(client: Any, people: dict[str, Any], who: str, name: str) -> None:
    client.force_login(people[who])
    assert client.get(reverse(name)).status_code == 403


def test_a_local_admin_cannot_create_an_organisation_by_posting(client: Any, people: dict[str, Any]) -> None:
    client.force_login(people["org_admin"])
    assert client.post(reverse("national:organisation_new"), NEW).status_code == 403
    assert not Organisation.objects.filter(slug="eastvale").exists()


@pytest.mark.parametrize("name", ["national:organisations", "national:organisation_new"])
def test_signed_out_visitors_are_sent_to_sign_in(client: Any, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
