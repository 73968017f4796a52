"""The backup-supplier model: numbers in, numbers out, no text.

Disruptions at the main supplier come at an expected rate of r a year, as a Poisson process:
more than one in a year is possible, and the chance of at least one is 1 - e^-r. Without a
backup a disruption costs the margin lost over the weeks until the supplier recovers, plus
expediting and penalties. With a backup kept ready, all supply is short only over the weeks it
takes to switch; after that the backup takes a share s of the volume, so the rest (1 - s) stays
short until the main supplier recovers. The weeks short with a backup are therefore
switch + (1 - s) x (recovery - switch), full-volume equivalent, and the expediting and
penalties shrink in the same proportion (weeks short with / recovery weeks). While the backup
supplies, its volume costs a premium on the usual price: premium x weekly purchases x s x
(recovery - switch) per disruption. The backup costs a fixed amount every year, disruption or
not, plus its one-off qualification spread evenly over the years it is kept (no interest).
Both expected yearly costs are linear in r (the expected count), so the backup pays for itself
above one break-even rate:
r* = yearly cost of the backup / (loss per disruption without - loss per disruption with),
which is a chance of at least one disruption a year of 1 - e^-r*.

Beside the average, a bad year: the count of disruptions k at a chosen percentile of the
Poisson distribution (computed exactly, not simulated), and what that year costs each way:
k x loss without against k x loss with + the backup's yearly cost.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.money import total
from ..core.parse import Values
from .poisson import chance_of_any, quantile

RATE_MAX = 12.0  # disruptions a year: the field's maximum, and the range the model covers
# The rate axis ends at the first of these that leaves room beyond the rates it shows.
CHART_ENDS = (0.5, 1.0, 2.0, 4.0, 8.0, RATE_MAX)
CHART_POINTS = 21


@dataclass(frozen=True)
class Model:
    """One scenario: the expected disruptions a year, and shares as fractions."""

    rate: float
    recovery_weeks: float
    switch_weeks: float
    backup_share: float  # the share of the volume the backup takes once switched, 0 to 1
    weekly_margin: float
    weekly_purchases: float
    premium: float  # the backup's price premium while it supplies, as a fraction
    disruption_costs: float
    backup_cost: float
    qualification_cost: float
    qualification_years: int
    bad_year_level: float  # the percentile of a bad year, as a fraction

    @classmethod
    def from_values(cls, v: Values) -> Model:
        return cls(
            rate=float(v["disruptions_per_year"]),
            recovery_weeks=float(v["recovery_weeks"]),
            switch_weeks=float(v["switch_weeks"]),
            backup_share=float(v["backup_share_pct"]) / 100.0,
            weekly_margin=float(v["weekly_margin"]),
            weekly_purchases=float(v["weekly_purchases"]),
            premium=float(v["premium_pct"]) / 100.0,
            disruption_costs=float(v["disruption_costs"]),
            backup_cost=float(v["backup_cost"]),
            qualification_cost=float(v["qualification_cost"]),
            qualification_years=int(v["qualification_years"]),
            bad_year_level=float(v["bad_year_pct"]) / 100.0,
        )

    @property
    def qualification_per_year(self) -> float:
        return self.qualification_cost / self.qualification_years

    @property
    def yearly_cost(self) -> float:
        """Keeping the backup ready plus its qualification, per year."""
        return total((self.backup_cost, self.qualification_per_year))

    @property
    def weeks_short_with(self) -> float:
        """Full-volume weeks short with a backup: all of the switch, then the share the backup
        cannot take until the main supplier recovers."""
        after_switch = self.recovery_weeks - self.switch_weeks
        return total((self.switch_weeks, (1.0 - self.backup_share) * after_switch))

    @property
    def premium_cost(self) -> float:
        """The premium paid per disruption on the backup's volume until the main supplier
        recovers."""
        weeks_on_backup = self.recovery_weeks - self.switch_weeks
        return self.premium * self.weekly_purchases * self.backup_share * weeks_on_backup

    @property
    def short_share(self) -> float:
        """The share of the outage a backup leaves: weeks short with / recovery weeks (1 when a
        disruption costs no weeks at all, since then a backup shortens nothing)."""
        if self.recovery_weeks == 0:
            return 1.0
        return self.weeks_short_with / self.recovery_weeks

    @property
    def loss_without(self) -> float:
        """What one disruption costs without a backup."""
        return total((self.recovery_weeks * self.weekly_margin, self.disruption_costs))

    @property
    def loss_with(self) -> float:
        """What one disruption costs with a backup ready."""
        return total((
            self.weeks_short_with * self.weekly_margin,
            self.disruption_costs * self.short_share,
            self.premium_cost,
        ))  # fmt: skip

    def expected_without(self, rate: float) -> float:
        return rate * self.loss_without

    def expected_with(self, rate: float) -> float:
        return total((rate * self.loss_with, self.yearly_cost))

    def break_even(self) -> float | None:
        """The rate (disruptions a year, possibly beyond RATE_MAX) at which both expected costs
        are equal, or None when a backup saves nothing per disruption."""
        saved = self.loss_without - self.loss_with
        if saved <= 0:
            return None
        return self.yearly_cost / saved


@dataclass(frozen=True)
class Outcome:
    """Every number the backup-supplier result shows, for one scenario."""

    model: Model
    expected_without: float
    expected_with: float
    net_value: float  # expected yearly saving of the backup, less its cost
    break_even: float | None  # a rate, possibly beyond RATE_MAX
    chance: float  # of at least one disruption in a year, at the reader's rate
    break_even_chance: float | None  # the same at the break-even rate, when in range
    chart_rates: list[float]
    bad_year_count: int  # disruptions in a bad year
    bad_year_without: float
    bad_year_with: float
    bad_year_value: float  # what the backup saves in a bad year, less its cost

    @property
    def break_even_in_range(self) -> bool:
        """The break-even is a rate the model covers (at most RATE_MAX a year)."""
        return self.break_even is not None and self.break_even <= RATE_MAX

    @property
    def saved_per_disruption(self) -> float:
        return self.model.loss_without - self.model.loss_with


def chart_rates(rate: float, break_even: float | None) -> list[float]:
    """Evenly spaced rates from 0 to an end that leaves room beyond the reader's rate and the
    break-even (when the model covers it)."""
    shown = max(rate, break_even if break_even is not None and break_even <= RATE_MAX else 0.0)
    end = next((e for e in CHART_ENDS if e >= 1.25 * shown), RATE_MAX)
    return [end * i / (CHART_POINTS - 1) for i in range(CHART_POINTS)]


def outcome(model: Model) -> Outcome:
    r = model.rate
    saved_per_disruption = model.loss_without - model.loss_with
    break_even = model.break_even()
    in_range = break_even is not None and break_even <= RATE_MAX
    bad = quantile(r, model.bad_year_level)
    return Outcome(
        model=model,
        expected_without=model.expected_without(r),
        expected_with=model.expected_with(r),
        # Equal to without - with, computed so that it moves with r in one direction only.
        net_value=total((r * saved_per_disruption, -model.yearly_cost)),
        break_even=break_even,
        chance=chance_of_any(r),
        break_even_chance=chance_of_any(break_even)
        if in_range and break_even is not None
        else None,
        chart_rates=chart_rates(r, break_even),
        bad_year_count=bad,
        bad_year_without=bad * model.loss_without,
        bad_year_with=total((bad * model.loss_with, model.yearly_cost)),
        bad_year_value=total((bad * saved_per_disruption, -model.yearly_cost)),
    )
