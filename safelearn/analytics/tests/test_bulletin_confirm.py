"""Publishing a bulletin cannot be undone, so it always passes a confirmation page first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from safelearn.analytics import services
from safelearn.analytics.models import Bulletin
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.web.tests.pages import read_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(approved_report: Callable[..., Any], people: dict[str, User]) -> Bulletin:
    report = approved_report(what_happened="The rota gap meant nobody visited.")
    bulletin = services.bulletin_create(
        actor=people["analyst"], data=services.BulletinInput(title="Rota gaps", summary="Visits missed.")
    )
    services.bulletin_item_add(
        bulletin=bulletin, actor=people["analyst"], copy_id=report.deidentified.pk, commentary=""
    )
    return bulletin


def test_the_draft_page_leads_to_a_confirmation_not_a_publish_form(
    draft: Bulletin, client_for: Callable[..., Any]
) -> None:
    publish = reverse("analytics:bulletin_publish", args=[draft.pk])
    html = client_for("analyst").get(reverse("analytics:bulletin_detail", args=[draft.pk])).content.decode()
    assert not [form for form in read_page(html).forms if form.action == publish]
    assert f'href="{publish}"' in html


def test_confirmation_page_says_it_cannot_be_undone_and_publishes_only_when_confirmed(
    draft: Bulletin, client_for: Callable[..., Any], django_capture_on_commit_callbacks: Any
) -> None:
    analyst = client_for("analyst")
    publish = reverse("analytics:bulletin_publish", args=[draft.pk])
    page = analyst.get(publish)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Are you sure you want to publish this bulletin?" in html
    assert "You cannot change or withdraw a bulletin after it is published." in html
    (form,) = [form for form in read_page(html).forms if form.action == publish]
    assert form.method == "post" and form.fields["confirm"] == ["yes"]

    # A POST without the confirmation (an old form, a stray request) only shows the question again.
    assert "Are you sure" in analyst.post(publish).content.decode()
    draft.refresh_from_db()
    assert not draft.is_published

    with django_capture_on_commit_callbacks(execute=True):
        response = analyst.post(publish, {"confirm": form.fields["confirm"][0]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert AuditEvent.objects.filter(verb="analytics.bulletin_published").count() == 1


def test_confirmation_page_needs_the_analyst_role(draft: Bulletin, client_for: Callable[..., Any]) -> None:
    publish = reverse("analytics:bulletin_publish", args=[draft.pk])
    assert client_for("reviewer").get(publish).status_code in (403, 404)
    assert client_for(None).get(publish).status_code == 302


def test_an_empty_draft_cannot_be_confirmed(people: dict[str, User], client_for: Callable[..., Any]) -> None:
    empty = services.bulletin_create(actor=people["analyst"], data=services.BulletinInput(title="T", summary="S"))
    html = client_for("analyst").get(reverse("analytics:bulletin_publish", args=[empty.pk])).content.decode()
    assert "cannot be published" in html and "Yes, publish it" not in html
