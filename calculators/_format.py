"""Moved to `core.format`; this name stays for the calculators not yet in the package shape."""

from .core.format import (
    CURRENCY_SYMBOLS,
    NARROW_NBSP,
    NBSP,
    STYLES,
    NumberStyle,
    format_money,
    format_number,
    format_percent,
    style_for,
)

__all__ = [
    "CURRENCY_SYMBOLS",
    "NARROW_NBSP",
    "NBSP",
    "STYLES",
    "NumberStyle",
    "format_money",
    "format_number",
    "format_percent",
    "style_for",
]
