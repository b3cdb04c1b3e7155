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
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one thing the token may do"},
    )
    acting_user: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Acts as",
        help_text="Changes made with the token are recorded as this person's. Reviewing needs a safety lead; "
        "national data needs an analyst.",
        error_messages={"required": "Choose who the token acts as", "invalid_choice": "Choose someone listed"},
    )
    days = forms.TypedChoiceField(
        label="Expires after", choices=DAY_CHOICES, coerce=int, initial=90, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, organisations: list[Any], people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org_field = self.fields["organisation"]
        assert isinstance(org_field, forms.ModelChoiceField)
        org_field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations]).order_by("name")
        if len(organisations) == 1:
            org_field.initial = organisations[0].pk
        acting = self.fields["acting_user"]
        assert isinstance(acting, forms.ModelChoiceField)
        acting.queryset = people
        acting.label_from_instance = lambda u: u.get_full_name() or u.get_username()  # type: ignore[method-assign,assignment]
        self.helper = FormHelper()
        self.helper.form_tag = False
