"""The learned half of the immediate-risk screen, with the real packaged data and the real engine."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import numpy as np
import pytest

from safelearn.learning.engine import risk_model
from safelearn.learning.engine.risk import assess_immediate_risk, rule_score
from safelearn.learning.engine.risk_model import (
    DATA_DIR,
    SETS,
    THRESHOLD,
    RiskDataError,
    load_examples,
    shipped_model,
    train,
)

# Written for these tests (not in any training set): a child at risk now, in words no alarm list has.
AT_RISK_NO_ALARM_WORDS = [
    "Nan says the man from the bookies is minding the twins again tonight while she does her shift. He is the "
    "one the last social worker told her to keep away from them.",
    "He turned up at the school gate asking for Rosie by her old name. She was adopted three years ago. The "
    "office let him wait in reception and she finishes at 3.",
    "Mum's new partner has started collecting Lily from school. He served time for what he did to his last "
    "girlfriend's daughter. Lily is staying at his flat this weekend while mum works nights.",
    "i saved all my tablets up and after tonight i wont be a problem for anyone. dont tell my mum",
    "The account she gave of the marks on the baby's arms kept changing, and they are taking him home with "
    "dad at four. I have left two messages with the duty team and no one has come back to me.",
    "Jayden keeps getting dropped off by different older lads in nice cars, he has new trainers every week and "
    "he has not been home since Tuesday. His phone goes straight to voicemail.",
]
# Clearly dealt with: the same topics, with what was done and the child safe.
DEALT_WITH = [
    "Last spring a man messaged our daughter through a game. We reported it, he was arrested and charged, and "
    "she has had support since; she is doing well.",
    "The letter went to the old address. We noticed the next morning, rang the family, and the worker visited "
    "the same day; the children were seen and are safe.",
    "The evening medication was given forty minutes late. The young person was fine, the GP was told and the "
    "rota now has a reminder.",
]


@pytest.fixture(autouse=True)
def _use_the_shipped_threshold() -> None:
    assert 0.0 < THRESHOLD < 1.0


def test_every_packaged_training_set_is_there_with_both_labels() -> None:
    # A missing or emptied file must fail here (and at first use), never train a smaller model quietly.
    examples = load_examples()
    for name in SETS:
        rows = [e for e in examples if e.source == name]
        assert (DATA_DIR / f"{name}.jsonl").is_file()
        assert len(rows) >= 20 and {e.label for e in rows} == {True, False}, name
    assert len({(e.source, e.id) for e in examples}) == len(examples), "ids are unique within each set"


def test_a_missing_data_file_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "dev.jsonl").write_text(json.dumps({"id": "a", "text": "x", "immediate_risk": True}) + "\n")
    with pytest.raises(RiskDataError, match="missing"):
        load_examples(tmp_path, sets=("dev", "w1"))
    with pytest.raises(RiskDataError, match="both labels"):
        load_examples(tmp_path, sets=("dev",))
    (tmp_path / "bad.jsonl").write_text('{"id": "b", "text": "y"}\n')
    with pytest.raises(RiskDataError, match=r"bad\.jsonl:1"):
        load_examples(tmp_path, sets=("bad",))


def test_first_use_raises_when_the_data_is_gone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(risk_model, "_shipped", None)
    monkeypatch.setattr(risk_model, "DATA_DIR", tmp_path)
    with pytest.raises(RiskDataError):
        assess_immediate_risk("The review was moved to Thursday.")


def test_training_is_deterministic() -> None:
    # Every third packaged example: the same training code at a third of the cost (two full fits took 16 s).
    examples = load_examples()[::3]
    a, b = train(examples), train(examples)
    assert a.fingerprint == b.fingerprint
    assert np.array_equal(a.clf.coef_, b.clf.coef_)
    texts = [*AT_RISK_NO_ALARM_WORDS, *DEALT_WITH]
    assert a.probabilities(texts) == b.probabilities(texts)


#: A known miss at the shipped threshold (0.90, bench/RESULTS.md fifth pass): the model gives it 0.66 and the
#: rules read "adopted three years ago" as history. Kept so the day it is caught, this test says so.
KNOWN_MISS = AT_RISK_NO_ALARM_WORDS[1]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(t, marks=pytest.mark.xfail(strict=True, reason="known miss at the shipped threshold"))
        if t == KNOWN_MISS
        else t
        for t in AT_RISK_NO_ALARM_WORDS
    ],
)
def test_at_risk_reports_with_no_alarm_words_are_flagged(text: str) -> None:
    result = assess_immediate_risk(text, answered_yes=False)
    assert result.at_risk, result.reasons


@pytest.mark.parametrize("text", DEALT_WITH)
def test_reports_dealt_with_are_not_flagged(text: str) -> None:
    result = assess_immediate_risk(text)
    assert not result.at_risk, result.reasons


def test_a_model_flag_names_the_words_of_this_report() -> None:
    text = AT_RISK_NO_ALARM_WORDS[0]
    assert rule_score(text)[0] < 0.5, "the rules alone miss it: the model carries this flag"
    result = assess_immediate_risk(text)
    reason = next(r for r in result.reasons if r.startswith("model ("))
    phrases = re.findall(r"'([^']+)'", reason)
    assert phrases, reason
    lower = text.lower().replace("\u2019", "'")
    for phrase in phrases:
        assert all(word in lower for word in phrase.split()), (phrase, text)
    assert all(p not in {"is", "the", "has", "he", "her"} for p in phrases), "function words alone are no reason"


def test_a_dealt_with_report_gets_no_model_reason() -> None:
    assert not any(r.startswith("model (") for r in assess_immediate_risk(DEALT_WITH[1]).reasons)


def test_the_shipped_model_is_trained_once_per_process() -> None:
    assert shipped_model() is shipped_model()


def test_suggest_jsonl_reports_the_same_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    from safelearn.learning import cli
    from safelearn.learning.tests.helpers import seed_model

    monkeypatch.setattr(cli, "load_suggester", lambda path=None: seed_model())
    texts = [AT_RISK_NO_ALARM_WORDS[0], DEALT_WITH[2]]
    out = io.StringIO()
    cli.suggest_jsonl(io.StringIO("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))), out)
    got = [json.loads(line)["immediate_risk"] for line in out.getvalue().splitlines()]
    assert got == [assess_immediate_risk(t).at_risk for t in texts] == [True, False]


def test_time_is_linear_on_huge_input() -> None:
    model = shipped_model()
    unit = "The visit was late because the car would not start. Nobody was hurt. "
    small, big = unit * 280, unit * 2800  # about 20,000 and 200,000 characters
    started = time.perf_counter()
    model.probability(small)
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    model.probability(big)
    model.top_phrases(big)
    t_big = time.perf_counter() - started
    assert t_big < 2.0
    assert t_big < 10 * t_small + 0.2  # the text is capped at MAX_CHARS before vectorising


COMPLAINT = "My social worker did not come to see me when she said she would."


def test_a_complaint_with_no_child_in_danger_is_not_flagged() -> None:
    assert not assess_immediate_risk(COMPLAINT).at_risk


def test_a_model_only_flag_does_not_change_what_an_unsure_reporter_reads() -> None:
    from safelearn.reporting.risk import assess_immediate_risk as screen

    assert not assess_immediate_risk(COMPLAINT).rules_flag
    unsure = screen(COMPLAINT, answer="not_sure")
    assert unsure.at_risk and not unsure.text_alone, "alert raised, calm words kept"
    danger = screen("She says she will kill herself tonight and has the tablets ready.", answer="not_sure")
    assert danger.text_alone
