"""Shared base model and the append-only, hash-chained audit log."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class BaseModel(models.Model):
    """UUID primary key (no guessable ids in URLs) and timestamps."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: object) -> int:
        raise PermissionError("audit events are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events are append-only")


class AuditEvent(models.Model):
    """One state change or one read of sensitive data. Rows are never changed or deleted."""

    id = models.BigAutoField(primary_key=True)
    created_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=150, blank=True)
    verb = models.CharField(max_length=64)
    target_type = models.CharField(max_length=64)
    target_id = models.CharField(max_length=64)
    organisation_id = models.UUIDField(null=True, blank=True)
    payload = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["target_type", "target_id", "id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.verb} {self.target_type}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise PermissionError("audit events are append-only")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events are append-only")


class Notification(BaseModel):
    """An in-app message for one user (email copies go through Django's email framework)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    organisation_id = models.UUIDField(null=True, blank=True)
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    urgent = models.BooleanField(default=False)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title


class WorkerHeartbeat(models.Model):
    """One row per running `safelearn worker`, touched every few seconds by its heartbeat thread.

    A RUNNING task whose worker has not been seen for the lease period is taken to be lost (the worker
    was killed or its machine died) and is put back in the queue (safelearn.core.worker).
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)
    task_id = models.UUIDField(null=True, blank=True, help_text="The task it is running, if any")

    def __str__(self) -> str:
        return f"worker {self.worker_id} (last seen {self.last_seen:%Y-%m-%d %H:%M:%S})"


class ScheduledJobRun(models.Model):
    """One run of a recurring job (safelearn.core.schedule): claimed by a worker for one due slot, then run.

    The unique (job, due_slot) pair is the claim: two workers polling at the same moment both try to insert
    the row and only one succeeds, so a job never runs twice for the same slot. `message` holds an exception
    type only, never text that could quote a report.
    """

    class Outcome(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        RUNNING = "running", "Running"
        OK = "ok", "Succeeded"
        FAILED = "failed", "Failed"

    id = models.BigAutoField(primary_key=True)
    job = models.CharField(max_length=64)
    due_slot = models.DateTimeField(help_text="The scheduled time this run is for")
    enqueued_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.QUEUED)
    message = models.CharField(max_length=200, blank=True)
    task_id = models.CharField(max_length=64, blank=True, help_text="The django-tasks result id")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "due_slot"], name="scheduled_job_run_once_per_slot")]
        indexes = [models.Index(fields=["job", "-due_slot"])]

    def __str__(self) -> str:
        return f"{self.job} for {self.due_slot:%Y-%m-%d %H:%M} ({self.outcome})"
