"""Match the recent de-identified national pool against review findings, storing each echo.

Runs as a background task (daily) and on an analyst's request. Only approved de-identified text and the
report's structured codes are used: nothing un-reviewed ever reaches this matching.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from safelearn.casereviews.models import FindingEcho, RecurrenceRun
from safelearn.casereviews.selectors.links import finding_codes_in_use, findings_index, match_texts, suggested_codes
from safelearn.core.audit import audit_record
from safelearn.core.bulkload import insert_rows
from safelearn.core.quarters import quarter_start
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.privacy.selectors import deidentified_pool

#: A near miss may echo several findings; more than this many is noise rather than evidence.
ECHOES_PER_REPORT = 5
#: Copies matched per batch and written per transaction: one sparse product each, a few MB of memory.
CHUNK = 5000
#: The columns matching needs (never the encrypted narratives), read as plain tuples, not model instances.
POOL_COLUMNS = (
    "id",
    "text",
    "organisation_id",
    "report__submitted_at",
    "report__incident_type",
    "report__service_area",
    "report__contributory_factors",
    "report__agencies_involved",
)
_ECHO_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "finding_id",
    "copy_id",
    "organisation_id",
    "submitted_at",
    "period",
    "score",
    "shared_codes",
    "shared_terms",
)


def _pool_codes(incident_type: str, service_area: str, factors: Any, agencies: Any) -> set[tuple[str, str]]:
    codes: set[tuple[str, str]] = set()
    if incident_type and incident_type != "other":
        codes.add(("incident_type", incident_type))
    if service_area:
        codes.add(("service_area", service_area))
    codes |= {("contributory_factor", f) for f in factors or []}
    codes |= {("agency_involved", a) for a in agencies or []}
    return codes


def recurrence_refresh(*, actor: Any = "system", quarters: int = 8, now: dt.datetime | None = None) -> RecurrenceRun:
    """Recompute which pool reports of the last `quarters` quarters show each finding again.

    Streams the pool in chunks of CHUNK copies (by id; only the columns matching needs, as tuples),
    matches each chunk in one vectorised batch and replaces that chunk's echoes in its own short transaction
    (one executemany), so memory stays flat and no write lock is held for the whole run. Echoes of copies
    that left the pool or the window are removed at the end.
    """
    now = now or timezone.now()
    since = quarter_start(now, quarters - 1)
    index = findings_index()
    codes_by_finding = finding_codes_in_use()
    pool = deidentified_pool().filter(report__submitted_at__gte=since)
    writer = _EchoWriter()
    scanned = made = 0
    # The pool's ids first (one scan, ~60 MB at a million reports), then each chunk by primary key alone.
    # Paging with the pool's conditions ("id > last ORDER BY id LIMIT n", or "id IN chunk") let SQLite walk
    # the status index and sort the whole pool for every chunk (8-24 s a chunk at 1M): quadratic. A copy that
    # leaves the pool meanwhile loses its echoes in the sweep below.
    ids = list(pool.order_by("id").values_list("id", flat=True))
    copies = DeidentifiedCopy.objects.order_by("id")
    for start in range(0, len(ids), CHUNK):
        chunk = list(copies.filter(id__in=ids[start : start + CHUNK]).values_list(*POOL_COLUMNS))
        scanned += len(chunk)
        rows = _chunk_echoes(chunk, index, codes_by_finding)
        with transaction.atomic():
            FindingEcho.objects.filter(copy_id__in=[c[0] for c in chunk]).delete()
            writer.insert(rows)
        made += len(rows)
    del ids
    with transaction.atomic():
        # Copies withdrawn, merged or aged out since the last run keep no echoes.
        # NOT EXISTS, not NOT IN (subquery): PostgreSQL cannot hash a pool-sized NOT IN list within work_mem
        # and fell back to rescanning it for every echo (minutes at a million reports).
        FindingEcho.objects.exclude(Exists(pool.filter(id=OuterRef("copy_id")))).delete()
        run = RecurrenceRun.objects.create(finished_at=timezone.now(), copies_scanned=scanned, echoes=made)
        audit_record(
            actor=actor,
            verb="casereview.recurrence_refreshed",
            target=run,
            payload={"copies": scanned, "echoes": made, "since": since.date()},
        )
    return run


EchoRow = tuple[str, Any, Any, dt.datetime, float, list[str], list[str]]


def _chunk_echoes(
    chunk: list[tuple[Any, ...]], index: Any, codes_by_finding: dict[str, set[tuple[str, str]]]
) -> list[EchoRow]:
    """The echoes of one chunk of copies (finding id, copy id, organisation id, submitted at, score, shared
    codes, shared terms), matched in one batch."""
    codes = [_pool_codes(*c[4:8]) for c in chunk]
    uncoded = [i for i, c in enumerate(codes) if not any(s in ("incident_type", "contributory_factor") for s, _ in c)]
    for i, extra in zip(uncoded, suggested_codes([chunk[i][1] for i in uncoded]), strict=True):
        codes[i] |= extra
    if len(index) == 0:
        return []
    keep = [i for i, c in enumerate(chunk) if c[1].strip()]
    matched = match_texts(
        [chunk[i][1] for i in keep],
        [codes[i] for i in keep],
        index=index,
        codes_by_finding=codes_by_finding,
        limit=ECHOES_PER_REPORT,
        terms=False,  # worked out when a page shows an echo (echoes_for_finding), not for every copy here
    )
    rows: list[EchoRow] = []
    for i, links in zip(keep, matched, strict=True):
        copy_id, _, organisation_id, submitted_at = chunk[i][:4]
        rows.extend(
            (
                link.finding_id,
                copy_id,
                organisation_id,
                submitted_at,
                link.score,
                [f"{s}:{c}" for s, c in link.shared],
                list(link.terms),
            )
            for link in links
        )
    return rows


class _EchoWriter:
    """Echo rows written with one bulk insert (COPY on PostgreSQL; bulk_create prepared each value again: it
    was most of the write time), values converted once per column the way Django stores them on each database."""

    def __init__(self) -> None:
        self.sqlite = connection.vendor == "sqlite"
        self.tz = timezone.get_current_timezone()
        fields = {f.column: f for f in FindingEcho._meta.concrete_fields}
        self.json_fields = (fields["shared_codes"], fields["shared_terms"])
        self.table = FindingEcho._meta.db_table
        self.columns = [fields[c].column for c in _ECHO_COLUMNS]

    def period(self, when: dt.datetime) -> str:
        """quarter_of(when), without looking the time zone up again for every row."""
        local = when.astimezone(self.tz)
        return f"{local.year}-Q{(local.month - 1) // 3 + 1}"

    def insert(self, rows: list[EchoRow]) -> None:
        if not rows:
            return
        now = timezone.now()
        periods: dict[dt.datetime, str] = {}
        out: list[tuple[Any, ...]] = []
        if self.sqlite:
            stamp = str(now.astimezone(dt.UTC).replace(tzinfo=None))
            for finding_id, copy_id, org_id, when, score, shared_codes, shared_terms in rows:
                period = periods.get(when) or periods.setdefault(when, self.period(when))
                out.append(
                    (
                        uuid.uuid4().hex,
                        stamp,
                        stamp,
                        finding_id.replace("-", ""),
                        copy_id.hex,
                        org_id.hex,
                        str(when.astimezone(dt.UTC).replace(tzinfo=None)),
                        period,
                        score,
                        json.dumps(shared_codes),
                        json.dumps(shared_terms),
                    )
                )
        else:
            codes_field, terms_field = self.json_fields
            for finding_id, copy_id, org_id, when, score, shared_codes, shared_terms in rows:
                period = periods.get(when) or periods.setdefault(when, self.period(when))
                out.append(
                    (
                        uuid.uuid4(),
                        now,
                        now,
                        uuid.UUID(finding_id),
                        copy_id,
                        org_id,
                        when,
                        period,
                        score,
                        codes_field.get_db_prep_save(shared_codes, connection),
                        terms_field.get_db_prep_save(shared_terms, connection),
                    )
                )
        insert_rows(self.table, self.columns, out)
