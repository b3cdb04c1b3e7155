"""Issue 21: taxonomy labels are translated when shown, never by changing the ids in taxonomy.yaml."""

from __future__ import annotations

from django.utils import translation

from safelearn.core.taxonomy import LIST_SECTIONS, get_taxonomy
from safelearn.core.taxonomy_labels import LABELS, translated_choices


def test_every_taxonomy_label_is_marked_for_translation() -> None:
    """A label added or reworded in taxonomy.yaml must be added to taxonomy_labels.py (and given Welsh)."""
    labels = {code.label for section in LIST_SECTIONS for code in get_taxonomy().codes(section)}
    assert labels == set(LABELS)


def test_translated_choices_keep_the_ids_and_speak_welsh() -> None:
    english = get_taxonomy().choices("contributory_factor")
    with translation.override("cy"):
        welsh = [(code_id, str(label)) for code_id, label in translated_choices("contributory_factor")]
    assert [code_id for code_id, _ in welsh] == [code_id for code_id, _ in english]
    assert dict(welsh)["voice_of_child"] == "Llais y plentyn"
    with translation.override("en-gb"):
        assert dict(translated_choices("outcome"))["near_miss"] == "Near miss"
