"""What every SVG chart shares: the layouts it is drawn in, round ticks, axis labels, the
accessible opening, grid, axes and a marker line. Drawn the same way at build time and in the
browser.

Every chart is drawn twice, for the width it will get: `WIDE` for laptops, tablets and print,
and `NARROW` for phones (about 360 CSS px across, drawn at about 1:1 so its type stays at
14 px). calculator.css shows one of the two; the narrow one has fewer ticks, shorter tick
labels, and text wrapped to fit rather than shrunk."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from ..core.format import format_number
from ..core.text import N_, text_for

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 76, 16, 28, 46


@dataclass(frozen=True)
class Layout:
    """A drawing's width, margins and type size (in user units), and how many ticks fit."""

    name: str  # "wide" or "narrow": the CSS class that shows it is calc-chart-<name>
    width: float
    plot_height: float
    left: float  # at least this much room for the y tick labels (more if they need it)
    right: float
    top: float  # room above the plot for a one-line axis label
    bottom: float  # room below for the tick labels and a one-line axis label
    font: float  # the type size calculator.css gives this drawing
    ticks: int  # about this many intervals on a value axis
    x_ticks: int  # ... and on a line chart's x axis
    compact_x: bool  # x tick labels shortened too ("40k" rather than "40,000")
    labels_above: bool  # a bar chart's labels above their bars rather than beside them

    @property
    def line_height(self) -> float:
        return round(self.font * 1.25, 1)

    def text_width(self, text: str) -> float:
        """A generous estimate of a label's width in user units."""
        return 0.6 * self.font * len(text)

    def wrap(self, text: str, width: float) -> list[str]:
        """Lines of `text` no wider than `width` (a longer single word keeps its own line)."""
        columns = max(6, int(width / (0.6 * self.font)))
        return textwrap.wrap(text, columns, break_long_words=False, break_on_hyphens=False) or [""]


WIDE = Layout("wide", WIDTH, HEIGHT - TOP - BOTTOM, LEFT, RIGHT, TOP, BOTTOM, 12, 5, 6,
              compact_x=False, labels_above=False)  # fmt: skip
NARROW = Layout("narrow", 360, 190, 34, 12, 28, 50, 14, 4, 4,
                compact_x=True, labels_above=True)  # fmt: skip
LAYOUTS = (WIDE, NARROW)


def text_lines(
    x: float, y: float, lines: Sequence[str], cls: str, anchor: str, line_height: float
) -> str:
    """One <text>; a label wrapped to several lines becomes one <tspan> per line."""
    head = f'<text class="{cls}" x="{coord(x)}" y="{coord(y)}" text-anchor="{anchor}">'
    if len(lines) == 1:
        return f"{head}{escape(lines[0])}</text>"
    spans = "".join(
        f'<tspan x="{coord(x)}" dy="{0 if i == 0 else line_height}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f"{head}{spans}</text>"


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


def svg_open(
    title: str, description: str, dom_id: str, height: float = HEIGHT, layout: Layout = WIDE
) -> list[str]:
    """The opening of an accessible chart: a named image whose description reads the data."""
    title_id, desc_id = f"{dom_id}-title", f"{dom_id}-desc"
    return [
        f'<svg class="calc-chart-svg" viewBox="0 0 {layout.width:g} {height:g}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]


@dataclass(frozen=True)
class Frame:
    """Where the plot of one chart sits in one layout, once its labels are measured."""

    layout: Layout
    left: float  # the plot's left edge: room for the widest y tick label
    top: float  # the plot's top edge: below the (wrapped) y axis label
    y_lines: tuple[str, ...]
    y_label_x: float
    x_lines: tuple[str, ...]

    @property
    def right(self) -> float:
        return self.layout.width - self.layout.right

    @property
    def plot_width(self) -> float:
        return self.right - self.left

    @property
    def base(self) -> float:
        return self.top + self.layout.plot_height

    @property
    def height(self) -> float:
        return self.base + self.layout.bottom + (len(self.x_lines) - 1) * self.layout.line_height


def frame(layout: Layout, x_label: str, y_label: str, y_tick_labels: Sequence[str]) -> Frame:
    """The plot's place: left of it the y tick labels, above it the y label (wrapped from the
    drawing's left edge when it does not fit on one line over the plot), below it the ticks
    and the x label, wrapped to the plot's width."""
    widest = max((layout.text_width(label) for label in y_tick_labels), default=0.0)
    left = max(layout.left, widest + 10)
    right = layout.width - layout.right
    y_lines, y_x = [y_label], left
    if layout.text_width(y_label) > layout.width - left - 2:
        y_lines, y_x = layout.wrap(y_label, layout.width - 4), 2
    top = layout.top + (len(y_lines) - 1) * layout.line_height
    fits = layout.text_width(x_label) <= right - left
    x_lines = [x_label] if fits else layout.wrap(x_label, right - left)
    return Frame(layout, left, top, tuple(y_lines), y_x, tuple(x_lines))


def y_grid(
    f: Frame, values: Sequence[float], py: Callable[[float], float], labels: Sequence[str]
) -> str:
    """Horizontal grid lines across the plot, each labeled on the left."""
    return "".join(
        f'<line class="calc-grid" x1="{f.left:g}" x2="{f.right:g}" y1="{coord(py(v))}" '
        f'y2="{coord(py(v))}"/><text class="calc-tick" x="{f.left - 6:g}" y="{coord(py(v))}" '
        f'text-anchor="end" dominant-baseline="middle">{escape(label)}</text>'
        for v, label in zip(values, labels, strict=True)
    )


def tick_y(f: Frame) -> float:
    """The baseline of the x tick labels, just below the axis."""
    return f.base + f.layout.font + 4


def axes(f: Frame, base_y: float) -> str:
    """The x axis at base_y with its label below, and the y label above the plot."""
    lh = f.layout.line_height
    x_label_y = f.height - 6 - (len(f.x_lines) - 1) * lh
    return (
        f'<line class="calc-axis" x1="{f.left:g}" x2="{f.right:g}" y1="{coord(base_y)}" '
        f'y2="{coord(base_y)}"/>'
        + text_lines(
            f.left + f.plot_width / 2, x_label_y, f.x_lines, "calc-axis-label", "middle", lh
        )
        + text_lines(f.y_label_x, f.layout.font + 2, f.y_lines, "calc-axis-label", "start", lh)
    )


def marker(f: Frame, x: float, base_y: float, label: str) -> str:
    """A vertical line at x with its label, placed on the side with room for it (and wrapped
    to that room)."""
    # The average advance, not the generous estimate: the label only has to stay inside the
    # drawing, and wrapping it where it would fit puts a second line over the plot.
    width = 0.55 * f.layout.font * len(label)
    rooms = {"end": x - 4, "start": f.layout.width - x - 4}
    anchor = "end" if x > f.left + f.plot_width * 0.7 else "start"
    if width > rooms[anchor]:  # the other side, if the label fits there; else the wider one
        other = "start" if anchor == "end" else "end"
        if width <= rooms[other] or rooms[other] > rooms[anchor]:
            anchor = other
    dx = -4 if anchor == "end" else 4
    room = rooms[anchor]
    lines = [label] if width <= room else f.layout.wrap(label, room)
    return (
        f'<line class="calc-marker" x1="{coord(x)}" x2="{coord(x)}" y1="{coord(f.top)}" '
        f'y2="{coord(base_y)}"/>'
        + text_lines(x + dx, f.top + 12, lines, "calc-marker-label", anchor, f.layout.line_height)
    )
