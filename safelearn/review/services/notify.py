"""Review notifications: in-app at once, email straight away or in a daily digest as each user chooses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safelearn.core.audit import audit_record
from safelearn.core.links import absolute_url
from safelearn.core.models import Notification
from safelearn.core.notifications import notify_users, send_email
from safelearn.core.types import User
from safelearn.organisations.models import Membership, Role
from safelearn.review.models import EmailFrequency, NotificationPreference

#: Every review notification kind starts with this, so digests collect only ours (other apps email at once).
KIND_PREFIX = "review_"


def email_frequency_for(user: User) -> str:
    pref = NotificationPreference.objects.filter(user=user).only("email_frequency").first()
    return pref.email_frequency if pref else EmailFrequency.IMMEDIATE


def notification_preference_set(*, user: User, email_frequency: str) -> NotificationPreference:
    """Record how often this user wants review emails."""
    if email_frequency not in EmailFrequency.values:
        raise ValidationError({"email_frequency": ["Choose straight away or once a day"]})
    with transaction.atomic():
        pref, _ = NotificationPreference.objects.get_or_create(user=user)
        pref.email_frequency = email_frequency
        pref.save(update_fields=["email_frequency", "updated_at"])
        audit_record(actor=user, verb="notification_preference.set", target=pref, payload={"email": email_frequency})
    return pref


def reviewers_of(organisation_id: Any) -> list[Any]:
    return [
        m.user
        for m in Membership.objects.filter(organisation_id=organisation_id, role=Role.REVIEWER).select_related("user")
    ]


def review_notify(
    *, users: Iterable[Any], kind: str, title: str, body: str = "", url: str = "", organisation_id: Any = None
) -> list[Notification]:
    """In-app for everyone; email now for those who chose 'straight away' (the rest get the daily digest)."""
    unique = list({u.pk: u for u in users if u is not None}.values())
    created = notify_users(
        users=unique,
        kind=KIND_PREFIX + kind,
        title=title,
        body=body,
        url=url,
        organisation_id=organisation_id,
        email=False,
    )
    for user in unique:
        if user.email and email_frequency_for(user) == EmailFrequency.IMMEDIATE:
            send_email([user.email], title, f"{body}\n\n{absolute_url(url)}".strip())
    return created


def digests_send(*, now: dt.datetime) -> int:
    """Send each 'once a day' user one email listing review alerts since their last digest."""
    sent = 0
    day_ago = now - dt.timedelta(days=1)
    prefs = NotificationPreference.objects.filter(email_frequency=EmailFrequency.DAILY).select_related("user")
    for pref in prefs:
        if pref.last_digest_at and pref.last_digest_at > day_ago:
            continue
        items = Notification.objects.filter(user=pref.user, kind__startswith=KIND_PREFIX)
        if pref.last_digest_at:
            items = items.filter(created_at__gt=pref.last_digest_at)
        items = items.order_by("created_at")
        lines = [f"- {n.title}{f' ({absolute_url(n.url)})' if n.url else ''}" for n in items]
        if lines and pref.user.email:
            send_email(
                [pref.user.email],
                f"SafeLearn: {len(lines)} review alert{'s' if len(lines) != 1 else ''}",
                "Your daily summary of SafeLearn review alerts:\n\n" + "\n".join(lines),
            )
            sent += 1
        pref.last_digest_at = now
        pref.save(update_fields=["last_digest_at", "updated_at"])
    return sent
