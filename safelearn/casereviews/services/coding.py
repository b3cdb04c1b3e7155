"""Coding findings with the taxonomy: the engine suggests, an analyst confirms or changes, provenance stays."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safelearn.casereviews.engine import suggest_codes
from safelearn.casereviews.models import CODE_SECTIONS, CodeSource, CodeStatus, Finding, FindingCode
from safelearn.core.audit import audit_record
from safelearn.core.taxonomy import get_taxonomy


def finding_suggest_codes(*, findings: Iterable[Finding], actor: Any) -> int:
    """Store the engine's suggestions (model version, score, when) on findings; codes already decided stay."""
    findings = list(findings)
    if not findings:
        return 0
    now = timezone.now()
    stored = 0
    with transaction.atomic():
        for finding, codes in zip(findings, suggest_codes([f.text for f in findings]), strict=True):
            existing = {(c.section, c.code) for c in FindingCode.objects.filter(finding=finding)}
            fresh = [
                FindingCode(
                    finding=finding,
                    section=c.section,
                    code=c.code,
                    status=CodeStatus.SUGGESTED,
                    source=CodeSource.MODEL,
                    model_version=c.model_version,
                    score=c.score,
                    suggested_at=now,
                )
                for c in codes
                if (c.section, c.code) not in existing
            ]
            FindingCode.objects.bulk_create(fresh)
            stored += len(fresh)
            if fresh:
                audit_record(
                    actor=actor,
                    verb="casereview.codes_suggested",
                    target=finding,
                    payload={"codes": [f"{c.section}:{c.code}" for c in fresh], "model": fresh[0].model_version},
                )
        Finding.objects.filter(pk__in=[f.pk for f in findings]).update(updated_at=now)
    return stored


def _check(codes: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    tax = get_taxonomy()
    chosen: dict[str, set[str]] = {}
    errors: dict[str, list[str]] = {}
    for section in CODE_SECTIONS:
        values = {v for v in codes.get(section, []) if v}
        unknown = sorted(values - set(tax.ids(section)))
        if unknown:
            errors[section] = [f"Unknown code: {', '.join(unknown)}"]
        chosen[section] = values
    if errors:
        raise ValidationError(errors)
    return chosen


def finding_codes_import(*, finding: Finding, actor: Any, codes: Mapping[str, Iterable[str]]) -> int:
    """Codes given in an imported file: recorded as from the import, not yet confirmed by a person."""
    chosen = _check(codes)
    now = timezone.now()
    added = 0
    with transaction.atomic():
        for section, values in chosen.items():
            for value in values:
                _, created = FindingCode.objects.get_or_create(
                    finding=finding,
                    section=section,
                    code=value,
                    defaults={"source": CodeSource.IMPORT, "suggested_at": now, "status": CodeStatus.SUGGESTED},
                )
                added += int(created)
        if added:
            audit_record(actor=actor, verb="casereview.codes_imported", target=finding, payload={"added": added})
    return added


def finding_codes_confirm(*, finding: Finding, actor: Any, codes: Mapping[str, Iterable[str]]) -> dict[str, int]:
    """An analyst's decision: chosen codes are confirmed (keeping who suggested them), the rest rejected."""
    chosen = _check(codes)
    now = timezone.now()
    counts = {"confirmed": 0, "rejected": 0, "added": 0}
    with transaction.atomic():
        current = {(c.section, c.code): c for c in FindingCode.objects.select_for_update().filter(finding=finding)}
        for section, values in chosen.items():
            for value in values:
                code = current.get((section, value))
                if code is None:
                    FindingCode.objects.create(
                        finding=finding,
                        section=section,
                        code=value,
                        status=CodeStatus.CONFIRMED,
                        source=CodeSource.PERSON,
                        decided_by=actor,
                        decided_at=now,
                    )
                    counts["added"] += 1
                elif code.status != CodeStatus.CONFIRMED:
                    code.status, code.decided_by, code.decided_at = CodeStatus.CONFIRMED, actor, now
                    code.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
                    counts["confirmed"] += 1
        for (section, value), code in current.items():
            if value not in chosen.get(section, set()) and code.status != CodeStatus.REJECTED:
                code.status, code.decided_by, code.decided_at = CodeStatus.REJECTED, actor, now
                code.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
                counts["rejected"] += 1
        Finding.objects.filter(pk=finding.pk).update(updated_at=now)
        audit_record(
            actor=actor,
            verb="casereview.codes_confirmed",
            target=finding,
            payload={**counts, "codes": {s: sorted(v) for s, v in chosen.items()}},
        )
    return counts
