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
from safelearn.reporting import about
from safelearn.reporting.models import Location, ReportingMode, RiskAnswer
from safelearn.reporting.services import ChildInput, ReportInput

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
    location = forms.ChoiceField(
        label=_("Where did it happen?"),
        help_text=_("Choose the home, team or place from your organisation's list."),
        required=False,
        error_messages={"invalid_choice": _("Choose a location from your organisation's list")},
    )
    location_type = forms.ChoiceField(
        label=_("If it is not on the list, what type of place was it?"),
        help_text=_("For example the child's home, a school or online."),
        choices=[("", _("Choose a type of place")), *about.SettingType.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a type of place from the list")},
    )
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
        cast(
            "forms.ModelChoiceField[Organisation]", self.fields["organisation"]
        ).queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
        cast(forms.ChoiceField, self.fields["location"]).choices = location_choices(organisations)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("location") and not data.get("location_type") and "location" not in self.errors:
            self.add_error("location", _("Choose where it happened from the list, or the type of place"))
        return data

    def clean_occurred_on(self) -> dt.date | None:
        value = self.cleaned_data.get("occurred_on")
        if value and value > dt.date.today():
            raise ValidationError(_("The date it happened must be today or in the past"))
        return value

    def to_input(self, children: list[ChildInput] | None = None) -> ReportInput:
        data = {k: v for k, v in self.cleaned_data.items() if k not in {"organisation", "location"}}
        return ReportInput(**data, location_id=self.cleaned_data.get("location") or "", children=children or [])


def location_choices(organisations: list[Organisation]) -> list[Any]:
    """The current locations of the reporter's organisations, grouped by organisation when there are several."""
    locations = (
        Location.objects.filter(organisation__in=organisations, retired_at__isnull=True)
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )
    blank: list[Any] = [("", _("Choose a location"))]
    if len(organisations) == 1:
        return blank + [(str(loc.pk), str(loc)) for loc in locations]
    groups: dict[str, list[tuple[str, str]]] = {}
    for loc in locations:
        groups.setdefault(loc.organisation.name, []).append((str(loc.pk), str(loc)))
    return blank + list(groups.items())


def _optional(label: StrOrPromise, choices: list[tuple[str, Any]]) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", _("Not given")), *choices],
        required=False,
        error_messages={"invalid_choice": format_lazy(_("Choose one of the answers for {}"), label)},
    )


class ChildForm(forms.Form):
    """About one child or young person: every answer optional, no names."""

    age_band = _optional(_("Age"), about.AgeBand.choices)
    sex = _optional(_("Sex"), about.Sex.choices)
    legal_status = _optional(_("Legal status"), about.LegalStatus.choices)
    disability = _optional(_("Disabled"), about.YesNoNotKnown.choices)
    ethnicity = _optional(_("Ethnicity"), about.Ethnicity.choices)
    told = _optional(_("Was the child told, or involved?"), about.ChildTold.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def to_input(self) -> ChildInput:
        return ChildInput.from_mapping(self.cleaned_data)


ChildFormSet = forms.formset_factory(ChildForm, extra=0, max_num=20, validate_max=True)
CHILDREN_PREFIX = "children"


class TransitionForm(forms.Form):
    to_status = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label="Reason (the reporter will see this)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    duplicate_of = forms.CharField(label="Reference of the primary report", required=False, max_length=32)


class LocationForm(forms.Form):
    """The organisation administrator adds or renames a place on the list."""

    name = forms.CharField(
        label=_("Name"),
        help_text=_("As your staff know it, for example Oak House or North Family Centre. It is never shared."),
        max_length=120,
        error_messages={
            "required": _("Enter the location's name"),
            "max_length": _("The name must be 120 characters or fewer"),
        },
    )
    setting_type = forms.ChoiceField(
        label=_("Type of setting"),
        help_text=_("Only the type is used in national figures, never the name."),
        choices=[("", _("Choose a type of setting")), *about.SettingType.choices],
        error_messages={
            "required": _("Choose the type of setting"),
            "invalid_choice": _("Choose the type of setting"),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


_MISSED = [("yes", _("Yes, there was a missed opportunity")), ("no", _("No"))]


class HarmForm(forms.Form):
    """Physical and psychological harm graded apart (as Learn from Patient Safety Events), and missed opportunity."""

    physical_harm = forms.ChoiceField(
        label=_("Physical harm to the child"),
        choices=about.PhysicalHarm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the physical harm, or 'Not yet known'")},
    )
    psychological_harm = forms.ChoiceField(
        label=_("Psychological or emotional harm to the child"),
        choices=about.PsychologicalHarm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the psychological or emotional harm, or 'Not yet known'")},
    )
    missed_opportunity = forms.ChoiceField(
        label=_("Was there a missed opportunity to prevent it?"),
        help_text=_("Something that could have been done earlier and was not, whatever the harm."),
        choices=_MISSED,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether there was a missed opportunity")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    @classmethod
    def for_report(cls, report: Any) -> HarmForm:
        missed = {True: "yes", False: "no"}.get(report.missed_opportunity, "")
        return cls(
            prefix="harm",
            initial={
                "physical_harm": report.physical_harm,
                "psychological_harm": report.psychological_harm,
                "missed_opportunity": missed,
            },
        )
