"""The backup-supplier result for readers: verdict, figures, the table and the chart.

One chart, whose two lines keep their series (and so their color) for one meaning each:
"without a backup" first, "with a backup" second. The expected costs at the reader's own
rate of disruptions are figures, not a second chart colored by which one is lower.
"""

from __future__ import annotations

from typing import Any

from ..core.format import Formatter
from ..core.results import Figure, LineChart, Marker, Series, Table, Tone, Verdict, result
from ..core.text import Text
from ..core.vocab import NEVER
from .fields import weeks_text
from .model import RATE_MAX, Outcome


def present(o: Outcome, currency: str, t: Text) -> dict[str, Any]:
    fmt = Formatter(t.locale, currency)
    be_chance = o.break_even_chance
    return result(
        "backup_supplier",
        t.gettext("Backup supplier"),
        t.locale,
        verdict=verdict(o, fmt, t),
        figures=figures(o, fmt, t),
        tables=[cost_table(o, fmt, t)],
        charts=[rate_chart(o, fmt, currency, t)],
        values={
            "loss_without": o.model.loss_without,
            "loss_with": o.model.loss_with,
            "premium_cost": o.model.premium_cost,
            "yearly_cost": o.model.yearly_cost,
            "expected_without": o.expected_without,
            "expected_with": o.expected_with,
            "net_value": o.net_value,
            "chance_pct": 100.0 * o.chance,
            "break_even_rate": o.break_even,
            "break_even_chance_pct": None if be_chance is None else 100.0 * be_chance,
            "backup_pays": o.net_value > 0,
            "bad_year_count": o.bad_year_count,
            "bad_year_without": o.bad_year_without,
            "bad_year_with": o.bad_year_with,
            "bad_year_value": o.bad_year_value,
        },
    )


def _rate(fmt: Formatter, rate: float) -> str:
    """'0.15', '2', '0.5': a rate as the reader typed it (the field's step is 0.01)."""
    decimals = next((d for d in (0, 1) if round(rate, d) == rate), 2)
    return fmt.number(rate, decimals)


def _break_even_rate(fmt: Formatter, rate: float) -> str:
    """'0.119', '2.38': three significant figures for a computed rate."""
    return fmt.number(rate, 3 if rate < 1 else 2)


def _count(rate: float) -> int:
    """The count that picks a plural form: a fraction reads as plural, as in English."""
    return int(rate) if float(rate).is_integer() else 2


def _chance(fmt: Formatter, chance: float) -> str:
    return fmt.percent(100.0 * chance, 1)


def _one_in(fmt: Formatter, level: float) -> str:
    """'20' for the 95th percentile: a year as bad as one in 1 / (1 - level)."""
    years = 1.0 / (1.0 - level)
    return fmt.number(years, 0 if round(years, 1).is_integer() else 1)


def _tone(net_value: float) -> Tone:
    return "good" if net_value > 0 else "bad" if net_value < 0 else "neutral"


def verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    rate, chance, n = _rate(fmt, o.model.rate), _chance(fmt, o.chance), _count(o.model.rate)
    if o.net_value > 0:
        text = t.ngettext(
            "A backup supplier pays for itself: at {rate} disruption a year ({chance} chance "
            "of at least one) it saves {amount} a year more than it costs, on average.",
            "A backup supplier pays for itself: at {rate} disruptions a year ({chance} "
            "chance of at least one) it saves {amount} a year more than it costs, on average.",
            n, rate=rate, chance=chance, amount=fmt.money_rounded(o.net_value, t),
        )  # fmt: skip
    elif o.net_value < 0 and o.bad_year_value > 0:
        text = t.ngettext(
            "A backup supplier does not pay for itself on average: at {rate} disruption a year "
            "({chance} chance of at least one) it costs {amount} a year more than it saves. "
            "But in a bad year (one in {years}) it saves {bad} more than it costs.",
            "A backup supplier does not pay for itself on average: at {rate} disruptions a "
            "year ({chance} chance of at least one) it costs {amount} a year more than it "
            "saves. But in a bad year (one in {years}) it saves {bad} more than it costs.",
            n, rate=rate, chance=chance, amount=fmt.money_rounded(-o.net_value, t),
            years=_one_in(fmt, o.model.bad_year_level),
            bad=fmt.money_rounded(o.bad_year_value, t),
        )  # fmt: skip
    elif o.net_value < 0:
        text = t.ngettext(
            "A backup supplier does not pay for itself: at {rate} disruption a year ({chance} "
            "chance of at least one) it costs {amount} a year more than it saves, on average.",
            "A backup supplier does not pay for itself: at {rate} disruptions a year ("
            "{chance} chance of at least one) it costs {amount} a year more than it saves, on "
            "average.",
            n, rate=rate, chance=chance, amount=fmt.money_rounded(-o.net_value, t),
        )  # fmt: skip
    else:
        text = t.ngettext(
            "A backup supplier exactly pays for itself at {rate} disruption a year.",
            "A backup supplier exactly pays for itself at {rate} disruptions a year.",
            n, rate=rate,
        )  # fmt: skip
    return Verdict(text, _tone(o.net_value))


def _break_even(o: Outcome, fmt: Formatter, t: Text) -> tuple[str, str]:
    """The break-even figure's text and note."""
    if o.break_even is None and o.saved_per_disruption < 0:
        return t.gettext(NEVER), t.gettext(
            "The backup's price premium costs more per disruption than the shorter outage saves."
        )
    if o.break_even is None:
        return t.gettext(NEVER), t.gettext(
            "A disruption costs as much with the backup as without it, so the backup saves "
            "nothing when one comes."
        )
    if o.break_even_chance is None:
        return t.gettext(NEVER), t.gettext(
            "Even {rate} disruptions a year, the most this calculator models, would not pay "
            "for it: the backup costs {cost} a year and saves {saved} per disruption.",
            rate=_rate(fmt, RATE_MAX),
            cost=fmt.money(o.model.yearly_cost),
            saved=fmt.money(o.saved_per_disruption),
        )
    text = t.gettext("{rate} a year", rate=_break_even_rate(fmt, o.break_even))
    if o.break_even == 0:
        return text, t.gettext(
            "The backup costs nothing to keep, so it pays at any rate of disruptions."
        )
    chance = _chance(fmt, o.break_even_chance)
    if o.break_even < 1:
        return text, t.gettext(
            "Above this rate (a disruption more often than once in {years} years; {chance} "
            "chance of at least one in a year) the backup pays for itself.",
            years=fmt.number(1.0 / o.break_even, 1),
            chance=chance,
        )
    return text, t.gettext(
        "Above this rate ({chance} chance of at least one disruption in a year) the backup "
        "pays for itself.",
        chance=chance,
    )


def figures(o: Outcome, fmt: Formatter, t: Text) -> list[Figure]:
    m = o.model
    if o.net_value > 0:
        value_note = t.gettext(
            "The backup pays for itself: it saves more than it costs, on average."
        )
    elif o.net_value < 0:
        value_note = t.gettext("On these numbers the backup costs more than it saves, on average.")
    else:
        value_note = t.gettext("The backup exactly pays for itself.")
    break_even_text, break_even_note = _break_even(o, fmt, t)
    in_range = o.break_even if o.break_even_in_range else None
    rate, n = _rate(fmt, m.rate), _count(m.rate)
    return [
        Figure("net_value", t.gettext("Net yearly value of the backup"), o.net_value,
               fmt.money(o.net_value), value_note, _tone(o.net_value), headline=True),
        Figure("break_even", t.gettext("Break-even rate of disruptions"), in_range,
               break_even_text, break_even_note, headline=True),
        Figure("bad_year", t.gettext("Net value of the backup in a bad year"),
               o.bad_year_value, fmt.money(o.bad_year_value), _bad_year_note(o, fmt, t),
               _tone(o.bad_year_value), headline=True),
        Figure("expected_without", t.gettext("Expected yearly loss without a backup"),
               o.expected_without, fmt.money(o.expected_without),
               t.ngettext("{rate} disruption a year on average, each losing {loss}.",
                          "{rate} disruptions a year on average, each losing {loss}.", n,
                          rate=rate, loss=fmt.money(m.loss_without))),
        Figure("expected_with", t.gettext("Expected yearly cost with a backup"),
               o.expected_with, fmt.money(o.expected_with), _expected_with_note(o, fmt, t)),
    ]  # fmt: skip


def _bad_year_note(o: Outcome, fmt: Formatter, t: Text) -> str:
    pct = 100.0 * o.model.bad_year_level
    level = fmt.percent(pct, 0 if round(pct, 1).is_integer() else 1)
    years = _one_in(fmt, o.model.bad_year_level)
    if o.bad_year_count == 0:
        return t.gettext(
            "In a bad year (one in {years}, the {level} level of the Poisson count) no "
            "disruption comes: the backup only costs {cost}.",
            years=years, level=level, cost=fmt.money(o.model.yearly_cost),
        )  # fmt: skip
    return t.ngettext(
        "In a bad year (one in {years}, the {level} level of the Poisson count) {n} "
        "disruption comes: {without} lost without a backup, {with_backup} with one.",
        "In a bad year (one in {years}, the {level} level of the Poisson count) {n} "
        "disruptions come: {without} lost without a backup, {with_backup} with one.",
        o.bad_year_count, years=years, level=level, without=fmt.money(o.bad_year_without),
        with_backup=fmt.money(o.bad_year_with),
    )  # fmt: skip


def _expected_with_note(o: Outcome, fmt: Formatter, t: Text) -> str:
    m = o.model
    rate, loss, n = _rate(fmt, m.rate), fmt.money(m.loss_with), _count(m.rate)
    if m.qualification_cost == 0:
        return t.ngettext(
            "{rate} disruption a year on average, each losing {loss}, plus {backup} a year to "
            "keep the backup ready.",
            "{rate} disruptions a year on average, each losing {loss}, plus {backup} a year to "
            "keep the backup ready.",
            n, rate=rate, loss=loss, backup=fmt.money(m.backup_cost),
        )  # fmt: skip
    return t.ngettext(
        "{rate} disruption a year on average, each losing {loss}, plus {backup} a year to "
        "keep the backup ready and spread its qualification.",
        "{rate} disruptions a year on average, each losing {loss}, plus {backup} a year to "
        "keep the backup ready and spread its qualification.",
        n, rate=rate, loss=loss, backup=fmt.money(m.yearly_cost),
    )  # fmt: skip


def cost_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    m = o.model
    rate, years = _rate(fmt, m.rate), _one_in(fmt, m.bad_year_level)
    rows: list[list[float | str]] = [
        [t.gettext("Weeks short per disruption"), weeks_text(m.recovery_weeks, t),
         weeks_text(round(m.weeks_short_with, 1), t)],
        [t.gettext("Margin lost per disruption"), m.recovery_weeks * m.weekly_margin,
         m.weeks_short_with * m.weekly_margin],
        [t.gettext("Expediting and penalties per disruption"), m.disruption_costs,
         m.disruption_costs * m.short_share],
        [t.gettext("Price premium on the backup's volume per disruption"), 0.0,
         m.premium_cost],
        [t.gettext("Loss per disruption"), m.loss_without, m.loss_with],
        [t.gettext("Expected loss per year (at {rate} a year)", rate=rate), o.expected_without,
         m.rate * m.loss_with],
        [t.gettext("Keeping the backup ready, per year"), 0.0, m.backup_cost],
        [t.ngettext("Qualification spread over {n} year", "Qualification spread over {n} years",
                    m.qualification_years), 0.0, m.qualification_per_year],
        [t.gettext("Expected cost per year"), o.expected_without, o.expected_with],
        [t.gettext("Disruptions in a bad year (one in {years})", years=years),
         fmt.number(o.bad_year_count), fmt.number(o.bad_year_count)],
        [t.gettext("Cost in a bad year"), o.bad_year_without, o.bad_year_with],
    ]  # fmt: skip
    return Table(
        "per_disruption",
        t.gettext("Per disruption and per year"),
        [t.gettext("Item"), t.gettext("Without a backup"), t.gettext("With a backup")],
        rows,
        fmt.money,
    )


def rate_chart(o: Outcome, fmt: Formatter, currency: str, t: Text) -> LineChart:
    m, xs = o.model, o.chart_rates
    if o.break_even_in_range and o.break_even is not None:
        marker = Marker(o.break_even, t.gettext(
            "Break-even: {rate} a year", rate=_break_even_rate(fmt, o.break_even)))  # fmt: skip
    else:
        marker = Marker(None, t.gettext("No break-even up to {rate} a year",
                                        rate=_rate(fmt, RATE_MAX)))  # fmt: skip
    return LineChart(
        id="cost_by_rate",
        title=t.gettext("Expected cost per year against the rate of disruptions"),
        x_label=t.gettext("Disruptions per year"),
        y_label=t.gettext("Expected cost per year ({currency})", currency=currency),
        series=[
            Series("without", t.gettext("Without a backup"), xs,
                   [m.expected_without(x) for x in xs]),
            Series("with", t.gettext("With a backup"), xs, [m.expected_with(x) for x in xs]),
        ],
        marker=marker,
    )  # fmt: skip
