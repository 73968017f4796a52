"""Drawing primitives for the guide's figures.

The calculators' own SVG and number helpers are imported here, and only here, so that a move of
those modules touches one import block.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from html import escape

from calculators.core.format import format_money, format_number, format_percent
from calculators.render.html import line as line_chart
from calculators.render.svg import compact, ticks

__all__ = [
    "FONT",
    "Canvas",
    "compact",
    "escape",
    "format_money",
    "format_number",
    "format_percent",
    "line_chart",
    "ticks",
    "wrap",
]

FONT = 15  # user units; the wide drawing is shown at about 1:1, the narrow one too
LINE = 1.3  # line height, in ems
CHAR_WIDTH = 0.53  # average advance of a sans-serif character, in ems (for wrapping only)


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """Lines of `text` that fit `width` user units at font size `size`."""
    columns = max(4, int(width / (size * CHAR_WIDTH)))
    return textwrap.wrap(text, columns, break_long_words=False, break_on_hyphens=False) or [""]


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


class Canvas:
    """SVG elements collected in drawing order; every class name is styled by figures.css."""

    def __init__(self, width: float, dom_id: str = "") -> None:
        self.width = width
        self.dom_id = dom_id  # unique on the page: each drawing names its own ids from it
        self.parts: list[str] = []

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def rect(self, x: float, y: float, w: float, h: float, cls: str, radius: float = 4) -> None:
        self.add(
            f'<rect class="{cls}" x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
            f'rx="{_n(radius)}"/>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, cls: str) -> None:
        self.add(f'<line class="{cls}" x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}"/>')

    def path(self, d: str, cls: str) -> None:
        self.add(f'<path class="{cls}" d="{d}"/>')

    def arrow(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """A connector with an arrowhead at (x2, y2)."""
        self.add(
            f'<line class="fig-arrow" x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'marker-end="url(#{self.dom_id}-head)"/>'
        )

    def text(
        self,
        x: float,
        y: float,
        lines: Sequence[str],
        cls: str = "fig-label",
        anchor: str = "start",
        size: float = FONT,
    ) -> float:
        """Lines of text whose first baseline is at y; returns the y below the last line."""
        if not lines:
            return y
        spans = "".join(
            f'<tspan x="{_n(x)}" dy="{0 if i == 0 else _n(size * LINE)}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        self.add(
            f'<text class="{cls}" x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}">{spans}</text>'
        )
        return y + (len(lines) - 1) * size * LINE + size * 0.4

    def link(self, href: str, inner: Canvas) -> None:
        """Wrap what `inner` drew in a link (keyboard-focusable, named by its text)."""
        self.add(f'<a class="fig-link" href="{escape(href)}">{"".join(inner.parts)}</a>')

    def svg(self, height: float, title: str, described_by: str, *, links: bool = False) -> str:
        """The finished drawing. A static one is an image named by its title and described by
        the figure's text alternative; one with links is a group, so its links stay reachable."""
        title_id = f"{self.dom_id}-title"
        role = "group" if links else "img"
        defs = (
            f'<defs><marker id="{self.dom_id}-head" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            '<path class="fig-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>'
        )
        return (
            f'<svg class="fig-svg" viewBox="0 0 {_n(self.width)} {_n(height)}" role="{role}" '
            f'aria-labelledby="{title_id}" aria-describedby="{described_by}">'
            f'<title id="{title_id}">{escape(title)}</title>{defs}{"".join(self.parts)}</svg>'
        )
