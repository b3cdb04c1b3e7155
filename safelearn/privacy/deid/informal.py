"""Names in informal writing, where the redactor spends its precision budget (issue 19, pass 4).

Blind sets kept showing the same kind of leak: a given name typed in lower case in a message or a
quick note ("cos river got caught", "its gemma again", "jaydn keeps takin"), with no title, role or
capital letter to mark it. Rules chasing each new cue did not carry over to the next writer, so in a
report that *reads as informal* (lower-case sentence starts, a lower-case "i", text-speak) this module
is deliberately generous, accepting some words wrongly redacted (character precision stayed near 98%
against a floor of 85%):

* a listed given name that is an ordinary word, but not one of the frequent ones (``jade``, ``ruby``,
  ``destiny``; not ``summer``, ``will``, ``hope``: see ``frequent_word_names.txt``), is a name
  wherever it is not used as a noun or adjective by the words around it (``the``, ``was``,
  ``foster carer``);
* a frequent word that is a given name, a two-letter name, or a word in no dictionary (a misspelt or
  unusual name, ``tyreece``) is a name as the subject of a clause (``summer keeps taking``), beside
  a role in brackets (``sky (waking night)``), after ``<role> is`` (``refuge worker is anna``), in
  brackets after a person noun (``a lad (ty)``) or coordinated with a name already found
  (``angel and rio``, ``leon n destiny``).

Formal reports are left to the other rules: there a lower-case ordinary word is nearly always a word.
"""

from __future__ import annotations

import re
from functools import cache

from .cues import ACRONYMS
from .lexicon import (
    CUES,
    DATA,
    LOWER_STOP,
    MONTHS,
    NOT_NAMES,
    PLACES,
    TITLES,
    WEEKDAYS,
    is_common,
    is_compound,
    is_everyday,
)
from .tokens import Token


@cache
def frequent_word_names() -> frozenset[str]:
    """Given names that are also frequent English words (wordfreq Zipf >= 4.5: will, summer, hope)."""
    return frozenset(w for w in (DATA / "frequent_word_names.txt").read_text(encoding="utf-8").split() if w)


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


# text-speak: contractions typed without the apostrophe, abbreviations and phonetic spellings
_TEXTSPEAK = _ws(
    """dont im cos coz cuz wont cant didnt doesnt isnt wasnt aint u ur wiv gonna wanna tbh lol pls plz innit
    ive hes shes thats whats theyre havent hasnt shouldnt couldnt wouldnt ya yh ye nah bruv omg idk dunno
    tho thru tonite 2day b4 gotta kinda"""
)
# two-letter words in messages that are not names however a name list spells them
_SHORT_WORDS = _ws("ty ta np ok ya yh ye ur bf gf hi ha ah oh eh ey yo no so do go be me we us mo")
# a word before a noun or an adjective: the listed word is then used as a word ("the ward", "was bitten")
_WORD_BEFORE = _ws(
    """a an the this these those some any no every each another other of
    is was were be been being are am get got getting very so too really quite more most less
    significant serious emotional physical real potential much such at in on since until before after during"""
)
# a noun after the word makes it a modifier: "foster carer", "amber light"
_NOUN_AFTER = _ws(
    """carer carers care placement placements parent parents family families home homes panel agency
    light period plan team service services review meeting worker workers period time"""
)
# care-report words that name lists also hold (Dutch "harm", Scandinavian "bent", English "ward")
_CARE_WORDS = _ws("harm foster ward nan eve til theres chase")
_CLAUSE_OPENERS = _ws(
    """and n & but so then cos coz cuz because bc when if or also now apparently even think reckon heard
    til till until while yesterday today tonight lol tbh anyway tho though and"""
)
_VERB_AFTER = re.compile(
    r"[^\S\n]++(?:got|gets|keeps|kept|keep|is|was|has|had|said|says|pulled|pushed|hit|hits|took|takes|went|goes|"
    r"came|comes|wants|wanted|told|tells|lives|lived|left|stole|nicked|threw|punched|started|starts|needs|"
    r"ran|rang|called|texted|messaged|sent|brought|shouted|does|did|didnt|doesnt|wont|cant|isnt|wasnt|hasnt|"
    r"aint|never|always|just|swore|kicked|grabbed|here|again|from\s+room|from\s+the|knows|knew|tried|says)\b"
)
# the same, for words that are more often words: only what a person does
_PERSON_VERB_AFTER = re.compile(
    r"[^\S\n]++(?:keeps|kept|pulled|pushed|punched|stole|nicked|took|takes|told|tells|texted|messaged|rang|"
    r"swore|shouted|kicked|grabbed|wants|wanted|said|says|lives|didnt|doesnt|wont|cant|here|again|"
    r"got[^\S\n]++(?:caught|arrested|excluded|nicked|kicked|moved|told|sent|picked))\b"
)
_ROLE_IN_BRACKETS = re.compile(
    r"[^\S\n]*+\((?:waking|night|nights|day|days|staff|agency|sw|keyworker|key[^\S\n]worker|manager|"
    r"senior|shift|on[^\S\n]call|bank|relief|team[^\S\n]leader)\b"
)
# "<role> is anna": the sentence names who holds the role
_ROLE_IS = re.compile(
    r"\b(?:worker|sw|carer|manager|pa|iro|teacher|keyworker|advocate|nurse|mentor|officer|name|names)"
    r"[^\S\n]++(?:is|was|called|named)[^\S\n]++$"
)
# the name set beside who they are to the writer: "with daz my mums boyfriend", "told bev her carer"
_APPOSITION = re.compile(
    r"[^\S\n]++(?:my|his|her|our|their)[^\S\n]++(?:(?:mums|moms|mams|dads|nans|new|old)[^\S\n]++)?"
    r"(?:boyfriend|girlfriend|bf|gf|partner|husband|wife|mate|friend|cousin|brother|sister|bro|sis|uncle|aunt|"
    r"auntie|stepdad|stepmum|worker|carer|sw|keyworker|pa|teacher|manager|neighbour)\b"
)
# a lower-case title: "miss khan", "mr hanson" (the name is then any listed surname or given name)
_LOWER_TITLE = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir"})
_CLAUSE_END = re.compile(r"[^\S\n]*+(?:$|[,.;:!?)\n]|(?:and|but|from|who|she|he)\b)")
_PERSON_NOUN_BRACKET = re.compile(
    r"\b(?:lad|girl|boy|yp|kid|child|staff|worker|mate|friend|resident|young[^\S\n]person)\b[^()\n]{0,25}\($"
)


_PEOPLE_NOUNS = _ws(
    """staff everyone everybody someone somebody them others friends mates girls boys lads kids
    family carers workers people police him her us you he she they we"""
)


def is_informal(text: str, toks: list[Token], hit: set[int], first: frozenset[str]) -> bool:
    """A message or a quick note: lower-case sentence starts, a lower-case "i", text-speak, or a name
    already found typed in lower case (whoever typed one name so types the others so)."""
    if any(toks[k].text.islower() and len(toks[k].text) > 2 and toks[k].lower in first for k in hit):
        return True
    starts = [t for t in toks if t.initial]
    lower_starts = sum(1 for t in starts if t.text[0].islower())
    if starts and lower_starts * 3 >= len(starts) and lower_starts >= 1:
        return True
    if any(t.text == "i" for t in toks):
        return True
    return sum(1 for t in toks if t.lower in _TEXTSPEAK and t.text.islower()) >= 2


def _excluded(lw: str) -> bool:
    return (
        lw in LOWER_STOP
        or lw in NOT_NAMES
        or lw in PLACES
        or lw in MONTHS
        or lw in WEEKDAYS
        or lw in TITLES
        or lw in CUES
        or lw in ACRONYMS
        or lw in _TEXTSPEAK
        or lw in _CARE_WORDS
    )


_DETERMINERS = _ws("a an the this these those some any no every each another other of")


def _used_as_word(text: str, toks: list[Token], i: int, before: frozenset[str] = _WORD_BEFORE) -> bool:
    """The words around it make the listed word a noun or an adjective: "the ward", "foster carer"."""
    t = toks[i]
    prev = toks[i - 1].lower if i and not t.initial else ""
    nxt = toks[i + 1].lower if i + 1 < len(toks) and text[t.end : toks[i + 1].start] == " " else ""
    # a number just before counts or measures it: "2 miles", "3 burns"
    counted = re.search(r"\d[^\S\n]*+$", text[max(0, t.start - 4) : t.start]) is not None
    # the plural of an ordinary word ("miles", "burns") is that word, not a name
    plural = t.lower.endswith("s") and len(t.lower) > 3 and is_common(t.lower[:-1])
    return prev in before or nxt in _NOUN_AFTER or counted or plural


# words a name follows: a person is told, seen, texted, is with someone, or opens a clause ("the ember
# wash" stays: a name does not follow an ordinary noun or adjective)
_PERSON_BEFORE = _ws(
    """with wiv to for from about told tell tells asked ask saw see seen met meet like love hate miss know knows
    text texted rang ring call called phoned messaged blocked hit punched pushed kicked staff night day
    worker yp lad girl boy kid mate mates is was its it's me us him her them said says sent let make made
    bring brought take took get got that want wants wanted"""
)


def _after_person_word(toks: list[Token], i: int) -> bool:
    t = toks[i]
    if t.initial or not i:
        return True
    prev = toks[i - 1]
    return (
        prev.lower in _PERSON_BEFORE or prev.lower in CUES or prev.lower in _CLAUSE_OPENERS or prev.lower.endswith("ed")
    )


def _subject(text: str, toks: list[Token], i: int, frequent_word: bool) -> bool:
    t = toks[i]
    prev = toks[i - 1] if i else None
    opens = t.initial or (prev is not None and (prev.lower in _CLAUSE_OPENERS or text[prev.end : t.start] == ", "))
    if not opens:
        return False
    # each pattern is matched only at the word's end (a match, never a scan: see test_deid_redos)
    if frequent_word:
        return _PERSON_VERB_AFTER.match(text, t.end) is not None
    return _VERB_AFTER.match(text, t.end) is not None


def informal_names(
    text: str, toks: list[Token], hit: set[int], first: frozenset[str], last: frozenset[str]
) -> set[int]:
    """Token indices taken as names in an informal report (none in a formal one)."""
    if not is_informal(text, toks, hit, first):
        return set()
    frequent = frequent_word_names()
    out: set[int] = set()
    maybe: set[int] = set()  # name-like words that need a found name beside them
    for i, t in enumerate(toks):
        if i in hit or not t.text.islower() or "'" in t.text or "’" in t.text:
            continue
        lw = t.lower
        if _excluded(lw):
            continue
        # a double given name counts as listed when both halves are: "kerry-ann", "tia-rose"
        listed = lw in first or ("-" in lw and all(p in first for p in lw.split("-")))
        unknown = not listed and len(lw) >= 4 and not is_common(lw) and not is_compound(lw)
        if (
            listed
            and len(lw) >= 3
            and lw not in frequent
            and _after_person_word(toks, i)
            and not _used_as_word(text, toks, i)
        ):
            out.add(i)
            continue
        prev_title = i > 0 and not t.initial and toks[i - 1].text in _LOWER_TITLE
        if prev_title and (listed or lw in last) and lw not in frequent:
            out.add(i)
            continue
        short = listed and len(lw) == 2 and lw not in _SHORT_WORDS
        if (listed or short or (len(lw) >= 3 and not is_common(lw))) and _APPOSITION.match(text, t.end):
            out.add(i)
            continue
        if not (listed or unknown or short):
            continue
        before = text[max(0, t.start - 40) : t.start]
        if (_ROLE_IS.search(before) and _CLAUSE_END.match(text, t.end)) or (
            (
                _subject(text, toks, i, lw in frequent)
                or _ROLE_IN_BRACKETS.match(text, t.end)
                or (_PERSON_NOUN_BRACKET.search(before) and text[t.end : t.end + 1] == ")")
            )
            and not _used_as_word(text, toks, i)
        ):
            out.add(i)
        else:
            maybe.add(i)
    out |= _greeted_and_owned(text, toks, hit, first, frequent)
    # coordination with a name found: "angel and rio", "leon n destiny", "mason, reggie and tiana";
    # the writer is a person too: "me and saffron got told"
    found = hit | out
    for i, t in enumerate(toks):
        # any word but a people noun, when a verb follows: "me and saffron got told", not "me and staff went"
        if i < 2 or i in found or not t.text.islower() or _excluded(t.lower) or t.lower in _PEOPLE_NOUNS:
            continue
        if toks[i - 2].lower == "me" and toks[i - 1].lower in {"and", "n", "&"} and _VERB_AFTER.match(text, t.end):
            found.add(i)
    for _ in range(2):
        for i in sorted(maybe - found):
            for j in (i - 2, i + 2):
                if 0 <= j < len(toks) and j in found:
                    a, b = (toks[j], toks[i]) if j < i else (toks[i], toks[j])
                    mid = toks[(i + j) // 2]
                    if text[a.end : b.start] in {f" {mid.text} "} and mid.lower in {"and", "n", "or"}:
                        found.add(i)
            for j in (i - 1, i + 1):
                if 0 <= j < len(toks) and j in found:
                    a, b = (toks[j], toks[i]) if j < i else (toks[i], toks[j])
                    if text[a.end : b.start] in {", ", " & "}:
                        found.add(i)
    # a name found once is the same person in its other lower-case mentions ("everyone knows tyreece"),
    # unless it is also a frequent word ("summer"), which is carried only where it reads as a person
    carried = {toks[k].lower for k in found - hit if toks[k].lower not in frequent}
    found |= {
        i
        for i, t in enumerate(toks)
        if t.lower in carried and t.text.islower() and not _used_as_word(text, toks, i, _DETERMINERS)
    }
    return (found | out) - hit


# a message names its writer and reader: "hiya gem its rose", "ok its shiz from the estate" (pass 6)
_GREETING = _ws("hiya hi hey heya hya its it's")
_NOT_GREETED = _ws("all guys everyone babe hun hunny mate bro sis fam lads girls ok okay fine me you him her not")
# "at liams", "up in jimmys", "dylans mum": a given name with an s for their home or their people
_PLACE_BEFORE = _ws("at to round from on in up")
_OWNED_AFTER = _ws("mum mums mam dad dads nan nans house flat phone mate mates sister brother bf gf cousin")
# "big mick", "lil jay": a nickname with its prefix
_NICK = _ws("big lil little")


def _greeted_and_owned(
    text: str, toks: list[Token], hit: set[int], first: frozenset[str], frequent: frozenset[str]
) -> set[int]:
    out: set[int] = set()
    for i, t in enumerate(toks):
        if i in hit or not t.text.islower() or _excluded(t.lower) or t.lower in _NOT_GREETED:
            continue
        lw = t.lower
        listed = lw in first
        # a word the dictionary has but nobody uses ("rach", "kez") reads as a name after a greeting
        unknown = len(lw) >= 3 and not is_everyday(lw) and not is_compound(lw)
        prev = toks[i - 1] if i else None
        if prev is None:
            continue
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        if text[prev.end : t.start] != " ":
            # "... u. jaydens dad picked him up": the family after it, whatever comes before
            if lw.endswith("s") and lw[:-1] in first and not is_everyday(lw[:-1]) and nxt in _OWNED_AFTER:
                out.add(i)
            continue
        plural = lw.endswith("s") and is_common(lw[:-1])  # "its miles from", not a name
        if prev.lower in _GREETING and (listed or unknown) and not plural and lw not in LOWER_STOP | _WORD_BEFORE:
            out.add(i)
        elif prev.lower in _NICK and listed and lw not in frequent and not _used_as_word(text, toks, i):
            out |= {i - 1, i}
        elif (
            lw.endswith("s")
            and lw[:-1] in first
            and lw[:-1] not in frequent
            # a name that is no everyday word ("in harms way", "in less than" stay): "at jaydens"
            and not is_everyday(lw[:-1])
            and ((prev.lower in _PLACE_BEFORE and not is_common(lw)) or nxt in _OWNED_AFTER)
        ):
            out.add(i)
    return out


def given_before_surname(text: str, toks: list[Token], hit: set[int], first: frozenset[str]) -> set[int]:
    """A capitalised listed given name just before a name found, even an ordinary word opening a
    sentence: "Mercy Adjei", "Hospital discharge: Faith Okoro". A frequent word ("Will", "Rose")
    opening a sentence is left to the rules that read the verb after it."""
    out: set[int] = set()
    for k in sorted(hit):
        j = k - 1
        if j < 0 or j in hit or not toks[k].text[:1].isupper() or text[toks[j].end : toks[k].start] != " ":
            continue
        g = toks[j]
        if not g.text[:1].isupper() or g.text.isupper() or g.possessive or g.lower not in first or _excluded(g.lower):
            continue
        if g.initial and g.lower in frequent_word_names():
            continue
        out.add(j)
    return out
