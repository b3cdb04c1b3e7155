"""Re-identification risk in the national pool: k-anonymity over a copy's quasi-identifiers.

A report without names can still point at one child: a rare incident type, in a small organisation, in one
month. Before approval we count the pooled copies that share every quasi-identifier (the copy's
*equivalence class*, counted by the database) and, when that group is smaller than k, suggest
generalisations that would widen it. The details of each child (age band, sex, ethnicity, legal status;
reporting.ChildDetails) and the type of setting take part too: two copies share their children when they
describe the same number of children with the same answers, and a blank answer ("not recorded") is a value
of its own, as is a report that describes no child.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS, ChildDetails, Report

DEFAULT_K = 5

#: Organisation size by children supported: [low, high) bands, narrow and wide. ``None`` = open-ended.
SIZE_BANDS: tuple[tuple[int, int | None], ...] = ((0, 500), (500, 2000), (2000, 5000), (5000, None))
WIDE_SIZE_BANDS: tuple[tuple[int, int | None], ...] = ((0, 2000), (2000, None))

#: Setting (service area) → setting type: where a child was, said less precisely.
SETTING_TYPES: dict[str, str] = {
    "front_door": "Referral and assessment",
    "assessment": "Referral and assessment",
    "out_of_hours": "Referral and assessment",
    "early_help": "Family support",
    "child_in_need": "Family support",
    "child_protection": "Family support",
    "disabled_children": "Family support",
    "looked_after": "Care and placements",
    "fostering": "Care and placements",
    "adoption": "Care and placements",
    "residential": "Care and placements",
    "care_leavers": "Care and placements",
}

#: Age band → wider age band (used once reports record a child's age band).
WIDER_AGE_BANDS: dict[str, str] = {
    "0-4": "0-9",
    "5-9": "0-9",
    "10-12": "10-17",
    "13-15": "10-17",
    "16-17": "10-17",
    "18+": "18+",
}

#: Each child's quasi-identifiers (reporting.ChildDetails fields); blank = not recorded.
CHILD_FIELDS = ("age_band", "sex", "ethnicity", "legal_status")

#: One child as an outsider might know them: (age band, sex, ethnicity, legal status), None = not recorded.
ChildKey = tuple[str | None, str | None, str | None, str | None]

GENERALISATIONS: dict[str, str] = {
    "quarter": "Quarter instead of month",
    "org_size_wide": "Wider organisation size band",
    "setting_type": "Setting type instead of setting",
    "age_wide": "Wider age band",
}


def k_threshold() -> int:
    return int(getattr(settings, "SAFELEARN_K_ANONYMITY", DEFAULT_K))


@dataclass(frozen=True)
class QuasiIdentifiers:
    """What an outsider might already know about a child's incident. ``None`` means not recorded."""

    org_size: int | None
    incident_type: str
    submitted_at: dt.datetime
    setting: str
    location_type: str = ""
    children: tuple[ChildKey, ...] = ()

    @classmethod
    def of(cls, report: Report) -> QuasiIdentifiers:
        rows = ChildDetails.objects.filter(report_id=report.pk).order_by("position").values_list(*CHILD_FIELDS)
        return cls(
            org_size=report.organisation.children_supported,
            incident_type=report.incident_type or "",
            submitted_at=report.submitted_at,
            setting=report.service_area or "",
            location_type=report.location_type or "",
            children=tuple(tuple(v or None for v in row) for row in rows),  # type: ignore[misc]
        )

    @property
    def age_bands(self) -> list[str]:
        return [child[0] for child in self.children if child[0]]


def _band(value: int, bands: tuple[tuple[int, int | None], ...]) -> tuple[int, int | None]:
    return next(b for b in bands if value >= b[0] and (b[1] is None or value < b[1]))


def band_label(low: int, high: int | None) -> str:
    return f"{low:,}+ children" if high is None else f"{low:,}–{high - 1:,} children"


def _period(moment: dt.datetime, quarter: bool) -> tuple[dt.datetime, dt.datetime]:
    """The local calendar month (or quarter) holding ``moment``, as an aware [start, end) range."""
    local = timezone.localtime(moment)
    first_month = ((local.month - 1) // 3) * 3 + 1 if quarter else local.month
    months = 3 if quarter else 1
    start = dt.date(local.year, first_month, 1)
    end_month = first_month + months
    end = dt.date(local.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return (
        timezone.make_aware(dt.datetime.combine(start, dt.time.min)),
        timezone.make_aware(dt.datetime.combine(end, dt.time.min)),
    )


def period_label(moment: dt.datetime, quarter: bool) -> str:
    start, _ = _period(moment, quarter)
    local = timezone.localtime(start)
    return f"{local.year} Q{(local.month - 1) // 3 + 1}" if quarter else local.strftime("%B %Y")


def _not_recorded(lookup: str) -> Q:
    return Q(**{f"{lookup}__isnull": True}) | Q(**{lookup: ""})


def _matching(qi: QuasiIdentifiers, choices: frozenset[str]) -> Q:
    """Reports sharing every quasi-identifier of ``qi``, at the chosen generalisation (lookups on Report)."""
    start, end = _period(qi.submitted_at, "quarter" in choices)
    q = Q(incident_type=qi.incident_type, submitted_at__gte=start, submitted_at__lt=end)
    size = "organisation__children_supported"
    if qi.org_size is None:
        q &= Q(**{f"{size}__isnull": True})
    else:
        low, high = _band(qi.org_size, WIDE_SIZE_BANDS if "org_size_wide" in choices else SIZE_BANDS)
        q &= Q(**{f"{size}__gte": low}) & (Q() if high is None else Q(**{f"{size}__lt": high}))
    if "setting_type" in choices and qi.setting in SETTING_TYPES:
        kind = SETTING_TYPES[qi.setting]
        q &= Q(service_area__in=[s for s, t in SETTING_TYPES.items() if t == kind])
    else:
        q &= Q(service_area=qi.setting)
    q &= _not_recorded("location_type") if not qi.location_type else Q(location_type=qi.location_type)
    return q


def _child_matches(key: ChildKey, wide: bool) -> Q:
    """Children (lookups from Report through ``children``) with the same answers as ``key``."""
    q = Q()
    for name, value in zip(CHILD_FIELDS, key, strict=True):
        lookup = f"children__{name}"
        if value is None:
            q &= Q(**{lookup: ""})
        elif name == "age_band" and wide and value in WIDER_AGE_BANDS:
            group = WIDER_AGE_BANDS[value]
            q &= Q(**{f"{lookup}__in": [b for b, w in WIDER_AGE_BANDS.items() if w == group]})
        else:
            q &= Q(**{lookup: value})
    return q


def _with_same_children(qs: QuerySet[Report], qi: QuasiIdentifiers, choices: frozenset[str]) -> QuerySet[Report]:
    """Reports describing as many children as ``qi`` with the same answers (each answer's count equal)."""
    wide = "age_wide" in choices
    keys = Counter(_widened(key, wide) for key in qi.children)
    annotations = {"_children_n": Count("children")}
    wanted = {"_children_n": len(qi.children)}
    for number, (key, times) in enumerate(sorted(keys.items(), key=repr)):
        annotations[f"_child_{number}"] = Count("children", filter=_child_matches(key, wide))
        wanted[f"_child_{number}"] = times
    return qs.annotate(**annotations).filter(**wanted)


def _widened(key: ChildKey, wide: bool) -> ChildKey:
    """Children whose age bands fall in one wider band count as the same child once ages are widened."""
    if wide and key[0] in WIDER_AGE_BANDS:
        return (min(b for b, w in WIDER_AGE_BANDS.items() if w == WIDER_AGE_BANDS[key[0]]), *key[1:])
    return key


def pooled_reports() -> QuerySet[Report]:
    """Reports whose copy is in the pool (hidden below-k copies too: they are still someone's record)."""
    return Report.objects.filter(deidentified__status=DeidentifiedStatus.APPROVED).exclude(
        status__in=EXCLUDED_FROM_STATISTICS
    )


def equivalence_class_size(copy: DeidentifiedCopy, choices: list[str] | frozenset[str] | None = None) -> int:
    """How many pooled copies, this one included, share its quasi-identifiers: one COUNT query.

    Measured on SQLite with 50,000 pooled copies: about 100 ms a count (the planner walks the approved
    copies by their status index; the month or quarter range is checked on the joined report).
    """
    chosen = frozenset(copy.generalisation if choices is None else choices)
    qi = QuasiIdentifiers.of(copy.report)
    matching = pooled_reports().filter(_matching(qi, chosen)).exclude(pk=copy.report_id).order_by()
    others = _with_same_children(matching, qi, chosen).count()
    return others + 1


@dataclass(frozen=True)
class KCheck:
    size: int
    k: int

    @property
    def below(self) -> bool:
        return self.size < self.k


def k_check(copy: DeidentifiedCopy) -> KCheck:
    return KCheck(size=equivalence_class_size(copy), k=k_threshold())


@dataclass(frozen=True)
class Suggestion:
    code: str
    label: str
    detail: str
    size: int
    clears: bool
    chosen: bool


def available(copy: DeidentifiedCopy) -> list[str]:
    """The generalisations that mean something for this copy (no wider age band without an age band)."""
    qi = QuasiIdentifiers.of(copy.report)
    codes = ["quarter", "org_size_wide"]
    if qi.setting in SETTING_TYPES:
        codes.append("setting_type")
    if any(band in WIDER_AGE_BANDS for band in qi.age_bands):
        codes.append("age_wide")
    if qi.org_size is None:
        codes.remove("org_size_wide")
    return codes


def generalisations(copy: DeidentifiedCopy) -> list[Suggestion]:
    """Each possible widening on top of what is already chosen, with the group it would give."""
    qi = QuasiIdentifiers.of(copy.report)
    k = k_threshold()
    current = frozenset(copy.generalisation)
    details = {
        "quarter": f"{period_label(qi.submitted_at, False)} becomes {period_label(qi.submitted_at, True)}",
        "org_size_wide": (
            f"{band_label(*_band(qi.org_size, SIZE_BANDS))} becomes {band_label(*_band(qi.org_size, WIDE_SIZE_BANDS))}"
            if qi.org_size is not None
            else ""
        ),
        "setting_type": f"The setting is shared only as “{SETTING_TYPES.get(qi.setting, '')}”",
        "age_wide": "; ".join(
            f"Age band {band} becomes {WIDER_AGE_BANDS[band]}" for band in qi.age_bands if band in WIDER_AGE_BANDS
        ),
    }
    suggestions = []
    for code in available(copy):
        size = equivalence_class_size(copy, current | {code})
        suggestions.append(Suggestion(code, GENERALISATIONS[code], details[code], size, size >= k, code in current))
    return suggestions


def generalise_row(row: dict[str, Any], choices: list[str]) -> dict[str, Any]:
    """A pool row as it may be shown: the chosen generalisations applied (quarter, setting type)."""
    if "quarter" in choices and row.get("submitted_at"):
        row["period"] = period_label(row["submitted_at"], True)
        row["submitted_at"] = _period(row["submitted_at"], True)[0]
    if "setting_type" in choices and row.get("service_area") in SETTING_TYPES:
        row["setting_type"] = SETTING_TYPES[row["service_area"]]
        row["service_area"] = ""
    return row
