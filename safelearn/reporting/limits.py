"""Limits per internet connection on what the public can post: report submissions, receipt look-ups and receipt
emails. Each is a django-ratelimit group whose rate a setting may override."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited


@dataclass(frozen=True)
class ConnectionLimit:
    group: str
    setting: str  # the setting that overrides ``default``
    default: str  # as django-ratelimit writes a rate: "20/h"

    def rate(self) -> str:
        return str(getattr(settings, self.setting, self.default))

    def hit(self, request: HttpRequest) -> bool:
        """Count one post against the client's address; True once it is over the limit."""
        return bool(
            is_ratelimited(request, group=self.group, key="ip", rate=self.rate(), method="POST", increment=True)
        )
