"""Rank correlation between two uncertain inputs, by the Iman-Conover method.

Iman and Conover (1982) reorder the draws of one input, leaving every value as it was drawn,
so that its ranks follow a chosen rank correlation with another input's. Each input's ranks
become normal scores (van der Waerden's Phi^-1(i / (n + 1))); a linear mix of the two score
columns with Pearson correlation rho, after the small chance correlation between them is
removed, gives the order of the second input's sorted draws. For normal scores with Pearson
correlation rho, the rank (Spearman) correlation is 6 / pi * asin(rho / 2), so the Spearman
correlation r asked for is met with rho = 2 sin(pi r / 6). Only sorting and arithmetic over
the draws: about as fast as drawing them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from statistics import NormalDist

from ..core.money import total


def pearson_for_spearman(spearman: float) -> float:
    """The Pearson correlation of normal scores whose rank correlation is `spearman`."""
    return 2.0 * math.sin(math.pi * spearman / 6.0)


@lru_cache(maxsize=4)
def normal_scores(n: int) -> tuple[float, ...]:
    """Van der Waerden scores Phi^-1(i / (n + 1)), i = 1 .. n, in increasing order; exactly
    symmetric around zero, so they sum to zero."""
    inverse = NormalDist().inv_cdf
    half = [inverse((i + 1) / (n + 1)) for i in range(n // 2)]
    middle = [0.0] if n % 2 else []
    return (*half, *middle, *(-x for x in reversed(half)))


def ranks_order(values: Sequence[float]) -> list[int]:
    """The positions of `values` from the smallest to the largest (ties in draw order)."""
    return sorted(range(len(values)), key=values.__getitem__)


def _scores_by_rank(values: Sequence[float], scores: Sequence[float]) -> list[float]:
    """Each value's normal score: the score of its rank."""
    found = [0.0] * len(values)
    for rank, position in enumerate(ranks_order(values)):
        found[position] = scores[rank]
    return found


def correlate(first: Sequence[float], second: Sequence[float], spearman: float) -> list[float]:
    """`second`'s draws in a new order whose rank correlation with `first` is close to
    `spearman` (-1 < spearman < 1); `first` keeps its order. The draws are independent, so
    their own order is random: it provides the independent score column the method needs."""
    n = len(first)
    if spearman == 0.0 or n < 3:
        return list(second)
    scores = normal_scores(n)
    a, b = _scores_by_rank(first, scores), _scores_by_rank(second, scores)
    # Both columns hold the same scores, mean zero: the chance correlation between them is
    # their dot product over their common sum of squares.
    squares = total(x * x for x in scores)
    chance = total(x * y for x, y in zip(a, b, strict=True)) / squares
    rho = pearson_for_spearman(spearman)
    # b minus its part along a is uncorrelated with a; mix it back in to correlation rho.
    scale = math.sqrt((1.0 - rho * rho) / (1.0 - chance * chance))
    mixed = [rho * x + scale * (y - chance * x) for x, y in zip(a, b, strict=True)]
    ordered = sorted(second)
    found = [0.0] * n
    for rank, position in enumerate(ranks_order(mixed)):
        found[position] = ordered[rank]
    return found


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """The rank correlation of two samples without ties (Pearson correlation of the ranks)."""
    n = len(x)
    rank_x, rank_y = [0] * n, [0] * n
    for rank, position in enumerate(ranks_order(x)):
        rank_x[position] = rank
    for rank, position in enumerate(ranks_order(y)):
        rank_y[position] = rank
    squared = sum((a - b) * (a - b) for a, b in zip(rank_x, rank_y, strict=True))
    return 1.0 - 6.0 * squared / (n * (n * n - 1.0))
