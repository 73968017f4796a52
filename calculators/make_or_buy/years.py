"""Make or buy year by year: both yearly costs over a horizon, with price escalation on each
side, discounted at the cost of capital. Numbers only.

Year 1 is the single year the rest of the result shows (prices as entered); from year 2 on,
making's fixed and variable costs grow at making's escalation rate and the landed cost bought
at buying's, and with a learning curve the part of making's variable cost that learns falls
as learning.py says. The set-up payment is the same every year: it is the equal yearly
payment that repays the set-up over its life, and a set-up that wears out within the horizon
is assumed to be replaced at the same payment (the equivalent annual cost). Costs fall at the
end of each year, so year k is discounted by (1 + cost of capital)^k, as numpy-financial's
`npv` does with a zero flow at t = 0. Over a horizon as long as the set-up's life, the set-up
payments are worth exactly the set-up today.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.money import growth_factors, total
from .learning import year_factors
from .model import Model, Option, cheaper


@dataclass(frozen=True)
class Year:
    year: int  # 1 for the first year
    make: float  # this year's cost of making, in that year's money
    buy: float
    cheaper: Option


@dataclass(frozen=True)
class Horizon:
    years: list[Year]
    make_pv: float  # the present value of every year's cost of making
    buy_pv: float
    cheaper: Option
    # Cumulative present values, from 0 at the start: the chart's lines.
    make_cumulative: list[float]
    buy_cumulative: list[float]

    @property
    def difference(self) -> float:
        """Buying's present value less making's: positive when making is cheaper."""
        return self.buy_pv - self.make_pv


def horizon(model: Model) -> Horizon:
    volume, years = model.volume, model.horizon_years
    make_growth = growth_factors(model.make_escalation, years)
    buy_growth = growth_factors(model.buy_escalation, years)
    discount = growth_factors(model.capital_rate, years + 1)[1:]  # end of years 1..n
    share = model.learning_share
    learned = year_factors(model.learning_rate, years)
    rows = []
    for k in range(years):
        variable = model.make_variable * volume * total((share * learned[k], 1.0 - share))
        running = total((model.make_fixed, variable)) * make_growth[k]
        make = total((model.setup_per_year, running))
        buy = model.buy_per_unit * volume * buy_growth[k]
        rows.append(Year(k + 1, make, buy, cheaper(make, buy)))
    make_pvs = [row.make / d for row, d in zip(rows, discount, strict=True)]
    buy_pvs = [row.buy / d for row, d in zip(rows, discount, strict=True)]
    make_pv, buy_pv = total(make_pvs), total(buy_pvs)
    return Horizon(
        years=rows,
        make_pv=make_pv,
        buy_pv=buy_pv,
        cheaper=cheaper(make_pv, buy_pv),
        make_cumulative=[total(make_pvs[:k]) for k in range(years + 1)],
        buy_cumulative=[total(buy_pvs[:k]) for k in range(years + 1)],
    )
