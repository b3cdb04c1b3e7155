"""An onward notification as a PDF (reportlab, as the bulletins and the reporting kit), to print or attach."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.utils import timezone
from django.utils.html import escape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from safelearn.core.pdf import a4_document, escaped_paragraphs
from safelearn.review.notifications import NotificationKind


def _paragraphs(text: str, style: Any) -> list[Paragraph]:
    return escaped_paragraphs(text, style, when_empty="(not given)")


def notification_pdf(*, kind: NotificationKind, report: Any, rows: list[dict[str, str]], notification: Any) -> bytes:
    styles = getSampleStyleSheet()
    buffer = BytesIO()
    doc = a4_document(buffer, title=kind.title, author=report.organisation.name, subject=f"Report {report.reference}")
    story: list[Any] = [
        Paragraph(escape(kind.title), styles["Title"]),
        Paragraph(escape(f"To: {kind.recipient}"), styles["Normal"]),
        Paragraph(escape(f"From: {report.organisation.name}, report {report.reference}"), styles["Normal"]),
        Paragraph(escape(f"Send it by: {kind.how_to_send}"), styles["Italic"]),
        Paragraph("OFFICIAL-SENSITIVE: personal data about children. Do not forward.", styles["Italic"]),
        Spacer(1, 4 * mm),
    ]
    for row in rows:
        story.append(Paragraph(escape(row["label"]), styles["Heading3"]))
        story += _paragraphs(row["value"], styles["BodyText"])
    if notification is not None and notification.sent_at:
        sent = timezone.localtime(notification.sent_at)
        line = f"Sent {sent:%-d %B %Y %H:%M} to {notification.sent_to} by {notification.get_method_display().lower()}"
        if notification.body_reference:
            line += f", their reference {notification.body_reference}"
        story += [Spacer(1, 4 * mm), Paragraph(escape(line), styles["Italic"])]
    doc.build(story)
    return buffer.getvalue()
