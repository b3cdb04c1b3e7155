"""Where it happened, the children's details and the harm grading, shown on other apps' report pages."""

from __future__ import annotations

from typing import Any

from django import template

from safelearn.reporting.about import ethnic_group
from safelearn.reporting.forms import HarmForm
from safelearn.reporting.models import ChildDetails, Report

register = template.Library()


def _children(report: Report) -> list[ChildDetails]:
    return list(ChildDetails.objects.filter(report_id=report.pk).order_by("position"))


@register.inclusion_tag("reporting/_where_who_summary.html")
def where_who_summary(report: Report, shared: bool = False) -> dict[str, Any]:
    """Location, each child's coded answers and the graded harm (the review page); ``shared``: as the
    de-identification screen shows them, the type of setting only, never the named location."""
    return {
        "report": report,
        "location": report.location if not shared and report.location_id else None,
        "children": _children(report),
        "shared": shared,
    }


@register.inclusion_tag("reporting/_harm_form.html")
def harm_grade_form(report: Report, form: HarmForm | None = None) -> dict[str, Any]:
    return {"report": report, "harm_form": form or HarmForm.for_report(report)}


@register.filter
def ethnic_group_of(code: str) -> str:
    return ethnic_group(code or "")
