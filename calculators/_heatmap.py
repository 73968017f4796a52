"""Moved to `render/heatmap.py`; this name stays for the calculators not yet in the package
shape."""

from .render.html import heatmap as heatmap_chart

__all__ = ["heatmap_chart"]
