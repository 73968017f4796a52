"""The two distributions an uncertain input can follow, triangular and PERT, given by a low, a
likely and a high value: draws, and the quantiles the tornado chart uses.

PERT is the Beta-PERT distribution with lambda 4: a Beta(alpha, beta) stretched over
[low, high] with alpha = 1 + 4 (likely - low) / (high - low) and beta = 1 + 4 (high - likely) /
(high - low), so alpha + beta = 6 and its mean is (low + 4 likely + high) / 6. Only square
roots, logarithms, exponentials and `math.lgamma` are used: the same functions that
`random.betavariate` itself relies on.
"""

from __future__ import annotations

import math
import random

PERT_LAMBDA = 4.0
_TINY = 1e-300  # keeps the continued fraction away from division by zero
_CF_STEPS = 200
_CF_EPS = 1e-15
_NEWTON_STEPS = 100


def pert_shape(low: float, likely: float, high: float) -> tuple[float, float]:
    """(alpha, beta) of the Beta distribution behind a PERT over [low, high]."""
    width = high - low
    return (1.0 + PERT_LAMBDA * (likely - low) / width,
            1.0 + PERT_LAMBDA * (high - likely) / width)  # fmt: skip


def pert_mean(low: float, likely: float, high: float) -> float:
    return (low + 4.0 * likely + high) / 6.0


def pert_draws(
    low: float, likely: float, high: float, rng: random.Random, count: int
) -> list[float]:
    """`count` draws of a PERT distribution (a constant when the range is a single value)."""
    if high <= low:
        return [likely] * count
    alpha, beta = pert_shape(low, likely, high)
    betavariate, width = rng.betavariate, high - low
    return [low + width * betavariate(alpha, beta) for _ in range(count)]


def triangular_quantile(low: float, likely: float, high: float, p: float) -> float:
    """The value below which a share `p` of a triangular distribution's draws fall (its inverse
    distribution function; square roots only, so identical on every platform)."""
    if high <= low:
        return likely
    if p * (high - low) < likely - low:  # p below the share of the mass left of the mode
        return low + math.sqrt(p * (high - low) * (likely - low))
    return high - math.sqrt((1.0 - p) * (high - low) * (high - likely))


def _continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the regularized incomplete beta function (modified Lentz),
    which converges fast for x < (a + 1) / (a + b + 2)."""
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, _CF_STEPS + 1):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1.0) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1.0)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            h *= d * c
        if abs(d * c - 1.0) < _CF_EPS:
            break
    return h


def _log_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def beta_cdf(x: float, a: float, b: float) -> float:
    """The regularized incomplete beta function I_x(a, b): the share of Beta(a, b) below x."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(a * math.log(x) + b * math.log(1.0 - x) - _log_beta(a, b))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _continued_fraction(a, b, x) / a
    return 1.0 - front * _continued_fraction(b, a, 1.0 - x) / b


def beta_quantile(p: float, a: float, b: float) -> float:
    """The x with I_x(a, b) = p for a, b >= 1: Newton's method on the distribution function,
    kept inside a shrinking bracket by bisection whenever a step would leave it."""
    low, high, x = 0.0, 1.0, a / (a + b)
    log_beta = _log_beta(a, b)
    for _ in range(_NEWTON_STEPS):
        error = beta_cdf(x, a, b) - p
        if error == 0.0:
            return x
        if error > 0.0:
            high = x
        else:
            low = x
        density = math.exp((a - 1.0) * math.log(x) + (b - 1.0) * math.log(1.0 - x) - log_beta)
        step = error / density if density > 0.0 else 0.0
        candidate = x - step
        if not low < candidate < high:
            candidate = low + (high - low) / 2.0
        if abs(candidate - x) <= 1e-15 * max(x, 1e-300) or candidate in (low, high):
            return candidate
        x = candidate
    return x


def pert_quantile(low: float, likely: float, high: float, p: float) -> float:
    if high <= low:
        return likely
    alpha, beta = pert_shape(low, likely, high)
    return low + (high - low) * beta_quantile(p, alpha, beta)


def quantile(kind: str, low: float, likely: float, high: float, p: float) -> float:
    """The `p` quantile of an input given its distribution ("triangular" or "pert")."""
    if kind == "pert":
        return pert_quantile(low, likely, high, p)
    return triangular_quantile(low, likely, high, p)
