"""Capitalised given names that are also ordinary words, told by the role set beside them (issue 19 pass 8).

``Kerry``, ``Ruth``, ``April`` and ``Grace`` are listed given names and ordinary words (a county, an old
noun, a month), so opening a sentence with no verb after them they are left. The words beside them say
they are people: ``Kerry the IRO said``, ``Ruth at the fostering team went through it``, ``The worker,
April, has been told``. Only listed given names count, and never one that is mostly a modal or a verb
(``Will the IRO attend?``). Bounded runs only, so every pattern is linear-time.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, NOT_NAMES, TITLES, first_names, is_everyday
from .lower_people import WORD_NAMES
from .types import Span

_NAME = r"([A-Z][a-z'’-]{1,20}+)"
_START = r"(?:^|(?<=[.!?\n][^\S\n])|(?<=[.!?\n])|(?<=,[^\S\n])|(?<=\band[^\S\n]))"
_ROLE = (
    r"(?i:iro|sw|ssw|social[^\S\n]worker|key[^\S\n]?worker|carer|foster[^\S\n]carer|teacher|manager|mentor|"
    r"advocate|nurse|chair|pa|personal[^\S\n]adviser|health[^\S\n]visitor|midwife|officer|practitioner|"
    r"worker|lead|senco|dsl|therapist|counsellor|support[^\S\n]worker|family[^\S\n]worker)"
)
_NAME_THE_ROLE = re.compile(
    rf"{_START}{_NAME}[^\S\n]++(?:the|my|our|her|his|their)[^\S\n]++(?:[a-z]{{2,15}}+[^\S\n]++){{0,2}}{_ROLE}\b"
)
# "Grace from CAMHS rang": a listed given name and the service (an acronym) they come from
_NAME_FROM_ACRONYM = re.compile(rf"{_START}{_NAME}[^\S\n]++from[^\S\n]++(?:the[^\S\n]++)?[A-Z]{{2,6}}+\b")
# "Cc: Kerry (IRO), Ruth (SW)": a listed given name with its role in brackets after it
_NAME_BRACKET_ROLE = re.compile(rf"(?<![\w'’-]){_NAME}[^\S\n]*+\((?:the[^\S\n]++|my[^\S\n]++)?{_ROLE}\)")
# "Precious and her brother ...": a listed given name joined to a family member of theirs
_NAME_AND_KIN = re.compile(
    rf"{_START}{_NAME}[^\S\n]++and[^\S\n]++(?:her|his|their)[^\S\n]++(?:(?:older|younger|little|big|baby|"
    r"half|step)[^\S\n]*+)?(?:brother|sister|sibling|mum|mother|dad|father|nan|gran|cousin|son|daughter|"
    r"boyfriend|girlfriend|partner|twin|friend)s?\b"
)
# a contact saved under a name or a letter ('saved under "M"', "saved as 'Bro Kez'"), and a name given in
# quotes after the word that names it ('a man called "Agha Jan"', 'known as "Smiler"')
_SAVED_AS = re.compile(
    r"\b(?:saved[^\S\n]++(?:as|under)|(?:called|named|nicknamed)|known[^\S\n]++as|goes[^\S\n]++by)[^\S\n]++"
    r"[\"“]([^\"”\n]{1,30}+)[\"”]"
    r"|\bsaved[^\S\n]++(?:as|under)[^\S\n]++['‘]([^'’\n]{1,30}+)['’]"
)
_NAME_AT_TEAM = re.compile(
    rf"{_START}{_NAME}[^\S\n]++(?:at|from)[^\S\n]++the[^\S\n]++(?:[a-z]{{2,20}}+[^\S\n]++){{0,2}}"
    r"(?:team|service|agency|office|hub|surgery|practice|unit|project)\b"
)
_ROLE_COMMA_NAME = re.compile(rf"\b{_ROLE}[^\S\n]*+,[^\S\n]*+{_NAME}[^\S\n]*+,")
# a signature after a dash: "... - Marlon, foster carer, Hexley." (issue 19 pass 9); any name that is no
# ordinary word, since the dash, the comma and the role leave no other reading
_SIGNED = re.compile(rf"(?<=[-–—][^\S\n]){_NAME},[^\S\n]++(?:an?[^\S\n]++)?{_ROLE}[^\S\n]*+(?:[,.]|$)")


_QUOTED_NAME = re.compile(r"[A-Z][a-z'’-]{0,20}+(?:[^\S\n][A-Z][a-z'’-]{1,20}+){0,2}")


def _given(word: str, month_ok: bool = False, word_name_ok: bool = False) -> bool:
    lw = word.lower()
    if lw not in first_names() or lw in TITLES or (lw in WORD_NAMES and not word_name_ok):
        return False
    # set off by commas after a role, a month is the worker's name ("The worker, April, rang")
    return lw not in NOT_NAMES or (month_ok and lw in MONTHS)


class RoleNameDetector:
    """A listed given name set beside the role it holds or the team it works in."""

    def detect(self, text: str) -> list[Span]:
        out: list[Span] = []
        for pattern in (
            _NAME_THE_ROLE,
            _NAME_AT_TEAM,
            _NAME_FROM_ACRONYM,
            _NAME_BRACKET_ROLE,
            _ROLE_COMMA_NAME,
            _NAME_AND_KIN,
        ):
            for m in pattern.finditer(text):
                # a role in brackets after the word leaves no modal or verb reading ("Dawn (chair)")
                bracket = pattern is _NAME_BRACKET_ROLE
                if _given(m.group(1), month_ok=pattern is _ROLE_COMMA_NAME, word_name_ok=bracket):
                    out.append(Span(m.start(1), m.end(1), "PERSON"))
        for m in _SIGNED.finditer(text):
            lw = m.group(1).lower()
            if _given(m.group(1)) or not (lw in NOT_NAMES or lw in TITLES or is_everyday(lw)):
                out.append(Span(m.start(1), m.end(1), "PERSON"))
        for m in _SAVED_AS.finditer(text):
            g = 1 if m.group(1) is not None else 2
            named = m.group(g)
            # a name in title case or one capital, not a document or a phrase ('so called "friends"')
            if m.group().startswith("saved") or (
                _QUOTED_NAME.fullmatch(named) and named.split()[0].lower() not in NOT_NAMES
            ):
                out.append(Span(m.start(g), m.end(g), "PERSON"))
        return out
