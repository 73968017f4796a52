"""The learning curve on the cost of making (Wright, 1936): each time the number of units made
so far doubles, their average cost falls to the learning rate times what it was.

Wright's cumulative-average law says the first N units cost c1 x N^(1 + b) together, where
b = log2(learning rate). The entered variable cost is read as the average over the first
year's units (the planned volume V), so with the same volume every year the units of year k
cost the first year's units times k^(1 + b) - (k - 1)^(1 + b), whatever V is.

The powers are computed with + - * / and the exact `frexp`/`ldexp` only: `**`, `pow`, `exp`
and `log` come from each platform's C library, and CPython and Pyodide must agree bit for bit.
"""

from __future__ import annotations

import math

LN2 = 0.6931471805599453  # the double nearest ln 2
_SQRT_HALF = 0.7071067811865476
_LN_TERMS = 16  # |z| <= 0.172: z^33 / 33 is far below a double's precision
_EXP_TERMS = 22  # |r| <= 0.347: r^22 / 22! is far below a double's precision


def ln(x: float) -> float:
    """The natural logarithm of x > 0: x = m 2^e with m in [0.707, 1.414), then
    ln m = 2 atanh((m - 1) / (m + 1)) as its series."""
    m, e = math.frexp(x)
    if m < _SQRT_HALF:
        m, e = m * 2.0, e - 1
    z = (m - 1.0) / (m + 1.0)
    z2, term, series = z * z, z, 0.0
    for i in range(_LN_TERMS):
        series += term / (2 * i + 1)
        term *= z2
    return e * LN2 + 2.0 * series


def exp(y: float) -> float:
    """e^y for a moderate y: y = n ln 2 + r with |r| <= ln 2 / 2, then e^r as its series."""
    n = round(y / LN2)
    r = y - n * LN2
    term, series = 1.0, 1.0
    for i in range(1, _EXP_TERMS):
        term *= r / i
        series += term
    return math.ldexp(series, n)


def cumulative(rate: float, years: int) -> float:
    """years^(1 + b), b = log2(rate): what the first `years` years' units cost together, in
    units of the first year's cost, by Wright's law (years x rate^log2(years))."""
    if years == 0:
        return 0.0
    return years * exp(ln(rate) * ln(years) / LN2)


def year_factors(rate: float, years: int) -> list[float]:
    """Each year's cost of the units that learn, as a share of the first year's (1.0 first)."""
    totals = [cumulative(rate, k) for k in range(years + 1)]
    return [totals[k + 1] - totals[k] for k in range(years)]
