"""People named in lower case beside the word that says who they are (issue 19 pass 7).

Children and neighbours writing in lower case name people the way they speak: ``my name is ruby``,
``my name is donna price``, ``my neighbour mick``, ``auntie jo house``, ``her boyfrend lee shouts``,
``the housing man tom``, ``tom (my keyworker)``. textspeak.py needs a verb after a kin word; here
the word before says it is a person, so a listed given name after it is one whatever follows,
except the few given names that are mostly verbs or modals there (``my friend will help``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import LOWER_STOP, NOT_NAMES, TITLES

_NAME = r"[a-z][a-z'’-]{1,20}+"
_INTRODUCED = re.compile(rf"\b[Mm]y[^\S\n]++name[^\S\n]++(?:is|was|'s|’s)[^\S\n]++({_NAME})(?:[^\S\n]++({_NAME}))?")
_WHO = (
    r"(?:neighbour|neighbor|next[^\S\n]door|auntie|aunty|aunt|uncle|cousin|boyfriend|boyfrend|girlfriend|bf|gf|"
    r"mate|friend|keyworker|key[^\S\n]worker|social[^\S\n]worker|housing[^\S\n](?:man|lady|officer)|"
    r"stepdad|stepmum|step[^\S\n]dad|step[^\S\n]mum|nan|nana|grandad|grandma)"
)
_AFTER_WHO = re.compile(rf"\b{_WHO}[^\S\n]++({_NAME})\b")
_BEFORE_ROLE = re.compile(
    rf"(?<![\w'’-])({_NAME})[^\S\n]++\((?:my|our|his|her|their|the)[^\S\n]++(?:{_WHO}|carer|foster[^\S\n]carer|"
    r"teacher|mentor|sw|worker|pa|advocate|brother|sister)\b"
)
# given names that are mostly a verb, a modal or an adjective after a person word ("my friend will")
WORD_NAMES = frozenset(  # also read by role_names.py (issue 19 pass 8)
    [
        "will",
        "may",
        "can",
        "might",
        "must",
        "shall",
        "hope",
        "mark",
        "sue",
        "pat",
        "chase",
        "miles",
        "bill",
        "rob",
        "rose",
        "ray",
        "sunny",
        "hunter",
        "dawn",
    ]
)
# words that follow a first name without being a surname ("ruby i am 9", "jo and me")
_NOT_SURNAME = frozenset(
    ["and", "or", "i", "im", "am", "is", "was", "from", "age", "aged", "in", "at", "on", "the", "a", "to"]
)


def _usable(lw: str) -> bool:
    return lw not in LOWER_STOP and lw not in NOT_NAMES and lw not in TITLES and lw not in WORD_NAMES


def lower_people(
    text: str, is_given: Callable[[str], bool], is_surname: Callable[[str], bool], ordinary: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Spans of lower-case names introduced by the writer or set after a person word."""
    out: list[tuple[int, int]] = []
    for m in _INTRODUCED.finditer(text):
        first = m.group(1)
        if _usable(first) and (is_given(first) or not ordinary(first)):
            out.append((m.start(1), m.end(1)))
            last = m.group(2)
            if last and last not in _NOT_SURNAME and _usable(last) and (is_surname(last) or not ordinary(last)):
                out.append((m.start(2), m.end(2)))
    for pattern in (_AFTER_WHO, _BEFORE_ROLE):
        for m in pattern.finditer(text):
            word = m.group(1)
            if _usable(word) and (is_given(word) or (pattern is _BEFORE_ROLE and not ordinary(word))):
                out.append((m.start(1), m.end(1)))
    return out


# a chat typed into a report: three or more lines opening with a lower-case label ("soph: ...")
_CHAT_LINE = re.compile(r"^[^\S\n]*+(?:\[?\d{1,2}[:.]\d\d\]?[^\S\n]++)?[a-z][\w.'’-]{0,24}+[^\S\n]*+:", re.MULTILINE)
# in a chat, the one who said or did something: "shantelle sed", "mase shud just stay in"
_CHAT_SUBJECT = re.compile(
    r"(?<![\w'’-])([a-z][a-z'’-]{2,20}+)[^\S\n]++(?:sed|said|says|sez|put|posted|shud|should|wud|cud|"
    r"is[^\S\n]++gonna|gonna|told|tld|sent|got|has|had)\b"
)
# "big j sed": a nickname of a letter with its prefix
_BIG_LETTER = re.compile(r"(?<![\w'’-])(?:big|lil)[^\S\n]([b-hj-tvwyz])(?=[^\S\n]++[a-z])")
# words of a chat that are no one's name however unusual their spelling
_CHAT_WORDS = frozenset(
    [
        "dont",
        "im",
        "hes",
        "shes",
        "thats",
        "whats",
        "theyre",
        "ppl",
        "wot",
        "dey",
        "dem",
        "they",
        "someone",
        "sum1",
        "every1",
        "any1",
        "noone",
        "nobody",
        "everyone",
        "mum",
        "dad",
        "nan",
        "bro",
        "sis",
        "she",
        "he",
        "who",
    ]
)


def chat_people(
    text: str, is_given: Callable[[str], bool], ordinary: Callable[[str], bool], frequent: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """In a chat typed into a report, a listed or unusual lower-case word saying or doing something,
    and a letter nickname after big/lil."""
    if sum(1 for _ in zip(range(3), _CHAT_LINE.finditer(text), strict=False)) < 3:
        return []
    out: list[tuple[int, int]] = []
    for m in _CHAT_SUBJECT.finditer(text):
        word = m.group(1)
        if word in _CHAT_WORDS or not _usable(word):
            continue
        if (is_given(word) and not frequent(word)) or not ordinary(word):
            out.append((m.start(1), m.end(1)))
    out.extend((m.start(), m.end()) for m in _BIG_LETTER.finditer(text))
    return out
