from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from safelearn.core.taxonomy import LIST_SECTIONS, TAXONOMY_PATH, get_taxonomy

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "taxonomy" / "children_services.yaml"


def test_every_section_loads_with_ids_and_labels() -> None:
    taxonomy = get_taxonomy()
    for section in LIST_SECTIONS:
        ids = taxonomy.ids(section)
        assert ids and len(ids) == len(set(ids)), section
        assert all(label for _, label in taxonomy.choices(section))
    assert taxonomy.code("statutory_notification", "lado_referral").get("deadline") == "1 working day"


@pytest.mark.parametrize(
    "score,band",
    [
        (1, "low"),
        (3, "low"),
        (4, "moderate"),
        (6, "moderate"),
        (8, "high"),
        (12, "high"),
        (15, "extreme"),
        (25, "extreme"),
    ],
)
def test_risk_bands(score: int, band: str) -> None:
    assert get_taxonomy().risk_matrix.band(score) == band


def test_unbanded_score_is_an_error() -> None:
    with pytest.raises(ValueError):
        get_taxonomy().risk_matrix.band(7)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/taxonomy is not beside this clone")
def test_project_copy_matches_reference_taxonomy() -> None:
    ours = yaml.safe_load(TAXONOMY_PATH.read_text())
    reference = yaml.safe_load(SHARED.read_text())
    for section in LIST_SECTIONS:
        assert [c["id"] for c in ours[section]] == [c["id"] for c in reference[section]], section
    assert ours["risk_matrix"] == reference["risk_matrix"]
    assert ours["version"] == reference["version"]
