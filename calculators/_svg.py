"""A dependency-free SVG line chart, drawn the same way at build time and in the browser."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import Any

from ._format import format_number

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 76, 16, 28, 46


def nice_step(span: float, target_ticks: int = 5) -> float:
    """A 1-2-5 step that cuts `span` into about `target_ticks` intervals."""
    if span <= 0:
        return 1.0
    raw = span / target_ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10.0 * magnitude


def ticks(low: float, high: float, target: int = 5) -> list[float]:
    """Round tick values from at or below `low` to at or above `high`."""
    step = nice_step(high - low, target)
    first = math.floor(low / step)
    last = math.ceil(high / step)
    return [round(i * step, 10) for i in range(first, last + 1)]


def compact(value: float, step: float, locale: str) -> str:
    """Axis label: 1,200,000 -> '1.2M' (in the locale's decimal mark)."""
    for divisor, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(step) >= divisor / 10 and (abs(value) >= divisor or value == 0):
            scaled_step = step / divisor
            decimals = 0 if scaled_step >= 1 else max(0, -math.floor(math.log10(scaled_step)))
            return "0" if value == 0 else format_number(value / divisor, locale, decimals) + suffix
    decimals = 0 if step >= 1 else max(0, -math.floor(math.log10(step)))
    return format_number(value, locale, decimals)


def _coord(value: float) -> str:
    return f"{value:.1f}"


def line_chart(chart: dict[str, Any], dom_id: str, locale: str) -> str:
    series: Sequence[dict[str, Any]] = chart["series"]
    xs = [float(x) for s in series for x in s["x"]]
    ys = [float(y) for s in series for y in s["y"]]
    x_low, x_high = min(xs), max(xs)
    y_ticks = ticks(min(0.0, min(ys)), max(ys) if max(ys) > 0 else 1.0)
    y_low, y_high = y_ticks[0], y_ticks[-1]
    y_step = y_ticks[1] - y_ticks[0] if len(y_ticks) > 1 else 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x: float) -> float:
        return LEFT + (x - x_low) / ((x_high - x_low) or 1) * plot_w

    def py(y: float) -> float:
        return TOP + plot_h - (y - y_low) / ((y_high - y_low) or 1) * plot_h

    title_id, desc_id = f"{dom_id}-title", f"{dom_id}-desc"
    parts = [
        f'<svg class="calc-chart-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{title_id}">{escape(chart["title"])}</title>',
        f'<desc id="{desc_id}">{escape(_describe(chart, locale))}</desc>',
    ]
    for value in y_ticks:
        y = _coord(py(value))
        parts.append(
            f'<line class="calc-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>'
            f'<text class="calc-tick" x="{LEFT - 6}" y="{y}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(compact(value, y_step, locale))}</text>'
        )
    for value in ticks(x_low, x_high, 6):
        if x_low <= value <= x_high:  # the x axis spans the data exactly
            x = _coord(px(value))
            parts.append(
                f'<text class="calc-tick" x="{x}" y="{HEIGHT - BOTTOM + 16}" '
                f'text-anchor="middle">{escape(format_number(value, locale))}</text>'
            )
    base = _coord(py(y_low))
    parts.append(
        f'<line class="calc-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}"/>'
        f'<text class="calc-axis-label" x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 6}" '
        f'text-anchor="middle">{escape(chart["x_label"])}</text>'
        f'<text class="calc-axis-label" x="{LEFT}" y="14" text-anchor="start">'
        f"{escape(chart['y_label'])}</text>"
    )
    for index, s in enumerate(series):
        points = " ".join(
            f"{_coord(px(x))},{_coord(py(y))}" for x, y in zip(s["x"], s["y"], strict=True)
        )
        parts.append(
            f'<polyline class="calc-series calc-series-{index}" data-series="{escape(s["id"])}" '
            f'fill="none" points="{points}"/>'
        )
    marker = chart.get("marker") or {}
    if marker.get("x") is not None:
        x = _coord(px(marker["x"]))
        anchor = "end" if px(marker["x"]) > LEFT + plot_w * 0.7 else "start"
        dx = -4 if anchor == "end" else 4
        parts.append(
            f'<line class="calc-marker" x1="{x}" x2="{x}" y1="{TOP}" y2="{base}"/>'
            f'<text class="calc-marker-label" x="{float(x) + dx:.1f}" y="{TOP + 12}" '
            f'text-anchor="{anchor}">{escape(marker["label"])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _describe(chart: dict[str, Any], locale: str) -> str:
    """A text alternative: where each line ends, and the marker."""
    ends = [
        f"{s['name']}: {format_number(s['y'][-1], locale)} at {format_number(s['x'][-1], locale)}"
        for s in chart["series"]
        if s["y"]
    ]
    marker = (chart.get("marker") or {}).get("label", "")
    return "; ".join([*ends, marker] if marker else ends)


BAR_HEIGHT, BAR_GAP, LABEL_WIDTH = 22, 10, 190


def bar_chart(chart: dict[str, Any], dom_id: str, locale: str) -> str:
    """Horizontal bars, each from `start` to `end` (a tornado, scores, or costs side by side).

    chart: {title, x_label, bars: [{label, start, end, text, tone?}], reference?: {x, label}}
    """
    bars: Sequence[dict[str, Any]] = chart["bars"]
    reference = chart.get("reference") or {}
    values = [float(v) for b in bars for v in (b["start"], b["end"])]
    if reference.get("x") is not None:
        values.append(float(reference["x"]))
    x_ticks = ticks(min(0.0, *values), max(0.0, *values) or 1.0)
    x_low, x_high = x_ticks[0], x_ticks[-1]
    x_step = x_ticks[1] - x_ticks[0] if len(x_ticks) > 1 else 1.0
    left, right = LABEL_WIDTH, WIDTH - RIGHT - 70
    top = TOP
    height = top + len(bars) * (BAR_HEIGHT + BAR_GAP) + BOTTOM

    def px(x: float) -> float:
        return left + (x - x_low) / ((x_high - x_low) or 1) * (right - left)

    title_id, desc_id = f"{dom_id}-title", f"{dom_id}-desc"
    description = "; ".join(f"{b['label']}: {b['text']}" for b in bars)
    parts = [
        f'<svg class="calc-chart-svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{title_id}">{escape(chart["title"])}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    bottom = top + len(bars) * (BAR_HEIGHT + BAR_GAP)
    for value in x_ticks:
        x = _coord(px(value))
        parts.append(
            f'<line class="calc-grid" x1="{x}" x2="{x}" y1="{top}" y2="{bottom}"/>'
            f'<text class="calc-tick" x="{x}" y="{bottom + 16}" text-anchor="middle">'
            f"{escape(compact(value, x_step, locale))}</text>"
        )
    parts.append(
        f'<text class="calc-axis-label" x="{(left + right) / 2:.1f}" y="{bottom + 36}" '
        f'text-anchor="middle">{escape(chart["x_label"])}</text>'
    )
    for index, bar in enumerate(bars):
        y = top + index * (BAR_HEIGHT + BAR_GAP)
        start, end = sorted((px(float(bar["start"])), px(float(bar["end"]))))
        tone = escape(bar.get("tone", "neutral"))
        parts.append(
            f'<text class="calc-tick" x="{left - 8}" y="{y + BAR_HEIGHT / 2:.1f}" '
            f'text-anchor="end" dominant-baseline="middle">{escape(bar["label"])}</text>'
            f'<rect class="calc-bar calc-bar-{tone}" x="{_coord(start)}" y="{y}" '
            f'width="{_coord(max(end - start, 1.0))}" height="{BAR_HEIGHT}"/>'
            f'<text class="calc-tick" x="{_coord(end + 4)}" y="{y + BAR_HEIGHT / 2:.1f}" '
            f'dominant-baseline="middle">{escape(bar["text"])}</text>'
        )
    if reference.get("x") is not None:
        x = _coord(px(float(reference["x"])))
        parts.append(
            f'<line class="calc-marker" x1="{x}" x2="{x}" y1="{top - 6}" y2="{bottom}"/>'
            f'<text class="calc-marker-label" x="{x}" y="{top - 10}" text-anchor="middle">'
            f"{escape(reference.get('label', ''))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
