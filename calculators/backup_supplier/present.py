"""The backup-supplier result for readers: verdict, figures, the table and the chart.

One chart, whose two lines keep their series (and so their color) for one meaning each:
"without a backup" first, "with a backup" second. The expected costs at the reader's own
chance of a disruption are figures, not a second chart colored by which one is lower.
"""

from __future__ import annotations

from typing import Any

from ..core.format import Formatter
from ..core.results import Figure, LineChart, Marker, Series, Table, Tone, Verdict, result
from ..core.text import Text
from ..core.vocab import NEVER
from .fields import weeks_text
from .model import Outcome


def present(o: Outcome, currency: str, t: Text) -> dict[str, Any]:
    fmt = Formatter(t.locale, currency)
    break_even_pct = None if o.break_even is None else 100.0 * o.break_even
    return result(
        "backup_supplier",
        t.gettext("Backup supplier"),
        t.locale,
        verdict=verdict(o, fmt, t),
        figures=figures(o, fmt, t),
        tables=[cost_table(o, fmt, t)],
        charts=[probability_chart(o, fmt, currency, t)],
        values={
            "loss_without": o.model.loss_without,
            "loss_with": o.model.loss_with,
            "premium_cost": o.model.premium_cost,
            "yearly_cost": o.model.yearly_cost,
            "expected_without": o.expected_without,
            "expected_with": o.expected_with,
            "net_value": o.net_value,
            "break_even_pct": break_even_pct,
            "backup_pays": o.net_value > 0,
        },
    )


def _chance(fmt: Formatter, probability: float) -> str:
    """'15%', '12.5%': the chance as the reader typed it."""
    pct = 100 * probability
    return fmt.percent(pct, 0 if round(pct, 1).is_integer() else 1)


def _tone(net_value: float) -> Tone:
    return "good" if net_value > 0 else "bad" if net_value < 0 else "neutral"


def verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    chance = _chance(fmt, o.model.probability)
    if o.net_value > 0:
        text = t.gettext(
            "A backup supplier pays for itself: at a {chance} chance of a disruption it saves "
            "{amount} a year more than it costs, on average.",
            chance=chance,
            amount=fmt.money_rounded(o.net_value, t),
        )
    elif o.net_value < 0:
        text = t.gettext(
            "A backup supplier does not pay for itself: at a {chance} chance of a disruption "
            "it costs {amount} a year more than it saves, on average.",
            chance=chance,
            amount=fmt.money_rounded(-o.net_value, t),
        )
    else:
        text = t.gettext(
            "A backup supplier exactly pays for itself at a {chance} chance of a disruption.",
            chance=chance,
        )
    return Verdict(text, _tone(o.net_value))


def figures(o: Outcome, fmt: Formatter, t: Text) -> list[Figure]:
    m = o.model
    chance = _chance(fmt, m.probability)
    if o.net_value > 0:
        value_note = t.gettext(
            "The backup pays for itself: it saves more than it costs, on average."
        )
    elif o.net_value < 0:
        value_note = t.gettext("On these numbers the backup costs more than it saves, on average.")
    else:
        value_note = t.gettext("The backup exactly pays for itself.")
    if o.break_even is None and o.saved_per_disruption < 0:
        break_even_text = t.gettext(NEVER)
        break_even_note = t.gettext(
            "The backup's price premium costs more per disruption than the shorter outage saves."
        )
    elif o.break_even is None:
        break_even_text = t.gettext(NEVER)
        break_even_note = t.gettext(
            "A disruption costs as much with the backup as without it, so the backup saves "
            "nothing when one comes."
        )
    elif not o.break_even_in_range:
        break_even_text = t.gettext(NEVER)
        break_even_note = t.gettext(
            "Even a disruption every year would not pay for it: the backup costs more a year "
            "than the {saved} it saves per disruption.",
            saved=fmt.money(o.saved_per_disruption),
        )
    elif o.break_even == 0:
        break_even_text = fmt.percent(0.0)
        break_even_note = t.gettext(
            "The backup costs nothing to keep, so it pays at any chance of a disruption."
        )
    else:
        break_even_text = fmt.percent(100.0 * o.break_even)
        break_even_note = t.gettext(
            "Above this yearly chance (a disruption more often than once in {years} years) "
            "the backup pays for itself.",
            years=fmt.number(1.0 / o.break_even, 1),
        )
    in_range = o.break_even if o.break_even_in_range else None
    return [
        Figure("net_value", t.gettext("Net yearly value of the backup"), o.net_value,
               fmt.money(o.net_value), value_note, _tone(o.net_value), headline=True),
        Figure("break_even", t.gettext("Break-even chance of a disruption"),
               None if in_range is None else 100.0 * in_range, break_even_text,
               break_even_note, headline=True),
        Figure("expected_without", t.gettext("Expected yearly loss without a backup"),
               o.expected_without, fmt.money(o.expected_without),
               t.gettext("A {p} chance of losing {loss} per disruption.", p=chance,
                         loss=fmt.money(m.loss_without))),
        Figure("expected_with", t.gettext("Expected yearly cost with a backup"),
               o.expected_with, fmt.money(o.expected_with), _expected_with_note(o, fmt, t)),
    ]  # fmt: skip


def _expected_with_note(o: Outcome, fmt: Formatter, t: Text) -> str:
    m = o.model
    chance, loss = _chance(fmt, m.probability), fmt.money(m.loss_with)
    if m.qualification_cost == 0:
        return t.gettext("A {p} chance of losing {loss} per disruption, plus {backup} a year "
                         "to keep the backup ready.", p=chance, loss=loss,
                         backup=fmt.money(m.backup_cost))  # fmt: skip
    return t.ngettext(
        "A {p} chance of losing {loss} per disruption, plus {backup} a year to keep the "
        "backup ready and its qualification spread over {n} year.",
        "A {p} chance of losing {loss} per disruption, plus {backup} a year to keep the "
        "backup ready and its qualification spread over {n} years.",
        m.qualification_years,
        p=chance,
        loss=loss,
        backup=fmt.money(m.yearly_cost),
    )


def cost_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    m = o.model
    chance = _chance(fmt, m.probability)
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
        [t.gettext("Expected loss per year ({p} chance)", p=chance), o.expected_without,
         m.probability * m.loss_with],
        [t.gettext("Keeping the backup ready, per year"), 0.0, m.backup_cost],
        [t.ngettext("Qualification spread over {n} year", "Qualification spread over {n} years",
                    m.qualification_years), 0.0, m.qualification_per_year],
        [t.gettext("Expected cost per year"), o.expected_without, o.expected_with],
    ]  # fmt: skip
    return Table(
        "per_disruption",
        t.gettext("Per disruption and per year"),
        [t.gettext("Item"), t.gettext("Without a backup"), t.gettext("With a backup")],
        rows,
        fmt.money,
    )


def probability_chart(o: Outcome, fmt: Formatter, currency: str, t: Text) -> LineChart:
    m, xs = o.model, o.chart_pcts
    if o.break_even_in_range and o.break_even is not None:
        marker = Marker(100.0 * o.break_even, t.gettext(
            "Break-even: {p}", p=fmt.percent(100.0 * o.break_even)))  # fmt: skip
    else:
        marker = Marker(None, t.gettext("No break-even below 100%"))
    return LineChart(
        id="cost_by_probability",
        title=t.gettext("Expected cost per year against the chance of a disruption"),
        x_label=t.gettext("Chance of a disruption in a year (%)"),
        y_label=t.gettext("Expected cost per year ({currency})", currency=currency),
        series=[
            Series("without", t.gettext("Without a backup"), xs,
                   [m.expected_without(x / 100.0) for x in xs]),
            Series("with", t.gettext("With a backup"), xs,
                   [m.expected_with(x / 100.0) for x in xs]),
        ],
        marker=marker,
    )  # fmt: skip
