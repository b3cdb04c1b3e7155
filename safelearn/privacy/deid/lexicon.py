"""Word lists: generated name lists, a common-word list and hand-written stop lists.

Heavy lists are loaded once, lazily, and cached.
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import cache
from pathlib import Path

from .terms import NON_PERSON_TERMS

DATA = Path(__file__).resolve().parent / "data"


def _read(name: str) -> frozenset[str]:
    path = DATA / name
    if name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return frozenset(line.strip() for line in f if line.strip())
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})


def fold(word: str) -> str:
    """A word without its diacritics, as data/build_lexicons.py folds the name lists (Łucja -> lucja)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def first_names() -> frozenset[str]:
    return _read("first_names.txt")


@cache
def surnames() -> frozenset[str]:
    return _read("surnames.txt")


@cache
def common_words() -> frozenset[str]:
    # names that the 1934 dictionary also lists as rare words (hamza, joss) count as names
    return (_read("common_words.txt.gz") - _read("rare_name_words.txt")) | EXTRA_COMMON | IRREGULAR


_SUFFIXES = (
    ("'s", ""),
    ("’s", ""),
    ("n't", ""),
    ("'ve", ""),
    ("'re", ""),
    ("'ll", ""),
    ("'d", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("ers", ""),
    ("ly", ""),
    ("d", ""),
)


@cache
def is_common(word: str) -> bool:
    """True for an ordinary English word, including simple inflections (weeks, held, booking)."""
    return _in_wordlist(word, common_words())


@cache
def everyday_words() -> frozenset[str]:
    return (_read("everyday_words.txt.gz") - _read("rare_name_words.txt")) | EXTRA_COMMON | IRREGULAR


@cache
def is_everyday(word: str) -> bool:
    """An ordinary word still in everyday use: web2 also lists obsolete words that are today mostly
    names (jessamy, raff, birchwood), which a capital letter should then mark as a possible name."""
    return _in_wordlist(word, everyday_words())


def _in_wordlist(word: str, cw: frozenset[str]) -> bool:
    w = word.casefold()
    if w in cw:
        return True
    if "-" in w:
        return all(p in _PREFIXES or _in_wordlist(p, cw) for p in w.split("-") if p)
    # British spellings against an American word list: realised, organisation, behaviour, centre
    for uk, us in (("isation", "ization"), ("ise", "ize"), ("yse", "yze"), ("our", "or"), ("tre", "ter")):
        if uk in w and _inflected(w.replace(uk, us), cw):
            return True
    return _inflected(w, cw)


# two listed words (28 letters at most, plus an inflection) are never longer; a longer "word"
# (a run of letters pasted into the form) cost a look-up per split point on a long slice (issue 15)
_MAX_COMPOUND = 64


def is_compound(word: str) -> bool:
    """True for a closed compound of two ordinary words (letterbox, handover)."""
    w = word.casefold()
    if len(w) > _MAX_COMPOUND:
        return False
    return any(is_common(w[:i]) and is_common(w[i:]) for i in range(3, len(w) - 2))


_PREFIXES = frozenset(
    [
        "pre",
        "post",
        "non",
        "anti",
        "co",
        "re",
        "self",
        "ex",
        "sub",
        "inter",
        "multi",
        "under",
        "over",
        "semi",
        "step",
        "half",
        "mid",
    ]
)


def _inflected(w: str, cw: frozenset[str]) -> bool:
    if w in cw:
        return True
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)] + repl
            if stem in cw:
                return True
            if suffix in ("ed", "ing", "er") and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in cw:
                return True
    return False


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


# informal spellings and social-care words missing from the 1934 dictionary
EXTRA_COMMON = _ws(
    """
    im ive id youre hes shes theyre dont didnt doesnt wont cant isnt wasnt hadnt havent aint gonna wanna
    gotta dunno ok okay u ur pls plz thx lol tho cos coz bc yeah yep nope ya whatsapp online email emails
    emailed texted texting phoned voicemail app apps laptop website internet wifi mobile selfie
    wasnt shouldnt wouldnt couldnt thats whats theres lets
    girlfriend boyfriend girlfriends boyfriends jobcentre keyworker keyworkers carer carers
    wud cud shud wen wiv nd bcuz cuz coz ppl rn tbh idk innit bruv fam ffs omg smh nite tonite
    """
)

IRREGULAR = _ws(
    """
    is are was were been being has had does did done said says went gone got gotten held kept left
    made paid sent spent told took taken thought brought bought caught taught found felt heard meant
    met ran sat saw seen stood understood wrote written known grew grown drove driven gave given
    came become became began begun broke broken chose chosen fell fallen forgot forgotten hid hidden
    knew lost put read rang rung said shook shown slept sold spoke spoken stole stolen struck swore
    threw thrown woke woken wore worn won lit led fed fled dealt hung laid lay lain shut split spread
    bitten forbidden ridden stridden striven woven sworn torn sewn shorn strewn overdone undone withdrawn
    children women men people others its it's i'm we've we're they're you've hasn't wasn't weren't
    aren't isn't don't didn't doesn't can't couldn't wouldn't shouldn't won't haven't hadn't
    """
)

# lower-case words never taken as a name after a cue word ("the worker said", "mum will")
LOWER_STOP = IRREGULAR | _ws(
    """
    will must can may might could would should shall not also then just never always only still
    now again soon already ever even really very too rang came come comes asked rings phoned text
    be being get gets got go goes do does have and or but so the a an to of in on at by for with
    """
)

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
WEEKDAYS = _ws(
    "monday mon tuesday tue tues wednesday wed weds thursday thu thur thurs friday fri saturday sat sunday sun"
)

TITLES = _ws(
    "mr mrs ms miss mx dr doctor pc dc ds di dci sgt sergeant insp inspector cllr councillor prof sir "
    "dame lady lord rev father sister nurse judge hhj auntie aunty aunt uncle nan nana nanna grandma "
    "grandad granddad grandpa nanny"
)

# words after which a following (even lower-case) given name is a person
CUES = _ws(
    "called named name's known as aka son daughter brother brothers sister sisters mum mom mam dad "
    "mother father stepdad stepmum cousin cousins nephew niece grandson granddaughter husband wife "
    "partner boyfriend girlfriend bf gf fiance friend friends mate mates carer carers sw ssw pa tm iro "
    "keyworker key worker manager colleague boss teacher tutor mentor baby child kid kids is im i'm "
    "am meet with by from to and & ask asked tell told thank thanks cc sibling siblings twin twins "
    "advocate bro sis bruv stepbrother stepsister therapist counsellor worker"
)
STRONG_CUES = _ws(
    "called named aka son daughter brother brothers sister sisters husband wife partner boyfriend "
    "girlfriend bf gf stepdad stepmum carer carers sw ssw pa keyworker cousin nephew niece mate "
    "friend im i'm advocate bro sis bruv stepbrother stepsister"
)

# capitalised words that are never a person on their own in these reports
NOT_NAMES = (
    _ws(
        """
    i i'm i've i'd i'll a an the this that these those it its he she they we you my our your his her
    their me us him them mr mrs ms dr
    and or but so if as at by for from in into of on onto to up with without via per re vs
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    christmas easter eid diwali ramadan halloween bank holiday new year
    police court office home council service services team unit board panel hub
    social worker workers care carer carers foster fostering adoption adopters family families
    child children childrens children's young person people youth baby mother father mum dad parent parents
    school primary academy college university nursery infant infants junior high secondary
    hospital ward surgery practice pharmacy clinic centre center house lodge court view park
    road street lane avenue close grove terrace walk mews drive way crescent place gardens square
    north south east west northern southern eastern western central city county borough
    royal national local regional general district metropolitan
    manager managers director officer chair lead head deputy assistant senior principal registered
    independent reviewing advocate advocacy nurse doctor gp consultant paediatrician health visitor
    midwife teacher senco dsl iro lado mash edt csc cin cp cla lac pep ehcp plo icpc rcpc
    mosaic lcs cpoms liquidlogic eclipse outlook teams zoom whatsapp facebook instagram insta snapchat
    snap tiktok twitter youtube google gmail hotmail yahoo iphone android microsoft word excel
    english british welsh scottish irish polish romanian slovak czech turkish arabic urdu punjabi
    somali tigrinya kurdish pashto dari farsi bengali gujarati portuguese spanish french italian
    albanian vietnamese chinese african caribbean asian white black muslim christian catholic
    sylheti romani eritrean ethiopian sudanese afghan syrian iraqi iranian kurd yemeni libyan nigerian
    ghanaian congolese zimbabwean jamaican pakistani bangladeshi indian lithuanian latvian bulgarian
    hungarian ukrainian russian amharic oromo lingala twi yoruba igbo hausa swahili kurmanji sorani tamil sinhala
    malayalam nepali mirpuri pahari shona ndebele wolof
    act section regulation regulations schedule part annex form order orders plan plans review
    conference meeting meetings strategy discussion assessment referral report summary background
    incident learning action actions outcome outcomes recommendation recommendations details notes
    note update concern concerns issue issues risk harm what why when where who how which
    ofsted cafcass camhs nhs dfe hmrc dwp ukvi lado nspcc barnardo's barnardos childline samaritans
    fosterline kinship coram shelter mind
    a&e ae er icu nicu hdu picu
    yes no not none nobody nothing everyone someone anyone also please thanks thank regards kind best
    dear hi hello hiya morning afternoon evening night today tomorrow yesterday
    mcdonald's mcdonalds kfc boots tesco asda aldi lidl sainsbury's sainsburys morrisons primark greggs
    argos iceland co-op coop subway costa starbucks uber bolt
    early help staying put sw ssw sws pa tm yp yps iro dsl hv gp gps mcdonald
    audi skoda bmw ford vauxhall toyota honda nissan kia hyundai volkswagen vw mercedes peugeot renault
    citroen fiat mini tesla volvo mazda jaguar lexus suzuki
    corsa astra fiesta qashqai juke micra yaris systmone
    sikh sikhs hindu hindus jewish buddhist jain rastafarian
    we'll we've we're we'd you'll you've you're you'd they'll they've they're they'd he'll he'd she'll she'd
    it'll that'll there'll who'll we’ll we’ve we’re we’d you’ll you’re they’ll they’re they’ve he’ll she’ll
    covid corona adhd asd autism autistic sen send esol ukvi
    """
    )
    | NON_PERSON_TERMS
)

STORES = _ws(
    "asda tesco aldi lidl sainsbury's sainsburys morrisons primark greggs argos iceland boots superdrug "
    "mcdonald's mcdonalds kfc costa starbucks subway wilko poundland b&m currys wickes halfords"
)

# towns, cities, counties and countries that also appear in name lists
PLACES = _ws(
    """
    london leeds bradford manchester salford stockport oldham rochdale bolton wigan bury trafford liverpool
    birmingham coventry wolverhampton walsall dudley sandwell solihull sheffield rotherham doncaster barnsley
    wakefield huddersfield halifax kirklees calderdale york hull grimsby scunthorpe lincoln nottingham derby
    leicester northampton stoke stafford telford shrewsbury hereford worcester gloucester bristol bath
    exeter plymouth truro cornwall devon somerset dorset bournemouth poole southampton portsmouth brighton
    hove crawley reading oxford cambridge norwich ipswich colchester chelmsford southend luton bedford
    watford slough swindon cardiff swansea newport wrexham glasgow edinburgh aberdeen dundee belfast
    newcastle gateshead sunderland durham middlesbrough stockton darlington hartlepool carlisle cumbria
    lancaster preston blackpool blackburn burnley chester crewe warrington wirral birkenhead st helens
    kent essex surrey sussex hampshire berkshire yorkshire lancashire cheshire merseyside lincolnshire
    norfolk suffolk derbyshire nottinghamshire leicestershire staffordshire shropshire warwickshire
    northumberland teesside tyneside humberside wiltshire gloucestershire oxfordshire hertfordshire
    england scotland wales ireland britain uk gb europe eu poland romania slovakia hungary turkey syria
    iraq iran afghanistan eritrea ethiopia sudan somalia nigeria ghana kenya pakistan india bangladesh
    albania vietnam china jamaica france spain italy germany portugal lithuania latvia czechia ukraine
    hulme moss side salford bury chorlton kensington westminster hackney camden lambeth southwark
    croydon barnet ealing brent harrow enfield haringey islington lewisham newham redbridge sutton
    wandsworth
    """
)

# words that mark a capitalised phrase as a school / local organisation, with its label
ORG_HEADS = {
    "primary": "SCHOOL",
    "academy": "SCHOOL",
    "school": "SCHOOL",
    "college": "SCHOOL",
    "university": "SCHOOL",
    "nursery": "SCHOOL",
    "infants": "SCHOOL",
    "infant": "SCHOOL",
    "juniors": "SCHOOL",
    "junior": "SCHOOL",
    "preschool": "SCHOOL",
    "pre-school": "SCHOOL",
    "hospital": "ORG_LOCAL",
    "general": "ORG_LOCAL",
    "infirmary": "ORG_LOCAL",
    "surgery": "ORG_LOCAL",
    "practice": "ORG_LOCAL",
    "pharmacy": "ORG_LOCAL",
    "chemist": "ORG_LOCAL",
    "clinic": "ORG_LOCAL",
    "centre": "ORG_LOCAL",
    "center": "ORG_LOCAL",
    "house": "ORG_LOCAL",
    "lodge": "ORG_LOCAL",
    "unit": "ORG_LOCAL",
    "ward": "ORG_LOCAL",
    "park": "ORG_LOCAL",
    "market": "ORG_LOCAL",
    "fostering": "ORG_LOCAL",
    "court": "ORG_LOCAL",
    "view": "ORG_LOCAL",
    "grange": "ORG_LOCAL",
    "manor": "ORG_LOCAL",
    "hall": "ORG_LOCAL",
    "cottage": "ORG_LOCAL",
    "place": "ORG_LOCAL",
    "children's": "ORG_LOCAL",
    "gardens": "ORG_LOCAL",
    "hostel": "ORG_LOCAL",
    "foyer": "ORG_LOCAL",
    "home": "ORG_LOCAL",
    "trust": "ORG_LOCAL",
    # round 2: youth hubs, projects, places of worship, gyms and cafés named by reporters
    "hub": "ORG_LOCAL",
    "project": "ORG_LOCAL",
    "gurdwara": "ORG_LOCAL",
    "mandir": "ORG_LOCAL",
    "temple": "ORG_LOCAL",
    "chapel": "ORG_LOCAL",
    "gym": "ORG_LOCAL",
    "cafe": "ORG_LOCAL",
    "café": "ORG_LOCAL",
    "high": "SCHOOL",
    "club": "ORG_LOCAL",
    "church": "ORG_LOCAL",
    "mosque": "ORG_LOCAL",
    "library": "ORG_LOCAL",
    "station": "ORG_LOCAL",
    "mall": "ORG_LOCAL",
    "arcade": "ORG_LOCAL",
    # round 3: providers and firms named by their legal form, pupil referral units, J&I schools, estates
    "ltd": "ORG_LOCAL",
    "limited": "ORG_LOCAL",
    "cic": "ORG_LOCAL",
    "llp": "ORG_LOCAL",
    "homes": "ORG_LOCAL",
    "solicitors": "ORG_LOCAL",
    "chambers": "ORG_LOCAL",
    "pru": "SCHOOL",
    "j&i": "SCHOOL",
    "estate": "ORG_LOCAL",
    "living": "ORG_LOCAL",
    "partnership": "ORG_LOCAL",
    "partnerships": "ORG_LOCAL",
    # issue 19 pass 4: lodgings and food banks named by their place or a brand
    "lodgings": "ORG_LOCAL",
    "foodbank": "ORG_LOCAL",
    "residential": "ORG_LOCAL",
    # issue 19 pass 6: pubs, takeaways, taxi and alarm firms, refuges, mentoring and street projects
    "inn": "ORG_LOCAL",
    "tavern": "ORG_LOCAL",
    "bakery": "ORG_LOCAL",
    "kebabs": "ORG_LOCAL",
    "takeaway": "ORG_LOCAL",
    "barbers": "ORG_LOCAL",
    "salon": "ORG_LOCAL",
    "taxis": "ORG_LOCAL",
    "cabs": "ORG_LOCAL",
    "alarms": "ORG_LOCAL",
    "refuge": "ORG_LOCAL",
    "mentoring": "ORG_LOCAL",
    "pastors": "ORG_LOCAL",
    "allotments": "ORG_LOCAL",
    # issue 19 pass 7: adoption agencies named like fostering ones ("Northern Hearts Adoption")
    "adoption": "ORG_LOCAL",
}

# modifiers that make "X Centre" generic rather than a named place
GENERIC_MODIFIERS = _ws(
    """
    the a an this that our their his her my your family civic leisure health medical contact children's
    childrens child day walk-in secondary primary special local community youth sports shopping
    residential respite assessment resource resources new old main big little general district city
    town county council police court care foster fostering adoption short break breaks crisis
    independent private supported semi-independent mental psychiatric paediatric maternity a&e
    emergency minor injuries injury urgent treatment high junior infant nursery grammar state
    mainstream pupil referral alternative provision boarding catholic church faith village
    job jobcentre job-centre homeless housing benefits distribution call trampoline play soft
    registered same other next previous new-build his her different another every each any some
    early help safeguarding locality integrated front door access exploitation missing multi-agency
    regional national voluntary statutory
    """
)


#: Words after a place that name a part of it, not another place ("<Town> North Assessment Team").
COMPASS = frozenset(["north", "south", "east", "west", "central"])


def names_a_place(word: str, *, listed_non_names_too: bool = True) -> bool:
    """Whether a capitalised word can be the place a venue, team or service is named by: no generic modifier,
    weekday, month or everyday word (and, unless ``listed_non_names_too`` is False, no word listed in
    ``NOT_NAMES``)."""
    lw = word.lower()
    if lw in GENERIC_MODIFIERS or lw in WEEKDAYS or lw in MONTHS or is_everyday(lw):
        return False
    return not (listed_non_names_too and lw in NOT_NAMES)
