"""People named in lower case, the way messages and quick notes are typed (issue 19, blind set 7):
an introduction ("its ty", "hi this is dawn mcbride"), a kin word before a short given name ("his mum
jo is"), a pupil and their form ("rob in 10J"), initials handed a role ("passing to jm as dsl"), a role
before an unknown word ("safeguarding lead nasima"), an unmarked possessive of a listed given name
("jaydens mum"), a nickname in quotes ("because of \"T-Bone\""), and a lower-case name found once
grown by the given or family name beside it ("dawn mcbride", "john joe").

Every rule needs both a listed name (or a word that is in no dictionary) and the grammar around it,
so ordinary uses stay: "I will", "grace period", "mark the register", "rob a shop".
"""

from __future__ import annotations

import re

from . import cues
from .cues import _DETS, ACRONYMS
from .lexicon import LOWER_STOP, NOT_NAMES, PLACES, TITLES, is_common, is_compound
from .tokens import Token

_NAME = r"[a-z][a-z'’-]*+"
# "its ty i dont", "hi this is dawn mcbride", at the start of the message or of a sentence
_INTRO = re.compile(
    r"(?:^|[.!?\n])[^\S\n]*+(?i:(?:hi|hiya|hello|hey)[,!]?[^\S\n]++)?(?i:its|it's|it’s|this[^\S\n]++is)[^\S\n]++"
    rf"({_NAME})(?:[^\S\n]++({_NAME}))?"
)
_KIN = (
    r"(?:mum|mam|mom|dad|nan|nana|gran|grandad|grandma|brother|sister|bro|sis|aunt|auntie|aunty|uncle|cousin|"
    r"mate|bf|gf|boyfriend|girlfriend|partner|stepdad|stepmum)"
)
# "his mum jo is ok", "my dad rob said": the name is the subject of what follows
_KIN_NAME = re.compile(
    rf"\b{_KIN}[^\S\n]++({_NAME})(?=[^\S\n]*+(?:[,.;:!?)]|$|\b(?:is|was|has|had|said|says|told|and|wants|"
    r"knows|thinks|lives|came|come|comes|rang|texted|picked|dropped)\b))"
)
# a pupil and their form or year group: "rob in 10J", "grace in year 9"
_FORM = re.compile(rf"\b({_NAME})[^\S\n]++in[^\S\n]++(?:\d{{1,2}}[A-Z]{{1,3}}\b|(?i:yr|year)[^\S\n]*+\d{{1,2}}\b)")
# initials handed a role: "passing to jm as dsl", "cc rb as the senco"
_AS_ROLE = re.compile(
    r"\b(?i:to|with|from|cc|and|ask|asked|told|tell|informed|emailed)[^\S\n]++([a-z]{2,3})[^\S\n]++as[^\S\n]++"
    r"(?:the[^\S\n]++|our[^\S\n]++)?(?i:dsl|ddsl|dslt|senco|sw|iro|chair|head|deputy|lead|manager|dsp|safeguarding)\b"
)
# a role noun and a word in no dictionary: "safeguarding lead nasima", "school nurse adaeze"
_ROLE_WORD = re.compile(
    r"\b(?:lead|officer|nurse|visitor|midwife|practitioner|receptionist|senco|dsl|gp|head|deputy|teacher)"
    rf"[^\S\n]++({_NAME})\b"
)
# a nickname in quotes after a word that names who: 'because of "T-Bone"', 'called "Big Dom"'
_QUOTED = re.compile(
    r"\b(?i:of|from|by|with|and|as|called|named|aka|(?:call|calls|calling)\s+(?:him|her|me|them)|known\s+as|nicknamed)"
    r"[^\S\n]++[\"“]"
    r"([A-Z][\w'’]*+(?:-[A-Z][\w'’]*+)?(?:[^\S\n][A-Z][\w'’]*+)?)[\"”]"
)
_ABBREVIATIONS = {"etc", "ect", "asap", "tbc", "tba", "pls", "plz", "thx", "fyi", "nb"}
_AFTER_SECOND = {"been", "was", "is", "has", "have", "are", "were", "and", "said", "got", "had", "didnt", "didn't"}
_TIME_BEFORE = {"at", "since", "till", "until", "before", "after", "by", "from", "of", "in", "on"}


def _usable(lw: str) -> bool:
    return lw not in LOWER_STOP and lw not in NOT_NAMES and lw not in TITLES and lw not in ACRONYMS


def _given(lw: str, first: frozenset[str], allow_common: bool) -> bool:
    return lw in first and _usable(lw) and (allow_common or not is_common(lw))


def _surname(lw: str, last: frozenset[str]) -> bool:
    return lw in last and not is_common(lw) and _usable(lw) and lw not in PLACES


def textspeak_spans(text: str, first: frozenset[str], last: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of people written in lower case, found from the words around them."""
    out: list[tuple[int, int]] = []
    for m in _INTRO.finditer(text):
        w1 = m.group(1).casefold()
        w2 = (m.group(2) or "").casefold()
        full = bool(w2) and _surname(w2, last) and _given(w1, first, allow_common=True)
        if full:
            out.append((m.start(1), m.end(2)))
        elif _given(w1, first, allow_common=False):
            out.append((m.start(1), m.end(1)))
    for m in _KIN_NAME.finditer(text):
        if _given(m.group(1).casefold(), first, allow_common=True):
            out.append((m.start(1), m.end(1)))
    for m in _FORM.finditer(text):
        if _given(m.group(1).casefold(), first, allow_common=True):
            out.append((m.start(1), m.end(1)))
    # the rarer rules look only at texts holding their key word (a plain substring test is cheap)
    for m in _AS_ROLE.finditer(text) if " as " in text else ():
        w = m.group(1).casefold()
        if not is_common(w) and _usable(w):
            out.append((m.start(1), m.end(1)))
    for m in _ROLE_WORD.finditer(text):
        w = m.group(1).casefold()
        # no inflected verb or compound ("officer conferred", "lead firefighters"), no abbreviation ("etc")
        plain = not w.endswith(("ed", "ing", "ly")) and not is_compound(w) and w not in _ABBREVIATIONS
        if len(w) >= 3 and not is_common(w) and _usable(w) and plain:
            out.append((m.start(1), m.end(1)))
    for m in _QUOTED.finditer(text) if ('"' in text or "“" in text) else ():
        words = re.split(r"[\s-]", m.group(1))
        lows = [w.casefold() for w in words]
        if any(w in NOT_NAMES or w in PLACES for w in lows):
            continue
        # after a naming verb or "as" any capitalised phrase is what the person is called ("Little Man");
        # otherwise a hyphenated nickname ("T-Bone"), a listed name or a word in no dictionary
        cue = text[max(0, m.start(1) - 16) : m.start(1)].lower()
        naming = re.search(r"(?:call\w*\s+\w+|named|aka|known\s+as|nicknamed|\bas)\s*[\"“]$", cue) is not None
        if naming or "-" in m.group(1) or any(w in first or w in last or not is_common(w) for w in lows):
            out.append((m.start(1), m.end(1)))
    return out


def _owned_given(t: Token, first: frozenset[str]) -> bool:
    lw = t.lower
    return (
        len(lw) >= 4
        and lw.endswith("s")
        and lw[:-1] in first
        and not is_common(lw[:-1])
        and not is_common(lw)
        and lw not in first
        and _usable(lw[:-1])
    )


def owned_given_names(text: str, toks: list[Token], first: frozenset[str]) -> list[tuple[int, int]]:
    """A listed given name with an "s" and no apostrophe before what is theirs: "jaydens mum"."""
    return [(t.start, t.end - 1) for t in toks if _owned_given(t, first) and cues._OWNED.match(text, t.end)]


def grow_lower_names(
    text: str, toks: list[Token], hit: set[int], first: frozenset[str], last: frozenset[str]
) -> set[int]:
    """A lower-case name found once grows by the name word beside it: a listed given name before a
    listed family name ("dawn mcbride"), a second given name before a verb ("john joe been")."""
    out: set[int] = set()
    for k in sorted(hit):
        t = toks[k]
        if not t.text.islower():
            continue
        j = k - 1
        if j >= 0 and j not in hit and text[toks[j].end : t.start] == " " and toks[j].text.islower():
            before = toks[j - 1].lower if j else ""
            if (
                _surname(t.lower, last)
                and _given(toks[j].lower, first, allow_common=True)
                and before not in _DETS
                and before not in _TIME_BEFORE
                and not toks[j].possessive
            ):
                out.add(j)
        j = k + 1
        if j < len(toks) and j not in hit and text[t.end : toks[j].start] == " " and toks[j].text.islower():
            nxt = toks[j]
            # a second name that is also a word needs a verb after it: "john joe been", not "ember wash."
            follows = re.match(r"[^\S\n]++(\w[\w']*)", text[nxt.end : nxt.end + 12])
            goes_on = follows is not None and follows.group(1).casefold() in _AFTER_SECOND
            named = (nxt.lower in first or _surname(nxt.lower, last)) and (not is_common(nxt.lower) or goes_on)
            if t.lower in first and not t.possessive and _usable(nxt.lower) and named:
                out.add(j)
    return out
