"""Operators configure each organisation's provider here; the client secret is write-only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.db import models

from safelearn.sso.models import ExternalIdentity, IdentityProvider

if TYPE_CHECKING:
    # Generic in the type stubs only: Django's admin and form classes cannot be subscripted at run time.
    _ProviderForm = forms.ModelForm[IdentityProvider]
    _ProviderAdmin = admin.ModelAdmin[IdentityProvider]
    _IdentityAdmin = admin.ModelAdmin[ExternalIdentity]
else:
    _ProviderForm = forms.ModelForm
    _ProviderAdmin = _IdentityAdmin = admin.ModelAdmin


def _formfield(field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")  # providers' endpoints are https in production
    return field.formfield(**kwargs)


class IdentityProviderForm(_ProviderForm):
    client_secret = forms.CharField(
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Stored encrypted. Leave blank to keep the current secret.",
    )

    class Meta:
        model = IdentityProvider
        exclude: list[str] = []
        formfield_callback = _formfield

    def clean_client_secret(self) -> str | None:
        value: str = self.cleaned_data.get("client_secret") or ""
        # Blank keeps what is stored, so the secret never has to be shown to be kept.
        return value or (self.instance.client_secret if self.instance.pk else None)


@admin.register(IdentityProvider)
class IdentityProviderAdmin(_ProviderAdmin):
    form = IdentityProviderForm
    list_display = ("name", "organisation", "issuer", "enabled")
    list_filter = ("enabled",)


@admin.register(ExternalIdentity)
class ExternalIdentityAdmin(_IdentityAdmin):
    list_display = ("subject", "provider", "user", "last_sign_in_at")
    readonly_fields = ("provider", "subject", "user", "last_sign_in_at")
