from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from safelearn.learning.cli import suggest_jsonl
from safelearn.learning.engine.persistence import (
    ModelArtefact,
    current_path,
    load_artefact,
    promote,
    read_metadata,
    save_artefact,
    should_promote,
)
from safelearn.learning.tests.helpers import seed_model


def test_save_load_roundtrip(tmp_path: Path) -> None:
    art = ModelArtefact(
        model=seed_model(),
        version="v1",
        trained_at="2026-11-26T00:00:00+00:00",
        n_examples=10,
        fields=["incident_type"],
        scores={"incident_type": 0.7},
    )
    path = save_artefact(art, tmp_path)
    meta = read_metadata(path)
    assert meta["version"] == "v1" and meta["scores"] == {"incident_type": 0.7}
    with path.open("rb") as fh:
        assert json.loads(fh.readline())["n_examples"] == 10
    loaded = load_artefact(path)
    text = "The carer gave the wrong tablets."
    assert loaded.model.suggest(text).incident_type == seed_model().suggest(text).incident_type
    assert current_path(tmp_path) is None
    promote(path, tmp_path)
    assert current_path(tmp_path) == path


def test_should_promote() -> None:
    assert should_promote({"a": 0.6}, None)
    assert should_promote({"a": 0.7, "b": 0.5}, {"a": 0.6, "b": 0.5})
    assert not should_promote({"a": 0.6}, {"a": 0.6})
    assert not should_promote({"a": 0.5}, {"a": 0.6})
    assert not should_promote({"a": 0.9, "b": 0.3}, {"a": 0.5, "b": 0.5})  # big loss on one field
    assert not should_promote({}, {"a": 0.1})


def test_suggest_jsonl_stream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFELEARN_MODEL_DIR", str(tmp_path / "models"))
    stdin = io.StringIO(
        '{"id": "r1", "text": "The child went missing from the home."}\n'
        "this is not json\n"
        '{"id": "r2"}\n'
        '["a list"]\n'
        "\n"
        '{"id": 3, "text": "Contact was unsupervised when it should have been supervised."}\n'
    )
    out = io.StringIO()
    assert suggest_jsonl(stdin, out) == 0
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert len(lines) == 5
    assert lines[0]["id"] == "r1" and lines[0]["incident_type"] == "child_missing"
    for key in ("outcome", "service_area", "contributory_factors", "immediate_risk", "confidence", "recovery_factor"):
        assert key in lines[0]
    assert "error" in lines[1] and "error" in lines[2] and lines[2]["id"] == "r2" and "error" in lines[3]
    assert lines[4]["id"] == 3 and lines[4]["incident_type"] == "contact_arrangement_error"
    assert (tmp_path / "models" / "seed-model.model").exists()  # cached for fast start-up
