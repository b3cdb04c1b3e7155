"""Forms for the organisation administrator's pages: input checks only; the services decide."""

from __future__ import annotations

import re
from typing import Any

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from safelearn.organisations.branding import clean_brand_colour
from safelearn.organisations.models import Organisation
from safelearn.organisations.selectors import assignable_roles

_PHONE = re.compile(r"^\+?[0-9 ()\-]{7,25}$")


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    return helper


class _OffersRoles(forms.Form):
    """A form whose field ``roles_field`` offers the roles that may be given in ``organisation``."""

    roles_field: str

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields[self.roles_field]
        assert isinstance(field, forms.ChoiceField)  # a MultipleChoiceField is one too
        field.choices = [(r.value, r.label) for r in assignable_roles(organisation)]
        self.helper = _helper()


class InviteForm(_OffersRoles):
    roles_field = "role"

    email = forms.EmailField(
        label="Email address",
        help_text="We will email this person a link to create their account. It works once, for 7 days.",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the person's email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
        },
    )
    role = forms.ChoiceField(
        label="Role", widget=forms.RadioSelect, error_messages={"required": "Choose the person's role"}
    )


class RolesForm(_OffersRoles):
    roles_field = "roles"

    roles = forms.MultipleChoiceField(
        label="Roles",
        help_text="Safety leads and administrators must use two-factor sign-in.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one role, or deactivate the account instead"},
    )


class ConfirmForm(forms.Form):
    """The 'Yes, ...' button posts confirm=yes: an empty or replayed post without it changes nothing."""

    confirm = forms.ChoiceField(
        choices=[("yes", "Yes")],
        error_messages={"required": "Use the button to confirm", "invalid_choice": "Use the button to confirm"},
    )


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={"required": "Enter your full name"},
    )
    password = forms.CharField(
        label="Create a password",
        help_text="At least 12 characters. A few unrelated words together make a strong password.",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Create a password"},
    )
    password_again = forms.CharField(
        label="Confirm your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter your password again"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password_again") and data["password"] != data["password_again"]:
            self.add_error("password_again", "The passwords do not match: enter the same password twice")
        return data


def _phone(value: str) -> str:
    value = " ".join(value.split())
    if value and (_PHONE.match(value) is None or sum(ch.isdigit() for ch in value) < 7):
        raise ValidationError("Enter a telephone number, like 01632 960 001 or +44 808 157 0192")
    return value


_EMAIL_ERRORS = {"invalid": "Enter an email address in the correct format, like duty@example.gov.uk"}
_NUMBER_ERRORS = {"invalid": "Enter a whole number, like 15", "required": "Enter a number"}


def _whole_number(label: str, *, most: int) -> forms.IntegerField:
    """A required target or time limit: a whole number from 1 to ``most``."""
    return forms.IntegerField(label=label, min_value=1, max_value=most, error_messages=_NUMBER_ERRORS)


def _retention_days(label: str, *, counted_from: str, default: int) -> forms.IntegerField:
    """How long to keep something, in days; empty means the service's default."""
    return forms.IntegerField(
        label=label,
        help_text=f"Counted from when {counted_from}. Leave empty for the service default ({default} days).",
        min_value=1,
        max_value=3650,
        required=False,
        error_messages=_NUMBER_ERRORS,
    )


class SettingsForm(forms.Form):
    name = forms.CharField(label="Organisation name", max_length=200, error_messages={"required": "Enter the name"})
    duty_contact_email = forms.EmailField(
        label="Duty contact email",
        help_text="Alerted at once when a report may describe a child at risk now",
        error_messages={**_EMAIL_ERRORS, "required": "Enter the duty contact's email address"},
    )
    duty_contact_phone = forms.CharField(label="Duty contact telephone (optional)", required=False, max_length=40)
    out_of_hours_contact_email = forms.EmailField(
        label="Out-of-hours contact email (optional)",
        help_text="Alerted first outside Monday to Friday 9am to 5pm and on bank holidays",
        required=False,
        error_messages=_EMAIL_ERRORS,
    )
    out_of_hours_contact_phone = forms.CharField(
        label="Out-of-hours contact telephone (optional)", required=False, max_length=40
    )
    second_contact_email = forms.EmailField(
        label="Second contact email (optional)",
        help_text="Alerted, with every safety lead, when nobody acknowledges in time",
        required=False,
        error_messages=_EMAIL_ERRORS,
    )
    escalation_ack_minutes = _whole_number("Minutes to acknowledge a child-at-risk-now alert", most=240)
    triage_target_working_days = _whole_number("Triage target (working days)", most=20)
    immediate_risk_target_hours = _whole_number("Triage target when a child may be at risk (hours)", most=24)
    feedback_target_working_days = _whole_number("Feedback to the reporter due within (working days)", most=90)
    identity_retention_days = _retention_days(
        "Keep confidential reporters' identities for (days, optional)",
        counted_from="the report is closed",
        default=settings.SAFELEARN_IDENTITY_RETENTION_DAYS,
    )
    raw_retention_days = _retention_days(
        "Keep original report text for (days, optional)",
        counted_from="the de-identified copy is approved",
        default=settings.SAFELEARN_RAW_RETENTION_DAYS,
    )
    public_reporting_enabled = forms.TypedChoiceField(
        label="Public reporting link",
        choices=[("yes", "On: anyone with the link can report"), ("no", "Off: only signed-in staff can report")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the public reporting link is on"},
    )
    brand_colour = forms.CharField(
        label="Header colour (optional)",
        help_text="A 6-digit hex code, like #1d70b8. It must be dark enough for white text (contrast at least 4.5 to 1).",
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"spellcheck": "false", "class": "govuk-input--width-10"}),
    )
    logo = forms.FileField(
        label="Logo (optional)",
        help_text="A PNG or JPEG image smaller than 200 KB, shown in the header for your staff",
        required=False,
    )
    remove_logo = forms.BooleanField(label="Remove the current logo", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    def clean_brand_colour(self) -> str:
        # Checked here as well as in the service so that every problem shows on the first submission.
        return clean_brand_colour(self.cleaned_data.get("brand_colour", ""))

    def clean_duty_contact_phone(self) -> str:
        return _phone(self.cleaned_data.get("duty_contact_phone", ""))

    def clean_out_of_hours_contact_phone(self) -> str:
        return _phone(self.cleaned_data.get("out_of_hours_contact_phone", ""))

    @staticmethod
    def initial_for(organisation: Organisation) -> dict[str, Any]:
        from safelearn.organisations.services import SETTING_FIELDS

        initial = {key: getattr(organisation, key) for key in SETTING_FIELDS}
        initial["public_reporting_enabled"] = "yes" if organisation.public_reporting_enabled else "no"
        return initial
