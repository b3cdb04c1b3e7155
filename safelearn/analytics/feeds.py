"""The Atom feed of published bulletins (Django's syndication framework)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from safelearn.analytics.access import require_member
from safelearn.analytics.models import Bulletin
from safelearn.analytics.selectors import bulletin_list_published, subscription_by_token

FEED_SIZE = 50

if TYPE_CHECKING:
    # Generic in the type stubs only (items, object): Django's Feed cannot be subscripted at run time.
    _Feed = Feed[Bulletin, None]
else:
    _Feed = Feed


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are `type="text"`: feed readers show them, never run them.

    Django's Atom1Feed marks every summary `type="html"`, so a reader renders the bulletin summary an
    analyst typed as HTML: `<img onerror=...>` or a tracking pixel in it would act in every subscriber's
    reader (issue 15, finding 9). Summaries are plain text everywhere else (the pages escape them), so
    they go out as text here too.
    """

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item.get("description"):
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class BulletinFeed(_Feed):
    """Published bulletins, newest first. Readable when signed in, or with a subscriber's private token."""

    feed_type = PlainTextAtom1Feed
    title = "SafeLearn learning bulletins"
    subtitle = "De-identified lessons from near misses and incidents in children's services."

    def get_object(self, request: HttpRequest, token: str = "") -> None:
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
