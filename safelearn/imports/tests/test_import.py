from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks

from safelearn.core.types import User
from safelearn.imports.mapping import MappingError, load_mapping
from safelearn.imports.models import BatchStatus, ImportBatch, ImportedRecord
from safelearn.imports.services import ImportResult, import_rows, read_rows
from safelearn.organisations.models import Organisation
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.reporting.models import Report

MAPPING = """
source: oldsys
id_column: Ref
columns:
  what_happened: Narrative
  occurred_on: {column: When, format: "%d/%m/%Y"}
  incident_type: Type
  contributory_factors: {column: Why, separator: "|"}
codes:
  incident_type: {Missed Visit: missed_visit_or_contact, Meds: medication_error}
  contributory_factors: {Staff: workload_and_staffing, IT: recording_and_systems}
defaults: {mode: anonymous, kind: incident}
"""


def csv_bytes(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["Ref", "Narrative", "When", "Type", "Why"])
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


GOOD = {
    "Ref": "A1",
    "Narrative": "Visit missed; Ms Quennell was off sick.",
    "When": "03/02/2024",
    "Type": "missed visit",
    "Why": "Staff|IT",
}
ROWS = [
    GOOD,
    {"Ref": "A2", "Narrative": "", "When": "04/02/2024", "Type": "Meds", "Why": ""},
    {"Ref": "A3", "Narrative": "Wrong dose given.", "When": "31/02/2024", "Type": "Meds", "Why": ""},
    {"Ref": "A4", "Narrative": "Something else.", "When": "05/02/2024", "Type": "Teleport", "Why": ""},
    {"Ref": "", "Narrative": "No id.", "When": "05/02/2024", "Type": "Meds", "Why": ""},
    {"Ref": "A6", "Narrative": "Dose was missed at school.", "When": "06/02/2024", "Type": "Meds", "Why": "Staff"},
]


def run(org: Organisation, rows: list[dict[str, str]] = ROWS, dry_run: bool = False) -> ImportResult:
    return import_rows(
        organisation=org, rows=read_rows(csv_bytes(rows), "x.csv"), mapping=load_mapping(MAPPING), dry_run=dry_run
    )


def test_good_rows_import_and_bad_rows_are_reported_by_line(org: Organisation) -> None:
    result = run(org)
    assert (result.total, result.imported) == (6, 2)
    assert {b.line: sorted(b.errors) for b in result.bad} == {
        3: ["what_happened"],
        4: ["occurred_on"],
        5: ["incident_type"],
        6: ["Ref"],
    }
    assert "Teleport" in result.bad[2].errors["incident_type"][0]
    report = ImportedRecord.objects.get(source_id="A1").report
    assert report.incident_type == "missed_visit_or_contact" and report.channel == "import"
    assert report.contributory_factors == ["workload_and_staffing", "recording_and_systems"]
    assert str(report.occurred_on) == "2024-02-03" and report.receipt_hash == ""


def test_dry_run_imports_nothing(org: Organisation) -> None:
    result = run(org, dry_run=True)
    assert result.imported == 2 and Report.objects.count() == 0


def test_rerun_is_idempotent(org: Organisation) -> None:
    run(org)
    again = run(org)
    assert again.imported == 0 and again.skipped_existing == 2 and Report.objects.count() == 2


def test_every_imported_narrative_is_deidentified(
    org: Organisation, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        run(org, rows=[GOOD])
    copy = DeidentifiedCopy.objects.get(report__import_record__source_id="A1")
    from safelearn.privacy.services import redaction_view

    assert "Quennell" not in redaction_view(copy=copy).preview


def test_json_lines_with_a_broken_line(org: Organisation) -> None:
    lines = [json.dumps(GOOD), "{not json", json.dumps({**GOOD, "Ref": "B2"})]
    result = import_rows(
        organisation=org, rows=read_rows("\n".join(lines).encode(), "x.jsonl"), mapping=load_mapping(MAPPING)
    )
    assert result.imported == 2 and result.bad[0].line == 2 and "JSON" in result.bad[0].errors["row"][0]


@pytest.mark.parametrize(
    "text,message",
    [
        ("source: x", "id_column"),
        ("- a list", "must be a mapping"),
        ("source: x\nid_column: y\ncolumns: {nope: z}", "unknown SafeLearn field"),
        (": : :", "not valid YAML"),
    ],
)
def test_bad_mapping_files_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(MappingError, match=message):
        load_mapping(text)


def test_command_prints_summary_and_bad_rows(
    org: Organisation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, mapping = tmp_path / "in.csv", tmp_path / "map.yaml"
    data.write_bytes(csv_bytes(ROWS))
    mapping.write_text(MAPPING)
    call_command("import", str(data), organisation="northbridge", mapping=str(mapping), dry_run=True)
    out = capsys.readouterr().out
    assert "6 rows: 2 would be imported" in out and "line 5 (id A4)" in out
    assert Report.objects.count() == 0


@pytest.fixture
def upload(client: Client, people: dict[str, User]) -> Callable[[bool], Any]:
    client.force_login(people["org_admin"])

    def post(dry_run: bool) -> Any:
        return client.post(
            reverse("imports:upload"),
            {
                "data_file": SimpleUploadedFile("old.csv", csv_bytes(ROWS)),
                "mapping_file": SimpleUploadedFile("map.yaml", MAPPING.encode()),
                "dry_run": "on" if dry_run else "",
            },
        )

    return post


def test_upload_page_runs_the_import_in_the_background(
    upload: Any, client: Client, org: Organisation, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(False)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and batch.status == BatchStatus.DONE
    assert batch.imported == 2 and len(batch.bad_rows) == 4 and batch.payload is None
    page = client.get(reverse("imports:batch", args=[batch.pk]))
    assert b"Teleport" in page.content and b"Rows with problems" in page.content


def test_upload_rejects_wrong_file_types(client: Client, people: dict[str, User]) -> None:
    client.force_login(people["org_admin"])
    response = client.post(
        reverse("imports:upload"),
        {"data_file": SimpleUploadedFile("old.exe", b"MZ"), "mapping_file": SimpleUploadedFile("m.yaml", b"x: 1")},
    )
    assert response.status_code == 400 and b"must be a .csv" in response.content


@pytest.mark.parametrize(
    "who,status", [("reporter", 403), ("reviewer", 403), ("other_reviewer", 403), ("analyst", 403), ("no_role", 403)]
)
def test_only_org_admins_import(client: Client, people: dict[str, User], who: str, status: int) -> None:
    client.force_login(people[who])
    assert client.get(reverse("imports:upload")).status_code == status


def test_other_organisations_batches_are_invisible(
    client: Client, people: dict[str, User], make_user: Callable[..., User], other_org: Organisation
) -> None:
    from safelearn.organisations.models import Role

    batch = ImportBatch.objects.create(organisation=other_org, source="s", filename="theirs.csv")
    client.force_login(people["org_admin"])
    assert client.get(reverse("imports:batch", args=[batch.pk])).status_code == 404
    assert client.get(reverse("imports:batch", args=[batch.pk])).content.find(b"theirs.csv") == -1
    other_admin = make_user("other-admin", Role.ORG_ADMIN, other_org)
    client.force_login(other_admin)
    assert client.get(reverse("imports:batch", args=[batch.pk])).status_code == 200


def test_signed_out_is_sent_to_sign_in(client: Client, db: None) -> None:
    response = client.get(reverse("imports:upload"))
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_a_broken_mapping_file_gets_plain_words_and_a_line_not_the_parsers_text() -> None:
    with pytest.raises(MappingError) as exc:
        load_mapping("source: x\nid_column: y\ncolumns:\n  what_happened: [Narrative\n")
    message = str(exc.value)
    assert "line 4" in message
    assert "expected" not in message and "flow sequence" not in message and "<unicode string>" not in message
