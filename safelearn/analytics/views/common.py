"""Shared bits of the analytics pages."""

from __future__ import annotations

from safelearn.core.forms import apply_errors  # noqa: F401 - used by the analytics views through this module
from safelearn.core.spreadsheets import csv_response, download  # noqa: F401 - the analytics views' downloads
