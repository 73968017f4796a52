"""Moved to `render/svg.py` (shared drawing) and `render/bars.py`; these names stay for the
calculators not yet in the package shape."""

from .render.html import bars as bar_chart
from .render.html import line as line_chart
from .render.svg import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    axes,
    compact,
    marker,
    nice_step,
    svg_open,
    ticks,
    y_grid,
)
from .render.svg import coord as _coord

__all__ = [
    "BOTTOM", "HEIGHT", "LEFT", "RIGHT", "TOP", "WIDTH", "_coord", "axes", "bar_chart", "compact",
    "line_chart", "marker", "nice_step", "svg_open", "ticks", "y_grid",
]  # fmt: skip
