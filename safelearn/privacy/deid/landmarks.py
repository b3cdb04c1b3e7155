"""Places that locate a family without being its address (issue 19): stations and police stations
written with a lower-case type ("Shipley station", "Trinity Way police station"), transport
interchanges, clubs ("Rothwell boxing club", "Farsley Celtic JFC"), named farms and houses in an
address ("Hollin Top Farm"), and local agencies named after their area ("Kirklees Young Carers",
"Calder Valley Family Support", "Leeds Women's Aid").

`places.py` finds names whose head word is capitalised and needs the words before the head to be
no generic modifier; here the head comes with its own generic modifier (railway, police, youth)
and the name is the capitalised run in front of it.
"""

from __future__ import annotations

import re

from .lexicon import GENERIC_MODIFIERS, MONTHS, NOT_NAMES, ORG_HEADS, PLACES, WEEKDAYS, is_common
from .tokens import is_initial
from .types import Span

# one to three capitalised words (possessive allowed), then the head; the run is matched
# possessively so a long line of capitals is read once
_CAPS = r"(?<![\w'’&-])((?>[A-Z][\w'’&-]*+[ \t]+){1,3})"
STATION = re.compile(
    _CAPS + r"(?i:(?:(?:railway|rail|train|bus|coach|tram|metro|tube|underground|police|fire|ambulance)\s+)?"
    r"station|interchange|parkway)\b"
)
CLUB = re.compile(
    _CAPS + r"(?i:(?:(?:youth|boys'?|girls'?|sports?|football|rugby|cricket|boxing|swimming|gymnastics|athletics|"
    r"tennis|golf|judo|karate|kickboxing|martial\s+arts|dance|drama|social|snooker|darts|bowling|cadet|army\s+cadet)"
    r"\s+club)|(?-i:J?A?FC|JFC|RFC|RLFC|ARLFC|CC)|Cadets|Scouts|Guides|Brownies|Cubs|Beavers)\b"
)
# a farm or a named house in an address: "Hollin Top Farm", "Low Barn", "Ivy Bungalow"
FARM = re.compile(_CAPS + r"(?:Farm|Farms|Farmhouse|Barn|Barns|Bungalow|Smallholding|Stables)\b")
# a local agency named after its area: "<Area> Young Carers", "<Area> Family Support"
AGENCY = re.compile(
    _CAPS + r"(?:Support|Carers|Aid|Advocacy|Adoption|Outreach|Counselling|Foundation|Mentoring|Befriending)\b"
)
# words that never start or make up such a name on their own
_NOT_NAME = frozenset({"the", "a", "an", "at", "to", "from", "in", "on", "near", "by", "and", "or", "of", "her", "his"})


def _name_words(text: str, m: re.Match[str]) -> tuple[int, list[str]] | None:
    """Start and words of the capitalised run, with function and generic words trimmed from its left."""
    found = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.group(1))]
    while found:
        lw = found[0][1].lower().rstrip("'’s")
        generic = lw in GENERIC_MODIFIERS or lw in ORG_HEADS
        if lw in _NOT_NAME or lw in NOT_NAMES or lw in MONTHS or lw in WEEKDAYS or (generic and len(found) > 1):
            found = found[1:]
            continue
        break
    if not found:
        return None
    start, words = m.start(1) + found[0][0], [w for _, w in found]
    if not words or all(w.lower() in GENERIC_MODIFIERS or w.lower() in NOT_NAMES for w in words):
        return None
    if any(w.isupper() and len(w) > 1 and w.lower() not in PLACES for w in words) and len(words) == 1:
        return None  # "BTP station", "CID club": an acronym, not a name
    return start, words


def _distinctive(words: list[str]) -> bool:
    """A place, or a word that is no everyday word, among the name words."""
    return any(w.lower() in PLACES or not is_common(w.lower().rstrip("'’s")) for w in words)


def detect_landmarks(text: str) -> list[Span]:
    out: list[Span] = []
    for rx, label in ((STATION, "ORG_LOCAL"), (CLUB, "ORG_LOCAL"), (FARM, "ADDRESS"), (AGENCY, "ORG_LOCAL")):
        for m in rx.finditer(text):
            got = _name_words(text, m)
            if got is None:
                continue
            start, words = got
            # a single everyday word that only starts the sentence is no name ("Police station ...")
            if len(words) == 1 and is_initial(text, start) and is_common(words[0].lower()):
                continue
            if rx is AGENCY and not _distinctive(words):
                continue  # "Family Support", "Women's Aid", "Young Carers": the service, not a provider
            out.append(Span(start, m.end(), label))
    return out


class LandmarkDetector:
    def detect(self, text: str) -> list[Span]:
        return detect_landmarks(text)
