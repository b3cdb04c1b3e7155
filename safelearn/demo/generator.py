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
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from safelearn.core.crypto import encrypt_text
from safelearn.core.taxonomy import get_taxonomy
from safelearn.learning.engine.data import load_seed_records
from safelearn.organisations.models import Organisation, OrganisationKind
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.reporting.models import ReferenceCounter, Report

BATCH = 10_000
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
    """Create ``total`` reports (approved de-identified copies for three in four); returns the number made."""
    rng = random.Random(seed)
    tax = get_taxonomy()
    pools = _sentence_pools()
    itypes = [t for t in tax.ids("incident_type") if t in pools] or ["other"]
    areas, factors = tax.ids("service_area"), tax.ids("contributory_factor")
    recovery, roles = tax.ids("recovery_factor"), tax.ids("reporter_role")
    orgs = ensure_organisations(organisations)
    _bulk_load_settings()
    org_cum = list(itertools.accumulate(1 / (rank + 1) ** 0.6 for rank in range(len(orgs))))
    outcomes = _Weighted(OUTCOME_WEIGHTS)
    statuses = [(limit, _Weighted(w)) for limit, w in STATUS_BY_AGE]
    now = timezone.now()
    counters: dict[tuple[str, int], int] = {}
    for c in ReferenceCounter.objects.filter(organisation__in=orgs):
        counters[(str(c.organisation_id), c.year)] = c.last_number
    made, started = 0, time.monotonic()
    while made < total:
        size = min(BATCH, total - made)
        reports, copies = [], []
        for _ in range(size):
            org = rng.choices(orgs, cum_weights=org_cum)[0]
            age = int(rng.triangular(0, 1095, 200))
            day = now - dt.timedelta(days=age, minutes=rng.randint(0, 1439))
            # A seasonal swing (more in winter) so trend charts have shape.
            if rng.random() < 0.15 * math.cos(2 * math.pi * day.timetuple().tm_yday / 365):
                day -= dt.timedelta(days=rng.randint(1, 20))
            itype = rng.choice(itypes)
            text = " ".join(rng.sample(pools[itype], min(len(pools[itype]), rng.randint(3, 6))))
            key = (str(org.pk), day.year)
            counters[key] = counters.get(key, 0) + 1
            status = next(w for limit, w in statuses if age <= limit).pick(rng)
            kind = "good_practice" if rng.random() < 0.04 else "incident"
            report = Report(
                organisation=org,
                reference=f"{org.code}-{day.year}-{counters[key]:05d}",
                kind=kind,
                mode=rng.choice(["named", "confidential", "anonymous", "anonymous"]),
                channel="staff",
                status=status,
                reporter_role=rng.choice(roles),
                occurred_on=(day - dt.timedelta(days=rng.randint(0, 5))).date(),
                outcome=outcomes.pick(rng),
                incident_type=itype,
                service_area=rng.choice(areas),
                contributory_factors=rng.sample(factors, rng.randint(1, 3)),
                recovery_factor=rng.choice(recovery),
                what_happened=encrypt_text(text),
                submitted_at=day,
                triaged_at=day + dt.timedelta(hours=rng.randint(2, 96)) if status != "submitted" else None,
                closed_at=day + dt.timedelta(days=rng.randint(5, 60)) if status == "closed" else None,
            )
            reports.append(report)
            if rng.random() < 0.75 and age > 7:
                copies.append(
                    DeidentifiedCopy(
                        report=report,
                        organisation_id=org.pk,
                        text=text,
                        status=DeidentifiedStatus.APPROVED,
                        engine_version="generator",
                        approved_at=day + dt.timedelta(days=rng.randint(1, 7)),
                    )
                )
        with transaction.atomic():
            _insert_rows(Report, reports, now)
            _insert_rows(DeidentifiedCopy, copies, now)
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


def _converter(field: models.Field, sqlite: bool) -> Callable[[object], object]:
    """One value converter per column, chosen once (Django's bulk_create re-prepares every value: 2/3 of the time)."""
    kind = (field.target_field if field.is_relation else field).get_internal_type()  # type: ignore[union-attr,attr-defined]
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


def _insert_rows(model: type[models.Model], objs: list, now: dt.datetime) -> None:
    """Plain executemany of already-built model instances (no signals, no save(): benchmark data only)."""
    if not objs:
        return
    fields = list(model._meta.concrete_fields)
    sqlite = connection.vendor == "sqlite"
    convert = [_converter(f, sqlite) for f in fields]
    stamped = {f.attname for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)}
    qn = connection.ops.quote_name
    # Names come from the model's own metadata, quoted; values are parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  # nosec B608
        qn(model._meta.db_table), ", ".join(qn(f.column) for f in fields), ", ".join(["%s"] * len(fields))
    )
    names = [f.attname for f in fields]
    rows: list[Any] = [
        [conv(now if name in stamped else getattr(obj, name)) for name, conv in zip(names, convert, strict=True)]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _save_counters(counters: dict[tuple[str, int], int]) -> None:
    with transaction.atomic():
        for (org_id, year), last in counters.items():
            ReferenceCounter.objects.update_or_create(organisation_id=org_id, year=year, defaults={"last_number": last})
