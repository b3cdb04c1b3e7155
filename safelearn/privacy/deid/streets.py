"""Addresses and store branches as people type them in a hurry: lower case, abbreviated, no commas.

`places.py` finds the tidy forms (`41 Mercer Street`); this module adds the forms people type on a
phone (`12a fernbank ave`, `3 the crescent`, `Ashton rd`, `kirkstall road`, `110 Kirkgate`) and a
chain's branch named by its street (`Lidl on Kirkstall Road`, `greggs on commercial rd`).
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, NOT_NAMES, PLACES, STORES, WEEKDAYS, is_common
from .types import Span


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


# street types that are rarely anything else after a house number or a place word
_LC_TYPES = r"(?:road|rd|street|st|lane|ln|avenue|ave|crescent|cres|terrace|drive|grove|gardens|gdns|mews)"
# house number + one to three lower-case words + a street type: "12a fernbank ave", "6 denby dale rd"
LOWER_NUMBERED = re.compile(
    rf"(?<![\w/.£$:-])\d{{1,4}}[a-z]?,?\s+((?:[a-z][a-z'’-]+\s+){{1,3}}){_LC_TYPES}\b\.?",
    re.IGNORECASE,
)
# further street types, taken after a house number only when the words before them are no
# measure ("5 minute walk", "2 way"): "22 moorland view", "11 low fold", "4 ash close" (issue 19)
_LC_MORE = r"(?:view|fold|close|court|walk|rise|way|place|row|croft|mount|garth|vale|side|bank|green|park|hill)"
LOWER_NUMBERED_MORE = re.compile(
    rf"(?<![\w/.£$:-])\d{{1,4}}[a-z]?,?\s+((?:[a-z][a-z'’-]+\s+){{1,2}}){_LC_MORE}\b(?![ \t]+(?:to|from|of|and|or|up|by|off|out|down|with|for|together|\d)\b)",
)
_MEASURE_WORDS = _ws("""minute minutes min mins hour hours hr hrs second seconds sec secs day days week weeks month months
    year years mile miles yard yards metre metres meter meters foot feet step steps way ways times time
    bedroom bed storey floor lane point star person people kids children car cars more less much many few
    other another same next last first each every only extra whole full""")
# estate-style names written with "the" after a house number: "3 the crescent", "4 the sidings"
_ESTATE_WORDS = _ws("""crescent sidings oval circle spinney paddock paddocks maltings orchard orchards willows poplars
    meadows green close drive croft fold grove mews rise chase nook glade avenue parade square courtyard
    coppice copse cloisters ridings limes laurels beeches elms cedars firs hollies pines oaks larches
    hawthorns birches rowans brambles heathers gables granary wharf quay mount terrace hollow boulevard
    lawns pastures sycamores chestnuts acres knoll dell leas briars""")
NUMBER_THE = re.compile(r"(?<![\w/.£$:-])\d{1,4}[a-z]?,?\s+the\s+([a-z]+)\b", re.IGNORECASE)
# a named street with no number: "kirkstall road", "Ashton rd"
_NAMED_TYPES = r"(?:road|rd|street|st|lane|avenue|ave|grove|crescent|terrace|drive|gardens|close)"
NAMED_LOWER = re.compile(
    rf"(?<![\w'’-])((?:[a-z][a-z'’-]{{2,}}\s+)?[A-Za-z][a-z'’-]{{2,}})\s+{_NAMED_TYPES}\b(?!['’]s)"
)
# one-word street names ending in -gate after a house number (Northern English): "110 Kirkgate"
GATE_STREET = re.compile(r"(?<![\w/.£$:-])\d{1,4}[A-Za-z]?,?\s+[A-Z][a-z]+gate\b")
# a chain's branch named by its street or area: "Boots on Briggate", "Co-op on Harehills Lane"
_CHAINS = sorted(
    STORES | {"co-op", "coop", "spar", "nisa", "one stop", "premier", "home bargains", "farmfoods"}, key=len
)
STORE_ON = re.compile(
    r"\b(?i:" + "|".join(re.escape(s) for s in reversed(_CHAINS)) + r")\s+on\s+"
    r"((?:[A-Z][\w'’-]+[ \t]?){1,3}|(?:[a-z][a-z'’-]+\s){1,2}(?i:" + _NAMED_TYPES + r")\b)",
)
# generic words in front of a street type that do not name a street ("main road", "the ring road")
_GENERIC_STREET = _ws("""main ring high back side front private busy dual slip bypass country link access service
    this that same other next busy quiet long short old new wrong right end top bottom across along
    down up over off onto into near cross""")


_PREP_BEFORE = re.compile(r"\b(?:on|in|at|off|near|along|down|up|onto|from|to|of|by|opposite|outside)\s+$", re.I)


def _plain(w: str) -> bool:
    """A word that could be part of a street name: not a function word, month or weekday."""
    lw = w.lower()
    return lw not in NOT_NAMES and lw not in MONTHS and lw not in WEEKDAYS and lw not in _GENERIC_STREET


def detect_lower_addresses(text: str) -> list[Span]:
    out: list[Span] = []
    for m in LOWER_NUMBERED.finditer(text):
        words = m.group(1).split()
        if all(_plain(w) for w in words):
            end = m.end() - (1 if m.group().endswith(".") else 0)
            out.append(Span(m.start(), end, "ADDRESS"))
    for m in LOWER_NUMBERED_MORE.finditer(text):
        words = m.group(1).split()
        # a counted plural is a number of things, not a street: "2 boys close by"
        plural = any(w.endswith("s") and is_common(w.lower()[:-1]) for w in words)
        if not plural and all(_plain(w) and w.lower() not in _MEASURE_WORDS for w in words):
            out.append(Span(m.start(), m.end(), "ADDRESS"))
    for m in NUMBER_THE.finditer(text):
        if m.group(1).lower() in _ESTATE_WORDS:
            out.append(Span(m.start(), m.end(), "ADDRESS"))
    for m in NAMED_LOWER.finditer(text):
        ws = m.group(1).split()
        if len(ws) == 2 and not ws[1].islower():
            continue  # "armley Road": only the capitalised word can start the name
        if not all(_plain(x) for x in ws):
            continue
        w = m.group(1)
        # a lower-case name needs a word that is no ordinary word ("kirkstall road", "armley ridge
        # road", not "the wet road"); a capitalised one only where it starts a sentence
        if (w.islower() or _sentence_start(text, m.start(1))) and all(
            is_common(x.lower()) and x.lower() not in PLACES for x in ws
        ):
            continue
        # all in lower case it must also sit where a street is named: "on kirkstall road", not
        # "autocomplete street names"
        if w.islower() and not _PREP_BEFORE.search(text, max(0, m.start(1) - 12), m.start(1)):
            continue
        out.append(Span(m.start(1), m.end(), "ADDRESS"))
    for m in GATE_STREET.finditer(text):
        out.append(Span(m.start(), m.end(), "ADDRESS"))
    return out


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n:"


def detect_store_branches(text: str) -> list[Span]:
    out: list[Span] = []
    for m in STORE_ON.finditer(text):
        branch = m.group(1).strip()
        first = branch.split()[0].lower()
        if first in NOT_NAMES or first in MONTHS or first in WEEKDAYS or first.rstrip("s") in WEEKDAYS:
            continue
        out.append(Span(m.start(), m.start(1) + len(branch), "ORG_LOCAL"))
    return out


class StreetDetector:
    def detect(self, text: str) -> list[Span]:
        return detect_lower_addresses(text) + detect_store_branches(text)
