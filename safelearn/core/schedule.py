"""The recurring jobs, run by `safelearn worker` without cron (docs/deployment.md lists the same jobs).

django-tasks 0.12 has no scheduler, and a table of nine jobs does not need a library. Each job has fixed
slots: every N minutes (aligned to the clock: :00, :15, :30 …) or once a day / a week at a wall-clock time
in the installation's time zone (Europe/London). On each poll the worker asks `schedule_enqueue_due`: for
every job whose latest slot has not been claimed, it inserts a `ScheduledJobRun` row for that slot — the
unique (job, due_slot) constraint makes the claim atomic across workers — and enqueues `run_scheduled_job`
as an ordinary task, so the worker's time limit, lease and retry rules apply to it.

Slots missed while no worker ran collapse into one catch-up run (like anacron): every job here is safe to
repeat and only needs to have run since its last slot. Off with SAFELEARN_SCHEDULE_ENABLED=false (then
schedule the commands with cron as before).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from safelearn.core.models import ScheduledJobRun

logger = logging.getLogger("safelearn.schedule")

EPOCH = dt.datetime(2000, 1, 3, tzinfo=dt.UTC)  # a Monday: interval slots are multiples of the interval from here
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Job:
    """A management command run on a schedule: every `every`, or daily (or on `weekday`) at `at`, local time."""

    name: str
    command: tuple[str, ...]
    what: str
    every: dt.timedelta | None = None
    at: dt.time | None = None
    weekday: int | None = None  # 0 = Monday; with `at`, weekly instead of daily

    def __post_init__(self) -> None:
        if (self.every is None) == (self.at is None):
            raise ValueError(f"job {self.name}: give exactly one of every= or at=")
        if self.weekday is not None and self.at is None:
            raise ValueError(f"job {self.name}: weekday= needs at=")

    @property
    def schedule(self) -> str:
        if self.every is not None:
            return f"every {int(self.every.total_seconds() // 60)} minutes"
        assert self.at is not None
        day = f"every {WEEKDAYS[self.weekday]}" if self.weekday is not None else "daily"
        return f"{day} at {self.at:%H:%M}"

    def latest_slot(self, now: dt.datetime) -> dt.datetime:
        """The most recent scheduled time at or before `now`."""
        if self.every is not None:
            periods = (now - EPOCH) // self.every
            return EPOCH + periods * self.every
        assert self.at is not None
        local = now.astimezone(_zone())
        slot = dt.datetime.combine(local.date(), self.at, tzinfo=_zone())
        step = dt.timedelta(days=1)
        if self.weekday is not None:
            slot -= dt.timedelta(days=(local.weekday() - self.weekday) % 7)
            step = dt.timedelta(days=7)
        if slot > local:
            slot = _same_wall_time(slot, -step)
        return slot.astimezone(dt.UTC)

    def next_slot(self, after: dt.datetime) -> dt.datetime:
        """The first scheduled time after the slot `after`."""
        if self.every is not None:
            return after + self.every
        step = dt.timedelta(days=7 if self.weekday is not None else 1)
        return _same_wall_time(after.astimezone(_zone()), step).astimezone(dt.UTC)


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _same_wall_time(moment: dt.datetime, days: dt.timedelta) -> dt.datetime:
    """The same local clock time `days` later or earlier (03:00 stays 03:00 across a clock change)."""
    local = moment.astimezone(_zone())
    return dt.datetime.combine(local.date() + days, local.timetz().replace(tzinfo=None), tzinfo=_zone())


MINUTES = dt.timedelta(minutes=1)

# Times of day avoid 01:00–02:00, which happens twice or not at all when the UK's clocks change.
JOBS: tuple[Job, ...] = (
    Job(
        "escalations-check",
        ("escalations-check",),
        "Catch-up re-escalation of unacknowledged alerts",
        every=2 * MINUTES,
    ),
    Job(
        "send-reminders",
        ("send-reminders",),
        "Statutory clocks, due actions, overdue triage, digests",
        every=15 * MINUTES,
    ),
    Job(
        "audit-checkpoint",
        ("audit", "checkpoint"),
        "Check recent audit events and write a checkpoint",
        every=15 * MINUTES,
    ),
    Job("purge", ("purge",), "Retention: raw narratives, identity vault, drafts, sessions", at=dt.time(3, 0)),
    Job(
        "redact-pending", ("redact_pending",), "Catch-up de-identification of reports still pending", at=dt.time(3, 30)
    ),
    Job("detect-themes", ("detect-themes",), "Emerging themes across organisations", at=dt.time(4, 0)),
    Job(
        "send-query-reports",
        ("send-query-reports",),
        "Monthly emails linking to saved queries (sent once a month)",
        at=dt.time(6, 0),
    ),
    Job("audit-verify", ("audit", "verify"), "Check the whole audit chain against every checkpoint", at=dt.time(4, 30)),
    Job(
        "retrain",
        ("retrain",),
        "Retrain suggestions from confirmed codes; promoted only if better",
        at=dt.time(5, 0),
        weekday=6,
    ),
)


def job_named(name: str) -> Job | None:
    return next((job for job in JOBS if job.name == name), None)


def schedule_enabled() -> bool:
    return bool(getattr(settings, "SAFELEARN_SCHEDULE_ENABLED", True))


def schedule_enqueue_due(*, now: dt.datetime | None = None) -> list[ScheduledJobRun]:
    """Claim and enqueue every job whose latest slot has no run yet; returns the runs this caller claimed."""
    from safelearn.core.tasks import run_scheduled_job

    now = now or timezone.now()
    jobs = JOBS
    slots = {job.name: job.latest_slot(now) for job in jobs}
    claimed_slots = set(
        ScheduledJobRun.objects.filter(job__in=slots, due_slot__gte=min(slots.values(), default=now)).values_list(
            "job", "due_slot"
        )
    )
    claimed: list[ScheduledJobRun] = []
    for job in jobs:
        slot = slots[job.name]
        if (job.name, slot) in claimed_slots:
            continue
        # Claim and enqueue together: a claim whose task never reached the queue would block the slot.
        with transaction.atomic():
            run = schedule_claim(job=job, slot=slot, now=now)
            if run is None:
                continue
            result = run_scheduled_job.enqueue(run.pk)
            ScheduledJobRun.objects.filter(pk=run.pk, task_id="").update(task_id=str(result.id))
        logger.info("scheduled job %s enqueued for %s", job.name, slot.isoformat())
        claimed.append(run)
    return claimed


def schedule_claim(*, job: Job, slot: dt.datetime, now: dt.datetime) -> ScheduledJobRun | None:
    """Insert the run row for (job, slot); None when another worker got there first."""
    try:
        with transaction.atomic():
            return ScheduledJobRun.objects.create(job=job.name, due_slot=slot, enqueued_at=now)
    except IntegrityError:
        return None


def scheduled_job_run(*, run_id: int) -> None:
    """Run a claimed job's command and record how it ended (the exception type only, never its text)."""
    run = ScheduledJobRun.objects.get(pk=run_id)
    job = job_named(run.job)
    run.started_at = timezone.now()
    run.outcome = ScheduledJobRun.Outcome.RUNNING
    run.save(update_fields=["started_at", "outcome"])
    try:
        if job is None:
            raise LookupError(run.job)
        # Commands print their own summaries; the worker's log is not the place for them.
        call_command(*job.command, stdout=io.StringIO(), stderr=io.StringIO())
    except BaseException as exc:  # the time limit and SystemExit are BaseExceptions: record those too
        if isinstance(exc, SystemExit) and not exc.code:
            _finish(run, ScheduledJobRun.Outcome.OK, "")
            return
        _finish(run, ScheduledJobRun.Outcome.FAILED, type(exc).__name__)
        logger.error("scheduled job %s failed: %s", run.job, type(exc).__name__)
        raise
    _finish(run, ScheduledJobRun.Outcome.OK, "")


def _finish(run: ScheduledJobRun, outcome: str, message: str) -> None:
    run.finished_at = timezone.now()
    run.outcome = outcome
    run.message = message[:200]
    run.save(update_fields=["finished_at", "outcome", "message"])


@dataclass(frozen=True)
class JobStatus:
    job: Job
    last: ScheduledJobRun | None
    next_due: dt.datetime
    outcome: str = ""
    message: str = ""


def schedule_status(*, now: dt.datetime | None = None) -> list[JobStatus]:
    """Each job with its latest run and when it is next due (now, if its latest slot has not been claimed)."""
    now = now or timezone.now()
    statuses = []
    for job in JOBS:
        last = ScheduledJobRun.objects.filter(job=job.name).order_by("-due_slot").first()
        slot = job.latest_slot(now)
        next_due = job.next_slot(slot) if last is not None and last.due_slot >= slot else now
        outcome, message = _outcome(last)
        statuses.append(JobStatus(job=job, last=last, next_due=next_due, outcome=outcome, message=message))
    return statuses


def _outcome(run: ScheduledJobRun | None) -> tuple[str, str]:
    """The run's outcome, or its task's where the task ended without the run hearing (its worker was lost)."""
    if run is None:
        return "", ""
    if run.outcome in (ScheduledJobRun.Outcome.OK, ScheduledJobRun.Outcome.FAILED) or not run.task_id:
        return run.outcome, run.message
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.filter(pk=run.task_id).only("status", "exception_class_path").first()
    if task is not None and task.status == "FAILED":
        return ScheduledJobRun.Outcome.FAILED, task.exception_class_path.rpartition(".")[2]
    return run.outcome, run.message
