"""Savings under uncertainty: the savings model with ranges instead of single guesses.

The certain inputs are the savings calculator's; six inputs that nobody knows in advance
(vendor price, price escalation, productivity dip, transition cost, governance, wage growth)
each get a low, a likely and a high value. A Monte Carlo run draws each from a triangular
distribution (independently, with a seed the reader can change) and computes the NPV of every
draw; a one-at-a-time sensitivity analysis (tornado) and the switching value of each input
(the value at which the NPV is zero, the others at likely) show which input matters most.

The NPV of a draw uses the savings model in closed form: with everything certain fixed, the
NPV is a short polynomial in the wage growth and price escalation factors with coefficients
that are worked out once per run (`NpvFunction`); tests check it against the monthly
simulation of `calculators.savings`.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from . import savings
from ._fields import Field, FieldSet, Values
from ._format import format_money, format_number, format_percent
from ._messages import message, register
from ._money import growth_factors, total
from ._results import Figure, Table, result

ID = "savings_uncertainty"
_P = f"{ID}."

_SAVINGS_FIELDS = {f.name: f for f in savings.FIELDS}

# The certain inputs: the savings calculator's own fields, defaults and groups.
_CERTAIN = (
    "headcount", "salary", "on_costs_pct", "overhead_per_fte", "management_pct",
    "recruiting_per_fte", "retained_fte", "transport_per_year", "contract_cost", "exit_cost",
    "ramp_months", "horizon_years", "discount_rate_pct", "currency",
)  # fmt: skip

# The uncertain inputs, in the order they are drawn, with (low, likely, high) defaults. The
# likely values are the savings calculator's defaults; see the page for the ranges' basis.
UNCERTAIN: tuple[tuple[str, tuple[float, float, float]], ...] = (
    ("vendor_fte_price", (4_200, 4_500, 6_000)),
    ("escalation_pct", (2, 3, 6)),
    ("ramp_dip_pct", (15, 30, 60)),
    ("transition_cost", (40_000, 60_000, 150_000)),
    ("governance_pct", (3, 6, 10)),
    ("wage_growth_pct", (1, 3, 4.5)),
)
LEVELS = ("low", "likely", "high")
PERCENT_INPUTS = frozenset(("escalation_pct", "ramp_dip_pct", "governance_pct", "wage_growth_pct"))

DEFAULT_SEED = 2026
DEFAULT_DRAWS = 10_000
PERCENTILES = (10, 50, 90)
HISTOGRAM_BINS = (20, 30)  # the fewest and the most columns of the histogram

_SIMULATION = f"{_P}group.simulation"


def _uncertain_fields() -> list[Field]:
    fields: list[Field] = []
    for name, defaults in UNCERTAIN:
        spec = _SAVINGS_FIELDS[name]
        for level, default in zip(LEVELS, defaults, strict=True):
            fields.append(
                replace(spec, name=f"{name}_{level}", default=default, group=f"{_P}group.{name}")
            )
    return fields


FIELDS = (
    *(_SAVINGS_FIELDS[name] for name in _CERTAIN),
    *_uncertain_fields(),
    Field("seed", "integer", DEFAULT_SEED, "", 0, 999_999, 1, group=_SIMULATION),
    Field("draws", "integer", DEFAULT_DRAWS, f"{ID}_draws", 1_000, 50_000, 1_000,
          group=_SIMULATION),
)  # fmt: skip

_FIELDS_BY_NAME = {f.name: f for f in FIELDS}


# --- Messages ---------------------------------------------------------------------------------

# Short names (tornado, tables) and the nouns used in the help texts of each uncertain input.
_NAMES = {
    "vendor_fte_price": ("Vendor price per FTE-month", "price per FTE-month"),
    "escalation_pct": ("Price escalation", "yearly price escalation"),
    "ramp_dip_pct": ("Productivity dip", "productivity dip at the start of the ramp-up"),
    "transition_cost": ("Transition cost", "transition and knowledge-transfer cost"),
    "governance_pct": ("Governance", "governance cost, as a share of the vendor's fees"),
    "wage_growth_pct": ("Wage growth", "yearly in-house wage growth"),
}


def _catalogue() -> dict[str, str]:
    en: dict[str, str] = {
        f"{_P}title": "Savings under uncertainty",
        f"{_P}group.simulation": "Simulation",
        f"unit.{ID}_draws": "draws",
        f"{_P}seed.label": "Random seed",
        f"{_P}seed.help": "The same seed gives the same draws and the same results; change it "
        "to see how much the results move from one run to the next.",
        f"{_P}draws.label": "Number of draws",
        f"{_P}draws.help": "How many scenarios to simulate. More draws give steadier "
        "percentiles and take longer.",
        f"{_P}contradiction.low_above_likely": "The low value cannot be above the likely "
        "value ({likely}).",
        f"{_P}contradiction.high_below_likely": "The high value cannot be below the likely "
        "value ({likely}).",
        f"{_P}figure.p50": "Median NPV (P50)",
        f"{_P}note.p50": "Half of the {draws} simulated outcomes are above this, half below. "
        "Mean: {mean}.",
        f"{_P}figure.range": "Likely range of NPV (P10 to P90)",
        f"{_P}note.range": "Eight in ten simulated outcomes fall in this range.",
        f"{_P}figure.loss": "Chance that outsourcing loses money",
        f"{_P}note.loss": "Share of the draws whose NPV is below zero.",
        f"{_P}figure.likely_npv": "NPV with every input at its likely value",
        f"{_P}note.likely_npv": "What the savings calculator shows for the same numbers.",
        f"{_P}figure.most_sensitive": "Most sensitive input",
        f"{_P}note.most_sensitive": "From its low to its high value, the NPV moves from {low} "
        "to {high}.",
        f"{_P}note.nothing_sensitive": "Every range is a single value: nothing moves the NPV.",
        f"{_P}value.range": "{low} to {high}",
        f"{_P}value.none": "none",
        f"{_P}value.not_applicable": "n/a",
        f"{_P}value.no_flip": "does not flip between {low} and {high}",
        f"{_P}chart.histogram": "How the simulated NPVs are spread",
        f"{_P}chart.histogram_x": "Net present value ({currency})",
        f"{_P}chart.histogram_y": "Share of draws (%)",
        f"{_P}chart.median": "Median {value}",
        f"{_P}chart.bin": "{low} to {high}",
        f"{_P}chart.bin_text": "{share} of draws ({count})",
        f"{_P}chart.tornado": "NPV with one input at its low and its high value",
        f"{_P}chart.tornado_x": "Net present value ({currency}); the others at their likely value",
        f"{_P}chart.likely": "Likely case",
        f"{_P}table.sensitivity": "One input at a time, the others at their likely value",
        f"{_P}table.input": "Input",
        f"{_P}table.low": "Low",
        f"{_P}table.high": "High",
        f"{_P}table.npv_low": "NPV at low",
        f"{_P}table.npv_high": "NPV at high",
        f"{_P}table.swing": "Swing",
        f"{_P}table.switching": "Switching values: where the NPV reaches zero",
        f"{_P}table.likely": "Likely value",
        f"{_P}table.switching_value": "Switching value",
        f"{_P}table.distance": "Distance from likely",
    }
    # The certain inputs read exactly as in the savings calculator.
    for name in _CERTAIN:
        for part in ("label", "help"):
            en[f"{_P}{name}.{part}"] = message(f"savings.{name}.{part}")
    for name, (short, noun) in _NAMES.items():
        en[f"{_P}group.{name}"] = f"{short}: low, likely, high"
        en[f"{_P}name.{name}"] = short
        en[f"{_P}{name}_low.label"] = f"{short}, low"
        en[f"{_P}{name}_low.help"] = f"The lowest {noun} you think possible."
        en[f"{_P}{name}_likely.label"] = f"{short}, likely"
        en[f"{_P}{name}_likely.help"] = f"Your best estimate of the {noun}."
        en[f"{_P}{name}_high.label"] = f"{short}, high"
        en[f"{_P}{name}_high.help"] = f"The highest {noun} you think possible."
    return en


register({"en": _catalogue()})


# --- Checks -------------------------------------------------------------------------------------


def _savings_values(values: Values, level: str = "likely") -> Values:
    """The savings calculator's inputs: the certain ones, and each uncertain one at `level`."""
    chosen: Values = {name: values[name] for name in _CERTAIN}
    chosen.update({name: values[f"{name}_{level}"] for name, _ in UNCERTAIN})
    defaults = savings.FIELDSET.defaults()
    chosen.update(pricing="fte", unit_price=defaults["unit_price"],
                  units_per_year=defaults["units_per_year"])  # fmt: skip
    return chosen


def _plain(name: str, value: float, values: Values, locale: str) -> str:
    """An input's value as the reader typed it (money with its currency, percentages with %)."""
    decimals = 0 if float(value).is_integer() else 2
    if name in PERCENT_INPUTS:
        return format_percent(value, locale, 0 if decimals == 0 else 1)
    return format_money(value, str(values["currency"]), locale, decimals)


def _check_ranges(values: Values, locale: str) -> dict[str, str]:
    """low <= likely <= high for each uncertain input, reported on the offending field."""
    errors: dict[str, str] = {}
    for name, _ in UNCERTAIN:
        low, likely, high = (float(values[f"{name}_{level}"]) for level in LEVELS)
        shown = _plain(name, likely, values, locale)
        if low > likely:
            errors[f"{name}_low"] = message(
                f"{_P}contradiction.low_above_likely", locale, likely=shown
            )
        if high < likely:
            errors[f"{name}_high"] = message(
                f"{_P}contradiction.high_below_likely", locale, likely=shown
            )
    return errors


def _check_savings_model(values: Values, locale: str) -> dict[str, str]:
    """The savings model's own contradictions (retained staff, ramp-up against the horizon)."""
    errors: dict[str, str] = {}
    for check in savings.FIELDSET.checks:
        errors.update(check(_savings_values(values), locale))
    return errors


FIELDSET = FieldSet(ID, FIELDS, checks=(_check_ranges, _check_savings_model))


# --- The model ----------------------------------------------------------------------------------


class NpvFunction:
    """The savings model's NPV as a function of the six uncertain inputs, the rest fixed.

    From `savings.yearly_cash_flows`, with w = 1 + wage growth, p = 1 + escalation and
    v_y = 1 / (1 + discount rate)^(y + 1) for the saving of year y (y = 0 .. horizon - 1):

        NPV = -(transition + contract) - exit * v_last
              + scope cost * sum_y (1 - dip * dip months_y / 12) * w^y * v_y
              - (price * fee per unit of price * (1 + governance) + transport) * sum_y p^y * v_y

    where scope cost is the loaded year-one cost of the outsourced FTE in-house. Everything
    but the draw's six inputs is worked out once; the sums over the years are polynomials in
    w and p, evaluated by Horner's rule.
    """

    def __init__(self, model: savings.Model) -> None:
        years = model.horizon_years
        discount = growth_factors(model.discount_rate, years + 1)
        inverse = [1.0 / discount[y + 1] for y in range(years)]
        dip_months = savings.ramp_dip_months(model)
        dip = [months / 12.0 * inverse[y] for y, months in enumerate(dip_months)]
        while dip and dip[-1] == 0.0:
            dip.pop()
        self._inverse = tuple(reversed(inverse))  # Horner's rule starts at the last year
        self._dip = tuple(reversed(dip))
        self._scope_cost = (model.headcount - model.retained_fte) * model.loaded_cost_per_fte
        self._fee_per_price = model.vendor_fee_per_price_unit
        self._transport = model.transport_per_year
        self._fixed = -model.contract_cost - model.exit_cost / discount[years]

    def many(self, draws: Sequence[Sequence[float]]) -> list[float]:
        """NPVs for columns of (price, escalation, dip, transition, governance, wage growth);
        rates as fractions."""
        inverse, dip_weights = self._inverse, self._dip
        scope_cost, fee_per_price = self._scope_cost, self._fee_per_price
        transport, fixed = self._transport, self._fixed
        npvs: list[float] = []
        append = npvs.append
        for price, escalation, dip, transition, governance, wage_growth in zip(*draws, strict=True):
            wage_factor, price_factor = 1.0 + wage_growth, 1.0 + escalation
            wages = prices = 0.0
            for weight in inverse:
                wages = wages * wage_factor + weight
                prices = prices * price_factor + weight
            lost = 0.0
            for weight in dip_weights:
                lost = lost * wage_factor + weight
            fees = price * fee_per_price * (1.0 + governance) + transport
            append(fixed - transition + scope_cost * (wages - dip * lost) - fees * prices)
        return npvs

    def __call__(self, inputs: Sequence[float]) -> float:
        return self.many([[x] for x in inputs])[0]


def _as_model_units(name: str, value: float) -> float:
    return value / 100.0 if name in PERCENT_INPUTS else value


def triples(values: Values) -> list[tuple[float, float, float]]:
    """(low, likely, high) of each uncertain input, in model units (rates as fractions)."""
    found: list[tuple[float, float, float]] = []
    for name, _ in UNCERTAIN:
        low, likely, high = (_as_model_units(name, float(values[f"{name}_{level}"]))
                             for level in LEVELS)  # fmt: skip
        found.append((low, likely, high))
    return found


def draw(ranges: Sequence[tuple[float, float, float]], seed: int, count: int) -> list[list[float]]:
    """`count` draws of each input, one input after the other, from triangular distributions.

    Every draw takes exactly one number from the stream, so with the same seed the k-th draw of
    an input uses the same random number whatever the ranges: raising a range raises every one
    of its draws."""
    triangular = random.Random(seed).triangular
    return [[triangular(low, high, likely) for _ in range(count)] for low, likely, high in ranges]


def nearest_rank(sorted_values: Sequence[float], percent: int) -> float:
    """The nearest-rank percentile: the smallest value with at least `percent`% of the values
    at or below it, that is element ceil(percent / 100 * n) (counting from 1)."""
    n = len(sorted_values)
    rank = max(1, -(-percent * n // 100))
    return sorted_values[rank - 1]


def bin_width(span: float, most: int) -> float:
    """The smallest round width (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten)
    that cuts `span` into at most `most` - 2 bins (two more may be needed to reach round edges).
    Powers of ten come from repeated multiplication, so every platform picks the same width."""
    target = span / (most - 2)
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
    the values straddle it): between HISTOGRAM_BINS[0] and `most` of them, or one bin when all
    values are equal."""
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
    low: float
    high: float
    npv_low: float
    npv_high: float

    @property
    def swing(self) -> float:
        return abs(self.npv_high - self.npv_low)


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
    npv_of: NpvFunction, ranges: Sequence[tuple[float, float, float]]
) -> list[Sensitivity]:
    """NPV with one input at its low and at its high value (the others at likely), sorted by
    swing, largest first (ties keep the input order)."""
    likely = [r[1] for r in ranges]
    found = [
        Sensitivity(name, low, high, npv_of(_with(likely, i, low)), npv_of(_with(likely, i, high)))
        for i, ((name, _), (low, _, high)) in enumerate(zip(UNCERTAIN, ranges, strict=True))
    ]
    return sorted(found, key=lambda s: -s.swing)


# NPV is linear in these inputs, so their switching value is exact; the others (the two growth
# rates, on which the NPV depends monotonically) are found by bisection.
_LINEAR = frozenset(("ramp_dip_pct", "transition_cost", "governance_pct"))
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
    model: savings.Model,
    likely_npv: float,
    ranges: Sequence[tuple[float, float, float]],
) -> list[Switching]:
    """For each input, the value at which the NPV is zero (the others at likely), within the
    range its field accepts. The vendor price is the savings calculator's break-even price."""
    likely = [r[1] for r in ranges]
    found: list[Switching] = []
    for index, (name, _) in enumerate(UNCERTAIN):
        spec = _SAVINGS_FIELDS[name]
        bounds = (
            _as_model_units(name, float(spec.minimum or 0.0)),
            _as_model_units(name, float(spec.maximum or 0.0)),
        )
        value: float | None
        if name == "vendor_fte_price":
            value = savings.flip_price(model, likely_npv)
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


@dataclass(frozen=True)
class Simulation:
    npvs: list[float]  # sorted
    mean: float
    percentiles: dict[int, float]
    loss_probability: float  # a fraction: draws with NPV < 0 over all draws


def simulate(
    npv_of: NpvFunction, ranges: Sequence[tuple[float, float, float]], seed: int, count: int
) -> Simulation:
    npvs = sorted(npv_of.many(draw(ranges, seed, count)))
    return Simulation(
        npvs=npvs,
        mean=total(npvs) / count,
        percentiles={p: nearest_rank(npvs, p) for p in PERCENTILES},
        loss_probability=bisect_left(npvs, 0.0) / count,
    )


# --- The result -------------------------------------------------------------------------------


def compute(values: Values, locale: str = "en") -> dict[str, Any]:
    currency = str(values["currency"])
    likely = _savings_values(values)
    model = savings.Model.from_values(likely)
    # The likely case is exactly what the savings calculator shows for the same inputs.
    likely_npv = float(savings.compute(likely, locale)["values"]["npv"])
    npv_of = NpvFunction(model)
    ranges = triples(values)
    seed, count = int(values["seed"]), int(values["draws"])
    run = simulate(npv_of, ranges, seed, count)
    tornado = sensitivities(npv_of, ranges)
    switching = switching_values(npv_of, model, likely_npv, ranges)
    p10, p50, p90 = (run.percentiles[p] for p in PERCENTILES)

    def msg(key: str, **params: object) -> str:
        return message(f"{_P}{key}", locale, **params)

    def money(amount: float) -> str:
        return format_money(amount, currency, locale)

    def shown(name: str, value: float) -> str:
        """A value in model units as the reader enters it."""
        if name in PERCENT_INPUTS:
            return format_percent(100.0 * value, locale)
        return format_money(value, currency, locale, 0 if value >= 100 else 2)

    top = tornado[0]
    sensitive = top.swing > 0.0
    figures = [
        Figure("p50", msg("figure.p50"), p50, money(p50),
               msg("note.p50", draws=format_number(count, locale), mean=money(run.mean))),
        Figure("p10_p90", msg("figure.range"), p90 - p10,
               msg("value.range", low=money(p10), high=money(p90)), msg("note.range")),
        Figure("loss_probability", msg("figure.loss"), 100.0 * run.loss_probability,
               format_percent(100.0 * run.loss_probability, locale), msg("note.loss")),
        Figure("likely_npv", msg("figure.likely_npv"), likely_npv, money(likely_npv),
               msg("note.likely_npv")),
        Figure("most_sensitive", msg("figure.most_sensitive"), top.swing if sensitive else None,
               msg(f"name.{top.name}") if sensitive else msg("value.none"),
               msg("note.most_sensitive", low=money(top.npv_low), high=money(top.npv_high))
               if sensitive else msg("note.nothing_sensitive")),
    ]  # fmt: skip

    bins = histogram(run.npvs)
    columns = []
    for low, high, n in zip(bins.edges, bins.edges[1:], bins.counts, strict=False):
        share = 100.0 * n / count
        columns.append(
            {
                "label": msg("chart.bin", low=money(low), high=money(high)),
                "value": share,
                "tone": "bad" if high <= 0.0 and low < 0.0 else "good",
                "text": msg("chart.bin_text", share=format_percent(share, locale),
                            count=format_number(n, locale)),
            }
        )  # fmt: skip
    histogram_chart = {
        "id": "histogram",
        "kind": "columns",
        "title": msg("chart.histogram"),
        "x_label": msg("chart.histogram_x", currency=currency),
        "y_label": msg("chart.histogram_y"),
        "columns": columns,
        "edges": bins.edges if len(bins.counts) > 1 else [],
        "marker": {"x": p50, "label": msg("chart.median", value=money(p50))}
        if len(bins.counts) > 1
        else {"index": 0, "label": msg("chart.median", value=money(p50))},
    }
    tornado_chart = {
        "id": "tornado",
        "kind": "bars",
        "title": msg("chart.tornado"),
        "x_label": msg("chart.tornado_x", currency=currency),
        "bars": [
            {
                "label": msg(f"name.{s.name}"),
                "start": s.npv_low,
                "end": s.npv_high,
                "text": money(s.swing),
                "tone": "bad" if min(s.npv_low, s.npv_high) < 0.0 else "good",
            }
            for s in tornado
        ],
        "reference": {"x": likely_npv, "label": msg("chart.likely")},
    }

    sensitivity_table = Table(
        "sensitivity",
        msg("table.sensitivity"),
        [msg(f"table.{c}") for c in ("input", "low", "high", "npv_low", "npv_high", "swing")],
        [[msg(f"name.{s.name}"), shown(s.name, s.low), shown(s.name, s.high), s.npv_low,
          s.npv_high, s.swing] for s in tornado],
        money,
    )  # fmt: skip

    def distance(s: Switching) -> float | None:
        if s.value is None or s.likely == 0.0:
            return None
        return 100.0 * (s.value - s.likely) / abs(s.likely)

    ordered = sorted(switching, key=lambda s: (s.value is None, abs(distance(s) or 0.0)))
    na = msg("value.not_applicable")
    switching_rows: list[list[float | str]] = []
    for s in ordered:
        gap = distance(s)
        switching_rows.append(
            [
                msg(f"name.{s.name}"),
                shown(s.name, s.likely),
                shown(s.name, s.value) if s.value is not None
                else msg("value.no_flip", low=shown(s.name, s.bounds[0]),
                         high=shown(s.name, s.bounds[1])),
                format_percent(gap, locale, 0) if gap is not None else na,
            ]
        )  # fmt: skip
    switching_table = Table(
        "switching",
        msg("table.switching"),
        [msg(f"table.{c}") for c in ("input", "likely", "switching_value", "distance")],
        switching_rows,
        money,
    )

    return result(
        ID,
        msg("title"),
        locale,
        figures=figures,
        tables=[sensitivity_table, switching_table],
        charts=[histogram_chart, tornado_chart],
        values={
            "seed": seed,
            "draws": count,
            "p10": p10,
            "p50": p50,
            "p90": p90,
            "mean": run.mean,
            "min": run.npvs[0],
            "max": run.npvs[-1],
            "loss_probability": run.loss_probability,
            "likely_npv": likely_npv,
            "most_sensitive": top.name if sensitive else None,
            "histogram": {"edges": bins.edges, "counts": bins.counts},
            "sensitivity": [
                {"input": s.name, "low": s.low, "high": s.high, "npv_low": s.npv_low,
                 "npv_high": s.npv_high, "swing": s.swing} for s in tornado
            ],
            "switching": [
                {"input": s.name, "likely": s.likely, "value": s.value,
                 "distance_pct": distance(s), "bounds": list(s.bounds)} for s in switching
            ],
        },
    )  # fmt: skip


EXAMPLES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("certain", {f"{name}_{level}": likely for name, (_, likely, _) in UNCERTAIN
                 for level in LEVELS}),
    ("dear-vendor", {"vendor_fte_price_low": 6_000, "vendor_fte_price_likely": 7_000,
                     "vendor_fte_price_high": 9_000, "seed": 7}),
    ("long-and-wide", {"horizon_years": 15, "draws": 20_000, "seed": 123_456,
                       "escalation_pct_low": -5, "escalation_pct_high": 12,
                       "wage_growth_pct_low": -3, "wage_growth_pct_high": 10,
                       "ramp_months": 30, "ramp_dip_pct_high": 100}),
    ("few-draws-usd", {"draws": 1_000, "seed": 0, "currency": "USD", "headcount": 4.5,
                       "retained_fte": 0.5, "transition_cost_high": 400_000}),
)  # fmt: skip
