"""Small-count suppression for published tables, as a pure function (no Django).

UK official-statistics practice: counts of 1–4 are primary-suppressed (shown as "[c]"); then enough other
cells are suppressed (secondary suppression) that no hidden count can be worked out from the row, column
and grand totals that are published beside it. Zeros are shown: they are not disclosive.

Method: (1) primary suppression of every cell and total in 1..threshold-1, plus any keys forced by a linked
table; (2) every row or column line (its cells and its total) with exactly one hidden entry gets a second
one, the smallest positive count in that line; (3) an exact check: with the published numbers known and
the hidden ones unknown, the line equations (Σ cells = total) determine a hidden value exactly when every
vector in the null space of the equations is zero at that unknown. Any such value gets a partner hidden in
one of its lines, and the loop repeats until nothing hidden is determined.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
from scipy.linalg import null_space

Key: TypeAlias = tuple[Any, ...]  # ("cell", i, j) | ("row", i) | ("col", j) | ("grand",)
GRAND: Key = ("grand",)
MARKER = "[c]"  # the Government Statistical Service's marker for a confidential value
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class SuppressedTable:
    cells: list[list[int | None]]  # None where suppressed
    row_totals: list[int | None]
    col_totals: list[int | None]
    grand_total: int | None
    primary: frozenset[Key]
    secondary: frozenset[Key]

    @property
    def suppressed(self) -> frozenset[Key]:
        return self.primary | self.secondary


def table_lines(n_rows: int, n_cols: int) -> list[list[tuple[Key, int]]]:
    """The additive constraints of a two-way table, each as (key, coefficient) with Σ = 0."""
    lines: list[list[tuple[Key, int]]] = []
    for i in range(n_rows):
        lines.append([*((("cell", i, j), 1) for j in range(n_cols)), (("row", i), -1)])
    for j in range(n_cols):
        lines.append([*((("cell", i, j), 1) for i in range(n_rows)), (("col", j), -1)])
    lines.append([*((("row", i), 1) for i in range(n_rows)), (GRAND, -1)])
    lines.append([*((("col", j), 1) for j in range(n_cols)), (GRAND, -1)])
    return lines


def table_values(cells: Sequence[Sequence[int]]) -> dict[Key, int]:
    n_rows, n_cols = len(cells), len(cells[0]) if cells else 0
    values: dict[Key, int] = {}
    for i in range(n_rows):
        for j in range(n_cols):
            values[("cell", i, j)] = int(cells[i][j])
        values[("row", i)] = sum(int(v) for v in cells[i])
    for j in range(n_cols):
        values[("col", j)] = sum(int(cells[i][j]) for i in range(n_rows))
    values[GRAND] = sum(values[("row", i)] for i in range(n_rows))
    return values


def determined_keys(lines: list[list[tuple[Key, int]]], hidden: set[Key]) -> set[Key]:
    """Hidden entries whose value the published entries fix exactly (linear algebra, no guessing)."""
    unknowns = sorted(hidden)
    if not unknowns:
        return set()
    column = {key: n for n, key in enumerate(unknowns)}
    rows = []
    for line in lines:
        row = np.zeros(len(unknowns))
        for key, coefficient in line:
            if key in column:
                row[column[key]] = coefficient
        if row.any():
            rows.append(row)
    if not rows:
        return set()
    basis = null_space(np.array(rows))
    if basis.size == 0:
        return set(unknowns)
    free = np.abs(basis).max(axis=1) > _TOLERANCE
    return {key for key, is_free in zip(unknowns, free, strict=True) if not is_free}


def _partner(key: Key, lines: list[list[tuple[Key, int]]], values: dict[Key, int], hidden: set[Key]) -> Key | None:
    """The cheapest extra entry to hide beside ``key``: the smallest positive count in one of its lines."""
    candidates = [
        other
        for line in lines
        if any(k == key for k, _ in line)
        for other, _ in line
        if other not in hidden and values[other] > 0
    ]
    if not candidates:
        candidates = [k for k in values if k not in hidden and values[k] > 0]
    if not candidates:
        return None
    # Prefer inner cells (keeps totals published), then the smallest count, then a stable order.
    return min(candidates, key=lambda k: (k[0] != "cell", values[k], k))


def suppress(cells: Sequence[Sequence[int]], *, threshold: int = 5, forced: Iterable[Key] = ()) -> SuppressedTable:
    """Suppress counts below ``threshold`` and enough others that totals reveal none of them."""
    n_rows, n_cols = len(cells), len(cells[0]) if cells else 0
    values = table_values(cells)
    lines = table_lines(n_rows, n_cols)
    primary = {k for k, v in values.items() if 0 < v < threshold}
    primary |= {k for k in forced if k in values}
    hidden = set(primary)
    while True:
        changed = False
        for line in lines:
            in_line = [k for k, _ in line if k in hidden]
            if len(in_line) == 1:
                extra = _partner(in_line[0], [line], values, hidden)
                if extra is not None:
                    hidden.add(extra)
                    changed = True
        if changed:
            continue
        exposed = determined_keys(lines, hidden)
        if not exposed:
            break
        extra = _partner(min(exposed), lines, values, hidden)
        if extra is None:
            break  # everything positive is already hidden
        hidden.add(extra)

    def shown(key: Key) -> int | None:
        return None if key in hidden else values[key]

    return SuppressedTable(
        cells=[[shown(("cell", i, j)) for j in range(n_cols)] for i in range(n_rows)],
        row_totals=[shown(("row", i)) for i in range(n_rows)],
        col_totals=[shown(("col", j)) for j in range(n_cols)],
        grand_total=shown(GRAND),
        primary=frozenset(primary),
        secondary=frozenset(hidden - primary),
    )


def display(value: int | None) -> str:
    return MARKER if value is None else str(value)
