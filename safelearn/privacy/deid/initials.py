"""Two capitals standing for a person outside a log (issue 19 pass 7).

Minutes, handovers and school records often name children by their initials alone: ``TB attended
the first part``, ``the caller asked for JM's address``, ``AM, TR and JS (all Y8) filmed LP``,
``Pupil: FK (Y5)``. The log rule (aliases.py) needs a timed log and the cue rule (cues.py) a short
list of verbs; here two capitals that are no known acronym are a person when

* they own something (``JM's social worker``),
* they fill a field that names a child (``Pupil: FK``),
* they are listed with another such pair (``DW and EW``, ``AM, TR and JS``),
* a verb a person does follows them (``TB attended``, ``RH settled``, ``DM up at 3am``);

then every other mention of the same pair standing alone is that person too. Three capitals need a
list or an owner: far more of them are the names of services (``EWO``, ``ABE``).
"""

from __future__ import annotations

import re

from .aliases import ACRONYM_WORDS
from .cues import ROLE_ACRONYMS

_PAIR = re.compile(r"(?<![\w&/.'’+-])([A-Z]{2,3})(?![\w&/+]|-\w|\.\w)")
# an owner's s before the thing owned ("JM's social worker"), not a plural's ("five new IA's,")
# nor a plural's before a preposition or a verb ("RH's in the teens", "IA's were")
_OWNER = re.compile(
    r"['’]s[^\S\n]++(?!(?:in|on|at|of|and|or|are|were|was|is|to|for|from|with|by|as|low|high|below|above)\b)[a-z]"
)
_FIELD = re.compile(
    r"(?i:pupil|child|young[^\S\n]person|key[^\S\n]person|yp|student|resident|learner)[^\S\n]*+:[^\S\n]*+$"
)
_SEP = r"(?:,[^\S\n]|[^\S\n](?:and|&)[^\S\n])"
# a list of two-capital pairs: "DW and EW", "AM, TR and JS"
# (at most seven: a bounded list keeps a run of capitals read in linear time)
_CHAIN = re.compile(rf"(?<![\w&/.'’+-])[A-Z]{{2}}(?:{_SEP}[A-Z]{{2}}\b){{1,6}}+(?![\w&/+'’]|-\w|\.\w)")
_CHAIN_MEMBER = re.compile(r"[A-Z]{2}")
# a list of agencies or states goes on in longer capitals ("BLM, FS and NPS"): none of those
_CAPS_NEXT = re.compile(rf"{_SEP}[A-Z]{{3}}")
_CAPS_BEFORE = re.compile(rf"[A-Z]{{3}}{_SEP}$")
# what follows a list of people: a bracket ("(all Y8)"), a case list's colon, or a verb
_AFTER_LIST = re.compile(r"[^\S\n]*+[(:]")
_DOES = re.compile(
    r"[^\S\n]++(?:attended|attends|settled|slept|woke|told|said|says|asked|wants|wanted|went|came|left|ran|"
    r"refused|agreed|stayed|returned|disclosed|reported|filmed|sent|shared|posted|hit|punched|kicked|"
    r"cried|shouted|became|seemed|appeared|arrived|ate|has\s+been|is\s+being|was\s+being|"
    r"up\s+at|to\s+(?:school|use|attend|stay|go|be\s+(?:seen|supported|offered|moved))|"
    r"supported\s+by|seen\s+by|spoke|talked|admitted|denied)\b"
)
# words before two capitals that make them a thing, a grade or a role: "the IT", "my TM", "Year AB"
_NOT_AFTER = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "this",
        "that",
        "its",
        "each",
        "every",
        "any",
        "no",
        "year",
        "class",
        "group",
        "room",
        "ward",
        "block",
        "unit",
        "form",
        "annex",
        "part",
        "section",
        "type",
        "grade",
        "level",
        "plan",
        "tier",
    ]
)
# a case list's item: "- LK: closure agreed", "- DW and EW: letter sent"
# set beside a word for a young person: "the other young person, AK, to the lounge"
_APPOSED = re.compile(r"(?i:young[^\S\n]person|child|boy|girl|pupil|sibling|resident|yp),[^\S\n]$")
_CASE_ITEM = re.compile(r"^[^\S\n]*+[-•*][^\S\n]*+$", re.MULTILINE)
_CASE_ITEM_END = re.compile(r"[^\S\n]*+:")
_NEVER = frozenset({"mr", "ms", "mx", "dr", "yp", "ok", "am", "pm", "uk", "tv", "id"})
_WORD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z]++)[^\S\n]++$")


def _acronym(word: str) -> bool:
    lw = word.lower()
    return lw in ACRONYM_WORDS or lw in ROLE_ACRONYMS


def _line_start(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip(" \t-•*")


def _after_thing_word(text: str, start: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in _NOT_AFTER


# a pair the writer spoke to ("Spoke to JT and his mum") or set in brackets after a family word
# ("mum (SL) said"): issue 19 pass 8
_SPOKEN_TO = re.compile(r"\b(?i:spoke|spoken|talked|chatted)[^\S\n]++(?:to|with)[^\S\n]++$")
_KIN_BRACKET = re.compile(
    r"\b(?i:mum|mam|dad|mother|father|nan|nana|gran|grandma|grandad|brother|sister|stepdad|stepmum|aunt|auntie|"
    r"uncle|cousin|partner|boyfriend|girlfriend|carer|child|son|daughter|sibling)[^\S\n]*+\($"
)


def _next_to_digits(text: str, start: int, end: int) -> bool:
    """A code beside a number ("AB 12", "12 AB") or in a heading of capitals is no one's initials."""
    return bool(re.match(r"[^\S\n]?\d", text[end : end + 2])) or bool(
        re.search(r"(?:\d|[A-Z]{2})[^\S\n]$", text[max(0, start - 3) : start])
    )


# one capital for a child the writer spoke to or quotes: "Spoke to K. about", "She said R sent"
_ONE_LETTER = re.compile(
    r"\b(?:(?:[Ss]poke|[Tt]alked|[Ss]poken)[^\S\n]++(?:to|with)[^\S\n]++([B-HJ-Z])(?:\.(?=[^\S\n])|(?=[^\S\n]))"
    r"|said[^\S\n]++([B-HJ-Z])(?=[^\S\n]++(?:sent|had|has|was|kept|did|told|asked|wanted|would)\b))"
)


def one_letter_people(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _ONE_LETTER.finditer(text):
        g = 1 if m.group(1) else 2
        end = m.end(g) + (1 if text.startswith(".", m.end(g)) else 0)
        out.append((m.start(g), end))
    return out


def standing_initials(text: str) -> list[tuple[int, int]]:
    """Two (or, listed or owning, three) capitals that stand for a person, and their other mentions."""
    found: set[str] = set()
    for m in _PAIR.finditer(text):
        word, start, end = m.group(1), m.start(1), m.end(1)
        if _after_thing_word(text, start) or _next_to_digits(text, start, end):
            continue
        if word.lower() in ROLE_ACRONYMS or word.lower() in _NEVER:
            continue
        if _acronym(word):
            # an acronym is someone only where plainly so: owning a thing ("AB's melatonin") or
            # opening a line with a person's verb in a handover ("DM up at 3am")
            if len(word) == 2 and _line_start(text, start) and _DOES.match(text, end):
                found.add(word)
            continue
        if (
            (len(word) == 2 and _OWNER.match(text, end))
            or _FIELD.search(text, max(0, start - 20), start)
            or (_APPOSED.search(text, max(0, start - 16), start) and text.startswith(",", end))
            or (_CASE_ITEM.search(text, max(0, start - 4), start) and _CASE_ITEM_END.match(text, end))
            or (len(word) == 2 and _DOES.match(text, end))
            or (len(word) == 2 and _SPOKEN_TO.search(text, max(0, start - 16), start))
            or (_KIN_BRACKET.search(text, max(0, start - 16), start) and text.startswith(")", end))
        ):
            found.add(word)
    found |= _listed_people(text)
    if not found:
        return []
    out: list[tuple[int, int]] = []
    for m in _PAIR.finditer(text):
        if (
            m.group(1) in found
            and not _after_thing_word(text, m.start(1))
            and not _next_to_digits(text, m.start(1), m.end(1))
        ):
            out.append((m.start(1), m.end(1)))
    return out


def _listed_people(text: str) -> set[str]:
    """Pairs of capitals listed together, two or more of them no acronym, with a person's bracket,
    colon or verb after the list: "AM, TR and JS (all Y8) filmed", "- DW and EW: letter sent"."""
    out: set[str] = set()
    for m in _CHAIN.finditer(text):
        if _CAPS_NEXT.match(text, m.end()) or _CAPS_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        members = _CHAIN_MEMBER.findall(m.group())
        unknown = [w for w in members if not _acronym(w)]
        if len(unknown) < 2 or (not _AFTER_LIST.match(text, m.end()) and not _DOES.match(text, m.end())):
            continue
        out |= {w for w in members if w.lower() not in ROLE_ACRONYMS}
    return out
