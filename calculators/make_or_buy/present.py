"""The make-or-buy result for readers: verdict, figures, the two tables and the chart."""

from __future__ import annotations

from typing import Any

from ..core.format import Formatter
from ..core.results import Figure, LineChart, Marker, Series, Table, Verdict, result
from ..core.text import Text
from ..core.vocab import NEVER, NONE
from .model import Option, Outcome
from .years import Horizon


def present(o: Outcome, h: Horizon, currency: str, t: Text) -> dict[str, Any]:
    fmt = Formatter(t.locale, currency)
    return result(
        "make_or_buy",
        t.gettext("Make or buy"),
        t.locale,
        verdict=verdict(o, h, fmt, t),
        figures=[*figures(o, fmt, t), horizon_figure(o, h, fmt, t)],
        tables=[breakdown_table(o, fmt, t), volume_table(o, fmt, t), years_table(o, h, fmt, t)],
        # The volume chart stays first: the guide's figure draws it.
        charts=[cost_chart(o, fmt, currency, t), years_chart(h, currency, t)],
        values={
            "make_total": o.make_total,
            "buy_total": o.buy_total,
            "make_per_unit": o.make_per_unit,
            "buy_per_unit": o.model.buy_per_unit,
            "customs_value": o.model.customs_value,
            "duty_per_unit": o.model.duty_per_unit,
            "setup_per_year": o.model.setup_per_year,
            "fixed_per_year": o.model.fixed_per_year,
            "break_even_volume": o.break_even,
            "break_even_in_range": o.break_even_in_range,
            "cheaper": o.cheaper,
            "difference": o.difference,
            "by_volume": [
                {"share": r.share, "volume": r.volume, "make": r.make, "buy": r.buy,
                 "cheaper": r.cheaper}
                for r in o.by_volume
            ],
            "horizon_years": o.model.horizon_years,
            "horizon_make_pv": h.make_pv,
            "horizon_buy_pv": h.buy_pv,
            "horizon_difference": h.difference,
            "horizon_cheaper": h.cheaper,
            "by_year": [
                {"year": y.year, "make": y.make, "buy": y.buy, "cheaper": y.cheaper}
                for y in h.years
            ],
        },
    )  # fmt: skip


def money(fmt: Formatter, amount: float) -> str:
    """Whole units for totals, cents for per-unit amounts."""
    return fmt.money(amount, 2 if abs(amount) < 1000 else 0)


def units_a_year(fmt: Formatter, t: Text, volume: float) -> str:
    return t.ngettext("{volume} unit a year", "{volume} units a year", round(volume),
                      volume=fmt.number(volume))  # fmt: skip


def option_name(option: Option, t: Text) -> str:
    return {
        "make": t.gettext("Making"),
        "buy": t.gettext("Buying"),
        "equal": t.gettext("Equal"),
    }[option]


def rate_text(fmt: Formatter, rate: float) -> str:
    """A rate as a percentage, with one decimal only where it needs one."""
    return fmt.percent(100 * rate, 0 if round(100 * rate, 1).is_integer() else 1)


def verdict(o: Outcome, h: Horizon, fmt: Formatter, t: Text) -> Verdict:
    first = year_verdict(o, fmt, t)
    if h.cheaper == o.cheaper:
        return first
    # Escalation (or learning) turns the answer round over the years: say both.
    return Verdict(f"{first.text} {horizon_sentence(o, h, fmt, t)}")


def horizon_sentence(o: Outcome, h: Horizon, fmt: Formatter, t: Text) -> str:
    n, gap = o.model.horizon_years, abs(h.difference)
    amount = money(fmt, gap) if gap < 1000 else fmt.money_rounded(gap, t)
    if h.cheaper == "make":
        return t.ngettext(
            "Over {n} year, discounted at the cost of capital, making is cheaper by {amount}.",
            "Over {n} years, discounted at the cost of capital, making is cheaper by {amount}.",
            n, amount=amount)  # fmt: skip
    if h.cheaper == "buy":
        return t.ngettext(
            "Over {n} year, discounted at the cost of capital, buying is cheaper by {amount}.",
            "Over {n} years, discounted at the cost of capital, buying is cheaper by {amount}.",
            n, amount=amount)  # fmt: skip
    return t.ngettext(
        "Over {n} year, discounted at the cost of capital, both cost the same.",
        "Over {n} years, discounted at the cost of capital, both cost the same.", n)  # fmt: skip


def year_verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    if o.model.same_everywhere:
        return Verdict(t.gettext("Making and buying cost the same at every volume."))
    volume, n = fmt.number(o.model.volume), round(o.model.volume)
    gap = abs(o.difference)
    amount = money(fmt, gap) if gap < 1000 else fmt.money_rounded(gap, t)
    if o.cheaper == "make":
        text = t.ngettext("Making is cheaper by {amount} a year at {volume} unit a year.",
                          "Making is cheaper by {amount} a year at {volume} units a year.",
                          n, amount=amount, volume=volume)  # fmt: skip
    elif o.cheaper == "buy":
        text = t.ngettext("Buying is cheaper by {amount} a year at {volume} unit a year.",
                          "Buying is cheaper by {amount} a year at {volume} units a year.",
                          n, amount=amount, volume=volume)  # fmt: skip
    else:
        text = t.ngettext("Making and buying cost the same at {volume} unit a year.",
                          "Making and buying cost the same at {volume} units a year.",
                          n, volume=volume)  # fmt: skip
    return Verdict(text)


def figures(o: Outcome, fmt: Formatter, t: Text) -> list[Figure]:
    m = o.model
    amount = money(fmt, abs(o.difference))
    if o.cheaper == "make":
        cheaper_text = t.gettext("Making, by {amount} a year", amount=amount)
    elif o.cheaper == "buy":
        cheaper_text = t.gettext("Buying, by {amount} a year", amount=amount)
    else:
        cheaper_text = t.gettext("Neither: both cost the same")
    break_even_text, break_even_note = _break_even(o, fmt, t)
    return [
        Figure("cheaper", t.gettext("Cheaper at the planned volume"), o.difference,
               cheaper_text,
               t.gettext("Comparing the first year's totals at {volume}.",
                         volume=units_a_year(fmt, t, m.volume)) if m.years_differ
               else t.gettext("Comparing the yearly totals at {volume}.",
                              volume=units_a_year(fmt, t, m.volume)),
               headline=True),
        Figure("break_even", t.gettext("Break-even volume"),
               o.break_even if o.break_even_in_range else None, break_even_text,
               break_even_note, headline=True),
        Figure("make_total", t.gettext("Cost of making, per year"), o.make_total,
               money(fmt, o.make_total),
               t.gettext("Fixed {fixed} (set-up share and yearly fixed costs) plus variable "
                         "{variable}.", fixed=money(fmt, m.fixed_per_year),
                         variable=money(fmt, m.make_variable * m.volume))),
        Figure("buy_total", t.gettext("Cost of buying, per year"), o.buy_total,
               money(fmt, o.buy_total),
               t.gettext("Price, duty, transport, replacement of defective units and "
                         "lead-time cost.")),
        Figure("make_per_unit", t.gettext("Cost per unit made"), o.make_per_unit,
               money(fmt, o.make_per_unit),
               t.gettext("Falls as volume grows: more units share the fixed cost.")),
        Figure("buy_per_unit", t.gettext("Landed cost per unit bought"), m.buy_per_unit,
               money(fmt, m.buy_per_unit), t.gettext("The same at every volume.")),
    ]  # fmt: skip


def _break_even(o: Outcome, fmt: Formatter, t: Text) -> tuple[str, str]:
    """The break-even figure's text and note."""
    if o.model.same_everywhere:
        return t.gettext(NONE), t.gettext("Both cost the same at every volume.")
    if o.break_even is None:
        return t.gettext(NEVER), t.gettext(
            "Buying costs no more per unit than making's variable cost, so making never "
            "catches up, whatever the volume."
        )
    if not o.break_even_in_range:
        return t.gettext("beyond the range this calculator models"), t.gettext(
            "Making would catch up only above the largest volume this calculator models; "
            "below it, buying is cheaper."
        )
    if o.break_even == 0:
        return units_a_year(fmt, t, 0), t.gettext(
            "Making has no fixed cost and costs less per unit, so it is cheaper at any volume."
        )
    return units_a_year(fmt, t, o.break_even), t.gettext(
        "Above this volume making is cheaper; below it, buying is."
    )


def breakdown_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    m, volume = o.model, o.model.volume
    rows: list[list[float | str]] = [
        [_setup_row(m.setup_years, m.capital_rate, fmt, t), m.setup_per_year / volume,
         m.setup_per_year],
        [t.gettext("Making: yearly fixed cost"), m.make_fixed / volume, m.make_fixed],
        [t.gettext("Making: variable cost"), m.make_variable, m.make_variable * volume],
        [t.gettext("Making, total"), o.make_per_unit, o.make_total],
        [t.gettext("Buying: purchase price"), m.buy_price, m.buy_price * volume],
        [t.gettext("Buying: duty on the price plus transport (CIF)") if m.duty_on_freight
         else t.gettext("Buying: duty on the price (FOB)"), m.duty_per_unit,
         m.duty_per_unit * volume],
        [t.gettext("Buying: transport"), m.transport, m.transport * volume],
        [t.gettext("Buying: replacing defective units"), m.replacement_per_unit,
         m.replacement_per_unit * volume],
        [t.gettext("Buying: lead-time cost"), m.lead_time_cost, m.lead_time_cost * volume],
        [t.gettext("Buying, total"), m.buy_per_unit, o.buy_total],
    ]  # fmt: skip
    return Table(
        "breakdown",
        t.gettext("Where the costs come from, at {volume}", volume=units_a_year(fmt, t, volume)),
        [t.gettext("Cost item"), t.gettext("Per unit"), t.gettext("Per year")],
        rows,
        lambda amount: money(fmt, amount),
    )


def _setup_row(years: int, rate: float, fmt: Formatter, t: Text) -> str:
    if rate == 0:
        return t.ngettext("Making: set-up, spread over {n} year",
                          "Making: set-up, spread over {n} years", years)  # fmt: skip
    return t.ngettext("Making: set-up, repaid over {n} year at {rate} interest",
                      "Making: set-up, repaid over {n} years at {rate} interest", years,
                      rate=rate_text(fmt, rate))  # fmt: skip


def volume_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    rows: list[list[float | str]] = [
        [t.ngettext("{share} ({volume} unit)", "{share} ({volume} units)", round(r.volume),
                    share=fmt.percent(100 * r.share, 0), volume=fmt.number(r.volume)),
         r.make, r.buy, abs(r.buy - r.make), option_name(r.cheaper, t)]
        for r in o.by_volume
    ]  # fmt: skip
    return Table(
        "by_volume",
        t.gettext("How the answer moves with volume"),
        [t.gettext("Share of planned volume"), t.gettext("Making"), t.gettext("Buying"),
         t.gettext("Cheaper by"), t.gettext("Cheaper option")],
        rows,
        lambda amount: money(fmt, amount),
    )  # fmt: skip


def cost_chart(o: Outcome, fmt: Formatter, currency: str, t: Text) -> LineChart:
    m, xs = o.model, o.chart_volumes
    if m.same_everywhere:  # the lines lie on each other; no side is cheaper
        marker = Marker(None, t.gettext("No break-even: both cost the same at every volume"))
    elif o.break_even is None:
        marker = Marker(None, t.gettext("No break-even: buying is cheaper at every volume"))
    elif not o.break_even_in_range:
        marker = Marker(None, t.gettext("Break-even beyond the range this calculator models"))
    else:
        marker = Marker(o.break_even, t.ngettext(
            "Break-even: {volume} unit", "Break-even: {volume} units", round(o.break_even),
            volume=fmt.number(o.break_even)))  # fmt: skip
    return LineChart(
        id="cost_by_volume",
        title=t.gettext("Cost per year against volume, making and buying"),
        x_label=t.gettext("Volume (units a year)"),
        y_label=t.gettext("Cost per year ({currency})", currency=currency),
        series=[
            Series("make", t.gettext("Making"), xs, [m.make_total(x) for x in xs]),
            Series("buy", t.gettext("Buying"), xs, [m.buy_total(x) for x in xs]),
        ],
        marker=marker,
    )


def horizon_figure(o: Outcome, h: Horizon, fmt: Formatter, t: Text) -> Figure:
    m, amount = o.model, money(fmt, abs(h.difference))
    if h.cheaper == "make":
        text = t.gettext("Making, by {amount}", amount=amount)
    elif h.cheaper == "buy":
        text = t.gettext("Buying, by {amount}", amount=amount)
    else:
        text = t.gettext("Neither: both cost the same")
    return Figure(
        "horizon",
        t.ngettext("Cheaper over {n} year, discounted", "Cheaper over {n} years, discounted",
                   m.horizon_years),
        h.difference,
        text,
        t.gettext("Present values at {rate} a year: making {make}, buying {buy}.",
                  rate=rate_text(fmt, m.capital_rate), make=money(fmt, h.make_pv),
                  buy=money(fmt, h.buy_pv)),
        headline=True,
    )  # fmt: skip


def years_table(o: Outcome, h: Horizon, fmt: Formatter, t: Text) -> Table:
    rows: list[list[float | str]] = [
        [t.gettext("Year {year}", year=y.year), y.make, y.buy, abs(y.buy - y.make),
         option_name(y.cheaper, t)]
        for y in h.years
    ]  # fmt: skip
    rows.append(
        [t.gettext("Total, discounted at {rate} a year", rate=rate_text(fmt, o.model.capital_rate)),
         h.make_pv, h.buy_pv, abs(h.difference), option_name(h.cheaper, t)]
    )  # fmt: skip
    return Table(
        "by_year",
        t.gettext("Year by year, at the planned volume"),
        [t.gettext("Year"), t.gettext("Making"), t.gettext("Buying"), t.gettext("Cheaper by"),
         t.gettext("Cheaper option")],
        rows,
        lambda amount: money(fmt, amount),
    )  # fmt: skip


def years_chart(h: Horizon, currency: str, t: Text) -> LineChart:
    xs = list(range(len(h.make_cumulative)))
    return LineChart(
        id="cost_over_years",
        title=t.gettext("Cumulative cost over the years, discounted, making and buying"),
        x_label=t.gettext("Year"),
        y_label=t.gettext("Cumulative present value ({currency})", currency=currency),
        series=[
            Series("make", t.gettext("Making"), xs, h.make_cumulative),
            Series("buy", t.gettext("Buying"), xs, h.buy_cumulative),
        ],
    )
