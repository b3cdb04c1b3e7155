"""The de-identifier's running time grows linearly with the text, whatever the text (issue 15,
finding 1: a line of 240 capitals and a newline took ~24 s; one API submission held the worker
for 14 minutes).

Every time here is compared with a baseline measured in the same test on ordinary report text of
the same length, with generous slack: a back-tracking pattern is not 3x slower on 8,000
characters, it is 100x slower or never finishes. A SIGALRM timer stops a runaway match (the
regular-expression engine checks for signals) so a regression fails in seconds, not hours.
"""

from __future__ import annotations

import functools
import inspect
import re
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from safelearn.core.worker import TaskTimeLimitExceeded, time_limit
from safelearn.privacy.deid import redact

from .redos_inputs import SUFFIXES, UNITS, adversarial, cases, compiled_patterns, prose

LENGTH = 8_000
# adversarial text may cost this many times ordinary text of the same length (bench/redos.py
# measures the real figure, about 1-4x; a super-linear pattern costs 100x or more at this length)
SLACK = 15


def _seconds(fn: Callable[[], object], limit: float) -> float:
    """Time ``fn``; infinity when it runs past ``limit`` seconds."""
    start = time.perf_counter()
    try:
        with time_limit(limit):  # the worker's own limit on a de-identification task
            fn()
    except TaskTimeLimitExceeded:
        return float("inf")
    return time.perf_counter() - start


def _best(fn: Callable[[], object], limit: float, tries: int = 3) -> float:
    return min(_seconds(fn, limit) for _ in range(tries))


_PROSE = prose(LENGTH)


def _prose_now() -> float:
    return _best(lambda: redact(_PROSE), limit=60)


def _within(fn: Callable[[], object], scale: float, prose_seconds: float, floor: float = 0.0) -> tuple[float, float]:
    """(time of ``fn``, time allowed) where ``scale`` x the prose time is allowed. When over, both are
    measured again, up to three times: other processes share the CPU and slow either one."""
    allowed = max(floor, scale * prose_seconds)
    took = _seconds(fn, allowed * 4)
    for _ in range(3):
        if took <= allowed:
            break
        allowed = max(allowed, floor, scale * _prose_now())
        took = min(took, _seconds(fn, allowed * 4))
    return took, allowed


@pytest.fixture(scope="module")
def prose_seconds() -> float:
    redact(_PROSE)  # load the word lists
    return _prose_now()


def test_signoff_line_of_capitals_is_linear(prose_seconds: float) -> None:
    # the finding's own case: 240 capitals, a newline and one more capital (~24 s before the fix)
    text = "A" * 240 + "\nA"
    took, allowed = _within(lambda: redact(text), SLACK * len(text) / LENGTH, prose_seconds, floor=0.5)
    assert took <= allowed, f"{took:.2f}s for {len(text)} characters"


_ADVERSE = st.sampled_from([u for _, u in UNITS]) | st.text(
    alphabet=st.sampled_from("Aa1 \t\n.,-–'’&@/()!:"), min_size=1, max_size=6
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit=_ADVERSE, suffix=st.sampled_from(SUFFIXES))
@example(unit="A", suffix="\nA")
@example(unit="A-", suffix="!")
@example(unit="Abc", suffix="!")
@example(unit="\n", suffix="")
@example(unit="’A", suffix="1")  # a capital after every apostrophe: street and A&E patterns re-read the run
def test_redact_time_per_character_is_bounded(prose_seconds: float, unit: str, suffix: str) -> None:
    text = adversarial(unit, LENGTH, suffix)
    took, allowed = _within(lambda: redact(text), SLACK, prose_seconds)
    assert took <= allowed, f"{unit!r}+{suffix!r}: {took:.2f}s vs {prose_seconds:.3f}s for prose"


def _distinct_names(length: int) -> str:
    letters = "bcdfghjklmnpqrstvwz"
    words = (f"X{a}{b}{c}o" for a in letters for b in letters for c in letters)
    return ", ".join(words)[:length]


@pytest.mark.parametrize(
    "text",
    [
        # one given name, then capitalised words: multi-word names used to grow by a word per pass
        ("Kayden " + "Table " * LENGTH)[:LENGTH],
        ("Kayden " + "Table and " * LENGTH)[:LENGTH],
        # single capitals: each used to search the whole text for "Child X"
        ("b X " * LENGTH)[:LENGTH],
        # a thousand different names: each placeholder number used to scan every earlier name
        _distinct_names(LENGTH),
    ],
    ids=["name chain", "name chain with and", "single capitals", "distinct names"],
)
def test_word_level_rules_are_linear(prose_seconds: float, text: str) -> None:
    took, allowed = _within(lambda: redact(text), SLACK, prose_seconds)
    assert took <= allowed, f"{took:.2f}s vs {prose_seconds:.3f}s for prose"


def _usage(name: str, pattern: re.Pattern[str]) -> str:
    """How the package calls the pattern: "match" when only ever anchored at a position (`.match`,
    `.fullmatch`), else "search" (`.search`, `.finditer`, or passed around)."""
    module, attr = name.split(".", 1)
    import importlib

    source = inspect.getsource(importlib.import_module(f"safelearn.privacy.deid.{module}"))
    calls = set(re.findall(rf"\b{re.escape(attr)}\.(\w+)\(", source))
    passed = re.search(rf"\b{re.escape(attr)}\b(?!\s*=|\.\w+\()", source.split(f"{attr} = ", 1)[-1])
    return "match" if calls and calls <= {"match", "fullmatch"} and not passed else "search"


_PATTERNS = compiled_patterns()


def test_every_module_pattern_is_collected() -> None:
    names = {n for n, _ in _PATTERNS}
    assert {"people._SIGNOFF", "places.HOUSE_NAME_BEFORE", "structured.EMAIL_DOMAIN", "tokens.WORD"} <= names
    assert len(names) > 60


@pytest.mark.parametrize(("name", "pattern"), _PATTERNS, ids=[n for n, _ in _PATTERNS])
def test_each_pattern_is_linear_on_adversarial_text(name: str, pattern: re.Pattern[str], prose_seconds: float) -> None:
    """Each pattern, run as the package runs it over a whole adversarial text, takes less than the
    whole de-identifier takes on ordinary text of the same length."""
    run: Callable[[str], object]
    if _usage(name, pattern) == "match":
        run = pattern.match
    else:

        def run(s: str) -> object:
            return list(pattern.finditer(s))

    slow = []
    for label, text in cases(LENGTH):
        took, allowed = _within(functools.partial(run, text), 1.0, prose_seconds, floor=0.02)
        if took > allowed:
            slow.append(f"{label}: {took:.3f}s of {allowed:.3f}s")
    assert not slow, f"{name}: " + "; ".join(slow[:5])
