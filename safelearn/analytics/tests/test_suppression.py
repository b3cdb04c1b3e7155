"""Small-count suppression: no hidden count can be worked out from the published numbers."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from safelearn.analytics.suppression import GRAND, Key, suppress, table_lines, table_values


def _independently_determined(cells: list[list[int]], hidden: set[Key]) -> set[Key]:
    """A second, brute-force check: add e_k to the equations; if the rank does not grow, x_k is fixed."""
    n_rows, n_cols = len(cells), len(cells[0])
    unknowns = sorted(hidden)
    index = {k: n for n, k in enumerate(unknowns)}
    rows = []
    for line in table_lines(n_rows, n_cols):
        row = [0.0] * len(unknowns)
        for key, coefficient in line:
            if key in index:
                row[index[key]] = coefficient
        rows.append(row)
    matrix = np.array(rows)
    rank = np.linalg.matrix_rank(matrix)
    found = set()
    for key in unknowns:
        unit = np.zeros(len(unknowns))
        unit[index[key]] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.add(key)
    return found


CRAFTED = [
    # A single small count in a row and a single small count in a column: naive primary suppression alone
    # would let row 0's total reveal the 3, and column 1's total reveal the 2.
    [3, 10, 12, 7],
    [8, 9, 20, 11],
    [15, 2, 30, 6],
    [0, 14, 1, 25],
]


def test_crafted_table_hides_every_small_count_and_totals_reveal_none() -> None:
    result = suppress(CRAFTED)
    values = table_values(CRAFTED)
    # every count of 1–4 is hidden; zeros are shown
    assert {k for k, v in values.items() if 0 < v < 5} <= result.suppressed
    assert result.cells[3][0] == 0
    assert result.cells[0][0] is None and result.cells[2][1] is None and result.cells[3][2] is None
    # secondary suppression happened (primary alone would be unsafe)
    assert result.secondary
    assert _independently_determined(CRAFTED, set(result.primary)), "the crafted table must need secondary"
    # nothing hidden is derivable from what is published
    assert _independently_determined(CRAFTED, set(result.suppressed)) == set()
    # each row and column with a hidden entry has at least two hidden entries
    for line in table_lines(4, 4):
        hidden_in_line = [k for k, _ in line if k in result.suppressed]
        assert len(hidden_in_line) != 1
    # published numbers are the true ones
    for i, j in itertools.product(range(4), range(4)):
        if result.cells[i][j] is not None:
            assert result.cells[i][j] == CRAFTED[i][j]


def test_small_row_total_is_hidden_with_its_cells() -> None:
    cells = [[1, 2, 0], [10, 20, 30], [7, 8, 9]]
    result = suppress(cells)
    assert result.row_totals[0] is None  # 3 is itself a small count
    assert result.cells[0][0] is None and result.cells[0][1] is None
    assert _independently_determined(cells, set(result.suppressed)) == set()


def test_table_without_small_counts_is_untouched() -> None:
    result = suppress([[10, 20], [30, 40]])
    assert result.suppressed == frozenset()
    assert result.grand_total == 100


def test_forced_margin_from_a_linked_table_is_protected() -> None:
    cells = [[20, 30], [40, 50]]
    result = suppress(cells, forced=[("row", 0)])
    assert result.row_totals[0] is None
    assert _independently_determined(cells, set(result.suppressed)) == set()


@pytest.mark.parametrize("seed", range(25))
def test_random_tables_never_leak(seed: int) -> None:
    rng = np.random.default_rng(seed)
    cells = rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 15, 30], size=(rng.integers(2, 6), rng.integers(2, 6))).tolist()
    result = suppress(cells)
    values = table_values(cells)
    assert {k for k, v in values.items() if 0 < v < 5} <= result.suppressed
    assert _independently_determined(cells, set(result.suppressed)) == set()
    if result.grand_total is None:
        assert GRAND in result.suppressed
