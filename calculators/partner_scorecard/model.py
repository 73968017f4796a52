"""The partner scorecard's numbers: weighted scores, the ranking and the weight sensitivity.

Each criterion's weight becomes a share of the total weight; a vendor's score is 10 x the sum
of share x its score (0 to 10) on each criterion, so 0 to 100. A vendor that fails a must-have
is knocked out: ranked last, whatever its score, and never the winner. So is one that scores
below a minimum the reader set on a criterion (a minimum score is a must-have too).

With several evaluators, a vendor has one row per evaluator: its score on each criterion is
the average of their scores (exact), the spread (highest minus lowest) says how far they
disagree, and it fails the must-haves column if any evaluator marks No.

Price is scored by the reader's judgment (the price column) or by formula from the bids:
10 x lowest bid / the vendor's bid, the lowest bid taken among the vendors that pass the
must-haves column (among all of them if none does), so an inadmissible bid sets no benchmark.

Sensitivity: move one criterion's share of the weight to t (from 0 to 1) and rescale the
others so they keep their proportions. Each vendor's score is then linear in t,
score(t) = 10 x (Q + t x (X - Q)), where X is its score on the criterion moved and Q its
weighted average on the others, so the move at which a challenger draws level is solved
directly. Everything that decides a rank or a flip is computed in exact fractions of the
inputs (the floats the parser returns), so a tie is a tie and not a rounding error.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..core.parse import Values
from .fields import CRITERIA, by_vendor
from .simulation import WinShares, win_shares

PRICE = CRITERIA.index("price")

Direction = Literal["up", "down"]


@dataclass(frozen=True)
class Vendor:
    name: str
    row: int  # its place among the vendors entered (ties go to the earlier row)
    scores: tuple[Fraction, ...]  # 0 to 10, in CRITERIA order, exactly as entered
    must_haves: bool  # passes the must-haves of the yes-or-no column
    below: tuple[int, ...] = ()  # criteria (indices) scored below the minimum set for them
    bid: Fraction | None = None  # its bid, when price is scored by formula
    evaluators: int = 1  # rows averaged into its scores
    spreads: tuple[Fraction, ...] = ()  # per criterion: highest minus lowest evaluator score

    @property
    def passes(self) -> bool:
        """Passes every must-have: the yes-or-no column and each minimum score."""
        return self.must_haves and not self.below


def price_scores(bids: list[Fraction], admissible: list[bool]) -> list[Fraction]:
    """10 x lowest bid / bid, the lowest among the admissible bids (all, if none is)."""
    pool = [b for b, ok in zip(bids, admissible, strict=True) if ok] or bids
    lowest = min(pool)
    return [10 * lowest / b if b > lowest else Fraction(10) for b in bids]


def vendors_from(values: Values) -> list[Vendor]:
    """One vendor per name, in order of its first row: each criterion's score the average of
    its evaluators' rows, and out of the must-haves if any evaluator says No."""
    minimums = [Fraction(values[f"minimum_{c}"]) for c in CRITERIA]
    groups = list(by_vendor(values["vendors"]).values())
    entered = [[average([Fraction(r[c]) for r in rows]) for c in CRITERIA] for rows in groups]
    spreads = [tuple(spread([Fraction(r[c]) for r in rows]) for c in CRITERIA)
               for rows in groups]  # fmt: skip
    passes = [all(r["must_haves"] == "yes" for r in rows) for rows in groups]
    bids: list[Fraction | None] = [None] * len(groups)
    if values["price_method"] == "formula":
        bids = [Fraction(rows[0]["bid"]) for rows in groups]  # the same in each row (checked)
        scored = price_scores([Fraction(rows[0]["bid"]) for rows in groups], passes)
        for scores, price in zip(entered, scored, strict=True):
            scores[PRICE] = price
    vendors = []
    for index, (rows, scores) in enumerate(zip(groups, entered, strict=True)):
        below = tuple(i for i, (x, m) in enumerate(zip(scores, minimums, strict=True)) if x < m)
        vendors.append(Vendor(str(rows[0]["name"]), index, tuple(scores), passes[index], below,
                              bids[index], len(rows), spreads[index]))  # fmt: skip
    return vendors


def average(scores: list[Fraction]) -> Fraction:
    return sum(scores, Fraction(0)) / len(scores)


def spread(scores: list[Fraction]) -> Fraction:
    """Highest minus lowest: how far the evaluators disagree (0 with one evaluator)."""
    return max(scores) - min(scores)


def weights_from(values: Values) -> list[Fraction]:
    return [Fraction(values[f"weight_{c}"]) for c in CRITERIA]


def shares_of(weights: list[Fraction]) -> list[Fraction]:
    """Each weight as a share of the total (the weights need not add up to 100)."""
    whole = sum(weights, Fraction(0))
    return [w / whole for w in weights]


def points(vendor: Vendor, shares: list[Fraction]) -> list[Fraction]:
    """Weighted points per criterion: 10 x share x score; they add up to the vendor's score."""
    return [10 * s * x for s, x in zip(shares, vendor.scores, strict=True)]


def ranked(vendors: list[Vendor], scores: dict[int, Fraction]) -> list[Vendor]:
    """Vendors that pass the must-haves first, highest score first; ties by row order."""
    return sorted(vendors, key=lambda v: (not v.passes, -scores[v.row], v.row))


@dataclass(frozen=True)
class Flip:
    """The move of one criterion's share (a fraction of the whole weight, exact) after which
    `challenger` takes first place from the winner."""

    move: Fraction
    challenger: Vendor

    @property
    def points(self) -> float:
        """The move in percentage points."""
        return float(100 * self.move)


@dataclass(frozen=True)
class Sensitivity:
    criterion: str
    share: Fraction  # the criterion's current share of the weight (0 to 1)
    up: Flip | None  # raising its share
    down: Flip | None  # lowering its share

    def smallest(self) -> tuple[Direction, Flip] | None:
        options: tuple[tuple[Direction, Flip | None], ...] = (("up", self.up), ("down", self.down))
        moves = [(d, f) for d, f in options if f is not None]
        return min(moves, key=lambda m: m[1].move) if moves else None


def _rest_average(vendor: Vendor, weights: list[Fraction], index: int) -> Fraction:
    """The vendor's average score on the other criteria, weighted as they are now (equally if
    all of them weigh nothing: then the moved weight has no proportions to keep)."""
    others = [k for k in range(len(CRITERIA)) if k != index]
    rest = sum((weights[k] for k in others), Fraction(0))
    if rest > 0:
        return sum((weights[k] * vendor.scores[k] for k in others), Fraction(0)) / rest
    return sum((vendor.scores[k] for k in others), Fraction(0)) / len(others)


def sensitivity(
    weights: list[Fraction], winner: Vendor, challengers: list[Vendor], index: int
) -> Sensitivity:
    """How far criterion `index`'s share can move, up or down, before a challenger wins.

    With the share at t and the others rescaled to fill 1 - t, the winner's lead over a
    challenger is 10 x (a + b t): a = Q_w - Q_c, b = (X_w - Q_w) - (X_c - Q_c). The two draw
    level at t* = -a / b. Beyond t* the challenger leads; at t* itself the tie goes to the
    earlier row. A flip counts only if the winner really changes within 0 to 100%: before the
    end of the range, or at the end when the tie there goes to the challenger.
    """
    whole = sum(weights, Fraction(0))
    share = weights[index] / whole
    found: dict[Direction, tuple[Fraction, Fraction, int, Vendor]] = {}
    q_w = _rest_average(winner, weights, index)
    slope_w = winner.scores[index] - q_w
    for challenger in challengers:
        q_c = _rest_average(challenger, weights, index)
        a = q_w - q_c
        b = slope_w - (challenger.scores[index] - q_c)
        if b == 0:
            continue  # the lead does not depend on this weight
        level = -a / b
        wins_tie = challenger.row < winner.row
        direction: Direction
        if b < 0:  # raising the share shrinks the lead
            direction, move, inside = "up", level - share, level < 1 or (level == 1 and wins_tie)
            steepness = b  # beyond the level point, the most negative b leads
        else:  # lowering the share shrinks the lead
            direction, move, inside = "down", share - level, level > 0 or (level == 0 and wins_tie)
            steepness = -b
        if not inside or move < 0:
            continue
        candidate = (move, steepness, challenger.row, challenger)
        if direction not in found or candidate[:3] < found[direction][:3]:
            found[direction] = candidate
    up, down = found.get("up"), found.get("down")
    return Sensitivity(
        CRITERIA[index],
        share,
        None if up is None else Flip(up[0], up[3]),
        None if down is None else Flip(down[0], down[3]),
    )


@dataclass(frozen=True)
class Outcome:
    vendors: list[Vendor]  # in the order entered
    weights: list[Fraction]
    shares: list[Fraction]
    points: dict[int, list[Fraction]]  # by row: weighted points per criterion
    scores: dict[int, Fraction]  # by row: 0 to 100
    ranking: list[Vendor]
    winner: Vendor | None
    runner_up: Vendor | None
    studies: list[Sensitivity]  # one per criterion; none without a winner
    fragile: tuple[Sensitivity, Direction, Flip] | None  # the smallest move of all
    simulated: WinShares | None = None  # wins with every weight varied; none without a band
    alert: Fraction = Fraction(3)  # a spread from this many points is flagged

    def disagreements(self) -> list[tuple[Vendor, int]]:
        """(vendor, criterion) pairs whose evaluators differ by the alert or more, in ranking
        order, each vendor's widest first."""
        found = []
        for v in self.ranking:
            wide = [i for i, s in enumerate(v.spreads) if v.evaluators > 1 and s >= self.alert]
            found += [(v, i) for i in sorted(wide, key=lambda i: -v.spreads[i])]
        return found

    def lead(self) -> Fraction | None:
        if self.winner is None or self.runner_up is None:
            return None
        return self.scores[self.winner.row] - self.scores[self.runner_up.row]

    def weakest(self) -> int | None:
        """The weighted criterion on which the winner scores lowest (the first of equals)."""
        if self.winner is None:
            return None
        weighted = [i for i, w in enumerate(self.weights) if w > 0]
        winner = self.winner
        return min(weighted, key=lambda i: winner.scores[i])


def outcome(values: Values) -> Outcome:
    vendors = vendors_from(values)
    weights = weights_from(values)
    shares = shares_of(weights)
    breakdown = {v.row: points(v, shares) for v in vendors}
    scores = {v.row: sum(breakdown[v.row], Fraction(0)) for v in vendors}
    ranking = ranked(vendors, scores)
    eligible = [v for v in ranking if v.passes]
    winner = eligible[0] if eligible else None
    runner_up = eligible[1] if len(eligible) > 1 else None
    studies = (
        [sensitivity(weights, winner, eligible[1:], i) for i in range(len(CRITERIA))]
        if winner is not None
        else []
    )
    moves = [(s, *m) for s in studies if (m := s.smallest()) is not None]
    fragile = min(moves, key=lambda m: m[2].move, default=None)
    band = int(values["weight_band"])
    simulated = (
        win_shares(weights, [(v.row, v.scores) for v in eligible], band)
        if band > 0 and winner is not None
        else None
    )
    return Outcome(vendors, weights, shares, breakdown, scores, ranking, winner, runner_up,
                   studies, fragile, simulated, Fraction(values["spread_alert"]))  # fmt: skip
