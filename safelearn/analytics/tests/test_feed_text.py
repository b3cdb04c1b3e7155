"""Issue 15, finding 9: bulletin summaries go out in the Atom feed as text, never as active HTML."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from safelearn.analytics.models import Bulletin, BulletinStatus, BulletinSubscription
from safelearn.core.types import User

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
MARKUP = '<img src="https://tracker.example/p.gif" onerror="alert(1)"><script>alert(2)</script> & <b>bold</b>'


@pytest.fixture
def bulletin(people: dict[str, User]) -> Bulletin:
    return Bulletin.objects.create(
        title="Rota <em>gaps</em>",
        summary=MARKUP,
        status=BulletinStatus.PUBLISHED,
        published_at=timezone.now(),
        created_by=people["analyst"],
    )


def _entry(content: bytes) -> Any:
    root = ElementTree.fromstring(content)  # noqa: S314 - our own server's output, in a test
    return root.find(f"{ATOM}entry")


def test_summary_is_text_exactly_as_typed(bulletin: Bulletin, client_for: Callable[..., Any]) -> None:
    response = client_for("reporter").get(reverse("analytics:bulletin_feed"))
    assert response.status_code == 200
    entry = _entry(response.content)
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "text"  # a reader shows the characters; it does not render them
    assert summary.text == MARKUP
    title = entry.find(f"{ATOM}title")
    assert title.get("type", "text") == "text" and title.text == "Rota <em>gaps</em>"
    assert entry.find(f"{ATOM}content") is None  # no other element carries the summary as HTML
    assert b'type="html"' not in response.content


def test_the_token_feed_is_the_same(bulletin: Bulletin, people: dict[str, User], client: Any) -> None:
    subscription = BulletinSubscription.objects.create(user=people["other_reviewer"])
    response = client.get(reverse("analytics:bulletin_feed_token", args=[subscription.feed_token]))
    summary = _entry(response.content).find(f"{ATOM}summary")
    assert summary.get("type") == "text" and summary.text == MARKUP
