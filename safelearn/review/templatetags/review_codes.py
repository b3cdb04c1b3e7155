"""The report's codes on the review's learning part: the reporter's, the suggestion beside it, and the final one."""

from __future__ import annotations

from typing import Any

from django import template

from safelearn.review.forms import CodeForm
from safelearn.review.services.coding import CODED_FIELDS, code_rows

register = template.Library()


@register.inclusion_tag("review/report/_codes.html", takes_context=True)
def code_panel(context: template.Context) -> dict[str, Any]:
    report = context["report"]
    bound = context.get("code_form")
    rows = []
    for row in code_rows(report=report):
        if bound is not None and bound.field_name == row.field:
            form = bound
        else:
            form = CodeForm(field=row.field, initial={"value": row.current_value})
        rows.append({"row": row, "form": form})
    learning = context.get("learning")
    if isinstance(learning, dict):
        # This panel shows the coded fields, so the learning engine's list below keeps only the rest (the
        # risk screen's answer), not a second form for the same codes.
        learning["codes_elsewhere"] = True
        learning["rows"] = [r for r in learning.get("rows", []) if r["suggestion"].field not in CODED_FIELDS]
        learning["withheld"] = []
    return {"report": report, "rows": rows, "csrf_token": context.get("csrf_token")}
