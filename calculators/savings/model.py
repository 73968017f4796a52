"""The savings model: numbers in, numbers out, no text.

The in-house side is loaded fully (on-costs, overhead, management, recruiting); the outsourced
side carries the vendor's fees plus governance, retained staff, transport, the productivity
dip while the vendor ramps up, one-off transition and contract costs, and an exit at the end.
Costs are simulated month by month so the payback month is exact; yearly totals feed the net
present value with numpy-financial's conventions (one-off costs at t = 0, each year's saving at
the end of that year), or, with mid-year discounting, each year's saving half a year earlier.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..core.money import growth_factors, irr, npv, total
from ..core.parse import Values


@dataclass(frozen=True)
class Model:
    """The numbers of one scenario, with rates as fractions."""

    headcount: float
    salary: float
    on_costs: float
    overhead_per_fte: float
    management: float
    recruiting_per_fte: float
    wage_growth: float
    per_unit: bool
    vendor_fte_price: float
    unit_price: float
    units_per_year: float
    escalation: float
    governance: float
    transition_cost: float
    contract_cost: float
    ramp_months: int
    ramp_dip: float
    retained_fte: float
    transport_per_year: float
    exit_cost: float
    horizon_years: int
    discount_rate: float
    mid_year: bool = False  # each year's saving discounted from the middle of the year

    @classmethod
    def from_values(cls, v: Values) -> Model:
        def pct(name: str) -> float:
            return float(v[name]) / 100.0

        return cls(
            headcount=float(v["headcount"]),
            salary=float(v["salary"]),
            on_costs=pct("on_costs_pct"),
            overhead_per_fte=float(v["overhead_per_fte"]),
            management=pct("management_pct"),
            recruiting_per_fte=float(v["recruiting_per_fte"]),
            wage_growth=pct("wage_growth_pct"),
            per_unit=v["pricing"] == "unit",
            vendor_fte_price=float(v["vendor_fte_price"]),
            unit_price=float(v["unit_price"]),
            units_per_year=float(v["units_per_year"]),
            escalation=pct("escalation_pct"),
            governance=pct("governance_pct"),
            transition_cost=float(v["transition_cost"]),
            contract_cost=float(v["contract_cost"]),
            ramp_months=int(v["ramp_months"]),
            ramp_dip=pct("ramp_dip_pct"),
            retained_fte=float(v["retained_fte"]),
            transport_per_year=float(v["transport_per_year"]),
            exit_cost=float(v["exit_cost"]),
            horizon_years=int(v["horizon_years"]),
            discount_rate=pct("discount_rate_pct"),
            # Callers that predate the option (savings_uncertainty) leave it out: year-end.
            mid_year=v.get("timing", "end") == "mid",
        )

    @property
    def loaded_cost_per_fte(self) -> float:
        """Year-one cost of one in-house FTE: salary, on-costs, management, overhead, hiring."""
        salary_costs = self.salary * (1.0 + self.on_costs + self.management)
        return salary_costs + self.overhead_per_fte + self.recruiting_per_fte

    @property
    def one_off_cost(self) -> float:
        return self.transition_cost + self.contract_cost

    @property
    def vendor_fee_per_price_unit(self) -> float:
        """Year-one vendor fee per unit of the quoted price (the price's yearly multiplier)."""
        scope_fte = self.headcount - self.retained_fte
        return self.units_per_year if self.per_unit else scope_fte * 12.0

    @property
    def vendor_price(self) -> float:
        return self.unit_price if self.per_unit else self.vendor_fte_price


@dataclass(frozen=True)
class Timeline:
    """Monthly costs both ways; the one-off costs sit at month 0, before the first month."""

    in_house: list[float]
    outsourced: list[float]
    one_off: float

    def yearly(self, costs: list[float]) -> list[float]:
        return [total(costs[m : m + 12]) for m in range(0, len(costs), 12)]


def simulate(model: Model) -> Timeline:
    months = 12 * model.horizon_years
    wages = growth_factors(model.wage_growth, model.horizon_years)
    prices = growth_factors(model.escalation, model.horizon_years)
    scope_fte = model.headcount - model.retained_fte
    vendor_fee = model.vendor_price * model.vendor_fee_per_price_unit
    in_house: list[float] = []
    outsourced: list[float] = []
    for month in range(months):
        year = month // 12
        loaded = model.loaded_cost_per_fte * wages[year] / 12.0
        fee = vendor_fee * prices[year] / 12.0
        dip = 0.0
        if month < model.ramp_months:
            # Output lost to the ramp-up, shrinking evenly to zero, valued at in-house cost.
            dip = model.ramp_dip * (1.0 - month / model.ramp_months) * scope_fte * loaded
        cost = total(
            (
                fee * (1.0 + model.governance),
                model.retained_fte * loaded,
                model.transport_per_year * prices[year] / 12.0,
                dip,
            )
        )
        if month == months - 1:
            cost += model.exit_cost
        in_house.append(model.headcount * loaded)
        outsourced.append(cost)
    return Timeline(in_house, outsourced, model.one_off_cost)


def discount_divisors(model: Model) -> list[float]:
    """Per year y (0-based), what that year's saving is divided by: (1 + r)^(y + 1) at the year's
    end, (1 + r)^(y + 1/2) with mid-year discounting. `math.sqrt` is correctly rounded, so the
    half-year factor is the same on every platform (unlike `**`)."""
    factors = growth_factors(model.discount_rate, model.horizon_years + 1)
    if not model.mid_year:
        return factors[1:]
    half = math.sqrt(1.0 + model.discount_rate)
    return [factor * half for factor in factors[:-1]]


def present_value(model: Model, cash_flows: list[float]) -> float:
    """NPV of [t = 0, year 1, ..., year n] with the model's timing."""
    if not model.mid_year:
        return npv(model.discount_rate, cash_flows)
    divisors = discount_divisors(model)
    return total([cash_flows[0], *(f / d for f, d in zip(cash_flows[1:], divisors, strict=True))])


def payback_month(timeline: Timeline, weights: list[float] | None = None) -> int | None:
    """The month from which cumulative savings stay at or above zero to the end, or None.

    With `weights` (one per year, multiplying that year's monthly savings) the savings are
    discounted: the discounted payback, whose cumulative total at the end is the NPV."""
    cumulative = -timeline.one_off
    start: int | None = 0 if cumulative >= 0 else None
    for month, (inside, outside) in enumerate(
        zip(timeline.in_house, timeline.outsourced, strict=True), start=1
    ):
        saved = inside - outside
        cumulative += saved if weights is None else saved * weights[(month - 1) // 12]
        if cumulative < 0:
            start = None
        elif start is None:
            start = month
    return start


def flip_price(model: Model, net_present_value: float) -> float | None:
    """The vendor price at which the NPV is zero (NPV falls linearly with the price)."""
    prices = growth_factors(model.escalation, model.horizon_years)
    divisors = discount_divisors(model)
    # How much one more unit of price lowers the NPV.
    slope = total(
        model.vendor_fee_per_price_unit * (1.0 + model.governance) * prices[y] / divisors[y]
        for y in range(model.horizon_years)
    )
    if slope <= 0:
        return None
    price = model.vendor_price + net_present_value / slope
    return price if price >= 0 else None


def ramp_dip_months(model: Model) -> list[float]:
    """Per year, the months of the outsourced scope's output the ramp-up loses per unit of dip:
    the sum of (1 - month / ramp_months) over that year's ramp-up months, in closed form."""
    months_by_year: list[float] = []
    for year in range(model.horizon_years):
        first, last = 12 * year, min(12 * year + 11, model.ramp_months - 1)
        count = last - first + 1
        if count <= 0:
            months_by_year.append(0.0)
        else:  # count - (first + ... + last) / ramp_months
            months_by_year.append(count - count * (first + last) / (2.0 * model.ramp_months))
    return months_by_year


def yearly_cash_flows(model: Model) -> list[float]:
    """[-one-off costs, saving in year 1, ..., saving in the last year], computed per year in
    closed form (no monthly loop). Equal, up to rounding, to the yearly totals of `simulate`:
    within a year every month costs the same except for the ramp-up dip (`ramp_dip_months`)."""
    years = model.horizon_years
    wages = growth_factors(model.wage_growth, years)
    prices = growth_factors(model.escalation, years)
    dip_months = ramp_dip_months(model)
    scope_cost = (model.headcount - model.retained_fte) * model.loaded_cost_per_fte
    fee = model.vendor_price * model.vendor_fee_per_price_unit * (1.0 + model.governance)
    savings = [
        total(
            (
                scope_cost * wages[y],
                -model.ramp_dip * dip_months[y] / 12.0 * scope_cost * wages[y],
                -(fee + model.transport_per_year) * prices[y],
                -model.exit_cost if y == years - 1 else 0.0,
            )
        )
        for y in range(years)
    ]
    return [-model.one_off_cost, *savings]


def closed_form_npv(model: Model) -> float:
    """The NPV of `yearly_cash_flows`: the monthly simulation's NPV without the monthly loop."""
    return present_value(model, yearly_cash_flows(model))


@dataclass(frozen=True)
class Outcome:
    """Every number the savings result shows, for one scenario."""

    model: Model
    timeline: Timeline
    in_house_years: list[float]
    outsourced_years: list[float]
    savings_years: list[float]
    cash_flows: list[float]
    npv: float
    total_in_house: float
    total_outsourced: float
    savings: float
    savings_pct: float | None
    irr: float | None  # a fraction; None unless the cash flows have exactly one IRR
    profitability_index: float | None  # PV of the savings / one-off costs; None without any
    payback: int | None  # month; 0 means from the start
    discounted_payback: int | None  # month, with each year's savings discounted
    flip_price: float | None


def outcome(model: Model) -> Outcome:
    timeline = simulate(model)
    in_house_years = timeline.yearly(timeline.in_house)
    outsourced_years = timeline.yearly(timeline.outsourced)
    savings_years = [a - b for a, b in zip(in_house_years, outsourced_years, strict=True)]
    cash_flows = [-timeline.one_off, *savings_years]
    net_present_value = present_value(model, cash_flows)
    one_off = timeline.one_off
    total_in_house = total(in_house_years)
    total_outsourced = total([timeline.one_off, *outsourced_years])
    savings = total_in_house - total_outsourced
    return Outcome(
        model=model,
        timeline=timeline,
        in_house_years=in_house_years,
        outsourced_years=outsourced_years,
        savings_years=savings_years,
        cash_flows=cash_flows,
        npv=net_present_value,
        total_in_house=total_in_house,
        total_outsourced=total_outsourced,
        savings=savings,
        savings_pct=100.0 * savings / total_in_house if total_in_house > 0 else None,
        irr=irr(cash_flows),
        profitability_index=(net_present_value + one_off) / one_off if one_off > 0 else None,
        payback=payback_month(timeline),
        discounted_payback=payback_month(timeline, [1.0 / d for d in discount_divisors(model)]),
        flip_price=flip_price(model, net_present_value),
    )
