"""The record over time: attachments, de-identified copies of amendments, and links between reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from safelearn.casework.fields import EncryptedBinaryField
from safelearn.core.fields import EncryptedTextField
from safelearn.core.models import BaseModel
from safelearn.organisations.models import Organisation
from safelearn.privacy.models import DeidentifiedStatus
from safelearn.reporting.models import Addendum, Report


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF document"
    PNG = "png", "PNG image"
    JPEG = "jpeg", "JPEG image"
    TEXT = "text", "Plain text"


class Attachment(BaseModel):
    """A file added to a report (a photo of a rota, a letter, a screenshot).

    Content and the uploader's file name are encrypted like the narrative; the content is never pooled or
    exported, every read is audited, and it is destroyed with the raw narrative (privacy's raw purge).
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=AttachmentKind.choices)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField(help_text="Bytes as stored (images after re-encoding)")
    # A file name can name a child ("jo-smith-letter.pdf"), so it is kept encrypted too.
    filename = EncryptedTextField()
    description = EncryptedTextField(null=True, blank=True)
    content = EncryptedBinaryField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    added_by_label = models.CharField(max_length=120, blank=True)
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Attachment {self.pk} of {self.report_id}"


class AmendmentCopy(BaseModel):
    """The de-identified copy of one addendum: proposed redactions, then the approved text (never raw)."""

    addendum = models.OneToOneField(Addendum, on_delete=models.CASCADE, related_name="casework_copy")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=DeidentifiedStatus.choices, default=DeidentifiedStatus.PENDING)
    # Spans point into the raw addendum, so they are encrypted with it (and dropped when it is purged).
    spans = EncryptedTextField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="De-identified addition, set on approval")
    error = models.CharField(max_length=500, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"De-identified addition {self.addendum_id} ({self.status})"


class LinkReason(models.TextChoices):
    SAME_CHILD = "same_child", "About the same child or young person"
    SAME_EVENT = "same_event", "About the same event"
    RELATED = "related", "Connected in another way (for example the same setting or pattern)"


class ReportLink(BaseModel):
    """Two reports of one organisation that belong together (not duplicates: both stay open and counted).

    Stored once per pair, `first` being the report with the smaller id, so a link reads the same from both.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    first = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=16, choices=LinkReason.choices)
    # Why they belong together may name the child, so it is encrypted like the narrative.
    note = EncryptedTextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="casework_link_once_per_pair"),
            models.CheckConstraint(condition=~models.Q(first=models.F("second")), name="casework_link_not_self"),
        ]

    def __str__(self) -> str:
        return f"Link {self.first_id} – {self.second_id}"

    def other(self, report_id: object) -> Report:
        return self.second if self.first_id == report_id else self.first
