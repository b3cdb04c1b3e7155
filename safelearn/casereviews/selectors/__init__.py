"""Reads for the case review library; `findings_for_report` is the one the review page uses."""

from safelearn.casereviews.selectors.library import (
    SECTION_LABELS,
    can_read_library,
    code_label,
    codes_in_use,
    echoes_for_finding,
    finding_code_rows,
    finding_get,
    require_library_reader,
    review_get,
    review_list,
)
from safelearn.casereviews.selectors.links import FindingLink, LinkedFindings, findings_for_report, match_text
from safelearn.casereviews.selectors.recommendations import (
    RepeatGroup,
    assignment_get_for_lead,
    assignments_for_user,
    repeated_recommendations,
    repeats_of,
)
from safelearn.casereviews.selectors.recurrence import CSV_HEADER, recurrence_csv_rows, recurrence_table
from safelearn.casereviews.selectors.search import Hit, SearchQuery, library_search, parse_query
from safelearn.organisations.permissions import require_analyst

__all__ = [
    "CSV_HEADER",
    "SECTION_LABELS",
    "FindingLink",
    "Hit",
    "LinkedFindings",
    "RepeatGroup",
    "SearchQuery",
    "assignment_get_for_lead",
    "assignments_for_user",
    "can_read_library",
    "code_label",
    "codes_in_use",
    "echoes_for_finding",
    "finding_code_rows",
    "finding_get",
    "findings_for_report",
    "library_search",
    "match_text",
    "parse_query",
    "recurrence_csv_rows",
    "recurrence_table",
    "repeated_recommendations",
    "repeats_of",
    "require_analyst",
    "require_library_reader",
    "review_get",
    "review_list",
]
