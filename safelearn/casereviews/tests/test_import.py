from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from safelearn.casereviews.models import CaseReview, CodeSource, Finding, FindingCode, Recommendation
from safelearn.casereviews.services import reviews_import

HEADER = ["review_title", "area", "year", "kind", "summary", "finding", "recommendation", "contributory_factors"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


ROWS = [
    [
        "Child X",
        "Testshire",
        "2020",
        "SCR",
        "",
        "Information from the GP was not shared with the social worker.",
        "Share GP information",
        "communication_information_sharing",
    ],
    ["Child X", "Testshire", "2020", "SCR", "", "The child was not seen alone on visits.", "", "Voice of the child"],
    ["Child X", "Testshire", "twenty", "SCR", "", "A finding with a bad year.", "", ""],
    ["Child Y", "Testshire", "2021", "inquiry", "", "A finding with an unknown kind.", "", ""],
    ["Child Y", "Testshire", "2021", "lcspr", "", "", "", ""],
    ["Child Y", "Testshire", "2021", "lcspr", "", "Drift in planning.", "", "not_a_factor"],
    ["Child Y", "Testshire", "2021", "lcspr", "", "Drift: the plan did not change over a year.", "", ""],
]


def test_good_rows_load_and_bad_rows_are_reported_with_line_numbers(db: Any, tmp_path: Path) -> None:
    result = reviews_import(path=write_csv(tmp_path / "f.csv", ROWS))
    assert result.rows == 7 and result.good_rows == 3
    assert {e.line for e in result.errors} == {4, 5, 6, 7}
    messages = {e.line: e.message for e in result.errors}
    assert "twenty" in messages[4]
    assert "kind" in messages[5]
    assert "finding" in messages[6]
    assert "not_a_factor" in messages[7]
    assert CaseReview.objects.count() == 2
    assert Finding.objects.count() == 3
    assert Recommendation.objects.count() == 1
    x = CaseReview.objects.get(title="Child X")
    assert x.kind == "serious_case_review"
    # Codes given in the file are kept as from the import; labels map to ids.
    imported = set(FindingCode.objects.filter(source=CodeSource.IMPORT).values_list("code", flat=True))
    assert imported == {"communication_information_sharing", "voice_of_child"}


def test_dry_run_writes_nothing_and_rerun_adds_nothing(db: Any, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "f.csv", ROWS)
    dry = reviews_import(path=path, dry_run=True)
    assert dry.findings_created == 3 and dry.reviews_created == 2 and len(dry.errors) == 4
    assert CaseReview.objects.count() == 0 and Finding.objects.count() == 0
    reviews_import(path=path)
    counts = (
        CaseReview.objects.count(),
        Finding.objects.count(),
        Recommendation.objects.count(),
        FindingCode.objects.count(),
    )
    again = reviews_import(path=path)
    assert again.findings_created == 0 and again.findings_existing == 3 and again.reviews_created == 0
    assert (
        CaseReview.objects.count(),
        Finding.objects.count(),
        Recommendation.objects.count(),
        FindingCode.objects.count(),
    ) == counts


@pytest.mark.slow
def test_command_loads_200_generated_findings_from_json_lines(db: Any, tmp_path: Path, capsys: Any) -> None:
    themes = [
        "information not shared with the school",
        "the child was not seen alone",
        "drift in the plan",
        "disguised compliance by the parents",
        "the child was not brought to health appointments",
    ]
    path = tmp_path / "findings.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(200):
            fh.write(
                json.dumps(
                    {
                        "title": f"Review {i // 5}",
                        "area": "Genshire",
                        "year": 2000 + i % 25,
                        "kind": "learning review",
                        "finding": f"Finding {i}: {themes[i % 5]} in household {i}.",
                    }
                )
                + "\n"
            )
        fh.write("{not json\n")
        fh.write(json.dumps({"title": "Review bad", "area": "", "year": 2020, "kind": "scr", "finding": "x"}) + "\n")
    call_command("reviews", "import", str(path))
    out, err = capsys.readouterr()
    assert "202 rows read, 200 good, 2 bad" in out
    assert "line 201: not valid JSON" in err and "line 202: area" in err
    assert Finding.objects.count() == 200
    # every new finding got engine suggestions with a model version and score
    assert FindingCode.objects.filter(source=CodeSource.MODEL).values("finding").distinct().count() == 200
    call_command("reviews", "import", str(path))
    assert Finding.objects.count() == 200


def test_mapping_file_renames_columns_and_codes(db: Any, tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_text(
        "Name,Published,Type,LA,Learning point,Themes\n"
        "Child Z,2019,CSPR,Moorshire,Nobody asked who lived in the home.,Curiosity\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "map.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {
                    "Name": "review_title",
                    "Published": "year",
                    "Type": "kind",
                    "LA": "area",
                    "Learning point": "finding",
                    "Themes": "contributory_factor",
                },
                "codes": {"contributory_factor": {"Curiosity": "professional_curiosity"}},
            }
        ),
        encoding="utf-8",
    )
    result = reviews_import(path=path, mapping_path=mapping)
    assert not result.errors
    finding = Finding.objects.get()
    assert finding.review.kind == "lcspr"
    assert finding.codes.filter(source=CodeSource.IMPORT, code="professional_curiosity").exists()
