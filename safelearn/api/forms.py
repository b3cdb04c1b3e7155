"""The API token form: input validation only; the service decides what a token may be."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from django import forms

from safelearn.api.models import Scope
from safelearn.organisations.models import Organisation

DAY_CHOICES = [(30, "30 days"), (90, "90 days"), (180, "180 days"), (365, "1 year")]


class TokenForm(forms.Form):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Organisation",
        empty_label=None,
        error_messages={"required": "Choose the organisation", "invalid_choice": "Choose one of your organisations"},
    )
    name = forms.CharField(
        label="Name",
        help_text="The system that will use it, for example 'Case management system'",
        max_length=100,
        error_messages={"required": "Enter a name for the token"},
    )
    scopes = forms.MultipleChoiceField(
        label="What it may do",
        help_text="A token has your own rights, no more: choose only what you may do yourself. "
        "Everything done with it is recorded as yours.",
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one thing the token may do"},
    )
    days = forms.TypedChoiceField(
        label="Expires after", choices=DAY_CHOICES, coerce=int, initial=90, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, organisations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org_field = self.fields["organisation"]
        assert isinstance(org_field, forms.ModelChoiceField)
        org_field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations]).order_by("name")
        if len(organisations) == 1:
            org_field.initial = organisations[0].pk
        self.helper = FormHelper()
        self.helper.form_tag = False
