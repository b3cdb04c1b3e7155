"""Staff drafts: a failed send keeps what was typed once, not once per attempt; drafts are named by their words."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safelearn.core.types import User
from safelearn.reporting.models import ReportDraft

pytestmark = pytest.mark.django_db


def _post(client: Any, **extra: str) -> Any:
    data = {"action": "submit", "what_happened": "The visit rota had a gap on Friday afternoon", **extra}
    return client.post(reverse("reporting:report_new"), data)


def test_each_failed_send_does_not_add_another_identical_draft(client: Any, people: dict[str, User]) -> None:
    client.force_login(people["reporter"])
    first = _post(client)
    assert first.status_code in (200, 400)
    draft_id = first.context["draft_id"]
    second = _post(client, draft=draft_id)
    third = _post(client)  # the same words again from a fresh form (another tab, or the Report link)
    assert second.context["draft_id"] == draft_id
    assert third.context["draft_id"] == draft_id
    assert ReportDraft.objects.filter(owner=people["reporter"]).count() == 1


def test_drafts_are_listed_by_their_first_words_and_date(client: Any, people: dict[str, User]) -> None:
    client.force_login(people["reporter"])
    words = "The visit rota had a gap on Friday afternoon and nobody covered the evening visit"
    client.post(reverse("reporting:report_new"), {"action": "save_draft", "what_happened": words})
    client.post(reverse("reporting:report_new"), {"action": "save_draft", "what_happened": ""})
    draft = ReportDraft.objects.filter(owner=people["reporter"]).order_by("created_at").first()
    assert draft is not None
    page = client.get(reverse("reporting:my_reports")).content.decode()
    assert "The visit rota had a gap on Friday…" in page
    assert f"({draft.updated_at:%d %b %Y}".replace("(0", "(") in page
    assert "Draft with no description yet" in page
    assert "nobody covered" not in page  # only the first words, not the whole narrative
