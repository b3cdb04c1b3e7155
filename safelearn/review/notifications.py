"""What each statutory body asks for, and a first draft of it from the report.

One `NotificationKind` per statutory duty (the taxonomy's `statutory_notification` ids), its words read from
`data/notification_kinds.yaml`. The fields follow the questions each body's own form asks, in its order, in our
words:

- Regulation 40 (children's homes) and regulation 36 / schedule 7 (fostering): Ofsted's "tell Ofsted about
  an incident" online form asks for the home's unique reference number (URN) and address, the event, the
  children involved, what has been done and who else was told.
- Serious incident notification: the Child Safeguarding Practice Review Panel's online notification system
  (shared with Ofsted and the Department for Education) asks for the children (up to four), whether abuse or
  neglect is known or suspected, a case outline and the agencies involved.
- Rapid review: the safeguarding partners' summary for the Panel within 15 working days of the
  notification: the facts, immediate actions, learning so far and whether to commission a local review.
- LADO referral: the referrer, the adult the allegation is about, the child, the allegation, actions so far.
- ICO personal data breach report: what happened, when it happened and was found, the data and people
  affected, likely consequences, containment, who has been told. The ICO asks for no personal data of the
  people affected, so its description starts from the de-identified copy when there is one.

SafeLearn holds no names, dates of birth or addresses of children or staff: fields that need them are left
for the safety lead to complete, and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.utils import timezone

from safelearn.core.taxonomy import get_taxonomy
from safelearn.core.types import RequestUser, User


@dataclass(frozen=True)
class NotificationField:
    key: str
    label: str
    hint: str = ""
    long: bool = False  # a paragraph (textarea) rather than one line


@dataclass(frozen=True)
class NotificationKind:
    duty: str
    title: str
    recipient: str
    how_to_send: str
    fields: tuple[NotificationField, ...]
    prefill: Callable[[Any, Any], dict[str, str]] = field(compare=False)

    def field_keys(self) -> list[str]:
        return [f.key for f in self.fields]


TO_COMPLETE = ""  # left blank for the safety lead: SafeLearn does not hold it


def _label(section: str, value: str) -> str:
    if not value:
        return ""
    try:
        return get_taxonomy().label(section, value)
    except Exception:  # an old code no longer in the taxonomy: show it as it is
        return value


def _date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{timezone.localtime(value):%-d %B %Y %H:%M}"
    return f"{value:%-d %B %Y}"


def _name(user: RequestUser | None) -> str:
    if not isinstance(user, User):  # nobody signed in
        return ""
    return user.get_full_name() or user.get_username()


def _contact(report: Any, actor: Any) -> str:
    org = report.organisation
    parts = [_name(actor), org.name, getattr(actor, "email", "") or org.duty_contact_email, org.duty_contact_phone]
    return ", ".join(p for p in parts if p)


def _children(report: Any) -> str:
    """The children's coded details (never a name); empty when the report has none recorded."""
    children = getattr(report, "children", None)
    if children is None:
        return ""
    lines = []
    for child in children.all():
        bits = [
            child.get_age_band_display() if child.age_band else "",
            child.get_sex_display() if child.sex else "",
            child.get_legal_status_display() if child.legal_status else "",
            f"disability: {child.get_disability_display().lower()}" if child.disability else "",
            f"ethnicity: {child.get_ethnicity_display()}" if child.ethnicity else "",
        ]
        lines.append(f"Child {child.position}: " + ", ".join(b for b in bits if b))
    return "\n".join(lines)


def _place(report: Any) -> str:
    location = getattr(report, "location", None)
    kind = report.get_location_type_display() if getattr(report, "location_type", "") else ""
    parts = [location.name if location is not None else "", kind, report.organisation.name]
    return ", ".join(p for p in parts if p)


def _what_happened(report: Any) -> str:
    return (report.what_happened or "").strip()


def _agencies(report: Any) -> str:
    return ", ".join(_label("agency_involved", a) for a in report.agencies_involved or [])


def _event(report: Any) -> str:
    parts = [_label("incident_type", report.incident_type), _label("outcome", report.outcome)]
    return "; ".join(p for p in parts if p)


def _others_told(report: Any, duty: str) -> str:
    from safelearn.review.models import ClockStatus, StatutoryClock

    told = StatutoryClock.objects.filter(report=report, status=ClockStatus.NOTIFIED).exclude(duty=duty)
    lines = [
        f"{c.get_duty_display()}: {c.notified_to}, {_date(c.notified_at)}"
        + (f" (reference {c.onward_notification.body_reference})" if _reference(c) else "")
        for c in told
    ]
    escalation = report.escalations.exclude(acknowledged_at=None).first() if hasattr(report, "escalations") else None
    if escalation is not None and (escalation.who_was_told or escalation.who_was_told_other):
        who = [*escalation.who_was_told, escalation.who_was_told_other]
        lines.append("At the time: " + ", ".join(str(w).replace("_", " ") for w in who if w))
    return "\n".join(lines)


def _reference(clock: Any) -> str:
    notification = getattr(clock, "onward_notification", None) if clock is not None else None
    return notification.body_reference if notification is not None else ""


def _deidentified_or_narrative(report: Any) -> str:
    from safelearn.privacy.models import DeidentifiedCopy

    copy = DeidentifiedCopy.objects.filter(report=report).only("text").first()
    text = (getattr(copy, "text", "") or "").strip()
    return text or _what_happened(report)


def _common(report: Any, actor: Any) -> dict[str, str]:
    return {"our_reference": report.reference, "contact": _contact(report, actor)}


def _regulation_40(report: Any, actor: Any) -> dict[str, str]:
    fostering = report.service_area == "fostering" or getattr(report, "location_type", "") == "foster_placement"
    return {
        "regulation": (
            "Fostering Services (England) Regulations 2011, regulation 36 and schedule 7"
            if fostering
            else "Children's Homes (England) Regulations 2015, regulation 40"
        ),
        "urn": TO_COMPLETE,
        "setting": _place(report),
        "event": _event(report),
        "when": _date(report.occurred_on) + (" (approximate)" if report.occurred_on_is_approximate else ""),
        "aware": _date(report.submitted_at),
        "children": _children(report),
        "placing_authority": TO_COMPLETE,
        "description": _what_happened(report),
        "actions": TO_COMPLETE,
        "others_told": _others_told(report, "regulation_40_notification"),
        **_common(report, actor),
    }


def _serious_incident(report: Any, actor: Any) -> dict[str, str]:
    harm = "The child died" if report.outcome == "death" else _label("outcome", report.outcome)
    return {
        "local_authority": report.organisation.name,
        "children": _children(report),
        "incident": harm,
        "when": _date(report.occurred_on),
        "aware": _date(report.submitted_at),
        "abuse_or_neglect": TO_COMPLETE,
        "outline": _what_happened(report),
        "agencies": _agencies(report),
        "partners_told": _others_told(report, "serious_incident_notification"),
        **_common(report, actor),
    }


def _rapid_review(report: Any, actor: Any) -> dict[str, str]:
    from safelearn.review.models import Finding, StatutoryClock

    sin = StatutoryClock.objects.filter(report=report, duty="serious_incident_notification").first()
    findings = Finding.objects.filter(report=report).values_list("pattern", flat=True)
    return {
        "notification": (
            f"{_date(sin.notified_at)}" + (f", Panel reference {_reference(sin)}" if _reference(sin) else "")
            if sin is not None and sin.notified_at
            else TO_COMPLETE
        ),
        "children": _children(report),
        "facts": _what_happened(report),
        "agencies": _agencies(report),
        "immediate_actions": TO_COMPLETE,
        "learning": "\n".join(f"- {f}" for f in findings),
        "recommendation": TO_COMPLETE,
        **_common(report, actor),
    }


def _lado(report: Any, actor: Any) -> dict[str, str]:
    return {
        "referrer": _contact(report, actor),
        "adult": TO_COMPLETE,
        "employer": report.organisation.name,
        "children": _children(report),
        "allegation_type": TO_COMPLETE,
        "when_where": ", ".join(p for p in (_date(report.occurred_on), _place(report)) if p),
        "description": _what_happened(report),
        "actions": TO_COMPLETE,
        "previous": TO_COMPLETE,
        "adult_aware": TO_COMPLETE,
        "our_reference": report.reference,
    }


def _ico(report: Any, actor: Any) -> dict[str, str]:
    return {
        "report_type": "Initial report",
        "what_happened": _deidentified_or_narrative(report),
        "cyber": "No",
        "how_found": "Reported through SafeLearn"
        + (f" by a {_label('reporter_role', report.reporter_role).lower()}" if report.reporter_role else ""),
        "discovered": _date(report.submitted_at),
        "happened": _date(report.occurred_on),
        "data_categories": "Basic personal identifiers; information about children's social care",
        "people": TO_COMPLETE,
        "subject_categories": "Children" + (", " + _children(report).replace("\n", "; ") if _children(report) else ""),
        "consequences": TO_COMPLETE,
        "containment": TO_COMPLETE,
        "told_people": TO_COMPLETE,
        "others_told": _others_told(report, "data_breach_report"),
        "dpo": TO_COMPLETE,
        **_common(report, actor),
    }


KINDS_PATH = Path(__file__).parent / "data" / "notification_kinds.yaml"

#: Each duty's first draft from the report; the words of each body's form are data, in ``KINDS_PATH``.
_PREFILL: dict[str, Callable[[Any, Any], dict[str, str]]] = {
    "regulation_40_notification": _regulation_40,
    "serious_incident_notification": _serious_incident,
    "rapid_review": _rapid_review,
    "lado_referral": _lado,
    "data_breach_report": _ico,
}


def _field(entry: str | dict[str, Any], shared: dict[str, dict[str, Any]]) -> NotificationField:
    """A field written out, or the key of a shared one."""
    if isinstance(entry, str):
        return NotificationField(key=entry, **shared[entry])
    return NotificationField(**entry)


def _load_kinds(path: Path = KINDS_PATH) -> dict[str, NotificationKind]:
    with path.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    shared = document["shared_fields"]
    kinds = {
        raw["duty"]: NotificationKind(
            duty=raw["duty"],
            title=raw["title"],
            recipient=raw["recipient"],
            how_to_send=raw["how_to_send"],
            fields=tuple(_field(entry, shared) for entry in raw["fields"]),
            prefill=_PREFILL[raw["duty"]],
        )
        for raw in document["kinds"]
    }
    if kinds.keys() != _PREFILL.keys():
        raise ValueError(
            f"{path.name} and the first drafts name different duties: {sorted(kinds.keys() ^ _PREFILL.keys())}"
        )
    return kinds


KINDS: dict[str, NotificationKind] = _load_kinds()


def kind_for(duty: str) -> NotificationKind:
    return KINDS[duty]


def prefilled(*, report: Any, duty: str, actor: Any) -> dict[str, str]:
    """A first draft from the report: every field of the body's form, blank where SafeLearn cannot know."""
    kind = kind_for(duty)
    values = kind.prefill(report, actor)
    return {key: values.get(key, "") for key in kind.field_keys()}
