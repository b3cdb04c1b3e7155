"""The control-chart maths against examples worked out by hand."""

from __future__ import annotations

import math

import pytest

from safelearn.analytics.spc import moving_ranges, runs_on_one_side, u_chart, xmr


def test_xmr_limits_match_the_hand_computed_example() -> None:
    # Monthly counts: 4, 6, 4, 6, 4, 6, 4, 6, 23
    # Mean x̄ = (4+6)*4 + 23 = 63, / 9 = 7.
    # Moving ranges |xᵢ − xᵢ₋₁|: 2, 2, 2, 2, 2, 2, 2, 17 → sum 31, / 8 = MR̄ = 3.875.
    # UCL = 7 + 2.66 × 3.875 = 7 + 10.3075 = 17.3075;  LCL = 7 − 10.3075 = −3.3075.
    # Moving-range chart upper limit = 3.267 × 3.875 = 12.659625.
    # Signals: 23 > 17.3075 (outside the limits); and the first eight points (4 or 6) are all below 7,
    # a run of 8 on one side of the centre line.
    chart = xmr([4, 6, 4, 6, 4, 6, 4, 6, 23])
    assert chart.centre == pytest.approx(7.0)
    assert chart.moving_ranges == (2, 2, 2, 2, 2, 2, 2, 17)
    assert chart.mr_bar == pytest.approx(3.875)
    assert chart.ucl == pytest.approx(17.3075)
    assert chart.lcl == pytest.approx(-3.3075)
    assert chart.mr_ucl == pytest.approx(12.659625)
    assert [p.index for p in chart.points if p.outside] == [8]
    assert [p.index for p in chart.points if p.in_run] == [0, 1, 2, 3, 4, 5, 6, 7]


def test_point_outside_limits_without_a_run() -> None:
    # 19, 21 five times, then 40, 0, then 19, 21 five times: 22 points, sum 440, mean 20.
    # Moving ranges: nine 2s in each alternating half (18 + 18), then 21→40 = 19, 40→0 = 40, 0→19 = 19:
    # sum 114 over 21 ranges, MR̄ = 5.428571…; 2.66 × MR̄ = 14.44; limits 5.56 and 34.44.
    # So 40 is above the upper limit and 0 below the lower; the alternating points make no run.
    values = [19, 21] * 5 + [40, 0] + [19, 21] * 5
    chart = xmr(values)
    assert chart.centre == pytest.approx(20.0)
    assert chart.mr_bar == pytest.approx(114 / 21)
    assert chart.ucl == pytest.approx(20 + 2.66 * 114 / 21)
    assert [p.index for p in chart.points if p.outside] == [10, 11]
    assert not any(p.in_run for p in chart.points)


def test_run_of_eight_flags_and_seven_does_not() -> None:
    assert runs_on_one_side([1] * 8, 0) == [True] * 8
    assert runs_on_one_side([1] * 7, 0) == [False] * 7
    # A point on the centre line breaks a run: 3 + 8 above with a 0 between → only the 8 are flagged.
    assert runs_on_one_side([1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1], 0) == [False] * 4 + [True] * 8
    # Seven above, then one below, then seven above: no run of 8.
    assert not any(runs_on_one_side([1] * 7 + [-1] + [1] * 7, 0))


def test_run_signal_in_an_xmr_chart_without_points_outside() -> None:
    # 5, 15, 5, 15 then 12, 13 four times: sum 140, mean 11.667. Points 4..11 (12s and 13s) and point 3
    # (15) are all above → a run of 9. MR = 10, 10, 10, 3, 1×7 → 40/11 = 3.636; limits 1.99 and 21.34.
    chart = xmr([5, 15, 5, 15, 12, 13, 12, 13, 12, 13, 12, 13])
    assert chart.ucl == pytest.approx(140 / 12 + 2.66 * 40 / 11)
    assert not any(p.outside for p in chart.points)
    assert [p.index for p in chart.points if p.in_run] == list(range(3, 12))


def test_flat_series_has_no_signals() -> None:
    chart = xmr([3, 3, 3])
    assert chart.mr_bar == 0
    assert chart.signals == []
    assert moving_ranges([1, 4, 2]) == [3, 2]
    assert xmr([]).points == ()


def test_u_chart_hand_example() -> None:
    # Counts 2, 3, 8 over exposures 1, 1, 2 (thousands of children): ū = 13 / 4 = 3.25.
    # Rates 2, 3, 4. For n = 1: 3.25 ± 3√3.25 = 3.25 ± 5.4083 → UCL 8.6583, LCL floored at 0.
    # For n = 2: 3.25 ± 3√1.625 = 3.25 ± 3.8243 → UCL 7.0743, LCL 0. No point is outside.
    chart = u_chart([2, 3, 8], [1, 1, 2])
    assert chart.centre == pytest.approx(3.25)
    assert [p.value for p in chart.points] == pytest.approx([2, 3, 4])
    assert chart.points[0].ucl == pytest.approx(3.25 + 3 * math.sqrt(3.25))
    assert chart.points[2].ucl == pytest.approx(3.25 + 3 * math.sqrt(1.625))
    assert all(p.lcl == 0 for p in chart.points)
    assert chart.signals == []
    # An organisation reporting 20 per 1,000 where the centre is ~3 is outside its limit.
    high = u_chart([2, 3, 20], [1, 1, 1])
    assert [p.index for p in high.points if p.outside] == [2]
    with pytest.raises(ValueError):
        u_chart([1], [0])
