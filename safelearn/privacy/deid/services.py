"""Local services named by their place (issue 19 pass 7).

A council's front door or mental-health team is written as the place and the service's acronym
(``Hexley MASH``, ``Brackley CAMHS``), and a national charity's local office as the charity and the
place (``Citizens Advice Brackley``, ``Age UK Hexley``). Both locate a family as well as a street
does. The place must be a capitalised word that is no everyday word ("Local CAMHS", "Community
CAMHS" stay), so an unknown town is enough.
"""

from __future__ import annotations

import re

from .lexicon import COMPASS, names_a_place
from .types import Span

_PLACE = r"[A-Z][a-z'’-]{2,20}+"
_SERVICE_ACRONYM = re.compile(
    rf"(?<![\w'’-])({_PLACE}(?:[^\S\n]{_PLACE})?)[^\S\n](?:MASH|CAMHS|YOT|YJS|EDT|IDVA|LADO)(?![\w-])"
)
_BRANCH = re.compile(
    rf"(?<![\w'’-])(?:Citizens[^\S\n]Advice|Age[^\S\n]UK|Home-Start|Women['’]s[^\S\n]Aid|Relate)[^\S\n]({_PLACE})\b"
)


# a compass part of a place's service ("Hexley East MASH"): issue 19 pass 8
def _place_word(word: str) -> bool:
    return names_a_place(word, listed_non_names_too=False)


def place_services(text: str) -> list[Span]:
    out: list[Span] = []
    for m in _SERVICE_ACRONYM.finditer(text):
        words = m.group(1).split()
        if _place_word(words[0]) and all(_place_word(w) or w.lower() in COMPASS for w in words[1:]):
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    for m in _BRANCH.finditer(text):
        if _place_word(m.group(1)):
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    return out
