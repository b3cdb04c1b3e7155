"""Machine outputs with provenance: model versions, coding suggestions and emerging-theme signals."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safelearn.core.models import BaseModel


class ModelVersion(BaseModel):
    """One trained suggestion model; `promoted` marks the one in use (at most one at a time)."""

    version = models.CharField(max_length=40, unique=True)
    trained_at = models.DateTimeField()
    n_examples = models.PositiveIntegerField(default=0)
    n_confirmed = models.PositiveIntegerField(default=0, help_text="Reviewer-confirmed reports in the training set")
    n_held_out = models.PositiveIntegerField(default=0)
    fields = models.JSONField(default=list, blank=True)
    scores = models.JSONField(default=dict, blank=True, help_text="Held-out macro F1 per field of this model")
    current_scores = models.JSONField(
        default=dict, blank=True, help_text="Held-out macro F1 of the model in use when this one was compared"
    )
    compared_with = models.CharField(max_length=40, blank=True)
    promoted = models.BooleanField(default=False)
    promoted_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True, help_text="Why it was or was not promoted")
    path = models.CharField(max_length=500, blank=True, help_text="Artefact file, relative to the model directory")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-trained_at"]

    def __str__(self) -> str:
        return f"{self.version}{' (in use)' if self.promoted else ''}"


class SuggestionStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    CHANGED = "changed", "Changed"
    REJECTED = "rejected", "Rejected"


class Suggestion(BaseModel):
    """One suggested code for one field of one report, and what a reviewer decided about it."""

    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="learning_suggestions")
    field = models.CharField(max_length=40)
    value = models.JSONField(help_text="A taxonomy id, a list of ids (contributory factors) or true/false (risk)")
    score = models.FloatField()
    details = models.JSONField(default=dict, blank=True, help_text="Per-label scores, risk reasons")
    model_version = models.CharField(max_length=40)
    status = models.CharField(max_length=12, choices=SuggestionStatus.choices, default=SuggestionStatus.SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    final_value = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["report", "field"]), models.Index(fields=["status", "decided_at"])]

    @property
    def withheld(self) -> bool:
        """Below the confidence floor: not shown to the reviewer, who chooses the code themselves."""
        return bool((self.details or {}).get("withheld"))

    def __str__(self) -> str:
        return f"{self.field}={self.value} ({self.status})"


class SignalStatus(models.TextChoices):
    OPEN = "open", "Open"
    DISMISSED = "dismissed", "Dismissed"
    PROMOTED = "promoted", "Promoted"


class SignalKind(models.TextChoices):
    NEW = "new", "New"
    GROWING = "growing", "Growing"


class Signal(BaseModel):
    """An emerging theme in recent approved de-identified reports, raised to national analysts."""

    key = models.CharField(max_length=200, db_index=True, help_text="The theme's terms, to recognise it again")
    label = models.CharField(max_length=200)
    terms = models.JSONField(default=list, blank=True)
    score = models.FloatField()
    kind = models.CharField(max_length=10, choices=SignalKind.choices)
    report_ids = models.JSONField(default=list, help_text="Reports whose approved de-identified copies form it")
    org_count = models.PositiveSmallIntegerField()
    recent_count = models.PositiveIntegerField(default=0)
    baseline_count = models.PositiveIntegerField(default=0)
    recent_rate = models.FloatField(default=0.0)
    baseline_rate = models.FloatField(default=0.0)
    window_start = models.DateTimeField()
    window_end = models.DateTimeField()
    status = models.CharField(max_length=10, choices=SignalStatus.choices, default=SignalStatus.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    promoted_to = models.CharField(max_length=20, blank=True, help_text="bulletin or alert")

    class Meta:
        ordering = ["-score"]

    def __str__(self) -> str:
        return self.label
