"""A learning bulletin as a PDF (reportlab), for printing and for sharing at team meetings."""

from __future__ import annotations

from io import BytesIO

from django.utils.html import escape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, Spacer

from safelearn.analytics.models import Bulletin
from safelearn.core.pdf import a4_document
from safelearn.core.pdf import escaped_paragraphs as _paragraphs


def bulletin_pdf(bulletin: Bulletin) -> bytes:
    styles = getSampleStyleSheet()
    buffer = BytesIO()
    doc = a4_document(buffer, title=bulletin.title, author="SafeLearn national learning", subject="Learning bulletin")
    story: list[object] = [Paragraph(escape(bulletin.title), styles["Title"])]
    if bulletin.published_at:
        story.append(Paragraph(f"Published {bulletin.published_at:%d %B %Y}", styles["Italic"]))
    story += [Spacer(1, 4 * mm), *_paragraphs(bulletin.summary, styles["BodyText"])]
    items = list(bulletin.items.all())
    if items:
        story.append(Paragraph("What was reported", styles["Heading2"]))
        for number, item in enumerate(items, start=1):
            story.append(Paragraph(f"Report {number}", styles["Heading3"]))
            story += _paragraphs(item.quoted_text, styles["BodyText"])
            if item.commentary:
                story += _paragraphs(item.commentary, styles["Italic"])
    if bulletin.findings:
        story += [Paragraph("What the reports have in common", styles["Heading2"])]
        story += _paragraphs(bulletin.findings, styles["BodyText"])
    for heading, lines in (("Lessons", bulletin.lesson_list), ("Questions for your team", bulletin.question_list)):
        if lines:
            story.append(Paragraph(heading, styles["Heading2"]))
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(escape(line), styles["BodyText"])) for line in lines], bulletType="bullet"
                )
            )
    doc.build(story)
    return buffer.getvalue()
