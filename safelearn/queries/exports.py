"""A query's table as CSV or XLSX: labels and counts exactly as shown ([c] where suppressed), formula-safe."""

from __future__ import annotations

import io

from django.utils import timezone

from safelearn.core.spreadsheets import csv_bytes, safe_cell
from safelearn.queries.engine import QueryResult

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


def about(result: QueryResult, name: str) -> list[list[str]]:
    """What the numbers are: the query's name, scope, period and notes (the XLSX's second sheet)."""
    lines = [
        ["Query", name or result.title],
        ["Table", result.title],
        ["Scope", result.scope_label],
        ["Reported", result.period_label],
        ["Produced", f"{timezone.localtime():%-d %B %Y %H:%M}"],
    ]
    lines += [["Note", note] for note in result.notes]
    return lines


def result_csv(result: QueryResult) -> bytes:
    return csv_bytes(result.header(), result.table())


def _number(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def result_xlsx(result: QueryResult, name: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "counts"
    sheet.append([safe_cell(v) for v in result.header()])
    for row in result.table():
        sheet.append([safe_cell(row[0]), *(_number(v) for v in row[1:])])
    notes = book.create_sheet("about")
    for line in about(result, name):
        notes.append([safe_cell(v) for v in line])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
