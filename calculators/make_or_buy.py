"""Make or buy: at the volume you plan, is it cheaper to make the part or to buy it in?

Making costs a fixed amount a year (the one-off set-up spread evenly over the years it serves,
plus yearly fixed costs) and a variable cost per unit. Buying costs a landed price per good
unit: the purchase price plus duty and transport, grossed up for the defective units that must
be replaced, plus the cost of carrying stock for the supplier's longer lead time. Both totals
are straight lines in the volume, so they cross once at most: the break-even volume
fixed cost / (landed cost per unit - variable cost per unit). Above it making is cheaper.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import savings
from ._fields import Field, FieldSet, Values
from ._format import format_money, format_number, format_percent
from ._messages import message, register
from ._money import total
from ._results import Chart, Figure, Series, Table, result

ID = "make_or_buy"
CURRENCIES = savings.CURRENCIES

_VOLUME = "make_or_buy.group.volume"
_MAKE = "make_or_buy.group.make"
_BUY = "make_or_buy.group.buy"

FIELDS = (
    Field("volume", "number", 24_000, "units_per_year", 1, 1e9, 1000, group=_VOLUME),
    Field("currency", "choice", "EUR", choices=CURRENCIES, group=_VOLUME),
    Field("make_setup", "money", 200_000, "one_off", 0, 1e10, 1000, group=_MAKE),
    Field("setup_years", "integer", 5, "years", 1, 30, 1, group=_MAKE),
    Field("make_fixed", "money", 62_000, "per_year", 0, 1e10, 1000, group=_MAKE),
    Field("make_variable", "money", 11, "per_unit", 0, 1e6, 0.01, group=_MAKE),
    Field("buy_price", "money", 12.5, "per_unit", 0, 1e6, 0.01, group=_BUY),
    Field("duty_pct", "percent", 4, "percent", 0, 500, 0.5, group=_BUY),
    Field("transport", "money", 0.72, "per_unit", 0, 1e6, 0.01, group=_BUY),
    # Defective units are replaced by buying more, so the rate must stay below 100%.
    Field("defect_pct", "percent", 2, "percent", 0, 99, 0.5, group=_BUY),
    Field("lead_time_cost", "money", 0.4, "per_unit", 0, 1e6, 0.01, group=_BUY),
)

# Shares of the planned volume in the "how the answer moves" table.
VOLUME_SHARES = (0.5, 1.0, 1.5, 2.0)
CHART_POINTS = 20  # intervals on the chart's volume axis


def _check_contradictions(values: Values, locale: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    making = (values["make_setup"], values["make_fixed"], values["make_variable"])
    if all(float(v) == 0 for v in making):
        errors["make_variable"] = message("make_or_buy.contradiction.free_to_make", locale)
    buying = (values["buy_price"], values["transport"], values["lead_time_cost"])
    if all(float(v) == 0 for v in buying):
        errors["buy_price"] = message("make_or_buy.contradiction.free_to_buy", locale)
    return errors


FIELDSET = FieldSet(ID, FIELDS, checks=(_check_contradictions,))


@dataclass(frozen=True)
class Model:
    """One scenario, with rates as fractions."""

    volume: float
    make_setup: float
    setup_years: int
    make_fixed: float
    make_variable: float
    buy_price: float
    duty: float
    transport: float
    defect: float
    lead_time_cost: float

    @classmethod
    def from_values(cls, v: Values) -> Model:
        return cls(
            volume=float(v["volume"]),
            make_setup=float(v["make_setup"]),
            setup_years=int(v["setup_years"]),
            make_fixed=float(v["make_fixed"]),
            make_variable=float(v["make_variable"]),
            buy_price=float(v["buy_price"]),
            duty=float(v["duty_pct"]) / 100.0,
            transport=float(v["transport"]),
            defect=float(v["defect_pct"]) / 100.0,
            lead_time_cost=float(v["lead_time_cost"]),
        )

    @property
    def setup_per_year(self) -> float:
        return self.make_setup / self.setup_years

    @property
    def fixed_per_year(self) -> float:
        """Making's cost that does not change with volume: set-up share plus yearly fixed."""
        return self.setup_per_year + self.make_fixed

    @property
    def duty_per_unit(self) -> float:
        return self.buy_price * self.duty

    @property
    def shipped_per_unit(self) -> float:
        """What one delivered unit costs: price, duty and transport."""
        return total((self.buy_price, self.duty_per_unit, self.transport))

    @property
    def replacement_per_unit(self) -> float:
        """Extra cost per good unit of the defective units bought to replace the bad ones:
        N good units take N / (1 - defect) deliveries."""
        return self.shipped_per_unit * self.defect / (1.0 - self.defect)

    @property
    def buy_per_unit(self) -> float:
        """The landed cost of one good unit bought in (the same at every volume)."""
        return total((self.shipped_per_unit, self.replacement_per_unit, self.lead_time_cost))

    def make_total(self, volume: float) -> float:
        return self.fixed_per_year + self.make_variable * volume

    def buy_total(self, volume: float) -> float:
        return self.buy_per_unit * volume

    def break_even(self) -> float | None:
        """The volume at which making and buying cost the same, or None when making never
        catches up (buying costs no more per unit than making's variable cost)."""
        margin = self.buy_per_unit - self.make_variable
        if margin <= 0:
            return None
        return self.fixed_per_year / margin


def _tie(a: float, b: float) -> bool:
    """Equal up to floating-point noise (far below a cent on any realistic amount)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def cheaper(make: float, buy: float) -> str:
    """'make', 'buy' or 'equal'."""
    if _tie(make, buy):
        return "equal"
    return "make" if make < buy else "buy"


def compute(values: Values, locale: str = "en") -> dict[str, Any]:
    model = Model.from_values(values)
    currency = str(values["currency"])
    volume = model.volume
    make_total = model.make_total(volume)
    buy_total = model.buy_total(volume)
    make_per_unit = make_total / volume
    buy_per_unit = model.buy_per_unit
    break_even = model.break_even()
    verdict = cheaper(make_total, buy_total)

    def msg(key: str, **params: object) -> str:
        return message(f"make_or_buy.{key}", locale, **params)

    def money(amount: float) -> str:
        """Whole units for totals, cents for per-unit amounts."""
        return format_money(amount, currency, locale, 2 if abs(amount) < 1000 else 0)

    def units(amount: float) -> str:
        return msg("value.units", volume=format_number(amount, locale))

    option = {k: msg(f"option.{k}") for k in ("make", "buy", "equal")}
    if verdict == "equal":
        verdict_text = msg("verdict.equal")
    else:
        verdict_text = msg("verdict.cheaper", option=option[verdict],
                           amount=money(abs(buy_total - make_total)))  # fmt: skip

    margin = buy_per_unit - model.make_variable
    if break_even is None:
        break_even_text = msg("value.never")
        if margin == 0 and model.fixed_per_year == 0:
            break_even_note = msg("note.break_even_same")
        else:
            break_even_note = msg("note.break_even_never")
    elif break_even == 0:
        break_even_text = units(0)
        break_even_note = msg("note.break_even_zero")
    else:
        break_even_text = units(break_even)
        break_even_note = msg("note.break_even")

    figures = [
        Figure("cheaper", msg("figure.cheaper"), buy_total - make_total, verdict_text,
               msg("note.cheaper", volume=units(volume))),
        Figure("break_even", msg("figure.break_even"), break_even, break_even_text,
               break_even_note),
        Figure("make_total", msg("figure.make_total"), make_total, money(make_total),
               msg("note.make_total", fixed=money(model.fixed_per_year),
                   variable=money(model.make_variable * volume))),
        Figure("buy_total", msg("figure.buy_total"), buy_total, money(buy_total),
               msg("note.buy_total")),
        Figure("make_per_unit", msg("figure.make_per_unit"), make_per_unit,
               money(make_per_unit), msg("note.make_per_unit")),
        Figure("buy_per_unit", msg("figure.buy_per_unit"), buy_per_unit, money(buy_per_unit),
               msg("note.buy_per_unit")),
    ]  # fmt: skip

    breakdown_rows: list[list[float | str]] = [
        [msg("row.setup", years=model.setup_years), model.setup_per_year / volume,
         model.setup_per_year],
        [msg("row.fixed"), model.make_fixed / volume, model.make_fixed],
        [msg("row.variable"), model.make_variable, model.make_variable * volume],
        [msg("row.make_total"), make_per_unit, make_total],
        [msg("row.price"), model.buy_price, model.buy_price * volume],
        [msg("row.duty"), model.duty_per_unit, model.duty_per_unit * volume],
        [msg("row.transport"), model.transport, model.transport * volume],
        [msg("row.defects"), model.replacement_per_unit, model.replacement_per_unit * volume],
        [msg("row.lead_time"), model.lead_time_cost, model.lead_time_cost * volume],
        [msg("row.buy_total"), buy_per_unit, buy_total],
    ]  # fmt: skip
    breakdown = Table(
        "breakdown",
        msg("table.breakdown", volume=units(volume)),
        [msg("table.item"), msg("table.per_unit"), msg("table.per_year")],
        breakdown_rows,
        money,
    )

    scenario_rows: list[list[float | str]] = []
    by_volume: list[dict[str, Any]] = []
    for share in VOLUME_SHARES:
        at = volume * share
        make_at, buy_at = model.make_total(at), model.buy_total(at)
        which = cheaper(make_at, buy_at)
        label = msg("table.share", share=format_percent(100 * share, locale, 0),
                    volume=format_number(at, locale))  # fmt: skip
        scenario_rows.append([label, make_at, buy_at, abs(buy_at - make_at), option[which]])
        by_volume.append({"share": share, "volume": at, "make": make_at, "buy": buy_at,
                          "cheaper": which})  # fmt: skip
    scenarios = Table(
        "by_volume",
        msg("table.by_volume"),
        [msg("table.volume"), msg("table.make"), msg("table.buy"), msg("table.difference"),
         msg("table.cheaper")],
        scenario_rows,
        money,
    )  # fmt: skip

    x_max = 2.0 * max(volume, break_even or 0.0)
    xs = [x_max * i / CHART_POINTS for i in range(CHART_POINTS + 1)]
    chart = Chart(
        id="cost_by_volume",
        title=msg("chart.title"),
        x_label=msg("chart.x"),
        y_label=msg("chart.y", currency=currency),
        series=[
            Series("make", msg("chart.make"), xs, [model.make_total(x) for x in xs]),
            Series("buy", msg("chart.buy"), xs, [model.buy_total(x) for x in xs]),
        ],
        marker_x=break_even,
        marker_label=msg("chart.break_even", volume=format_number(break_even, locale))
        if break_even is not None
        else msg("chart.no_break_even"),
    )

    return result(
        ID,
        msg("title"),
        locale,
        figures=figures,
        tables=[breakdown, scenarios],
        charts=[chart],
        values={
            "make_total": make_total,
            "buy_total": buy_total,
            "make_per_unit": make_per_unit,
            "buy_per_unit": buy_per_unit,
            "fixed_per_year": model.fixed_per_year,
            "break_even_volume": break_even,
            "cheaper": verdict,
            "difference": buy_total - make_total,
            "by_volume": by_volume,
        },
    )


EXAMPLES: tuple[tuple[str, dict[str, object]], ...] = (
    ("making-wins-at-high-volume", {"volume": 60_000}),
    ("buying-always-cheaper", {"buy_price": 8, "duty_pct": 0, "currency": "USD"}),
    ("no-fixed-cost-to-make", {"make_setup": 0, "make_fixed": 0, "volume": 1}),
    ("high-defects-and-tariff", {"defect_pct": 40, "duty_pct": 25, "lead_time_cost": 2.5}),
    ("huge-volume", {"volume": 1e9, "make_setup": 1e10, "setup_years": 30}),
)


register(
    {
        "en": {
            "make_or_buy.title": "Make or buy",
            "make_or_buy.group.volume": "Volume",
            "make_or_buy.group.make": "Making it yourself",
            "make_or_buy.group.buy": "Buying it in",
            "make_or_buy.volume.label": "Planned volume",
            "make_or_buy.volume.help": "How many units you expect to need a year.",
            "make_or_buy.currency.label": "Currency",
            "make_or_buy.currency.help": "Used only to label amounts; nothing is converted.",
            "make_or_buy.make_setup.label": "Set-up cost",
            "make_or_buy.make_setup.help": "One-off cost of starting to make it yourself: "
            "tooling, equipment, installation and first training. It is spread evenly over "
            "the years below.",
            "make_or_buy.setup_years.label": "Years the set-up serves",
            "make_or_buy.setup_years.help": "Over how many years to spread the set-up cost, "
            "for example the useful life of the equipment (straight line, no interest).",
            "make_or_buy.make_fixed.label": "Yearly fixed cost of making",
            "make_or_buy.make_fixed.help": "Costs that do not change with volume: supervision, "
            "maintenance, floor space, equipment leases and ongoing training.",
            "make_or_buy.make_variable.label": "Variable cost per unit made",
            "make_or_buy.make_variable.help": "Materials, direct labor, energy and consumables "
            "for each unit, including your own scrap.",
            "make_or_buy.buy_price.label": "Purchase price",
            "make_or_buy.buy_price.help": "The supplier's price per unit.",
            "make_or_buy.duty_pct.label": "Duty or tariff",
            "make_or_buy.duty_pct.help": "Import duty as a percentage of the purchase price; "
            "zero for a domestic supplier.",
            "make_or_buy.transport.label": "Transport per unit",
            "make_or_buy.transport.help": "Freight, insurance and handling for each unit "
            "delivered to you.",
            "make_or_buy.defect_pct.label": "Defect rate",
            "make_or_buy.defect_pct.help": "Share of delivered units that fail inspection and "
            "are replaced by buying more: N good units take N / (1 - rate) deliveries, each "
            "with its price, duty and transport. It must stay below 100%.",
            "make_or_buy.lead_time_cost.label": "Lead-time cost per unit",
            "make_or_buy.lead_time_cost.help": "The cost of carrying extra stock to cover the "
            "supplier's longer lead time, per unit: for example the price times your yearly "
            "carrying rate times the extra weeks of stock, divided by 52.",
            "make_or_buy.contradiction.free_to_make": "Making cannot cost nothing: enter a "
            "set-up, fixed or variable cost of making.",
            "make_or_buy.contradiction.free_to_buy": "Buying cannot cost nothing: enter a "
            "purchase price, transport or lead-time cost.",
            "make_or_buy.option.make": "Making",
            "make_or_buy.option.buy": "Buying",
            "make_or_buy.option.equal": "Equal",
            "make_or_buy.verdict.cheaper": "{option}, by {amount} a year",
            "make_or_buy.verdict.equal": "Neither: both cost the same",
            "make_or_buy.value.units": "{volume} units a year",
            "make_or_buy.value.never": "never",
            "make_or_buy.figure.cheaper": "Cheaper at the planned volume",
            "make_or_buy.figure.break_even": "Break-even volume",
            "make_or_buy.figure.make_total": "Cost of making, per year",
            "make_or_buy.figure.buy_total": "Cost of buying, per year",
            "make_or_buy.figure.make_per_unit": "Cost per unit made",
            "make_or_buy.figure.buy_per_unit": "Landed cost per unit bought",
            "make_or_buy.note.cheaper": "Comparing the yearly totals at {volume}.",
            "make_or_buy.note.break_even": "Above this volume making is cheaper; below it, "
            "buying is.",
            "make_or_buy.note.break_even_zero": "Making has no fixed cost and costs less per "
            "unit, so it is cheaper at any volume.",
            "make_or_buy.note.break_even_never": "Buying costs no more per unit than making's "
            "variable cost, so making never catches up, whatever the volume.",
            "make_or_buy.note.break_even_same": "Both cost the same at every volume.",
            "make_or_buy.note.make_total": "Fixed {fixed} (set-up share and yearly fixed "
            "costs) plus variable {variable}.",
            "make_or_buy.note.buy_total": "Price, duty, transport, replacement of defective "
            "units and lead-time cost.",
            "make_or_buy.note.make_per_unit": "Falls as volume grows: more units share the "
            "fixed cost.",
            "make_or_buy.note.buy_per_unit": "The same at every volume.",
            "make_or_buy.table.breakdown": "Where the costs come from, at {volume}",
            "make_or_buy.table.item": "Cost item",
            "make_or_buy.table.per_unit": "Per unit",
            "make_or_buy.table.per_year": "Per year",
            "make_or_buy.row.setup": "Making: set-up, spread over {years} years",
            "make_or_buy.row.fixed": "Making: yearly fixed cost",
            "make_or_buy.row.variable": "Making: variable cost",
            "make_or_buy.row.make_total": "Making, total",
            "make_or_buy.row.price": "Buying: purchase price",
            "make_or_buy.row.duty": "Buying: duty or tariff",
            "make_or_buy.row.transport": "Buying: transport",
            "make_or_buy.row.defects": "Buying: replacing defective units",
            "make_or_buy.row.lead_time": "Buying: lead-time cost",
            "make_or_buy.row.buy_total": "Buying, total",
            "make_or_buy.table.by_volume": "How the answer moves with volume",
            "make_or_buy.table.share": "{share} ({volume} units)",
            "make_or_buy.table.volume": "Share of planned volume",
            "make_or_buy.table.make": "Making",
            "make_or_buy.table.buy": "Buying",
            "make_or_buy.table.difference": "Cheaper by",
            "make_or_buy.table.cheaper": "Cheaper option",
            "make_or_buy.chart.title": "Cost per year against volume, making and buying",
            "make_or_buy.chart.x": "Volume (units a year)",
            "make_or_buy.chart.y": "Cost per year ({currency})",
            "make_or_buy.chart.make": "Making",
            "make_or_buy.chart.buy": "Buying",
            "make_or_buy.chart.break_even": "Break-even: {volume} units",
            "make_or_buy.chart.no_break_even": "No break-even: buying is cheaper at every volume",
        }
    }
)
