"""Match the recent de-identified national pool against review findings, storing each echo.

Runs as a background task (daily) and on an analyst's request. Only approved de-identified text and the
report's structured codes are used: nothing un-reviewed ever reaches this matching.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from safelearn.casereviews.models import FindingEcho, RecurrenceRun
from safelearn.casereviews.selectors.links import finding_codes_in_use, findings_index, match_text, suggested_codes
from safelearn.core.audit import audit_record
from safelearn.core.quarters import quarter_of, quarter_start
from safelearn.privacy.selectors import deidentified_pool

#: A near miss may echo several findings; more than this many is noise rather than evidence.
ECHOES_PER_REPORT = 5
CHUNK = 500


def _pool_codes(report: Any) -> set[tuple[str, str]]:
    codes: set[tuple[str, str]] = set()
    if report.incident_type and report.incident_type != "other":
        codes.add(("incident_type", report.incident_type))
    if report.service_area:
        codes.add(("service_area", report.service_area))
    codes |= {("contributory_factor", f) for f in report.contributory_factors or []}
    codes |= {("agency_involved", a) for a in report.agencies_involved or []}
    return codes


def recurrence_refresh(*, actor: Any = "system", quarters: int = 8, now: dt.datetime | None = None) -> RecurrenceRun:
    """Recompute which pool reports of the last `quarters` quarters show each finding again."""
    now = now or timezone.now()
    since = quarter_start(now, quarters - 1)
    index = findings_index()
    codes_by_finding = finding_codes_in_use()
    copies = list(deidentified_pool().filter(report__submitted_at__gte=since).order_by("report__submitted_at"))
    echoes: list[FindingEcho] = []
    for start in range(0, len(copies), CHUNK):
        chunk = copies[start : start + CHUNK]
        codes = [_pool_codes(c.report) for c in chunk]
        uncoded = [
            i for i, c in enumerate(codes) if not any(s in ("incident_type", "contributory_factor") for s, _ in c)
        ]
        for i, extra in zip(uncoded, suggested_codes([chunk[i].text for i in uncoded]), strict=True):
            codes[i] |= extra
        for copy, copy_codes in zip(chunk, codes, strict=True):
            if not copy.text.strip() or len(index) == 0:
                continue
            for link in match_text(copy.text, copy_codes, index=index, codes_by_finding=codes_by_finding)[
                :ECHOES_PER_REPORT
            ]:
                echoes.append(
                    FindingEcho(
                        finding_id=link.finding_id,
                        copy=copy,
                        organisation_id=copy.organisation_id,
                        submitted_at=copy.report.submitted_at,
                        period=quarter_of(copy.report.submitted_at),
                        score=link.score,
                        shared_codes=[f"{s}:{c}" for s, c in link.shared],
                        shared_terms=list(link.terms),
                    )
                )
    with transaction.atomic():
        FindingEcho.objects.filter(submitted_at__gte=since).delete()
        FindingEcho.objects.bulk_create(echoes, batch_size=1000)
        run = RecurrenceRun.objects.create(finished_at=timezone.now(), copies_scanned=len(copies), echoes=len(echoes))
        audit_record(
            actor=actor,
            verb="casereview.recurrence_refreshed",
            target=run,
            payload={"copies": len(copies), "echoes": len(echoes), "since": since.date()},
        )
    return run
