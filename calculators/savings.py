"""Savings and total cost of ownership: keep the work in-house, or outsource it?

The in-house side is loaded fully (on-costs, overhead, management, recruiting); the outsourced
side carries the vendor's fees plus governance, retained staff, transport, the productivity
dip while the vendor ramps up, one-off transition and contract costs, and an exit at the end.
Costs are simulated month by month so the payback month is exact; yearly totals feed the net
present value with numpy-financial's conventions (one-off costs at t = 0, each year's saving at
the end of that year).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._fields import Field, FieldSet, Values
from ._format import format_money, format_percent
from ._messages import message
from ._money import growth_factors, npv, total
from ._results import Chart, Figure, Series, Table, result

ID = "savings"
CURRENCIES = ("EUR", "USD", "GBP", "NOK", "SEK", "ISK", "RUB")

_IN = "savings.group.in_house"
_OUT = "savings.group.outsourced"
_HORIZON = "savings.group.horizon"

FIELDS = (
    Field("headcount", "number", 10, "fte", 0.5, 10_000, 0.5, group=_IN),
    Field("salary", "money", 55_000, "per_fte_year", 0, 10_000_000, 1000, group=_IN),
    Field("on_costs_pct", "percent", 33, "percent", 0, 200, 1, group=_IN),
    Field("overhead_per_fte", "money", 12_000, "per_fte_year", 0, 1_000_000, 500, group=_IN),
    Field("management_pct", "percent", 10, "percent", 0, 100, 1, group=_IN),
    Field("recruiting_per_fte", "money", 3_000, "per_fte_year", 0, 1_000_000, 100, group=_IN),
    Field("wage_growth_pct", "percent", 3, "percent", -20, 50, 0.5, group=_IN),
    Field("pricing", "choice", "fte", choices=("fte", "unit"), group=_OUT),
    Field("vendor_fte_price", "money", 4_500, "per_fte_month", 0, 1_000_000, 100, group=_OUT),
    Field("unit_price", "money", 4, "per_unit", 0, 1_000_000, 0.01, group=_OUT),
    Field("units_per_year", "number", 100_000, "units_per_year", 0, 1e12, 1000, group=_OUT),
    Field("escalation_pct", "percent", 3, "percent", -20, 50, 0.5, group=_OUT),
    Field("governance_pct", "percent", 6, "percent", 0, 100, 0.5, group=_OUT),
    Field("transition_cost", "money", 60_000, "one_off", 0, 1e10, 1000, group=_OUT),
    Field("contract_cost", "money", 20_000, "one_off", 0, 1e10, 1000, group=_OUT),
    Field("ramp_months", "integer", 6, "months", 0, 60, 1, group=_OUT),
    Field("ramp_dip_pct", "percent", 30, "percent", 0, 100, 5, group=_OUT),
    Field("retained_fte", "number", 1, "fte", 0, 10_000, 0.5, group=_OUT),
    Field("transport_per_year", "money", 0, "per_year", 0, 1e10, 1000, group=_OUT),
    Field("exit_cost", "money", 40_000, "at_exit", 0, 1e10, 1000, group=_OUT),
    Field("horizon_years", "integer", 5, "years", 1, 15, 1, group=_HORIZON),
    Field("discount_rate_pct", "percent", 8, "percent", 0, 50, 0.5, group=_HORIZON),
    Field("currency", "choice", "EUR", choices=CURRENCIES, group=_HORIZON),
)


def _check_contradictions(values: Values, locale: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    headcount = float(values["headcount"])
    if float(values["retained_fte"]) >= headcount:
        errors["retained_fte"] = message(
            "savings.contradiction.retained", locale, headcount=_plain(headcount)
        )
    horizon_months = 12 * int(values["horizon_years"])
    if int(values["ramp_months"]) > horizon_months:
        errors["ramp_months"] = message(
            "savings.contradiction.ramp",
            locale,
            months=values["ramp_months"],
            horizon_months=horizon_months,
        )
    if values["pricing"] == "unit" and float(values["units_per_year"]) <= 0:
        errors["units_per_year"] = message("savings.contradiction.no_volume", locale)
    return errors


def _plain(number: float) -> str:
    return str(int(number)) if number.is_integer() else str(number)


FIELDSET = FieldSet(ID, FIELDS, checks=(_check_contradictions,))


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


def payback_month(timeline: Timeline) -> int | None:
    """The month from which cumulative savings stay at or above zero to the end, or None."""
    cumulative = -timeline.one_off
    start: int | None = 0 if cumulative >= 0 else None
    for month, (inside, outside) in enumerate(
        zip(timeline.in_house, timeline.outsourced, strict=True), start=1
    ):
        cumulative += inside - outside
        if cumulative < 0:
            start = None
        elif start is None:
            start = month
    return start


def flip_price(model: Model, net_present_value: float) -> float | None:
    """The vendor price at which the NPV is zero (NPV falls linearly with the price)."""
    prices = growth_factors(model.escalation, model.horizon_years)
    discount = growth_factors(model.discount_rate, model.horizon_years + 1)
    # How much one more unit of price lowers the NPV.
    slope = total(
        model.vendor_fee_per_price_unit * (1.0 + model.governance) * prices[y] / discount[y + 1]
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
    return npv(model.discount_rate, yearly_cash_flows(model))


def compute(values: Values, locale: str = "en") -> dict[str, Any]:
    model = Model.from_values(values)
    currency = str(values["currency"])
    timeline = simulate(model)
    in_house_years = timeline.yearly(timeline.in_house)
    outsourced_years = timeline.yearly(timeline.outsourced)
    savings_years = [a - b for a, b in zip(in_house_years, outsourced_years, strict=True)]
    cash_flows = [-timeline.one_off, *savings_years]
    net_present_value = npv(model.discount_rate, cash_flows)
    total_in_house = total(in_house_years)
    total_outsourced = total([timeline.one_off, *outsourced_years])
    savings = total_in_house - total_outsourced
    savings_pct = 100.0 * savings / total_in_house if total_in_house > 0 else None
    roi_pct = 100.0 * savings / timeline.one_off if timeline.one_off > 0 else None
    payback = payback_month(timeline)
    flip = flip_price(model, net_present_value)

    def money(amount: float) -> str:
        return format_money(amount, currency, locale)

    def msg(key: str, **params: object) -> str:
        return message(f"savings.{key}", locale, **params)

    na = msg("value.not_applicable")
    years = model.horizon_years
    if payback is None:
        payback_text = msg("payback.never", years=years)
    elif payback == 0:
        payback_text = msg("payback.immediate")
    else:
        payback_text = msg("payback.month", month=payback)
    price_unit = message("unit.per_unit" if model.per_unit else "unit.per_fte_month", locale)

    figures = [
        Figure("savings", msg("figure.savings"), savings, money(savings),
               msg("note.savings", in_house=money(total_in_house),
                   outsourced=money(total_outsourced), years=years)),
        Figure("savings_pct", msg("figure.savings_pct"), savings_pct,
               format_percent(savings_pct, locale) if savings_pct is not None else na,
               msg("note.savings_pct")),
        Figure("npv", msg("figure.npv"), net_present_value, money(net_present_value),
               msg("note.npv", rate=format_percent(100 * model.discount_rate, locale))),
        Figure("payback_month", msg("figure.payback"), payback, payback_text,
               msg("note.payback")),
        Figure("roi_pct", msg("figure.roi"), roi_pct,
               format_percent(roi_pct, locale, 0) if roi_pct is not None else na,
               msg("note.roi", one_off=money(timeline.one_off))),
        Figure("flip_price", msg("figure.flip_price"), flip,
               format_money(flip, currency, locale, 2) if flip is not None else msg("value.none"),
               msg("note.flip_price", unit=price_unit)),
    ]  # fmt: skip

    discount = growth_factors(model.discount_rate, years + 1)
    rows: list[list[float | str]] = [
        [msg("table.start"), 0.0, timeline.one_off, -timeline.one_off, -timeline.one_off,
         -timeline.one_off],
    ]  # fmt: skip
    cumulative = -timeline.one_off
    for year in range(years):
        cumulative += savings_years[year]
        rows.append(
            [
                str(year + 1),
                in_house_years[year],
                outsourced_years[year],
                savings_years[year],
                cumulative,
                savings_years[year] / discount[year + 1],
            ]
        )
    table = Table(
        "yearly",
        msg("table.caption"),
        [msg(f"table.{c}") for c in ("year", "in_house", "outsourced", "savings",
                                      "cumulative", "discounted")],
        rows,
        money,
    )  # fmt: skip

    cum_in, cum_out = [0.0], [timeline.one_off]
    for inside, outside in zip(timeline.in_house, timeline.outsourced, strict=True):
        cum_in.append(cum_in[-1] + inside)
        cum_out.append(cum_out[-1] + outside)
    months = list(range(len(cum_in)))
    chart = Chart(
        id="cumulative",
        title=msg("chart.title"),
        x_label=msg("chart.x"),
        y_label=msg("chart.y", currency=currency),
        series=[
            Series("in_house", msg("chart.in_house"), months, cum_in),
            Series("outsourced", msg("chart.outsourced"), months, cum_out),
        ],
        marker_x=payback if payback else None,
        marker_label=msg("chart.break_even", month=payback)
        if payback
        else msg("chart.no_break_even"),
    )

    return result(
        ID,
        msg("title"),
        locale,
        figures=figures,
        tables=[table],
        charts=[chart],
        values={
            "total_in_house": total_in_house,
            "total_outsourced": total_outsourced,
            "savings": savings,
            "savings_pct": savings_pct,
            "npv": net_present_value,
            "payback_month": payback,
            "roi_pct": roi_pct,
            "flip_price": flip,
            "one_off_cost": timeline.one_off,
            "cash_flows": cash_flows,
            "in_house_by_year": in_house_years,
            "outsourced_by_year": outsourced_years,
        },
    )
