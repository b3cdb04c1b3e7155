"""Bulk import of where it happened and the children's details (issue 17): mapping, codes and clear problems."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from safelearn.imports.mapping import MappingError, load_mapping
from safelearn.imports.services import import_rows, read_rows
from safelearn.reporting.models import ChildDetails, Location, Report

pytestmark = pytest.mark.django_db

MAPPING = """
source: oldsys
id_column: Ref
columns:
  what_happened: Narrative
  location: Home
  location_type: Kind
  child_age_band: {column: Ages, separator: "|"}
  child_legal_status: {column: Status, separator: "|"}
  child_sex: {column: Sex, separator: "|"}
codes:
  location: {"Oak Hse": Oak House}
  location_type: {Online: online, Home visit: childs_home}
  child_legal_status: {LAC: looked_after, CIN: child_in_need}
defaults: {mode: anonymous, kind: incident}
"""
COLUMNS = ["Ref", "Narrative", "Home", "Kind", "Ages", "Status", "Sex"]


def _run(org: Any, rows: list[dict[str, str]]) -> Any:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows([{c: row.get(c, "") for c in COLUMNS} for row in rows])
    return import_rows(
        organisation=org, rows=read_rows(out.getvalue().encode(), "x.csv"), mapping=load_mapping(MAPPING)
    )


def test_import_maps_locations_types_and_several_children(org: Any, other_org: Any) -> None:
    oak = Location.objects.create(organisation=org, name="Oak House", setting_type="childrens_home")
    Location.objects.create(organisation=other_org, name="Westmoor Lodge", setting_type="secure_home")
    result = _run(
        org,
        [
            {"Ref": "1", "Narrative": "Missed handover.", "Home": "oak hse", "Ages": "13-15|5-9", "Status": "LAC|CIN"},
            {"Ref": "2", "Narrative": "Chat at night.", "Kind": "Online", "Ages": "16-17", "Sex": "Female"},
            {"Ref": "3", "Narrative": "Lodge visit.", "Home": "Westmoor Lodge"},
            {"Ref": "4", "Narrative": "Bad codes.", "Kind": "Castle", "Ages": "twelve", "Status": "LAC|Adopted"},
        ],
    )
    assert result.imported == 2
    first = Report.objects.get(reference__endswith="00001")
    assert first.location == oak and first.location_type == "childrens_home"
    assert list(first.children.values_list("position", "age_band", "legal_status")) == [
        (1, "13-15", "looked_after"),
        (2, "5-9", "child_in_need"),
    ]
    second = Report.objects.exclude(pk=first.pk).get()
    assert second.location is None and second.location_type == "online"
    assert list(second.children.values_list("age_band", "sex")) == [("16-17", "female")]
    bad = {row.source_id: row.errors for row in result.bad}
    # Another organisation's location is simply not on this organisation's list.
    assert "'Westmoor Lodge' is not on your organisation's Locations list" in bad["3"]["location"][0]
    assert "'Castle' is not a setting type" in bad["4"]["location_type"][0]
    assert "'twelve' is not a valid age band" in bad["4"]["child_age_band"][0]
    assert "'adopted' is not a valid legal status" in bad["4"]["child_legal_status"][0]
    assert ChildDetails.objects.count() == 3


def test_a_mapping_naming_an_unknown_child_field_is_refused() -> None:
    with pytest.raises(MappingError) as exc:
        load_mapping("source: s\nid_column: Ref\ncolumns: {what_happened: N, child_shoe_size: S}\n")
    assert "unknown SafeLearn field 'child_shoe_size'" in str(exc.value)
    assert "child_legal_status" in str(exc.value)


def test_the_example_mapping_and_export_import_where_and_children(org: Any, tmp_path: Any) -> None:
    """examples/legacy_mapping.yaml with rows from examples/make_legacy_csv.py: settings and children come in."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    spec = importlib.util.spec_from_file_location("make_legacy_csv", root / "examples" / "make_legacy_csv.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.rows(40, 0)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    mapping = load_mapping((root / "examples" / "legacy_mapping.yaml").read_text())
    result = import_rows(organisation=org, rows=read_rows(out.getvalue().encode(), "x.csv"), mapping=mapping)
    assert result.imported == 40, [b.errors for b in result.bad]
    assert Report.objects.exclude(location_type="").count() == 40
    assert ChildDetails.objects.exclude(legal_status="").count() == ChildDetails.objects.count() > 0
