"""Moved to `core.money`; this name stays for the calculators not yet in the package shape."""

from .core.money import growth_factors, npv, total

__all__ = ["growth_factors", "npv", "total"]
