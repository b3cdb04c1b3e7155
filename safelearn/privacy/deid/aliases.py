"""Names that stand as labels, aliases and initials (issue 19, pass 5).

Blind set 9 leaked people the other rules never look at, in four general shapes:

* **chat transcripts typed into a report**: lines ``kayz: u comin 2nite``. A word that opens two or
  more lines of a block of ``label:`` lines, is not a field label (``Date``, ``Ref``, ``Note``) and not
  a role (``mum``, ``staff``, ``SW``), is a speaker, so a name, whatever its case;
* **aliases glossed by a full name**: ``TJ (Tyler-Jay Brennan)``, ``'kayz' is Kayla Dunford``,
  ``Tilly = Matilda Shore``. The alias is a name; the engine then carries it to its other mentions;
* **upper-case initials used as names in a log** (``22:05 TJ refused``, ``Sleep-in: LB``): in a report
  with two or more lines opening with a time, 2–3 capitals that are not a known acronym are a name;
* **a kin or title word before a capitalised word**: ``Auntie May``, ``Uncle Frank``, ``Nana Rose``;
  in lower case only before a listed given name that is not a frequent word (``my nan pat``).

Each rule returns character spans; the person detector adds them to what it found before propagation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .cues import ACRONYMS, ROLE_ACRONYMS
from .lexicon import first_names, is_everyday


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


# labels that open lines of a form or minutes, never a speaker
_FIELD_LABELS = _ws(
    """date time ref reference subject from to re cc bcc note notes action actions outcome outcomes present
    apologies q a question answer name dob address location category type school agency referrer reported
    by summary description details detail plan review update updates staff child children baby patient
    carer carers parent parents mum mom mam dad mother father nan nana gran grandma grandad sister brother
    me you us them him her me i we they he she worker sw dsl tm pa iro gp police officer pc teacher
    manager keyworker key operator driver vehicle reg phone tel mob mobile email web url site ward unit
    room incident log entry entries result results risk risks concern concerns issue issues message
    messages text texts sms chat status priority decision decisions minutes item items agenda attendees
    chair signed sender recipient sent received read delivered edited deleted admin system bot auto
    venue purpose background analysis response comments comment feedback advice voice view views
    sleep waking night day shift am pm morning evening afternoon handover suspect victim ip witness
    offender aggrieved informant caller callee source medication meds obs observation observations
    diagnosis prescriber pharmacist gp health education social other others family friend friends
    nb ps fyi tldr edit update"""
)

# acronyms of social care, public services, schools and everyday life: never taken as someone's
# initials by the log rule (generous on purpose; a missed pair of initials costs less than a log
# where every acronym is blacked out)
_ACRONYM_WORDS = (
    _ws(
        """cp cin lac cla sw tm iro dsl senco camhs mash edt pa gp ae nhs id uk adhd asd sen send ehcp pep lado
    icpc rcpc plo cse cce fgm dv da marac mappa yot yp yps fc sgo uasc nrm ppn cid pcso dc ds pc ta hv ot
    salt it cctv mar prn bst gmt am pm ok tv pe re dt ict ks abh gbh asb aob ao nfa rta rtc mp mfh
    cpr ecg bp bmi hr rm dht ht slt ceo cfo hq dob doa eta etc pto ooh ofsted dfe la lea las lsa lscp
    scr cspr csr mosaic liquid lcs eclipse ics cpms sop kpi icb ics hscp ccg nhse phe ukhsa dwp hmrc dvla
    ni nino uc pip dla esa jsa hb ct cab bme bame lgbt lgbtq lgbtqia gcse gcses btec nvq sats ks1 ks2
    ks3 ks4 ks5 y7 y8 y9 y10 y11 y12 y13 pru ap ehe fsm pp ppg lac nhs ccg mh mhst ldn ld asc sld pmld
    mld semh spld ocd ptsd eupd bpd pd ed ae ed icu nicu picu scbu mau cdu amu ga aande ed ane
    ed ok no yes na n/a tbc tba tbd asap fyi aka fao nb ps ie eg vs rip lol omg wtf idk tbh imo ngl
    brb ttyl np ty thx pls plz xx xxx x ha ah oh uh um hmm ur u bf gf bff dm dms pm pms sms mms
    ip os pc ps ds dc di dci dsu sgt insp cc acc dcc ch supt pco hmp hmyoi yoi sto stc sch stc
    wpc dpo dpa gdpr foi sar ico dbs crb cro pnc pnd pni niche storm athena pace ab cab uk gb eu usa us
    un bbc itv nhs dla sos mi6 fbi cia ira isis bnp edl
    bmw vw kfc mg ds bt ee o2 jd hm tk mot
    ns dna dnr diy tv dvd cd pc xbox ps4 ps5 wifi usb sim pin otp atm"""
    )
    | ACRONYMS
    | ROLE_ACRONYMS
)
ACRONYM_WORDS = _ACRONYM_WORDS

# a chat copied with its times and the speaker's role: "23:14 lils: u up", "21:15 jo (SSW): ok" (pass 6)
_SPEAKER_LINE = re.compile(
    r"^[^\S\n]*+(?:\[?(?:[01]?\d|2[0-3])[:.][0-5]\d\]?[^\S\n]++)?([A-Za-z][\w'’.-]{0,24}+)"
    r"(?:[^\S\n]++\([A-Za-z ]{1,20}+\))?[^\S\n]*+:(?!\d)[^\S\n]*+\S",
    re.MULTILINE,
)
_TIME_LINE = re.compile(r"^[^\S\n]*+(?:[01]?\d|2[0-3])[:.][0-5]\d\b", re.MULTILINE)
_UPPER = re.compile(r"(?<![\w/&.+-])([A-Z]{2,3})(?![\w/&+]|-\w|\.\w)")

_FULL_NAME = r"([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:[^\S\n]+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?){1,3})"
_ALIAS_BRACKET = re.compile(
    rf"(?<![\w'’-])([A-Z]{{2,3}}|[A-Z][a-z]+|[a-z]{{2,}})[^\S\n]*+\([^\S\n]*+{_FULL_NAME}[^\S\n]*+[),]"
)
_QUOTED_ALIAS = re.compile(
    rf"['‘\"“]([A-Za-z][\w.-]{{1,20}})['’\"”][^\S\n]+(?:is|=|means|believed[^\S\n]+to[^\S\n]+be|"
    rf"is[^\S\n]+believed[^\S\n]+to[^\S\n]+be|is[^\S\n]+short[^\S\n]+for)[^\S\n]+{_FULL_NAME}"
)
_EQUALS_ALIAS = re.compile(rf"(?<![\w'’-])([A-Za-z][\w.-]{{1,20}})[^\S\n]*+=[^\S\n]*+{_FULL_NAME}")
_KIN_WORDS = [
    "auntie",
    "aunty",
    "aunt",
    "uncle",
    "nana",
    "nanna",
    "nanny",
    "nan",
    "granny",
    "grandma",
    "grandad",
    "grandpa",
    "cousin",
    "gran",
]
# a kin word, capital or not, before a capitalised name ("Auntie May", "nana June"); "Gramps" only as a title
_KIN_CAP = re.compile(
    r"\b(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in [*_KIN_WORDS, "gramps"])
    + r")[^\S\n]++([A-Z][a-z'’]+(?:-[A-Z][a-z]+)?)\b"
)
# capitalised words that follow a kin word without being a name ("Nan And Grandad", "Uncle In Leeds")
_NOT_AFTER_KIN = _ws(
    """and or the a an in on at to of for from with is was has had said says who which that
    i i'm i’m i've i’ve i'd i’d i'll i’ll he she we they you it his her their my our your"""
)
_KIN_LOWER = re.compile(r"\b(?:" + "|".join(_KIN_WORDS) + r")[^\S\n]++([a-z]{3,})\b")


def speaker_labels(text: str) -> list[tuple[int, int]]:
    """Speakers of a chat typed into a report: a label opening two or more lines of a run of labelled lines."""
    lines = list(_SPEAKER_LINE.finditer(text))
    found = [m for m in lines if m.group(1).lower().rstrip(".") not in _FIELD_LABELS]
    own_lines = sum(1 for m in lines if m.group(1).lower() == "me")
    if len(found) + own_lines < 3:
        return []
    counts = Counter(m.group(1).lower() for m in found)
    # a label typed in lower case is a chat name ("bobs:"), a capitalised ordinary word a log's field
    typed_lower = Counter(m.group(1).lower() for m in found if m.group(1).islower())
    # an upper-case label that is an acronym is a role or a team ("SW:", "DSL:"), never initials
    # nor is a capitalised everyday word that is no given name ("Breakfast:", "Lunch:" in a timed log)
    speakers = {
        w
        for w, n in counts.items()
        if n >= 2
        and w not in ROLE_ACRONYMS
        and (w in first_names() or not is_everyday(w.rstrip(".")) or typed_lower[w])
    }
    # a chat has at least two voices; one label repeated is a form field ("Staff: ...", "Staff: ...");
    # the writer's own lines ("me: ...") are a voice (pass 7)
    if len(speakers) + (own_lines >= 1) < 2:
        return []
    return [(m.start(1), m.end(1)) for m in found if m.group(1).lower() in speakers]


def glossed_aliases(
    text: str, is_given: Callable[[str], bool], excluded: Callable[[str], bool], ordinary: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """An alias explained by a full name: ``TJ (Tyler-Jay Brennan)``, ``'kayz' is Kayla``, ``Tilly = Matilda Shore``."""
    out: list[tuple[int, int]] = []
    for pattern in (_ALIAS_BRACKET, _QUOTED_ALIAS, _EQUALS_ALIAS):
        for m in pattern.finditer(text):
            alias, full = m.group(1), m.group(2)
            if not is_given(full.split()[0].split("-")[0].lower()):
                continue
            low = alias.lower()
            if (alias.isupper() and low in _ACRONYM_WORDS) or excluded(low) or low in _FIELD_LABELS:
                continue
            # a bracket is a weaker gloss than "is" or "=": an ordinary word before it is a word ("Agency (Jo Bell)")
            if pattern is _ALIAS_BRACKET and not alias.isupper() and ordinary(low):
                continue
            out.append((m.start(1), m.end(1)))
    return out


def log_initials(text: str) -> list[tuple[int, int]]:
    """In a log (two or more lines opening with a time), 2-3 capitals that are no known acronym are initials."""
    if len(_TIME_LINE.findall(text)) < 2:
        return []
    out: list[tuple[int, int]] = []
    for m in _UPPER.finditer(text):
        word = m.group(1)
        if word.lower() in _ACRONYM_WORDS:
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        after = text[m.end() : m.end() + 2]
        # a heading in capitals ("NEAR MISS: ABC") or a code next to digits is no one's initials
        if re.search(r"[A-Z][^\S\n]$", before) or re.match(r"[^\S\n][A-Z]{2}", after) or re.match(r"[^\S\n]?\d", after):
            continue
        out.append((m.start(1), m.end(1)))
    return out


def kin_names(text: str, is_given: Callable[[str], bool], frequent: Callable[[str], bool]) -> list[tuple[int, int]]:
    """A capitalised word after a kin word (``Auntie May``), or a listed rare given name (``my nan pat``)."""
    out = [(m.start(1), m.end(1)) for m in _KIN_CAP.finditer(text) if m.group(1).lower() not in _NOT_AFTER_KIN]
    for m in _KIN_LOWER.finditer(text):
        word = m.group(1)
        if is_given(word) and not frequent(word):
            out.append((m.start(1), m.end(1)))
    return out


def alias_mentions(text: str, spans: list[tuple[int, int]], ordinary: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Every other mention of a speaker or alias that is no ordinary word, with an unmarked possessive too
    (``at mases`` after ``'mase' = Mason``): the engine's propagation matches whole tokens only."""
    words = {text[a:b].lower() for a, b in spans if b - a >= 3}
    words = {w for w in words if not ordinary(w) and w not in _ACRONYM_WORDS}
    if not words:
        return []
    pattern = re.compile(r"(?<![\w@.])(" + "|".join(re.escape(w) for w in sorted(words)) + r")(?=s?\b)", re.IGNORECASE)
    return [(m.start(1), m.end(1)) for m in pattern.finditer(text)]
