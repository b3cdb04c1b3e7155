"""Identity kept apart from content, and the de-identified learning copy of each report."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safelearn.core.fields import EncryptedTextField
from safelearn.core.models import BaseModel


class IdentityVaultEntry(BaseModel):
    """A confidential reporter's identity: encrypted, readable only by safety leads, destroyed on schedule."""

    report = models.OneToOneField("reporting.Report", on_delete=models.CASCADE, related_name="identity")
    name = EncryptedTextField()
    contact = EncryptedTextField(null=True, blank=True)
    destroy_after = models.DateField(null=True, blank=True, db_index=True)


class InvolvedPeople(BaseModel):
    """Names a reporter lists privately so they can be removed from the narrative. Never shown or shared."""

    report = models.OneToOneField("reporting.Report", on_delete=models.CASCADE, related_name="involved_people")
    names = EncryptedTextField()

    def name_list(self) -> list[str]:
        return parse_names(self.names or "")


def parse_names(text: str) -> list[str]:
    """One name per line or comma; full names also contribute their parts."""
    names: set[str] = set()
    for chunk in text.replace(";", ",").replace("\n", ",").split(","):
        name = " ".join(chunk.split())
        if len(name) > 1:
            names.add(name)
    return sorted(names)


class DeidentifiedStatus(models.TextChoices):
    PENDING = "pending", "Waiting for automatic redaction"
    NEEDS_REVIEW = "needs_review", "Waiting for a safety lead to approve"
    APPROVED = "approved", "Approved for national learning"
    FAILED = "failed", "Automatic redaction failed"


class DeidentifiedCopy(BaseModel):
    """The learning copy of a report. Only an approved copy ever leaves the organisation."""

    report = models.OneToOneField("reporting.Report", on_delete=models.CASCADE, related_name="deidentified")
    organisation_id = models.UUIDField(db_index=True)
    status = models.CharField(max_length=20, choices=DeidentifiedStatus.choices, default=DeidentifiedStatus.PENDING)
    engine_version = models.CharField(max_length=40, blank=True)
    # Proposed spans per narrative field: {"what_happened": [{"start","end","label","source"}], ...}.
    # They point into raw text, so they are encrypted with it.
    spans = EncryptedTextField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="De-identified narrative, set on approval")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True, db_index=True)
    error = models.TextField(blank=True)
    # Re-identification guard (privacy/reidentification.py): the generalisations the reviewer chose, applied
    # whenever the copy is read from the pool; the size of its group at approval; and, when that group was
    # smaller than k, the safety lead's written reason (without one the copy never reaches analysts).
    generalisation = models.JSONField(default=list, blank=True)
    k_group_size = models.PositiveIntegerField(null=True, blank=True)
    below_k = models.BooleanField(default=False)
    below_k_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "approved_at"])]

    def __str__(self) -> str:
        return f"De-identified copy of {self.report_id} ({self.status})"
