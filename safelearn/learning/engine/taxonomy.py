"""The suggestion fields' codes (from core.taxonomy, the one loader) and their keyword lexicons (cold-start
priors for the suggestion model; the words are data, in ``learning/data/keyword_lexicon.json``)."""

from __future__ import annotations

from safelearn.core.taxonomy import get_taxonomy

from .data import keyword_lexicon

# Suggestion fields -> taxonomy section holding their ids.
FIELD_SECTIONS: dict[str, str] = {
    "incident_type": "incident_type",
    "service_area": "service_area",
    "outcome": "outcome",
    "contributory_factors": "contributory_factor",
    "recovery_factor": "recovery_factor",
}
MULTI_LABEL_FIELDS = frozenset({"contributory_factors"})


def field_ids(field: str) -> list[str]:
    return get_taxonomy().ids(FIELD_SECTIONS[field])


def field_descriptions(field: str) -> dict[str, str]:
    return {code.id: f"{code.label}. {code.description}" for code in get_taxonomy().codes(FIELD_SECTIONS[field])}


def lexicon_for(field: str) -> dict[str, list[str]]:
    """The field's keywords per code (``learning/data/keyword_lexicon.json``); empty for a field without any."""
    return keyword_lexicon().get(field, {})
