"""Bulk imports of historic incidents: one batch per file, one record per source row imported."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safelearn.core.models import BaseModel
from safelearn.organisations.models import Organisation


class BatchStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Importing"
    DONE = "done", "Finished"
    FAILED = "failed", "Failed"


class ImportBatch(BaseModel):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="import_batches")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=80)
    filename = models.CharField(max_length=200)
    dry_run = models.BooleanField(default=False)
    status = models.CharField(max_length=12, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    skipped_existing = models.PositiveIntegerField(default=0)
    bad_rows = models.JSONField(default=list, blank=True)
    # The uploaded file and mapping wait here (encrypted: they hold raw narratives) until processed.
    payload = models.BinaryField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class ImportedRecord(models.Model):
    """Which source row became which report: re-running an import never duplicates."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=80)
    source_id = models.CharField(max_length=120)
    report = models.OneToOneField("reporting.Report", on_delete=models.CASCADE, related_name="import_record")
    batch = models.ForeignKey(ImportBatch, null=True, on_delete=models.SET_NULL, related_name="records")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "source", "source_id"], name="unique_import_source_row")
        ]
