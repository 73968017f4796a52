"""Moved to `render/columns.py`; this name stays for the calculators not yet in the package
shape."""

from .render.html import columns as column_chart

__all__ = ["column_chart"]
