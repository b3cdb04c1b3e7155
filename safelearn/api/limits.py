from __future__ import annotations

import re

from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from safelearn.api.errors import RateLimited

_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def window_seconds(rate: str) -> int:
    """The window of a django-ratelimit rate such as "20/h" or "5/10m": the longest a refused client waits."""
    match = re.fullmatch(r"\d+/(\d*)([smhd])", rate.strip())
    if match is None:
        return 60
    return int(match.group(1) or 1) * _UNIT_SECONDS[match.group(2)]


def enforce(request: HttpRequest, group: str, rate: str) -> None:
    """Count this request against the client's IP for the group; refuse past the rate."""
    if is_ratelimited(request, group=group, key="ip", rate=rate, method=is_ratelimited.ALL, increment=True):
        raise RateLimited(group, retry_after=window_seconds(rate))
