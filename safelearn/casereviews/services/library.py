"""Writes for the case review library: reviews, findings and recommendations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safelearn.casereviews.models import CaseReview, Finding, Recommendation, ReviewKind, text_hash
from safelearn.casereviews.search_index import search_index_put
from safelearn.casereviews.services.coding import finding_suggest_codes
from safelearn.core.audit import audit_record

MIN_YEAR, MAX_YEAR_AHEAD = 1970, 1


@dataclass
class ReviewInput:
    title: str
    area: str
    year: int | None
    kind: str
    summary: str = ""
    document_url: str = ""
    findings: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)


def review_validate(data: ReviewInput) -> dict[str, list[str]]:
    """Field errors for a review, in the words the form and the import report show."""
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors["title"] = ["Enter the review's title"]
    if not data.area.strip():
        errors["area"] = ["Enter the area or safeguarding partnership"]
    this_year = timezone.localdate().year
    if data.year is None:
        errors["year"] = ["Enter the year the review was published"]
    elif not MIN_YEAR <= data.year <= this_year + MAX_YEAR_AHEAD:
        errors["year"] = [f"Year must be between {MIN_YEAR} and {this_year + MAX_YEAR_AHEAD}"]
    if data.kind not in ReviewKind.values:
        errors["kind"] = ["Choose the kind of review: " + ", ".join(ReviewKind.values)]
    if data.document_url and not data.document_url.startswith(("https://", "http://")):
        errors["document_url"] = ["The document link must start with https://"]
    return errors


def review_upsert(*, actor: Any, data: ReviewInput) -> tuple[CaseReview, bool]:
    """Find the review by title and year (its natural key) or create it; fills blanks on an existing one."""
    errors = review_validate(data)
    if errors:
        raise ValidationError(errors)
    assert data.year is not None
    with transaction.atomic():
        review, created = CaseReview.objects.get_or_create(
            title=data.title.strip(),
            year=data.year,
            defaults={
                "area": data.area.strip(),
                "kind": data.kind,
                "summary": data.summary.strip(),
                "document_url": data.document_url.strip(),
                "created_by": actor if getattr(actor, "is_authenticated", False) else None,
            },
        )
        if created:
            audit_record(actor=actor, verb="casereview.created", target=review, payload={"kind": review.kind})
        else:
            changed = []
            for name in ("summary", "document_url"):
                value = getattr(data, name).strip()
                if value and not getattr(review, name):
                    setattr(review, name, value)
                    changed.append(name)
            if changed:
                review.save(update_fields=[*changed, "updated_at"])
                audit_record(actor=actor, verb="casereview.updated", target=review, payload={"fields": changed})
    return review, created


def review_create(*, actor: Any, data: ReviewInput) -> CaseReview:
    """An analyst's review with its findings (coded by the learning engine) and recommendations."""
    with transaction.atomic():
        review, _ = review_upsert(actor=actor, data=data)
        new_findings = []
        for text in data.findings:
            finding, created = finding_add(review=review, actor=actor, text=text, suggest=False)
            if created:
                new_findings.append(finding)
        for text in data.recommendations:
            recommendation_add(review=review, actor=actor, text=text)
        finding_suggest_codes(findings=new_findings, actor=actor)
    return review


Entry = TypeVar("Entry", Finding, Recommendation)


def _entry_add(model: type[Entry], *, review: CaseReview, actor: Any, text: str) -> tuple[Entry, bool]:
    """Add a finding or a recommendation once (the same text on the same review is the same one): searchable and
    audited when new."""
    is_finding = model is Finding
    clean = text.strip()
    if not clean:
        raise ValidationError({"text": ["Enter the finding" if is_finding else "Enter the recommendation"]})
    with transaction.atomic():
        entry, created = model.objects.get_or_create(
            review=review,
            text_hash=text_hash(clean),
            defaults={"text": clean, "position": model.objects.filter(review=review).count() + 1},
        )
        if created:
            kind = "finding" if is_finding else "recommendation"
            search_index_put(kind=kind, item_id=entry.pk, review_id=review.pk, text=entry.text)
            audit_record(
                actor=actor,
                verb="casereview.finding_added" if is_finding else "casereview.recommendation_added",
                target=entry,
                payload={"review": review.pk},
            )
    return entry, created


def finding_add(*, review: CaseReview, actor: Any, text: str, suggest: bool = True) -> tuple[Finding, bool]:
    """Add a finding once (the same text on the same review is the same finding)."""
    with transaction.atomic():
        finding, created = _entry_add(Finding, review=review, actor=actor, text=text)
        if created and suggest:
            finding_suggest_codes(findings=[finding], actor=actor)
    return finding, created


def recommendation_add(*, review: CaseReview, actor: Any, text: str) -> tuple[Recommendation, bool]:
    return _entry_add(Recommendation, review=review, actor=actor, text=text)
