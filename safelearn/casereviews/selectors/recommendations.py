"""Reads for recommendation tracking, and grouping of recommendations repeated across reviews."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, QuerySet
from django.http import Http404

from safelearn.casereviews.engine import IndexCache
from safelearn.casereviews.models import Recommendation, RecommendationAssignment
from safelearn.core.types import RequestUser
from safelearn.organisations.models import Role
from safelearn.organisations.permissions import can_review
from safelearn.organisations.selectors import is_analyst, organisations_where

#: Recommendations at least this similar (TF-IDF cosine) are treated as the same recommendation repeated.
REPEAT_THRESHOLD = 0.3

_recs_cache = IndexCache()


def _index() -> Any:
    agg = Recommendation.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    return _recs_cache.get(
        (agg["n"], agg["latest"]), lambda: [(str(pk), t) for pk, t in Recommendation.objects.values_list("id", "text")]
    )


@dataclass
class RepeatGroup:
    recommendations: list[Recommendation]

    @property
    def reviews(self) -> int:
        return len({r.review_id for r in self.recommendations})

    @property
    def years(self) -> str:
        years = sorted({r.review.year for r in self.recommendations})
        return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def repeated_recommendations(*, threshold: float = REPEAT_THRESHOLD) -> list[RepeatGroup]:
    """Groups of similar recommendations made in two or more different reviews, biggest first."""
    recs = Recommendation.objects.select_related("review").in_bulk()
    if not recs:
        return []
    index = _index()
    parent: dict[Any, Any] = {pk: pk for pk in recs}

    def find(x: Any) -> Any:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pk, rec in recs.items():
        for match in index.query(rec.text, k=10, exclude_id=str(pk)):
            other = uuid.UUID(match.id)
            if match.score >= threshold and other in recs and recs[other].review_id != rec.review_id:
                parent[find(pk)] = find(other)
    groups: dict[Any, list[Recommendation]] = {}
    for pk, rec in recs.items():
        groups.setdefault(find(pk), []).append(rec)
    out = [RepeatGroup(sorted(g, key=lambda r: (r.review.year, r.review.title))) for g in groups.values()]
    out = [g for g in out if g.reviews >= 2]
    return sorted(out, key=lambda g: (-g.reviews, g.recommendations[0].review.year))


def repeats_of(recommendation: Recommendation) -> list[Recommendation]:
    """The same recommendation made in other reviews."""
    for group in repeated_recommendations():
        if any(r.pk == recommendation.pk for r in group.recommendations):
            return [r for r in group.recommendations if r.pk != recommendation.pk]
    return []


def assignments_for_user(*, user: RequestUser | None) -> QuerySet[RecommendationAssignment]:
    """Analysts see every assignment; a safety lead sees their organisations' ones."""
    qs = RecommendationAssignment.objects.select_related("recommendation__review", "organisation", "updated_by")
    if is_analyst(user):
        return qs.order_by("organisation__name", "due_on")
    org_ids = [o.pk for o in organisations_where(user, Role.REVIEWER)]
    return qs.filter(organisation_id__in=org_ids).order_by("due_on", "created_at")


def assignment_get_for_lead(*, user: RequestUser | None, assignment_id: Any) -> RecommendationAssignment:
    assignment = (
        RecommendationAssignment.objects.select_related("recommendation__review", "organisation")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None or not can_review(user, assignment.organisation_id):
        raise Http404
    return assignment
