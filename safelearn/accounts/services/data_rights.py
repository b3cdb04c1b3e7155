"""A reporter's rights over their own data: a copy of everything linked to them, and erasure of the link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from safelearn.accounts.services.language import account_language_get
from safelearn.core.audit import audit_record
from safelearn.core.types import User
from safelearn.organisations.selectors import memberships_for
from safelearn.reporting.models import NARRATIVE_FIELDS, Addendum, Message, Report, ReportDraft, ReportingMode

EXPORT_FORMAT = "safelearn-subject-access/1"

#: Apps above accounts that link more rows to a person (casework: the files a reporter added) register an
#: unlink step in AppConfig.ready: `step(user) -> rows unlinked`, run inside the erasure's transaction.
#: A plain list, not a signal (the pattern of reporting.changes).
ErasureStep = Callable[[Any], int]
_erasure_steps: list[ErasureStep] = []


def reporter_erasure_step_add(step: ErasureStep) -> None:
    if step not in _erasure_steps:
        _erasure_steps.append(step)


@dataclass(frozen=True)
class ErasureResult:
    reports_anonymised: list[str]
    messages_unlinked: int
    drafts_deleted: int
    other_unlinked: int = 0


def reporter_data_export(*, user: User) -> dict[str, Any]:
    """Everything stored about the signed-in user as a reporter, for a subject-access request. Audited."""
    reports = list(Report.objects.filter(reporter=user).select_related("organisation").order_by("submitted_at"))
    own_messages = Message.objects.filter(author=user).select_related("report").order_by("created_at")
    data = {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "language": account_language_get(user),
            "memberships": [
                {"organisation": m.organisation.name, "role": m.role, "job_title": m.job_title}
                for m in memberships_for(user)
            ],
        },
        "reports": [
            {
                "reference": r.reference,
                "organisation": r.organisation.name,
                "submitted_at": r.submitted_at.isoformat(),
                "status": r.status,
                "mode": r.mode,
                "kind": r.kind,
                "occurred_on": r.occurred_on.isoformat() if r.occurred_on else None,
                "narrative": {f: getattr(r, f) or "" for f in NARRATIVE_FIELDS},
                "narrative_purged": r.raw_purged_at is not None,
            }
            for r in reports
        ],
        "additions_written": [
            {"report": a.report.reference, "added_at": a.created_at.isoformat(), "text": a.text}
            for a in Addendum.objects.filter(author=user).select_related("report").order_by("created_at")
        ],
        "messages_written": [
            {"report": m.report.reference, "sent_at": m.created_at.isoformat(), "body": m.body} for m in own_messages
        ],
        "drafts": [
            {"saved_at": d.updated_at.isoformat(), "payload": d.payload} for d in ReportDraft.objects.filter(owner=user)
        ],
    }
    audit_record(
        actor=user,
        verb="account.data_exported",
        target_type="auth.user",
        target_id=str(user.pk),
        payload={"reports": len(reports)},
    )
    return data


def reporter_data_erase(*, user: User) -> ErasureResult:
    """Unlink the user from their named reports (they become anonymous), their messages and drafts.

    The reports themselves stay: they are the organisation's safety record and may concern a child.
    The audit chain keeps who submitted what (it cannot be edited); only auditors can read it.
    """
    with transaction.atomic():
        reports = list(Report.objects.filter(reporter=user).only("id", "reference", "organisation_id", "mode"))
        for report in reports:
            audit_record(
                actor=user, verb="report.reporter_erased", target=report, payload={"previous_mode": report.mode}
            )
        Report.objects.filter(pk__in=[r.pk for r in reports]).update(reporter=None, mode=ReportingMode.ANONYMOUS)
        messages_unlinked = Message.objects.filter(author=user).update(author=None)
        drafts_deleted, _ = ReportDraft.objects.filter(owner=user).delete()
        other_unlinked = Addendum.objects.filter(author=user).update(author=None)
        other_unlinked += sum(step(user) for step in _erasure_steps)
        audit_record(
            actor=user,
            verb="account.data_erased",
            target_type="auth.user",
            target_id=str(user.pk),
            payload={
                "reports": len(reports),
                "messages": messages_unlinked,
                "drafts": drafts_deleted,
                "other": other_unlinked,
            },
        )
    return ErasureResult(
        reports_anonymised=[r.reference for r in reports],
        messages_unlinked=messages_unlinked,
        drafts_deleted=drafts_deleted,
        other_unlinked=other_unlinked,
    )
