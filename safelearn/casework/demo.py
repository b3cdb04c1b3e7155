"""Demo data for the record over time: a photo of a rota, a safety lead's addition and two linked reports
in Northbridge, made through the real services (so the file is encrypted and stripped like any upload)."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from PIL import Image, ImageDraw

from safelearn.casework import services
from safelearn.casework.models import Attachment, ReportLink
from safelearn.reporting.models import Report, ReportStatus

OPEN = (ReportStatus.SUBMITTED, ReportStatus.TRIAGED, ReportStatus.UNDER_REVIEW, ReportStatus.ACTIONS_OPEN)


def _rota_png() -> bytes:
    image = Image.new("RGB", (360, 140), "white")
    draw = ImageDraw.Draw(image)
    for row, (day, who) in enumerate([("Mon", "2 on shift"), ("Tue", "1 on shift (gap)"), ("Wed", "2 on shift")]):
        draw.text((12, 14 + row * 40), f"{day}  evening  {who}", fill="black")
        draw.line((8, 44 + row * 40, 352, 44 + row * 40), fill="grey")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def load_casework_demo() -> bool:
    """Once: False when Northbridge's demo already has a link (or has fewer than two open reports)."""
    reviewer = get_user_model().objects.filter(username="nb-reviewer").first()
    if reviewer is None or ReportLink.objects.filter(organisation__slug="northbridge").exists():
        return False
    reports = list(
        Report.objects.filter(organisation__slug="northbridge", status__in=OPEN, raw_purged_at__isnull=True)
        .select_related("organisation")
        .order_by("submitted_at")[:2]
    )
    if len(reports) < 2:
        return False
    first, second = reports
    if not Attachment.objects.filter(report=first).exists():
        services.attachment_add(
            user=reviewer, report=first, name="evening-rota.png", data=_rota_png(), description="The week's rota"
        )
    services.amendment_add(
        report=first,
        author=reviewer,
        text="The manager confirmed the Tuesday evening gap in the rota.",
        author_label="safety lead",
    )
    services.link_add(
        user=reviewer,
        report=first,
        other_reference=second.reference,
        reason="same_event",
        note="Both describe the same short-staffed evening.",
    )
    return True
