"""Writes for the case review library: reviews, coding, import, recurrence matching, recommendations."""

from safelearn.casereviews.services.coding import finding_codes_confirm, finding_codes_import, finding_suggest_codes
from safelearn.casereviews.services.importer import ImportResult, RowError, reviews_import
from safelearn.casereviews.services.library import (
    ReviewInput,
    finding_add,
    recommendation_add,
    review_create,
    review_upsert,
)
from safelearn.casereviews.services.recommendations import assignment_update, assignments_create
from safelearn.casereviews.services.recurrence import recurrence_refresh
from safelearn.core.quarters import quarter_of, quarter_start

__all__ = [
    "ImportResult",
    "ReviewInput",
    "RowError",
    "assignment_update",
    "assignments_create",
    "finding_add",
    "finding_codes_confirm",
    "finding_codes_import",
    "finding_suggest_codes",
    "quarter_of",
    "quarter_start",
    "recommendation_add",
    "recurrence_refresh",
    "review_create",
    "review_upsert",
    "reviews_import",
]
