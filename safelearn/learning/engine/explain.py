"""Why two reports are similar, in words a reviewer recognises as concepts.

The similarity index matches on every weighted token, and the raw overlap is full of noise that explains
nothing: phone-number fragments, dates, "march", "tuesday", de-identification placeholders ("person" from
[PERSON 1]), two-letter scraps, filler verbs. `explain_terms` keeps only concept words and key phrases:

* a word must be alphabetic, three letters or more, and not a stop word, month, weekday, time word or
  placeholder (a word that only appears inside [...] in the query, or one of PLACEHOLDER_WORDS);
* a two-word phrase must be made of such words and be adjacent in the query text itself, so phrases that
  only exist because stop words were dropped between them ("stop taxi" from "bus stop by the taxi") go;
* phrases come first, and a single word already inside a shown phrase is not repeated.

It only filters and orders the explanation; the ranking of matches is untouched.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
WEEKDAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
TIME_WORDS = frozenset(
    [
        "today",
        "yesterday",
        "tomorrow",
        "morning",
        "afternoon",
        "evening",
        "night",
        "tonight",
        "week",
        "weeks",
        "weekend",
        "day",
        "days",
        "month",
        "months",
        "year",
        "years",
        "hour",
        "hours",
        "minute",
        "minutes",
        "time",
        "times",
        "date",
        "dates",
        "ago",
        "later",
        "earlier",
    ]
)
#: Words that report writing uses everywhere: sharing them says nothing about the incident.
FILLER = frozenset(
    [
        "said",
        "told",
        "asked",
        "called",
        "came",
        "went",
        "got",
        "get",
        "getting",
        "took",
        "take",
        "taken",
        "made",
        "make",
        "gave",
        "given",
        "saw",
        "seen",
        "also",
        "just",
        "like",
        "did",
        "does",
        "done",
        "going",
        "approx",
        "approximately",
        "around",
    ]
)
#: De-identifier placeholders that are never concepts, even written without their brackets ("PERSON 1").
#: Other bracketed words ([SCHOOL], [ADDRESS]) are dropped only when the query has them in brackets, since
#: "school" or "old address" written out are real concepts.
PLACEHOLDER_WORDS = frozenset(["person", "postcode", "nhs", "handle"])
NOT_CONCEPTS = ENGLISH_STOP_WORDS | MONTHS | WEEKDAYS | TIME_WORDS | FILLER | PLACEHOLDER_WORDS

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)
_BRACKETED = re.compile(r"\[[^\]]{0,60}\]")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


class QueryContext:
    """What the query text says about its own words: which are placeholders, which pairs are adjacent."""

    def __init__(self, text: str) -> None:
        text = text or ""
        inside = {w for match in _BRACKETED.findall(text) for w in _words(match)}
        outside_text = _BRACKETED.sub(" | ", text)
        words = _words(outside_text)
        self.placeholders = inside - set(words)
        # Adjacent pairs of concept words, split at punctuation and placeholders (" | ").
        self.pairs: set[str] = set()
        for chunk in re.split(r"[.,;:!?()|\n]+", outside_text):
            tokens = _words(chunk)
            self.pairs.update(f"{a} {b}" for a, b in itertools.pairwise(tokens))

    def is_concept_word(self, word: str) -> bool:
        return (
            len(word) >= 3
            and word.isalpha()
            and word not in NOT_CONCEPTS
            and word not in self.placeholders
            and not word.endswith("'s")
        )

    def is_concept(self, term: str) -> bool:
        parts = term.split()
        if not parts or len(parts) > 2 or not all(self.is_concept_word(p) for p in parts):
            return False
        return len(parts) == 1 or term in self.pairs


def explain_terms(ranked: Iterable[str], query: str | QueryContext, limit: int = 6) -> list[str]:
    """The best shared terms (given best first) that are concepts: key phrases first, then words."""
    context = query if isinstance(query, QueryContext) else QueryContext(query)
    phrases: list[str] = []
    words: list[str] = []
    for term in ranked:
        if not context.is_concept(term):
            continue
        (phrases if " " in term else words).append(term)
    in_phrases = {w for p in phrases for w in p.split()}
    out = phrases + [w for w in words if w not in in_phrases]
    return out[:limit]
