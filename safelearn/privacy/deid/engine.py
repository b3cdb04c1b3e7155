"""The layered engine: run every detector, then resolve overlaps into sorted, disjoint spans."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .complete import complete_spans
from .dates import DateDetector
from .known import KnownNamesDetector
from .landmarks import LandmarkDetector
from .named_places import NamedPlaceDetector
from .orgs import ContextOrgDetector
from .people import PersonDetector
from .places import PlaceDetector
from .role_names import RoleNameDetector
from .streets import StreetDetector
from .structured import StructuredDetector
from .types import Detector, Span
from .welsh import WelshDetector, drop_welsh_words

# when spans overlap, the merged span takes the label that ranks first here
PRIORITY = (
    "EMAIL",
    "URL_OR_HANDLE",
    "NHS_NUMBER",
    "NI_NUMBER",
    "PHONE",
    "POSTCODE",
    "VEHICLE_REG",
    "DATE",
    "CASE_REF",
    "ADDRESS",
    "SCHOOL",
    "ORG_LOCAL",
    "PERSON",
)
_RANK = {label: i for i, label in enumerate(PRIORITY)}

DEFAULT_DETECTORS: tuple[Detector, ...] = (
    StructuredDetector(),
    DateDetector(),
    PlaceDetector(),
    StreetDetector(),
    LandmarkDetector(),
    NamedPlaceDetector(),  # issue 19: lower-case schools, named homes and houses, brand services
    ContextOrgDetector(),
    PersonDetector(),
    RoleNameDetector(),  # issue 19 pass 8: "Kerry the IRO", "Ruth at the fostering team", "The worker, April,"
    WelshDetector(),  # issue 21: Welsh names, places and addresses (mutated forms too)
)


def _trim(text: str, span: Span) -> Span | None:
    a, b = span.start, span.end
    while a < b and (text[a].isspace() or text[a] in "\"'“”‘’,;:([."):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "\"'“”‘’,;:)]."):
        if (
            text[b - 1] == "."
            and span.label in ("PERSON",)
            and (b - a == 2 or re.fullmatch(r"(?:[A-Z]\.)+", text[a:b]))
        ):
            break  # an initial keeps its full stop: "T.", "K.L."
        b -= 1
    if b <= a:
        return None
    return Span(a, b, span.label)


def resolve(text: str, spans: Iterable[Span]) -> list[Span]:
    """Sort, trim and merge overlapping spans; the merged span keeps the highest-priority label."""
    clean = [t for t in (_trim(text, s) for s in spans) if t is not None]
    clean.sort(key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for s in clean:
        if out and s.start < out[-1].end:
            last = out[-1]
            label = last.label
            if _RANK.get(s.label, 99) < _RANK.get(label, 99) and (s.end - s.start) >= (last.end - last.start) // 2:
                label = s.label
            out[-1] = Span(last.start, max(last.end, s.end), label)
        else:
            out.append(s)
    return out


class Engine:
    def __init__(self, detectors: Sequence[Detector] = DEFAULT_DETECTORS) -> None:
        self.detectors = tuple(detectors)

    def detect(self, text: str, known_names: Sequence[str] = ()) -> list[Span]:
        found: list[Span] = []
        for d in self.detectors:
            found.extend(d.detect(text))
        if known_names:
            found.extend(KnownNamesDetector(known_names).detect(text))
        spans = resolve(text, drop_welsh_words(text, found))
        # issue 19 pass 6: grow each span to the whole name, address, handle or reference it is part of
        return resolve(text, complete_spans(text, spans))
