"""The Atom feed of published bulletins (Django's syndication framework)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from safelearn.analytics.access import require_member
from safelearn.analytics.models import Bulletin
from safelearn.analytics.selectors import bulletin_list_published, subscription_by_token

FEED_SIZE = 50


class BulletinFeed(Feed):
    """Published bulletins, newest first. Readable when signed in, or with a subscriber's private token."""

    feed_type = Atom1Feed
    title = "SafeLearn learning bulletins"
    subtitle = "De-identified lessons from near misses and incidents in children's services."

    def get_object(self, request: HttpRequest, token: str = "") -> None:  # type: ignore[override]
        if token:
            if subscription_by_token(token) is None:
                raise Http404
            return None
        require_member(request.user)
        return None

    def link(self) -> str:
        return reverse("analytics:bulletin_list")

    def items(self) -> list[Bulletin]:
        return list(bulletin_list_published()[:FEED_SIZE])

    def item_title(self, item: Bulletin) -> str:
        return item.title

    def item_description(self, item: Bulletin) -> str:
        return item.summary

    def item_link(self, item: Bulletin) -> str:
        return reverse("analytics:bulletin_detail", args=[item.pk])

    def item_pubdate(self, item: Bulletin) -> dt.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Bulletin) -> dt.datetime | None:
        return item.published_at

    def item_guid(self, item: Bulletin) -> str:
        return f"urn:uuid:{item.pk}"

    def item_extra_kwargs(self, item: Bulletin) -> dict[str, Any]:
        return {}
