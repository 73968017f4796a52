"""Disruptions as a Poisson process: the chance of at least one in a year, and (for a bad year)
the count at a percentile.

`math.exp` comes from each platform's C library, so CPython and Pyodide may differ in the last
bit. `exp_neg` uses only +, * and /, which IEEE 754 rounds the same everywhere: halve the
argument until it is small, sum the Taylor series, then square back.
"""

from __future__ import annotations

from ..core.money import total

SMALL = 0.125  # Taylor terms of e^-x below this: x^18 / 18! < 1e-31, far below one ulp
TERMS = 18
MAX_COUNT = 1000  # far beyond any percentile below 99.99% at the rates the calculator takes


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


def quantile(rate: float, level: float) -> int:
    """The smallest count k with P(N <= k) >= level, for N ~ Poisson(rate): the number of
    events in a year worse than a share `level` of years (0 < level < 1). The probabilities
    come from the exact distribution, P(N = k) = e^-rate x rate^k / k!, built term by term."""
    term = exp_neg(rate)
    terms = [term]
    count = 0
    while total(terms) < level and count < MAX_COUNT:
        count += 1
        term *= rate / count
        terms.append(term)
    return count
