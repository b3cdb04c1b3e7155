"""The safety lead's records about a report: grading, statutory clocks, systems review, actions, feedback.

The reporter's words live in reporting.Report and never change; everything here is the review's own work.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safelearn.core.fields import EncryptedTextField
from safelearn.core.models import BaseModel
from safelearn.core.taxonomy import get_taxonomy
from safelearn.organisations.models import Organisation

_tax = get_taxonomy()


class ResponseLevel(models.TextChoices):
    """Proportionate response: most reports need a conversation, few need a full systems review."""

    NO_FURTHER_REVIEW = "no_further_review", "No further review"
    LOCAL_LEARNING = "local_learning", "Local learning conversation"
    AFTER_ACTION_REVIEW = "after_action_review", "After-action review"
    FULL_SYSTEMS_REVIEW = "full_systems_review", "Full systems review"


class Assessment(BaseModel):
    """One per report: risk on the 5×5 matrix, harm on the outcome ladder, and the response level chosen."""

    report = models.OneToOneField("reporting.Report", on_delete=models.CASCADE, related_name="assessment")
    consequence = models.PositiveSmallIntegerField(null=True, blank=True)  # 1..5, index into the matrix + 1
    likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    risk_score = models.PositiveSmallIntegerField(null=True, blank=True)
    risk_band = models.CharField(max_length=16, blank=True)
    graded_potential = models.BooleanField(
        default=False, help_text="True when a near miss was graded on what could have happened"
    )
    harm = models.CharField(max_length=32, choices=_tax.choices("outcome"), blank=True)
    harm_revisit_on = models.DateField(null=True, blank=True)
    response_level = models.CharField(max_length=32, choices=ResponseLevel.choices, blank=True)
    response_reason = models.TextField(blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    graded_at = models.DateTimeField(null=True, blank=True)


class ClockStatus(models.TextChoices):
    RUNNING = "running", "Running"
    NOTIFIED = "notified", "Notified"
    NOT_REQUIRED = "not_required", "Not required"


class StatutoryClock(BaseModel):
    """A statutory duty's deadline, counted from when the organisation became aware."""

    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="statutory_clocks")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    duty = models.CharField(max_length=48, choices=_tax.choices("statutory_notification"))
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=16, choices=ClockStatus.choices, default=ClockStatus.RUNNING)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notified_at = models.DateTimeField(null=True, blank=True)
    notified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notified_to = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["deadline"]
        constraints = [models.UniqueConstraint(fields=["report", "duty"], name="unique_clock_per_duty")]

    def __str__(self) -> str:
        return f"{self.duty} for {self.report_id}"


class PracticeEpisode(BaseModel):
    """One step in the timeline of a systems review: what happened and why it made sense at the time."""

    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="practice_episodes")
    position = models.PositiveSmallIntegerField(default=0)
    when = models.CharField(max_length=80, help_text="A date or a point in the story, e.g. 'Day 2, morning'")
    what_happened = models.TextField()
    why_it_made_sense = models.TextField()
    recovery_factors = models.JSONField(default=list, blank=True)
    recovery_notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["position", "created_at"]


class EpisodeFactor(BaseModel):
    """A contributory factor (taxonomy id) seen in one episode, with the evidence for it."""

    episode = models.ForeignKey(PracticeEpisode, on_delete=models.CASCADE, related_name="factors")
    factor = models.CharField(max_length=48, choices=_tax.choices("contributory_factor"))
    evidence = models.TextField()

    class Meta:
        ordering = ["created_at"]


class Finding(BaseModel):
    """A pattern in the system ('what in our system makes this likely?'), never a culprit."""

    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="findings")
    pattern = models.TextField()
    factor = models.CharField(max_length=48, choices=_tax.choices("contributory_factor"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not_sure", "Not sure"


class JustCultureAssessment(BaseModel):
    """Answers to the just-culture decision aid.

    Local only: never exported, never in the de-identified copy or the audit payload, and readable only by
    the organisation's safety leads (see selectors.just_culture_get) – not by administrators or line managers.
    """

    EXPORTABLE = False

    report = models.OneToOneField("reporting.Report", on_delete=models.CASCADE, related_name="just_culture")
    deliberate_harm = models.CharField(max_length=10, choices=Answer.choices)
    health_factor = models.CharField(max_length=10, choices=Answer.choices)
    foresight = models.CharField(max_length=10, choices=Answer.choices)
    substitution = models.CharField(max_length=10, choices=Answer.choices)
    steer = models.CharField(max_length=32)
    notes = models.TextField(blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )


class ActionStatus(models.TextChoices):
    OPEN = "open", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"
    # Still to do, but owned outside this review (an owner and a due date) so the report itself may close.
    HANDED_OVER = "handed_over", "Handed over"


#: Actions still to be done. Handed-over ones stay here: their owner is reminded until they are finished.
OUTSTANDING_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.HANDED_OVER)


class Action(BaseModel):
    """A SMART action: specific, with a measure, an owner, a due date, and a later check that it worked."""

    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="review_actions")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    measure = models.TextField(help_text="How we will know it is done and working")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_actions")
    due_on = models.DateField(db_index=True)
    status = models.CharField(max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    evidence = models.TextField(blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    effectiveness_check_on = models.DateField(null=True, blank=True)
    effectiveness_notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "created_at"]
        indexes = [models.Index(fields=["organisation", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OUTSTANDING_ACTION_STATUSES


class Feedback(BaseModel):
    """What was learned and what changed, as told to the reporter (the text also goes into the conversation)."""

    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="feedback")
    body = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message_id = models.UUIDField(null=True, blank=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]


class ClosureOverride(BaseModel):
    """A report closed with criteria unmet: who decided, their written reason, and what was still outstanding."""

    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="closure_overrides")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    by_label = models.CharField(max_length=150, help_text="The safety lead's name when they closed it")
    reason = models.TextField()
    outstanding = models.JSONField(default=list, help_text="[{code, message}] unmet when it was closed")

    class Meta:
        ordering = ["created_at"]


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "Straight away"
    DAILY = "daily", "Once a day, in a digest"


class NotificationPreference(BaseModel):
    """How often one user wants email; in-app alerts always arrive at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_notification_preference"
    )
    email_frequency = models.CharField(max_length=16, choices=EmailFrequency.choices, default=EmailFrequency.IMMEDIATE)
    last_digest_at = models.DateTimeField(null=True, blank=True)


class ReminderSent(models.Model):
    """Each reminder is sent once: (kind, target) is the key that stops repeats when the job runs again."""

    id = models.BigAutoField(primary_key=True)
    kind = models.CharField(max_length=40)
    target_id = models.CharField(max_length=64)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "target_id"], name="unique_reminder")]


class NotificationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"


class SendingMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PORTAL = "portal", "The body's online form or portal"
    PHONE = "phone", "Phone"
    POST = "post", "Post"


#: Methods whose sending always gives back a reference (an online form answers with a case number).
METHODS_NEEDING_REFERENCE = (SendingMethod.PORTAL,)


class OnwardNotification(BaseModel):
    """The content of one statutory notification (drafted here, edited by the safety lead) and its sending.

    SafeLearn never sends it: the safety lead sends it by the body's own route and records that they did.
    The content is personal data about children and staff: encrypted at rest, never exported or pooled.
    """

    EXPORTABLE = False

    clock = models.OneToOneField(StatutoryClock, on_delete=models.CASCADE, related_name="onward_notification")
    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="onward_notifications")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    duty = models.CharField(max_length=48, choices=_tax.choices("statutory_notification"))
    #: The fields as JSON ({field key: text}), encrypted.
    content = EncryptedTextField()
    status = models.CharField(max_length=8, choices=NotificationStatus.choices, default=NotificationStatus.DRAFT)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_to = models.CharField(max_length=200, blank=True)
    method = models.CharField(max_length=8, choices=SendingMethod.choices, blank=True)
    body_reference = models.CharField(max_length=100, blank=True, help_text="The receiving body's reference")
    receipt_note = models.TextField(blank=True, help_text="What the body sent back, e.g. its acknowledgement")
    #: The receipt as a file, kept by the casework app's attachments (encrypted there); None when not attached.
    receipt_attachment_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.duty} notification for {self.report_id} ({self.status})"


class CodeSource(models.TextChoices):
    REPORTER = "reporter", "The reporter's own code"
    REVIEWER = "reviewer", "The reviewer's code"
    SUGGESTION = "suggestion", "An accepted suggestion"


class CodeChoice(BaseModel):
    """The final code for one coded field of a report, and who chose it.

    The reporter's own coding at submission is kept here (`reporter_value`) the first time anything
    changes the field, so it is never lost when a reviewer or an accepted suggestion replaces it.
    """

    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="code_choices")
    field = models.CharField(max_length=40)
    reporter_value = models.JSONField(null=True, blank=True)
    value = models.JSONField(null=True, blank=True)
    source = models.CharField(max_length=12, choices=CodeSource.choices)
    suggestion = models.ForeignKey(
        "learning.Suggestion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    chosen_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["report", "field"], name="unique_code_choice_per_field")]

    def __str__(self) -> str:
        return f"{self.field}={self.value} ({self.source})"
