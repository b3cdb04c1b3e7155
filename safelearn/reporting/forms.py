"""Forms for the staff report; rules live in services.report_input_validate, shared with the API."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from safelearn.core.taxonomy import get_taxonomy
from safelearn.organisations.models import Organisation
from safelearn.reporting.models import ReportingMode, RiskAnswer
from safelearn.reporting.services import ReportInput
from safelearn.web.forms import DateInputField

MODE_HELP = {
    ReportingMode.NAMED: "Your safety lead sees your name and can talk to you about it.",
    ReportingMode.CONFIDENTIAL: "Only the safety leads see who you are. Your name and email are kept apart, "
    f"encrypted, and destroyed {settings.SAFELEARN_IDENTITY_RETENTION_DAYS} days after the report is closed. "
    "Follow it up with your receipt code.",
    ReportingMode.ANONYMOUS: "Nobody can find out who you are, not even us. You get a receipt code to check "
    "for replies.",
}

_LIMIT = settings.SAFELEARN_NARRATIVE_MAX_CHARS
_TOO_LONG = f"This answer must be {_LIMIT:,} characters or fewer – shorten it or add the rest as a later addition"


def _blank_first(section: str, prompt: str) -> list[tuple[str, str]]:
    return [("", prompt), *get_taxonomy().choices(section)]


def _narrative(label: str, help_text: str, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Tell us what happened", "max_length": _TOO_LONG},
    )


class StaffReportForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Which organisation is this report for?",
        error_messages={"invalid_choice": "Choose one of your organisations", "required": "Choose your organisation"},
    )
    mode = forms.ChoiceField(
        label="How do you want to report?",
        choices=[(m.value, f"{m.label} – {MODE_HELP[m]}") for m in ReportingMode],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose named, confidential or anonymous"},
    )
    immediate_risk_answer = forms.ChoiceField(
        label="Could a child be at risk of significant harm right now?",
        help_text="If a child is in danger now, call 999. Confidentiality never stops action to protect a child.",
        choices=RiskAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Tell us whether a child could be at risk right now"},
    )
    kind = forms.ChoiceField(
        label="What are you reporting?",
        choices=get_taxonomy().choices("report_kind"),
        widget=forms.RadioSelect,
        initial="incident",
    )
    what_happened = _narrative(
        "What happened?",
        "Plain words are fine. Use roles (the child, Mum, the carer) rather than names if you can.",
        True,
    )
    how_noticed = _narrative("How was it noticed or stopped?", "What caught it, or stopped it getting worse.")
    why_happened = _narrative(
        "Why do you think it happened?",
        "Think about the system: workload, handovers, IT, procedures – not who to blame.",
    )
    what_would_help = _narrative("What would help stop it happening again?", "")
    people_involved = forms.CharField(
        label="Who was involved? (private – optional)",
        help_text="List names of children, family members or staff, one per line. They are never shown to anyone: "
        "we use them only to find and remove those names from your report before anything is shared.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep this list under 2,000 characters"},
    )
    occurred_on = DateInputField(
        label="When did it happen?", help_text="For example, 27 3 2026", required=False, require_all_fields=False
    )
    occurred_on_is_approximate = forms.BooleanField(label="The date is approximate", required=False)
    outcome = forms.ChoiceField(
        label="How far did it get?", choices=_blank_first("outcome", "Choose an outcome"), required=False
    )
    incident_type = forms.ChoiceField(
        label="What kind of problem was it?", choices=_blank_first("incident_type", "Choose a type"), required=False
    )
    service_area = forms.ChoiceField(
        label="Which service area?", choices=_blank_first("service_area", "Choose a service area"), required=False
    )
    contributory_factors = forms.MultipleChoiceField(
        label="What contributed? (choose any)",
        choices=get_taxonomy().choices("contributory_factor"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    recovery_factor = forms.ChoiceField(
        label="What caught it or stopped it getting worse?",
        choices=_blank_first("recovery_factor", "Choose one"),
        required=False,
    )
    agencies_involved = forms.MultipleChoiceField(
        label="Which other agencies were involved?",
        choices=get_taxonomy().choices("agency_involved"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reporter_role = forms.ChoiceField(
        label="Your role", choices=_blank_first("reporter_role", "Choose your role"), required=False
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_occurred_on(self) -> dt.date | None:
        value = self.cleaned_data.get("occurred_on")
        if value and value > dt.date.today():
            raise ValidationError("The date it happened must be today or in the past")
        return value

    def to_input(self) -> ReportInput:
        data = {k: v for k, v in self.cleaned_data.items() if k != "organisation"}
        return ReportInput(**data)


class TransitionForm(forms.Form):
    to_status = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Reason (the reporter will see this)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    duplicate_of = forms.CharField(label="Reference of the primary report", required=False, max_length=32)
