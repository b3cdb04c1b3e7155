"""A council's or service's own team named by its place (issue 19 pass 9).

Reports name the team that holds a case by its council (``Hexley Children's Social Care``, ``Brackley
Locality Team``, ``Blackburn with Darwen Children's Services``), a regional adoption agency by its
region (``Adoption North East``), and a local venue by its town (``Hexley Airport``) or its own name
(``The Den Youth Club``). Each locates a family as well as a street does. The place must be a
capitalised word that is no everyday word, generic modifier, weekday or month, or a word already
redacted as a name, so the generic forms stay ("the Child Protection Team", "Children's Services",
"Local Assessment Team"). Each pattern starts only at a word's start and uses bounded or possessive
runs, so it stays linear-time (``test_deid_redos.py``).
"""

from __future__ import annotations

import re

from .lexicon import COMPASS, GENERIC_MODIFIERS, names_a_place
from .types import Span

_SP = r"[^\S\n]"
_PLACE = r"[A-Z][a-z'’-]{2,20}+"
_KIDS = r"Children['’]s"
# the team or service after the place; one word alone ("Service", "Team") is never enough
_TEAM_KIND = (
    r"(?:Locality|Assessment|Safeguarding|Fostering|Adoption|Leaving[^\S\n]Care|Early[^\S\n]Help|Duty|Intake|"
    r"Permanence|Family[^\S\n]Support|Youth[^\S\n]Justice|Child[^\S\n]Protection|Edge[^\S\n]of[^\S\n]Care)"
)
_HEAD = (
    rf"(?:{_KIDS}{_SP}(?:Social{_SP}Care|Services?|Duty{_SP}and{_SP}Advice(?:{_SP}(?:Service|Team))?)"
    rf"|Child{_SP}and{_SP}Family{_SP}Services?|Children{_SP}and{_SP}Families{_SP}(?:Services?|Team)"
    rf"|Social{_SP}(?:Care|Services)|Family{_SP}Services"
    rf"|{_TEAM_KIND}{_SP}(?:Team|Service|Hub|Unit)"
    rf"|Staying{_SP}Put|Foster{_SP}Care|Airport|Youth{_SP}Club|Travell?ers?['’]?{_SP}(?i:site))"
)
# "Hexley Locality Team", "Blackburn with Darwen Children's Services", "Cheadle Heath Traveller site"
_PLACE_TEAM = re.compile(
    rf"(?<![\w'’-])({_PLACE}(?:{_SP}(?:with|and|upon|on){_SP}{_PLACE}|{_SP}{_PLACE})?){_SP}{_HEAD}(?![\w'’-])"
)
# the same from the second word, when the first word of a two-word run is no place ("Contact Hexley …")
_ONE_PLACE_TEAM = re.compile(rf"(?<![\w'’-])({_PLACE}){_SP}{_HEAD}(?![\w'’-])")
# "Adoption North East", "Adopt Hexley": a regional adoption agency named by its region
_ADOPTION = re.compile(
    rf"(?<![\w'’-])Adopt(?:ion)?{_SP}(?:(North|South|East|West|Central)(?:{_SP}(?:East|West|Midlands))?|({_PLACE}))"
    rf"(?![\w'’-])"
)
# "The Den Youth Club", "the Hub Youth Club": a club's own name
_NAMED_CLUB = re.compile(rf"(?<![\w'’-])[Tt]he{_SP}({_PLACE}){_SP}Youth{_SP}(?:Club|Centre)(?![\w'’-])")
# "the Children's Centre in Hexley"
_CENTRE_IN = re.compile(rf"(?<![\w'’-]){_KIDS}{_SP}Centre{_SP}(?:in|at){_SP}({_PLACE})(?![\w'’-])")
# second words of a two-word place that are ordinary words ("Cheadle Heath", "Hexley Vale")
_TOWN_PARTS = frozenset(["heath", "vale", "valley", "green", "park", "hill", "bridge", "moor", "cross", "common"])


def _is_place(word: str, start: int, named: list[Span]) -> bool:
    """A capitalised word that names somewhere: no ordinary word, or one already redacted as a name."""
    if any(s.start <= start and start + len(word) <= s.end for s in named):
        return True
    return names_a_place(word)


def _place_run(m: re.Match[str], named: list[Span]) -> bool:
    words = [(w.group(), m.start(1) + w.start()) for w in re.finditer(r"\S+", m.group(1))]
    first, first_at = words[0]
    rest = [(w, at) for w, at in words[1:] if w not in ("with", "and", "upon", "on")]
    return _is_place(first, first_at, named) and all(
        _is_place(w, at, named) or w.lower() in COMPASS | _TOWN_PARTS for w, at in rest
    )


def place_teams(text: str, spans: list[Span]) -> list[Span]:
    """Council teams, regional agencies and venues named by their place, as extra spans."""
    named = [s for s in spans if s.label in ("PERSON", "ORG_LOCAL", "ADDRESS")]
    out: list[Span] = []
    for m in _PLACE_TEAM.finditer(text):
        if _place_run(m, named):
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
            continue
        one = _ONE_PLACE_TEAM.search(text, m.start(1) + len(m.group(1).split()[0]) + 1, m.end())
        if one and _is_place(one.group(1), one.start(1), named):
            out.append(Span(one.start(), one.end(), "ORG_LOCAL"))
    for m in _ADOPTION.finditer(text):
        if m.group(1) or _is_place(m.group(2), m.start(2), named):
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    for m in _NAMED_CLUB.finditer(text):
        if m.group(1).lower() not in GENERIC_MODIFIERS:
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    for m in _CENTRE_IN.finditer(text):
        if _is_place(m.group(1), m.start(1), named):
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    return out
