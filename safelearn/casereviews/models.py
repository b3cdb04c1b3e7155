"""Published case reviews (serious case reviews, practice reviews), their findings and recommendations.

Findings are coded with the project taxonomy; every code keeps its provenance (which model suggested it,
with what score, and who confirmed or rejected it). Matches between findings and the de-identified
national pool are stored as FindingEcho rows so the recurrence view is a plain aggregate.
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.db import models

from safelearn.core.models import BaseModel
from safelearn.organisations.models import Organisation

#: Taxonomy sections a finding is coded with (section ids exactly as in taxonomy.yaml).
CODE_SECTIONS = ("incident_type", "contributory_factor", "service_area", "agency_involved")


def text_hash(text: str) -> str:
    """Hash of the text with whitespace and case normalised: the natural key for re-imports."""
    normal = re.sub(r"\s+", " ", text or "").strip().lower()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


class ReviewKind(models.TextChoices):
    SERIOUS_CASE_REVIEW = "serious_case_review", "Serious case review"
    LCSPR = "lcspr", "Local child safeguarding practice review"
    RAPID_REVIEW_SUMMARY = "rapid_review_summary", "Rapid review summary"
    LEARNING_REVIEW = "learning_review", "Learning review"


class CaseReview(BaseModel):
    title = models.CharField(max_length=300)
    area = models.CharField(max_length=120, help_text="The safeguarding partnership or area, e.g. 'Eastholm'")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=32, choices=ReviewKind.choices)
    summary = models.TextField(blank=True)
    document_url = models.URLField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year", "title"]
        constraints = [models.UniqueConstraint(fields=["title", "year"], name="unique_case_review_title_year")]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


class Finding(BaseModel):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()
    text_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["review", "position", "created_at"]
        constraints = [models.UniqueConstraint(fields=["review", "text_hash"], name="unique_finding_per_review")]
        indexes = [models.Index(fields=["updated_at"])]

    def __str__(self) -> str:
        return self.text[:80]


class Recommendation(BaseModel):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="recommendations")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()
    text_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["review", "position", "created_at"]
        constraints = [models.UniqueConstraint(fields=["review", "text_hash"], name="unique_recommendation_per_review")]

    def __str__(self) -> str:
        return self.text[:80]


class CodeStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class CodeSource(models.TextChoices):
    MODEL = "model", "Suggested by the learning engine"
    IMPORT = "import", "Given in an imported file"
    PERSON = "person", "Added by an analyst"


class FindingCode(BaseModel):
    """One taxonomy code on one finding, with where it came from and who decided."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="codes")
    section = models.CharField(max_length=32)
    code = models.CharField(max_length=48)
    status = models.CharField(max_length=16, choices=CodeStatus.choices, default=CodeStatus.SUGGESTED)
    source = models.CharField(max_length=16, choices=CodeSource.choices)
    model_version = models.CharField(max_length=80, blank=True)
    score = models.FloatField(null=True, blank=True)
    suggested_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["section", "-score", "code"]
        constraints = [models.UniqueConstraint(fields=["finding", "section", "code"], name="unique_finding_code")]

    def __str__(self) -> str:
        return f"{self.section}:{self.code} ({self.status})"

    @property
    def in_use(self) -> bool:
        return self.status != CodeStatus.REJECTED


class FindingEcho(BaseModel):
    """A recent de-identified near miss or incident in the national pool that shows a finding again."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="echoes")
    copy = models.ForeignKey("privacy.DeidentifiedCopy", on_delete=models.CASCADE, related_name="+")
    organisation_id = models.UUIDField(db_index=True)
    submitted_at = models.DateTimeField()
    period = models.CharField(max_length=7, help_text="Quarter of submission, e.g. 2026-Q1")
    score = models.FloatField()
    shared_codes = models.JSONField(default=list, blank=True)
    shared_terms = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [models.UniqueConstraint(fields=["finding", "copy"], name="unique_finding_echo")]
        indexes = [models.Index(fields=["period", "organisation_id"])]


class RecurrenceRun(models.Model):
    """When the pool was last matched against the findings, so pages can say how fresh the figures are."""

    id = models.BigAutoField(primary_key=True)
    finished_at = models.DateTimeField()
    copies_scanned = models.PositiveIntegerField(default=0)
    echoes = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-finished_at"]


class AssignmentStatus(models.TextChoices):
    OPEN = "open", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class RecommendationAssignment(BaseModel):
    """A review recommendation given to a named organisation to act on.

    Seam: review.Action needs a report, and a published review's recommendation has none, so the
    assignment lives here; ``action_id`` is kept for the day review.Action can stand without a report.
    """

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="assignments")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, choices=AssignmentStatus.choices, default=AssignmentStatus.OPEN)
    due_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    action_id = models.UUIDField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "organisation"], name="unique_recommendation_org")
        ]

    @property
    def is_open(self) -> bool:
        return self.status in (AssignmentStatus.OPEN, AssignmentStatus.IN_PROGRESS)
