"""The savings model: numbers in, numbers out, no text.

The in-house side is loaded fully (on-costs, overhead, management, recruiting); people costs rise
with wage growth, overhead with general inflation. The outsourced side carries the vendor's fees
(for as many vendor FTE as its productivity needs) plus governance, retained staff, transport,
the productivity dip while the vendor ramps up, both teams paid while they run in parallel,
severance or transfer costs when the staff leave, output lost when the vendor's people leave,
one-off transition and contract costs, and an exit in the year the reader chooses. The vendor's
price may be in its own currency, converted at one exchange rate.
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
    # Fields added after savings_uncertainty was written: their defaults change nothing.
    vendor_ratio: float = 1.0  # vendor FTE per in-house FTE of the outsourced work
    inflation: float | None = None  # general inflation on overhead; None: the wage growth
    parallel_months: int = 0  # months during which both teams are paid
    severance_per_fte: float = 0.0  # per FTE who leaves or moves, paid when parallel running ends
    vendor_attrition: float = 0.0  # share of the vendor's team leaving each year
    knowledge_loss_months: float = 0.0  # months of a leaver's output lost to each departure
    exchange_rate: float = 1.0  # your currency per unit of the vendor's
    exit_year: int = 0  # 1-based year whose last month carries the exit cost; 0: the last year

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
            vendor_ratio=float(v.get("vendor_ratio", 1.0)),
            inflation=pct("inflation_pct") if v.get("overhead_growth") == "inflation" else None,
            parallel_months=int(v.get("parallel_months", 0)),
            severance_per_fte=float(v.get("severance_per_fte", 0.0)),
            vendor_attrition=float(v.get("vendor_attrition_pct", 0.0)) / 100.0,
            knowledge_loss_months=float(v.get("knowledge_loss_months", 0.0)),
            exchange_rate=float(v["exchange_rate"])
            if v.get("vendor_currency", "same") != "same"
            else 1.0,
            exit_year=int(v.get("exit_year", 0)),
        )

    @property
    def people_cost_per_fte(self) -> float:
        """Year-one cost of one in-house FTE that rises with wages: pay, on-costs, management
        time, recruiting and training."""
        return self.salary * (1.0 + self.on_costs + self.management) + self.recruiting_per_fte

    @property
    def loaded_cost_per_fte(self) -> float:
        """Year-one cost of one in-house FTE: salary, on-costs, management, overhead, hiring."""
        return self.people_cost_per_fte + self.overhead_per_fte

    @property
    def overhead_growth(self) -> float:
        return self.wage_growth if self.inflation is None else self.inflation

    @property
    def scope_fte(self) -> float:
        """In-house FTE whose work the vendor takes over."""
        return self.headcount - self.retained_fte

    def loaded_costs(self) -> list[float]:
        """Per year, the loaded cost of one in-house FTE: people costs grown with wages,
        overhead with inflation."""
        wages = growth_factors(self.wage_growth, self.horizon_years)
        overhead = growth_factors(self.overhead_growth, self.horizon_years)
        return [
            self.people_cost_per_fte * w + self.overhead_per_fte * o
            for w, o in zip(wages, overhead, strict=True)
        ]

    @property
    def severance_month(self) -> int | None:
        """The month (1-based) whose costs carry the severance, or None: at the start."""
        return self.parallel_months if self.parallel_months > 0 else None

    @property
    def severance(self) -> float:
        return self.severance_per_fte * self.scope_fte

    @property
    def knowledge_loss(self) -> float:
        """Per year, in FTE-years of the outsourced work: leavers (attrition times the vendor's
        FTE) each lose `knowledge_loss_months` of output, and each vendor FTE does 1 / ratio of
        an in-house FTE's work, so the ratio cancels."""
        return self.vendor_attrition * self.scope_fte * self.knowledge_loss_months / 12.0

    @property
    def exit_month(self) -> int:
        """The month (0-based) whose costs carry the exit: the last month of its year."""
        year = self.exit_year if self.exit_year > 0 else self.horizon_years
        return 12 * year - 1

    @property
    def one_off_cost(self) -> float:
        """Costs at the start, before the first month."""
        at_start = self.severance if self.severance_month is None else 0.0
        return total((self.transition_cost, self.contract_cost, at_start))

    @property
    def vendor_fee_per_price_unit(self) -> float:
        """Year-one vendor fee, in your currency, per unit of the quoted price (in the vendor's
        currency): the price's yearly multiplier."""
        vendor_fte_months = self.scope_fte * self.vendor_ratio * 12.0
        return (self.units_per_year if self.per_unit else vendor_fte_months) * self.exchange_rate

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
    loaded_costs = model.loaded_costs()
    prices = growth_factors(model.escalation, model.horizon_years)
    scope_fte = model.scope_fte
    vendor_fee = model.vendor_price * model.vendor_fee_per_price_unit
    in_house: list[float] = []
    outsourced: list[float] = []
    for month in range(months):
        year = month // 12
        loaded = loaded_costs[year] / 12.0
        fee = vendor_fee * prices[year] / 12.0
        dip = 0.0
        if month < model.ramp_months:
            # Output lost to the ramp-up, shrinking evenly to zero, valued at in-house cost.
            dip = model.ramp_dip * (1.0 - month / model.ramp_months) * scope_fte * loaded
        parallel = scope_fte * loaded if month < model.parallel_months else 0.0
        cost = total(
            (
                fee * (1.0 + model.governance),
                model.retained_fte * loaded,
                model.transport_per_year * prices[year] / 12.0,
                dip,
                parallel,
                model.knowledge_loss * loaded,
            )
        )
        if month + 1 == model.severance_month:
            cost += model.severance
        if month == model.exit_month:
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


def months_in_year(model: Model, first_months: int) -> list[int]:
    """Per year, how many of the first `first_months` months of the horizon fall in it."""
    return [max(0, min(12, first_months - 12 * y)) for y in range(model.horizon_years)]


def yearly_cash_flows(model: Model) -> list[float]:
    """[-one-off costs, saving in year 1, ..., saving in the last year], computed per year in
    closed form (no monthly loop). Equal, up to rounding, to the yearly totals of `simulate`:
    within a year every month costs the same except for the ramp-up dip (`ramp_dip_months`),
    parallel running, severance and the exit."""
    years = model.horizon_years
    loaded_costs = model.loaded_costs()
    prices = growth_factors(model.escalation, years)
    dip_months = ramp_dip_months(model)
    parallel_months = months_in_year(model, model.parallel_months)
    severance_year = None if model.severance_month is None else (model.severance_month - 1) // 12
    exit_year = model.exit_month // 12
    fee = model.vendor_price * model.vendor_fee_per_price_unit * (1.0 + model.governance)
    savings = [
        total(
            (
                model.scope_fte * loaded_costs[y],
                -model.ramp_dip * dip_months[y] / 12.0 * model.scope_fte * loaded_costs[y],
                -parallel_months[y] / 12.0 * model.scope_fte * loaded_costs[y],
                -model.knowledge_loss * loaded_costs[y],
                -(fee + model.transport_per_year) * prices[y],
                -model.severance if y == severance_year else 0.0,
                -model.exit_cost if y == exit_year else 0.0,
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
