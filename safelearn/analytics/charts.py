"""Small server-rendered SVG charts: no JavaScript, print and PDF friendly, each with <title>, <desc>, role="img".

Every label passes through ``escape``; the output is assembled from escaped parts only, then marked safe.
Colours are from the GOV.UK palette and every meaning is also carried by shape or text, not colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BLUE, RED, BLACK, GREY, LIGHT = "#1d70b8", "#d4351c", "#0b0c0c", "#505a5f", "#f3f2f1"


def _frame(chart_id: str, title: str, desc: str, width: int, height: int, body: list[str]) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sl-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'font-family="Arial, sans-serif" font-size="12">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308 - every interpolated value is escaped above


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def control_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    values: Sequence[float],
    centre: float,
    ucl: Sequence[float],
    lcl: Sequence[float],
    signals: Sequence[bool],
) -> SafeString:
    """Points joined by a line; dashed limits, solid centre; signals drawn as larger red squares."""
    width, height, left, right, top, bottom = 720, 300, 48, 36, 16, 56
    if not values:
        return _frame(chart_id, title, desc, width, 60, ['<text x="8" y="30">No reports in this period</text>'])
    high = max([*values, *ucl, centre, 1.0]) * 1.1
    # Counts cannot fall below zero: a negative lower limit is not drawn (the data table still gives it).
    low = min([*values, 0.0])
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(values) - 1)

    def x(i: int) -> float:
        return left + (i * step if len(values) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h - (v - low) / (high - low or 1) * plot_h

    body = [f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="{LIGHT}"/>']
    for fraction in (0, 0.5, 1):
        tick = low + (high - low) * fraction
        body.append(f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" fill="{GREY}">{_fmt(tick)}</text>')

    def path(series: Sequence[float]) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(v):.1f}" for i, v in enumerate(series))

    body.append(f'<path d="{path([centre] * len(values))}" stroke="{BLACK}" stroke-width="1.5" fill="none"/>')
    for series in (ucl, lcl):
        if max(series) <= low:
            continue
        body.append(
            f'<path d="{path([max(v, low) for v in series])}" stroke="{RED}" stroke-dasharray="6 4" fill="none"/>'
        )
    body.append(f'<path d="{path(values)}" stroke="{BLUE}" stroke-width="2" fill="none"/>')
    for i, (value, signal) in enumerate(zip(values, signals, strict=True)):
        if signal:
            body.append(f'<rect x="{x(i) - 5:.1f}" y="{y(value) - 5:.1f}" width="10" height="10" fill="{RED}"/>')
        else:
            body.append(f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="3.5" fill="{BLUE}"/>')
    every = max(1, len(labels) // 12)
    for i, label in enumerate(labels):
        if i % every == 0:
            body.append(
                f'<text x="{x(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                f'fill="{BLACK}">{escape(label)}</text>'
            )
    legend_y = height - 12
    body.append(
        f'<text x="{left}" y="{legend_y}" fill="{BLACK}">Line: centre (mean). Dashed: control limits. '
        f"Red squares: signals.</text>"
    )
    return _frame(chart_id, title, desc, width, height, body)


def bar_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    values: Sequence[float],
    notes: Sequence[str] | None = None,
    value_texts: Sequence[str] | None = None,
) -> SafeString:
    """Horizontal bars, largest first when the caller sorts them (a Pareto); notes print after each bar.

    ``value_texts`` replace the printed numbers (a unit, or "No reports measured" rather than a bare 0).
    """
    row_h, label_w, width = 26, 250, 720
    if not values:
        return _frame(chart_id, title, desc, width, 60, ['<text x="8" y="30">No reports in this period</text>'])
    height = row_h * len(values) + 12
    top_value = max(values) or 1
    bar_space = width - label_w - 140
    body = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 6 + i * row_h
        length = bar_space * value / top_value
        note = f" ({escape(notes[i])})" if notes else ""
        shown = escape(value_texts[i]) if value_texts else _fmt(value)
        body.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" fill="{BLACK}">{escape(label[:40])}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{length:.1f}" height="{row_h - 8}" fill="{BLUE}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 16}" fill="{BLACK}">{shown}{note}</text>'
        )
    return _frame(chart_id, title, desc, width, height, body)


def heat_map(
    *,
    chart_id: str,
    title: str,
    desc: str,
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    matrix: Sequence[Sequence[int]],
    value_texts: Sequence[Sequence[str]] | None = None,
) -> SafeString:
    """Cells shaded by count, each also printed as a number so the chart reads without colour.

    ``value_texts`` replace the printed numbers (a suppressed cell: "[c]" over a 0 that is not shaded).
    """
    cell_w, cell_h, label_w, head_h = 56, 24, 250, 120
    width = label_w + cell_w * max(1, len(col_labels)) + 80
    height = head_h + cell_h * max(1, len(row_labels)) + 8
    top_value = max((v for row in matrix for v in row), default=0) or 1
    body = []
    for j, label in enumerate(col_labels):
        cx = label_w + j * cell_w + cell_w / 2
        body.append(
            f'<text transform="translate({cx:.1f},{head_h - 6}) rotate(-55)" fill="{BLACK}">{escape(label[:24])}</text>'
        )
    for i, label in enumerate(row_labels):
        y = head_h + i * cell_h
        body.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" fill="{BLACK}">{escape(label[:40])}</text>'
        )
        for j, value in enumerate(matrix[i]):
            shade = 0.08 + 0.92 * value / top_value if value else 0.0
            text_fill = "#ffffff" if shade > 0.55 else BLACK
            body.append(
                f'<rect x="{label_w + j * cell_w}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{BLUE}" fill-opacity="{shade:.2f}" stroke="{GREY}" stroke-width="0.5"/>'
                f'<text x="{label_w + j * cell_w + cell_w / 2 - 1:.1f}" y="{y + 16}" text-anchor="middle" '
                f'fill="{text_fill}">{escape(value_texts[i][j]) if value_texts else value}</text>'
            )
    return _frame(chart_id, title, desc, width, height, body)
