"""Rank correlation by Iman-Conover: the achieved Spearman correlation of large samples, the
draws kept as drawn, and the conversion between rank and Pearson correlation."""

from __future__ import annotations

import math
import random
import statistics

import pytest

from calculators.savings_uncertainty.correlation import (
    correlate,
    normal_scores,
    pearson_for_spearman,
    spearman,
)


def test_pearson_for_spearman_by_hand() -> None:
    # rho = 2 sin(pi r / 6): r = 1 gives 2 sin(pi / 6) = 1, r = 0.5 gives 2 sin(pi / 12) =
    # 0.5176, and the map is odd.
    assert pearson_for_spearman(1.0) == pytest.approx(1.0)
    assert pearson_for_spearman(0.5) == pytest.approx(2 * math.sin(math.pi / 12))
    assert pearson_for_spearman(-0.5) == -pearson_for_spearman(0.5)
    assert pearson_for_spearman(0.0) == 0.0


def test_normal_scores_are_symmetric_van_der_waerden_scores() -> None:
    scores = normal_scores(9)
    assert scores[4] == 0.0  # the middle of an odd count
    assert scores[0] == -scores[-1] == pytest.approx(statistics.NormalDist().inv_cdf(0.1))
    assert list(scores) == sorted(scores)
    assert math.fsum(normal_scores(10)) == 0.0


def test_spearman_by_hand() -> None:
    assert spearman([1.0, 2.0, 3.0], [10.0, 20.0, 30.0]) == 1.0
    assert spearman([1.0, 2.0, 3.0], [30.0, 20.0, 10.0]) == -1.0
    # Ranks (0, 1, 2, 3) against (1, 0, 3, 2): 1 - 6 x 4 / (4 x 15) = 0.6.
    assert spearman([1.0, 2.0, 3.0, 4.0], [2.0, 1.0, 4.0, 3.0]) == pytest.approx(0.6)


def _samples(n: int, seed: int) -> tuple[list[float], list[float]]:
    rng = random.Random(seed)
    first = [rng.triangular(0.02, 0.06, 0.03) for _ in range(n)]
    second = [rng.betavariate(2.0, 4.0) for _ in range(n)]
    return first, second


@pytest.mark.parametrize("target", [-0.9, -0.5, 0.3, 0.6, 0.95])
def test_achieved_rank_correlation_of_a_large_sample(target: float) -> None:
    # 50,000 draws: the sample Spearman correlation has a standard error of about
    # (1 - r^2) / sqrt(n) < 0.005, so 0.02 is four standard errors and more.
    first, second = _samples(50_000, 7)
    assert abs(spearman(first, second)) < 0.02  # independent to start with
    moved = correlate(first, second, target)
    assert spearman(first, moved) == pytest.approx(target, abs=0.02)
    assert sorted(moved) == sorted(second)  # the same draws, only in another order


def test_no_correlation_leaves_the_draws_alone() -> None:
    first, second = _samples(100, 1)
    assert correlate(first, second, 0.0) == second
    assert correlate(first[:2], second[:2], 0.5) == second[:2]
