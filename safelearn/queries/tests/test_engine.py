"""The builder's counts: equal to direct ORM counts, scoped, suppressed nationally, 'not recorded' kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.privacy.selectors import deidentified_pool
from safelearn.queries.access import query_scope_for
from safelearn.queries.definition import QueryDefinition, definition_validate
from safelearn.queries.engine import query_run
from safelearn.queries.fields import NOT_RECORDED, fields_for
from safelearn.reporting.models import Report, ReportStatus

pytestmark = pytest.mark.django_db

TYPES = ("missed_visit_or_contact", "medication_error", "missed_visit_or_contact", "medication_error", "")
AREAS = ("child_protection", "child_protection", "looked_after", "looked_after", "looked_after")


def _cell(result: Any, row: str, column: str = "") -> Any:
    i = result.row_codes.index(row)
    j = result.column_codes.index(column) if column else 0
    return result.cells[i][j]


def test_safety_lead_counts_equal_direct_orm_counts(
    people: dict[str, User], org: Any, other_org: Any, report: Callable[..., Any]
) -> None:
    for incident_type, area in zip(TYPES * 3, AREAS * 3, strict=True):
        report(incident_type=incident_type, service_area=area)
    report(organisation=other_org, incident_type="medication_error", service_area="looked_after")
    withdrawn = report(incident_type="medication_error", service_area="looked_after")
    Report.objects.filter(pk=withdrawn.pk).update(status=ReportStatus.WITHDRAWN)

    scope = query_scope_for(people["reviewer"])
    assert not scope.national and scope.organisation == org
    result = query_run(
        QueryDefinition(rows="incident_type", columns="service_area", period="all"),
        scope=scope,
        actor=people["reviewer"],
    )
    own = Report.objects.filter(organisation=org).exclude(status=ReportStatus.WITHDRAWN)
    for code in ("missed_visit_or_contact", "medication_error"):
        for area in ("child_protection", "looked_after"):
            assert _cell(result, code, area) == own.filter(incident_type=code, service_area=area).count()
    assert _cell(result, NOT_RECORDED, "looked_after") == own.filter(incident_type="").count() == 3
    assert result.grand_total == own.count() == 15  # never the other organisation's, never the withdrawn one
    assert result.row_labels[-1] == "Not recorded"
    assert "[c]" not in str(result.table())  # an organisation's own view is not suppressed


def test_national_counts_only_approved_copies_and_suppresses_small_numbers(
    people: dict[str, User], org: Any, other_org: Any, report: Callable[..., Any]
) -> None:
    for _ in range(6):
        report(approve=True, incident_type="missed_visit_or_contact")
    for _ in range(2):
        report(organisation=other_org, approve=True, incident_type="medication_error")
    for _ in range(4):
        report(approve=False, incident_type="medication_error")  # not approved: never counted nationally

    scope = query_scope_for(people["analyst"])
    assert scope.national
    result = query_run(QueryDefinition(rows="incident_type", period="all"), scope=scope, actor=people["analyst"])
    pool = deidentified_pool()
    assert pool.filter(report__incident_type="missed_visit_or_contact").count() == 6
    assert result.counts[result.row_codes.index("missed_visit_or_contact")][0] == 6
    assert (
        result.counts[result.row_codes.index("medication_error")][0]
        == pool.filter(report__incident_type="medication_error").count()
        == 2
    )
    assert _cell(result, "medication_error") is None  # 2 < 5: shown as [c]
    table = dict((row[0], row[1]) for row in result.table())
    assert table["Medication error"] == "[c]"
    # The total would give the hidden 2 away (8 - 6): so something else is hidden too.
    assert "[c]" in (table["Total"], table["Missed visit or contact"])
    assert result.any_suppressed
    assert "[c]" in str(result.chart())


def test_children_legal_status_by_setting_type(people: dict[str, User], report: Callable[..., Any]) -> None:
    report(
        location_type="childrens_home",
        children=({"legal_status": "looked_after"}, {"legal_status": "child_in_need"}),
    )
    report(
        location_type="childrens_home", children=({"legal_status": "looked_after"}, {"legal_status": "looked_after"})
    )
    report(location_type="school")  # no child details at all: "Not recorded"
    report(children=({"legal_status": ""},))  # a child whose status was not recorded, and no setting type

    scope = query_scope_for(people["reviewer"])
    result = query_run(
        QueryDefinition(rows="child_legal_status", columns="location_type", period="all"),
        scope=scope,
        actor=people["reviewer"],
    )
    # Each report counts once per legal status among its children (two looked-after children: once).
    assert _cell(result, "looked_after", "childrens_home") == 2
    assert _cell(result, "child_in_need", "childrens_home") == 1
    assert _cell(result, NOT_RECORDED, "school") == 1
    assert _cell(result, NOT_RECORDED, NOT_RECORDED) == 1
    assert result.column_labels[-1] == "Not recorded"
    assert any("counts once under each" in note for note in result.notes)


def test_filters_on_lists_children_and_not_recorded(people: dict[str, User], report: Callable[..., Any]) -> None:
    report(contributory_factors=["communication_information_sharing", "workload_and_staffing"])
    report(contributory_factors=["workload_and_staffing"], children=({"sex": "female"},))
    report(contributory_factors=[], children=({"sex": "male"},))
    scope = query_scope_for(people["reviewer"])

    def total(**filters: tuple[str, ...]) -> Any:
        definition = QueryDefinition(rows="outcome", filters=filters, period="all")
        return query_run(definition, scope=scope, actor=people["reviewer"]).grand_total

    assert total(contributory_factors=("workload_and_staffing",)) == 2
    assert total(contributory_factors=(NOT_RECORDED,)) == 1
    assert total(child_sex=("female",)) == 1
    assert total(child_sex=(NOT_RECORDED,)) == 1  # the report with no child details
    assert total(child_sex=("female", "male")) == 2
    # Factors as a dimension: a report counts once under each of its factors.
    result = query_run(
        QueryDefinition(rows="contributory_factors", period="all"), scope=scope, actor=people["reviewer"]
    )
    assert _cell(result, "workload_and_staffing") == 2
    assert _cell(result, "communication_information_sharing") == 1
    assert _cell(result, NOT_RECORDED) == 1


def test_free_text_is_own_organisation_only_and_audited(
    people: dict[str, User], other_org: Any, report: Callable[..., Any]
) -> None:
    report(what_happened="The night rota at the home had a gap and nobody visited.")
    report(what_happened="A medication chart was missing at handover.")
    report(organisation=other_org, what_happened="The night rota had a gap too.")
    scope = query_scope_for(people["reviewer"])
    result = query_run(
        QueryDefinition(rows="outcome", text="NIGHT rota", period="all"), scope=scope, actor=people["reviewer"]
    )
    assert result.grand_total == 1
    event = AuditEvent.objects.filter(verb="query.text_searched").get()
    assert event.payload["reports_searched"] == 2 and "rota" not in str(event.payload)
    with pytest.raises(ValidationError) as raised:
        definition_validate(QueryDefinition(rows="outcome", text="rota"), national=True)
    assert "only for your own organisation" in str(raised.value)


def test_who_may_query(people: dict[str, User]) -> None:
    for name in ("reporter", "org_admin", "no_role"):
        with pytest.raises(PermissionDenied):
            query_scope_for(people[name])
    assert query_scope_for(people["other_reviewer"]).organisation.slug == "westmoor"


def test_national_fields_leave_out_organisation_only_ones() -> None:
    national = {f.name for f in fields_for(national=True)}
    local = {f.name for f in fields_for(national=False)}
    assert {"child_legal_status", "location_type", "incident_type"} <= national
    assert {"risk_band", "child_ethnicity"} <= local - national
    with pytest.raises(ValidationError):
        definition_validate(QueryDefinition(rows="risk_band"), national=True)


@pytest.mark.parametrize(
    ("definition", "message"),
    [
        (QueryDefinition(rows="nonsense"), "no field called ‘nonsense’"),
        (QueryDefinition(rows="outcome", columns="outcome"), "different field"),
        (QueryDefinition(rows="outcome", filters={"bogus": ("x",)}), "no field called ‘bogus’ to filter on"),
        (QueryDefinition(rows="outcome", filters={"outcome": ("x",)}), "Choose outcome from the list"),
        (
            QueryDefinition(rows="outcome", period="between", date_from=_d(2026, 5, 2), date_to=_d(2026, 5, 1))
            if (_d := __import__("datetime").date)
            else None,
            "end date must be the same as or after",
        ),
    ],
)
def test_bad_definitions_are_refused_with_a_clear_message(definition: QueryDefinition, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        definition_validate(definition, national=False)
    assert message in str(raised.value)


def test_last_12_months_moves_with_the_day_it_runs() -> None:
    import datetime as dt

    definition = QueryDefinition(rows="outcome", period="last_12_months")
    assert definition.date_range(dt.date(2026, 12, 6)) == (dt.date(2026, 1, 1), dt.date(2026, 12, 6))
    assert definition.date_range(dt.date(2027, 3, 1)) == (dt.date(2026, 4, 1), dt.date(2027, 3, 1))
    assert QueryDefinition.from_json(definition.to_json()) == definition


def test_national_leaves_out_copies_held_back_below_k(people: dict[str, User], report: Callable[..., Any]) -> None:
    from safelearn.privacy.models import DeidentifiedCopy

    kept = report(approve=True, incident_type="medication_error")
    held = report(approve=True, incident_type="medication_error")
    DeidentifiedCopy.objects.filter(report=held).update(below_k=True, below_k_reason="")
    scope = query_scope_for(people["analyst"])
    result = query_run(QueryDefinition(rows="incident_type", period="all"), scope=scope, actor=people["analyst"])
    assert sum(row[0] for row in result.counts) == 1 == deidentified_pool().filter(report=kept).count()
