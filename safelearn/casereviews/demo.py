"""Demo library: fictional review records so the demo shows connections on first run (idempotent)."""

from __future__ import annotations

from typing import Any

from safelearn.casereviews.seed_reviews import SEED_REVIEWS
from safelearn.casereviews.services import ReviewInput, recurrence_refresh, review_create


def load_casereviews_demo(*, actor: Any = "demo", match: bool = True) -> int:
    """Create the fictional reviews (natural keys make re-runs add nothing) and match the pool once.

    Returns the number of reviews in the seed set. Call after the demo reports are approved for the pool
    so the recurrence view has data; calling again later simply refreshes the matches.
    """
    for record in SEED_REVIEWS:
        review_create(
            actor=actor,
            data=ReviewInput(
                title=record["title"],
                area=record["area"],
                year=record["year"],
                kind=record["kind"],
                summary=record["summary"],
                findings=list(record["findings"]),
                recommendations=list(record["recommendations"]),
            ),
        )
    if match:
        recurrence_refresh(actor=actor)
    return len(SEED_REVIEWS)
