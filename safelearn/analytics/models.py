"""Learning bulletins, safety alerts and who receives them. Everything here is built from de-identified data."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

from safelearn.core.models import BaseModel
from safelearn.organisations.models import Organisation


def _feed_token() -> str:
    return secrets.token_urlsafe(24)


class BulletinStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Bulletin(BaseModel):
    """A CALLBACK-style bulletin: de-identified stories, what we learned, and questions for teams to discuss."""

    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="One or two paragraphs that say why this matters")
    findings = models.TextField(blank=True, help_text="What the reports have in common, in the analyst's words")
    lessons = models.TextField(blank=True, help_text="One lesson a line")
    discussion_questions = models.TextField(blank=True, help_text="One question a line")
    status = models.CharField(max_length=16, choices=BulletinStatus.choices, default=BulletinStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == BulletinStatus.PUBLISHED

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip(" -•\t") for line in text.splitlines() if line.strip(" -•\t")]

    @property
    def lesson_list(self) -> list[str]:
        return self._lines(self.lessons)

    @property
    def question_list(self) -> list[str]:
        return self._lines(self.discussion_questions)


class BulletinItem(BaseModel):
    """One approved de-identified report quoted in a bulletin, with the analyst's commentary.

    The quoted text is copied at the time of adding, from the approved copy only, so that the published
    bulletin never changes under its readers and never reaches back to the raw report.
    """

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="items")
    copy = models.ForeignKey("privacy.DeidentifiedCopy", on_delete=models.PROTECT, related_name="+")
    quoted_text = models.TextField()
    commentary = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    reporter_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "created_at"]
        constraints = [models.UniqueConstraint(fields=["bulletin", "copy"], name="unique_bulletin_copy")]


class BulletinSubscription(BaseModel):
    """A user who wants each published bulletin by email; the token gives a private Atom feed URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bulletin_subscription"
    )
    feed_token = models.CharField(max_length=64, unique=True, default=_feed_token)
    active = models.BooleanField(default=True)


class SafetyAlert(BaseModel):
    """A national instruction: what to do, by when, sent to chosen organisations."""

    title = models.CharField(max_length=200)
    why = models.TextField(help_text="What the pooled reports show, without anything that identifies anyone")
    what_to_do = models.TextField()
    respond_by = models.DateField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField()

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return self.title


class AlertRecipient(BaseModel):
    """One organisation's copy of an alert: when it acknowledged and what it did."""

    alert = models.ForeignKey(SafetyAlert, on_delete=models.CASCADE, related_name="recipients")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="safety_alerts")
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actions_taken = models.TextField(blank=True)
    actions_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [models.UniqueConstraint(fields=["alert", "organisation"], name="unique_alert_recipient")]

    @property
    def acknowledged_on_time(self) -> bool:
        return bool(self.acknowledged_at and self.acknowledged_at.date() <= self.alert.respond_by)


_CODES = ["incident_type", "service_area", "outcome", "kind"]


class PoolDayCell(models.Model):
    """The key every summary row shares: an organisation, a local day and the codes the dashboards filter on."""

    organisation_id = models.UUIDField()
    day = models.DateField()
    incident_type = models.CharField(max_length=48, blank=True)
    service_area = models.CharField(max_length=48, blank=True)
    outcome = models.CharField(max_length=48, blank=True)
    kind = models.CharField(max_length=32, blank=True)

    class Meta:
        abstract = True


class PoolDayCount(PoolDayCell):
    """Approved pool reports for one organisation, local day and combination of the codes the dashboard
    filters on. Kept in step by ``safelearn.analytics.summary`` inside the transaction that changes a report;
    ``safelearn analytics rebuild-summary --verify`` proves it equals a direct count."""

    count = models.PositiveIntegerField()

    class Meta:
        # Covering indexes: the dashboards' sums read the index alone, never the table's rows.
        indexes = [
            models.Index(fields=["day", "organisation_id", *_CODES, "count"], name="pooldaycount_day_cover"),
            models.Index(fields=["organisation_id", "day", *_CODES, "count"], name="pooldaycount_org_cover"),
        ]


class PoolDayFactor(PoolDayCell):
    """As ``PoolDayCount``, one row per contributory factor named (a report with three factors counts thrice)."""

    factor = models.CharField(max_length=64)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["day", "organisation_id", "factor", "count"], name="pooldayfactor_day_cover"),
            models.Index(fields=["organisation_id", "day", "factor", "count"], name="pooldayfactor_org_cover"),
        ]


class DurationMeasure(models.TextChoices):
    TRIAGE = "triage", "Time to triage"
    FEEDBACK = "feedback", "Time to feedback"
    CLOSURE = "closure", "Time to closure"


class PoolDayDuration(PoolDayCell):
    """How many approved pool reports of one organisation, local day and code combination took exactly
    ``minutes`` whole minutes from submission to triage, first feedback or closure. A histogram at one-minute
    resolution, so the dashboard's medians are exact (for durations in whole minutes) without reading reports;
    kept in step with ``PoolDayCount`` by ``safelearn.analytics.summary``."""

    measure = models.CharField(max_length=8, choices=DurationMeasure.choices)
    minutes = models.PositiveIntegerField()
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["day", "organisation_id", *_CODES, "measure", "minutes", "count"],
                name="pooldayduration_day_cover",
            ),
            models.Index(
                fields=["organisation_id", "day", *_CODES, "measure", "minutes", "count"],
                name="pooldayduration_org_cover",
            ),
        ]


# The month grain: the same cells summed over a calendar month in the site's time zone, ``day`` holding the
# month's first day. A period's whole months are read here and only its part-months from the day cells, so
# a year's dashboard reads twelve months of cells rather than 365 days of them. Kept in step with the day
# cells by ``safelearn.analytics.summary`` (each change's day-cell difference is added to its month, in the
# same transaction); the unique key lets that addition be one upsert per cell.


def _month_key(name: str, *extra: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(fields=["organisation_id", "day", *_CODES, *extra], name=name)


class PoolMonthCount(PoolDayCell):
    """``PoolDayCount`` summed over a local calendar month (``day`` is the month's first day)."""

    count = models.PositiveIntegerField()

    class Meta:
        constraints = [_month_key("poolmonthcount_cell")]
        indexes = [
            models.Index(fields=["day", "organisation_id", *_CODES, "count"], name="poolmonthcount_day_cover"),
            models.Index(fields=["organisation_id", "day", *_CODES, "count"], name="poolmonthcount_org_cover"),
        ]


class PoolMonthFactor(PoolDayCell):
    """``PoolDayFactor`` summed over a local calendar month (``day`` is the month's first day)."""

    factor = models.CharField(max_length=64)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [_month_key("poolmonthfactor_cell", "factor")]
        indexes = [
            models.Index(fields=["day", "organisation_id", "factor", "count"], name="poolmonthfactor_day_cover"),
            models.Index(fields=["organisation_id", "day", "factor", "count"], name="poolmonthfactor_org_cover"),
        ]


class PoolMonthDuration(PoolDayCell):
    """``PoolDayDuration`` summed over a local calendar month (``day`` is the month's first day)."""

    measure = models.CharField(max_length=8, choices=DurationMeasure.choices)
    minutes = models.PositiveIntegerField()
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [_month_key("poolmonthduration_cell", "measure", "minutes")]
        indexes = [
            models.Index(
                fields=["day", "organisation_id", *_CODES, "measure", "minutes", "count"],
                name="poolmonthduration_day_cover",
            ),
            models.Index(
                fields=["organisation_id", "day", *_CODES, "measure", "minutes", "count"],
                name="poolmonthduration_org_cover",
            ),
        ]
