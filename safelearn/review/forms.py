"""Forms only validate input; the rules live in services."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone

from safelearn.core.forms import DateInputField, GdsForm
from safelearn.core.taxonomy import get_taxonomy
from safelearn.core.types import User
from safelearn.learning.engine.taxonomy import FIELD_SECTIONS, MULTI_LABEL_FIELDS
from safelearn.reporting.models import ReportStatus
from safelearn.review.models import (
    METHODS_NEEDING_REFERENCE,
    ActionStatus,
    Answer,
    EmailFrequency,
    ResponseLevel,
    SendingMethod,
)
from safelearn.review.notifications import NotificationKind
from safelearn.review.selectors import InboxFilters
from safelearn.review.services.coding import FIELD_LABELS as CODE_FIELD_LABELS
from safelearn.review.services.onward import MAX_FIELD_CHARS


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, choices=[("", "Any status"), *ReportStatus.choices])
    incident_type = forms.ChoiceField(
        required=False, label="Type", choices=[("", "Any type"), *get_taxonomy().choices("incident_type")]
    )
    service_area = forms.ChoiceField(
        required=False,
        label="Service area",
        choices=[("", "Any service area"), *get_taxonomy().choices("service_area")],
    )
    submitted_from = forms.DateField(
        required=False,
        label="Sent from",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a real date, like 2026-03-27"},
    )
    submitted_to = forms.DateField(
        required=False,
        label="Sent to",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a real date, like 2026-03-27"},
    )

    def filters(self) -> InboxFilters:
        if not self.is_valid():
            return InboxFilters()
        return InboxFilters(**self.cleaned_data)


def _text(label: str, help_text: str = "", rows: int = 4, required: bool = True, message: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message or f"Enter {label.lower()}"},
    )


def _date(label: str, help_text: str = "For example, 27 3 2027", required: bool = True) -> DateInputField:
    return DateInputField(label=label, help_text=help_text, required=required, require_all_fields=False)


def _matrix_choices(values: tuple[str, ...]) -> list[tuple[int, str]]:
    return [(i, f"{i} – {v.replace('_', ' ').capitalize()}") for i, v in enumerate(values, start=1)]


class AssignForm(GdsForm):
    assignee = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Assign to",
        error_messages={"required": "Choose a safety lead", "invalid_choice": "Choose a safety lead"},
    )

    def __init__(self, *args: Any, reviewers: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[User]", self.fields["assignee"])
        field.queryset = User.objects.filter(pk__in=[u.pk for u in reviewers]).order_by("username")
        field.label_from_instance = lambda u: u.get_full_name() or u.get_username()  # type: ignore[method-assign,assignment]


class GradeForm(GdsForm):
    consequence = forms.TypedChoiceField(
        label="Potential consequence",
        help_text="For a near miss, grade what could have happened, not what did.",
        coerce=int,
        choices=_matrix_choices(get_taxonomy().risk_matrix.consequence),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the potential consequence"},
    )
    likelihood = forms.TypedChoiceField(
        label="Likelihood of it happening again",
        coerce=int,
        choices=_matrix_choices(get_taxonomy().risk_matrix.likelihood),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how likely it is to happen again"},
    )
    harm = forms.ChoiceField(
        label="Harm to the child or family",
        help_text="Choose 'Not yet known' if harm may still emerge, and set a date to look again.",
        choices=get_taxonomy().choices("outcome"),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the harm, or 'Not yet known'"},
    )
    harm_revisit_on = _date("Date to look at harm again (if not yet known)", required=False)

    def clean(self) -> dict[str, Any]:
        # The service checks this too; checking here shows it alongside any other missing answer.
        data = super().clean() or {}
        if data.get("harm") == "unknown" and not data.get("harm_revisit_on") and "harm_revisit_on" not in self.errors:
            self.add_error("harm_revisit_on", "Harm is not yet known: enter a date to look at it again")
        return data


class ResponseForm(GdsForm):
    level = forms.ChoiceField(
        label="Proportionate response",
        choices=ResponseLevel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a response level"},
    )
    reason = _text("Why is this response proportionate?", rows=3, message="Say why this response is proportionate")


class ClockStartForm(GdsForm):
    duty = forms.ChoiceField(
        label="Start a clock for another duty",
        choices=[("", "Choose a duty"), *get_taxonomy().choices("statutory_notification")],
        error_messages={"required": "Choose a statutory duty"},
    )


class ClockUpdateForm(GdsForm):
    """A duty that does not apply, with the reason. A duty that applies is met by recording its sending."""

    notes = _text(
        "Why this duty does not apply",
        help_text="For example: no abuse or neglect is known or suspected, and the child was not looked after",
        rows=3,
        message="Say why this duty does not apply",
    )


class ActionForm(GdsForm):
    title = forms.CharField(
        label="What will be done",
        help_text="Specific: one change, in plain words.",
        max_length=200,
        error_messages={"required": "Say specifically what will be done"},
    )
    measure = _text(
        "How will we know it is done and working?", rows=3, message="Say how you will know it is done and working"
    )
    owner = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Owner",
        error_messages={"required": "Choose an owner", "invalid_choice": "Choose an owner from your organisation"},
    )
    due_on = _date("Due date")
    effectiveness_check_on = _date("Date to check that it worked", required=False)

    def __init__(self, *args: Any, members: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[User]", self.fields["owner"])
        field.queryset = User.objects.filter(pk__in=[u.pk for u in members]).order_by("username")
        field.label_from_instance = lambda u: u.get_full_name() or u.get_username()  # type: ignore[method-assign,assignment]


class ActionUpdateForm(GdsForm):
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        help_text="Hand it over when its owner will finish it after this report closes; they are still reminded.",
        error_messages={"required": "Choose a status"},
    )
    evidence = _text(
        "Evidence of completion (or why it was cancelled)",
        rows=3,
        required=False,
        help_text="For example: the new checklist is on the intranet and was used in 9 of 10 handovers audited.",
    )
    effectiveness_notes = _text("Did it work? (effectiveness check)", rows=3, required=False)
    due_on = _date(
        "New due date (optional)", help_text="Leave blank to keep it. For example, 27 3 2027", required=False
    )


class FeedbackForm(GdsForm):
    body = _text(
        "Feedback to the reporter",
        help_text="What was learned and what has changed. Do not name anyone. Every reporter can read this, "
        "including anonymous ones with their receipt code.",
        rows=6,
        message="Write what was learned and what changed",
    )


class EpisodeForm(GdsForm):
    when = forms.CharField(
        label="When",
        help_text="A date or point in the story, for example 'Day 2, morning'",
        max_length=80,
        error_messages={"required": "Say when this happened, for example 'Day 2, morning'"},
    )
    what_happened = _text("What happened", message="Describe what happened in this episode")
    why_it_made_sense = _text(
        "Why it made sense at the time",
        help_text="What the people involved knew, expected and had to juggle then – not what we know now.",
        message="Explain why it made sense to the people at the time",
    )
    recovery_factors = forms.MultipleChoiceField(
        label="What caught it or limited harm (recovery factors)",
        choices=get_taxonomy().choices("recovery_factor"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    recovery_notes = _text("More about recovery (optional)", rows=2, required=False)


class FactorForm(GdsForm):
    factor = forms.ChoiceField(
        label="Contributory factor",
        choices=[("", "Choose a factor"), *get_taxonomy().choices("contributory_factor")],
        error_messages={"required": "Choose a contributory factor"},
    )
    evidence = _text(
        "Evidence", help_text="What shows this factor was at work?", rows=3, message="Give the evidence for this factor"
    )


class FindingForm(GdsForm):
    pattern = _text(
        "Finding, written as a pattern",
        help_text="What in our system makes this likely to happen again, to anyone? Not who got it wrong.",
        rows=3,
        message="Write the finding as a pattern in the system",
    )
    factor = forms.ChoiceField(
        label="Main contributory factor (optional)",
        required=False,
        choices=[("", "None"), *get_taxonomy().choices("contributory_factor")],
    )


def _question(label: str, help_text: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Answer yes, no or not sure"},
    )


class JustCultureForm(GdsForm):
    deliberate_harm = _question(
        "Deliberate harm: did anyone intend to cause harm?", "Intending the action is not the same as intending harm."
    )
    health_factor = _question(
        "Health: is there evidence of ill health or substance misuse affecting the work?",
        "Physical or mental ill health, fatigue, medication, alcohol or drugs.",
    )
    foresight = _question(
        "Foresight: did someone knowingly depart from a procedure that was available, workable and in routine use?",
        "If the procedure was unclear, unworkable or routinely worked around, answer no.",
    )
    substitution = _question(
        "Substitution: would another person with similar training and experience, in the same circumstances, "
        "probably have done the same?",
        "Ask two or three peers if you can. 'Yes' points firmly to the system.",
    )
    notes = _text("Notes (stay with this review; never exported)", rows=3, required=False)


class PreferenceForm(GdsForm):
    email_frequency = forms.ChoiceField(
        label="How often do you want emails about reviews?",
        help_text="Alerts always appear in SafeLearn straight away. Reports of a child at risk now are always "
        "emailed at once.",
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose straight away or once a day"},
    )


class CloseForm(GdsForm):
    """The close page: real feedback when the reporter still needs it, and a written override when anything is
    outstanding. Fields that do not apply to this report are left out, so nothing asks for what is not needed."""

    feedback = _text(
        "Feedback to the reporter",
        help_text="What was learned and what has changed, in a sentence or more. 'Done' or 'closed' is not "
        "feedback. Do not name anyone. The reporter reads this with their receipt code or when signed in.",
        rows=6,
        required=False,
    )
    override = forms.BooleanField(
        label="Close it anyway, with the things above still outstanding (override)",
        required=False,
    )
    override_reason = _text(
        "Why are you closing it with things outstanding?",
        help_text="Recorded with your name and shown on the report. The reporter does not see it.",
        rows=3,
        required=False,
    )

    def __init__(self, *args: Any, needs_feedback: bool, may_override: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not needs_feedback:
            del self.fields["feedback"]
        if not may_override:
            del self.fields["override"]
            del self.fields["override_reason"]


class NotificationForm(GdsForm):
    """The notification's fields, as the body's form asks for them (built from its NotificationKind)."""

    def __init__(self, *args: Any, kind: NotificationKind, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for f in kind.fields:
            self.fields[f.key] = forms.CharField(
                label=f.label,
                help_text=f.hint,
                required=False,
                strip=False,
                max_length=MAX_FIELD_CHARS,
                error_messages={"max_length": f"Shorten this to {MAX_FIELD_CHARS:,} characters or fewer"},
                widget=forms.Textarea(attrs={"rows": 5}) if f.long else forms.TextInput(),
            )


class NotificationSentForm(GdsForm):
    """Record that you sent it: who to, when, how, the body's reference and what came back."""

    sent_to = forms.CharField(
        label="Who you sent it to",
        max_length=200,
        error_messages={"required": "Say who you sent it to"},
    )
    sent_on = _date("Date you sent it")
    sent_time = forms.TimeField(
        label="Time you sent it (24-hour, for example 14:30)",
        required=False,
        error_messages={"invalid": "Enter a time like 14:30"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    method = forms.ChoiceField(
        label="How you sent it",
        choices=SendingMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you sent it: email, online form, phone or post"},
    )
    reference = forms.CharField(
        label="The body's reference",
        help_text="The case or reference number the body gave you. Its online form always gives one.",
        required=False,
        max_length=100,
    )
    receipt_note = _text(
        "Their acknowledgement (optional)",
        help_text="What the body sent back, or who you spoke to, in a sentence",
        rows=3,
        required=False,
    )

    def __init__(self, *args: Any, can_attach: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sent_on"].error_messages["required"] = "Enter the date you sent it"
        if can_attach:
            self.fields["receipt"] = forms.FileField(
                label="Their receipt as a file (optional)",
                help_text="For example the confirmation email saved as a PDF, or a screenshot",
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        method, reference = data.get("method"), (data.get("reference") or "").strip()
        if method in METHODS_NEEDING_REFERENCE and not reference:
            self.add_error(
                "reference",
                "Enter the reference the body gave you: its online form always gives one (look in its confirmation)",
            )
        return data

    def sent_at(self) -> dt.datetime | None:
        day = self.cleaned_data.get("sent_on")
        if day is None:
            return None
        moment = self.cleaned_data.get("sent_time") or dt.time(12, 0)
        return timezone.make_aware(dt.datetime.combine(day, moment))


class CodeForm(GdsForm):
    """Change one coded field: pre-filled with the code the report holds now (the reporter's own until someone
    changes it), never with the machine's suggestion."""

    def __init__(self, *args: Any, field: str, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"code-{field}")
        super().__init__(*args, **kwargs)
        self.field_name = field
        section = FIELD_SECTIONS[field]
        label = f"Choose the {CODE_FIELD_LABELS[field].lower()} yourself"
        if field in MULTI_LABEL_FIELDS:
            self.fields["value"] = forms.MultipleChoiceField(
                label=label,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=get_taxonomy().choices(section),
                error_messages={"invalid_choice": "Choose factors from the list"},
            )
        else:
            self.fields["value"] = forms.ChoiceField(
                label=label,
                choices=[("", "Choose a code"), *get_taxonomy().choices(section)],
                error_messages={
                    "required": "Choose a code from the list",
                    "invalid_choice": "Choose a code from the list",
                },
            )
