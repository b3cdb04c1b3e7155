"""Systems review: practice episodes, contributory and recovery factors with evidence, findings as patterns,
and the just-culture decision aid."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from safelearn.core.audit import audit_record
from safelearn.core.taxonomy import get_taxonomy
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting.models import Report
from safelearn.review.models import Answer, EpisodeFactor, Finding, JustCultureAssessment, PracticeEpisode

TEXT_MAX = 5000


def _require_text(errors: dict[str, list[str]], key: str, value: str, message: str) -> None:
    if not value.strip():
        errors[key] = [message]
    elif len(value) > TEXT_MAX:
        errors[key] = [f"This must be {TEXT_MAX:,} characters or fewer"]


def episode_add(
    *,
    report: Report,
    actor: Any,
    when: str,
    what_happened: str,
    why_it_made_sense: str,
    recovery_factors: list[str] | None = None,
    recovery_notes: str = "",
) -> PracticeEpisode:
    """Add a key practice episode to the review's timeline."""
    require_reviewer(actor, report.organisation_id)
    errors: dict[str, list[str]] = {}
    if not when.strip():
        errors["when"] = ["Say when this happened, for example 'Day 2, morning'"]
    _require_text(errors, "what_happened", what_happened, "Describe what happened in this episode")
    _require_text(errors, "why_it_made_sense", why_it_made_sense, "Explain why it made sense to the people at the time")
    recovery = recovery_factors or []
    if any(r not in get_taxonomy().ids("recovery_factor") for r in recovery):
        errors["recovery_factors"] = ["Choose recovery factors from the list"]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        last = PracticeEpisode.objects.filter(report=report).aggregate(m=Max("position"))["m"] or 0
        episode = PracticeEpisode.objects.create(
            report=report,
            position=last + 1,
            when=when.strip()[:80],
            what_happened=what_happened.strip(),
            why_it_made_sense=why_it_made_sense.strip(),
            recovery_factors=recovery,
            recovery_notes=recovery_notes.strip(),
            created_by=actor,
        )
        audit_record(actor=actor, verb="review.episode_added", target=report, payload={"episode": str(episode.pk)})
    return episode


def episode_factor_add(*, episode: PracticeEpisode, actor: Any, factor: str, evidence: str) -> EpisodeFactor:
    """Link a contributory factor to an episode, with the evidence that shows it."""
    report = episode.report
    require_reviewer(actor, report.organisation_id)
    errors: dict[str, list[str]] = {}
    if factor not in get_taxonomy().ids("contributory_factor"):
        errors["factor"] = ["Choose a contributory factor"]
    _require_text(errors, "evidence", evidence, "Give the evidence for this factor")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item = EpisodeFactor.objects.create(episode=episode, factor=factor, evidence=evidence.strip())
        audit_record(
            actor=actor,
            verb="review.factor_added",
            target=report,
            payload={"episode": str(episode.pk), "factor": factor},
        )
    return item


def finding_add(*, report: Report, actor: Any, pattern: str, factor: str = "") -> Finding:
    """Record a finding as a pattern in the system, not a person's failing."""
    require_reviewer(actor, report.organisation_id)
    errors: dict[str, list[str]] = {}
    _require_text(errors, "pattern", pattern, "Write the finding as a pattern in the system")
    if factor and factor not in get_taxonomy().ids("contributory_factor"):
        errors["factor"] = ["Choose a contributory factor"]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        finding = Finding.objects.create(report=report, pattern=pattern.strip(), factor=factor, created_by=actor)
        audit_record(actor=actor, verb="review.finding_added", target=report, payload={"finding": str(finding.pk)})
    return finding


#: The decision aid's conclusions, in plain words. Every path keeps the system learning going.
STEERS: dict[str, str] = {
    "deliberate": (
        "Harm appears to have been intended. This is outside a learning review: follow your safeguarding and "
        "HR procedures (including a referral to the LADO). Keep looking at the system too."
    ),
    "health": (
        "A health problem may have played a part. Offer support through occupational health, and keep looking "
        "at what in the system let it affect the work."
    ),
    "foresight": (
        "A procedure that was workable and in routine use seems to have been knowingly set aside. Talk it through "
        "supportively and ask why the risk seemed acceptable: often the procedure is not as workable as it looks."
    ),
    "support": (
        "Others in the same position might have acted differently. Consider training or supervision for the "
        "person alongside changes to the system (induction, supervision, workload)."
    ),
    "system": (
        "Others with similar experience would probably have done the same. This is about the system: focus on "
        "the conditions that made it likely. No individual action is indicated."
    ),
}


def just_culture_steer(*, deliberate_harm: str, health_factor: str, foresight: str, substitution: str) -> str:
    """The incident decision tree, in order; 'not sure' leans to system learning, never to blame."""
    if deliberate_harm == Answer.YES:
        return "deliberate"
    if health_factor == Answer.YES:
        return "health"
    if foresight == Answer.YES:
        return "foresight"
    if substitution == Answer.NO:
        return "support"
    return "system"


def just_culture_record(
    *,
    report: Report,
    actor: Any,
    deliberate_harm: str,
    health_factor: str,
    foresight: str,
    substitution: str,
    notes: str = "",
) -> JustCultureAssessment:
    """Store the decision aid's answers locally; the audit records only that it was done, not the answers."""
    require_reviewer(actor, report.organisation_id)
    answers = {
        "deliberate_harm": deliberate_harm,
        "health_factor": health_factor,
        "foresight": foresight,
        "substitution": substitution,
    }
    errors = {k: ["Answer yes, no or not sure"] for k, v in answers.items() if v not in Answer.values}
    if errors:
        raise ValidationError(errors)
    steer = just_culture_steer(**answers)
    with transaction.atomic():
        record, _ = JustCultureAssessment.objects.update_or_create(
            report=report, defaults={**answers, "steer": steer, "notes": notes.strip(), "completed_by": actor}
        )
        audit_record(actor=actor, verb="review.just_culture_completed", target=report, payload={})
    return record
