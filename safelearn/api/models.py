"""Per-organisation API tokens for systems: hashed at rest, scoped, revocable, expiring, never above their creator."""

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
    # The token carries its creator's rights, checked again on every request, and everything done with it
    # is recorded as theirs (with the token's id): a token can never do more than the person who made it.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The person whose rights the token carries; it stops working without them",
    )
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
