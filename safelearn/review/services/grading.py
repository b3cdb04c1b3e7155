"""Risk and harm grading, the proportionate response level, and statutory clocks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.taxonomy import get_taxonomy
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting.models import NARRATIVE_FIELDS, Report, ReportStatus
from safelearn.review.clocks import duty_rule, suggest_duties
from safelearn.review.models import Assessment, ClockStatus, ResponseLevel, StatutoryClock
from safelearn.review.services.notify import review_notify, reviewers_of


def assessment_for(report: Report) -> Assessment:
    assessment, _ = Assessment.objects.get_or_create(report=report)
    return assessment


def assessment_grade(
    *,
    report: Report,
    actor: Any,
    consequence: int,
    likelihood: int,
    harm: str,
    harm_revisit_on: dt.date | None = None,
    today: dt.date | None = None,
) -> Assessment:
    """Grade risk (consequence × likelihood, banded) and harm; 'not yet known' needs a date to revisit."""
    require_reviewer(actor, report.organisation_id)
    matrix = get_taxonomy().risk_matrix
    errors: dict[str, list[str]] = {}
    if consequence not in range(1, len(matrix.consequence) + 1):
        errors["consequence"] = ["Choose the potential consequence"]
    if likelihood not in range(1, len(matrix.likelihood) + 1):
        errors["likelihood"] = ["Choose how likely it is to happen again"]
    if harm not in get_taxonomy().ids("outcome"):
        errors["harm"] = ["Choose the harm, or 'Not yet known'"]
    today = today or timezone.localdate()
    if harm == "unknown":
        if harm_revisit_on is None:
            errors["harm_revisit_on"] = ["Harm is not yet known: enter a date to look at it again"]
        elif harm_revisit_on <= today:
            errors["harm_revisit_on"] = ["The date to look at harm again must be in the future"]
    if errors:
        raise ValidationError(errors)
    score = consequence * likelihood
    with transaction.atomic():
        assessment = assessment_for(report)
        assessment.consequence = consequence
        assessment.likelihood = likelihood
        assessment.risk_score = score
        assessment.risk_band = _band(score)
        # For a near miss the grade is of what could have happened, not of what did.
        assessment.graded_potential = report.outcome == "near_miss" or harm == "near_miss"
        assessment.harm = harm
        assessment.harm_revisit_on = harm_revisit_on if harm == "unknown" else None
        assessment.graded_by = actor
        assessment.graded_at = timezone.now()
        assessment.save()
        audit_record(
            actor=actor,
            verb="report.graded",
            target=report,
            payload={
                "consequence": consequence,
                "likelihood": likelihood,
                "score": score,
                "band": assessment.risk_band,
                "harm": harm,
                "revisit_on": harm_revisit_on,
            },
        )
        clocks_start_suggested(report=report, actor=actor, harm=harm)
    return assessment


def _band(score: int) -> str:
    return get_taxonomy().risk_matrix.band(score)


def response_level_set(*, report: Report, actor: Any, level: str, reason: str) -> Assessment:
    """The proportionate response, with the reason recorded."""
    require_reviewer(actor, report.organisation_id)
    errors: dict[str, list[str]] = {}
    if level not in ResponseLevel.values:
        errors["level"] = ["Choose a response level"]
    if not reason.strip():
        errors["reason"] = ["Say why this response is proportionate"]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        assessment = assessment_for(report)
        assessment.response_level = level
        assessment.response_reason = reason.strip()
        assessment.save(update_fields=["response_level", "response_reason", "updated_at"])
        audit_record(actor=actor, verb="report.response_level_set", target=report, payload={"level": level})
    return assessment


def clock_start(*, report: Report, actor: Any, duty: str, started_at: dt.datetime | None = None) -> StatutoryClock:
    """Start a duty's clock from when the organisation became aware (the report's arrival) unless told otherwise."""
    require_reviewer(actor, report.organisation_id)
    return _clock_create(report=report, actor=actor, duty=duty, started_at=started_at)


def clocks_start_for_waiting_reports() -> list[StatutoryClock]:
    """The system starts suggested clocks for reports nobody has triaged yet: a deadline runs from arrival,
    not from when a safety lead first looks, so it must remind even if triage is late."""
    started = []
    waiting = Report.objects.filter(status=ReportStatus.SUBMITTED).defer(*NARRATIVE_FIELDS)
    for report in waiting.select_related("organisation"):
        for suggestion in suggest_duties(report=report):
            if not StatutoryClock.objects.filter(report=report, duty=suggestion.duty).exists():
                started.append(_clock_create(report=report, actor="system", duty=suggestion.duty))
    return started


def _clock_create(*, report: Report, actor: Any, duty: str, started_at: dt.datetime | None = None) -> StatutoryClock:
    if duty not in get_taxonomy().ids("statutory_notification"):
        raise ValidationError({"duty": ["Choose a statutory duty"]})
    existing = StatutoryClock.objects.filter(report=report, duty=duty).first()
    if existing is not None:
        return existing
    started = started_at or report.submitted_at
    with transaction.atomic():
        clock = StatutoryClock.objects.create(
            report=report,
            organisation_id=report.organisation_id,
            duty=duty,
            started_at=started,
            deadline=duty_rule(duty).deadline(started),
            started_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_record(
            actor=actor,
            verb="clock.started",
            target=report,
            payload={"duty": duty, "started_at": started, "deadline": clock.deadline},
        )
        label = get_taxonomy().label("statutory_notification", duty)
        deadline = timezone.localtime(clock.deadline)
        transaction.on_commit(
            lambda: review_notify(
                users=reviewers_of(report.organisation_id),
                kind="clock_started",
                title=f"Statutory deadline for {report.reference}: {deadline:%-d %B %Y %H:%M}",
                body=f"{label} may be needed for report {report.reference}. Deadline: {deadline:%-d %B %Y %H:%M}.",
                url=reverse("review:report_detail", args=[report.pk]),
                organisation_id=report.organisation_id,
            )
        )
    return clock


def clocks_start_suggested(*, report: Report, actor: Any, harm: str = "") -> list[StatutoryClock]:
    """Start a clock for every duty the answers suggest (each duty at most once)."""
    return [clock_start(report=report, actor=actor, duty=s.duty) for s in suggest_duties(report=report, harm=harm)]


def clock_record_notification(
    *,
    clock: StatutoryClock,
    actor: Any,
    notified_to: str,
    notified_at: dt.datetime,
    notes: str = "",
    method: str = "",
    reference: str = "",
) -> StatutoryClock:
    """Who was sent the notification, when, how and their reference: a sending recorded, which stops the clock.

    The older name for `onward.notification_record_sent` (the API calls it); errors keep its field names.
    """
    from safelearn.review.services.onward import notification_record_sent

    try:
        notification_record_sent(
            clock=clock,
            actor=actor,
            sent_to=notified_to,
            sent_at=notified_at,
            method=method,
            reference=reference,
        )
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            raise
        renamed = {"sent_to": "notified_to", "sent_at": "notified_at"}
        raise ValidationError({renamed.get(k, k): v for k, v in exc.message_dict.items()}) from exc
    clock.refresh_from_db()
    if notes.strip():
        clock.notes = notes.strip()
        clock.save(update_fields=["notes", "updated_at"])
    return clock


def clock_mark_not_required(*, clock: StatutoryClock, actor: Any, reason: str) -> StatutoryClock:
    require_reviewer(actor, clock.organisation_id)
    if clock.status == ClockStatus.NOTIFIED:
        raise ValidationError(
            {"notes": ["This notification has been sent: a sent duty cannot be marked as not applying"]}
        )
    if not reason.strip():
        raise ValidationError({"notes": ["Say why this duty does not apply"]})
    with transaction.atomic():
        clock.status = ClockStatus.NOT_REQUIRED
        clock.notes = reason.strip()
        clock.save(update_fields=["status", "notes", "updated_at"])
        audit_record(actor=actor, verb="clock.not_required", target=clock.report, payload={"duty": clock.duty})
    return clock
