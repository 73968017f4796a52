"""How often each vendor wins when every weight varies within a band (a seeded simulation).

Each draw multiplies every weight by its own factor, drawn uniformly from 1 - band to
1 + band on a grid of 2 x STEPS + 1 points, and finds the winner among the vendors that pass
the must-haves. The arithmetic is in integers: weights and scores are exact fractions of the
inputs brought to a common denominator, the factor is (100 x STEPS + band% x r) / (100 x
STEPS) for a whole r from -STEPS to STEPS, so every comparison is exact and the same in
CPython and Pyodide (random.Random(seed).choices is the same stream in both).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from math import lcm
from operator import add

DRAWS = 2_000
SEED = 2026  # fixed: the same inputs always give the same shares
STEPS = 1_000  # grid points on each side of 1: factors in steps of band / 1000


@dataclass(frozen=True)
class WinShares:
    band: int  # percent: each weight varies by up to this share of itself
    draws: int
    wins: dict[int, int]  # by row: draws won, for every vendor that passes the must-haves

    def share(self, row: int) -> Fraction:
        return Fraction(self.wins.get(row, 0), self.draws)


def _integers(values: list[Fraction]) -> list[int]:
    """The values times their common denominator: whole numbers in the same proportions."""
    common = lcm(*(v.denominator for v in values))
    return [int(v * common) for v in values]


def win_shares(
    weights: list[Fraction], eligible: list[tuple[int, tuple[Fraction, ...]]], band: int,
    draws: int = DRAWS, seed: int = SEED,
) -> WinShares:  # fmt: skip
    """Draws won by each vendor of `eligible` (row, scores: those that pass the must-haves),
    ties to the earlier row. A weight of 0 stays 0: the band is a share of each weight.

    The factors of one draw are consecutive picks from one seeded stream, one per weighted
    criterion in criterion order; a pick is 100 x STEPS + band x r, r a whole number from
    -STEPS to STEPS, so the weight it gives is exact."""
    base = _integers(weights)
    weighted = [i for i, w in enumerate(base) if w]
    scores = _integers([x for _, xs in eligible for x in xs])
    count = len(weights)
    ordered = sorted(range(len(eligible)), key=lambda k: eligible[k][0])  # earlier rows first
    rows = [eligible[k][0] for k in ordered]
    columns = _factor_columns(band, len(weighted), draws, seed)
    # A vendor's total in each draw: the sum over criteria of weight x score x factor, built one
    # criterion (one column of factors) at a time. Whole numbers: exact.
    totals = [
        _weighted_sum([base[i] * scores[k * count + i] for i in weighted], columns, draws)
        for k in ordered
    ]
    wins = [0] * len(rows)
    for draw in zip(*totals, strict=True):
        wins[draw.index(max(draw))] += 1  # the first of equals: the earlier row
    return WinShares(band, draws, dict(zip(rows, wins, strict=True)))


@lru_cache(maxsize=16)
def _factor_columns(band: int, criteria: int, draws: int, seed: int) -> tuple[tuple[int, ...], ...]:
    """The factors of every draw, one column per weighted criterion: they depend on the band
    and the number of weighted criteria only, so a change to a weight or a score reuses them."""
    center = 100 * STEPS
    picks = range(center - band * STEPS, center + band * STEPS + 1, band) if band else [center]
    stream = random.Random(seed).choices(picks, k=draws * criteria)
    return tuple(tuple(stream[i::criteria]) for i in range(criteria))


def _weighted_sum(
    coefficients: list[int], columns: tuple[tuple[int, ...], ...], draws: int
) -> list[int]:
    """sum(c x column) element by element, in C-level maps rather than a loop per draw."""
    sums: list[int] | None = None
    for coefficient, column in zip(coefficients, columns, strict=True):
        if not coefficient:
            continue
        scaled = map(coefficient.__mul__, column)
        sums = list(scaled) if sums is None else list(map(add, sums, scaled))
    return sums if sums is not None else [0] * draws
