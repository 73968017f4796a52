"""Horizontal bars, each from `start` to `end`: a tornado, scores, or costs side by side.

The wide drawing puts each bar's label to its left; the narrow one puts it on its own line
above the bar, so the bars get the whole width of a phone."""

from __future__ import annotations

from html import escape

from ..core.results import BarsChart
from .svg import WIDE, Layout, coord, scaled_labels, svg_open, text_lines, ticks

BAR_HEIGHT, BAR_GAP, LABEL_WIDTH = 22, 10, 190
VALUE_ROOM = 70  # the wide drawing's room right of the plot for a bar's value


def bars_chart(chart: BarsChart, dom_id: str, locale: str, layout: Layout = WIDE) -> str:
    bars = chart.bars
    reference = chart.reference
    values = [float(v) for b in bars for v in (b.start, b.end)]
    if reference is not None and reference.x is not None:
        values.append(float(reference.x))
    x_ticks = ticks(min(0.0, *values), max(0.0, *values) or 1.0, layout.ticks)
    x_low, x_high = x_ticks[0], x_ticks[-1]
    x_step = x_ticks[1] - x_ticks[0] if len(x_ticks) > 1 else 1.0
    lh = layout.line_height
    if layout.labels_above:
        # Labels over their bars; the values' room right of the plot is as wide as they are.
        widest = max((layout.text_width(b.text) for b in bars), default=0.0)
        left = 6.0
        right = layout.width - layout.right - min(widest + 6, layout.width * 0.4)
        label_lines = [layout.wrap(b.label, layout.width - 8) for b in bars]
    else:
        left, right = LABEL_WIDTH, layout.width - layout.right - VALUE_ROOM
        label_lines = [[b.label] for b in bars]
    above = [len(lines) * lh if layout.labels_above else 0.0 for lines in label_lines]
    top = layout.top
    rows: list[float] = []  # the top of each bar
    y = top
    for room in above:
        rows.append(y + room)
        y += room + BAR_HEIGHT + BAR_GAP
    bottom = y
    axis_lines = (
        [chart.x_label]
        if layout.text_width(chart.x_label) <= right - left or not layout.labels_above
        else layout.wrap(chart.x_label, layout.width - 8)
    )
    height = bottom + layout.bottom + (len(axis_lines) - 1) * lh

    def px(x: float) -> float:
        return left + (x - x_low) / ((x_high - x_low) or 1) * (right - left)

    description = "; ".join(f"{b.label}: {b.text}" for b in bars)
    parts = svg_open(chart.title, description, dom_id, height, layout)
    tick_y = bottom + layout.font + 4
    for value, label in zip(x_ticks, scaled_labels(x_ticks, x_step, locale), strict=True):
        x = coord(px(value))
        parts.append(
            f'<line class="calc-grid" x1="{x}" x2="{x}" y1="{top}" y2="{coord(bottom)}"/>'
            f'<text class="calc-tick" x="{x}" y="{coord(tick_y)}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    axis_x = (left + right) / 2 if len(axis_lines) == 1 else layout.width / 2
    parts.append(
        text_lines(axis_x, tick_y + layout.font + 8, axis_lines, "calc-axis-label", "middle", lh)
    )
    for bar, y, lines in zip(bars, rows, label_lines, strict=True):
        start, end = sorted((px(float(bar.start)), px(float(bar.end))))
        tone = escape(bar.tone)
        middle = coord(y + BAR_HEIGHT / 2)
        if layout.labels_above:
            parts.append(
                text_lines(left, y - len(lines) * lh + layout.font, lines, "calc-tick", "start", lh)
            )
        else:
            parts.append(
                f'<text class="calc-tick" x="{left - 8}" y="{middle}" '
                f'text-anchor="end" dominant-baseline="middle">{escape(bar.label)}</text>'
            )
        parts.append(
            f'<rect class="calc-bar calc-bar-{tone}" x="{coord(start)}" y="{coord(y)}" '
            f'width="{coord(max(end - start, 1.0))}" height="{BAR_HEIGHT}"/>'
            f'<text class="calc-tick" x="{coord(end + 4)}" y="{middle}" '
            f'dominant-baseline="middle">{escape(bar.text)}</text>'
        )
    if reference is not None and reference.x is not None:
        at = px(float(reference.x))
        width = layout.text_width(reference.label)
        # Centered over the line unless that would run past an edge of the drawing.
        anchor = (
            "end" if at + width / 2 > layout.width else "start" if at - width / 2 < 0 else "middle"
        )
        parts.append(
            f'<line class="calc-marker" x1="{coord(at)}" x2="{coord(at)}" y1="{top - 6}" '
            f'y2="{coord(bottom)}"/>'
            f'<text class="calc-marker-label" x="{coord(at)}" y="{top - 10}" '
            f'text-anchor="{anchor}">{escape(reference.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
