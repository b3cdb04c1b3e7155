"""Issue 21: reports written in Welsh are de-identified too (names, places, addresses, mutated forms)."""

from __future__ import annotations

import pytest

from safelearn.privacy.deid import redact
from safelearn.privacy.deid.welsh import WelshDetector, radicals

from .welsh_reports import KEPT_WORDS, REPORTS, gold_spans


def _covered(text: str, spans: list[tuple[int, int]], start: int, end: int) -> float:
    wanted = {i for i in range(start, end) if not text[i].isspace()}
    got = {i for a, b in spans for i in range(a, b)}
    return len(wanted & got) / len(wanted)


@pytest.mark.parametrize("index", range(len(REPORTS)))
def test_every_personal_detail_in_a_welsh_report_is_removed(index: int) -> None:
    text, items = REPORTS[index]
    found = [(s.start, s.end) for s in redact(text).spans]
    missed = [text[g.start : g.end] for g in gold_spans(text, items) if _covered(text, found, g.start, g.end) < 0.9]
    assert not missed, f"report {index}: {missed} left in {redact(text).redacted_text!r}"


def test_welsh_recall_and_precision_over_the_fixture() -> None:
    """Entity recall (>= 90% of an entity's characters covered) and character precision, as bench/deid.py."""
    caught = total = kept_chars = redacted_chars = 0
    for text, items in REPORTS:
        spans = redact(text).spans
        found = [(s.start, s.end) for s in spans]
        gold = gold_spans(text, items)
        total += len(gold)
        caught += sum(_covered(text, found, g.start, g.end) >= 0.9 for g in gold)
        gold_chars = {i for g in gold for i in range(g.start, g.end)}
        for s in spans:
            for i in range(s.start, s.end):
                if not text[i].isspace():
                    redacted_chars += 1
                    kept_chars += i in gold_chars
    assert caught / total == 1.0
    assert kept_chars / redacted_chars >= 0.95


def test_ordinary_welsh_words_stay() -> None:
    text = (
        "Ddydd Llun, dywedodd Mam fod y gweithiwr cymdeithasol yn siarad Gymraeg. Mae Nain yn byw yng Nghymru. "
        "Nodyn: Dim niwed. Mae'r plentyn yn hapus yn yr ysgol ac mae'r ffordd o fyw yn iawn."
    )
    assert redact(text).spans == ()
    for text, _items in REPORTS:
        redacted = redact(text).redacted_text
        for word in KEPT_WORDS:
            if word in text:
                assert word in redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aeth hi i Fangor.", "Fangor"),  # soft mutation of Bangor
        ("Mae'n byw ym Mhorthmadog.", "Mhorthmadog"),  # nasal mutation of Porthmadog
        ("Roedd yng Nghaerdydd ddoe.", "Nghaerdydd"),  # nasal mutation of Caerdydd
        ("Siaradais â Gareth a Chari.", "Gareth"),
        ("Rhoddais y llythyr i Ddafydd.", "Ddafydd"),  # soft mutation of Dafydd
        ("Symudodd i 5 Cilgant y Dderwen.", "5 Cilgant y Dderwen"),
        ("The family moved to Llanelli last year.", "Llanelli"),  # Welsh place names in English reports too
    ],
)
def test_mutated_names_and_places(text: str, expected: str) -> None:
    spans = WelshDetector().detect(text)
    assert expected in [text[s.start : s.end] for s in spans]


def test_radicals_undo_mutations() -> None:
    assert "bethan" in radicals("Fethan")
    assert "caernarfon" in radicals("Nghaernarfon")
    assert "pen-y-groes" in radicals("Mhen-y-groes")
    assert "gareth" in radicals("Areth")


def test_english_words_that_look_welsh_are_not_places() -> None:
    text = "Penny and Daniel met Rosie at the Pentecost service; Trevor said the treatment was fine."
    assert [s for s in WelshDetector().detect(text) if s.label == "ADDRESS"] == []
