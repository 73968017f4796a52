"""Moved to `render.html`; this name stays for the calculators not yet in the package shape."""

from .render.html import CHARTS, render_result

__all__ = ["CHARTS", "render_result"]
