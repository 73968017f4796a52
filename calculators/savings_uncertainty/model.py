"""The numbers of savings under uncertainty: the savings model with ranges instead of single
guesses, no text.

Nine inputs that nobody knows in advance (vendor price, price escalation, productivity dip,
transition cost, governance, wage growth, team size, salary, discount rate) each get a low, a
likely and a high value. A Monte Carlo run draws each from a triangular or a PERT
distribution, as the reader chooses (independently, or with a rank correlation between two
chosen inputs; with a seed the reader can change) and computes the NPV of every draw; a
one-at-a-time sensitivity analysis (tornado) and the switching value of each input (the
value at which the NPV is zero, the others at likely) show which input matters most.

The NPV of a draw uses the savings model in closed form: with everything certain fixed, the
NPV is a short polynomial in the discounted wage growth and price escalation factors, with
coefficients worked out once per run (`NpvFunction`); tests check it against the monthly
simulation and the closed form (`closed_form_npv`) of the savings model.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..core.money import total
from ..core.parse import Values
from ..savings.model import Model, flip_price, ramp_dip_months
from ..savings.model import outcome as savings_outcome
from .correlation import correlate
from .distributions import pert_draws, quantile
from .fields import FIELDS, LEVELS, PERCENT_INPUTS, UNCERTAIN, savings_values

FIELDS_BY_NAME = {f.name: f for f in FIELDS}
PERCENTILES = (10, 50, 90)
HISTOGRAM_BINS = (20, 30)  # the fewest and the most columns of the histogram
MIN_BIN_WIDTH = 1.0  # one currency unit


class NpvFunction:
    """The savings model's NPV as a function of the nine uncertain inputs, the rest fixed.

    From the savings model's yearly cash flows, with w = 1 + wage growth, p = 1 + escalation,
    v = 1 / (1 + discount rate) and the saving of year y (y = 0 .. H - 1) at the end of that
    year:

        NPV = -(transition + contract) - exit * v^H
              + scope cost * sum_y (1 - dip * dip months_y / 12) * w^y * v^(y + 1)
              - (price * fee per unit of price * (1 + governance) + transport)
                * sum_y p^y * v^(y + 1)

    where scope cost = (team size - retained staff) * (salary * (1 + on-costs + management) +
    overhead + recruiting) is the loaded year-one cost of the outsourced FTE in-house, and the
    fee per unit of price is 12 months times the outsourced FTE. Everything but the draw's
    inputs is worked out once; the sums over the years are polynomials in w * v and p * v,
    evaluated by Horner's rule.
    """

    def __init__(self, model: Model) -> None:
        self._years = model.horizon_years
        dip = [months / 12.0 for months in ramp_dip_months(model)]
        while dip and dip[-1] == 0.0:
            dip.pop()
        self._dip = tuple(reversed(dip))  # Horner's rule starts at the last year
        self._retained = model.retained_fte
        self._salary_load = 1.0 + model.on_costs + model.management
        self._per_fte = model.overhead_per_fte + model.recruiting_per_fte
        # Per FTE pricing: 12 months of fees per outsourced FTE; per unit: a fixed volume.
        self._per_unit = model.per_unit
        self._units = model.units_per_year
        self._transport = model.transport_per_year
        self._contract = model.contract_cost
        self._exit = model.exit_cost

    def many(self, draws: Sequence[Sequence[float]]) -> list[float]:
        """NPVs for columns of (price, escalation, dip, transition, governance, wage growth,
        team size, salary, discount rate); rates as fractions."""
        years, dip_weights = range(self._years), self._dip
        retained, salary_load, per_fte = self._retained, self._salary_load, self._per_fte
        per_unit, units, transport = self._per_unit, self._units, self._transport
        contract, exit_cost = self._contract, self._exit
        npvs: list[float] = []
        append = npvs.append
        for (price, escalation, dip, transition, governance, wage_growth, headcount, salary,
             rate) in zip(*draws, strict=True):  # fmt: skip
            v = 1.0 / (1.0 + rate)
            wage_step, price_step = (1.0 + wage_growth) * v, (1.0 + escalation) * v
            wages = prices = 0.0
            last = 1.0
            for _ in years:
                wages = wages * wage_step + 1.0
                prices = prices * price_step + 1.0
                last *= v
            lost = 0.0
            for weight in dip_weights:
                lost = lost * wage_step + weight
            scope = headcount - retained
            scope_cost = scope * (salary * salary_load + per_fte)
            fees = price * (units if per_unit else 12.0 * scope) * (1.0 + governance) + transport
            append(v * (scope_cost * (wages - dip * lost) - fees * prices)
                   - contract - transition - exit_cost * last)  # fmt: skip
        return npvs

    def __call__(self, inputs: Sequence[float]) -> float:
        return self.many([[x] for x in inputs])[0]


def _as_model_units(name: str, value: float) -> float:
    return value / 100.0 if name in PERCENT_INPUTS else value


def triples(values: Values) -> list[tuple[float, float, float]]:
    """(low, likely, high) of each uncertain input, in model units (rates as fractions)."""
    found: list[tuple[float, float, float]] = []
    for name in UNCERTAIN:
        low, likely, high = (_as_model_units(name, float(values[f"{name}_{level}"]))
                             for level in LEVELS)  # fmt: skip
        found.append((low, likely, high))
    return found


def distributions(values: Values) -> list[str]:
    """Each uncertain input's distribution: "triangular" or "pert"."""
    return [str(values[f"{name}_distribution"]) for name in UNCERTAIN]


def draw(
    ranges: Sequence[tuple[float, float, float]], kinds: Sequence[str], seed: int, count: int
) -> list[list[float]]:
    """`count` draws of each input, one input after the other.

    A triangular draw takes exactly one number from the shared stream, so with the same seed the
    k-th draw of an input uses the same random number whatever the ranges: raising a range
    raises every one of its draws. A PERT draw (`random.betavariate`) takes a varying amount of
    random numbers, so each PERT input draws from a stream of its own, seeded by the seed and
    the input's name, while the shared stream skips as many numbers as a triangular draw would
    have taken: choosing PERT for one input leaves the others' draws as they were."""
    shared = random.Random(seed)
    triangular, skip = shared.triangular, shared.random
    found: list[list[float]] = []
    for name, kind, (low, likely, high) in zip(UNCERTAIN, kinds, ranges, strict=True):
        if kind == "pert" or high <= low:
            for _ in range(count):
                skip()
        if high <= low:  # no range: what triangular gives, without its ZeroDivisionError
            found.append([low] * count)
        elif kind == "pert":
            found.append(pert_draws(low, likely, high, random.Random(f"{seed}:{name}"), count))
        else:
            found.append([triangular(low, high, likely) for _ in range(count)])
    return found


def nearest_rank(sorted_values: Sequence[float], percent: int) -> float:
    """The nearest-rank percentile: the smallest value with at least `percent`% of the values
    at or below it, that is element ceil(percent / 100 * n) (counting from 1)."""
    n = len(sorted_values)
    rank = max(1, -(-percent * n // 100))
    return sorted_values[rank - 1]


def bin_width(span: float, most: int) -> float:
    """The smallest round width (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten)
    that cuts `span` into at most `most` - 2 bins (two more may be needed to reach round edges),
    and never narrower than one currency unit: whole-unit bin labels then always differ, where a
    near-zero range once gave 26 bins all labeled alike. Powers of ten come from repeated
    multiplication, so every platform picks the same width."""
    target = max(span / (most - 2), MIN_BIN_WIDTH)
    scale = 1.0
    while scale > target:
        scale /= 10.0
    while scale * 10.0 <= target:
        scale *= 10.0
    for multiple in (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if multiple * scale >= target:
            return multiple * scale
    return 10.0 * scale  # pragma: no cover - the loop above always returns


@dataclass(frozen=True)
class Histogram:
    edges: list[float]  # len(counts) + 1 boundaries; a bin holds low <= x < high (last: <= high)
    counts: list[int]


def histogram(sorted_values: Sequence[float], most: int = HISTOGRAM_BINS[1]) -> Histogram:
    """Round, equal-width bins whose edges are multiples of the width (so zero is an edge when
    the values straddle it): between HISTOGRAM_BINS[0] and `most` of them, fewer when the values
    span less than that many currency units, one when all are equal."""
    low, high = sorted_values[0], sorted_values[-1]
    if high <= low:
        return Histogram([low, high], [len(sorted_values)])
    width = bin_width(high - low, most)
    first = int(low // width)
    last = -int(-high // width)
    edges = [(first + i) * width for i in range(last - first + 1)]
    if len(edges) < 2:  # pragma: no cover - high > low always needs at least one bin
        edges.append(edges[0] + width)
    positions = [bisect_left(sorted_values, edge) for edge in edges[1:-1]]
    cuts = [0, *positions, len(sorted_values)]
    return Histogram(edges, [b - a for a, b in pairwise(cuts)])


@dataclass(frozen=True)
class Sensitivity:
    name: str
    p10: float  # the input's own 10th and 90th percentiles
    p90: float
    npv_p10: float
    npv_p90: float

    @property
    def swing(self) -> float:
        return abs(self.npv_p90 - self.npv_p10)


@dataclass(frozen=True)
class Switching:
    name: str
    likely: float
    value: float | None  # None: the NPV does not reach zero within the field's range
    bounds: tuple[float, float]


def _with(likely: Sequence[float], index: int, value: float) -> list[float]:
    inputs = list(likely)
    inputs[index] = value
    return inputs


def sensitivities(
    npv_of: NpvFunction, ranges: Sequence[tuple[float, float, float]], kinds: Sequence[str]
) -> list[Sensitivity]:
    """NPV with one input at its own P10 and at its P90 (the others at likely), sorted by
    swing, largest first (ties keep the input order). The 10th and 90th percentiles, rather
    than the extremes, put every input on the same footing as the simulation's P10 to P90:
    a long tail that is rarely drawn does not make an input look more important than it is."""
    likely = [r[1] for r in ranges]
    found = []
    for i, (name, kind, (low, mode, high)) in enumerate(zip(UNCERTAIN, kinds, ranges, strict=True)):
        p10, p90 = (quantile(kind, low, mode, high, p) for p in (0.10, 0.90))
        found.append(Sensitivity(name, p10, p90, npv_of(_with(likely, i, p10)),
                                 npv_of(_with(likely, i, p90))))  # fmt: skip
    return sorted(found, key=lambda s: -s.swing)


# NPV is linear in these inputs, so their switching value is exact; the others (the two growth
# rates and the discount rate) are found by bisection.
_LINEAR = frozenset(("ramp_dip_pct", "transition_cost", "governance_pct", "headcount", "salary"))
_BISECTION_STEPS = 200


def _bisect(f: Callable[[float], float], low: float, high: float) -> float | None:
    """A root of a monotonic `f` in [low, high], or None if f keeps one sign there."""
    f_low, f_high = f(low), f(high)
    if f_low == 0.0:
        return low
    if f_high == 0.0:
        return high
    if (f_low < 0.0) == (f_high < 0.0):
        return None
    for _ in range(_BISECTION_STEPS):
        middle = low + (high - low) / 2.0
        if middle in (low, high):
            break
        f_middle = f(middle)
        if f_middle == 0.0:
            return middle
        if (f_middle < 0.0) == (f_low < 0.0):
            low, f_low = middle, f_middle
        else:
            high = middle
    return low + (high - low) / 2.0


def _along(npv_of: NpvFunction, likely: Sequence[float], index: int) -> Callable[[float], float]:
    """The NPV as a function of input `index` alone, the others at likely."""

    def f(x: float) -> float:
        return npv_of(_with(likely, index, x))

    return f


def switching_values(
    npv_of: NpvFunction,
    model: Model,
    likely_npv: float,
    ranges: Sequence[tuple[float, float, float]],
) -> list[Switching]:
    """For each input, the value at which the NPV is zero (the others at likely), within the
    range its field accepts. The vendor price is the savings calculator's break-even price."""
    likely = [r[1] for r in ranges]
    found: list[Switching] = []
    for index, name in enumerate(UNCERTAIN):
        spec = FIELDS_BY_NAME[f"{name}_likely"]
        bounds = (
            _as_model_units(name, float(spec.minimum or 0.0)),
            _as_model_units(name, float(spec.maximum or 0.0)),
        )
        value: float | None
        if name == "headcount":  # the team cannot shrink to the retained staff or below
            bounds = (max(bounds[0], model.retained_fte), bounds[1])
        if name == "vendor_fte_price":
            value = flip_price(model, likely_npv)
        elif name in _LINEAR:
            # A straight line through the NPVs at the two ends of the field's range.
            at_low, at_high = (npv_of(_with(likely, index, bound)) for bound in bounds)
            slope = (at_high - at_low) / (bounds[1] - bounds[0])
            value = bounds[0] - at_low / slope if slope != 0.0 else None
        else:
            value = _bisect(_along(npv_of, likely, index), *bounds)
        if value is not None and not bounds[0] <= value <= bounds[1]:
            value = None
        found.append(Switching(name, likely[index], value, bounds))
    return found


def s_curve(sorted_values: Sequence[float]) -> list[tuple[float, float]]:
    """The cumulative distribution as (value, share of the values at or below it): the
    nearest-rank percentile at every whole percent from 1 to 100, and the smallest value at 0
    (no value lies below it)."""
    return [(sorted_values[0], 0.0),
            *((nearest_rank(sorted_values, p), p / 100.0) for p in range(1, 101))]  # fmt: skip


@dataclass(frozen=True)
class Simulation:
    npvs: list[float]  # sorted
    mean: float
    percentiles: dict[int, float]
    loss_probability: float  # a fraction: draws with NPV < 0 over all draws


@dataclass(frozen=True)
class Correlation:
    first: int  # indexes into the uncertain inputs
    second: int
    spearman: float  # the rank correlation asked for; 0 when the inputs are independent


def correlation(values: Values) -> Correlation:
    names = list(UNCERTAIN)
    return Correlation(names.index(str(values["correlation_first"])),
                       names.index(str(values["correlation_second"])),
                       float(values["rank_correlation"]))  # fmt: skip


def simulate(
    npv_of: NpvFunction,
    ranges: Sequence[tuple[float, float, float]],
    kinds: Sequence[str],
    seed: int,
    count: int,
    pair: Correlation | None = None,
) -> Simulation:
    columns = draw(ranges, kinds, seed, count)
    if pair is not None and pair.spearman != 0.0 and pair.first != pair.second:
        columns[pair.second] = correlate(columns[pair.first], columns[pair.second], pair.spearman)
    npvs = sorted(npv_of.many(columns))
    return Simulation(
        npvs=npvs,
        # The exact sum divided by the count can round one ulp past equal draws: keep the mean
        # within them.
        mean=min(max(total(npvs) / count, npvs[0]), npvs[-1]),
        percentiles={p: nearest_rank(npvs, p) for p in PERCENTILES},
        loss_probability=bisect_left(npvs, 0.0) / count,
    )


@dataclass(frozen=True)
class Outcome:
    seed: int
    draws: int
    likely_npv: float  # what the savings calculator shows with every input at likely
    run: Simulation
    bins: Histogram
    tornado: list[Sensitivity]  # largest swing first
    switching: list[Switching]  # in the inputs' order
    ranges: list[tuple[float, float, float]]  # model units
    kinds: list[str]  # each input's distribution
    pair: Correlation
    curve: list[tuple[float, float]]  # (NPV, share of draws at or below it), 0 to 1

    @property
    def p10(self) -> float:
        return self.run.percentiles[10]

    @property
    def p50(self) -> float:
        return self.run.percentiles[50]

    @property
    def p90(self) -> float:
        return self.run.percentiles[90]


def outcome(values: Values) -> Outcome:
    model = Model.from_values(savings_values(values))
    # The likely case is exactly what the savings calculator shows for the same inputs.
    likely_npv = savings_outcome(model).npv
    npv_of = NpvFunction(model)
    ranges, kinds = triples(values), distributions(values)
    seed, count = int(values["seed"]), int(values["draws"])
    pair = correlation(values)
    run = simulate(npv_of, ranges, kinds, seed, count, pair)
    return Outcome(
        seed=seed,
        draws=count,
        likely_npv=likely_npv,
        run=run,
        bins=histogram(run.npvs),
        tornado=sensitivities(npv_of, ranges, kinds),
        switching=switching_values(npv_of, model, likely_npv, ranges),
        ranges=ranges,
        kinds=kinds,
        pair=pair,
        curve=s_curve(run.npvs),
    )


def inside_range(s: Switching, low: float, high: float) -> bool:
    """Whether the switching value lies within the reader's own low-to-high range: the decision
    can then flip on that input alone."""
    return s.value is not None and low <= s.value <= high


def reach(s: Switching, low: float, high: float) -> float:
    """How far the switching value lies from the likely value, in widths of the reader's range
    (comparable across inputs of different units); infinite when it never flips."""
    if s.value is None:
        return float("inf")
    gap = abs(s.value - s.likely)
    if gap == 0.0:
        return 0.0
    return gap / (high - low) if high > low else float("inf")
