"""The line chart (cumulative costs over time, with an optional marker such as break-even)."""

from __future__ import annotations

from html import escape

from ..core.format import format_number
from ..core.results import LineChart
from ..core.text import text_for
from .svg import WIDE, Layout, axes, compact, coord, frame, marker, svg_open, tick_y, ticks, y_grid


def line_chart(chart: LineChart, dom_id: str, locale: str, layout: Layout = WIDE) -> str:
    xs = [float(x) for s in chart.series for x in s.x]
    ys = [float(y) for s in chart.series for y in s.y]
    x_low, x_high = min(xs), max(xs)
    y_ticks = ticks(min(0.0, min(ys)), max(ys) if max(ys) > 0 else 1.0, layout.ticks)
    y_low, y_high = y_ticks[0], y_ticks[-1]
    y_step = y_ticks[1] - y_ticks[0] if len(y_ticks) > 1 else 1.0
    y_labels = [compact(v, y_step, locale) for v in y_ticks]
    f = frame(layout, chart.x_label, chart.y_label, y_labels)
    plot_h = layout.plot_height

    def px(x: float) -> float:
        return f.left + (x - x_low) / ((x_high - x_low) or 1) * f.plot_width

    def py(y: float) -> float:
        return f.top + plot_h - (y - y_low) / ((y_high - y_low) or 1) * plot_h

    parts = svg_open(chart.title, _describe(chart, locale), dom_id, f.height, layout)
    parts.append(y_grid(f, y_ticks, py, y_labels))
    slack = (x_high - x_low) * 1e-9  # ticks are sums of steps: keep the one that rounds past
    x_ticks = [v for v in ticks(x_low, x_high, layout.x_ticks)
               if x_low - slack <= v <= x_high + slack]  # fmt: skip  # the axis spans the data
    x_step = x_ticks[1] - x_ticks[0] if len(x_ticks) > 1 else 1.0
    for value in x_ticks:
        label = compact(value, x_step, locale) if layout.compact_x else format_number(value, locale)
        # A label centered on the right edge would run past the drawing and be cut off.
        anchor = "end" if px(value) + layout.text_width(label) / 2 > layout.width else "middle"
        parts.append(
            f'<text class="calc-tick" x="{coord(px(value))}" y="{coord(tick_y(f))}" '
            f'text-anchor="{anchor}">{escape(label)}</text>'
        )
    parts.append(axes(f, py(y_low)))
    for index, s in enumerate(chart.series):
        points = " ".join(f"{coord(px(x))},{coord(py(y))}" for x, y in zip(s.x, s.y, strict=True))
        parts.append(
            f'<polyline class="calc-series calc-series-{index}" data-series="{escape(s.id)}" '
            f'fill="none" points="{points}"/>'
        )
    if chart.marker is not None and chart.marker.x is not None:
        parts.append(marker(f, px(chart.marker.x), py(y_low), chart.marker.label))
    parts.append("</svg>")
    return "".join(parts)


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
