"""Places that locate a family without a street word (issue 19 pass 8).

A pub is named ``The <Noun> and <Noun>`` and written with a capital ``The`` in mid-sentence; a tram
or bus stop is a place name before a lower-case ``tram stop``/``bus station``; a street with no
suffix (``Kingsway``, ``Broadway``) is told by its house number before it and the town after it
(``at 88 Kingsway, Stockport``). Each pattern starts only at a word's start and uses bounded or
possessive runs, so it stays linear-time (``test_deid_redos.py``).
"""

from __future__ import annotations

import re

from .lexicon import NOT_NAMES, first_names, is_everyday, names_a_place
from .types import Span

_NOUN = r"[A-Z][a-z'’]{1,20}+"
# "(The Crown and Anchor)", "the sign for The Fox and Hounds": a capital The after an open bracket or a
# lower-case word or comma, and no capitalised word after the pair ("The Children and Families Act")
_PUB = re.compile(
    rf"(?:(?<=\()|(?<=[a-z,][^\S\n]))The[^\S\n]{_NOUN}[^\S\n](?:and|&)[^\S\n]{_NOUN}(?![\w'’-]|[^\S\n]++[A-Z0-9])"
)
_PLACE = r"[A-Z][a-z'’-]{2,20}+"
_STOP = re.compile(
    rf"(?<![\w'’-])({_PLACE}(?:[^\S\n]{_PLACE})?)[^\S\n](?i:tram|bus|train|railway|rail|metro|metrolink|tube)"
    r"[^\S\n](?:stop|station|stn|interchange)\b"
)
# "fernside police station", "oakmere boxing club": a lower-case place name before a landmark's type,
# when the word is no ordinary one ("the local police station" stays)
_LOWER_LANDMARK = re.compile(
    r"(?<![\w'’-])([a-z][a-z'’-]{2,20}+)[^\S\n]++(?:(?:police|fire|bus|train|railway|tram|coach)[^\S\n]++station|"
    r"(?:youth|boxing|football|rugby|cricket|swimming|sports?|dance|drama|social|snooker|darts|golf|tennis|"
    r"cadet|gym|working[^\S\n]men'?s)[^\S\n]++club)\b"
)
# "Address: 27 Broadway", "lives at 9 Kingsway": a house number and one or two capitalised words where
# an address is named, whatever the words are
_ADDRESS_LEAD = re.compile(
    r"\b(?:(?i:address)[^\S\n]*+(?:is|was|:|-)|(?i:lives|living|lived|staying)[^\S\n]++at)[^\S\n]*+"
    r"(\d{1,4}[A-Za-z]?[^\S\n]++[A-Z][a-z-]{2,20}+(?:[^\S\n]++[A-Z][a-z-]{2,20}+)?)(?![\w'’-])"
)
# "Calderdale Royal": a town's hospital named by the town and "Royal" alone
_TOWN_ROYAL = re.compile(r"(?<![\w'’-])([A-Z][a-z'’-]{3,20}+)[^\S\n]Royal\b(?![^\S\n]*+[A-Z\d])")
# "at 88 Kingsway, Stockport": a house number, one found word, a comma and a capitalised town or a
# postcode's outward code ("at 22 Brookside, L9 …", issue 19 pass 9)
_NUMBER_BEFORE = re.compile(r"\b(?i:at|on|to|from|of|lives|address)[^\S\n]++(\d{1,4}[A-Za-z]?)[^\S\n]++$")
_TOWN_AFTER = re.compile(r",[^\S\n]*+(?:[A-Z][a-z]|[A-Z]{1,2}\d[A-Z\d]?[^\S\n]++\d[A-Z]{2}\b)")


def venues(text: str, spans: list[Span]) -> list[Span]:
    """Pubs, stops and suffix-less streets, as extra spans (the caller resolves overlaps)."""
    out = [Span(m.start(), m.end(), "ORG_LOCAL") for m in _PUB.finditer(text)]
    for m in _STOP.finditer(text):
        if names_a_place(m.group(1).split()[0]):
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    out.extend(Span(m.start(1), m.end(1), "ADDRESS") for m in _ADDRESS_LEAD.finditer(text))
    for m in _TOWN_ROYAL.finditer(text):
        if names_a_place(m.group(1)):
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    for m in _LOWER_LANDMARK.finditer(text):
        if not is_everyday(m.group(1)) and m.group(1) not in NOT_NAMES:
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    for s in spans:
        word = text[s.start : s.end]
        if s.label not in ("PERSON", "ORG_LOCAL") or " " in word or word.lower() in first_names():
            continue
        before = _NUMBER_BEFORE.search(text, max(0, s.start - 20), s.start)
        if before and _TOWN_AFTER.match(text, s.end):
            out.append(Span(before.start(1), s.end, "ADDRESS"))
    return out
