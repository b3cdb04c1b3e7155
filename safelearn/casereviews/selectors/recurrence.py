"""The recurrence view: which findings keep showing up in current reports, by quarter and organisation."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from safelearn.casereviews.models import Finding, FindingEcho, RecurrenceRun
from safelearn.organisations.models import Organisation


@dataclass
class RecurrenceRow:
    finding: Finding
    counts: list[int]
    total: int
    organisations: int


@dataclass
class Recurrence:
    periods: list[str]
    rows: list[RecurrenceRow]
    organisations: list[Organisation]
    organisation_id: str = ""
    last_run: RecurrenceRun | None = None
    by_organisation: dict[str, int] = field(default_factory=dict)


def recurrence_table(*, organisation_id: str = "", periods: int = 4, top: int = 25) -> Recurrence:
    """Counts of pool reports echoing each finding, per quarter (newest `periods` quarters with data)."""
    qs = FindingEcho.objects.all()
    if organisation_id:
        try:
            qs = qs.filter(organisation_id=uuid.UUID(organisation_id))
        except ValueError:
            qs = qs.none()
    all_periods = sorted(set(qs.values_list("period", flat=True)))[-periods:]
    qs = qs.filter(period__in=all_periods)
    counts: dict[Any, dict[str, int]] = defaultdict(dict)
    for row in qs.values("finding_id", "period").annotate(n=Count("id")):
        counts[row["finding_id"]][row["period"]] = row["n"]
    orgs_per_finding = {
        r["finding_id"]: r["n"] for r in qs.values("finding_id").annotate(n=Count("organisation_id", distinct=True))
    }
    findings = Finding.objects.select_related("review").in_bulk(list(counts))
    rows = [
        RecurrenceRow(
            finding=findings[fid],
            counts=[per.get(p, 0) for p in all_periods],
            total=sum(per.values()),
            organisations=orgs_per_finding.get(fid, 0),
        )
        for fid, per in counts.items()
        if fid in findings
    ]
    rows.sort(key=lambda r: (-r.total, -r.counts[-1] if r.counts else 0, r.finding.review.title))
    org_names = dict(Organisation.objects.values_list("id", "name"))
    by_org = {
        org_names.get(r["organisation_id"], str(r["organisation_id"])): r["n"]
        for r in qs.values("organisation_id").annotate(n=Count("id")).order_by("-n")
    }
    org_ids = FindingEcho.objects.values_list("organisation_id", flat=True).distinct()
    return Recurrence(
        periods=all_periods,
        rows=rows[:top],
        organisations=list(Organisation.objects.filter(pk__in=org_ids).order_by("name")),
        organisation_id=organisation_id,
        last_run=RecurrenceRun.objects.first(),
        by_organisation=by_org,
    )


CSV_HEADER = ["period", "organisation", "review_title", "review_year", "finding_id", "finding", "reports"]


def recurrence_csv_rows(*, organisation_id: str = "") -> list[list[Any]]:
    """Long format (one row per finding, quarter and organisation) so analysts can pivot it any way."""
    qs = FindingEcho.objects.all()
    if organisation_id:
        try:
            qs = qs.filter(organisation_id=uuid.UUID(organisation_id))
        except ValueError:
            qs = qs.none()
    org_names = dict(Organisation.objects.values_list("id", "name"))
    grouped = qs.values("period", "organisation_id", "finding_id").annotate(n=Count("id"))
    findings = Finding.objects.select_related("review").in_bulk([g["finding_id"] for g in grouped])
    rows = []
    for g in grouped.order_by("period", "organisation_id"):
        f = findings.get(g["finding_id"])
        if f is None:
            continue
        rows.append(
            [
                g["period"],
                org_names.get(g["organisation_id"], ""),
                f.review.title,
                f.review.year,
                str(f.pk),
                f.text,
                g["n"],
            ]
        )
    return rows
