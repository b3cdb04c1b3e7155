"""Links in emails are absolute, built from SITE_URL, so they work outside the browser."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from safelearn.core.links import absolute_url
from safelearn.core.types import User


def test_absolute_url_joins_the_site_url(settings: Any) -> None:
    settings.SITE_URL = "https://safelearn.example.org/"
    assert absolute_url("/review/triage/") == "https://safelearn.example.org/review/triage/"
    assert absolute_url("review/") == "https://safelearn.example.org/review/"
    assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"
    assert absolute_url("") == ""


@pytest.mark.django_db
def test_review_emails_and_digests_carry_absolute_links(settings: Any, people: dict[str, User]) -> None:
    from safelearn.review.models import EmailFrequency
    from safelearn.review.services.notify import digests_send, notification_preference_set, review_notify

    settings.SITE_URL = "https://safelearn.example.org"
    reviewer = people["reviewer"]
    review_notify(users=[reviewer], kind="test", title="An action is due", body="Look at it.", url="/review/actions/")
    assert mail.outbox[-1].body.endswith("https://safelearn.example.org/review/actions/")

    notification_preference_set(user=reviewer, email_frequency=EmailFrequency.DAILY)
    mail.outbox.clear()
    review_notify(users=[reviewer], kind="test", title="Another", url="/review/triage/")
    assert digests_send(now=timezone.now()) == 1
    assert "(https://safelearn.example.org/review/triage/)" in mail.outbox[-1].body
