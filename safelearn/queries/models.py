"""Saved queries: a definition (JSON), who owns it, who it is shared with, pins and the monthly email."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safelearn.core.models import BaseModel
from safelearn.organisations.models import Organisation


class SavedQuery(BaseModel):
    """A query someone saved. Shared ones are open to the same kind of colleague in the same organisation
    (safety leads of the organisation; analysts of the national body); private ones to the owner only."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(max_length=120)
    national = models.BooleanField(default=False, help_text="Counts the national pool (an analyst's query)")
    shared = models.BooleanField(default=False, help_text="Open to colleagues in the organisation")
    definition = models.JSONField(default=dict)
    email_monthly = models.BooleanField(default=False)
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    last_emailed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name", "created_at"]
        indexes = [models.Index(fields=["organisation", "national", "name"])]

    def __str__(self) -> str:
        return self.name


class QueryPin(BaseModel):
    """A saved query pinned to one person's dashboard."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    query = models.ForeignKey(SavedQuery, on_delete=models.CASCADE, related_name="pins")

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "query"], name="one_pin_per_user_and_query")]
