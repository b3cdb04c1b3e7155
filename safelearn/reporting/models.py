"""Reports, their addenda and drafts. The reporter's words are immutable; corrections are addenda."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy

from safelearn.core.fields import EncryptedTextField
from safelearn.core.models import BaseModel
from safelearn.core.taxonomy import get_taxonomy
from safelearn.organisations.models import Organisation
from safelearn.reporting import about

_tax = get_taxonomy()

NARRATIVE_FIELDS = ("what_happened", "how_noticed", "why_happened", "what_would_help")


class ReportStatus(models.TextChoices):
    # Labels translated when shown (issue 21); the stored values never change.
    SUBMITTED = "submitted", gettext_lazy("Submitted")
    TRIAGED = "triaged", gettext_lazy("Triaged")
    UNDER_REVIEW = "under_review", gettext_lazy("Under review")
    ACTIONS_OPEN = "actions_open", gettext_lazy("Actions open")
    CLOSED = "closed", gettext_lazy("Closed")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")
    DUPLICATE = "duplicate", gettext_lazy("Duplicate")


#: Statuses that statistics leave out.
EXCLUDED_FROM_STATISTICS = (ReportStatus.WITHDRAWN, ReportStatus.DUPLICATE)


class ReportingMode(models.TextChoices):
    NAMED = "named", "Named"
    CONFIDENTIAL = "confidential", "Confidential"
    ANONYMOUS = "anonymous", "Anonymous"


class Channel(models.TextChoices):
    STAFF = "staff", "Staff form"
    PUBLIC = "public", "Public link"
    API = "api", "API"
    IMPORT = "import", "Import"


class RiskAnswer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not_sure", "Not sure"


class Location(BaseModel):
    """A place the organisation works in or with (a named home, team, family centre...), managed by its admin.

    The name stays inside the organisation; only ``setting_type`` is pooled. A retired location keeps its
    reports but is no longer offered on the form.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="locations")
    setting_type = models.CharField(max_length=32, choices=about.SettingType.choices)
    name = models.CharField(max_length=120)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_location_name_per_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_setting_type_display()})"

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class Report(BaseModel):
    _loaded_narrative: dict[str, Any]

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="reports")
    reference = models.CharField(max_length=32, unique=True)
    kind = models.CharField(max_length=32, choices=_tax.choices("report_kind"), default="incident")
    mode = models.CharField(max_length=16, choices=ReportingMode.choices)
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.STAFF)
    status = models.CharField(max_length=20, choices=ReportStatus.choices, default=ReportStatus.SUBMITTED)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    reporter_role = models.CharField(max_length=32, choices=_tax.choices("reporter_role"), blank=True)

    occurred_on = models.DateField(null=True, blank=True)
    occurred_on_is_approximate = models.BooleanField(default=False)
    outcome = models.CharField(max_length=32, choices=_tax.choices("outcome"), blank=True)
    incident_type = models.CharField(max_length=48, choices=_tax.choices("incident_type"), blank=True)
    service_area = models.CharField(max_length=32, choices=_tax.choices("service_area"), blank=True)
    contributory_factors = models.JSONField(default=list, blank=True)
    recovery_factor = models.CharField(max_length=32, choices=_tax.choices("recovery_factor"), blank=True)
    agencies_involved = models.JSONField(default=list, blank=True)
    #: Where it happened: the organisation's named location (staff) and its type (the public link gives only
    #: a type). Only the type is ever pooled or published.
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.PROTECT, related_name="reports")
    location_type = models.CharField(max_length=32, choices=about.SettingType.choices, blank=True)

    #: Harm as the reviewer grades it, physical and psychological apart as Learn from Patient Safety Events
    #: does, and whether there was a missed opportunity to prevent it (None = not graded yet).
    physical_harm = models.CharField(max_length=16, choices=about.PhysicalHarm.choices, blank=True)
    psychological_harm = models.CharField(max_length=16, choices=about.PsychologicalHarm.choices, blank=True)
    missed_opportunity = models.BooleanField(null=True, blank=True)
    harm_graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    harm_graded_at = models.DateTimeField(null=True, blank=True)

    immediate_risk_answer = models.CharField(max_length=10, choices=RiskAnswer.choices, blank=True)
    immediate_risk_flagged = models.BooleanField(default=False)
    immediate_risk_reasons = models.JSONField(default=list, blank=True)

    what_happened = EncryptedTextField()
    how_noticed = EncryptedTextField(null=True, blank=True)
    why_happened = EncryptedTextField(null=True, blank=True)
    what_would_help = EncryptedTextField(null=True, blank=True)
    raw_purged_at = models.DateTimeField(null=True, blank=True)

    submitted_at = models.DateTimeField()
    triaged_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status_reason = models.TextField(blank=True)

    receipt_lookup = models.CharField(max_length=64, unique=True, null=True, blank=True)
    receipt_hash = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["organisation", "status", "-submitted_at"]),
            models.Index(fields=["organisation", "-submitted_at"]),
            models.Index(fields=["submitted_at"]),
        ]

    def __str__(self) -> str:
        return self.reference

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> Report:
        instance = super().from_db(db, field_names, values)
        instance._loaded_narrative = {f: getattr(instance, f, None) for f in NARRATIVE_FIELDS if f in field_names}
        return instance

    def save(self, *args: Any, **kwargs: Any) -> None:
        loaded: dict[str, Any] = getattr(self, "_loaded_narrative", {})
        changed = [f for f, v in loaded.items() if getattr(self, f) != v]
        if changed and not getattr(self, "_allow_purge", False):
            raise PermissionError("the reporter's narrative is immutable; add an addendum instead")
        super().save(*args, **kwargs)

    @property
    def counts_in_statistics(self) -> bool:
        return self.status not in EXCLUDED_FROM_STATISTICS

    @property
    def risk_only_unsure(self) -> bool:
        """Flagged only because the reporter was not sure a child is safe (reporters see calmer words)."""
        if self.immediate_risk_answer != RiskAnswer.NOT_SURE:
            return False
        from safelearn.reporting.risk import assess_immediate_risk

        return not assess_immediate_risk("\n".join(self.narrative().values())).at_risk

    def narrative(self) -> dict[str, str]:
        return {f: getattr(self, f) or "" for f in NARRATIVE_FIELDS}


class ChildDetails(BaseModel):
    """About one child or young person in a report: coded answers for equality analysis, never a name.

    Every answer is optional; blank means "not recorded", kept apart from an explicit "not known".
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="children")
    position = models.PositiveSmallIntegerField(default=1)
    age_band = models.CharField(max_length=16, choices=about.AgeBand.choices, blank=True)
    sex = models.CharField(max_length=16, choices=about.Sex.choices, blank=True)
    legal_status = models.CharField(max_length=32, choices=about.LegalStatus.choices, blank=True)
    disability = models.CharField(max_length=16, choices=about.YesNoNotKnown.choices, blank=True)
    ethnicity = models.CharField(max_length=32, choices=about.Ethnicity.choices, blank=True)
    told = models.CharField(max_length=24, choices=about.ChildTold.choices, blank=True)

    class Meta:
        ordering = ["report", "position"]
        indexes = [models.Index(fields=["legal_status"]), models.Index(fields=["age_band"])]

    def __str__(self) -> str:
        return f"Child {self.position} in {self.report_id}"


class Addendum(BaseModel):
    """A later correction or addition to a report; the original words stay as they were."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="addenda")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    author_label = models.CharField(max_length=120, blank=True)
    text = EncryptedTextField()

    class Meta:
        ordering = ["created_at"]


class ReportDraft(BaseModel):
    """Server-side draft of a half-typed report, encrypted like the narrative itself."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="report_drafts"
    )
    session_key = models.CharField(max_length=64, blank=True, db_index=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    payload = EncryptedTextField()

    class Meta:
        ordering = ["-updated_at"]


class ReferenceCounter(models.Model):
    """Per organisation and year, the last reference number issued (e.g. NB-2026-00042)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="unique_counter_year")]


class MessageAuthor(models.TextChoices):
    REPORTER = "reporter", "Reporter"
    SAFETY_LEAD = "safety_lead", "Safety lead"


class MessageKind(models.TextChoices):
    MESSAGE = "message", "Message"
    QUESTION = "question", "Question"
    FEEDBACK = "feedback", "Feedback"
    STATUS = "status", "Status update"


class Message(BaseModel):
    """The two-way conversation between a reporter (even an anonymous one) and the safety leads."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=16, choices=MessageAuthor.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=MessageKind.choices, default=MessageKind.MESSAGE)
    body = EncryptedTextField()
    read_by_reporter_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]


class EscalationSource(models.TextChoices):
    """Which free-text entry point tripped the immediate-risk screen."""

    FORM = "form", "Staff form"
    PUBLIC = "public", "Public link"
    API = "api", "API"
    IMPORT = "import", "Import"
    REPLY = "reply", "Reporter's reply"
    ADDENDUM = "addendum", "Addendum"


class WhoWasTold(models.TextChoices):
    MASH = "mash", "MASH or children's services front door"
    POLICE = "police", "Police"
    LADO = "lado", "LADO (Local Authority Designated Officer)"
    EMERGENCY_DUTY_TEAM = "edt", "Emergency duty team"
    SOCIAL_WORKER = "social_worker", "The child's social worker"
    OTHER = "other", "Someone else"


class Escalation(BaseModel):
    """A child-at-risk-now alert that a named person must acknowledge, with the safeguarding action taken.

    Open (unacknowledged) escalations re-escalate on a timer; only one can be open per report.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="escalations")
    source = models.CharField(max_length=16, choices=EscalationSource.choices)
    reasons = models.JSONField(default=list, blank=True)
    raised_at = models.DateTimeField()
    out_of_hours = models.BooleanField(default=False)
    #: 1 when first raised; each re-escalation adds one.
    level = models.PositiveSmallIntegerField(default=1)
    ack_due_at = models.DateTimeField(db_index=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    who_was_told = models.JSONField(default=list, blank=True)
    who_was_told_other = models.CharField(max_length=200, blank=True)
    references = models.CharField(max_length=500, blank=True)
    action_taken_at = models.DateTimeField(null=True, blank=True)
    # Notes may name the child or family, so they are encrypted like the narrative.
    notes = EncryptedTextField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["report"],
                condition=models.Q(acknowledged_at__isnull=True),
                name="one_open_escalation_per_report",
            )
        ]

    def __str__(self) -> str:
        return f"Escalation of {self.report_id} (level {self.level})"

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None

    def who_was_told_labels(self) -> list[str]:
        labels = dict(WhoWasTold.choices)
        out = [str(labels.get(code, code)) for code in self.who_was_told if code != WhoWasTold.OTHER]
        if WhoWasTold.OTHER in self.who_was_told:
            out.append(self.who_was_told_other or "Someone else")
        return out
