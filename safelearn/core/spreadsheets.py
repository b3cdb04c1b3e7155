"""Cells safe to open in a spreadsheet: one rule for every CSV and XLSX the project writes."""

from __future__ import annotations

from typing import Any

#: Spreadsheet programs run a cell starting with one of these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading quote; everything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
