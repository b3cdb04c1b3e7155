"""Ending every session a person has, at once (deactivation, a two-factor reset).

Sessions live in the database (Django's default engine). A session records its user only inside its
encoded data, so each unexpired session is decoded and checked; an organisation has hundreds of sessions at
most, and this runs only when an administrator acts on one person.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone

from safelearn.core.types import User


def user_sessions_end(*, user: User) -> int:
    """Delete every live session signed in as the user; the next request from any of them is signed out."""
    target = str(user.pk)
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get(SESSION_KEY, "")) == target
    ]
    Session.objects.filter(pk__in=doomed).delete()
    return len(doomed)


def sessions_end_on_deactivation(*, user: User, actor: Any) -> dict[str, int]:
    """A deactivated person is signed out everywhere at once (organisations.services.person_deactivate)."""
    return {"sessions_ended": user_sessions_end(user=user)}
