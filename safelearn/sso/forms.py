"""The organisation chooser: an email address, and the organisation when a domain is shared."""

from __future__ import annotations

from typing import Any

from django import forms

from safelearn.sso.models import IdentityProvider


class ChooseOrganisationForm(forms.Form):
    email = forms.EmailField(
        label="Your work email address",
        help_text="We use it only to find your organisation's sign-in page",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your work email address",
            "invalid": "Enter an email address in the correct format, like name@council.gov.uk",
        },
    )
    provider = forms.ChoiceField(
        label="Which organisation do you work for?",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select the organisation you work for"},
    )

    def __init__(self, *args: Any, providers: list[IdentityProvider] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provider_field: forms.ChoiceField = self.fields["provider"]  # type: ignore[assignment]
        provider_field.choices = [(str(p.pk), str(p.organisation)) for p in providers or []]
