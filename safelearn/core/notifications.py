"""Send a message in-app and by email. Email failure never undoes the in-app message."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail

from safelearn.core.models import Notification

logger = logging.getLogger(__name__)


def notify_users(
    *,
    users: Iterable[Any],
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    urgent: bool = False,
    organisation_id: Any = None,
    email: bool = True,
) -> list[Notification]:
    created = [
        Notification.objects.create(
            user=user, kind=kind, title=title, body=body, url=url, urgent=urgent, organisation_id=organisation_id
        )
        for user in users
    ]
    if email:
        addresses = [n.user.email for n in created if n.user.email]
        if addresses:
            send_email(addresses, title, body)
    return created


def send_email(to: list[str], subject: str, body: str) -> bool:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
    except Exception:  # a mail outage must not lose a report; the in-app copy stands
        logger.exception("email to %d recipients failed", len(to))
        return False
    return True
