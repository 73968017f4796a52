"""Money arithmetic shared by the calculators.

Sums use `math.fsum` and growth uses repeated multiplication rather than `**`: both give
bit-identical results on every platform (CPython 3.12 changed `sum()` of floats, and `pow`
comes from each platform's C library), which keeps CPython and Pyodide in exact agreement.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from itertools import pairwise


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


def irr(cash_flows: Sequence[float]) -> float | None:
    """The internal rate of return: the rate at which `npv(rate, cash_flows)` is zero, with
    numpy-financial's timing (the first flow at t = 0), or None unless exactly one exists.

    Only flows whose signs change exactly once (zeros ignored) are certain to have one IRR
    (Descartes' rule of signs); for any other flows this returns None rather than pick one.
    The root is found by bisection on x = 1 / (1 + rate), where the NPV is a polynomial in x
    evaluated by Horner's rule: only +, * and /, so every platform gives the same bits.

    >>> round(irr([-100, 39, 59, 55, 20]), 5)
    0.28095
    """
    flows = list(cash_flows)
    while flows and flows[0] == 0.0:  # a zero first flow moves every root by nothing
        flows.pop(0)
    signs = [flow > 0 for flow in flows if flow != 0.0]
    if sum(a != b for a, b in pairwise(signs)) != 1:
        return None

    def value(x: float) -> float:
        result = 0.0
        for flow in reversed(flows):
            result = result * x + flow
        return result

    first_sign = flows[0] > 0
    low, high = 0.0, 1.0
    while (value(high) > 0) == first_sign:  # the root lies beyond: widen until it changes sign
        low, high = high, 2.0 * high
    for _ in range(2_000):  # stops long before: the interval shrinks to adjacent floats
        middle = 0.5 * (low + high)
        if middle in (low, high):
            break
        if (value(middle) > 0) == first_sign:
            low = middle
        else:
            high = middle
    x = 0.5 * (low + high)
    # An outlay next to nothing (1e-300 against thousands) puts the root at x = 0: no rate.
    return 1.0 / x - 1.0 if x > 0 and math.isfinite(1.0 / x) else None
