"""The make-or-buy model: numbers in, numbers out, no text.

Making costs a fixed amount a year (the one-off set-up repaid with interest at the cost of
capital over the years it serves, an annuity, plus yearly fixed costs) and a variable cost per
unit. Buying costs a landed price per good unit: the purchase price plus duty and transport
(duty on the customs value: the price alone, FOB, or the price with transport, CIF), grossed
up for the defective units that must be replaced, plus the cost of carrying stock for the
supplier's longer lead time. Both totals are straight lines in the volume, so they cross once
at most: the break-even volume fixed cost / (landed cost per unit - variable cost per unit).
Above it making is cheaper.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..core.money import growth_factors, total
from ..core.parse import Values
from .fields import VOLUME_MAX

Option = Literal["make", "buy", "equal"]

# Shares of the planned volume in the "how the answer moves" table.
VOLUME_SHARES = (0.5, 1.0, 1.5, 2.0)
CHART_POINTS = 20  # intervals on the chart's volume axis


@dataclass(frozen=True)
class Model:
    """One scenario, with rates as fractions."""

    volume: float
    make_setup: float
    setup_years: int
    capital_rate: float
    make_fixed: float
    make_variable: float
    buy_price: float
    duty: float
    duty_on_freight: bool  # CIF: duty on the price plus transport; FOB: on the price alone
    transport: float
    defect: float
    lead_time_cost: float
    horizon_years: int  # the year-by-year view (years.py)
    make_escalation: float
    buy_escalation: float
    learning_rate: float  # Wright's curve (learning.py); 1.0 when there is none
    learning_share: float  # the share of the variable cost that learns

    @classmethod
    def from_values(cls, v: Values) -> Model:
        learning = v["learning"] == "wright"
        return cls(
            volume=float(v["volume"]),
            make_setup=float(v["make_setup"]),
            setup_years=int(v["setup_years"]),
            capital_rate=float(v["capital_rate_pct"]) / 100.0,
            make_fixed=float(v["make_fixed"]),
            make_variable=float(v["make_variable"]),
            buy_price=float(v["buy_price"]),
            duty=float(v["duty_pct"]) / 100.0,
            duty_on_freight=v["duty_basis"] == "cif",
            transport=float(v["transport"]),
            defect=float(v["defect_pct"]) / 100.0,
            lead_time_cost=float(v["lead_time_cost"]),
            horizon_years=int(v["horizon_years"]),
            make_escalation=float(v["make_escalation_pct"]) / 100.0,
            buy_escalation=float(v["buy_escalation_pct"]) / 100.0,
            learning_rate=float(v["learning_rate_pct"]) / 100.0 if learning else 1.0,
            learning_share=float(v["learning_share_pct"]) / 100.0 if learning else 0.0,
        )

    @property
    def setup_per_year(self) -> float:
        """The equal yearly payment that repays the set-up with interest over its years: the
        set-up divided by the present value of 1 a year (at 0%, the set-up / years)."""
        return self.make_setup / annuity_years(self.capital_rate, self.setup_years)

    @property
    def fixed_per_year(self) -> float:
        """Making's cost that does not change with volume: set-up share plus yearly fixed."""
        return self.setup_per_year + self.make_fixed

    @property
    def customs_value(self) -> float:
        """What duty is charged on, per unit: the price, plus transport when valued CIF."""
        if self.duty_on_freight:
            return total((self.buy_price, self.transport))
        return self.buy_price

    @property
    def duty_per_unit(self) -> float:
        return self.customs_value * self.duty

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

    @property
    def margin(self) -> float:
        """How much more a unit bought costs than a unit made, leaving the fixed cost aside."""
        return self.buy_per_unit - self.make_variable

    def make_total(self, volume: float) -> float:
        return self.fixed_per_year + self.make_variable * volume

    def buy_total(self, volume: float) -> float:
        return self.buy_per_unit * volume

    def break_even(self) -> float | None:
        """The volume at which making and buying cost the same, or None when making never
        catches up (buying costs no more per unit than making's variable cost)."""
        if self.margin <= 0:
            return None
        return self.fixed_per_year / self.margin

    @property
    def years_differ(self) -> bool:
        """Later years cost other than the first: escalation or learning is on."""
        return bool(self.make_escalation or self.buy_escalation or self.learning_share)

    @property
    def same_everywhere(self) -> bool:
        """Making and buying cost the same at every volume: no fixed cost, equal unit costs."""
        return self.margin == 0 and self.fixed_per_year == 0


def annuity_years(rate: float, years: int) -> float:
    """The present value of 1 paid at the end of each of `years` years: the sum of
    1 / (1 + rate)^k. Summed term by term (no `pow`, no 1 - (1 + rate)^-n, which cancels for a
    tiny rate) so that it is exact at 0% and bit-identical in CPython and Pyodide."""
    return total(1.0 / factor for factor in growth_factors(rate, years + 1)[1:])


def _tie(a: float, b: float) -> bool:
    """Equal up to floating-point noise (far below a cent on any realistic amount)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def cheaper(make: float, buy: float) -> Option:
    if _tie(make, buy):
        return "equal"
    return "make" if make < buy else "buy"


@dataclass(frozen=True)
class AtVolume:
    """Both yearly totals at one volume."""

    share: float  # of the planned volume
    volume: float
    make: float
    buy: float
    cheaper: Option


@dataclass(frozen=True)
class Outcome:
    """Every number the make-or-buy result shows, for one scenario."""

    model: Model
    make_total: float
    buy_total: float
    make_per_unit: float
    cheaper: Option
    break_even: float | None
    break_even_in_range: bool  # the break-even is a volume this calculator models
    by_volume: list[AtVolume]
    chart_volumes: list[float]

    @property
    def difference(self) -> float:
        """Buying's yearly total less making's: positive when making is cheaper."""
        return self.buy_total - self.make_total


def outcome(model: Model) -> Outcome:
    volume = model.volume
    make_total, buy_total = model.make_total(volume), model.buy_total(volume)
    break_even = model.break_even()
    in_range = break_even is not None and break_even <= VOLUME_MAX
    by_volume = []
    for share in VOLUME_SHARES:
        at = volume * share
        make_at, buy_at = model.make_total(at), model.buy_total(at)
        by_volume.append(AtVolume(share, at, make_at, buy_at, cheaper(make_at, buy_at)))
    # Twice the planned volume or the break-even, whichever is larger; a break-even beyond
    # the modeled range does not stretch the axis (it would flatten the lines into it).
    x_max = 2.0 * max(volume, break_even if in_range and break_even is not None else 0.0)
    return Outcome(
        model=model,
        make_total=make_total,
        buy_total=buy_total,
        make_per_unit=make_total / volume,
        cheaper=cheaper(make_total, buy_total),
        break_even=break_even,
        break_even_in_range=in_range,
        by_volume=by_volume,
        chart_volumes=[x_max * i / CHART_POINTS for i in range(CHART_POINTS + 1)],
    )
