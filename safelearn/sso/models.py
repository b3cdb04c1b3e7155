"""Per-organisation OpenID Connect providers, the identities they vouch for, and provider-MFA evidence."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django_otp.models import Device

from safelearn.core.fields import EncryptedTextField
from safelearn.core.models import BaseModel
from safelearn.organisations.models import Organisation, Role

#: Roles a provider may grant. Analyst reads the national pool across organisations, so one
#: organisation's directory must never be able to hand it out.
MAPPABLE_ROLES = (Role.REPORTER, Role.REVIEWER, Role.ORG_ADMIN)
MAPPABLE_ROLE_CHOICES = [(r.value, r.label) for r in MAPPABLE_ROLES]


def split_domains(text: str) -> list[str]:
    """Normalise "a.gov.uk, b.org\nc.org" into a list of lower-case domains."""
    return [d.strip().lower().lstrip("@") for d in text.replace(",", "\n").splitlines() if d.strip()]


class IdentityProvider(BaseModel):
    """One organisation's OpenID Connect provider (e.g. its Microsoft Entra ID tenant)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="identity_providers")
    name = models.CharField(max_length=120, help_text="Shown to people signing in, e.g. 'Northbridge Council account'")
    issuer = models.CharField(
        max_length=500,
        help_text="Exactly the 'iss' value in the provider's tokens, e.g. https://login.microsoftonline.com/<tenant>/v2.0",
    )
    discovery_url = models.URLField(
        max_length=500, blank=True, help_text="Defaults to <issuer>/.well-known/openid-configuration"
    )
    # Filled from discovery when blank; set explicitly for providers without discovery.
    authorization_endpoint = models.URLField(max_length=500, blank=True)
    token_endpoint = models.URLField(max_length=500, blank=True)
    userinfo_endpoint = models.URLField(max_length=500, blank=True)
    jwks_uri = models.URLField(max_length=500, blank=True)
    client_id = models.CharField(max_length=255)
    client_secret = EncryptedTextField(null=True, blank=True)
    allowed_email_domains = models.TextField(
        help_text="One domain per line; people whose email is elsewhere are refused, and the sign-in page "
        "uses these to find the right provider"
    )
    groups_claim = models.CharField(max_length=64, default="groups")
    role_mapping = models.JSONField(
        default=dict, blank=True, help_text='Group id → role, e.g. {"5b1c…": "reviewer", "9e0d…": "org_admin"}'
    )
    default_role = models.CharField(
        max_length=20,
        choices=MAPPABLE_ROLE_CHOICES,
        blank=True,
        help_text="Given when no group matches; leave blank to refuse people without a mapped group",
    )
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "issuer"], name="unique_provider_issuer_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    @property
    def domains(self) -> list[str]:
        return split_domains(self.allowed_email_domains)

    @property
    def resolved_discovery_url(self) -> str:
        return self.discovery_url or self.issuer.rstrip("/") + "/.well-known/openid-configuration"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not self.domains:
            errors["allowed_email_domains"] = "Enter at least one email domain, like northbridge.gov.uk"
        allowed = {r.value for r in MAPPABLE_ROLES}
        if not isinstance(self.role_mapping, dict):
            errors["role_mapping"] = 'Enter the mapping as a JSON object, like {"group-id": "reviewer"}'
        else:
            bad = sorted({str(v) for v in self.role_mapping.values() if v not in allowed})
            if bad:
                errors["role_mapping"] = f"Roles must be one of {', '.join(sorted(allowed))}; not {', '.join(bad)}"
        if errors:
            raise ValidationError(errors)


class ExternalIdentity(BaseModel):
    """A person as known to a provider: (provider, sub) is stable, unlike email addresses."""

    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="identities")
    subject = models.CharField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identities")
    last_sign_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["provider", "subject"], name="unique_identity_subject")]

    def __str__(self) -> str:
        return f"{self.subject} at {self.provider}"


class ProviderMfaDevice(Device):  # type: ignore[misc]  # django-otp has no type hints
    """Evidence that the provider did multi-factor authentication ("mfa" in the id_token's amr).

    A django-otp device so the existing two-factor middleware accepts the session unchanged. It can
    verify no codes itself: only the SSO callback puts it into a session.
    """

    provider: models.ForeignKey[IdentityProvider, IdentityProvider] = models.ForeignKey(
        IdentityProvider, on_delete=models.CASCADE, related_name="+"
    )

    def verify_token(self, token: str) -> bool:
        return False
