"""The two distributions of an uncertain input: triangular quantiles worked out by hand, the
PERT distribution function against closed forms, and PERT draws checked by the moments of large
samples."""

from __future__ import annotations

import math
import random
import statistics
from math import comb

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.savings_uncertainty.distributions import (
    beta_cdf,
    beta_quantile,
    pert_draws,
    pert_mean,
    pert_quantile,
    pert_shape,
    quantile,
    triangular_quantile,
)


@pytest.mark.parametrize(
    ("low", "likely", "high", "p", "expected"),
    [
        # Symmetric 0, 1, 2: F(x) = x^2 / 2 left of the mode, so P10 = sqrt(0.2) and P90 =
        # 2 - sqrt(0.2); P50 is the mode.
        (0.0, 1.0, 2.0, 0.10, math.sqrt(0.2)),
        (0.0, 1.0, 2.0, 0.90, 2.0 - math.sqrt(0.2)),
        (0.0, 1.0, 2.0, 0.50, 1.0),
        # Skewed 40,000, 60,000, 150,000 (the transition cost): the mode holds F = 20 / 110 =
        # 0.18, so P10 = 40,000 + sqrt(0.1 x 110,000 x 20,000) = 54,832.4 and P90 = 150,000 -
        # sqrt(0.1 x 110,000 x 90,000) = 118,535.6.
        (40_000.0, 60_000.0, 150_000.0, 0.10, 40_000 + math.sqrt(0.1 * 110_000 * 20_000)),
        (40_000.0, 60_000.0, 150_000.0, 0.90, 150_000 - math.sqrt(0.1 * 110_000 * 90_000)),
        # The mode at an end, and no range at all.
        (5.0, 5.0, 9.0, 0.10, 9.0 - math.sqrt(0.9 * 4.0 * 4.0)),
        (3.0, 3.0, 3.0, 0.90, 3.0),
    ],
)
def test_triangular_quantiles_by_hand(
    low: float, likely: float, high: float, p: float, expected: float
) -> None:
    assert triangular_quantile(low, likely, high, p) == pytest.approx(expected, rel=1e-12)


@given(st.floats(0, 1e6), st.floats(0, 1), st.floats(0, 1e6), st.floats(0.01, 0.99))
def test_triangular_quantile_agrees_with_the_draws_it_describes(
    low: float, mix: float, width: float, p: float
) -> None:
    # The inverse distribution function is what random.triangular applies to a uniform draw.
    likely, high = low + mix * width, low + width

    class Fixed(random.Random):
        def random(self) -> float:
            return p

    drawn = Fixed().triangular(low, high, likely)
    assert triangular_quantile(low, likely, high, p) == pytest.approx(
        drawn, rel=1e-9, abs=1e-9 * (1 + width)
    )


def test_pert_shape_by_hand() -> None:
    # Low 40,000, likely 60,000, high 150,000: alpha = 1 + 4 x 20 / 110, beta = 1 + 4 x 90 / 110.
    assert pert_shape(40_000, 60_000, 150_000) == pytest.approx((1 + 80 / 110, 1 + 360 / 110))
    # The mean: (40,000 + 4 x 60,000 + 150,000) / 6 = 71,666.67.
    assert pert_mean(40_000, 60_000, 150_000) == pytest.approx(430_000 / 6)
    # A symmetric range gives Beta(3, 3); the likely value at an end gives Beta(1, 5).
    assert pert_shape(0, 5, 10) == (3.0, 3.0)
    assert pert_shape(0, 0, 10) == (1.0, 5.0)


@pytest.mark.parametrize("x", [0.01, 0.1, 0.3, 0.5, 0.77, 0.95, 0.999])
def test_beta_cdf_against_closed_forms(x: float) -> None:
    # With whole-number shapes the distribution function is a binomial tail:
    # I_x(3, 3) = sum over j = 3..5 of C(5, j) x^j (1 - x)^(5 - j), and I_x(1, 5) = 1 - (1 - x)^5.
    beta33 = math.fsum(comb(5, j) * x**j * (1 - x) ** (5 - j) for j in range(3, 6))
    assert beta_cdf(x, 3.0, 3.0) == pytest.approx(beta33, abs=1e-14)
    assert beta_cdf(x, 1.0, 5.0) == pytest.approx(1 - (1 - x) ** 5, abs=1e-14)
    assert beta_cdf(x, 5.0, 1.0) == pytest.approx(x**5, abs=1e-14)


def test_beta_cdf_ends() -> None:
    assert beta_cdf(0.0, 2.5, 3.5) == 0.0
    assert beta_cdf(1.0, 2.5, 3.5) == 1.0
    assert beta_cdf(-1.0, 2.5, 3.5) == 0.0


@given(st.floats(1.0, 5.0), st.floats(0.001, 0.999))
def test_beta_quantile_inverts_the_distribution_function(alpha: float, p: float) -> None:
    beta = 6.0 - alpha  # PERT with lambda 4: alpha + beta = 6
    x = beta_quantile(p, alpha, beta)
    assert 0.0 <= x <= 1.0
    assert beta_cdf(x, alpha, beta) == pytest.approx(p, abs=1e-12)


def test_pert_quantiles_by_hand() -> None:
    # Symmetric 0, 5, 10 is Beta(3, 3) on [0, 10]: its median is the middle.
    assert pert_quantile(0, 5, 10, 0.5) == pytest.approx(5.0, abs=1e-12)
    # 0, 0, 10 is Beta(1, 5): 1 - (1 - x)^5 = p gives x = 1 - (1 - p)^(1/5); P90 = 10 x (1 -
    # 0.1^0.2) = 3.6904.
    assert pert_quantile(0, 0, 10, 0.9) == pytest.approx(10 * (1 - 0.1**0.2), rel=1e-12)
    assert pert_quantile(0, 0, 10, 0.1) == pytest.approx(10 * (1 - 0.9**0.2), rel=1e-12)
    assert pert_quantile(3, 3, 3, 0.9) == 3.0
    assert quantile("pert", 0, 0, 10, 0.9) == pert_quantile(0, 0, 10, 0.9)
    assert quantile("triangular", 0, 1, 2, 0.5) == triangular_quantile(0, 1, 2, 0.5)


@pytest.mark.parametrize(
    ("low", "likely", "high"),
    [(40_000.0, 60_000.0, 150_000.0), (0.02, 0.03, 0.06), (15.0, 30.0, 60.0), (0.0, 0.0, 1.0)],
)
def test_pert_draws_have_the_pert_moments(low: float, likely: float, high: float) -> None:
    # Mean (a + 4m + b) / 6 and variance (mean - a)(b - mean) / 7 (Beta with alpha + beta = 6),
    # within five standard errors of a 200,000-draw sample.
    n = 200_000
    draws = pert_draws(low, likely, high, random.Random(11), n)
    mean = pert_mean(low, likely, high)
    variance = (mean - low) * (high - mean) / 7.0
    assert min(draws) >= low and max(draws) <= high
    assert statistics.fmean(draws) == pytest.approx(mean, abs=5 * math.sqrt(variance / n))
    # The sample variance's standard error is about sqrt(2 / n) x variance for these shapes
    # (kurtosis below that of a normal distribution).
    assert statistics.variance(draws) == pytest.approx(variance, rel=5 * math.sqrt(2 / n))
    # The quantiles the tornado chart uses match the sample's.
    ordered = sorted(draws)
    for p in (0.1, 0.5, 0.9):
        assert ordered[int(p * n)] == pytest.approx(
            pert_quantile(low, likely, high, p), abs=0.01 * (high - low)
        )


def test_pert_draws_without_a_range() -> None:
    assert pert_draws(7.0, 7.0, 7.0, random.Random(0), 3) == [7.0, 7.0, 7.0]
