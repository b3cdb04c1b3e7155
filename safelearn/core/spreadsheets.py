"""Cells safe to open in a spreadsheet: one rule for every CSV and XLSX the project writes."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

#: Spreadsheet programs run a cell starting with one of these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Control characters XML 1.0 forbids (the same set as openpyxl's ILLEGAL_CHARACTERS_RE). One of them in a
#: narrative made openpyxl raise, which broke the XLSX export for the whole organisation (issue 15, finding 4).
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

#: Word and Outlook paste a manual line break as a vertical tab and a page break as a form feed: keep
#: them as line breaks so the words either side stay apart; every other illegal character is dropped.
_AS_NEWLINE = {"\x0b", "\x0c"}


def _legal(match: re.Match[str]) -> str:
    return "\n" if match.group() in _AS_NEWLINE else ""


def safe_cell(value: Any) -> Any:
    """Text a spreadsheet cannot hold loses its illegal control characters; text a spreadsheet would run as
    a formula gets a leading quote; everything else is unchanged."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS.sub(_legal, value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """A whole CSV file: safe cells, UTF-8 with the byte-order mark Excel needs to read accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(v) for v in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> HttpResponse:
    """The one way a page offers a CSV download (analytics figures, case review recurrence, ...)."""
    return download(csv_bytes(header, rows), filename, "text/csv; charset=utf-8")
