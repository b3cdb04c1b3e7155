"""Extra context rules for people, for reports written in lower case or text-speak and for
initials: "my sw is funmi", "me and summer", "i am rob,", "AJ went awol", "(DW)", "call her J",
a lower-case sign-off, and a name found once with a cue carried to its other mentions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .lexicon import IRREGULAR, LOWER_STOP, NOT_NAMES, TITLES, is_common
from .tokens import Token


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


# verbs that a person (not a document, meeting or check) does: used for bare initials
PERSON_VERB = re.compile(
    r"\s+(?:said|says|told|asked|went|came|ran|cried|screamed|left|refused|texted|rang|called|wants|wanted|"
    r"stayed|slept|disclosed|returned|absconded|kicked|punched|hit|shouted|swore|smashed|threatened|"
    r"walked|got|gets|goes|laughed|hid|lives|lived|moved|turned|kept|keeps|knows|thinks|thought|"
    r"is\s+(?:now\s+)?(?:missing|upset|safe|scared|angry)|was\s+(?:missing|upset|scared|angry|seen|found|moved|"
    r"being|crying|told))\b"
)
# more of what a person is or does, for an initial that starts a sentence: "JB was in his room",
# "KT was with her mum", "TM didn't come" (issue 19)
STATE_VERB = re.compile(
    r"(?<!\s)\s++(?:(?:was|is|had|has)\s++(?:in|at|with|out|home|asleep|awake|still|also|been|never|seen|found|happy|"
    r"sad|quiet|withdrawn|distressed|crying|tearful|settled|unsettled|aggressive|calm|not|taken|arrested|"
    r"excluded|sent)|didn't|didnt|did\s+not|won't|wont|wouldn't|wouldnt|would\s+not|refuses|messaged|messages|"
    r"took|takes|hits|admitted|denied|agreed|runs|sleeps|stays|visits|visited|met|meets)\b"
)
# an age after an initial: "AB (14)", "AB, 14,", "AB aged 14"
_AGE = re.compile(
    r"(?<!\s)\s*+(?:\(\s*+(?:aged?\s*+)?\d{1,2}\s*+(?:yrs?|years?)?\s*+\)|,\s*+(?:aged?\s*+)?\d{1,2}\s*+,|aged\s++\d{1,2}\b)"
)
# the words before an initial that name it as someone: "ask DW,", "she calls KJ.", "told TM"
_ADDRESSED = frozenset({"ask", "asked", "tell", "told", "calls", "call", "called", "named", "rang", "phoned", "texted"})
_ROLE = (
    r"(?:sw|ssw|social\s+worker|pa|personal\s+adviser|carer|foster\s+(?:carer|mum|dad|mam)|keyworker|key\s+worker|"
    r"iro|advocate|worker|manager|teacher|mentor|therapist|counsellor|nurse|mum|dad|mam|nan|brother|sister|bro|sis|"
    r"boyfriend|girlfriend|bf|gf|friend|mate|cousin|son|daughter|partner)"
)
ROLE_IS = re.compile(
    rf"\b(?:my|her|his|our|their|your|ur|the)\s+(?:new\s+|old\s+|little\s+|big\s+|older\s+|younger\s+|best\s+)?{_ROLE}"
    r"\s+(?:is|was|is\s+called|was\s+called|called|named|=|:|-)\s+([a-z][a-z'’-]+)\b",
    re.IGNORECASE,
)
# the letters standing in for someone: "Young Person X", "Child B"
_ANON_LETTER = re.compile(
    r"\b(?:child|baby|person|yp|sibling|mother|father|parent|carer|adult|male|female)\s+(\w)\b", re.IGNORECASE
)
ME_AND = re.compile(r"\b(?:me|i)\s+(?:and|&|n)\s+([a-z][a-z'’-]+)\b|\b([a-z][a-z'’-]+)\s+(?:and|&|n)\s+me\b")
I_AM = re.compile(
    r"(?:^|[.!?\n][^\S\n]*+)(?:hi\s+|hello\s+|hiya\s+)?(?:i\s+am|i'm|im|i’m|my\s+name\s+is|my\s+names?|my\s+name['’]s|its\s+me|it's\s+me|this\s+is)\s+"
    r"([a-z][a-z'’-]+)(?=\s*(?:[,.!\n]|$|and\b|here\b|the\b|from\b|\())",
    re.IGNORECASE,
)
LOWER_SIGNOFF = re.compile(
    r"(?:[.!?\n][^\S\n]*+|^\s*+)(?:[-–—~]++\s*+|(?:from|love|signed|thanks|ta|cheers)\s++)?([a-z][a-z'’-]{1,20})"
    r"\s*+(?:x++)?(,?\s*+(?:age\s*+)?\d{1,2})?\s*+$"
)
FROM_THE = re.compile(
    r"\s+(?:(?:from|off|on)\s+(?:the|my|our)\s+(?:day|night|late|early|weekend|morning|other\s+(?:house|home|unit|team))\b"
    r"|(?:(?:is|was|['’]s)\s+)?on\s+(?:shift|nights|lates|earlies|days)\b"
    r"|from\s+(?:the\s+)?(?:agency|team|council|office|unit|hostel|project|foyer)\b)"
)
ACRONYMS = frozenset(
    [
        "aa",
        "ae",
        "ab",
        "asb",
        "ce",
        "cce",
        "cse",
        "csc",
        "cin",
        "cla",
        "cp",
        "cpp",
        "dv",
        "da",
        "dbs",
        "dla",
        "edt",
        "ehc",
        "ehcp",
        "esa",
        "gp",
        "hv",
        "icpc",
        "icu",
        "iro",
        "isw",
        "lac",
        "lado",
        "mash",
        "mgm",
        "mgf",
        "pgm",
        "pgf",
        "nfa",
        "ot",
        "pa",
        "pc",
        "pcso",
        "pep",
        "pip",
        "plo",
        "rcpc",
        "rhi",
        "rm",
        "rsw",
        "sgo",
        "slt",
        "ssw",
        "sw",
        "taf",
        "tac",
        "tm",
        "uc",
        "uasc",
        "yp",
        "yot",
        "yjs",
        "senco",
        "dsl",
        "dslt",
        "ddsl",
        "ht",
        "dht",
        "ceo",
        "hr",
        "it",
        "pe",
        "re",
        "rsl",
        "asd",
        "adhd",
        "ptsd",
        "ocd",
        "send",
        "sen",
        "nhs",
        "ppn",
        "cad",
        "ae",
        "ok",
        "od",
        "ic",
        "id",
        "ao",
        "ic",
        "dr",
        "mr",
        "ms",
        "mx",
        "uk",
        "eu",
        "gb",
        "usa",
        "ps",
        "ie",
        "eg",
        "nb",
        "fyi",
        "asap",
        "tbc",
        "tba",
        "lol",
        "omg",
        "aka",
        "fao",
        "re",
        "hq",
    ]
)
# acronyms for a role or a team: a person, but no personal data ("TM said", "the RM rang", "HR told me")
ROLE_ACRONYMS = _ws("""sw ssw pa tm rm iro gp hv ot mgm mgf pgm pgf ht dht dsl dslt ddsl senco isw rsw pc pcso yp yps ceo
    dr mr ms mx lado edt it hr slt mash yot yjs nhs csc rsl hq sgo""")
# what only a person does, for an initial that is also an acronym ("AB returned at 2am")
ANIMATE_VERB = re.compile(
    r"(?<!\s)\s++(?:said|says|told|asked|returned|disclosed|absconded|cried|screamed|shouted|swore|punched|kicked|"
    r"laughed|refused|texted|rang|ran\s+off|went\s+missing|came\s+back|would\s+not\s+say|wouldn't\s+say)\b"
)
# a bracket after the initial that says who it is: "TM (other YP)", "KO (YP, 15)", "RB (young person)"
_PERSON_BRACKET = re.compile(
    r"\s*+\(\s*+(?:the\s+|an?\s+)?(?:other\s+|another\s+|older\s+|younger\s+)?"
    r"(?:yp|young\s+person|child|pupil|resident|sibling|brother|sister|son|daughter)\b(?![’']s)",
    re.IGNORECASE,
)
# the word before a bracketed initial that says it is someone: "one young person (DW)", "the boy (AB)"
_PERSON_NOUNS = _ws("person yp child boy girl lad lass resident pupil sibling brother sister son daughter")
# acronyms never taken as an initial, whatever the context
_NEVER_INITIALS = _ws("yp yps mr ms mx dr")
_NOT_INITIAL_BEFORE = frozenset(
    [
        "child",
        "baby",
        "person",
        "plan",
        "annex",
        "form",
        "schedule",
        "part",
        "section",
        "ward",
        "block",
        "room",
        "unit",
        "category",
        "level",
        "grade",
        "type",
        "option",
        "stage",
        "tier",
        "group",
        "class",
        "year",
        "appendix",
        "vitamin",
        "hepatitis",
        "x",
        "yp",
        "item",
        "box",
        "column",
        "row",
        "page",
        "step",
        "phase",
        "team",
        "bay",
    ]
)
_PRONOUNS = frozenset(
    [
        "i",
        "u",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "who",
        "that",
        "which",
        "there",
        "what",
        "to",
        "would",
        "could",
        "should",
        "must",
    ]
)
_DETS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "last",
        "next",
        "every",
        "all",
        "some",
        "any",
        "no",
        "in",
        "of",
        "for",
        "since",
        "during",
        "through",
        "his",
        "her",
        "my",
        "our",
        "their",
        "its",
        "your",
        "ur",
        "this",
        "these",
        "those",
        "what",
        "such",
        "one",
    ]
)


def _ok_lower(w: str, names_first: frozenset[str], allow_common: bool) -> bool:
    lw = w.casefold()
    # two-letter nicknames ("tj", "jj") only when listed as given names and not words or acronyms
    if len(lw) == 2 and lw in names_first and not is_common(lw) and lw not in ACRONYMS:
        return True
    if len(lw) < 3 or lw in LOWER_STOP or lw in NOT_NAMES or lw in TITLES or lw in _DETS:
        return False
    if lw in IRREGULAR or lw.endswith(("ing", "ed", "ly")):
        return False
    return (lw in names_first and (allow_common or not is_common(lw))) or not is_common(lw)


def cue_spans(text: str, names_first: frozenset[str], stop: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans for lower-case names with a strong cue before or around them."""
    out: list[tuple[int, int]] = []
    for rx in (ROLE_IS, ME_AND, I_AM):
        for m in rx.finditer(text):
            g = 1 if m.group(1) else 2
            w = m.group(g)
            # after "my sw is" only a listed given name: "my sw is ment to come" is a typo, not a person
            listed = rx is not ROLE_IS or w.casefold() in names_first
            if listed and not stop(w.casefold()) and _ok_lower(w, names_first, allow_common=True):
                out.append((m.start(g), m.end(g)))
    tail = text.rstrip()
    sm = LOWER_SIGNOFF.search(tail)
    if sm:
        w = sm.group(1).casefold()
        # a dash, a greeting or an age after the word on the last line ("\nfaith 14") marks a signature
        cued = bool(re.search(r"[-–—~]|from|love|signed", tail[sm.start() : sm.start(1)]))
        cued = cued or (sm.group(2) is not None and "\n" in tail[max(0, sm.start() - 1) : sm.start(1)])
        if not stop(w) and _ok_lower(w, names_first, allow_common=cued):
            out.append((sm.start(1), sm.end(1)))
    return out


def initial_hits(text: str, toks: list[Token], hit: set[int], stop: Callable[[str], bool]) -> set[int]:
    """Bare initials and short all-capital nicknames: "call her J", "AJ went awol", "Dominik (DW)"."""
    out: set[int] = set()
    anonymised: set[str] | None = None  # found once per text, not once per letter (issue 15)
    after_det: set[str] | None = None  # likewise
    for i, t in enumerate(toks):
        if i in hit or not t.text.isupper() or len(t.text) > 3 or t.text in {"I", "A"}:
            continue
        lw = t.lower
        if lw in TITLES:
            continue
        if lw in ACRONYMS or stop(lw):
            # an acronym is an initial only with plain evidence of a person: a bracket naming a young
            # person after it or around it, or (not for a role such as TM) a verb only a person does
            # where the report never writes it after "the" or "my"
            if len(t.text) < 2 or lw in _NEVER_INITIALS:
                continue
            if _bracketed_person(text, toks, i):
                out.add(i)
            elif t.initial and lw not in ROLE_ACRONYMS and not stop(lw) and ANIMATE_VERB.match(text, t.end):
                if after_det is None:
                    after_det = _after_determiner(toks)
                if t.text not in after_det:
                    out.add(i)
            continue
        # a letter that anonymises someone ("Young Person X", "Child B") is not an initial
        if len(t.text) == 1:
            if anonymised is None:
                anonymised = {m.group(1).lower() for m in _ANON_LETTER.finditer(text)}
            if t.text.lower() in anonymised:
                continue
        prev = toks[i - 1] if i else None
        plow = prev.lower if prev else ""
        before = text[prev.end : t.start] if prev else ""
        after = text[t.end : t.end + 40]
        if plow in _NOT_INITIAL_BEFORE and before.strip() == "":
            continue
        if len(t.text) >= 2 and _bracketed_person(text, toks, i):
            out.add(i)
            continue
        # "(DW)" straight after a name found elsewhere
        if prev is not None and (i - 1) in hit and re.fullmatch(r"\s*\(", before) and after.startswith(")"):
            out.add(i)
            continue
        if PERSON_VERB.match(after) and (
            prev is None or t.initial or plow in {"and", "with", "her", "him", "told", "asked", "that", "when", "say"}
        ):
            out.add(i)
            continue
        if plow in {"call", "called", "named"}:
            out.add(i)
            continue
        if len(t.text) == 1 and i >= 2 and toks[i - 2].lower in {"call", "called"} and plow in {"her", "him", "them"}:
            out.add(i)
            continue
        # a dotted single initial: "said R. had been"
        rest = after[1:] if len(t.text) == 1 and after.startswith(".") else after
        if (PERSON_VERB.match(rest) or STATE_VERB.match(rest)) and (t.initial or plow in _ADDRESSED or plow == "said"):
            out.add(i)
            continue
        # an age, then the sentence goes on ("AB (14) disclosed"), not a count in a list ("MH (2),")
        aged = _AGE.match(after)
        if (aged and re.match(r"\s+[a-z]", after[aged.end() :])) or (
            plow in _ADDRESSED and before.strip() == "" and re.match(r"\s*[,.;:!?)]", after)
        ):
            out.add(i)
    return _carry_initials(text, toks, hit, out, anonymised)


def _after_determiner(toks: list[Token]) -> set[str]:
    """Capitals the report writes after "the", "my" somewhere ("the IC", "my TM"): a role or a
    thing there, never someone's initials."""
    return {t.text for k, t in enumerate(toks) if k and t.text.isupper() and toks[k - 1].lower in _DETS}


def _bracketed_person(text: str, toks: list[Token], i: int) -> bool:
    """ "TM (other YP)", "KO (YP, for the first part)", "one young person (DW)", "the boy (AB)"."""
    t = toks[i]
    if _PERSON_BRACKET.match(text, t.end):
        return True
    if i == 0 or not text.startswith(")", t.end):
        return False
    prev = toks[i - 1]
    # and the sentence goes on: "(DW) told me", not "another YP (OD)." (an overdose)
    goes_on = re.match(r"\)\s*(?:,|\s[a-z])", text[t.end : t.end + 4])
    return prev.lower in _PERSON_NOUNS and bool(goes_on) and bool(re.fullmatch(r"\s*\(\s*", text[prev.end : t.start]))


def _carry_initials(text: str, toks: list[Token], hit: set[int], out: set[int], anon: set[str] | None) -> set[int]:
    """An initial found once with a cue is the same person wherever it stands alone: "who TM is"."""
    found = {toks[i].text for i in out | hit if toks[i].text.isupper() and len(toks[i].text) <= 3}
    found -= {"I", "A"}
    if not found:
        return out
    for i, t in enumerate(toks):
        if i in out or i in hit or t.text not in found or (anon and t.lower in anon):
            continue
        prev = toks[i - 1] if i else None
        if prev is not None and prev.lower in _NOT_INITIAL_BEFORE and not text[prev.end : t.start].strip():
            continue
        # an acronym found once as someone's initials is still the role or thing after "my", "the": "my TM"
        if prev is not None and (t.lower in ACRONYMS or t.lower in NOT_NAMES) and prev.lower in _DETS:
            continue
        out.add(i)
    return out


def propagate_lower(text: str, toks: list[Token], hit: set[int]) -> set[int]:
    """A common-word name found in lower case with a cue ("me and summer") carried to its other
    lower-case mentions, except where the word is used as a word: after a determiner, a
    preposition, a pronoun or "to" ("the summer", "in summer", "she will", "to mark")."""
    names = {toks[k].lower for k in hit if toks[k].text.islower() and is_common(toks[k].lower)}
    return {i for i, _ in lower_repeats(text, toks, hit, names, initial_after_determiner=True)}


def lower_repeats(
    text: str, toks: list[Token], hit: set[int], names: set[str], *, initial_after_determiner: bool
) -> Iterator[tuple[int, str]]:
    """Lower-case mentions of ``names`` not yet in ``hit`` that do not read as the ordinary word, with the
    word before each: not after a determiner or a pronoun ("the summer", "she will"; a sentence's first word
    may follow one when ``initial_after_determiner``), not before "of", "the", "a" ("rose the", "hope of":
    a verb or noun with its object)."""
    if not names:
        return
    for i, t in enumerate(toks):
        if i in hit or t.lower not in names or not t.text.islower():
            continue
        plow = toks[i - 1].lower if i else ""
        if (plow in _DETS or plow in _PRONOUNS) and not (initial_after_determiner and t.initial):
            continue
        if re.match(r"\s+(?:of|the|a|an)\b", text[t.end : t.end + 6]):
            continue
        yield i, plow


# what a person does, straight after a lower-case given name that is also a word: "mark said",
# "rich didnt no", "summer was crying", "will didnt come" (a modal is never followed by these)
_LOWER_ANIMATE = re.compile(
    r"\s++(?:said|says|told|tells|asked|texted|rang|cried|screamed|shouted|swore|laughed|promised|lied|"
    r"apologised|kicked\s+off|ran\s+off|(?:didnt|didn't|doesnt|doesn't|wont|won't|cant|can't|never)\s+(?:even\s+|ever\s+|really\s+|just\s+)?"
    r"(?:come|came|turn|turned|answer|reply|replied|listen|listens|say|tell|ring|rang|text|pick|want|care|"
    r"like|know|no|show|bother|call|visit|speak|talk|help)|(?:was|is)\s+(?:crying|screaming|shouting|"
    r"laughing|upset|fuming|kicking\s+off|angry|scared|sad|off\s+sick))\b"
)
# what may come straight before a lower-case subject: a clause opening ("and rich didnt"), a verb of
# thinking ("i think mark said"), a time word; not a noun it would qualify ("the duty line told him")
_SUBJECT_BEFORE = _ws("""and but so then cos coz cuz because bc when if n & or back now apparently obviously also even
    think thought reckon reckons hope know knew heard guess cause til till until while yesterday today
    tonight earlier later lol tbh there here home out again anyway tho though""")
# a contact word, then a lower-case given name set beside a role: "talk to will my worker"
_APPOS_CUES = _ws(
    "to with wiv and n & ask asked tell told rang ring call called phoned texted messaged saw see seen met meet "
    "like trust want"
)
_LOWER_APPOS = re.compile(
    r"\s+(?:my|our|the|her|his)\s+(?:new\s+|old\s+)?(?:worker|sw|social\s+worker|pa|carer|keyworker|"
    r"key\s+worker|iro|teacher|advocate|mentor|manager)\b"
)


def lower_subjects(text: str, toks: list[Token], hit: set[int], names_first: frozenset[str]) -> set[int]:
    """Lower-case given names that are also words (even a modal such as "will") where the grammar
    makes them a person: the subject of a verb only a person does, or set beside a role after a
    contact word ("i want to talk to will my worker")."""
    out: set[int] = set()
    for i, t in enumerate(toks):
        if i in hit or not t.text.islower() or t.lower not in names_first or len(t.text) < 3:
            continue
        if t.lower in NOT_NAMES or t.lower in TITLES or t.lower in ACRONYMS:
            continue
        prev = toks[i - 1] if i else None
        plow = prev.lower if prev is not None and not t.initial else ""
        if plow in _APPOS_CUES and _LOWER_APPOS.match(text, t.end):
            out.add(i)
            continue
        if not (t.initial or plow in _SUBJECT_BEFORE):
            continue
        if _LOWER_ANIMATE.match(text, t.end):
            out.add(i)
    return out


def unmarked_possessives(text: str, toks: list[Token], hit: set[int]) -> list[tuple[int, int]]:
    """A name found in the report, written again with an "s" and no apostrophe before what is theirs:
    "tylers mum", "Kacpers room". The span is the name without the "s"."""
    names = {toks[k].lower for k in hit if len(toks[k].text) >= 3 and not is_common(toks[k].lower)}
    out: list[tuple[int, int]] = []
    if not names:
        return out
    for i, t in enumerate(toks):
        if i in hit or not t.lower.endswith("s") or t.lower[:-1] not in names or is_common(t.lower):
            continue
        if _OWNED.match(text, t.end):
            out.append((t.start, t.end - 1))
    return out


_OWNED = re.compile(
    r"\s+(?:mum|mam|mom|dad|nan|nana|gran|grandad|brother|sister|bro|sis|carer|carers|sw|worker|room|phone|house|"
    r"place|bf|gf|boyfriend|girlfriend|mate|mates|friend|friends|school|stuff|bag|bike|car|family|baby)\b"
)


_SHIFT_CUES = frozenset({"and", "with", "told", "asked", "rang", "called", "phoned", "texted", "messaged"})


def from_the_shift(text: str, toks: list[Token], hit: set[int], names_first: frozenset[str]) -> set[int]:
    """A listed given name, even an ordinary word, named as a colleague: "will from the day shift"."""
    out: set[int] = set()
    for i, t in enumerate(toks):
        if i in hit or len(t.text) < 3:
            continue
        # an unlisted word qualifies only if it is no ordinary word either ("with lidka from the agency")
        if t.lower not in names_first and (is_common(t.lower) or len(t.text) < 3 or t.lower in LOWER_STOP):
            continue
        prev = toks[i - 1] if i else None
        plow = prev.lower if prev else ""
        if (t.initial or plow in _SHIFT_CUES) and FROM_THE.match(text, t.end):
            out.add(i)
    return out
