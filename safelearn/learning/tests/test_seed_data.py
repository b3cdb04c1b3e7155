"""The engine's packaged data files: the seed reports are exactly what the generator writes, and the keyword
lexicon names only real codes of its fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safelearn.learning.engine.data import LEXICON_PATH, SEED_PATH, keyword_lexicon, load_lexicon, load_seed_records
from safelearn.learning.engine.taxonomy import FIELD_SECTIONS, field_ids, lexicon_for

REPO = Path(__file__).resolve().parents[3]


def test_committed_seeds_are_exactly_what_the_generator_writes() -> None:
    """Nobody hand-edits seed_examples.jsonl: regenerating it from tools/seedgen gives the committed bytes."""
    if not (REPO / "tools" / "seedgen" / "compose.py").is_file():
        pytest.skip("tools/seedgen is not here (an installed package, not a clone)")
    from tools.seedgen.compose import compose, render

    records = compose()
    assert render(records) == SEED_PATH.read_text(encoding="utf-8")
    assert load_seed_records() == records


def test_seed_records_carry_text_and_labels() -> None:
    records = load_seed_records()
    assert len(records) > 100
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        assert r["text"].strip()
        assert set(r["labels"]) >= {"incident_type", "service_area", "outcome", "immediate_risk"}


def test_every_lexicon_code_is_a_code_of_its_field() -> None:
    lexicon = keyword_lexicon()
    assert set(lexicon) <= set(FIELD_SECTIONS)
    for field, codes in lexicon.items():
        assert codes, field
        assert set(codes) <= set(field_ids(field)), field
    assert "not passed on" in lexicon_for("incident_type")["information_not_shared"]
    assert lexicon_for("no_such_field") == {}


@pytest.mark.parametrize(
    "content",
    [
        "[]",
        '{"outcome": ["near miss"]}',
        '{"outcome": {"near_miss": "near miss"}}',
        '{"outcome": {"near_miss": ["near miss", ""]}}',
        '{"outcome": {"near_miss": [3]}}',
    ],
)
def test_a_malformed_lexicon_fails_at_load(tmp_path: Path, content: str) -> None:
    path = tmp_path / "lexicon.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError):
        load_lexicon(path)


def test_the_packaged_lexicon_loads_as_written() -> None:
    assert load_lexicon() == json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
