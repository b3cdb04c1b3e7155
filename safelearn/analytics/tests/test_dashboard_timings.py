"""Dashboard timings say their unit, and 'No reports measured' rather than a bare 0 or a dash."""

from __future__ import annotations

import pytest

from safelearn.analytics.aggregates import PoolStats
from safelearn.analytics.dashboard import NOT_MEASURED, duration_text, timings


@pytest.mark.parametrize(
    ("median", "measured", "text"),
    [
        (None, 0, NOT_MEASURED),
        (0.0, 0, NOT_MEASURED),
        (1 / 24, 3, "1 hour"),
        (0.25, 4, "6 hours"),
        (0.5 / 24, 1, "0.5 hours"),
        (1.0, 2, "1 day"),
        (2.46, 7, "2.5 days"),
        (20.0, 1, "20 days"),
    ],
)
def test_duration_text_states_the_unit(median: float | None, measured: int, text: str) -> None:
    assert duration_text(median, measured) == text


def test_timings_figure_words_every_cell_and_never_shows_zero_for_nothing_measured() -> None:
    mine = PoolStats(timings=[(0.25, 4), (None, 0), (3.0, 1)])
    national = PoolStats(timings=[(1.5, 40), (12.0, 9), (None, 0)])
    figure = timings(mine, national)
    assert figure.columns == ["Measure", "Median time", "Reports measured", "National median time"]
    assert figure.rows == [
        ["Time to triage", "6 hours", 4, "1.5 days"],
        ["Time to feedback", NOT_MEASURED, 0, "12 days"],
        ["Time to closure", "3 days", 1, NOT_MEASURED],
    ]
    assert "Time to feedback: no reports measured" in figure.description
    assert "Time to triage: median 6 hours" in figure.description
    svg = str(figure.svg)
    assert ">No reports measured<" in svg and ">6 hours<" in svg
    assert ">0<" not in svg
