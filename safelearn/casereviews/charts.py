"""A server-drawn SVG bar chart (no JavaScript, no inline styles: the CSP allows neither)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# GOV.UK palette colours, distinguishable in greyscale order too.
COLOURS = ("#1d70b8", "#f47738", "#00703c", "#912b88", "#d4351c", "#505a5f")


def grouped_bars(periods: list[str], series: list[tuple[str, list[int]]], *, title: str) -> SafeString:
    """Bars per period, one colour per series, with a legend; every number is also in the table beside it."""
    if not periods or not series:
        return mark_safe("")
    width, height, left, bottom, top = 640, 260, 40, 40, 20
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(1, *(max(values) if values else 0 for _, values in series))
    group_w = plot_w / len(periods)
    bar_w = max(2.0, (group_w - 12) / len(series))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 22 * len(series)}" '
        f'role="img" aria-labelledby="chart-title" class="sl-chart">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#0b0c0c"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="11">{peak}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" font-size="11">0</text>',
    ]
    for p_index, period in enumerate(periods):
        x0 = left + p_index * group_w + 6
        for s_index, (_, values) in enumerate(series):
            value = values[p_index] if p_index < len(values) else 0
            h = plot_h * value / peak
            x = x0 + s_index * bar_w
            parts.append(
                f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w - 1:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS[s_index % len(COLOURS)]}"><title>{escape(period)}: {value}</title></rect>'
            )
        parts.append(
            f'<text x="{x0 + (group_w - 12) / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
            f'font-size="12">{escape(period)}</text>'
        )
    for s_index, (label, _) in enumerate(series):
        y = height + 22 * s_index
        short = label if len(label) <= 90 else label[:87] + "…"
        parts.append(f'<rect x="{left}" y="{y}" width="12" height="12" fill="{COLOURS[s_index % len(COLOURS)]}"/>')
        parts.append(f'<text x="{left + 18}" y="{y + 11}" font-size="12">{escape(short)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above
