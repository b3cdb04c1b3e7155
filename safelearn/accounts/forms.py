"""Forms for the two-factor steps and the erasure request; they only validate input."""

from __future__ import annotations

from django import forms


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Security code",
        help_text="The 6-digit code shown in your authenticator app",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": "Enter the 6-digit security code from your authenticator app"},
    )

    def clean_token(self) -> str:
        digits = "".join(ch for ch in self.cleaned_data["token"] if ch.isdigit())
        if len(digits) != 6:
            raise forms.ValidationError("Enter the security code as 6 digits, like 123456")
        return digits


class ErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that my safety lead will no longer be able to see that these reports are mine",
        error_messages={"required": "Confirm that you understand what removing your name does"},
    )
