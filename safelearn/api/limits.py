from __future__ import annotations

from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from safelearn.api.errors import RateLimited


def enforce(request: HttpRequest, group: str, rate: str) -> None:
    """Count this request against the client's IP for the group; refuse past the rate."""
    if is_ratelimited(request, group=group, key="ip", rate=rate, method=is_ratelimited.ALL, increment=True):
        raise RateLimited(group)
