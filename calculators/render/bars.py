"""Horizontal bars, each from `start` to `end`: a tornado, scores, or costs side by side."""

from __future__ import annotations

from html import escape

from ..core.results import BarsChart
from .svg import BOTTOM, RIGHT, TOP, WIDTH, coord, scaled_labels, svg_open, ticks

BAR_HEIGHT, BAR_GAP, LABEL_WIDTH = 22, 10, 190


def bars_chart(chart: BarsChart, dom_id: str, locale: str) -> str:
    bars = chart.bars
    reference = chart.reference
    values = [float(v) for b in bars for v in (b.start, b.end)]
    if reference is not None and reference.x is not None:
        values.append(float(reference.x))
    x_ticks = ticks(min(0.0, *values), max(0.0, *values) or 1.0)
    x_low, x_high = x_ticks[0], x_ticks[-1]
    x_step = x_ticks[1] - x_ticks[0] if len(x_ticks) > 1 else 1.0
    left, right = LABEL_WIDTH, WIDTH - RIGHT - 70
    top = TOP
    height = top + len(bars) * (BAR_HEIGHT + BAR_GAP) + BOTTOM

    def px(x: float) -> float:
        return left + (x - x_low) / ((x_high - x_low) or 1) * (right - left)

    description = "; ".join(f"{b.label}: {b.text}" for b in bars)
    parts = svg_open(chart.title, description, dom_id, height)
    bottom = top + len(bars) * (BAR_HEIGHT + BAR_GAP)
    for value, label in zip(x_ticks, scaled_labels(x_ticks, x_step, locale), strict=True):
        x = coord(px(value))
        parts.append(
            f'<line class="calc-grid" x1="{x}" x2="{x}" y1="{top}" y2="{bottom}"/>'
            f'<text class="calc-tick" x="{x}" y="{bottom + 16}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    parts.append(
        f'<text class="calc-axis-label" x="{(left + right) / 2:.1f}" y="{bottom + 36}" '
        f'text-anchor="middle">{escape(chart.x_label)}</text>'
    )
    for index, bar in enumerate(bars):
        y = top + index * (BAR_HEIGHT + BAR_GAP)
        start, end = sorted((px(float(bar.start)), px(float(bar.end))))
        tone = escape(bar.tone)
        parts.append(
            f'<text class="calc-tick" x="{left - 8}" y="{y + BAR_HEIGHT / 2:.1f}" '
            f'text-anchor="end" dominant-baseline="middle">{escape(bar.label)}</text>'
            f'<rect class="calc-bar calc-bar-{tone}" x="{coord(start)}" y="{y}" '
            f'width="{coord(max(end - start, 1.0))}" height="{BAR_HEIGHT}"/>'
            f'<text class="calc-tick" x="{coord(end + 4)}" y="{y + BAR_HEIGHT / 2:.1f}" '
            f'dominant-baseline="middle">{escape(bar.text)}</text>'
        )
    if reference is not None and reference.x is not None:
        x = coord(px(float(reference.x)))
        parts.append(
            f'<line class="calc-marker" x1="{x}" x2="{x}" y1="{top - 6}" y2="{bottom}"/>'
            f'<text class="calc-marker-label" x="{x}" y="{top - 10}" text-anchor="middle">'
            f"{escape(reference.label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
