"""Reads of the library, and who may read what."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from safelearn.casereviews.models import (
    CODE_SECTIONS,
    CaseReview,
    CodeStatus,
    Finding,
    FindingCode,
    FindingEcho,
    Recommendation,
)
from safelearn.casereviews.selectors.links import echo_shared_terms
from safelearn.core.taxonomy import get_taxonomy
from safelearn.core.types import RequestUser
from safelearn.organisations.models import Role
from safelearn.organisations.permissions import require_analyst
from safelearn.organisations.selectors import is_analyst, organisations_where


def can_read_library(user: RequestUser | None) -> bool:
    """Published reviews are public documents: safety leads and analysts may browse them."""
    return is_analyst(user) or bool(organisations_where(user, Role.REVIEWER))


def require_library_reader(user: RequestUser | None) -> None:
    if not can_read_library(user):
        raise PermissionDenied("Only safety leads and national analysts can see the case review library.")


def review_list(*, query: str = "", kind: str = "") -> QuerySet[CaseReview]:
    qs = CaseReview.objects.annotate(n_findings=Count("findings", distinct=True))
    if query:
        qs = qs.filter(title__icontains=query) | qs.filter(area__icontains=query)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-year", "title")


def review_get(*, review_id: Any) -> CaseReview:
    review = (
        CaseReview.objects.prefetch_related(
            Prefetch("findings", queryset=Finding.objects.prefetch_related("codes")),
            Prefetch("recommendations", queryset=Recommendation.objects.prefetch_related("assignments__organisation")),
        )
        .filter(pk=review_id)
        .first()
    )
    if review is None:
        raise Http404
    return review


def finding_get(*, finding_id: Any) -> Finding:
    finding = (
        Finding.objects.select_related("review")
        .prefetch_related(Prefetch("codes", queryset=FindingCode.objects.select_related("decided_by")))
        .filter(pk=finding_id)
        .first()
    )
    if finding is None:
        raise Http404
    return finding


@dataclass
class CodeRow:
    section: str
    section_label: str
    codes: list[FindingCode]


SECTION_LABELS = {
    "incident_type": "Incident types",
    "contributory_factor": "Contributory factors",
    "service_area": "Service areas",
    "agency_involved": "Agencies",
}


def finding_code_rows(finding: Finding) -> list[CodeRow]:
    by_section: dict[str, list[FindingCode]] = {s: [] for s in CODE_SECTIONS}
    for code in finding.codes.all():
        by_section.setdefault(code.section, []).append(code)
    return [CodeRow(s, SECTION_LABELS[s], by_section[s]) for s in CODE_SECTIONS]


def codes_in_use(finding: Finding) -> dict[str, list[str]]:
    """The codes an analyst's form starts with: everything not rejected (pre-filled choices to confirm)."""
    chosen: dict[str, list[str]] = {s: [] for s in CODE_SECTIONS}
    for code in finding.codes.all():
        if code.status != CodeStatus.REJECTED:
            chosen.setdefault(code.section, []).append(code.code)
    return chosen


def code_label(section: str, code: str) -> str:
    return get_taxonomy().label(section, code)


def echoes_for_finding(*, user: RequestUser | None, finding: Finding, limit: int = 20) -> list[FindingEcho]:
    """Recent de-identified near misses showing this finding again: approved text only, analysts only."""
    require_analyst(user)
    echoes = list(
        FindingEcho.objects.filter(finding=finding, copy__status="approved")
        .select_related("copy")
        .defer("copy__spans")
        .order_by("-submitted_at")[:limit]
    )
    # The matching run stores no shared terms (a third of its work at a million copies); the few shown
    # here get them now, as the matching would have given them.
    for echo, terms in zip(echoes, echo_shared_terms(str(finding.pk), [e.copy.text for e in echoes]), strict=True):
        echo.shared_terms = terms
    return echoes
