"""Reads for the record over time. Listing a file shows its name (a read of encrypted data, shown only to
those allowed); its content is read only through services.attachment_read, which audits each read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from safelearn.casework.models import AmendmentCopy, Attachment, ReportLink
from safelearn.core.audit import audit_record
from safelearn.core.types import RequestUser, User
from safelearn.organisations.permissions import require_reviewer
from safelearn.privacy.models import DeidentifiedStatus
from safelearn.privacy.selectors import AdditionWaiting
from safelearn.reporting.models import Addendum, Report


def attachments_for(*, report: Report) -> QuerySet[Attachment]:
    """Every file of a report, newest last, without the content (a listing never decrypts a file)."""
    return Attachment.objects.filter(report=report).defer("content").select_related("added_by")


def attachments_added_by(*, report: Report, user: User) -> QuerySet[Attachment]:
    """The files a reporter added to their own report (they see theirs, not the safety lead's)."""
    return attachments_for(report=report).filter(added_by=user)


@dataclass(frozen=True)
class Amendment:
    addendum: Addendum
    copy: AmendmentCopy | None


def amendments_for(*, report: Report, reporters_only: bool = False) -> list[Amendment]:
    """Each addition with its de-identified copy (raw words: callers audit the read). A reporter sees only
    the reporter's own additions, never what a safety lead added."""
    query = Addendum.objects.filter(report=report).select_related("author").order_by("created_at")
    if reporters_only:
        query = query.filter(author_label="reporter")
    addenda = list(query)
    copies = {c.addendum_id: c for c in AmendmentCopy.objects.filter(addendum__in=addenda)}
    return [Amendment(addendum=a, copy=copies.get(a.pk)) for a in addenda]


def amendment_copies_for_redaction(*, report: Report) -> list[AmendmentCopy]:
    return list(AmendmentCopy.objects.filter(report=report).select_related("addendum").order_by("created_at"))


def amendment_copies_waiting(organisation_id: Any) -> list[AdditionWaiting]:
    """One row per report with an addition not yet approved (privacy's redaction queue lists them)."""
    waiting = (
        AmendmentCopy.objects.filter(organisation_id=organisation_id)
        .exclude(status=DeidentifiedStatus.APPROVED)
        .order_by("created_at")
        .values_list("report_id", "report__reference", "created_at")
    )
    first: dict[Any, AdditionWaiting] = {}
    for report_id, reference, since in waiting:
        first.setdefault(report_id, AdditionWaiting(report_id, reference, since))
    return list(first.values())


def amendment_copy_for_reviewer(*, user: RequestUser | None, copy_id: Any) -> AmendmentCopy:
    copy = AmendmentCopy.objects.select_related("addendum", "report", "report__organisation").filter(pk=copy_id).first()
    if copy is None:
        from django.http import Http404

        raise Http404
    require_reviewer(user, copy.organisation_id)
    return copy


@dataclass(frozen=True)
class Linked:
    link: ReportLink
    report: Report


def links_for(*, report: Report) -> list[Linked]:
    """The reports linked to this one (same organisation by construction), oldest link first."""
    links = (
        ReportLink.objects.filter(Q(first=report) | Q(second=report))
        .select_related("first", "second", "created_by")
        .defer(*(f"{side}__{name}" for side in ("first", "second") for name in _NARRATIVE))
        .order_by("created_at")
    )
    return [Linked(link=link, report=link.other(report.pk)) for link in links]


_NARRATIVE = ("what_happened", "how_noticed", "why_happened", "what_would_help")


def linked_reports_for_review(*, user: RequestUser | None, report: Report) -> list[Report]:
    """This report and every report linked to it, for reading side by side: each narrative read is audited."""
    require_reviewer(user, report.organisation_id)
    others = [item.report.pk for item in links_for(report=report)]
    reports = [
        report,
        *Report.objects.filter(pk__in=others, organisation_id=report.organisation_id).order_by("submitted_at"),
    ]
    for shown in reports[1:]:
        audit_record(actor=user, verb="report.narrative_read", target=shown, payload={"via": "linked reports"})
    return reports
