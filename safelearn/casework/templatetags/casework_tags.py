"""The additions' de-identified copies, shown on privacy's redaction screen (privacy/review.html)."""

from __future__ import annotations

from typing import Any

from django import template

from safelearn.casework import selectors, services
from safelearn.casework.forms import AmendmentRedactForm

register = template.Library()


@register.inclusion_tag("casework/redaction_additions.html")
def redaction_additions(report: Any) -> dict[str, Any]:
    """Each addition: its raw words (the page is already an audited narrative read), the proposed copy, and
    forms to remove more words and approve. The view that renders the page has checked the reviewer."""
    rows = []
    for copy in selectors.amendment_copies_for_redaction(report=report):
        rows.append(
            {
                "copy": copy,
                "raw": copy.addendum.text,
                "preview": services.amendment_preview(copy),
                "form": AmendmentRedactForm(prefix=f"amend-{copy.pk}"),
            }
        )
    return {"report": report, "rows": rows}
