"""Backup supplier: is it worth paying every year to keep a second supplier ready?

A disruption at the main supplier happens with probability p in a year. Without a backup it
costs the margin lost over the weeks until the supplier recovers, plus expediting and
penalties. With a backup kept ready, the margin is lost only over the weeks it takes to switch,
and the expediting and penalties shrink in the same proportion (switch weeks / recovery weeks);
the backup costs a fixed amount every year, disruption or not. Both expected yearly costs are
linear in p, so the backup pays for itself above one break-even probability:
p* = yearly cost of the backup / (loss per disruption without - loss per disruption with).
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

ID = "backup_supplier"
CURRENCIES = savings.CURRENCIES

_RISK = "backup_supplier.group.risk"
_BACKUP = "backup_supplier.group.backup"
_WEEKS = "backup_supplier_weeks"

FIELDS = (
    Field("disruption_pct", "percent", 15, "percent", 0, 100, 1, group=_RISK),
    Field("recovery_weeks", "number", 12, _WEEKS, 0, 104, 1, group=_RISK),
    Field("weekly_margin", "money", 40_000, "backup_supplier_per_week", 0, 1e10, 1000,
          group=_RISK),
    Field("disruption_costs", "money", 80_000, "backup_supplier_per_disruption", 0, 1e10,
          1000, group=_RISK),
    Field("switch_weeks", "number", 3, _WEEKS, 0, 104, 1, group=_BACKUP),
    Field("backup_cost", "money", 50_000, "per_year", 0, 1e10, 1000, group=_BACKUP),
    Field("currency", "choice", "EUR", choices=CURRENCIES, group=_BACKUP),
)  # fmt: skip

CHART_STEP_PCT = 5  # the probability axis runs 0, 5, ..., 100%


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _check_contradictions(values: Values, locale: str) -> dict[str, str]:
    switch, recovery = float(values["switch_weeks"]), float(values["recovery_weeks"])
    if switch > recovery:
        text = message("backup_supplier.contradiction.switch", locale,
                       switch=_plain(switch), recovery=_plain(recovery))  # fmt: skip
        return {"switch_weeks": text}
    return {}


FIELDSET = FieldSet(ID, FIELDS, checks=(_check_contradictions,))


@dataclass(frozen=True)
class Model:
    """One scenario, with the probability as a fraction."""

    probability: float
    recovery_weeks: float
    switch_weeks: float
    weekly_margin: float
    disruption_costs: float
    backup_cost: float

    @classmethod
    def from_values(cls, v: Values) -> Model:
        return cls(
            probability=float(v["disruption_pct"]) / 100.0,
            recovery_weeks=float(v["recovery_weeks"]),
            switch_weeks=float(v["switch_weeks"]),
            weekly_margin=float(v["weekly_margin"]),
            disruption_costs=float(v["disruption_costs"]),
            backup_cost=float(v["backup_cost"]),
        )

    @property
    def short_share(self) -> float:
        """The share of the outage a backup leaves: switch weeks / recovery weeks (1 when a
        disruption costs no weeks at all, since then a backup shortens nothing)."""
        if self.recovery_weeks == 0:
            return 1.0
        return self.switch_weeks / self.recovery_weeks

    @property
    def loss_without(self) -> float:
        """What one disruption costs without a backup."""
        return total((self.recovery_weeks * self.weekly_margin, self.disruption_costs))

    @property
    def loss_with(self) -> float:
        """What one disruption costs with a backup ready."""
        return total(
            (self.switch_weeks * self.weekly_margin, self.disruption_costs * self.short_share)
        )

    def expected_without(self, probability: float) -> float:
        return probability * self.loss_without

    def expected_with(self, probability: float) -> float:
        return total((probability * self.loss_with, self.backup_cost))

    def break_even(self) -> float | None:
        """The probability (as a fraction, possibly above 1) at which both expected costs are
        equal, or None when a backup saves nothing per disruption."""
        saved = self.loss_without - self.loss_with
        if saved <= 0:
            return None
        return self.backup_cost / saved


def compute(values: Values, locale: str = "en") -> dict[str, Any]:
    model = Model.from_values(values)
    currency = str(values["currency"])
    p = model.probability
    without = model.expected_without(p)
    with_backup = model.expected_with(p)
    saved_per_disruption = model.loss_without - model.loss_with
    # Equal to without - with_backup, computed so that it never falls as p rises.
    net_value = total((p * saved_per_disruption, -model.backup_cost))
    break_even = model.break_even()
    break_even_pct = None if break_even is None else 100.0 * break_even
    within_range = break_even is not None and break_even <= 1.0

    def msg(key: str, **params: object) -> str:
        return message(f"backup_supplier.{key}", locale, **params)

    def money(amount: float) -> str:
        return format_money(amount, currency, locale)

    def pct(value: float) -> str:
        return format_percent(value, locale, 1)

    def weeks(value: float) -> str:
        return msg("value.weeks", weeks=format_number(value, locale, 0 if value.is_integer()
                                                      else 1))  # fmt: skip

    if net_value > 0:
        value_note = msg("note.net_value_positive")
    elif net_value < 0:
        value_note = msg("note.net_value_negative")
    else:
        value_note = msg("note.net_value_zero")

    if break_even is None:
        break_even_text = msg("value.never")
        break_even_note = msg("note.break_even_none")
    elif not within_range:
        break_even_text = msg("value.never")
        break_even_note = msg("note.break_even_above", saved=money(saved_per_disruption))
    elif break_even == 0:
        break_even_text = pct(0.0)
        break_even_note = msg("note.break_even_free")
    else:
        break_even_text = pct(100.0 * break_even)
        break_even_note = msg("note.break_even", years=format_number(1.0 / break_even,
                                                                     locale, 1))  # fmt: skip

    figures = [
        Figure("expected_without", msg("figure.expected_without"), without, money(without),
               msg("note.expected_without", p=pct(100 * p), loss=money(model.loss_without))),
        Figure("expected_with", msg("figure.expected_with"), with_backup, money(with_backup),
               msg("note.expected_with", p=pct(100 * p), loss=money(model.loss_with),
                   backup=money(model.backup_cost))),
        Figure("net_value", msg("figure.net_value"), net_value, money(net_value), value_note),
        Figure("break_even", msg("figure.break_even"), break_even_pct if within_range else None,
               break_even_text, break_even_note),
    ]  # fmt: skip

    rows: list[list[float | str]] = [
        [msg("row.weeks"), weeks(model.recovery_weeks), weeks(model.switch_weeks)],
        [msg("row.margin"), model.recovery_weeks * model.weekly_margin,
         model.switch_weeks * model.weekly_margin],
        [msg("row.disruption_costs"), model.disruption_costs,
         model.disruption_costs * model.short_share],
        [msg("row.loss"), model.loss_without, model.loss_with],
        [msg("row.expected_loss", p=pct(100 * p)), without, p * model.loss_with],
        [msg("row.backup_cost"), 0.0, model.backup_cost],
        [msg("row.expected_cost"), without, with_backup],
    ]  # fmt: skip
    table = Table(
        "per_disruption",
        msg("table.caption"),
        [msg("table.item"), msg("table.without"), msg("table.with")],
        rows,
        money,
    )

    def tone(mine: float, other: float) -> str:
        if mine == other:
            return "neutral"
        return "good" if mine < other else "bad"

    bars = {
        "id": "expected_cost",
        "kind": "bars",
        "title": msg("bars.title"),
        "x_label": msg("bars.x", currency=currency),
        "bars": [
            {"label": msg("bars.without"), "start": 0.0, "end": without,
             "text": money(without), "tone": tone(without, with_backup)},
            {"label": msg("bars.with"), "start": 0.0, "end": with_backup,
             "text": money(with_backup), "tone": tone(with_backup, without)},
        ],
        "reference": None,
    }  # fmt: skip

    xs = list(range(0, 101, CHART_STEP_PCT))
    line = Chart(
        id="cost_by_probability",
        title=msg("chart.title"),
        x_label=msg("chart.x"),
        y_label=msg("chart.y", currency=currency),
        series=[
            Series("without", msg("chart.without"), xs,
                   [model.expected_without(x / 100.0) for x in xs]),
            Series("with", msg("chart.with"), xs, [model.expected_with(x / 100.0) for x in xs]),
        ],
        marker_x=break_even_pct if within_range else None,
        marker_label=msg("chart.break_even", p=pct(break_even_pct))
        if within_range and break_even_pct is not None
        else msg("chart.no_break_even"),
    )  # fmt: skip

    return result(
        ID,
        msg("title"),
        locale,
        figures=figures,
        tables=[table],
        charts=[bars, line],
        values={
            "loss_without": model.loss_without,
            "loss_with": model.loss_with,
            "expected_without": without,
            "expected_with": with_backup,
            "net_value": net_value,
            "break_even_pct": break_even_pct,
            "backup_pays": net_value > 0,
        },
    )


EXAMPLES: tuple[tuple[str, dict[str, object]], ...] = (
    ("backup-does-not-pay", {"disruption_pct": 5, "currency": "GBP"}),
    ("certain-disruption", {"disruption_pct": 100, "recovery_weeks": 26}),
    ("switching-as-slow-as-recovering", {"switch_weeks": 12}),
    ("break-even-above-certainty", {"backup_cost": 2_000_000, "disruption_pct": 0}),
    ("nothing-to-recover", {"recovery_weeks": 0, "switch_weeks": 0, "weekly_margin": 1.5}),
)


register(
    {
        "en": {
            "unit.backup_supplier_weeks": "weeks",
            "unit.backup_supplier_per_week": "per week",
            "unit.backup_supplier_per_disruption": "per disruption",
            "backup_supplier.title": "Backup supplier",
            "backup_supplier.group.risk": "A disruption at your main supplier",
            "backup_supplier.group.backup": "Keeping a backup ready",
            "backup_supplier.disruption_pct.label": "Chance of a disruption in a year",
            "backup_supplier.disruption_pct.help": "How likely the main supplier is to stop "
            "delivering in a given year (fire, insolvency, strike, export ban, quality "
            "recall). 10% means about once in ten years.",
            "backup_supplier.recovery_weeks.label": "Weeks to recover without a backup",
            "backup_supplier.recovery_weeks.help": "How long supply stays short if you have "
            "to wait for the supplier to recover, or find and qualify a new one from scratch.",
            "backup_supplier.weekly_margin.label": "Margin lost per week short",
            "backup_supplier.weekly_margin.help": "Gross margin on the sales you lose for each "
            "week without supply.",
            "backup_supplier.disruption_costs.label": "Expediting and penalties",
            "backup_supplier.disruption_costs.help": "Per disruption without a backup: rush "
            "freight, overtime, spot-market premiums and penalties to your customers. With a "
            "backup they shrink in proportion to the shorter outage.",
            "backup_supplier.switch_weeks.label": "Weeks to switch to the backup",
            "backup_supplier.switch_weeks.help": "How long supply stays short when a qualified "
            "backup is ready to take the volume. No longer than the recovery time.",
            "backup_supplier.backup_cost.label": "Yearly cost of keeping the backup ready",
            "backup_supplier.backup_cost.help": "Qualification and audits spread per year, the "
            "price premium on the volume you give the backup, and the time spent managing it.",
            "backup_supplier.currency.label": "Currency",
            "backup_supplier.currency.help": "Used only to label amounts; nothing is converted.",
            "backup_supplier.contradiction.switch": "Switching to the backup ({switch} weeks) "
            "cannot take longer than recovering without one ({recovery} weeks).",
            "backup_supplier.value.weeks": "{weeks} weeks",
            "backup_supplier.value.never": "never",
            "backup_supplier.figure.expected_without": "Expected yearly loss without a backup",
            "backup_supplier.figure.expected_with": "Expected yearly cost with a backup",
            "backup_supplier.figure.net_value": "Net yearly value of the backup",
            "backup_supplier.figure.break_even": "Break-even chance of a disruption",
            "backup_supplier.note.expected_without": "A {p} chance of losing {loss} per "
            "disruption.",
            "backup_supplier.note.expected_with": "A {p} chance of losing {loss} per "
            "disruption, plus {backup} a year to keep the backup ready.",
            "backup_supplier.note.net_value_positive": "The backup pays for itself: it saves "
            "more than it costs, on average.",
            "backup_supplier.note.net_value_negative": "On these numbers the backup costs more "
            "than it saves, on average.",
            "backup_supplier.note.net_value_zero": "The backup exactly pays for itself.",
            "backup_supplier.note.break_even": "Above this yearly chance (a disruption more "
            "often than once in {years} years) the backup pays for itself.",
            "backup_supplier.note.break_even_free": "The backup costs nothing to keep, so it "
            "pays at any chance of a disruption.",
            "backup_supplier.note.break_even_above": "Even a disruption every year would not "
            "pay for it: the backup costs more a year than the {saved} it saves per "
            "disruption.",
            "backup_supplier.note.break_even_none": "Switching takes as long as recovering, so "
            "the backup saves nothing when a disruption comes.",
            "backup_supplier.table.caption": "Per disruption and per year",
            "backup_supplier.table.item": "Item",
            "backup_supplier.table.without": "Without a backup",
            "backup_supplier.table.with": "With a backup",
            "backup_supplier.row.weeks": "Weeks short per disruption",
            "backup_supplier.row.margin": "Margin lost per disruption",
            "backup_supplier.row.disruption_costs": "Expediting and penalties per disruption",
            "backup_supplier.row.loss": "Loss per disruption",
            "backup_supplier.row.expected_loss": "Expected loss per year ({p} chance)",
            "backup_supplier.row.backup_cost": "Keeping the backup ready, per year",
            "backup_supplier.row.expected_cost": "Expected cost per year",
            "backup_supplier.bars.title": "Expected cost per year, without and with a backup",
            "backup_supplier.bars.x": "Expected cost per year ({currency})",
            "backup_supplier.bars.without": "Without a backup",
            "backup_supplier.bars.with": "With a backup",
            "backup_supplier.chart.title": "Expected cost per year against the chance of a "
            "disruption",
            "backup_supplier.chart.x": "Chance of a disruption in a year (%)",
            "backup_supplier.chart.y": "Expected cost per year ({currency})",
            "backup_supplier.chart.without": "Without a backup",
            "backup_supplier.chart.with": "With a backup",
            "backup_supplier.chart.break_even": "Break-even: {p}",
            "backup_supplier.chart.no_break_even": "No break-even below 100%",
        }
    }
)
