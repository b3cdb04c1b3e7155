"""What a query asks: filters, a period, optional free text, and one or two fields to count by.

Stored as JSON on a saved query and carried in the builder's GET parameters, so a query is a link too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from safelearn.queries.fields import NOT_RECORDED, QueryField, field_get

PERIODS: dict[str, str] = {
    "last_12_months": "Last 12 months",
    "last_6_months": "Last 6 months",
    "last_3_months": "Last 3 months",
    "all": "Any time",
    "between": "Between two dates",
}
PERIOD_MONTHS = {"last_12_months": 12, "last_6_months": 6, "last_3_months": 3}
TEXT_MAX = 200


@dataclass(frozen=True)
class QueryDefinition:
    rows: str
    columns: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    period: str = "last_12_months"
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "columns": self.columns,
            "filters": {name: list(codes) for name, codes in self.filters.items()},
            "period": self.period,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueryDefinition:
        def day(value: Any) -> dt.date | None:
            return dt.date.fromisoformat(value) if value else None

        return cls(
            rows=str(data.get("rows", "")),
            columns=str(data.get("columns", "") or ""),
            filters={str(k): tuple(str(c) for c in v) for k, v in (data.get("filters") or {}).items()},
            period=str(data.get("period") or "all"),
            date_from=day(data.get("date_from")),
            date_to=day(data.get("date_to")),
            text=str(data.get("text") or ""),
        )

    def as_params(self) -> list[tuple[str, str]]:
        """The builder's GET parameters for this query (to edit or re-run it)."""
        params = [("by", self.rows), ("then_by", self.columns), ("period", self.period)]
        if self.period == "between":
            params += [
                ("date_from", self.date_from.isoformat() if self.date_from else ""),
                ("date_to", self.date_to.isoformat() if self.date_to else ""),
            ]
        if self.text:
            params.append(("text", self.text))
        for name, codes in self.filters.items():
            params += [(f"f_{name}", code) for code in codes]
        return params

    def date_range(self, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
        """The period as dates, worked out on the day the query runs ("last 12 months" moves with time)."""
        months = PERIOD_MONTHS.get(self.period)
        if months is not None:
            start_month = today.month - (months - 1)
            year = today.year + (start_month - 1) // 12
            return dt.date(year, (start_month - 1) % 12 + 1, 1), today
        if self.period == "between":
            return self.date_from, self.date_to
        return None, None

    def row_field(self) -> QueryField:
        found = field_get(self.rows)
        assert found is not None, "validated definitions only"
        return found

    def column_field(self) -> QueryField | None:
        return field_get(self.columns) if self.columns else None


def definition_validate(definition: QueryDefinition, *, national: bool) -> None:
    """The rules every query obeys, from the form, a saved query or the API; raises ValidationError by field."""
    errors: dict[str, list[str]] = {}

    def usable(name: str) -> QueryField | None:
        found = field_get(name)
        return found if found is not None and (found.national or not national) else None

    if not definition.rows:
        errors["by"] = ["Choose what to count reports by"]
    elif usable(definition.rows) is None:
        errors["by"] = [f"There is no field called ‘{definition.rows[:40]}’ to count by: choose one from the list"]
    if definition.columns:
        if usable(definition.columns) is None:
            errors["then_by"] = [
                f"There is no field called ‘{definition.columns[:40]}’ to count by: choose one from the list"
            ]
        elif definition.columns == definition.rows:
            errors["then_by"] = ["Choose a different field from the first, or nothing"]
    for name, codes in definition.filters.items():
        found = usable(name)
        if found is None:
            errors.setdefault("__all__", []).append(f"There is no field called ‘{name[:40]}’ to filter on")
            continue
        known = set(dict(found.choices())) | {NOT_RECORDED}
        if any(code not in known for code in codes):
            errors.setdefault(f"f_{name}", []).append(f"Choose {found.label.lower()} from the list")
    if definition.period not in PERIODS:
        errors["period"] = ["Choose a period from the list"]
    elif definition.period == "between":
        if definition.date_from is None:
            errors.setdefault("date_from", []).append("Enter the start date, like 2026-03-27")
        if definition.date_to is None:
            errors.setdefault("date_to", []).append("Enter the end date, like 2026-03-27")
        if definition.date_from and definition.date_to and definition.date_from > definition.date_to:
            errors.setdefault("date_to", []).append("The end date must be the same as or after the start date")
    if definition.text:
        if national:
            errors["text"] = [
                "Free-text search is only for your own organisation's reports: national queries count coded fields only"
            ]
        elif len(definition.text) > TEXT_MAX:
            errors["text"] = [f"Search for {TEXT_MAX} characters or fewer"]
    if errors:
        raise ValidationError(errors)
