"""Writes: saving, sharing, pinning, scheduling and sending saved queries. Each change is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.links import absolute_url
from safelearn.core.notifications import notify_users
from safelearn.queries.access import Scope
from safelearn.queries.definition import QueryDefinition, definition_validate
from safelearn.queries.models import QueryPin, SavedQuery
from safelearn.queries.selectors import recipient_choices, saved_query_visible

NAME_MAX = 120


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError({"name": ["Enter a name for the query"]})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": [f"Name must be {NAME_MAX} characters or fewer"]})
    return name


def saved_query_create(*, actor: Any, scope: Scope, name: str, definition: QueryDefinition, shared: bool) -> SavedQuery:
    name = _check_name(name)
    definition_validate(definition, national=scope.national)
    with transaction.atomic():
        query = SavedQuery.objects.create(
            organisation=scope.organisation,
            owner=actor,
            name=name,
            national=scope.national,
            shared=shared,
            definition=definition.to_json(),
        )
        audit_record(actor=actor, verb="query.saved", target=query, payload={"shared": shared})
    return query


def saved_query_update(
    *, actor: Any, query: SavedQuery, name: str, definition: QueryDefinition, shared: bool
) -> SavedQuery:
    """The owner changes the query (callers fetch it with ``saved_query_get_for_owner``)."""
    name = _check_name(name)
    definition_validate(definition, national=query.national)
    with transaction.atomic():
        query.name, query.definition, query.shared = name, definition.to_json(), shared
        query.save(update_fields=["name", "definition", "shared", "updated_at"])
        if not shared:
            # A private query is the owner's alone: colleagues lose their pins and monthly emails.
            query.recipients.remove(*query.recipients.exclude(pk=actor.pk))
            QueryPin.objects.filter(query=query).exclude(user=actor).delete()
        audit_record(actor=actor, verb="query.changed", target=query, payload={"shared": shared})
    return query


def saved_query_delete(*, actor: Any, query: SavedQuery) -> None:
    with transaction.atomic():
        audit_record(actor=actor, verb="query.deleted", target=query)
        query.delete()


def query_pin(*, actor: Any, query: SavedQuery, pinned: bool) -> None:
    """Show (or stop showing) a query's table on this person's dashboard."""
    if pinned:
        QueryPin.objects.get_or_create(user=actor, query=query)
    else:
        QueryPin.objects.filter(user=actor, query=query).delete()


def saved_query_schedule_set(*, actor: Any, query: SavedQuery, email_monthly: bool, recipients: Iterable[Any]) -> None:
    """Who gets the monthly email (a link to the query, never its numbers)."""
    chosen = list(recipients)
    allowed = set(recipient_choices(query=query).values_list("pk", flat=True))
    if any(person.pk not in allowed for person in chosen):
        raise ValidationError({"recipients": ["Choose people from the list"]})
    if email_monthly and not chosen:
        raise ValidationError({"recipients": ["Choose at least one person to email"]})
    if not query.shared and any(person.pk != actor.pk for person in chosen):
        raise ValidationError(
            {"recipients": ["Share the query with your organisation before emailing it to colleagues"]}
        )
    with transaction.atomic():
        query.email_monthly = email_monthly
        query.save(update_fields=["email_monthly", "updated_at"])
        query.recipients.set(chosen if email_monthly else [])
        audit_record(
            actor=actor,
            verb="query.schedule_set",
            target=query,
            payload={"email_monthly": email_monthly, "recipients": len(chosen) if email_monthly else 0},
        )


EMAIL_TITLE = "Your monthly SafeLearn report is ready"


def query_reports_send(*, today: dt.date | None = None) -> int:
    """Email each scheduled query's link to its recipients, once a calendar month; returns emails sent.

    The message holds a link and nothing else about the query: the numbers are behind the sign-in, where
    the usual permissions apply (someone who has since lost access gets nothing).
    """
    today = today or timezone.localdate()
    first_of_month = today.replace(day=1)
    sent = 0
    due = SavedQuery.objects.filter(email_monthly=True).exclude(last_emailed_on__gte=first_of_month)
    for query in due.prefetch_related("recipients"):
        people = [p for p in query.recipients.all() if p.is_active and saved_query_visible(user=p, query=query)]
        with transaction.atomic():
            claimed = (
                SavedQuery.objects.filter(pk=query.pk)
                .exclude(last_emailed_on__gte=first_of_month)
                .update(last_emailed_on=today)
            )
            if not claimed:
                continue  # another worker sent it this month
            link = absolute_url(reverse("queries:detail", args=[query.pk]))
            body = (
                "A report you asked SafeLearn to send each month is ready.\n\n"
                f"Open it here (you will be asked to sign in): {link}\n\n"
                "For your security this email does not contain the report's contents."
            )
            if people:
                notify_users(
                    users=people,
                    kind="query_report",
                    title=EMAIL_TITLE,
                    body=body,
                    url=reverse("queries:detail", args=[query.pk]),
                    organisation_id=query.organisation_id,
                )
            audit_record(
                actor="scheduler",
                verb="query.report_emailed",
                target=query,
                payload={"recipients": len(people), "month": first_of_month.isoformat()},
            )
        sent += len(people)
    return sent


def query_exported(*, actor: Any, query: SavedQuery | None, organisation_id: Any, file_format: str) -> None:
    audit_record(
        actor=actor,
        verb="query.exported",
        target_type="queries.savedquery" if query else "queries.query",
        target_id=str(query.pk) if query else "",
        organisation_id=organisation_id,
        payload={"format": file_format},
    )
