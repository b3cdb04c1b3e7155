"""Statistical process control, as pure functions (no Django), so the maths can be checked by hand.

An XmR chart (individuals and moving range) suits monthly report counts: the centre line is the mean and the
natural process limits are mean ± 2.66 × the mean moving range (2.66 = 3 / d2 with d2 = 1.128 for ranges of
two). A u-chart suits rates with a varying exposure (e.g. reports per 1,000 children supported): centre
ū = Σc / Σn, limits ū ± 3·√(ū / nᵢ) for each point. Two signals tell real change from noise: a point
outside the limits, and a run of 8 or more points in a row on one side of the centre line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

XMR_SCALE = 2.66
MR_UCL_SCALE = 3.267  # D4 for ranges of two: the moving-range chart's upper limit
RUN_LENGTH = 8


@dataclass(frozen=True)
class Point:
    index: int
    value: float
    ucl: float
    lcl: float
    outside: bool
    in_run: bool

    @property
    def signal(self) -> bool:
        return self.outside or self.in_run


@dataclass(frozen=True)
class ControlChart:
    kind: str  # "xmr" or "u"
    centre: float
    points: tuple[Point, ...]
    mr_bar: float = 0.0
    mr_ucl: float = 0.0
    moving_ranges: tuple[float, ...] = ()

    @property
    def signals(self) -> list[Point]:
        return [p for p in self.points if p.signal]

    @property
    def ucl(self) -> float:
        return self.points[0].ucl if self.points else 0.0

    @property
    def lcl(self) -> float:
        return self.points[0].lcl if self.points else 0.0


def moving_ranges(values: Sequence[float]) -> list[float]:
    return [abs(values[i] - values[i - 1]) for i in range(1, len(values))]


def runs_on_one_side(values: Sequence[float], centre: float, length: int = RUN_LENGTH) -> list[bool]:
    """True for every point inside a run of ``length`` or more consecutive points strictly on one side.

    A point exactly on the centre line belongs to neither side and ends the run (the usual convention).
    """
    flags = [False] * len(values)
    run_start, run_side = 0, 0
    for i, value in enumerate([*values, centre]):  # the sentinel (on the line) closes the last run
        side = (value > centre) - (value < centre)
        if side != run_side or side == 0:
            if run_side != 0 and i - run_start >= length:
                flags[run_start:i] = [True] * (i - run_start)
            run_start, run_side = i, side
    return flags


def xmr(values: Sequence[float]) -> ControlChart:
    """Individuals chart: centre = mean, limits = mean ± 2.66 × mean moving range."""
    if not values:
        return ControlChart(kind="xmr", centre=0.0, points=())
    centre = sum(values) / len(values)
    ranges = moving_ranges(values)
    mr_bar = sum(ranges) / len(ranges) if ranges else 0.0
    ucl = centre + XMR_SCALE * mr_bar
    lcl = centre - XMR_SCALE * mr_bar
    runs = runs_on_one_side(values, centre)
    # With no variation at all (mr_bar == 0) every point sits on the limits; that is not a signal.
    points = tuple(
        Point(i, float(v), ucl, lcl, outside=mr_bar > 0 and (v > ucl or v < lcl), in_run=runs[i])
        for i, v in enumerate(values)
    )
    return ControlChart(
        kind="xmr",
        centre=centre,
        points=points,
        mr_bar=mr_bar,
        mr_ucl=MR_UCL_SCALE * mr_bar,
        moving_ranges=tuple(ranges),
    )


def u_chart(counts: Sequence[float], exposures: Sequence[float]) -> ControlChart:
    """Rate chart with per-point limits ū ± 3√(ū/nᵢ); the lower limit is floored at zero (rates cannot be negative)."""
    if len(counts) != len(exposures):
        raise ValueError("counts and exposures must be the same length")
    pairs = [(c, n) for c, n in zip(counts, exposures, strict=True)]
    if not pairs or any(n <= 0 for _, n in pairs):
        raise ValueError("every exposure must be positive")
    centre = sum(c for c, _ in pairs) / sum(n for _, n in pairs)
    rates = [c / n for c, n in pairs]
    runs = runs_on_one_side(rates, centre)
    points = []
    for i, ((_, n), rate) in enumerate(zip(pairs, rates, strict=True)):
        spread = 3 * math.sqrt(centre / n)
        ucl, lcl = centre + spread, max(0.0, centre - spread)
        points.append(Point(i, rate, ucl, lcl, outside=rate > ucl or rate < lcl, in_run=runs[i]))
    return ControlChart(kind="u", centre=centre, points=tuple(points))
