"""Other mentions of a name already found: short forms ("Raff" for "Rafferty") and lower-case
mentions of a capitalised name ("Riley ... took riley to A&E") where they read as a person."""

from __future__ import annotations

import re
from collections.abc import Callable

from .cues import _DETS, lower_repeats
from .lexicon import TITLES, is_common, is_everyday
from .tokens import Token

# words before a lower-case mention that make it a person: "took riley", "with mark", "told hope"
_PERSON_BEFORE = frozenset(
    [
        "took",
        "take",
        "takes",
        "taking",
        "told",
        "tell",
        "tells",
        "asked",
        "ask",
        "saw",
        "see",
        "seen",
        "sees",
        "met",
        "meet",
        "visited",
        "visit",
        "collected",
        "collect",
        "picked",
        "brought",
        "bring",
        "gave",
        "give",
        "gives",
        "called",
        "rang",
        "phoned",
        "texted",
        "messaged",
        "helped",
        "help",
        "and",
        "with",
        "love",
        "loves",
        "miss",
        "misses",
        "hit",
        "hits",
        "punched",
        "kicked",
        "found",
        "find",
        "moved",
        "placed",
        "left",
    ]
)
_CLAUSE = frozenset(
    ["and", "but", "so", "then", "because", "cos", "coz", "when", "if", "as", "while", "until", "after", "before"]
)
_VERB_AFTER = re.compile(
    r"\s+(?:was|is|has|had|said|says|told|asked|wants|went|came|got|did|didn't|didnt|doesn't|doesnt|"
    r"can't|cant|won't|wont|knew|knows|rang|called|texted|cried|ran|left|came|needs|kept|keeps|"
    r"felt|feels|thinks|thought|seemed|looked|hit|kicked|stayed|slept)\b"
)


def short_forms(
    toks: list[Token], hit: set[int], cap: Callable[[Token], bool], stop: Callable[[str], bool]
) -> set[int]:
    """A capitalised leading short form of a longer name found in the same report ("Rafferty" ...
    "Raff"), where the short form is no everyday word ("Chris" for "Christopher" is a name anyway)."""
    longs = {toks[k].lower for k in hit if len(toks[k].text) >= 5 and "-" not in toks[k].text}
    out: set[int] = set()
    if not longs:
        return out
    for k, t in enumerate(toks):
        lw = t.lower
        if k in hit or len(lw) < 3 or not cap(t) or is_everyday(lw) or stop(lw) or lw in TITLES:
            continue
        if k and toks[k - 1].lower in _DETS:
            continue  # "the Mar chart"
        if any(n.startswith(lw) and len(n) >= len(lw) + 2 for n in longs):
            out.add(k)
    return out


def lower_mentions(text: str, toks: list[Token], hit: set[int]) -> set[int]:
    """Lower-case mentions of a name found capitalised that is also a word ("Riley", "Mark"): taken
    where they read as a person (a verb after, a possessive, "took riley"), never after a determiner,
    a preposition or a pronoun ("no hope", "the mark", "he will"). A name no longer in everyday use
    as a word is taken in any lower-case mention that does not follow a determiner."""
    names = {
        toks[k].lower
        for k in hit
        if len(toks[k].text) >= 3
        and toks[k].text[0].isupper()
        and not toks[k].text.isupper()
        and is_common(toks[k].lower)
    }
    out: set[int] = set()
    for i, plow in lower_repeats(text, toks, hit, names, initial_after_determiner=False):
        t = toks[i]
        # a verb after makes a subject only at the start of a clause ("pressure mark is" is no person)
        subject = (t.initial or plow in _CLAUSE) and bool(_VERB_AFTER.match(text, t.end))
        if not is_everyday(t.lower) or t.possessive or plow in _PERSON_BEFORE or subject:
            out.add(i)
    return out


def title_phrase(
    text: str, toks: list[Token], i: int, is_name: Callable[[str], bool], cap: Callable[[Token], bool]
) -> bool:
    """The word sits in a Title Case phrase of ordinary words ("Leaver Covenant", "Guardianship
    Support Fund"): the name of a scheme or body, not of a person."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(toks):
            a, b = (toks[j], toks[i]) if j < i else (toks[i], toks[j])
            t = toks[j]
            if (
                text[a.end : b.start] == " "
                and cap(t)
                and is_common(t.lower)
                and not is_name(t.lower)
                and t.lower not in TITLES
            ):
                return True
    return False
