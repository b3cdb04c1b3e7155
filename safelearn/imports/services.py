"""Import historic incidents: validate every row with the reporting rules, keep good rows, report bad ones."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.taxonomy import get_taxonomy
from safelearn.imports.mapping import BOOL_FIELDS, CHILD_FIELDS, DATE_FIELDS, LIST_FIELDS, Mapping
from safelearn.imports.models import ImportBatch, ImportedRecord
from safelearn.organisations.models import Organisation
from safelearn.reporting.about import SettingType
from safelearn.reporting.models import NARRATIVE_FIELDS, Channel, EscalationSource, Location, Report
from safelearn.reporting.services import ChildInput, ReportInput, report_input_validate
from safelearn.reporting.services.escalation import risk_screen
from safelearn.reporting.services.submission import report_follow_ups_queue, report_reference_allocate
from safelearn.reporting.services.where_who import CHILD_ANSWERS, children_save

CHUNK = 200
#: Imported records newer than this are escalated like a new report when the risk screen fires; older
#: ones are flagged for the safety lead to see but alert nobody (the events are long past).
ESCALATE_IMPORTS_WITHIN = dt.timedelta(days=14)
MAX_BAD_ROWS_KEPT = 1000


@dataclass
class BadRow:
    line: int
    source_id: str
    errors: dict[str, list[str]]


@dataclass
class ImportResult:
    total: int = 0
    imported: int = 0
    skipped_existing: int = 0
    bad: list[BadRow] = field(default_factory=list)

    def summary(self, dry_run: bool = False) -> str:
        verb = "would be imported" if dry_run else "imported"
        return (
            f"{self.total} rows: {self.imported} {verb}, {self.skipped_existing} already imported, "
            f"{len(self.bad)} with problems"
        )


def read_rows(data: bytes, filename: str) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """Yield (line number, row, problem) from CSV or JSON lines; a row that cannot be read has a problem."""
    text = data.decode("utf-8-sig", errors="replace")
    if filename.lower().endswith((".jsonl", ".ndjson", ".json")):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"not valid JSON: {exc.msg}"
                continue
            yield (number, value, "") if isinstance(value, dict) else (number, None, "each line must be a JSON object")
        return
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        yield reader.line_num, dict(row), ""


CODED_FIELDS = {
    "outcome": "outcome",
    "incident_type": "incident_type",
    "service_area": "service_area",
    "recovery_factor": "recovery_factor",
    "contributory_factors": "contributory_factor",
    "agencies_involved": "agency_involved",
    "reporter_role": "reporter_role",
    "kind": "report_kind",
}


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _value(row: dict[str, Any], column: str) -> str:
    value = row.get(column)
    return "" if value is None else str(value).strip()


def _children(values: dict[str, Any], errors: dict[str, list[str]]) -> list[ChildInput]:
    """child_age_band: [a, b], child_sex: [c] ... -> child 1 (a, c), child 2 (b); codes checked per answer."""
    # Codes are lower case ('Female' is read as 'female'); anything else needs a line under codes:.
    lists = {CHILD_FIELDS[k]: [p.strip().lower() for p in values.pop(k)] for k in list(values) if k in CHILD_FIELDS}
    count = max((len(v) for v in lists.values()), default=0)
    children = [
        ChildInput.from_mapping({k: (v[i] if i < len(v) else "") for k, v in lists.items()}) for i in range(count)
    ]
    for answer, parts in lists.items():
        choices, words = CHILD_ANSWERS[answer]
        unknown = [p for p in parts if p and p not in choices.values]
        if unknown:
            errors.setdefault(f"child_{answer}", []).append(
                f"{', '.join(repr(u) for u in unknown)} is not a valid {words}; "
                f"map it under codes: child_{answer} in the mapping (codes: {', '.join(choices.values)})"
            )
    return children


def _location(values: dict[str, Any], locations: dict[str, str], errors: dict[str, list[str]]) -> None:
    """A location name from the legacy system -> this organisation's location (retired ones too: history)."""
    name = values.pop("location", "")
    if name:
        found = locations.get(str(name).strip().lower())
        if found is None:
            errors.setdefault("location", []).append(
                f"'{name}' is not on your organisation's Locations list; add it there, or map it under codes: location"
            )
        else:
            values["location_id"] = found
    kind = values.get("location_type", "")
    if kind and kind not in SettingType.values:
        errors.setdefault("location_type", []).append(
            f"'{kind}' is not a setting type; map it under codes: location_type (codes: {', '.join(SettingType.values)})"
        )


def organisation_locations(organisation: Organisation) -> dict[str, str]:
    """Lower-cased name -> id of every location of the organisation, retired ones included."""
    return {
        name.lower(): str(pk)
        for pk, name in Location.objects.filter(organisation=organisation).values_list("pk", "name")
    }


def row_to_input(
    row: dict[str, Any], mapping: Mapping, locations: dict[str, str] | None = None
) -> tuple[ReportInput, dt.datetime | None]:
    """Apply the mapping; raises ValidationError naming the fields that could not be read."""
    values: dict[str, Any] = {k: v for k, v in mapping.defaults.items() if k != "submitted_at"}
    errors: dict[str, list[str]] = {}
    submitted_at = None
    for target, column in mapping.columns.items():
        raw = _value(row, column.name)
        if not raw:
            continue
        try:
            if target in DATE_FIELDS or target == "submitted_at":
                day = mapping.parse_date(target, raw)
                if target == "submitted_at":
                    submitted_at = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
                else:
                    values[target] = day
            elif target in LIST_FIELDS:
                parts = [p for p in raw.split(column.separator or ";") if p.strip()]
                values[target] = [mapping.code(target, p) for p in parts]
            elif target in BOOL_FIELDS:
                values[target] = raw.lower() in {"1", "true", "yes", "y"}
            else:
                values[target] = mapping.code(target, raw)
        except ValueError:
            fmt = column.date_format or "%Y-%m-%d"
            errors.setdefault(target, []).append(f"'{raw}' in column {column.name} is not a date in the form {fmt}")
    for target in CODED_FIELDS.keys() & values.keys():
        unknown = [v for v in _as_list(values[target]) if v and v not in get_taxonomy().ids(CODED_FIELDS[target])]
        if unknown:
            errors.setdefault(target, []).append(
                f"{', '.join(repr(u) for u in unknown)} is not a SafeLearn code; add it under codes: {target} in the mapping"
            )
    values["children"] = _children(values, errors)
    _location(values, locations or {}, errors)
    if errors:
        raise ValidationError(errors)
    values.setdefault("mode", "anonymous")
    values.setdefault("what_happened", "")
    data = ReportInput(**values)
    report_input_validate(data)
    return data, submitted_at


def _create(organisation: Organisation, data: ReportInput, submitted_at: dt.datetime | None, actor: Any) -> Report:
    when = submitted_at or timezone.now()
    # Historic reports: no receipt code (no reporter to hold it) and no acknowledgement; de-identification
    # and suggestions are still queued for every record (report_follow_ups_queue, once the chunk commits).
    # The risk screen runs on every import: it flags old records and escalates recent ones.
    values = asdict(data)
    values.pop("people_involved", None)  # legacy exports have no private names list
    values["mode"] = data.mode if data.mode != "named" else "anonymous"
    for name in ("location_id", "children"):
        values.pop(name)
    # A named location (retired ones too: history names homes since closed) gives the type of setting.
    location = (
        Location.objects.filter(pk=data.location_id, organisation=organisation).first() if data.location_id else None
    )
    if location is not None:
        values["location_type"] = location.setting_type
    report = Report(
        organisation=organisation,
        channel=Channel.IMPORT,
        submitted_at=when,
        reporter=None,
        location=location,
        **values,
    )
    report.reference = report_reference_allocate(organisation, when)
    report.save()
    report_follow_ups_queue(report)  # de-identification and suggestions, as for every new report
    children_save(report=report, children=[c for c in data.children if not c.is_blank()])
    audit_record(actor=actor or "import", verb="report.imported", target=report)
    risk_screen(
        report=report,
        text="\n".join([*(getattr(data, f) or "" for f in NARRATIVE_FIELDS), data.people_involved or ""]),
        source=EscalationSource.IMPORT,
        answer=data.immediate_risk_answer,
        escalate=when >= timezone.now() - ESCALATE_IMPORTS_WITHIN,
    )
    return report


def import_rows(
    *,
    organisation: Organisation,
    rows: Iterable[tuple[int, dict[str, Any] | None, str]],
    mapping: Mapping,
    dry_run: bool = False,
    actor: Any = None,
    batch: ImportBatch | None = None,
) -> ImportResult:
    """Import good rows in chunks; bad rows are listed with their line and never stop the rest."""
    result = ImportResult()
    known = set(
        ImportedRecord.objects.filter(organisation=organisation, source=mapping.source).values_list(
            "source_id", flat=True
        )
    )
    pending: list[tuple[str, ReportInput, dt.datetime | None]] = []
    locations = organisation_locations(organisation)

    def flush() -> None:
        if dry_run or not pending:
            pending.clear()
            return
        with transaction.atomic():
            for source_id, data, submitted_at in pending:
                report = _create(organisation, data, submitted_at, actor)
                ImportedRecord.objects.create(
                    organisation=organisation, source=mapping.source, source_id=source_id, report=report, batch=batch
                )
        pending.clear()
        if batch is not None:
            ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=result.total, imported=result.imported)

    for line, row, problem in rows:
        result.total += 1
        source_id = _value(row, mapping.id_column) if row else ""
        if problem or row is None:
            result.bad.append(BadRow(line, source_id, {"row": [problem or "unreadable row"]}))
            continue
        if not source_id:
            result.bad.append(BadRow(line, "", {mapping.id_column: ["this row has no source id"]}))
            continue
        if source_id in known:
            result.skipped_existing += 1
            continue
        try:
            data, submitted_at = row_to_input(row, mapping, locations)
        except ValidationError as exc:
            result.bad.append(BadRow(line, source_id, exc.message_dict))
            continue
        known.add(source_id)
        pending.append((source_id, data, submitted_at))
        result.imported += 1
        if len(pending) >= CHUNK:
            flush()
    flush()
    return result


def batch_record_result(*, batch: ImportBatch, result: ImportResult) -> None:
    batch.total_rows = batch.processed_rows = result.total
    batch.imported = result.imported
    batch.skipped_existing = result.skipped_existing
    batch.bad_rows = [asdict(b) for b in result.bad[:MAX_BAD_ROWS_KEPT]]
    batch.payload = None  # the raw file is not kept once processed
    batch.save()
