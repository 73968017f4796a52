"""A dependency-free SVG line chart, drawn the same way at build time and in the browser."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
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


def _decimals_for(step: float) -> int:
    """How many decimals show every tick of this step exactly (2.5 -> 1, 0.25 -> 2, 5 -> 0)."""
    for decimals in range(4):
        if abs(round(step, decimals) - step) <= 1e-9 * max(1.0, abs(step)):
            return decimals
    return 4


def compact(value: float, step: float, locale: str) -> str:
    """Axis label: 1,200,000 -> '1.2M' (in the locale's decimal mark)."""
    for divisor, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(step) >= divisor / 10 and (abs(value) >= divisor or value == 0):
            if value == 0:
                return "0"
            decimals = _decimals_for(step / divisor)
            return format_number(value / divisor, locale, decimals) + suffix
    return format_number(value, locale, _decimals_for(step))


def _coord(value: float) -> str:
    return f"{value:.1f}"


def svg_open(title: str, description: str, dom_id: str, height: float = HEIGHT) -> list[str]:
    """The opening of an accessible chart: a named image whose description reads the data."""
    title_id, desc_id = f"{dom_id}-title", f"{dom_id}-desc"
    return [
        f'<svg class="calc-chart-svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]


def y_grid(values: Sequence[float], py: Callable[[float], float], labels: Sequence[str]) -> str:
    """Horizontal grid lines across the plot, each labelled on the left."""
    return "".join(
        f'<line class="calc-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_coord(py(v))}" '
        f'y2="{_coord(py(v))}"/><text class="calc-tick" x="{LEFT - 6}" y="{_coord(py(v))}" '
        f'text-anchor="end" dominant-baseline="middle">{escape(label)}</text>'
        for v, label in zip(values, labels, strict=True)
    )


def axes(base_y: float, x_label: str, y_label: str) -> str:
    """The x axis at base_y with its label below, and the y label above the plot."""
    base, plot_w = _coord(base_y), WIDTH - LEFT - RIGHT
    return (
        f'<line class="calc-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}"/>'
        f'<text class="calc-axis-label" x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 6}" '
        f'text-anchor="middle">{escape(x_label)}</text>'
        f'<text class="calc-axis-label" x="{LEFT}" y="14" text-anchor="start">'
        f"{escape(y_label)}</text>"
    )


def marker(x: float, base_y: float, label: str) -> str:
    """A vertical line at x with its label, placed on the side with room for it."""
    plot_w = WIDTH - LEFT - RIGHT
    anchor = "end" if x > LEFT + plot_w * 0.7 else "start"
    dx = -4 if anchor == "end" else 4
    return (
        f'<line class="calc-marker" x1="{_coord(x)}" x2="{_coord(x)}" y1="{TOP}" '
        f'y2="{_coord(base_y)}"/>'
        f'<text class="calc-marker-label" x="{_coord(x + dx)}" y="{TOP + 12}" '
        f'text-anchor="{anchor}">{escape(label)}</text>'
    )


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

    parts = svg_open(chart["title"], _describe(chart, locale), dom_id)
    parts.append(y_grid(y_ticks, py, [compact(v, y_step, locale) for v in y_ticks]))
    slack = (x_high - x_low) * 1e-9  # ticks are sums of steps: keep the one that rounds past
    for value in ticks(x_low, x_high, 6):
        if x_low - slack <= value <= x_high + slack:  # the x axis spans the data exactly
            x = _coord(px(value))
            parts.append(
                f'<text class="calc-tick" x="{x}" y="{HEIGHT - BOTTOM + 16}" '
                f'text-anchor="middle">{escape(format_number(value, locale))}</text>'
            )
    parts.append(axes(py(y_low), chart["x_label"], chart["y_label"]))
    for index, s in enumerate(series):
        points = " ".join(
            f"{_coord(px(x))},{_coord(py(y))}" for x, y in zip(s["x"], s["y"], strict=True)
        )
        parts.append(
            f'<polyline class="calc-series calc-series-{index}" data-series="{escape(s["id"])}" '
            f'fill="none" points="{points}"/>'
        )
    mark = chart.get("marker") or {}
    if mark.get("x") is not None:
        parts.append(marker(px(mark["x"]), py(y_low), mark["label"]))
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

    description = "; ".join(f"{b['label']}: {b['text']}" for b in bars)
    parts = svg_open(chart["title"], description, dom_id, height)
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
