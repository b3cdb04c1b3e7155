"""Forms for the staff report; rules live in services.report_input_validate, shared with the API."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from safelearn.core.forms import DateInputField
from safelearn.core.taxonomy_labels import translated_choices
from safelearn.organisations.models import Organisation
from safelearn.reporting.models import ReportingMode, RiskAnswer
from safelearn.reporting.services import ReportInput

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MODE_HELP = {
    ReportingMode.NAMED: _("Your safety lead sees your name and can talk to you about it."),
    ReportingMode.CONFIDENTIAL: format_lazy(
        _(
            "Only the safety leads see who you are. Your name and email are kept apart, encrypted, and destroyed "
            "{days} days after the report is closed. Follow it up with your receipt code."
        ),
        days=settings.SAFELEARN_IDENTITY_RETENTION_DAYS,
    ),
    ReportingMode.ANONYMOUS: _(
        "Nobody can find out who you are, not even us. You get a receipt code to check for replies."
    ),
}
#: The modes' own names, translated when shown (ReportingMode's labels are shared with staff screens).
MODE_NAME = {
    ReportingMode.NAMED: _("Named"),
    ReportingMode.CONFIDENTIAL: _("Confidential"),
    ReportingMode.ANONYMOUS: _("Anonymous"),
}

_LIMIT = settings.SAFELEARN_NARRATIVE_MAX_CHARS
_TOO_LONG = format_lazy(
    _("This answer must be {limit} characters or fewer – shorten it or add the rest as a later addition"),
    limit=f"{_LIMIT:,}",
)


def _blank_first(section: str, prompt: StrOrPromise) -> list[tuple[str, StrOrPromise]]:
    return [("", prompt), *translated_choices(section)]


def _narrative(label: StrOrPromise, help_text: StrOrPromise, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Tell us what happened"), "max_length": _TOO_LONG},
    )


class StaffReportForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label=_("Which organisation is this report for?"),
        error_messages={
            "invalid_choice": _("Choose one of your organisations"),
            "required": _("Choose your organisation"),
        },
    )
    mode = forms.ChoiceField(
        label=_("How do you want to report?"),
        choices=[(m.value, format_lazy("{} – {}", MODE_NAME[m], MODE_HELP[m])) for m in ReportingMode],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose named, confidential or anonymous")},
    )
    immediate_risk_answer = forms.ChoiceField(
        label=_("Could a child be at risk of significant harm right now?"),
        help_text=_("If a child is in danger now, call 999. Confidentiality never stops action to protect a child."),
        choices=[(RiskAnswer.YES, _("Yes")), (RiskAnswer.NO, _("No")), (RiskAnswer.NOT_SURE, _("Not sure"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us whether a child could be at risk right now")},
    )
    kind = forms.ChoiceField(
        label=_("What are you reporting?"),
        choices=translated_choices("report_kind"),
        widget=forms.RadioSelect,
        initial="incident",
    )
    what_happened = _narrative(
        _("What happened?"),
        _("Plain words are fine. Use roles (the child, Mum, the carer) rather than names if you can."),
        True,
    )
    how_noticed = _narrative(_("How was it noticed or stopped?"), _("What caught it, or stopped it getting worse."))
    why_happened = _narrative(
        _("Why do you think it happened?"),
        _("Think about the system: workload, handovers, IT, procedures – not who to blame."),
    )
    what_would_help = _narrative(_("What would help stop it happening again?"), "")
    people_involved = forms.CharField(
        label=_("Who was involved? (private – optional)"),
        help_text=_(
            "List names of children, family members or staff, one per line. They are never shown to anyone: "
            "we use them only to find and remove those names from your report before anything is shared."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Keep this list under 2,000 characters")},
    )
    occurred_on = DateInputField(
        label=_("When did it happen?"), help_text=_("For example, 27 3 2026"), required=False, require_all_fields=False
    )
    occurred_on_is_approximate = forms.BooleanField(label=_("The date is approximate"), required=False)
    outcome = forms.ChoiceField(
        label=_("How far did it get?"), choices=_blank_first("outcome", _("Choose an outcome")), required=False
    )
    incident_type = forms.ChoiceField(
        label=_("What kind of problem was it?"),
        choices=_blank_first("incident_type", _("Choose a type")),
        required=False,
    )
    service_area = forms.ChoiceField(
        label=_("Which service area?"), choices=_blank_first("service_area", _("Choose a service area")), required=False
    )
    contributory_factors = forms.MultipleChoiceField(
        label=_("What contributed? (choose any)"),
        choices=translated_choices("contributory_factor"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    recovery_factor = forms.ChoiceField(
        label=_("What caught it or stopped it getting worse?"),
        choices=_blank_first("recovery_factor", _("Choose one")),
        required=False,
    )
    agencies_involved = forms.MultipleChoiceField(
        label=_("Which other agencies were involved?"),
        choices=translated_choices("agency_involved"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reporter_role = forms.ChoiceField(
        label=_("Your role"), choices=_blank_first("reporter_role", _("Choose your role")), required=False
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
            raise ValidationError(_("The date it happened must be today or in the past"))
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
