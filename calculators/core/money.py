"""Money arithmetic shared by the calculators.

Sums use `math.fsum` and growth uses repeated multiplication rather than `**`: both give
bit-identical results on every platform (CPython 3.12 changed `sum()` of floats, and `pow`
comes from each platform's C library), which keeps CPython and Pyodide in exact agreement.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def total(values: Iterable[float]) -> float:
    return math.fsum(values)


def growth_factors(rate: float, periods: int) -> list[float]:
    """[1, (1+rate), (1+rate)^2, ...] of length `periods`."""
    factors: list[float] = []
    factor = 1.0
    for _ in range(periods):
        factors.append(factor)
        factor *= 1.0 + rate
    return factors


def npv(rate: float, cash_flows: Sequence[float]) -> float:
    """Net present value with numpy-financial's convention: the first flow is at t = 0."""
    return total(
        flow / factor
        for flow, factor in zip(cash_flows, growth_factors(rate, len(cash_flows)), strict=True)
    )
