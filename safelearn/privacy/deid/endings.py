"""Names that close a report or stand in for one: "- H. Clough", "its my right. Sky 14",
street names built on a letter or given name ("Big T")."""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import CUES, TITLES, is_common


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


# "... on Arbor. - H. Clough": a dashed name closing the report after a sentence
_DASH_END = re.compile(r"[.!?]\s+[-–—~]+\s*((?:[A-Z]\.\s?){0,2}[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s*$")
# "... its my right. Sky 14": a single name and an age closing the report
_NAME_AGE_END = re.compile(r"[.!?]\s+([A-Z][\w'’-]+),?\s+\(?(\d{1,2})\)?\s*$")
_NOT_SIGN_WORDS = _ws(
    "year room flat ward page level day week step stage section regulation part table figure appendix "
    "item point unit bay bed block floor class group form box option priority"
)
# "Big T", "Lil Dee": a street name built on a letter or a given name
_BIG_NICK = re.compile(r"\b(?:[Bb]ig|[Ll]il)\s+([A-Z](?![\w'’])|[A-Z][a-z]+)")


def closing_names(
    text: str, tail: str, is_name: Callable[[str], bool], stop: Callable[[str], bool]
) -> list[tuple[int, int]]:
    extra: list[tuple[int, int]] = []
    dm = _DASH_END.search(tail)
    if dm:
        words = re.findall(r"[A-Za-z][\w'’-]+", dm.group(1))
        initialled = "." in dm.group(1)
        if not any(stop(w.lower()) for w in words) and (
            initialled or all(is_name(w.lower()) or not is_common(w.lower()) for w in words)
        ):
            extra.append((dm.start(1), dm.end(1)))
    am = _NAME_AGE_END.search(tail)
    if am and 5 <= int(am.group(2)) <= 25:
        w = am.group(1).lower()
        if not stop(w) and w not in _NOT_SIGN_WORDS and w not in TITLES and w not in CUES:
            extra.append((am.start(1), am.end(1)))
    for m in _BIG_NICK.finditer(text):
        w = m.group(1)
        if (
            (len(w) == 1 or is_name(w.lower()) or not is_common(w.lower()))
            and w not in {"I", "A"}
            and not stop(w.lower())
        ):
            extra.append((m.start(), m.end()))
    return extra
