"""What every SVG chart shares: the drawing size, round ticks, axis labels, the accessible
opening, grid, axes and a marker line. Drawn the same way at build time and in the browser."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from ..core.format import format_number
from ..core.text import N_, text_for

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


# Axis labels in thousands, millions and billions: each language has its own abbreviations.
SCALES = (
    (1e9, N_("{value}B")),
    (1e6, N_("{value}M")),
    (1e3, N_("{value}k")),
)


def _scaled(value: float, divisor: float, words: str, decimals: int, locale: str) -> str:
    number = format_number(value / divisor, locale, decimals)
    return text_for(locale).gettext(words, value=number)


def compact(value: float, step: float, locale: str) -> str:
    """Axis label: 1,200,000 -> '1.2M' (in the locale's decimal mark and abbreviation)."""
    for divisor, words in SCALES:
        if abs(step) >= divisor / 10 and (abs(value) >= divisor or value == 0):
            if value == 0:
                return "0"
            return _scaled(value, divisor, words, _decimals_for(step / divisor), locale)
    return format_number(value, locale, _decimals_for(step))


def scaled_labels(values: Sequence[float], step: float, locale: str) -> list[str]:
    """Axis labels in one unit for the whole axis, chosen by its largest value, with the
    decimals the step needs: 1,000,000 to 1,100,000 by 50,000 reads '1.00M', '1.05M', '1.10M'
    (never '1,050k'), and -200,000 to 1,200,000 by 200,000 reads '-0.2M' ... '1.2M'."""
    largest = max((abs(v) for v in values), default=0.0)
    scale = next(((d, w) for d, w in SCALES if largest >= d), None)
    if scale is None:
        decimals = _decimals_for(abs(step)) if step else 0
        return ["0" if v == 0 else format_number(v, locale, decimals) for v in values]
    divisor, words = scale
    decimals = _decimals_for(abs(step) / divisor) if step else 0
    return ["0" if v == 0 else _scaled(v, divisor, words, decimals, locale) for v in values]


def coord(value: float) -> str:
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
    """Horizontal grid lines across the plot, each labeled on the left."""
    return "".join(
        f'<line class="calc-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{coord(py(v))}" '
        f'y2="{coord(py(v))}"/><text class="calc-tick" x="{LEFT - 6}" y="{coord(py(v))}" '
        f'text-anchor="end" dominant-baseline="middle">{escape(label)}</text>'
        for v, label in zip(values, labels, strict=True)
    )


def axes(base_y: float, x_label: str, y_label: str) -> str:
    """The x axis at base_y with its label below, and the y label above the plot."""
    base, plot_w = coord(base_y), WIDTH - LEFT - RIGHT
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
        f'<line class="calc-marker" x1="{coord(x)}" x2="{coord(x)}" y1="{TOP}" '
        f'y2="{coord(base_y)}"/>'
        f'<text class="calc-marker-label" x="{coord(x + dx)}" y="{TOP + 12}" '
        f'text-anchor="{anchor}">{escape(label)}</text>'
    )
