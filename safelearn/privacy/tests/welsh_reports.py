"""Ten reports written in Welsh or in Welsh and English (issue 21), with their personal data marked.

Written for SafeLearn's tests by the developer (invented people, streets and villages; postcodes and
phone numbers from the ranges kept for drama). Each report lists its personal data in the order it
appears as (exact text, label); ``gold_spans`` turns them into character offsets.
"""

from __future__ import annotations

from safelearn.privacy.deid import Span

REPORTS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Ddydd Llun 3 Mawrth 2025 daeth Carys Pritchard (9 oed) i'r ysgol heb ei meddyginiaeth. Mae hi'n byw "
        "gyda'i nain yn 14 Heol y Parc, Llanrug. Ffoniais i Nain Gwenda ond doedd dim ateb.",
        [
            ("3 Mawrth 2025", "DATE"),
            ("Carys Pritchard", "PERSON"),
            ("14 Heol y Parc", "ADDRESS"),
            ("Llanrug", "ADDRESS"),
            ("Gwenda", "PERSON"),
        ],
    ),
    (
        "Aeth y gweithiwr cymdeithasol i weld Osian yng Nghaernarfon ond roedd y teulu wedi symud i Stryd Fawr, "
        "Pen-y-groes. Ni chafodd yr wybodaeth ei rhannu gyda'r tîm yno, felly ni welodd neb Osian am bythefnos.",
        [
            ("Osian", "PERSON"),
            ("Nghaernarfon", "ADDRESS"),
            ("Stryd Fawr", "ADDRESS"),
            ("Pen-y-groes", "ADDRESS"),
            ("Osian", "PERSON"),
        ],
    ),
    (
        "Roedd bachgen o'r enw Rhodri ap Iolo ar ei ben ei hun ar Lôn Las am 10 o'r gloch y nos. Daeth yr heddlu "
        "ag ef adref i Ffordd Penrhos, Bangor. Dywedodd ei fam, Sioned, nad oedd hi'n gwybod ei fod allan.",
        [
            ("Rhodri ap Iolo", "PERSON"),
            ("Lôn Las", "ADDRESS"),
            ("Ffordd Penrhos", "ADDRESS"),
            ("Bangor", "ADDRESS"),
            ("Sioned", "PERSON"),
        ],
    ),
    (
        "Anfonwyd llythyr am Ffion Haf Roberts i'r cyfeiriad anghywir (7 Maes y Deri, Llandysul) yn lle'r "
        "cyfeiriad newydd yn Aberaeron. Ffoniodd y fam ar 07700 900123 yn poeni bod y cyn-bartner wedi ei weld.",
        [
            ("Ffion Haf Roberts", "PERSON"),
            ("7 Maes y Deri", "ADDRESS"),
            ("Llandysul", "ADDRESS"),
            ("Aberaeron", "ADDRESS"),
            ("07700 900123", "PHONE"),
        ],
    ),
    (
        "Siaradais i â Fethan yn yr ysgol ym Mhwllheli. Dywedodd hi fod ei brawd, Gethin, wedi ei tharo. "
        "Atgyfeiriad amddiffyn plant wedi ei wneud yr un diwrnod.",
        [("Fethan", "PERSON"), ("Mhwllheli", "ADDRESS"), ("Gethin", "PERSON")],
    ),
    (
        "Bilingual note / Nodyn dwyieithog: Mam, Angharad Lewis, moved from Betws-y-Coed to 22 Ffordd yr "
        "Orsaf, Llandudno LL30 2AB. Symudodd Angharad heb ddweud wrth yr ysgol, and the school kept writing "
        "to the old address.",
        [
            ("Angharad Lewis", "PERSON"),
            ("Betws-y-Coed", "ADDRESS"),
            ("22 Ffordd yr Orsaf", "ADDRESS"),
            ("Llandudno", "ADDRESS"),
            ("LL30 2AB", "POSTCODE"),
            ("Angharad", "PERSON"),
        ],
    ),
    (
        "Cafodd Tomos (4 oed) ei adael gyda gofalwr maeth newydd yn Nhredegar heb gynllun diogelwch. "
        "Rhoddodd ei daid, Taid Emrys, wybod i'r tîm dyletswydd. Dim niwed, ond bu bron â digwydd.",
        [("Tomos", "PERSON"), ("Nhredegar", "ADDRESS"), ("Emrys", "PERSON")],
    ),
    (
        "Visit missed on 12/05/2025: the family had moved from Cwm Rhondda to Heol Isaf, Caerffili. "
        "Collwyd yr ymweliad â Lowri a Thomos oherwydd nad oedd neb wedi diweddaru'r system.",
        [
            ("12/05/2025", "DATE"),
            ("Cwm Rhondda", "ADDRESS"),
            ("Heol Isaf", "ADDRESS"),
            ("Caerffili", "ADDRESS"),
            ("Lowri", "PERSON"),
            ("Thomos", "PERSON"),
        ],
    ),
    (
        "Mewn cyfarfod strategaeth dywedodd yr athrawes, Mrs Eleri Huws, fod Mali Wyn wedi dweud wrthi am "
        "ddyn yn y parc yn Abergele. Roedd Mali wedi sôn am y peth wrth Ddylan hefyd.",
        [
            ("Eleri Huws", "PERSON"),
            ("Mali Wyn", "PERSON"),
            ("Abergele", "ADDRESS"),
            ("Mali", "PERSON"),
            ("Ddylan", "PERSON"),
        ],
    ),
    (
        "Nodyn trosglwyddo: mae Iwan Gruffudd, 15, yn aros gydag Anti Mererid yn 3 Tŷ Gwyn, Llanfairfechan ers "
        "14eg Ionawr. Mae angen i'r tîm yng Nghonwy wybod; doedd y system ddim yn dangos y cyfeiriad newydd.",
        [
            ("Iwan Gruffudd", "PERSON"),
            ("Mererid", "PERSON"),
            ("3 Tŷ Gwyn", "ADDRESS"),
            ("Llanfairfechan", "ADDRESS"),
            ("14eg Ionawr", "DATE"),
            ("Nghonwy", "ADDRESS"),
        ],
    ),
]

#: Welsh words that must stay: countries and languages, roles, kin words on their own, weekdays.
KEPT_WORDS = ("Cymru", "Gymraeg", "Mam", "Nain", "Ddydd Llun", "gweithiwr cymdeithasol", "Nodyn", "Dim niwed")


def gold_spans(text: str, items: list[tuple[str, str]]) -> list[Span]:
    spans: list[Span] = []
    at = 0
    for value, label in items:
        start = text.index(value, at)
        spans.append(Span(start, start + len(value), label))
        at = start + len(value)
    return spans
