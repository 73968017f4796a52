"""Disruptions as a Poisson process: the chance of at least one in a year, and (for a bad year)
the count at a percentile.

`math.exp` comes from each platform's C library, so CPython and Pyodide may differ in the last
bit. `exp_neg` uses only +, * and /, which IEEE 754 rounds the same everywhere: halve the
argument until it is small, sum the Taylor series, then square back.
"""

from __future__ import annotations

SMALL = 0.125  # Taylor terms of e^-x below this: x^18 / 18! < 1e-31, far below one ulp
TERMS = 18


def exp_neg(x: float) -> float:
    """e^-x for x >= 0, identical on every platform (within 1e-12 of math.exp up to x = 60)."""
    if x < 0:
        raise ValueError("exp_neg takes x >= 0")
    halvings = 0
    while x > SMALL:
        x /= 2.0
        halvings += 1
    term, result = 1.0, 1.0
    for k in range(1, TERMS):
        term *= -x / k
        result += term
    for _ in range(halvings):
        result *= result
    return result


def chance_of_any(rate: float) -> float:
    """The chance of at least one event in a year at `rate` events a year: 1 - e^-rate."""
    return 1.0 - exp_neg(rate)
