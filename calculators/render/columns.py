"""Vertical columns: values by category, or a histogram when the chart has `edges`.

Each column has a height (`value`), a tone (the colors of the bar chart) and `text`, the value
as a reader reads it (a tooltip and the text alternative). Without `edges` the axis names the
columns by their labels; with `edges` (a histogram's bin boundaries, one more than the columns)
it labels the boundaries, in one unit for the whole axis ('1.05M', never '1,050k'). Labels that
would collide are thinned to every k-th. The marker is a dashed vertical line at the center of
column `index`, or at `x` on the edges' scale (without edges, `x` counts columns: column i spans
[i, i + 1]); a marker outside the columns is not drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..core.results import ColumnMarker, ColumnsChart
from .svg import (
    WIDE,
    Layout,
    axes,
    coord,
    frame,
    marker,
    scaled_labels,
    svg_open,
    tick_y,
    ticks,
    y_grid,
)


def every(labels: Sequence[str], spacing: float, layout: Layout = WIDE) -> int:
    """Show every k-th label so that the widest one fits in k slots."""
    widest = max((layout.text_width(label) for label in labels), default=0.0) + 8.0
    k = 1
    while k * spacing < widest and k < len(labels):
        k += 1
    return k


def marker_position(mark: ColumnMarker, edges: Sequence[float], count: int) -> float | None:
    """The marker's position in column units (0 = left edge of the first column), or None."""
    if mark.index is not None:
        return mark.index + 0.5 if 0 <= mark.index < count else None
    if mark.x is None:
        return None
    x = float(mark.x)
    if not edges:
        return x if 0 <= x <= count else None
    for i in range(len(edges) - 1):
        low, high = float(edges[i]), float(edges[i + 1])
        if low <= x <= high:
            return i + ((x - low) / (high - low) if high > low else 0.5)
    return None


def columns_chart(chart: ColumnsChart, dom_id: str, locale: str, layout: Layout = WIDE) -> str:
    columns = chart.columns
    edges = [float(e) for e in chart.edges]
    values = [float(c.value) for c in columns] or [0.0]
    y_ticks = ticks(min(0.0, *values), max(values) if max(values) > 0 else 1.0, layout.ticks)
    y_low, y_high = y_ticks[0], y_ticks[-1]
    y_step = y_ticks[1] - y_ticks[0] if len(y_ticks) > 1 else 1.0
    y_labels = scaled_labels(y_ticks, y_step, locale)
    f = frame(layout, chart.x_label, chart.y_label, y_labels)
    plot_h = layout.plot_height
    slot = f.plot_width / max(len(columns), 1)
    gap = min(slot * 0.2, 6.0)

    def py(y: float) -> float:
        return f.top + plot_h - (y - y_low) / ((y_high - y_low) or 1) * plot_h

    description = "; ".join(f"{c.label}: {c.text or c.value}" for c in columns)
    parts = svg_open(chart.title, description, dom_id, f.height, layout)
    parts.append(y_grid(f, y_ticks, py, y_labels))
    zero = py(max(y_low, 0.0))
    for index, column in enumerate(columns):
        top, bottom = sorted((py(float(column.value)), zero))
        tip = f"{column.label}: {column.text or column.value}"
        parts.append(
            f'<rect class="calc-bar calc-bar-{escape(column.tone)} calc-column" '
            f'x="{coord(f.left + index * slot + gap / 2)}" y="{coord(top)}" '
            f'width="{coord(max(slot - gap, 1.0))}" height="{coord(bottom - top)}">'
            f"<title>{escape(tip)}</title></rect>"
        )
    label_y = coord(tick_y(f))
    if edges:
        edge_step = edges[1] - edges[0] if len(edges) > 1 else 1.0
        texts = scaled_labels(edges, edge_step or 1.0, locale)
        offset = 0.0
    else:
        texts = [c.label for c in columns]
        offset = 0.5
    k = every(texts, slot, layout)
    for index, text in enumerate(texts):
        if index % k == 0:
            x = f.left + (index + offset) * slot
            half = layout.text_width(text) / 2
            # Centered under its place unless that would run past an edge of the drawing.
            anchor = "end" if x + half > layout.width else "start" if x < half else "middle"
            parts.append(
                f'<text class="calc-tick" x="{coord(x)}" y="{label_y}" '
                f'text-anchor="{anchor}">{escape(text)}</text>'
            )
    parts.append(axes(f, zero))
    if chart.marker is not None:
        position = marker_position(chart.marker, edges, len(columns))
        if position is not None:
            parts.append(marker(f, f.left + position * slot, py(y_low), chart.marker.label))
    parts.append("</svg>")
    return "".join(parts)
