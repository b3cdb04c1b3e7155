"""Bulk load of review findings from CSV or JSON lines: one row per finding, review columns repeated.

Rules shared with the historic-incident import: an optional mapping file renames source columns and maps
source codes to taxonomy ids; a dry run validates without writing; bad rows are reported with their line
numbers and never stop good rows; re-running the same file adds nothing (natural keys: review title +
year, and a hash of the finding's text within its review).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from safelearn.casereviews.models import CODE_SECTIONS, CaseReview, Finding, ReviewKind, text_hash
from safelearn.casereviews.services.coding import finding_codes_import, finding_suggest_codes
from safelearn.casereviews.services.library import (
    ReviewInput,
    finding_add,
    recommendation_add,
    review_upsert,
    review_validate,
)
from safelearn.core.taxonomy import get_taxonomy

#: Canonical column -> accepted spellings (lower case), before any mapping file is applied.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "review_title": ("review_title", "title", "review"),
    "area": ("area", "partnership", "local_authority"),
    "year": ("year", "published", "year_published"),
    "kind": ("kind", "review_kind", "type"),
    "summary": ("summary", "review_summary"),
    "document_url": ("document_url", "document", "url", "link"),
    "finding": ("finding", "finding_text"),
    "recommendations": ("recommendations", "recommendation"),
    "incident_type": ("incident_type", "incident_types"),
    "contributory_factor": ("contributory_factor", "contributory_factors", "factors"),
    "service_area": ("service_area", "service_areas"),
    "agency_involved": ("agency_involved", "agencies", "agencies_involved"),
}

KIND_ALIASES = {
    "scr": ReviewKind.SERIOUS_CASE_REVIEW,
    "serious case review": ReviewKind.SERIOUS_CASE_REVIEW,
    "lcspr": ReviewKind.LCSPR,
    "cspr": ReviewKind.LCSPR,
    "local child safeguarding practice review": ReviewKind.LCSPR,
    "child safeguarding practice review": ReviewKind.LCSPR,
    "rapid review": ReviewKind.RAPID_REVIEW_SUMMARY,
    "rapid review summary": ReviewKind.RAPID_REVIEW_SUMMARY,
    "learning review": ReviewKind.LEARNING_REVIEW,
}

BATCH = 100


@dataclass
class Mapping:
    columns: dict[str, str] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None) -> Mapping:
        if not path:
            return cls()
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            columns={str(k).strip().lower(): str(v) for k, v in raw.get("columns", {}).items()},
            codes={
                str(s): {str(k).strip().lower(): str(v) for k, v in m.items()} for s, m in raw.get("codes", {}).items()
            },
            kinds={str(k).strip().lower(): str(v) for k, v in raw.get("kinds", {}).items()},
        )


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass
class ImportResult:
    dry_run: bool
    rows: int = 0
    good_rows: int = 0
    reviews_created: int = 0
    findings_created: int = 0
    findings_existing: int = 0
    recommendations_created: int = 0
    codes_suggested: int = 0
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ParsedRow:
    line: int
    review: ReviewInput
    finding: str
    recommendations: list[str]
    codes: dict[str, list[str]]


def _canonical(header: str, mapping: Mapping) -> str:
    key = header.strip().lower()
    if key in mapping.columns:
        return mapping.columns[key]
    key = re.sub(r"[\s-]+", "_", key)
    for canonical, aliases in COLUMN_ALIASES.items():
        if key in aliases:
            return canonical
    return key


def read_rows(handle: io.TextIOBase | Any, fmt: str, mapping: Mapping) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, row with canonical keys) or (line number, error message) for a line we cannot read."""
    if fmt == "jsonl":
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, f"not valid JSON ({exc.msg})"
                continue
            if not isinstance(data, dict):
                yield number, "each line must be a JSON object"
                continue
            yield number, {_canonical(k, mapping): v for k, v in data.items()}
        return
    reader = csv.DictReader(handle)
    for row in reader:
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        yield reader.line_num, {_canonical(k, mapping): v for k, v in row.items() if k is not None}


def _as_list(value: Any, separators: str = r"[;|]") -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in re.split(separators, str(value)) if part.strip()]


def _map_code(section: str, value: str, mapping: Mapping) -> str:
    mapped = mapping.codes.get(section, {}).get(value.strip().lower())
    if mapped:
        return mapped
    tax = get_taxonomy()
    if value in tax.ids(section):
        return value
    for code in tax.codes(section):  # labels are accepted as well as ids ("Multi-agency working")
        if code.label.lower() == value.strip().lower():
            return code.id
    return value


def parse_row(line: int, row: dict[str, Any], mapping: Mapping) -> ParsedRow:
    """One row turned into inputs; raises ValidationError with every problem in the row at once."""

    def text(name: str) -> str:
        return str(row.get(name) or "").strip()

    kind_raw = text("kind")
    kind = mapping.kinds.get(kind_raw.lower()) or KIND_ALIASES.get(kind_raw.lower()) or kind_raw.lower()
    year: int | None
    try:
        year = int(str(row.get("year") or "").strip())
    except ValueError:
        year = None
    review = ReviewInput(
        title=text("review_title"),
        area=text("area"),
        year=year,
        kind=kind,
        summary=text("summary"),
        document_url=text("document_url"),
    )
    errors = review_validate(review)
    if text("year") and year is None:
        errors["year"] = [f"Year '{text('year')}' is not a number"]
    finding = text("finding")
    if not finding:
        errors["finding"] = ["The finding is empty"]
    codes: dict[str, list[str]] = {}
    tax = get_taxonomy()
    for section in CODE_SECTIONS:
        values = [_map_code(section, v, mapping) for v in _as_list(row.get(section))]
        unknown = [v for v in values if v not in tax.ids(section)]
        if unknown:
            errors[section] = [f"Unknown {section.replace('_', ' ')}: {', '.join(unknown)}"]
        codes[section] = values
    if errors:
        raise ValidationError(errors)
    recs = _as_list(row.get("recommendations"), r"\s*\|\s*|\n")
    return ParsedRow(line=line, review=review, finding=finding, recommendations=recs, codes=codes)


def _message(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return "; ".join(exc.messages)


def _exists(parsed: ParsedRow) -> bool:
    return Finding.objects.filter(
        review__title=parsed.review.title, review__year=parsed.review.year or 0, text_hash=text_hash(parsed.finding)
    ).exists()


def reviews_import(
    *,
    path: str | Path,
    actor: Any = "import",
    dry_run: bool = False,
    mapping_path: str | Path | None = None,
    fmt: str = "",
) -> ImportResult:
    """Load a file of findings; returns counts and the bad rows (line number and reason)."""
    mapping = Mapping.load(mapping_path)
    fmt = fmt or ("jsonl" if str(path).lower().endswith((".jsonl", ".json", ".ndjson")) else "csv")
    result = ImportResult(dry_run=dry_run)
    pending: list[Finding] = []
    seen_reviews: set[tuple[str, int]] = set()
    seen_keys: set[tuple[str, int | None, str]] = set()
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        for line, row in read_rows(handle, fmt, mapping):
            result.rows += 1
            if isinstance(row, str):
                result.errors.append(RowError(line, row))
                continue
            try:
                parsed = parse_row(line, row, mapping)
            except ValidationError as exc:
                result.errors.append(RowError(line, _message(exc)))
                continue
            result.good_rows += 1
            if dry_run:
                key = (parsed.review.title, parsed.review.year, text_hash(parsed.finding))
                review_key = (parsed.review.title, parsed.review.year or 0)
                if (
                    review_key not in seen_reviews
                    and not CaseReview.objects.filter(title=review_key[0], year=review_key[1]).exists()
                ):
                    result.reviews_created += 1
                seen_reviews.add(review_key)
                if key in seen_keys or _exists(parsed):
                    result.findings_existing += 1
                else:
                    result.findings_created += 1
                seen_keys.add(key)
                continue
            try:
                # Each row in its own savepoint: a failure here rolls back this row only.
                with transaction.atomic():
                    review, created = review_upsert(actor=actor, data=parsed.review)
                    finding, new = finding_add(review=review, actor=actor, text=parsed.finding, suggest=False)
                    finding_codes_import(finding=finding, actor=actor, codes=parsed.codes)
                    for text in parsed.recommendations:
                        result.recommendations_created += int(
                            recommendation_add(review=review, actor=actor, text=text)[1]
                        )
            except ValidationError as exc:
                result.good_rows -= 1
                result.errors.append(RowError(line, _message(exc)))
                continue
            result.reviews_created += int(created)
            if new:
                result.findings_created += 1
                pending.append(finding)
            else:
                result.findings_existing += 1
            if len(pending) >= BATCH:
                result.codes_suggested += finding_suggest_codes(findings=pending, actor=actor)
                pending = []
    if pending:
        result.codes_suggested += finding_suggest_codes(findings=pending, actor=actor)
    return result
