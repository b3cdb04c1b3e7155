"""Per-organisation API tokens for systems: hashed at rest, scoped, revocable, expiring."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safelearn.core.models import BaseModel
from safelearn.organisations.models import Organisation


class Scope(models.TextChoices):
    REPORT_SUBMIT = "report:submit", "Submit reports"
    REVIEW_READ = "review:read", "Read the organisation's reports"
    REVIEW_WRITE = "review:write", "Triage, transition and feed back"
    ANALYTICS_READ = "analytics:read", "Read de-identified national data"


class ApiToken(BaseModel):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, unique=True, help_text="First characters, to find the token")
    token_hash = models.CharField(max_length=64)
    scopes = models.JSONField(default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Audit trail actor for writes made with this token",
    )
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
