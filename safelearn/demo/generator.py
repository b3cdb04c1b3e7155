"""Synthetic reports at scale for benchmarks: `safelearn demo --reports N`.

Fast because it writes in bulk (no per-report audit, receipt code or background task: this is benchmark
data, not people's reports). Texts are recombined sentences of the learning engine's own seed examples,
grouped by incident type, so text and codes agree; volumes follow a skewed spread over organisations,
three years with a seasonal swing, and the taxonomy's codes with realistic weights.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import random
import re
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from safelearn.core.bulkload import insert_rows, secondary_indexes_dropped
from safelearn.core.crypto import encrypt_text
from safelearn.core.taxonomy import get_taxonomy
from safelearn.learning.engine.data import load_seed_records
from safelearn.organisations.models import Organisation, OrganisationKind
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.reporting.models import ReferenceCounter, Report

BATCH = 10_000
#: From this many reports, dropping the secondary indexes for the load and building them again is faster.
INDEX_REBUILD_AT = 100_000
OUTCOME_WEIGHTS = {
    "near_miss": 30,
    "no_harm": 35,
    "low_harm": 20,
    "moderate_harm": 8,
    "severe_harm": 3,
    "death": 0.3,
    "unknown": 4,
}
STATUS_BY_AGE = [
    (14, {"submitted": 5, "triaged": 3, "under_review": 2}),
    (90, {"triaged": 1, "under_review": 3, "actions_open": 3, "closed": 3}),
    (10_000, {"closed": 90, "actions_open": 4, "withdrawn": 3, "duplicate": 3}),
]


def _sentence_pools() -> dict[str, list[str]]:
    pools: dict[str, list[str]] = defaultdict(list)
    for record in load_seed_records():
        itype = record["labels"].get("incident_type", "other")
        for sentence in re.split(r"(?<=[.!?])\s+", record["text"]):
            if 20 < len(sentence) < 300:
                pools[itype].append(sentence)
    return {k: sorted(set(v)) for k, v in pools.items()}


def ensure_organisations(count: int) -> list[Organisation]:
    existing = {o.slug: o for o in Organisation.objects.filter(slug__startswith="gen-")}
    new = [
        Organisation(
            name=f"Generated Authority {i:03d}",
            slug=f"gen-{i:03d}",
            code=f"G{i:03d}",
            kind=OrganisationKind.LOCAL_AUTHORITY,
            children_supported=1500 + (i * 37) % 6000,
        )
        for i in range(1, count + 1)
        if f"gen-{i:03d}" not in existing
    ]
    Organisation.objects.bulk_create(new)
    return list(Organisation.objects.filter(slug__startswith="gen-").order_by("slug")[:count])


class _Weighted:
    """Weighted choice with the cumulative weights computed once (choices() recomputes them per call)."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.keys = list(weights)
        self.cum = list(itertools.accumulate(weights.values()))

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.keys, cum_weights=self.cum)[0]


def generate_reports(
    total: int, organisations: int = 150, seed: int = 1, progress: Callable[[int, float], None] | None = None
) -> int:
    """Create ``total`` reports (approved de-identified copies for three in four); returns the number made.

    Rows are built as plain lists in column order (a row of converted defaults copied and filled in), with
    no model instance per row: constructing ~1.75 million model instances was a third of a 1M run."""
    rng = random.Random(seed)
    tax = get_taxonomy()
    pools = _sentence_pools()
    itypes = [t for t in tax.ids("incident_type") if t in pools] or ["other"]
    areas, factors = tax.ids("service_area"), tax.ids("contributory_factor")
    recovery, roles = tax.ids("recovery_factor"), tax.ids("reporter_role")
    modes = ["named", "confidential", "anonymous", "anonymous"]
    orgs = ensure_organisations(organisations)
    _bulk_load_settings()
    org_cum = list(itertools.accumulate(1 / (rank + 1) ** 0.6 for rank in range(len(orgs))))
    outcomes = _Weighted(OUTCOME_WEIGHTS)
    statuses = [(limit, _Weighted(w)) for limit, w in STATUS_BY_AGE]
    now = timezone.now()
    counters: dict[tuple[str, int], int] = {}
    for c in ReferenceCounter.objects.filter(organisation__in=orgs):
        counters[(str(c.organisation_id), c.year)] = c.last_number
    reports_t, copies_t = _Table(Report, now), _Table(DeidentifiedCopy, now)
    new_id, when, on_day, as_json = reports_t.new_id, reports_t.when, reports_t.on_day, reports_t.as_json
    r, col = reports_t.pos, copies_t.pos
    r_id, r_org, r_ref, r_kind, r_mode = r["id"], r["organisation_id"], r["reference"], r["kind"], r["mode"]
    r_channel, r_status, r_role, r_occurred = r["channel"], r["status"], r["reporter_role"], r["occurred_on"]
    r_outcome, r_itype, r_area, r_factors = (
        r["outcome"],
        r["incident_type"],
        r["service_area"],
        r["contributory_factors"],
    )
    r_recovery, r_what, r_submitted = r["recovery_factor"], r["what_happened"], r["submitted_at"]
    r_triaged, r_closed = r["triaged_at"], r["closed_at"]
    c_id, c_report, c_org, c_status, c_engine = (
        col["id"],
        col["report_id"],
        col["organisation_id"],
        col["status"],
        col["engine_version"],
    )
    c_text, c_approved = col["text"], col["approved_at"]
    # Per organisation once: its key as stored, its reference prefix, its counter key.
    org_info = [(reports_t.key(o.pk), o.code, str(o.pk)) for o in orgs]
    approved = copies_t.value("status", DeidentifiedStatus.APPROVED)
    staff = reports_t.value("channel", "staff")
    timedelta, cos, two_pi = dt.timedelta, math.cos, 2 * math.pi
    made, started = 0, time.monotonic()
    # The secondary indexes are dropped for the load and built again at the end (one sorted pass each instead
    # of a random insert per row into a dozen growing B-trees); unique ones stay, so references are checked.
    large = total >= INDEX_REBUILD_AT
    with secondary_indexes_dropped([Report, DeidentifiedCopy]) if large else nullcontext():
        while made < total:
            size = min(BATCH, total - made)
            reports: list[list[Any]] = []
            copies: list[list[Any]] = []
            for _ in range(size):
                # The draws are the same, in the same order, as when each row was a model instance.
                org_key, org_code, org_pk = rng.choices(org_info, cum_weights=org_cum)[0]
                age = int(rng.triangular(0, 1095, 200))
                day = now - timedelta(days=age, minutes=rng.randint(0, 1439))
                # A seasonal swing (more in winter) so trend charts have shape.
                if rng.random() < 0.15 * cos(two_pi * day.timetuple().tm_yday / 365):
                    day -= timedelta(days=rng.randint(1, 20))
                itype = rng.choice(itypes)
                pool = pools[itype]
                text = " ".join(rng.sample(pool, min(len(pool), rng.randint(3, 6))))
                key = (org_pk, day.year)
                number = counters[key] = counters.get(key, 0) + 1
                status = next(w for limit, w in statuses if age <= limit).pick(rng)
                kind = "good_practice" if rng.random() < 0.04 else "incident"
                report_id = new_id()
                row = reports_t.base.copy()
                row[r_id], row[r_org], row[r_ref] = report_id, org_key, f"{org_code}-{day.year}-{number:05d}"
                row[r_kind], row[r_mode], row[r_channel], row[r_status] = kind, rng.choice(modes), staff, status
                row[r_role] = rng.choice(roles)
                row[r_occurred] = on_day((day - timedelta(days=rng.randint(0, 5))).date())
                row[r_outcome], row[r_itype], row[r_area] = outcomes.pick(rng), itype, rng.choice(areas)
                row[r_factors] = as_json(rng.sample(factors, rng.randint(1, 3)))
                row[r_recovery], row[r_what], row[r_submitted] = rng.choice(recovery), encrypt_text(text), when(day)
                if status != "submitted":
                    row[r_triaged] = when(day + timedelta(hours=rng.randint(2, 96)))
                if status == "closed":
                    row[r_closed] = when(day + timedelta(days=rng.randint(5, 60)))
                reports.append(row)
                if rng.random() < 0.75 and age > 7:
                    copy = copies_t.base.copy()
                    copy[c_id], copy[c_report], copy[c_org], copy[c_status] = new_id(), report_id, org_key, approved
                    copy[c_engine], copy[c_text] = "generator", text
                    copy[c_approved] = when(day + timedelta(days=rng.randint(1, 7)))
                    copies.append(copy)
            with transaction.atomic():
                reports_t.insert(reports)
                copies_t.insert(copies)
            made += size
            if progress:
                progress(made, time.monotonic() - started)
    _save_counters(counters)
    return made


def _bulk_load_settings() -> None:
    """Trade durability for speed on this connection only: a crash mid-load loses benchmark data, nothing else."""
    if connection.in_atomic_block:  # e.g. inside a test: SQLite refuses to change these in a transaction
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-262144")  # 256 MB: the random-UUID indexes stay in memory
        elif connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO OFF")


def _converter(field: models.Field[Any, Any], sqlite: bool) -> Callable[[object], object]:
    """One value converter per column, chosen once (Django's bulk_create re-prepares every value: 2/3 of the time)."""
    kind = (field.target_field if field.is_relation else field).get_internal_type()  # type: ignore[attr-defined]
    if not sqlite:
        if kind == "JSONField":
            return lambda v: field.get_db_prep_save(v, connection)
        return lambda v: v  # psycopg adapts UUID, date, aware datetime and bytes itself
    if kind == "UUIDField":
        return lambda v: None if v is None else v.hex  # type: ignore[attr-defined]
    if kind == "DateTimeField":  # Django's SQLite format: naive UTC, str()
        return lambda v: None if v is None else str(v.astimezone(dt.UTC).replace(tzinfo=None))  # type: ignore[attr-defined]
    if kind == "DateField":
        return lambda v: None if v is None else str(v)
    if kind == "JSONField":
        return lambda v: None if v is None else json.dumps(v)
    if kind == "BinaryField":  # EncryptedTextField: already ciphertext here; encrypt if given text
        return lambda v: field.get_db_prep_save(v, connection) if isinstance(v, str) else v
    return lambda v: v


class _Table:
    """One model's INSERT, with rows as lists in column order: ``base`` holds every column's default (and the
    creation stamps) already converted the way Django stores it; a generated row copies it and sets its own."""

    def __init__(self, model: type[models.Model], now: dt.datetime) -> None:
        fields = list(model._meta.concrete_fields)
        self.sqlite = connection.vendor == "sqlite"
        self.fields = {f.attname: f for f in fields}
        self.pos = {f.attname: i for i, f in enumerate(fields)}
        self.convert = {f.attname: _converter(f, self.sqlite) for f in fields}
        stamped = {f.attname for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)}
        blank = model()
        self.base = [self.convert[name](now if name in stamped else getattr(blank, name)) for name in self.pos]
        self.table, self.columns = model._meta.db_table, [f.column for f in fields]
        json_field = self.fields.get("contributory_factors")
        # Converters for the generator's hot loop (plain functions: no per-value field lookup).
        if self.sqlite:
            self.new_id: Callable[[], object] = lambda: uuid.uuid4().hex
            self.when: Callable[[dt.datetime], object] = lambda v: str(v.astimezone(dt.UTC).replace(tzinfo=None))
            self.on_day: Callable[[dt.date], object] = str
            self.as_json: Callable[[object], object] = json.dumps
        else:
            self.new_id, self.when, self.on_day = uuid.uuid4, _same, _same
            self.as_json = (lambda v: json_field.get_db_prep_save(v, connection)) if json_field else _same

    def key(self, value: object) -> object:
        """A primary or foreign key as this database stores it."""
        return value.hex if self.sqlite else value  # type: ignore[attr-defined]

    def value(self, name: str, value: object) -> object:
        return self.convert[name](value)

    def insert(self, rows: list[list[Any]]) -> None:
        """One bulk insert (COPY on PostgreSQL; no signals, no save(): benchmark data only)."""
        insert_rows(self.table, self.columns, rows)


def _same(value: Any) -> Any:
    return value


def _save_counters(counters: dict[tuple[str, int], int]) -> None:
    with transaction.atomic():
        for (org_id, year), last in counters.items():
            ReferenceCounter.objects.update_or_create(organisation_id=org_id, year=year, defaults={"last_number": last})
