"""Calendar quarters in local time: the period reports are counted and compared by."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def quarter_of(when: dt.datetime) -> str:
    """'2026-Q3' for a moment, in the site's local time."""
    local = timezone.localtime(when)
    return f"{local.year}-Q{(local.month - 1) // 3 + 1}"


def quarter_start(when: dt.datetime, quarters_back: int = 0) -> dt.datetime:
    """Local midnight at the start of the quarter holding ``when``, or ``quarters_back`` quarters before it."""
    local = timezone.localtime(when)
    index = local.year * 4 + (local.month - 1) // 3 - quarters_back
    year, q = divmod(index, 4)
    return timezone.make_aware(dt.datetime(year, q * 3 + 1, 1))
