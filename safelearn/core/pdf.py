"""The one A4 page setup and the one safe paragraph splitter for every PDF SafeLearn prints (reportlab)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.utils.html import escape
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate


def a4_document(buffer: BytesIO, *, title: str, author: str, subject: str) -> SimpleDocTemplate:
    """An A4 document with the margins every printed SafeLearn page shares."""
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=author,
        subject=subject,
    )


def escaped_paragraphs(text: str, style: Any, *, when_empty: str | None = None) -> list[Paragraph]:
    """One Paragraph per blank-line-separated block of user text.

    reportlab's Paragraph reads a small markup language, so user text is escaped before it goes in.
    """
    blocks = [block for block in text.split("\n\n") if block.strip()]
    if not blocks and when_empty is not None:
        blocks = [when_empty]
    return [Paragraph(escape(block).replace("\n", "<br/>"), style) for block in blocks]
