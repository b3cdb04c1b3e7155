"""Addresses, schools and local organisations (GP surgeries, wards, children's homes, parks, ...)."""

from __future__ import annotations

import re

from .lexicon import GENERIC_MODIFIERS, NOT_NAMES, ORG_HEADS, PLACES, STORES, common_words, is_common
from .tokens import is_initial as is_initial_word
from .types import Span

_STREET = (
    r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Grove|Terrace|Walk|Mews|Drive|Way|Crescent|"
    r"Place|Gardens|Square|Hill|Rise|Row|Parade|Green|Vale|Mount|Croft|Fold|Gate|Chase|Meadows?|"
    r"Boulevard|Broadway|Wynd|Brow|Approach|Yard|Court|View|Park|Estate|Way|Circus|Quay|Wharf|"
    r"Hey|Nook|Dale|Bank|Side|End|Heights|Grange|Park)"
)
_STREET_LC = _STREET.lower()
_CAPW = r"(?:[A-Z][\w'’-]*|St\.?)"
NUMBERED = re.compile(
    rf"(?<![\w/.-])\d{{1,4}}[A-Za-z]?(?:\s?-\s?\d{{1,4}}[A-Za-z]?)?,?\s+"
    rf"(?:(?:{_CAPW}\s+){{1,3}}{_STREET}|(?:[a-z][\w'’-]*\s+){{1,2}}{_STREET_LC})\b"
)
# a start only where a word starts: after "’" inside a run such as "’A’A’A…" every capital used to
# re-read the rest of the run (hypothesis found it; pass 6)
NAMED_STREET = re.compile(rf"(?<![\w'’-])(?:{_CAPW}\s+){{1,3}}{_STREET}\b(?!\s+(?:Primary|Academy|School))")
UNIT = re.compile(
    r"\b(?:Flat|Room|Apartment|Apt|Unit|Studio|Plot)\s*\d+[A-Za-z]?\b(?:,?\s+(?:[A-Z][\w'’-]*\s+){1,3}"
    r"(?:House|Court|Lodge|Tower|Towers|Heights|Building|Mansions|Block|Point|Apartments|Place|Hall)){0,2}",
    re.IGNORECASE,
)
# the locality after an address, up to a postcode that may follow with or without a comma
LOCALITY = re.compile(
    r",\s+((?:[A-Z][a-z'’-]+\s?){1,3})(?=,?\s*[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b|,\s*[A-Za-z]{1,2}\d)"
)
HOUSE_NAME_BEFORE = re.compile(
    r"(?:^|(?<=\bat )|(?<=\bto )|(?<=\n)|(?<=: ))((?:The\s+)?(?>[A-Z][\w'’-]*+\s?){1,4}),\s*$"
)

_MEASURE = re.compile(
    r"\d\s+(?:minutes?|mins?|hours?|hrs?|miles?|metres?|meters?|yards?|seconds?|days?|weeks?|times?)\b",
    re.IGNORECASE,
)
# a one- or two-word capitalised name after "at/to/from" that ends the phrase: "night shift at Birchwood."
# (whole words only: "from Preston to" once gave "Prest", the lookahead's "on" read inside the word)
AT_PLACE = re.compile(
    r"\b(?:at|to|from|into|leaving|left)\s+((?:The\s)?[A-Z][a-z'’]++(?:\s[A-Z][a-z'’]++)?)(?=\s*(?:[.,;:)\n]|$|\(|and\b|for\b|on\b|with\b|when\b))"
)
THE_HOME = re.compile(
    r"\bThe\s+(?:[A-Z][\w'’-]+\s?){1,2}(?=\s*(?:children's home|childrens home|home\b|unit\b|"
    r"residential|short break|respite|supported|semi-independent|care home|nursery|pharmacy|surgery|"
    r"hostel|refuge|foyer))"
)
_LOWER_INSTITUTIONS = {
    "nursery",
    "surgery",
    "pharmacy",
    "hospital",
    "clinic",
    "academy",
    "college",
    "practice",
    "project",
    "hub",
    "gym",
    "cafe",
    "estate",
}
# "High" names a school only when it ends the name: not "High Street", "High Court", "High Sheriff"
_NOT_SCHOOL_HIGH = re.compile(r"\s+(?:street|st|road|rd|court|sheriff|commission|dependency|risk|needs|school)\b", re.I)
_HEAD_RE = re.compile(r"\b(" + "|".join(re.escape(h) for h in ORG_HEADS) + r")\b", re.IGNORECASE)
# the word before a position, tried once per run of word characters (as a plain search every
# start inside a long run re-read the rest of it: quadratic, issue 15)
_TOKEN_LEFT = re.compile(r"(?<![\w'’&.-])([\w'’&.-]++)\s++$")
SPECIAL_ORG = re.compile(
    r"\bWard\s+\d+[A-Za-z]?\b|\b[A-Z][a-z]+\s+Ward\b|\bRoyal\s+(?:[A-Z][\w'’]+\s?){1,3}"
    r"|(?<![\w'’])(?:[A-Z][\w'’]+\s+){1,2}(?=A&E\b)|\b(?:St|ST|st)\.?\s+[A-Za-z]+(?:'s|’s|s)\b",
)
_STORE_RE = re.compile(r"\b(" + "|".join(re.escape(s) for s in STORES) + r")\s+([A-Z][a-z]+)\b", re.IGNORECASE)
# words after a chain's name that are part of the brand, not a branch
_STORE_WORDS = {"coffee", "express", "extra", "superstore", "metro", "local", "opticians", "direct", "online", "app"}
# "Code of Practice", "Practice Direction": guidance, not a GP practice
_GUIDANCE = re.compile(r"(?:code\s+of\s+|good\s+|best\s+)$", re.IGNORECASE)
_TOWN_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])(?!['’])")
_CAMPUS = {"City", "North", "South", "East", "West", "Central"}
_GENERIC_A_AND_E = {"the", "at", "to", "in", "and", "or", "of", "went", "local", "nearest", "our"}


# words that are a building or ground and also the first word of many streets (issue 19 pass 8)
_BUILDING_FIRST = frozenset(
    ["lodge", "park", "court", "view", "house", "church", "station", "school", "college", "hospital", "grange"]
)
_LOWER_WORD_LEFT = re.compile(r"[a-z,][^\S\n]++$")


def _mid_sentence(text: str, pos: int) -> bool:
    """A lower-case word or a comma just before: the capital is the name's, not the sentence's."""
    return bool(_LOWER_WORD_LEFT.search(text, max(0, pos - 4), pos))


def detect_addresses(text: str) -> list[Span]:
    out: list[Span] = []
    for rx in (NUMBERED, NAMED_STREET, UNIT):
        for m in rx.finditer(text):
            start, end = m.start(), m.end()
            if rx is NAMED_STREET:
                first = m.group().split()[0].lower()
                # "on Lodge Lane", "near Park Road": a building's word names the street in mid-sentence
                building = first in _BUILDING_FIRST and m.group()[0].isupper() and _mid_sentence(text, m.start())
                if first in NOT_NAMES and first not in {"st", "st."} and not building:
                    # "The Lane" style phrases, or a sentence starting "On ..."
                    start = m.start() + len(m.group().split()[0]) + 1
                    if start >= end or not text[start].isupper() or text[start:end].split()[0].lower() in NOT_NAMES:
                        continue
            if (rx is NUMBERED and m.group().islower()) or _MEASURE.search(m.group()):
                continue
            loc = LOCALITY.match(text, end)
            if loc:
                end = loc.end(1)
            before = HOUSE_NAME_BEFORE.search(text, max(0, start - 60), start)
            if before and rx is not UNIT:
                start = before.start(1)
            out.append(Span(start, end, "ADDRESS"))
    # join pieces written as one address: "Flat 4, Birch House, 20 Mill Lane"
    out.sort(key=lambda s: s.start)
    joined: list[Span] = []
    for s in out:
        if joined and (s.start < joined[-1].end or re.fullmatch(r",?\s*", text[joined[-1].end : s.start])):
            joined[-1] = Span(joined[-1].start, max(s.end, joined[-1].end), "ADDRESS")
        else:
            joined.append(s)
    return joined


_BUILDING_NAMED_HEADS = frozenset(["primary", "academy", "infants", "juniors", "lodge", "house", "view"])


def _token_left(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the word that ends in the spaces just before ``pos``, within 40 characters."""
    lo = max(0, pos - 40)
    m = _TOKEN_LEFT.search(text[lo:pos])
    return (lo + m.start(1), lo + m.end(1)) if m else None


def _org_left(text: str, head_start: int, lower: bool) -> int:
    """Walk left from a head word over the name words of an organisation; return the start."""
    words: list[str] = []
    pos = head_start
    left = _token_left(text, pos)
    peek = text[left[0] : left[1]] if left else ""
    caps_before_lower_head = False
    hm = re.match(r"[\w'’]+", text[head_start : head_start + 20])
    head = hm.group().lower() if hm else ""
    if (
        lower
        and head in _LOWER_INSTITUTIONS
        and left
        and peek[0].isupper()
        and not peek.rstrip("'’s").isupper()
        and not (is_initial_word(text, left[0]) and is_common(peek))
    ):
        lower = False  # "Busy Bees nursery", "Parkside surgery"
        caps_before_lower_head = True
    while len(words) < 4:
        left = _token_left(text, pos)
        if not left or "\n" in text[left[1] : pos]:
            break
        w = text[left[0] : left[1]]
        lw = w.lower().strip(".")
        if w.endswith(".") and lw not in {"st"}:
            break
        bad_lower = not w.islower() or is_common(lw) or lw in GENERIC_MODIFIERS or lw in NOT_NAMES
        if lower:
            if bad_lower and lw != "st":
                break
        elif not (w[0].isupper() or lw in {"of", "&", "and", "de", "la"} or (w.isdigit() and words)) or lw in {
            "the",
            "a",
            "an",
            "at",
            "to",
        }:
            break
        words.append(lw)
        pos = left[0]
    while words and words[-1] in {"of", "&", "and"}:
        words.pop()
    if not words:
        return head_start
    # a school or a home named after a building or ground ("Park Primary", "Grange Park Academy", "Park
    # Lodge"): capitalised words that are organisation heads but no generic modifier or school word
    # (issue 19 pass 8)
    named_building = (
        head in _BUILDING_NAMED_HEADS
        and not lower
        and all(w in ORG_HEADS and ORG_HEADS[w] != "SCHOOL" and w not in GENERIC_MODIFIERS for w in words)
    )
    if not named_building and all(
        w in GENERIC_MODIFIERS or w in ORG_HEADS or w.rstrip("s") in ORG_HEADS for w in words
    ):
        return head_start
    # "Leeds nursery" is generic, but an estate is named after its area ("Seacroft estate")
    if caps_before_lower_head and head != "estate" and all(w in PLACES or w in NOT_NAMES for w in words):
        return head_start
    # recompute start for the kept words
    pos = head_start
    for _ in words:
        left = _token_left(text, pos)
        assert left is not None
        pos = left[0]
    return pos


def detect_orgs(text: str) -> list[Span]:
    out: list[Span] = []
    for m in _HEAD_RE.finditer(text):
        head = m.group(1)
        lower = head.islower()
        if not lower and not head[0].isupper():
            continue
        if head.lower() == "practice" and _GUIDANCE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if head.lower() == "high" and (lower or _NOT_SCHOOL_HIGH.match(text, m.end())):
            continue
        start = _org_left(text, m.start(), lower)
        if start == m.start():
            continue
        # a capital "The" inside a sentence is part of the name: "at The Beeches Hub"
        if text[max(0, start - 4) : start] == "The " and not is_initial_word(text, start - 4):
            start -= 4
        label = ORG_HEADS[head.lower()]
        end = m.end()
        # a second head straight after ("High School", "Medical Centre", "Family Centre")
        nxt = re.match(r"\s+(\w[\w'’]*)", text[end:])
        if nxt and nxt.group(1).lower() in ORG_HEADS and (nxt.group(1)[0].isupper() or lower):
            end += nxt.end()
            label = ORG_HEADS[nxt.group(1).lower()] if label == "ORG_LOCAL" else label
        # a town or campus word after the head belongs to the name: "Trinity Academy Halifax"
        town = _TOWN_AFTER.match(text, end)
        if town and not lower and (town.group(1).lower() in PLACES or town.group(1) in _CAMPUS):
            end = town.end(1)
        out.append(Span(start, end, label))
    for m in SPECIAL_ORG.finditer(text):
        s = m.group().strip()
        words = s.split()
        generic = words[0].lower() in _GENERIC_A_AND_E or (
            words[0].lower() in NOT_NAMES and words[0] not in {"Royal", "Ward"}
        )
        if generic and (len(words) == 1 or words[-1].lower() in NOT_NAMES):
            continue
        out.append(Span(m.start(), m.start() + len(s), "ORG_LOCAL"))
    for m in AT_PLACE.finditer(text):
        words = m.group(1).split()
        if words[0] == "The" and len(words) > 1:
            words = words[1:]
        if any(w.lower() in NOT_NAMES or w.lower() in PLACES or w.lower() in ORG_HEADS for w in words):
            continue
        if is_initial_word(text, m.start(1)):
            continue
        out.append(Span(m.start(1), m.end(1), "ORG_LOCAL"))
    for m in THE_HOME.finditer(text):
        words = m.group().split()[1:]
        if any(w.isupper() or w.lower() in NOT_NAMES for w in words):
            continue
        out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    common = common_words()
    for m in _STORE_RE.finditer(text):
        branch = m.group(2).lower()
        # a capitalised branch name ("Costa Piccadilly") names a place even when it is also a word
        titled_branch = m.group(2)[0].isupper() and branch not in _STORE_WORDS and branch not in NOT_NAMES
        if branch in common and branch not in PLACES and not titled_branch:
            continue
        out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    return out


class PlaceDetector:
    def detect(self, text: str) -> list[Span]:
        return detect_addresses(text) + detect_orgs(text)
