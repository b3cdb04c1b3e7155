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
from safelearn.casereviews.selectors.links import finding_codes_in_use, findings_index, match_texts, suggested_codes
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
    """Recompute which pool reports of the last `quarters` quarters show each finding again.

    Streams the pool in chunks of CHUNK copies (keyset by id; only the columns matching needs, never the
    encrypted narratives), matches each chunk in one batch and replaces that chunk's echoes in its own short
    transaction, so memory stays flat and no write lock is held for the whole run (at a million reports it
    was minutes). Echoes of copies that left the pool or the window are removed at the end.
    """
    now = now or timezone.now()
    since = quarter_start(now, quarters - 1)
    index = findings_index()
    codes_by_finding = finding_codes_in_use()
    pool = (
        deidentified_pool()
        .filter(report__submitted_at__gte=since)
        .select_related("report")
        .only(
            "id",
            "text",
            "organisation_id",
            "report__submitted_at",
            "report__incident_type",
            "report__service_area",
            "report__contributory_factors",
            "report__agencies_involved",
        )
        .order_by("id")
    )
    scanned = made = 0
    last_id = None
    while True:
        page = pool.filter(id__gt=last_id) if last_id is not None else pool
        chunk = list(page[:CHUNK])
        if not chunk:
            break
        last_id = chunk[-1].id
        scanned += len(chunk)
        echoes = _chunk_echoes(chunk, index, codes_by_finding)
        with transaction.atomic():
            FindingEcho.objects.filter(copy_id__in=[c.id for c in chunk]).delete()
            FindingEcho.objects.bulk_create(echoes, batch_size=1000)
        made += len(echoes)
    with transaction.atomic():
        # Copies withdrawn, merged or aged out since the last run keep no echoes.
        FindingEcho.objects.exclude(copy_id__in=pool.values("id")).delete()
        run = RecurrenceRun.objects.create(finished_at=timezone.now(), copies_scanned=scanned, echoes=made)
        audit_record(
            actor=actor,
            verb="casereview.recurrence_refreshed",
            target=run,
            payload={"copies": scanned, "echoes": made, "since": since.date()},
        )
    return run


def _chunk_echoes(chunk: list[Any], index: Any, codes_by_finding: dict[str, set[tuple[str, str]]]) -> list[FindingEcho]:
    """The echoes of one chunk of copies, matched in one batch."""
    codes = [_pool_codes(c.report) for c in chunk]
    uncoded = [i for i, c in enumerate(codes) if not any(s in ("incident_type", "contributory_factor") for s, _ in c)]
    for i, extra in zip(uncoded, suggested_codes([chunk[i].text for i in uncoded]), strict=True):
        codes[i] |= extra
    if len(index) == 0:
        return []
    keep = [i for i, c in enumerate(chunk) if c.text.strip()]
    matched = match_texts(
        [chunk[i].text for i in keep],
        [codes[i] for i in keep],
        index=index,
        codes_by_finding=codes_by_finding,
        limit=ECHOES_PER_REPORT,
    )
    echoes: list[FindingEcho] = []
    for i, links in zip(keep, matched, strict=True):
        copy = chunk[i]
        for link in links:
            echoes.append(
                FindingEcho(
                    finding_id=link.finding_id,
                    copy_id=copy.id,
                    organisation_id=copy.organisation_id,
                    submitted_at=copy.report.submitted_at,
                    period=quarter_of(copy.report.submitted_at),
                    score=link.score,
                    shared_codes=[f"{s}:{c}" for s, c in link.shared],
                    shared_terms=list(link.terms),
                )
            )
    return echoes
