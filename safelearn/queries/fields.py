"""The queryable fields: one registry, so a new coded field plugs into the builder, saved queries and exports.

Each field names its lookup from ``reporting.Report``, where its codes and labels come from, and whether it
may be counted nationally (only coded fields that may leave an organisation: never a named location, never
free text). Labels come from the taxonomy or the model's choices, never raw codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from safelearn.core.taxonomy import get_taxonomy
from safelearn.reporting import about
from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS, ReportStatus

#: The pseudo-code for "nothing recorded" (blank, missing, no child details at all): always a row of its own.
NOT_RECORDED = "_none"
NOT_RECORDED_LABEL = "Not recorded"
#: Codes a report still carries but the taxonomy no longer lists: one row, never a raw id.
RETIRED = "_retired"
RETIRED_LABEL = "Code no longer in use"


@dataclass(frozen=True)
class QueryField:
    name: str  # the stable id saved in query definitions and used in URLs
    label: str
    lookup: str  # from reporting.Report: a column, a JSON list of codes (many=True) or children__<column>
    choices: Callable[[], list[tuple[str, str]]]
    many: bool = False  # a JSON list of codes on the report: a report counts once under each of its codes
    national: bool = True  # may be counted across organisations (approved de-identified copies only)
    group: Callable[[str], str] | None = None  # stored code -> the code shown (e.g. ONS high-level group)
    hint: str = ""

    @property
    def via_children(self) -> bool:
        return self.lookup.startswith("children__")

    @property
    def multi_valued(self) -> bool:
        """A report can fall under more than one value (several factors or several children)."""
        return self.many or self.via_children

    def labels(self) -> dict[str, str]:
        return {**dict(self.choices()), NOT_RECORDED: NOT_RECORDED_LABEL, RETIRED: RETIRED_LABEL}

    def stored_codes(self, code: str) -> list[str]:
        """The stored values a shown code stands for (a group stands for its members)."""
        if self.group is None:
            return [code]
        return [stored for stored, _ in about.Ethnicity.choices if self.group(stored) == code]


def _taxonomy(section: str) -> Callable[[], list[tuple[str, str]]]:
    return lambda: get_taxonomy().choices(section)


def _model_choices(choices: list[tuple[str, Any]]) -> Callable[[], list[tuple[str, str]]]:
    return lambda: [(code, str(label)) for code, label in choices]


def _statuses() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in ReportStatus.choices if code not in EXCLUDED_FROM_STATISTICS]


def _risk_bands() -> list[tuple[str, str]]:
    return [(name, name.capitalize()) for name, _, _ in get_taxonomy().risk_matrix.bands]


_REGISTRY: dict[str, QueryField] = {}


def field_register(field: QueryField) -> None:
    """Add a field to the builder (another app's new coded field plugs in with one call)."""
    _REGISTRY[field.name] = field


def field_get(name: str) -> QueryField | None:
    return _REGISTRY.get(name)


def fields_for(*, national: bool) -> list[QueryField]:
    return [f for f in _REGISTRY.values() if f.national or not national]


for _field in (
    QueryField("kind", "Report kind", "kind", _taxonomy("report_kind")),
    QueryField("incident_type", "Incident type", "incident_type", _taxonomy("incident_type")),
    QueryField("service_area", "Service area", "service_area", _taxonomy("service_area")),
    QueryField("outcome", "Outcome", "outcome", _taxonomy("outcome")),
    QueryField(
        "contributory_factors",
        "Contributory factor",
        "contributory_factors",
        _taxonomy("contributory_factor"),
        many=True,
        hint="A report with several factors counts once under each",
    ),
    QueryField("recovery_factor", "What caught it", "recovery_factor", _taxonomy("recovery_factor")),
    QueryField("agencies_involved", "Agency involved", "agencies_involved", _taxonomy("agency_involved"), many=True),
    QueryField("status", "Status", "status", _statuses),
    QueryField("risk_band", "Risk grade", "assessment__risk_band", _risk_bands, national=False),
    QueryField("location_type", "Setting type", "location_type", _model_choices(about.SettingType.choices)),
    QueryField("physical_harm", "Physical harm", "physical_harm", _model_choices(about.PhysicalHarm.choices)),
    QueryField(
        "psychological_harm",
        "Psychological harm",
        "psychological_harm",
        _model_choices(about.PsychologicalHarm.choices),
    ),
    QueryField(
        "child_age_band",
        "Child's age band",
        "children__age_band",
        _model_choices(about.AgeBand.choices),
        hint="A report about several children counts once under each child's answer",
    ),
    QueryField("child_sex", "Child's sex", "children__sex", _model_choices(about.Sex.choices)),
    QueryField(
        "child_legal_status", "Legal status", "children__legal_status", _model_choices(about.LegalStatus.choices)
    ),
    QueryField(
        "child_disability", "Child's disability", "children__disability", _model_choices(about.YesNoNotKnown.choices)
    ),
    QueryField(
        "child_ethnic_group",
        "Child's ethnic group",
        "children__ethnicity",
        lambda: [*about.ETHNIC_GROUPS.items(), ("not_known", "Not known")],
        group=lambda code: about.ethnic_group(code) or ("not_known" if code == "not_known" else ""),
        hint="The Office for National Statistics' five high-level groups",
    ),
    QueryField(
        "child_ethnicity",
        "Child's ethnicity (detailed)",
        "children__ethnicity",
        _model_choices(about.Ethnicity.choices),
        national=False,
    ),
):
    field_register(_field)
