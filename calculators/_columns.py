"""A dependency-free SVG column chart (vertical bars): histograms and values by category.

chart: {id, kind: "columns", title, x_label, y_label,
        columns: [{label, value, tone?, text?}],
        edges?: [numbers, one more than the columns],
        marker?: {index | x, label}}

Each column is a category with a height (`value`); `tone` is "good", "bad" or "neutral" (the
colours of the bar chart) and `text` the value as a reader reads it (a tooltip and the text
alternative). Without `edges` the axis names the columns by their labels; with `edges` (a
histogram's bin boundaries) it labels the boundaries instead. Labels that would collide are
thinned to every k-th. The marker is a dashed vertical line: at the centre of column `index`,
or at `x`, a value on the edges' scale (without edges, `x` counts columns: column i spans
[i, i + 1]). A marker outside the columns is not drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from ._format import format_number
from ._svg import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    _coord,
    axes,
    compact,
    marker,
    svg_open,
    ticks,
    y_grid,
)

_CHAR_WIDTH = 7.0  # rough width of one tick-label character at the chart's 12px font


def _tick_text(value: float, step: float, locale: str) -> str:
    """An axis label like `_svg.compact` ('250k', '1.5M'), with the decimals the step needs:
    compact() labels steps of 2.5 with no decimals, so 7.5 would read '8'."""
    text = compact(value, step, locale)
    for divisor, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k"), (1.0, "")):
        if text.endswith(suffix) and (suffix or divisor == 1.0):
            scaled = abs(step) / divisor
            decimals = 0
            while decimals < 3 and abs(scaled - round(scaled)) > 1e-9 * max(1.0, scaled):
                scaled *= 10.0
                decimals += 1
            if value == 0:
                return "0"
            return format_number(value / divisor, locale, decimals) + suffix
    return text  # pragma: no cover - the empty suffix always matches


def _every(labels: Sequence[str], spacing: float) -> int:
    """Show every k-th label so that the widest one fits in k slots."""
    widest = max((len(label) for label in labels), default=0) * _CHAR_WIDTH + 8.0
    k = 1
    while k * spacing < widest and k < len(labels):
        k += 1
    return k


def _marker_position(marker: dict[str, Any], edges: Sequence[float], count: int) -> float | None:
    """The marker's position in column units (0 = left edge of the first column), or None."""
    if marker.get("index") is not None:
        index = int(marker["index"])
        return index + 0.5 if 0 <= index < count else None
    if marker.get("x") is None:
        return None
    x = float(marker["x"])
    if not edges:
        return x if 0 <= x <= count else None
    for i in range(len(edges) - 1):
        low, high = float(edges[i]), float(edges[i + 1])
        if low <= x <= high:
            return i + ((x - low) / (high - low) if high > low else 0.5)
    return None


def column_chart(chart: dict[str, Any], dom_id: str, locale: str) -> str:
    columns: Sequence[dict[str, Any]] = chart["columns"]
    edges: Sequence[float] = chart.get("edges") or ()
    values = [float(c["value"]) for c in columns] or [0.0]
    y_ticks = ticks(min(0.0, *values), max(values) if max(values) > 0 else 1.0)
    y_low, y_high = y_ticks[0], y_ticks[-1]
    y_step = y_ticks[1] - y_ticks[0] if len(y_ticks) > 1 else 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(columns), 1)
    gap = min(slot * 0.2, 6.0)

    def py(y: float) -> float:
        return TOP + plot_h - (y - y_low) / ((y_high - y_low) or 1) * plot_h

    description = "; ".join(f"{c['label']}: {c.get('text') or c['value']}" for c in columns)
    parts = svg_open(chart["title"], description, dom_id)
    parts.append(y_grid(y_ticks, py, [_tick_text(v, y_step, locale) for v in y_ticks]))
    zero = py(max(y_low, 0.0))
    for index, column in enumerate(columns):
        top, bottom = sorted((py(float(column["value"])), zero))
        tone = escape(column.get("tone", "neutral"))
        tip = f"{column['label']}: {column.get('text') or column['value']}"
        parts.append(
            f'<rect class="calc-bar calc-bar-{tone} calc-column" '
            f'x="{_coord(LEFT + index * slot + gap / 2)}" y="{_coord(top)}" '
            f'width="{_coord(max(slot - gap, 1.0))}" height="{_coord(bottom - top)}">'
            f"<title>{escape(tip)}</title></rect>"
        )
    label_y = HEIGHT - BOTTOM + 16
    if edges:
        edge_step = float(edges[1]) - float(edges[0]) if len(edges) > 1 else 1.0
        texts = [_tick_text(float(e), edge_step or 1.0, locale) for e in edges]
        k = _every(texts, slot)
        for index, text in enumerate(texts):
            if index % k == 0:
                parts.append(
                    f'<text class="calc-tick" x="{_coord(LEFT + index * slot)}" y="{label_y}" '
                    f'text-anchor="middle">{escape(text)}</text>'
                )
    else:
        texts = [str(c["label"]) for c in columns]
        k = _every(texts, slot)
        for index, text in enumerate(texts):
            if index % k == 0:
                parts.append(
                    f'<text class="calc-tick" x="{_coord(LEFT + (index + 0.5) * slot)}" '
                    f'y="{label_y}" text-anchor="middle">{escape(text)}</text>'
                )
    parts.append(axes(zero, chart["x_label"], chart["y_label"]))
    mark = chart.get("marker") or {}
    position = _marker_position(mark, edges, len(columns))
    if position is not None:
        parts.append(marker(LEFT + position * slot, py(y_low), mark.get("label", "")))
    parts.append("</svg>")
    return "".join(parts)
