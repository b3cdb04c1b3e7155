"""Submitting a report, escalating a child at risk now, and adding addenda."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from safelearn.core.audit import audit_record
from safelearn.core.queue import task_enqueue_on_commit
from safelearn.core.taxonomy import get_taxonomy
from safelearn.core.types import User
from safelearn.organisations.models import Organisation
from safelearn.reporting import receipts
from safelearn.reporting.about import SettingType
from safelearn.reporting.identity import identity_keeper, identity_validate
from safelearn.reporting.models import (
    NARRATIVE_FIELDS,
    Addendum,
    EscalationSource,
    ReferenceCounter,
    Report,
    ReportingMode,
    RiskAnswer,
)
from safelearn.reporting.services.acknowledgement import acknowledgement_send
from safelearn.reporting.services.escalation import SOURCE_FOR_CHANNEL, escalation_raise, risk_screen
from safelearn.reporting.services.where_who import ChildInput, children_clean, children_save, location_resolve


@dataclass
class ReportInput:
    """Everything a reporter can tell us, from any channel (web, public link, API, import)."""

    what_happened: str
    mode: str = ReportingMode.NAMED
    kind: str = "incident"
    how_noticed: str = ""
    why_happened: str = ""
    what_would_help: str = ""
    occurred_on: dt.date | None = None
    occurred_on_is_approximate: bool = False
    outcome: str = ""
    incident_type: str = ""
    service_area: str = ""
    contributory_factors: list[str] = field(default_factory=list)
    recovery_factor: str = ""
    agencies_involved: list[str] = field(default_factory=list)
    reporter_role: str = ""
    immediate_risk_answer: str = ""
    #: Names the reporter lists privately ("who was involved"): used only to strip them from the narrative.
    people_involved: str = ""
    #: Where: one of the organisation's locations (its id), or only a type of setting (the public link).
    location_id: str = ""
    location_type: str = ""
    #: About each child or young person (coded answers only, never a name).
    children: list[ChildInput] = field(default_factory=list)


@dataclass(frozen=True)
class ReporterIdentity:
    """Who a confidential reporter is; stored only in the encrypted identity vault."""

    name: str
    contact: str = ""


@dataclass(frozen=True)
class SubmissionResult:
    report: Report
    receipt_code: str
    escalated: bool


def _check_code(section: str, value: str, label: str, errors: dict[str, list[str]], key: str) -> None:
    if value and value not in get_taxonomy().ids(section):
        # The label is marked with gettext_noop at the call; shown in the reader's language (issue 21).
        errors.setdefault(key, []).append(gettext("Choose a valid %(thing)s") % {"thing": gettext(label)})


def report_input_validate(data: ReportInput, *, today: dt.date | None = None) -> None:
    """Business rules shared by every channel; raises ValidationError keyed by field."""
    errors: dict[str, list[str]] = {}
    limit = settings.SAFELEARN_NARRATIVE_MAX_CHARS
    if not data.what_happened.strip():
        errors["what_happened"] = [gettext("Tell us what happened")]
    for name in NARRATIVE_FIELDS:
        text = getattr(data, name) or ""
        if len(text) > limit:
            errors.setdefault(name, []).append(
                gettext("This answer must be %(limit)s characters or fewer; it has %(length)s")
                % {"limit": f"{limit:,}", "length": f"{len(text):,}"}
            )
    if data.occurred_on and data.occurred_on > (today or timezone.localdate()):
        errors["occurred_on"] = [gettext("The date it happened must be today or in the past")]
    if data.mode not in ReportingMode.values:
        errors["mode"] = [gettext("Choose how you want to report")]
    if data.immediate_risk_answer and data.immediate_risk_answer not in RiskAnswer.values:
        errors["immediate_risk_answer"] = [gettext("Choose yes, no or not sure")]
    _check_code("report_kind", data.kind, gettext_noop("kind of report"), errors, "kind")
    _check_code("outcome", data.outcome, gettext_noop("outcome"), errors, "outcome")
    _check_code("incident_type", data.incident_type, gettext_noop("type of incident"), errors, "incident_type")
    _check_code("service_area", data.service_area, gettext_noop("service area"), errors, "service_area")
    _check_code("recovery_factor", data.recovery_factor, gettext_noop("recovery factor"), errors, "recovery_factor")
    _check_code("reporter_role", data.reporter_role, gettext_noop("role"), errors, "reporter_role")
    for factor in data.contributory_factors:
        _check_code("contributory_factor", factor, gettext_noop("contributory factor"), errors, "contributory_factors")
    for agency in data.agencies_involved:
        _check_code("agency_involved", agency, gettext_noop("agency"), errors, "agencies_involved")
    if data.location_type and data.location_type not in SettingType.values:
        errors["location_type"] = [gettext("Choose a valid type of setting")]
    try:
        children_clean(data.children)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)


def report_reference_allocate(organisation: Organisation, when: dt.datetime) -> str:
    """The next reference in the organisation's yearly series (ORG-2026-00042); call inside the saving transaction."""
    year = timezone.localtime(when).year
    counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(organisation=organisation, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{organisation.code}-{year}-{counter.last_number:05d}"


def report_follow_ups_queue(report: Report) -> None:
    """What happens to every new report once it is committed, whichever way it came (form, public link,
    API, import): privacy drafts its de-identified copy and learning computes coding suggestions, both in
    the background (`safelearn redact-pending` and `suggest-pending` catch up if the queue was down).
    Call inside the transaction that saved the report."""
    report_id = str(report.pk)
    task_enqueue_on_commit("privacy.deidentify_report", report_id)
    task_enqueue_on_commit("learning.suggest_for_report", report_id)


def _assign_receipt(report: Report) -> str:
    for _ in range(5):
        code = receipts.generate_code()
        handle = receipts.lookup_handle(code)
        if not Report.objects.filter(receipt_lookup=handle).exists():
            report.receipt_lookup = handle
            report.receipt_hash = receipts.hash_code(code)
            return code
    raise IntegrityError("could not allocate a unique receipt code")


def report_submit(
    *,
    organisation: Organisation,
    data: ReportInput,
    reporter: Any = None,
    channel: str = "staff",
    identity: ReporterIdentity | None = None,
) -> SubmissionResult:
    """Validate, store encrypted, issue a receipt code, and escalate a child at risk now.

    Named: the report is linked to the signed-in reporter. Confidential: the report is linked to nobody;
    the name and contact go to the encrypted identity vault (from ``identity``, else the signed-in
    account). Anonymous: no identity at all, even for a signed-in reporter.
    """
    report_input_validate(data)
    location, location_type = location_resolve(
        organisation=organisation, location_id=data.location_id, location_type=data.location_type
    )
    children = children_clean(data.children)
    user = reporter if getattr(reporter, "is_authenticated", False) else None
    identity = _identity_for(data.mode, user, identity)
    if data.mode != ReportingMode.NAMED:
        user = None  # confidential identity lives only in the vault; anonymous has none
    # Every free-text field is screened, the private names list too: recall matters more than precision.
    free_text = "\n".join([*(getattr(data, f) or "" for f in NARRATIVE_FIELDS), data.people_involved or ""])
    now = timezone.now()
    with transaction.atomic():
        values = asdict(data)
        people_involved = values.pop("people_involved", "").strip()
        for name in ("location_id", "location_type", "children"):
            values.pop(name)
        report = Report(
            organisation=organisation,
            reporter=user,
            channel=channel,
            submitted_at=now,
            location=location,
            location_type=location_type,
            **values,
        )
        report.reference = report_reference_allocate(organisation, now)
        code = _assign_receipt(report)
        report.save()
        report_follow_ups_queue(report)
        children_save(report=report, children=children)
        if people_involved:
            identity_keeper().involved_people_keep(report=report, names=people_involved)
        if identity is not None:
            identity_keeper().identity_create(report=report, name=identity.name, contact=identity.contact)
        # Flags the report and, once committed, alerts the duty contact before the reporter sees the next page.
        risk = risk_screen(
            report=report,
            text=free_text,
            source=SOURCE_FOR_CHANNEL.get(channel, EscalationSource.FORM),
            answer=data.immediate_risk_answer,
        )
        audit_record(
            actor=user or "reporter",
            verb="report.submitted",
            target=report,
            payload={"mode": report.mode, "channel": channel, "immediate_risk": risk.at_risk},
        )
        transaction.on_commit(lambda: acknowledgement_send(report=report, user=user))
    return SubmissionResult(report=report, receipt_code=code, escalated=risk.at_risk)


def _identity_for(mode: str, user: User | None, identity: ReporterIdentity | None) -> ReporterIdentity | None:
    if mode == ReportingMode.ANONYMOUS:
        return None
    if mode == ReportingMode.CONFIDENTIAL:
        if identity is None and user is not None:
            identity = ReporterIdentity(name=user.get_full_name() or user.get_username(), contact=user.email or "")
        if identity is None:
            raise ValidationError({"identity_name": [gettext("Enter your name, or choose to report anonymously")]})
        identity_validate(name=identity.name, contact=identity.contact)
        return identity
    if user is None:
        # A named report needs an account to be named by; without one the vault keeps the name safely.
        if identity is None:
            raise ValidationError({"mode": [gettext("Sign in to report by name, or choose confidential or anonymous")]})
        identity_validate(name=identity.name, contact=identity.contact)
        return identity
    return None


def report_escalate(*, report: Report, reasons: list[str]) -> None:
    """Tell the duty contact and the safety leads at once, and start the acknowledgement clock."""
    escalation_raise(report=report, reasons=reasons, source=SOURCE_FOR_CHANNEL.get(report.channel, "form"))


def addendum_add(*, report: Report, author: Any, text: str, author_label: str = "") -> Addendum:
    """Corrections never change the original; they are added beside it."""
    if not text.strip():
        raise ValidationError({"text": [gettext("Write the addition or correction")]})
    if len(text) > settings.SAFELEARN_NARRATIVE_MAX_CHARS:
        raise ValidationError({"text": [gettext("This is too long")]})
    with transaction.atomic():
        user = author if getattr(author, "is_authenticated", False) else None
        addendum = Addendum.objects.create(
            report=report,
            author=user,
            author_label=author_label or (user.get_username() if user else "reporter"),
            text=text,
        )
        audit_record(
            actor=user or "reporter",
            verb="report.addendum_added",
            target=report,
            payload={"addendum": str(addendum.pk)},
        )
        risk_screen(report=report, text=text, source=EscalationSource.ADDENDUM)
    return addendum
