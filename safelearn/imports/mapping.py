"""Mapping files: how a legacy system's columns and codes become SafeLearn's fields and taxonomy ids.

```yaml
source: legacy_incidents          # names the source system; with id_column it makes re-runs idempotent
id_column: IncidentID
columns:                          # SafeLearn field: source column, or {column, format | separator}
  what_happened: Description
  how_noticed: ActionTaken
  occurred_on: {column: IncidentDate, format: "%d/%m/%Y"}
  incident_type: Category
  contributory_factors: {column: Factors, separator: ";"}
  location: Home                  # a name on the organisation's Locations list (or map names under codes)
  location_type: SettingKind      # a setting type code, e.g. childrens_home (only the type is ever pooled)
  child_age_band: {column: ChildAges, separator: ";"}   # one value per child, in the same order in
  child_legal_status: {column: ChildStatus, separator: ";"}  # every child_ column
codes:                            # per field: source value -> taxonomy id (matched case-insensitively)
  incident_type: {"Missed visit": missed_visit_or_contact}
  child_legal_status: {CIN: child_in_need, CP: child_protection_plan, LAC: looked_after}
defaults:                         # used when a column is absent or empty
  mode: anonymous
```
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

#: About each child: a list per column (one value per child, separated), children matched by position.
CHILD_FIELDS = {
    "child_age_band": "age_band",
    "child_sex": "sex",
    "child_legal_status": "legal_status",
    "child_disability": "disability",
    "child_ethnicity": "ethnicity",
    "child_told": "told",
}
LIST_FIELDS = {"contributory_factors", "agencies_involved", *CHILD_FIELDS}
DATE_FIELDS = {"occurred_on"}
BOOL_FIELDS = {"occurred_on_is_approximate"}
ALLOWED_FIELDS = {
    "what_happened",
    "how_noticed",
    "why_happened",
    "what_would_help",
    "occurred_on",
    "occurred_on_is_approximate",
    "outcome",
    "incident_type",
    "service_area",
    "contributory_factors",
    "recovery_factor",
    "agencies_involved",
    "reporter_role",
    "kind",
    "mode",
    "submitted_at",
    "location",
    "location_type",
    *CHILD_FIELDS,
}


class MappingError(ValueError):
    """The mapping file itself is wrong; nothing is imported."""


@dataclass(frozen=True)
class Column:
    name: str
    date_format: str = ""
    separator: str = ""


@dataclass
class Mapping:
    source: str
    id_column: str
    columns: dict[str, Column]
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)

    def code(self, field_name: str, value: str) -> str:
        table = self.codes.get(field_name)
        if not table:
            return value.strip()
        return table.get(value.strip().lower(), value.strip())

    def parse_date(self, field_name: str, value: str) -> dt.date:
        fmt = self.columns[field_name].date_format or "%Y-%m-%d"
        return dt.datetime.strptime(value.strip(), fmt).date()


def load_mapping(text: str) -> Mapping:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        # The parser's own words ("expected ',' or ']', but got '<stream end>'") mean nothing to an analyst.
        # The context mark is where the broken construct began (an unclosed bracket), usually the line to fix.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        where = f" near line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise MappingError(
            f"the mapping file is not valid YAML or JSON{where}: check the indentation, colons and brackets there"
        ) from exc
    if not isinstance(raw, dict):
        raise MappingError("the mapping file must be a mapping with source, id_column and columns")
    for key in ("source", "id_column", "columns"):
        if not raw.get(key):
            raise MappingError(f"the mapping file needs '{key}'")
    columns: dict[str, Column] = {}
    for target, spec in dict(raw["columns"]).items():
        if target not in ALLOWED_FIELDS:
            raise MappingError(
                f"unknown SafeLearn field '{target}' in columns (allowed: {', '.join(sorted(ALLOWED_FIELDS))})"
            )
        if isinstance(spec, str):
            columns[target] = Column(spec)
        elif isinstance(spec, dict) and spec.get("column"):
            columns[target] = Column(str(spec["column"]), str(spec.get("format", "")), str(spec.get("separator", "")))
        else:
            raise MappingError(f"column for '{target}' must be a column name or {{column: ...}}")
    if "what_happened" not in columns:
        raise MappingError("the mapping must say which column holds what_happened")
    codes = {
        str(f): {str(k).strip().lower(): str(v) for k, v in dict(table).items()}
        for f, table in dict(raw.get("codes") or {}).items()
    }
    return Mapping(str(raw["source"]), str(raw["id_column"]), columns, codes, dict(raw.get("defaults") or {}))
