"""Every analytics page: signed out, no role, wrong role, other organisation, analyst."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from safelearn.analytics import services
from safelearn.analytics.models import BulletinSubscription
from safelearn.core.types import User
from safelearn.learning.models import Signal

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(people: dict[str, User], org: Any, other_org: Any, approved_report: Callable[..., Any]) -> dict[str, Any]:
    report = approved_report()
    analyst = people["analyst"]
    draft = services.bulletin_create(actor=analyst, data=services.BulletinInput(title="Draft one", summary="Why"))
    published = services.bulletin_create(actor=analyst, data=services.BulletinInput(title="Out now", summary="Why"))
    services.bulletin_item_add(bulletin=published, actor=analyst, copy_id=report.deidentified.pk)
    services.bulletin_publish(bulletin=published, actor=analyst)
    alert = services.alert_issue(
        actor=analyst,
        data=services.AlertInput(
            title="Check contact plans",
            why="Pooled reports show repeated gaps.",
            what_to_do="Review every plan.",
            respond_by=timezone.localdate() + dt.timedelta(days=14),
            organisation_ids=[org.pk],
        ),
    )
    return {"draft": draft, "published": published, "alert": alert, "recipient": alert.recipients.get()}


def _urls(o: dict[str, Any]) -> dict[str, str]:
    return {
        "home": reverse("analytics:home"),
        "dashboard": reverse("analytics:dashboard"),
        "csv": reverse("analytics:dashboard_csv", args=["types"]),
        "pool": reverse("analytics:pool"),
        "children": reverse("analytics:children_supported"),
        "bulletins": reverse("analytics:bulletin_list"),
        "bulletin_new": reverse("analytics:bulletin_new"),
        "draft": reverse("analytics:bulletin_detail", args=[o["draft"].pk]),
        "draft_edit": reverse("analytics:bulletin_edit", args=[o["draft"].pk]),
        "draft_pdf": reverse("analytics:bulletin_pdf", args=[o["draft"].pk]),
        "published": reverse("analytics:bulletin_detail", args=[o["published"].pk]),
        "published_pdf": reverse("analytics:bulletin_pdf", args=[o["published"].pk]),
        "feed": reverse("analytics:bulletin_feed"),
        "alerts": reverse("analytics:alert_list"),
        "alert_new": reverse("analytics:alert_new"),
        "alert": reverse("analytics:alert_detail", args=[o["alert"].pk]),
        "org_alerts": reverse("analytics:organisation_alerts"),
        "respond": reverse("analytics:alert_respond", args=[o["recipient"].pk]),
        "open_data": reverse("analytics:open_data"),
        "open_data_csv": reverse("analytics:open_data_download", args=["2026-Q1", "data.csv"]),
    }


# Expected status for GET, per user. 302 = sent to sign in (or, for home, to the dashboard).
EXPECTED: dict[str, dict[str, int]] = {
    # page:          anon, no_role, reporter, reviewer, org_admin, other_reviewer, analyst
    "home": dict(
        zip(
            ["anon", "no_role", "reporter", "reviewer", "org_admin", "other_reviewer", "analyst"],
            [302, 403, 302, 302, 302, 302, 200],
            strict=True,
        )
    ),
    "dashboard": dict(
        anon=302, no_role=403, reporter=200, reviewer=200, org_admin=200, other_reviewer=200, analyst=200
    ),
    "csv": dict(anon=302, no_role=403, reporter=200, reviewer=200, org_admin=200, other_reviewer=200, analyst=200),
    "pool": dict(anon=302, no_role=403, reporter=403, reviewer=403, org_admin=403, other_reviewer=403, analyst=200),
    "children": dict(anon=302, no_role=403, reporter=403, reviewer=403, org_admin=200, other_reviewer=403, analyst=403),
    "bulletins": dict(
        anon=302, no_role=403, reporter=200, reviewer=200, org_admin=200, other_reviewer=200, analyst=200
    ),
    "bulletin_new": dict(
        anon=302, no_role=403, reporter=403, reviewer=403, org_admin=403, other_reviewer=403, analyst=200
    ),
    "draft": dict(anon=302, no_role=403, reporter=404, reviewer=404, org_admin=404, other_reviewer=404, analyst=200),
    "draft_edit": dict(
        anon=302, no_role=403, reporter=403, reviewer=403, org_admin=403, other_reviewer=403, analyst=200
    ),
    "draft_pdf": dict(
        anon=302, no_role=403, reporter=404, reviewer=404, org_admin=404, other_reviewer=404, analyst=200
    ),
    "published": dict(
        anon=302, no_role=403, reporter=200, reviewer=200, org_admin=200, other_reviewer=200, analyst=200
    ),
    "published_pdf": dict(
        anon=302, no_role=403, reporter=200, reviewer=200, org_admin=200, other_reviewer=200, analyst=200
    ),
    "feed": dict(anon=403, no_role=403, reporter=200, reviewer=200, org_admin=200, other_reviewer=200, analyst=200),
    "alerts": dict(anon=302, no_role=403, reporter=403, reviewer=403, org_admin=403, other_reviewer=403, analyst=200),
    "alert_new": dict(
        anon=302, no_role=403, reporter=403, reviewer=403, org_admin=403, other_reviewer=403, analyst=200
    ),
    "alert": dict(anon=302, no_role=403, reporter=403, reviewer=403, org_admin=403, other_reviewer=403, analyst=200),
    "org_alerts": dict(
        anon=302, no_role=403, reporter=403, reviewer=200, org_admin=200, other_reviewer=200, analyst=403
    ),
    # the alert went to Northbridge only: Westmoor's safety lead gets a 404, not a hint it exists
    "respond": dict(anon=302, no_role=404, reporter=404, reviewer=200, org_admin=200, other_reviewer=404, analyst=404),
    "open_data": dict(
        anon=302, no_role=403, reporter=403, reviewer=403, org_admin=403, other_reviewer=403, analyst=200
    ),
    "open_data_csv": dict(
        anon=302, no_role=403, reporter=403, reviewer=403, org_admin=403, other_reviewer=403, analyst=200
    ),
}
USERS = ["anon", "no_role", "reporter", "reviewer", "org_admin", "other_reviewer", "analyst"]


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_every_page_for_every_kind_of_user(page: str, objects: dict[str, Any], client_for: Callable[..., Any]) -> None:
    url = _urls(objects)[page]
    for user in USERS:
        response = client_for(None if user == "anon" else user).get(url)
        assert response.status_code == EXPECTED[page][user], (page, user, response.status_code)
        if response.status_code == 302 and user == "anon":
            assert reverse("login") in response["Location"]


def test_posts_need_the_analyst_role(objects: dict[str, Any], client_for: Callable[..., Any], org: Any) -> None:
    draft = objects["draft"]
    posts = [
        reverse("analytics:bulletin_publish", args=[draft.pk]),
        reverse("analytics:bulletin_item_add", args=[draft.pk]),
        reverse("analytics:bulletin_new"),
        reverse("analytics:alert_new"),
    ]
    for user in ("reporter", "reviewer", "org_admin"):
        client = client_for(user)
        for url in posts:
            assert client.post(url, {"title": "x", "summary": "y"}).status_code == 403, (user, url)
    assert client_for(None).post(posts[0]).status_code == 302
    draft.refresh_from_db()
    assert not draft.is_published


def test_organisation_user_cannot_ask_for_another_organisation(
    objects: dict[str, Any], client_for: Callable[..., Any], other_org: Any, org: Any
) -> None:
    client = client_for("reviewer")
    url = reverse("analytics:dashboard")
    assert client.get(url, {"organisation": str(other_org.pk)}).status_code == 403
    assert client.get(url, {"organisation": str(org.pk)}).status_code == 200
    csv_url = reverse("analytics:dashboard_csv", args=["rates"])
    assert client.get(csv_url, {"organisation": str(other_org.pk)}).status_code == 403


def test_feed_token_lets_a_feed_reader_in(
    objects: dict[str, Any], people: dict[str, User], client_for: Callable[..., Any]
) -> None:
    subscription = BulletinSubscription.objects.create(user=people["reporter"])
    anon = client_for(None)
    assert anon.get(reverse("analytics:bulletin_feed_token", args=[subscription.feed_token])).status_code == 200
    assert anon.get(reverse("analytics:bulletin_feed_token", args=["not-a-token"])).status_code == 404


def test_children_supported_form(client_for: Callable[..., Any], org: Any, other_org: Any) -> None:
    client = client_for("org_admin")
    url = reverse("analytics:children_supported")
    bad = client.post(url, {"children_supported": "lots"})
    assert bad.status_code == 400
    assert "Enter a whole number" in bad.content.decode()
    assert 'value="lots"' in bad.content.decode()  # nothing typed is lost
    assert client.post(url, {"children_supported": "4200"}).status_code == 302
    org.refresh_from_db()
    other_org.refresh_from_db()
    assert org.children_supported == 4200
    assert other_org.children_supported is None


def test_analyst_home_shows_the_open_learning_signals(objects: dict[str, Any], client_for: Callable[..., Any]) -> None:
    client = client_for("analyst")
    assert "No emerging themes at the moment" in client.get(reverse("analytics:home")).content.decode()
    now = timezone.now()
    window = {"window_start": now - dt.timedelta(days=28), "window_end": now, "report_ids": [], "kind": "new"}
    Signal.objects.create(key="vape", label="vape app", score=5.0, org_count=3, **window)
    Signal.objects.create(key="old", label="dismissed theme", score=9.0, org_count=2, status="dismissed", **window)
    page = client.get(reverse("analytics:home"))
    html = page.content.decode()
    assert 'id="signals"' in html
    assert "vape app – 3 organisations" in html
    assert "dismissed theme" not in html and "No emerging themes" not in html
    assert "Check contact plans" in html and "0 of 1" in html  # the alert and its compliance
    assert "Draft one" in html
