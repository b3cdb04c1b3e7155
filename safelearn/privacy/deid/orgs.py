"""Local organisations that carry no venue word: charities, projects, providers and agencies.

`places.py` finds names built on a head word (`Parkside Surgery`, `Oak Lodge`). Local projects and
providers are often named without one (`Kinship Connect`, `Evermore Supported Living`, `Hays Social
Care`), so here a run of two or more capitalised words counts as an organisation where the sentence
says it is one: "referral to X", "the number for X", "worker from X", "provider X", "via X",
"<Name> from X", "<role> at X". A run made only of generic service words ("Children's Social Care",
"Head of Service", "Legal Services"), places and titles is a public service, not a local body.
"""

from __future__ import annotations

import re

from .lexicon import GENERIC_MODIFIERS, MONTHS, NOT_NAMES, ORG_HEADS, PLACES, WEEKDAYS
from .types import Span


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


_WORD = r"(?:[A-Z][\w'’&-]*|\d{1,3})"
_RUN = rf"({_WORD}(?:\s+(?:(?:of|and|&|for|the)\s+)?{_WORD}){{1,4}})"
_CUE = (
    r"(?:referred\s+(?:him|her|them|the\s+family\s+)?\s*to|referral\s+(?:made\s+)?to|signposted\s+to|"
    r"number\s+for|details\s+(?:for|of)|(?:worker|workers|staff|volunteer|officer|manager|coordinator|"
    r"supervisor|solicitor|someone|lady|man|advocate|mentor|tutor|keyworker|counsellor)\s+(?:from|at|of)|"
    r"provider|providers|agency|charity|via|through|goes\s+to|go\s+to|went\s+to|taken\s+to|took\s+\w+\s+to|"
    r"attends|attend|attended|placed\s+with|commissioned\s+from|support\s+from|"
    r"[A-Z][a-z]+\s+(?:from|of|at)|"
    # issue 19 pass 6: a firm named after what it is to the family, or in a form's field
    r"prescriber|"
    r"(?:Agency|Provider|Company|Employer|Organisation|Organization|Charity|Prescriber|Service\s+provider):)"
)
CONTEXT_ORG = re.compile(rf"\b{_CUE}\s+(?:the\s+)?{_RUN}")
# words that name public services, processes and roles rather than a particular local body
_GENERIC = _ws("""social care children's childrens children child adult adults services service team teams
    department dept office council city county borough district metropolitan authority local nhs
    police constabulary yorkshire lancashire west east north south central greater england uk
    national regional government home legal family court courts law protection safeguarding
    board partnership partnerships multi-agency hub front door early help youth justice offending
    mental health camhs cahms education welfare inclusion virtual school schools head heads
    lead manager managers officer officers worker workers director assistant deputy principal
    independent reviewing initial review conference strategy discussion meeting plan plans
    panel assessment pathway personal adviser advisor designated named nurse doctor
    missing exploitation team's working together act regulation section schedule annex form
    emergency duty out hours of and & for the to in a an on at with by leaving care leaver leavers
    fostering adoption residential placements placement commissioning housing benefits universal
    credit job centre jobcentre plus dwp hmrc ofsted cafcass lado mash marac mappa prevent
    probation liaison diversion intervention targeted specialist support disabled disabilities
    short breaks transport business admin it gp a&e ambulance fire rescue hospital trust
    foundation university teaching general royal infirmary mechanism protocol procedure
    procedures framework guidance policy standards referral referrals""")


_DETERMINERS = _ws("the a an this that these those my our his her their your its")


def _generic(w: str) -> bool:
    lw = w.lower().rstrip("'’s") if w.lower().endswith(("'s", "’s")) else w.lower()
    return (
        lw in _GENERIC
        or w.lower() in _GENERIC
        or lw in GENERIC_MODIFIERS
        or lw in PLACES
        or lw in NOT_NAMES
        or lw in ORG_HEADS
        or lw in MONTHS
        or lw in WEEKDAYS
        or lw.isdigit()
        or (w.isupper() and len(w) <= 5)
    )


def detect_context_orgs(text: str) -> list[Span]:
    out: list[Span] = []
    for m in CONTEXT_ORG.finditer(text):
        # a name ends at the end of its line or before wide spaces (a form's fields: "Agency: Bright
        # Paths North\nReported by", "Agency: Bright Paths North   Reported by")
        words = re.split(r"\n|[^\S\n]{2,}", m.group(1), maxsplit=1)[0].split()
        # a trailing digit or connector is not part of the name ("Regulation 44", "Kinship Connect and")
        while words and (words[-1].isdigit() or words[-1].lower() in {"of", "and", "&", "for", "the"}):
            words.pop()
        caps = [w for w in words if w[0].isupper()]
        if len(caps) < 2 or all(_generic(w) for w in caps):
            continue
        if words[0].lower() in _DETERMINERS or words[0].lower() in MONTHS or words[0].lower() in WEEKDAYS:
            continue
        name = " ".join(words)
        start = m.start(1)
        # the run is one phrase in the text only if it is written with single spaces
        if text[start : start + len(name)] != name:
            continue
        out.append(Span(start, start + len(name), "ORG_LOCAL"))
    return out


# a provider's brand followed by its branch town: "Helping Hands Wetherby", "Safe Steps Leeds";
# public bodies put the place first ("Leeds City Council"), so the place must end the run
# tried once per run of word characters, from its first capital after a boundary: every start
# inside "A-A-A-..." used to re-read the rest of the run (issue 15); the matches are the same
_BRANCH = re.compile(r"(?<![\w'’&-])(?>[\w'’&-]*?\b(?=[A-Z]))((?:[A-Z][\w'’&-]*+\s++){1,3})([A-Z][a-z]+)\b(?!\s+[A-Z])")
_PUBLIC = _ws("""care council police constabulary city county borough metropolitan district nhs trust children's
    childrens social services service adult adults government national west east north south greater
    university college school hospital""")
_FUNCTION = _ws("""in at from to the a an and or of for on by with into near via both back also then so but
    when if as moved went lives live living go going come came born based stay stayed stays visit
    visited dear hi hello from our my his her their this that""")
# a housing association named after its town: "Wakefield District Housing", "Leeds Federated Housing"
_HOUSING = re.compile(r"\b([A-Z][a-z]+\s+[A-Z][a-z]+\s+(?:Housing|Homes))\b")
# a hospital known by its initials: "taken to LGI", "LGI neurology" (Infirmary, Hospital)
_HOSP_INITIALS = re.compile(
    r"\b(?:to|at|from|in|and)\s+([A-Z]{2,3}[IH])\b|\b([A-Z]{2,3}[IH])\s+(?:A&E|a&e|neurology|maternity|"
    r"paediatrics|outpatients|children's ward|ward|clinic|minor injuries|fracture clinic)"
)
_NOT_HOSPITAL = _ws("MASH MRI RHI PPI KPI BMI DSH CAMH ACEH MACH FGMH DOH DFEH")


def detect_branch_orgs(text: str) -> list[Span]:
    out: list[Span] = []
    for m in _BRANCH.finditer(text):
        place = m.group(2)
        if place.lower() not in PLACES:
            continue
        words = m.group(1).split()
        # drop leading function words and sentence openers ("In", "Moved to")
        while words and words[0].lower() in _FUNCTION:
            words.pop(0)
        if not words or any(w.lower() in _FUNCTION or w.lower() in PLACES for w in words):
            continue
        if all(w.lower().rstrip("'’s") in _PUBLIC or w.lower() in _PUBLIC for w in words):
            continue
        if words[0].lower() in MONTHS or words[0].lower() in WEEKDAYS or words[0].isupper():
            continue
        if len(words) == 1 and not words[0].endswith(("'s", "’s")):
            continue
        start = m.end(2) - len(" ".join([*words, place]))
        if text[start : m.end(2)] != " ".join([*words, place]):
            continue
        out.append(Span(start, m.end(2), "ORG_LOCAL"))
    for m in _HOUSING.finditer(text):
        first, second = m.group(1).split()[:2]
        if first.lower() in PLACES and second.lower() not in _PUBLIC - {"district"}:
            out.append(Span(m.start(1), m.end(1), "ORG_LOCAL"))
    for m in _HOSP_INITIALS.finditer(text):
        g = 1 if m.group(1) else 2
        if m.group(g) not in _NOT_HOSPITAL:
            out.append(Span(m.start(g), m.end(g), "ORG_LOCAL"))
    return out


class ContextOrgDetector:
    def detect(self, text: str) -> list[Span]:
        return detect_context_orgs(text) + detect_branch_orgs(text)
