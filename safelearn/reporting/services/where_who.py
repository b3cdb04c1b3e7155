"""Where it happened, who was affected, and the harm: locations, child details and harm grading (issue 17)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.organisations.models import Organisation, Role
from safelearn.organisations.permissions import require_reviewer
from safelearn.organisations.selectors import user_has_role
from safelearn.reporting import about
from safelearn.reporting.models import ChildDetails, Location, Report

#: More children than this in one report is a typing slip or an attack, not a report.
MAX_CHILDREN = 20
LOCATION_NAME_MAX = 120


@dataclass
class ChildInput:
    """One child's coded answers. Blank = not recorded."""

    age_band: str = ""
    sex: str = ""
    legal_status: str = ""
    disability: str = ""
    ethnicity: str = ""
    told: str = ""

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> ChildInput:
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v or "").strip() for k, v in data.items() if k in names})

    def is_blank(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


#: Each answer, its allowed codes, and the words for an error.
CHILD_ANSWERS: dict[str, tuple[Any, str]] = {
    "age_band": (about.AgeBand, "age band"),
    "sex": (about.Sex, "sex"),
    "legal_status": (about.LegalStatus, "legal status"),
    "disability": (about.YesNoNotKnown, "answer about disability (yes, no or not_known)"),
    "ethnicity": (about.Ethnicity, "ethnicity (an ONS 2021 category)"),
    "told": (about.ChildTold, "answer about whether the child was told"),
}


def children_clean(children: list[ChildInput]) -> list[ChildInput]:
    """Drop blank entries; raise ValidationError under ``children`` naming the child and the answer."""
    kept = [c for c in children if not c.is_blank()]
    errors: list[str] = []
    if len(kept) > MAX_CHILDREN:
        errors.append(f"A report can describe up to {MAX_CHILDREN} children; this one has {len(kept)}")
    for number, child in enumerate(kept, start=1):
        for name, (choices, words) in CHILD_ANSWERS.items():
            value = getattr(child, name)
            if value and value not in choices.values:
                errors.append(f"Child {number}: choose a valid {words}; '{value[:40]}' is not one")
    if errors:
        raise ValidationError({"children": errors})
    return kept


def location_resolve(
    *, organisation: Organisation, location_id: str, location_type: str
) -> tuple[Location | None, str]:
    """The organisation's own, current location and its type; a bare type if no location is named.

    Another organisation's location, a retired one or a made-up id all get the same message, so nothing is
    learned about other organisations' lists.
    """
    errors: dict[str, list[str]] = {}
    location = None
    if location_id:
        try:
            pk = uuid.UUID(str(location_id))
        except ValueError:
            pk = None
        location = (
            Location.objects.filter(pk=pk, organisation=organisation, retired_at__isnull=True).first() if pk else None
        )
        if location is None:
            errors["location"] = ["Choose a location from your organisation's list"]
    if location_type and location_type not in about.SettingType.values:
        errors["location_type"] = ["Choose a valid type of setting"]
    if errors:
        raise ValidationError(errors)
    if location is not None:
        return location, location.setting_type
    return None, location_type


def children_save(*, report: Report, children: list[ChildInput]) -> list[ChildDetails]:
    return ChildDetails.objects.bulk_create(
        [
            ChildDetails(report=report, position=number, **{f.name: getattr(child, f.name) for f in fields(child)})
            for number, child in enumerate(children, start=1)
        ]
    )


# Locations, managed by the organisation's administrator.


def _require_admin(actor: Any, organisation: Organisation) -> None:
    if not user_has_role(actor, organisation.pk, Role.ORG_ADMIN):
        raise PermissionDenied("Only the organisation's administrators can change its locations.")


def _location_values(name: str, setting_type: str) -> str:
    errors: dict[str, list[str]] = {}
    name = " ".join(name.split())
    if not name:
        errors["name"] = ["Enter the location's name"]
    elif len(name) > LOCATION_NAME_MAX:
        errors["name"] = [f"The name must be {LOCATION_NAME_MAX} characters or fewer"]
    if setting_type not in about.SettingType.values:
        errors["setting_type"] = ["Choose the type of setting"]
    if errors:
        raise ValidationError(errors)
    return name


def _name_taken(organisation: Organisation, name: str, exclude: Any = None) -> bool:
    qs = Location.objects.filter(organisation=organisation, name__iexact=name)
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    return qs.exists()


_TAKEN = "Your organisation already has a location with that name"


def location_create(*, actor: Any, organisation: Organisation, name: str, setting_type: str) -> Location:
    _require_admin(actor, organisation)
    name = _location_values(name, setting_type)
    if _name_taken(organisation, name):
        raise ValidationError({"name": [_TAKEN]})
    try:
        with transaction.atomic():
            location = Location.objects.create(organisation=organisation, name=name, setting_type=setting_type)
            audit_record(
                actor=actor,
                verb="location.created",
                target=location,
                payload={"setting_type": setting_type, "organisation": str(organisation.pk)},
            )
    except IntegrityError:
        raise ValidationError({"name": [_TAKEN]}) from None
    return location


def location_update(*, actor: Any, location: Location, name: str, setting_type: str) -> Location:
    """Rename or re-type a location; reports already made keep the type they were sent with."""
    _require_admin(actor, location.organisation)
    name = _location_values(name, setting_type)
    if _name_taken(location.organisation, name, exclude=location.pk):
        raise ValidationError({"name": [_TAKEN]})
    with transaction.atomic():
        location.name = name
        location.setting_type = setting_type
        location.save(update_fields=["name", "setting_type", "updated_at"])
        audit_record(actor=actor, verb="location.updated", target=location, payload={"setting_type": setting_type})
    return location


def location_retire(*, actor: Any, location: Location) -> Location:
    """No longer offered on the form; reports that name it keep it."""
    _require_admin(actor, location.organisation)
    if location.retired_at is None:
        with transaction.atomic():
            location.retired_at = timezone.now()
            location.save(update_fields=["retired_at", "updated_at"])
            audit_record(actor=actor, verb="location.retired", target=location, payload={})
    return location


def location_reinstate(*, actor: Any, location: Location) -> Location:
    _require_admin(actor, location.organisation)
    if location.retired_at is not None:
        with transaction.atomic():
            location.retired_at = None
            location.save(update_fields=["retired_at", "updated_at"])
            audit_record(actor=actor, verb="location.reinstated", target=location, payload={})
    return location


# Harm, graded by the reviewer beside the risk grading (the review app's form calls this).


def harm_grade(
    *, report: Report, actor: Any, physical_harm: str, psychological_harm: str, missed_opportunity: bool | None
) -> Report:
    """Physical and psychological harm graded apart, as Learn from Patient Safety Events does, and whether
    there was a missed opportunity to prevent it."""
    require_reviewer(actor, report.organisation_id)
    errors: dict[str, list[str]] = {}
    if physical_harm not in about.PhysicalHarm.values:
        errors["physical_harm"] = ["Choose the physical harm, or 'Not yet known'"]
    if psychological_harm not in about.PsychologicalHarm.values:
        errors["psychological_harm"] = ["Choose the psychological or emotional harm, or 'Not yet known'"]
    if missed_opportunity not in (True, False):
        errors["missed_opportunity"] = ["Say whether there was a missed opportunity"]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report.physical_harm = physical_harm
        report.psychological_harm = psychological_harm
        report.missed_opportunity = missed_opportunity
        report.harm_graded_by = actor
        report.harm_graded_at = timezone.now()
        report.save(
            update_fields=[
                "physical_harm",
                "psychological_harm",
                "missed_opportunity",
                "harm_graded_by",
                "harm_graded_at",
                "updated_at",
            ]
        )
        audit_record(
            actor=actor,
            verb="report.harm_graded",
            target=report,
            payload={
                "physical": physical_harm,
                "psychological": psychological_harm,
                "missed_opportunity": missed_opportunity,
            },
        )
    return report
