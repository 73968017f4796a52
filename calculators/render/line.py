"""The line chart (cumulative costs over time, with an optional marker such as break-even)."""

from __future__ import annotations

from html import escape

from ..core.format import format_number
from ..core.results import LineChart
from ..core.text import text_for
from .svg import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    axes,
    compact,
    coord,
    marker,
    svg_open,
    ticks,
    y_grid,
)

TICK_FONT = 12  # the charts' font size, as calculator.css sets it


def line_chart(chart: LineChart, dom_id: str, locale: str) -> str:
    xs = [float(x) for s in chart.series for x in s.x]
    ys = [float(y) for s in chart.series for y in s.y]
    x_low, x_high = min(xs), max(xs)
    y_ticks = ticks(min(0.0, min(ys)), max(ys) if max(ys) > 0 else 1.0)
    y_low, y_high = y_ticks[0], y_ticks[-1]
    y_step = y_ticks[1] - y_ticks[0] if len(y_ticks) > 1 else 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x: float) -> float:
        return LEFT + (x - x_low) / ((x_high - x_low) or 1) * plot_w

    def py(y: float) -> float:
        return TOP + plot_h - (y - y_low) / ((y_high - y_low) or 1) * plot_h

    parts = svg_open(chart.title, _describe(chart, locale), dom_id)
    parts.append(y_grid(y_ticks, py, [compact(v, y_step, locale) for v in y_ticks]))
    slack = (x_high - x_low) * 1e-9  # ticks are sums of steps: keep the one that rounds past
    for value in ticks(x_low, x_high, 6):
        if x_low - slack <= value <= x_high + slack:  # the x axis spans the data exactly
            label = format_number(value, locale)
            # A label centered on the right edge would run past the drawing and be cut off.
            anchor = "end" if px(value) + label_width(label) / 2 > WIDTH else "middle"
            parts.append(
                f'<text class="calc-tick" x="{coord(px(value))}" y="{HEIGHT - BOTTOM + 16}" '
                f'text-anchor="{anchor}">{escape(label)}</text>'
            )
    parts.append(axes(py(y_low), chart.x_label, chart.y_label))
    for index, s in enumerate(chart.series):
        points = " ".join(f"{coord(px(x))},{coord(py(y))}" for x, y in zip(s.x, s.y, strict=True))
        parts.append(
            f'<polyline class="calc-series calc-series-{index}" data-series="{escape(s.id)}" '
            f'fill="none" points="{points}"/>'
        )
    if chart.marker is not None and chart.marker.x is not None:
        parts.append(marker(px(chart.marker.x), py(y_low), chart.marker.label))
    parts.append("</svg>")
    return "".join(parts)


def label_width(text: str) -> float:
    """A generous estimate of a tick label's width in the chart's units (12px text)."""
    return 0.6 * TICK_FONT * len(text)


def _describe(chart: LineChart, locale: str) -> str:
    """A text alternative: where each line ends, and the marker."""
    t = text_for(locale)
    ends = [
        t.gettext(
            "{series}: {value} at {x}",
            series=s.name,
            value=format_number(s.y[-1], locale),
            x=format_number(s.x[-1], locale),
        )
        for s in chart.series
        if s.y
    ]
    label = chart.marker.label if chart.marker else ""
    return "; ".join([*ends, label] if label else ends)
