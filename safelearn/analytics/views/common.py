"""Shared bits of the analytics pages."""

from __future__ import annotations

# Re-exported: the analytics views reach these through this module.
from safelearn.core.forms import apply_errors as apply_errors
from safelearn.core.spreadsheets import csv_response as csv_response
from safelearn.core.spreadsheets import download as download
