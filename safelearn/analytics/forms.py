"""Forms only validate input; the rules live in services."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from safelearn.analytics.selectors import PoolFilters
from safelearn.core.forms import GdsForm
from safelearn.core.taxonomy import get_taxonomy
from safelearn.organisations.models import Organisation, OrganisationKind

_DATE_ERROR = {"invalid": "Enter a real date, like 2026-03-27"}


def _choices(section: str, anything: str) -> list[tuple[str, str]]:
    return [("", anything), *get_taxonomy().choices(section)]


def _date(label: str, required: bool = False) -> forms.DateField:
    return forms.DateField(
        required=required, label=label, widget=forms.DateInput(attrs={"type": "date"}), error_messages=_DATE_ERROR
    )


class DashboardFilterForm(forms.Form):
    date_from = _date("From")
    date_to = _date("To")
    organisation = forms.ModelChoiceField(
        required=False,
        queryset=Organisation.objects.none(),
        empty_label="All organisations",
        error_messages={"invalid_choice": "Choose an organisation from the list"},
    )
    service_area = forms.ChoiceField(required=False, choices=_choices("service_area", "Any service area"))
    incident_type = forms.ChoiceField(
        required=False, label="Incident type", choices=_choices("incident_type", "Any type")
    )
    outcome = forms.ChoiceField(required=False, choices=_choices("outcome", "Any outcome"))
    kind = forms.ChoiceField(required=False, label="Report kind", choices=_choices("report_kind", "Any kind"))

    def __init__(self, *args: Any, analyst: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if analyst:
            field = cast("forms.ModelChoiceField[Organisation]", self.fields["organisation"])
            field.queryset = Organisation.objects.exclude(kind=OrganisationKind.NATIONAL).order_by("name")
        else:
            # An organisation user always sees their own organisation against the national picture.
            del self.fields["organisation"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return data

    def filters(self, organisation: Organisation | None) -> PoolFilters:
        """The validated filters; invalid input falls back to the defaults (the errors are shown)."""
        data = self.cleaned_data if self.is_valid() else {}
        chosen = organisation or data.get("organisation")
        return PoolFilters(
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            organisation_id=chosen.pk if chosen else None,
            service_area=data.get("service_area", ""),
            incident_type=data.get("incident_type", ""),
            outcome=data.get("outcome", ""),
            kind=data.get("kind", ""),
        )


def _text(label: str, help_text: str = "", rows: int = 5, required: bool = True, max_length: int = 20000) -> Any:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": f"Enter {label.lower()}",
            "max_length": f"{label} must be {max_length:,} characters or fewer",
        },
    )


class ChildrenSupportedForm(GdsForm):
    children_supported = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=1_000_000,
        label="How many children does your organisation support?",
        help_text="Used for reporting rates per 1,000 children. Leave empty if you do not know.",
        error_messages={
            "invalid": "Enter a whole number, like 4200",
            "min_value": "Enter a number of 1 or more",
            "max_value": "Enter a number of 1,000,000 or fewer",
        },
    )


class BulletinForm(GdsForm):
    title = forms.CharField(max_length=200, label="Title", error_messages={"required": "Enter a title"})
    summary = _text("Summary", "Why this matters, in one or two paragraphs.")
    findings = _text("Findings", "What the reports have in common, in your words.", required=False)
    lessons = _text("Lessons", "One lesson a line.", required=False)
    discussion_questions = _text("Questions for teams to discuss", "One question a line.", required=False)


class BulletinItemForm(GdsForm):
    copy_id = forms.UUIDField(widget=forms.HiddenInput, error_messages={"required": "Choose a report"})
    commentary = _text("Your commentary on this report", required=False, rows=3, max_length=5000)


class SubscriptionForm(forms.Form):
    active = forms.BooleanField(required=False)


class AlertForm(GdsForm):
    title = forms.CharField(max_length=200, label="Title", error_messages={"required": "Enter a title"})
    why = _text(
        "Why", "What the pooled reports show. Nothing that identifies a child, family or worker.", 4, True, 10000
    )
    what_to_do = _text("What to do", "Specific actions each organisation must take.", 5, True, 10000)
    respond_by = _date("Respond by", required=True)
    organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Send to",
        error_messages={"required": "Choose at least one organisation"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["respond_by"].error_messages["required"] = "Enter the date to respond by"
        field = cast("forms.ModelMultipleChoiceField[Organisation]", self.fields["organisations"])
        field.queryset = Organisation.objects.exclude(kind=OrganisationKind.NATIONAL).order_by("name")


class AlertResponseForm(GdsForm):
    actions_taken = _text("Actions your organisation has taken", max_length=10000)
