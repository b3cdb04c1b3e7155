"""Named places and providers that the head-word rules in `places.py` miss (issue 19, blind set 7):
a school, nursery or practice typed in lower case ("at little acorns nursery", "gp at jubilee street
practice"), a home known by its name after a capital "The" mid-sentence ("search at The Willows"), a
provider with a brand word before a generic service name ("Compass Young People's Substance Service"),
a health and social care partnership after its place ("Glasgow City HSCP"), an agency whose last
word is a trade ("Northpoint Care Staffing"), a branch after a dental or care practice ("Smile Dental
Care Kingsway"), a named house before its street ("The Old Forge, Hollow Lane"), and a plot or pitch
on a site ("plot 7 riverside travellers site").

The words of the name are what makes each rule safe: "at the nursery", "at secondary school", "the
old forge was", "a plot of land", "Youth Justice Service" and "National Weather Service" stay.
"""

from __future__ import annotations

import re

from .lexicon import GENERIC_MODIFIERS, MONTHS, NOT_NAMES, ORG_HEADS, PLACES, WEEKDAYS, is_common
from .orgs import _GENERIC
from .tokens import is_initial
from .types import Span


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


_LOWER_HEADS = (
    r"(?:nursery|academy|practice|surgery|primary|college|school|pre-school|preschool|medical\s+centre|health\s+centre)"
)
# one to three lower-case words before the head, after a word that places someone there
LOWER_ORG = re.compile(
    r"\b(?:at|to|from|attends|attend|attending|attended|joined|started|into)[^\S\n]++"
    rf"((?>[a-z][a-z'’-]*+[^\S\n]++){{1,3}}){_LOWER_HEADS}\b"
)
# words that describe a kind of school or practice, never name one
_KIND_WORDS = _ws("""primary secondary high junior infant infants special boarding sunday forest big new old local
    previous current same other another dental gp medical general private state grammar catholic church faith
    independent free mainstream alternative day night summer holiday breakfast after sixth form comprehensive
    village community nearest nearby usual doctors doctor's doctors' dentist dentists dentist's vet vets family
    walk-in nursery secondary upper lower middle first infant's nursery's pre prep prep-school home school
    his her their my your our the a an this that these those its same any no every each one two both
    main satellite virtual hospital residential specialist further training language driving art music
    dance drama football sports swimming maths english science college university uni work working
    full part time full-time part-time morning afternoon evening weekend holiday-club hub forest
    mainstream pru ap alternative-provision gp's surgery practice academy primary
    to go goes going went gone get gets got back off out up down in on at of for with and or but not from
    into stay stayed stays attend attends start started leave left miss missed is was be been are were""")
# a home or a house known by name, after a capital "The" inside a sentence: "search at The Willows"
THE_NAMED = re.compile(
    r"\b(?:at|to|from|into|leaving|left|outside|near|back\s+to|returned\s+to|placed\s+at)[^\S\n]++"
    r"(The[^\S\n][A-Z][a-z'’]++(?:[^\S\n][A-Z][a-z'’]++)?)\b(?![^\S\n]*+[A-Z&])"
)
# a provider: a brand word, then only words that say what the service does ("Compass Young People's
# Substance Service"); a run made only of service words is the public service itself
BRAND_SERVICE = re.compile(
    r"(?<![\w'’&-])([A-Z][\w'’&-]*+(?:[^\S\n]++[A-Z][\w'’&-]*+){1,4}?)[^\S\n]++(?:Service|Services|Project)\b"
)
_SERVICE_WORDS = _ws("""young people people's peoples people’s person persons children's childrens child adult adults
    family families youth substance substances misuse drug drugs alcohol sexual health mental wellbeing
    well-being emotional early help intervention support advice treatment recovery therapeutic counselling
    advocacy leaving care justice offending probation prison police ambulance fire rescue crown prosecution
    court courts tribunal education inclusion attendance welfare psychology psychological educational
    sensory speech language learning disability disabilities disabled autism domestic abuse violence
    homeless homelessness housing tenancy outreach specialist community integrated targeted national
    regional local county city council social children adoption fostering forest park weather wildlife
    fish soil conservation geological postal health-visiting visiting nursing school schools midwifery
    maternity neonatal paediatric pediatric mediation contact translation interpreting interpreter
    interpreters transport emergency duty out hours crisis liaison diversion missing exploitation
    victim victims witness witnesses legal information customer civil border immigration asylum
    refugee refugees prevention protection safeguarding inclusion employment careers benefits""")
# a health and social care partnership, board or commissioner known by its initials after its place
PARTNERSHIP = re.compile(
    r"\b([A-Z][a-z]++(?:[^\S\n]++(?:City|County|and|&|[A-Z][a-z]++))?[^\S\n]++(?:HSCP|ICB|CCG|LSCP|HSCT))\b"
)
# an agency named for its trade: "<Name> Care Staffing", "<Name> Recruitment"
TRADE = re.compile(
    r"(?<![\w'’&-])([A-Z][\w'’&-]*+(?:[^\S\n]++[A-Z][\w'’&-]*+){0,2}?[^\S\n]++(?:Staffing|Recruitment|Personnel|Locums))\b"
)
# a dental or care practice and its branch: "Smile Dental Care Kingsway", "Bright Dental Leeds"
BRANCH_AFTER_PRACTICE = re.compile(
    r"(?<![\w'’&-])([A-Z][\w'’&-]*+[^\S\n]++(?:Dental|Dentistry|Orthodontics|Opticians|Optometrists|Physio|Pharmacy)"
    r"(?:[^\S\n]++(?:Care|Practice|Clinic|Centre|Studio))?[^\S\n]++[A-Z][a-z]++)\b(?![^\S\n]++[A-Z])"
)
# a named house or cottage just before its street and a comma: "The Old Forge, Hollow Lane"
HOUSE_WORDS = r"(?:Cottage|Cottages|House|Lodge|Barn|Farm|Forge|Mill|Manor|Grange|Rectory|Vicarage|Croft|Hall|Oast)"
NAMED_HOUSE = re.compile(
    r"(?<![\w'’&-])((?:The[^\S\n]++(?:[A-Z][a-z'’]++[^\S\n]++){0,2}[A-Z][a-z'’]++)"
    rf"|(?:[A-Z][a-z'’]++[^\S\n]++){{1,2}}{HOUSE_WORDS}),[^\S\n]*+"
    r"(?=[A-Z][a-z'’]++(?:[^\S\n]++[A-Z][a-z'’]++)?[^\S\n]++(?:Lane|Road|Street|Avenue|Close|Drive|Way|Row|Hill|Green|"
    r"Terrace|Crescent|Gardens|Grove|Place|Walk|Rise|View|Court|Mews)\b)"
)
# a plot or pitch on a site: "plot 7 riverside travellers site", "pitch 12, Oakfield Caravan Park"
PLOT = re.compile(
    r"\b(?i:plot|pitch)[^\S\n]++\d{1,3}[a-zA-Z]?,?[^\S\n]++(?>[A-Za-z][a-z'’-]*+[^\S\n]++){0,3}"
    r"(?i:travellers?['’]?|gypsy|caravan|mobile[^\S\n]++home|residential|park[^\S\n]++home)[^\S\n]++(?i:site|park)\b"
)


# issue 19 pass 4: a lower-case place named by a word before its kind, after a word that places
# someone there: "at the willows family centre", "near kirkdale youth club", "from ridgeway academy"
LOWER_PLACE = re.compile(
    r"\b(?:at|to|from|near|outside|into|of|attends|attending|attended|excluded[^\S\n]++from)[^\S\n]++(?:the[^\S\n]++)?"
    r"((?!(?:at|to|from|near|the|in|on|of|and|or|by)\b)[a-z][a-z'’-]*+"
    r"(?:[^\S\n]++(?!(?:at|to|from|near|the|in|on|of|and|or|by)\b)[a-z][a-z'’-]*+){0,2}?)[^\S\n]++"
    r"(?:centre|youth[^\S\n]++club|club|lodge|lodgings|foodbank|food[^\S\n]++bank|academy|view|grange|manor)\b"
)
# a hospital ward by its number, typed in lower case: "discharged from ward 44"
WARD_NUMBER = re.compile(r"\b(?i:ward)[^\S\n]++\d{1,3}[A-Za-z]?\b")
# a prison or young offender institution named by its place: "HMP Leeds", "hmyoi wetherby"
PRISON = re.compile(r"\b(?i:hmp|hmyoi|yoi)[^\S\n]++[A-Za-z][a-z]++\b")
# the words before a head that make a kind of place, not a name: "the leisure centre", "my mums club"
_KIND_BEFORE_HEAD = (
    _KIND_WORDS
    | GENERIC_MODIFIERS
    | _ws(
        """job town city shopping sports leisure health contact children's childrens family youth day
    community civic garden test vaccination walk-in boxing football rugby cricket dance gym golf
    tennis swimming breakfast homework drama chess coding karate judo running cycling social
    working mens men's womens women's lads girls boys kids mums mum's dads nans friends mates
    rehab detox assessment respite holiday after-school afterschool night music police care school
    other same new old local nearest big small main own"""
    )
)


def _lower_places(text: str) -> list[Span]:
    out: list[Span] = []
    for m in LOWER_PLACE.finditer(text):
        words = m.group(1).split()
        # the name comes first; kind words may follow it ("willows family centre")
        if words[0] in _KIND_BEFORE_HEAD or words[0] in _GENERIC or not _name_word(words[0]):
            continue
        # a verb form is no name ("regenerating lodge", "went to club")
        if any(w in MONTHS or w in WEEKDAYS or w.endswith(("ing", "ed")) for w in words):
            continue
        out.append(Span(m.start(1), m.end(), "ORG_LOCAL"))
    for m in WARD_NUMBER.finditer(text):
        out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    for m in PRISON.finditer(text):
        out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    return out


def _name_word(lw: str) -> bool:
    return lw not in _KIND_WORDS and lw not in MONTHS and lw not in WEEKDAYS


def _lower_orgs(text: str) -> list[Span]:
    out: list[Span] = []
    for m in LOWER_ORG.finditer(text):
        words = m.group(1).split()
        if not all(_name_word(w) for w in words):
            continue
        # two name words, or one that is no ordinary word ("at greenside academy")
        if len(words) < 2 and is_common(words[0]):
            continue
        out.append(Span(m.start(1), m.end(), "ORG_LOCAL"))
    return out


def _named_homes(text: str) -> list[Span]:
    out: list[Span] = []
    for m in THE_NAMED.finditer(text):
        words = [w.lower() for w in m.group(1).split()[1:]]
        if any(w in NOT_NAMES or w in _GENERIC or w in ORG_HEADS or w in MONTHS or w in WEEKDAYS for w in words):
            continue
        out.append(Span(m.start(1), m.end(1), "ORG_LOCAL"))
    return out


def _brand_services(text: str) -> list[Span]:
    out: list[Span] = []
    for m in BRAND_SERVICE.finditer(text):
        words = m.group(1).split()
        first = words[0].lower()
        rest = [w.lower() for w in words[1:]]
        if len(words) < 3 or is_initial(text, m.start(1)):
            continue
        if first in _SERVICE_WORDS or first in _GENERIC or first in GENERIC_MODIFIERS or first in NOT_NAMES:
            continue
        if first in MONTHS or first in WEEKDAYS or words[0].isupper() or first in {"the", "a", "an"}:
            continue
        if all(w in _SERVICE_WORDS or w in _GENERIC for w in rest):
            out.append(Span(m.start(1), m.end(), "ORG_LOCAL"))
    return out


def detect_named_places(text: str) -> list[Span]:
    out = _lower_orgs(text) + _named_homes(text) + _brand_services(text) + _lower_places(text)
    # the rarer rules look only at texts holding their key word (a plain substring test is cheap)
    low = text.lower()
    for m in PARTNERSHIP.finditer(text) if re.search(r"HSCP|ICB|CCG|LSCP|HSCT", text) else ():
        if m.group(1).split()[0].lower() in PLACES:
            out.append(Span(m.start(1), m.end(1), "ORG_LOCAL"))
    trade = re.search(r"Staffing|Recruitment|Personnel|Locums|Dent|Orthodont|Optic|Optom|Physio|Pharmacy", text)
    for rx in (TRADE, BRANCH_AFTER_PRACTICE) if trade else ():
        for m in rx.finditer(text):
            words = m.group(1).split()
            first = words[0].lower()
            if first in {"the", "a", "an"} or first in NOT_NAMES or is_initial(text, m.start(1)):
                continue
            # a brand is a word in no dictionary or a place ("Northpoint"), not "Safety Personnel"
            if rx is TRADE and all(is_common(w.lower()) and w.lower() not in PLACES for w in words[:-1]):
                continue
            out.append(Span(m.start(1), m.end(1), "ORG_LOCAL"))
    for m in NAMED_HOUSE.finditer(text) if ", " in text else ():
        words = m.group(1).split()
        if any(w.lower() in MONTHS or w.lower() in WEEKDAYS for w in words):
            continue
        out.append(Span(m.start(1), m.end(), "ADDRESS"))
    for m in PLOT.finditer(text) if ("plot" in low or "pitch" in low) else ():
        out.append(Span(m.start(), m.end(), "ADDRESS"))
    out.extend(_pass5_places(text, low))
    return out


# issue 19 pass 5 -------------------------------------------------------------------------------
# a hospital ward named by a code ("Ward J27", "ward 4B"): with the hospital it locates a parent
WARD_CODE = re.compile(r"\b[Ww]ard[^\S\n]++(?:[A-Z]\d{1,3}|\d{1,3}[A-Z])\b")
# a firm named by a code before its trade ("A1 Cars", "247 Taxis")
CODE_FIRM = re.compile(
    r"\b(?:[A-Z]{1,3}\d{1,3}|\d{1,3}[A-Z]?)[^\S\n]++(?:Cars|Taxis?|Cabs|Motors|Private[^\S\n]Hire)\b"
)
# a local leaving-care or youth service named by a place and an age ("Harbourside 16+ Service")
AGE_SERVICE = re.compile(
    r"\b[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+)?[^\S\n]++1[68]\+[^\S\n]++"
    r"(?:Service|Team|Project|Hub|Accommodation|Housing|Supported[^\S\n]Living|Provision)\b"
)
# a lower-case school called "<name> high" ("my kingsmead high uniform"); the name is no ordinary word
LOWER_HIGH = re.compile(
    r"\b([a-z]{4,}+)[^\S\n]++high\b(?![^\S\n]++(?:risk|level|alert|street|st|road|rd|on|up|as|and))"
)
# a shop or place, then the street it is on, typed in lower case: "outside greggs on briggate"
ON_STREET = re.compile(r"\b(?:outside|at|near|by|in|from)[^\S\n]++([a-z]{3,}+)[^\S\n]++on[^\S\n]++([a-z]{4,}+)\b")


_PLACE_KINDS = _ws("""school home house shop shops park station church mosque college work town city bus train
    car van flat flats estate road street corner garage pub club centre hospital court library gym cafe chippy
    shopping precinct square market field fields bridge canal river beach bench the a an his her their my our""")


def _pass5_places(text: str, low: str) -> list[Span]:
    out: list[Span] = []
    for m in WARD_CODE.finditer(text) if "ard " in text else ():
        out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    for rx in (CODE_FIRM, AGE_SERVICE):
        for m in rx.finditer(text):
            out.append(Span(m.start(), m.end(), "ORG_LOCAL"))
    for m in LOWER_HIGH.finditer(text) if " high" in low else ():
        if not is_common(m.group(1)) and m.group(1) not in NOT_NAMES:
            out.append(Span(m.start(), m.end(), "SCHOOL"))
    for m in ON_STREET.finditer(text) if " on " in text else ():
        place, street = m.group(1), m.group(2)
        if is_common(street) or street in NOT_NAMES or street in MONTHS or street in WEEKDAYS:
            continue
        out.append(Span(m.start(2), m.end(2), "ADDRESS"))
        # the place before is named too unless it is a kind of place ("outside school on briggate");
        # shop names are often dictionary words or brands in the word lists ("greggs")
        if place not in _PLACE_KINDS and place not in NOT_NAMES:
            out.append(Span(m.start(1), m.end(1), "ORG_LOCAL"))
    return out


class NamedPlaceDetector:
    def detect(self, text: str) -> list[Span]:
        return detect_named_places(text)
