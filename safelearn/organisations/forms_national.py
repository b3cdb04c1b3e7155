"""The national administrator's form for setting up an organisation and its first administrator."""

from __future__ import annotations

from typing import Any

from crispy_forms_gds.helper import FormHelper
from django import forms
from django.core.validators import RegexValidator

from safelearn.organisations.models import OrganisationKind

KIND_CHOICES = [(k.value, k.label) for k in OrganisationKind if k != OrganisationKind.NATIONAL]


class OrganisationCreateForm(forms.Form):
    name = forms.CharField(
        max_length=200, label="Organisation name", error_messages={"required": "Enter the organisation's name"}
    )
    kind = forms.ChoiceField(
        choices=KIND_CHOICES,
        label="Kind of organisation",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of organisation this is"},
    )
    slug = forms.CharField(
        max_length=80,
        label="Short web name",
        help_text="Letters, numbers and hyphens. Its public reporting link will be /r/short-web-name/.",
        validators=[RegexValidator(r"^\s*[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\s*$", "Use only letters, numbers and hyphens")],
        error_messages={"required": "Enter a short web name, like northbridge"},
    )
    code = forms.CharField(
        max_length=6,
        label="Reference prefix",
        help_text="2 to 6 capital letters that start every report reference, for example NB for NB-2026-00042.",
        validators=[RegexValidator(r"^\s*[A-Za-z]{2,6}\s*$", "Enter 2 to 6 letters, like NB")],
        error_messages={"required": "Enter a reference prefix, like NB"},
    )
    duty_contact_email = forms.EmailField(
        required=False,
        label="Duty contact email (optional)",
        help_text="Told at once when someone reports a child at risk now. The administrator can set it later.",
        error_messages={"invalid": "Enter an email address in the correct format, like duty@example.org"},
    )
    admin_email = forms.EmailField(
        label="First administrator's email address",
        help_text="They get a link to create their account, or the role straight away if they already have one.",
        error_messages={
            "required": "Enter the first administrator's email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip().upper()

    def clean_slug(self) -> str:
        return str(self.cleaned_data["slug"]).strip().lower()
