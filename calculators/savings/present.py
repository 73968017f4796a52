"""The savings result for readers: verdict, figures, the yearly table and the chart."""

from __future__ import annotations

from typing import Any

from ..core.format import Formatter
from ..core.results import Figure, LineChart, Marker, Series, Table, Tone, Verdict, result
from ..core.text import Text
from ..core.vocab import NONE, NOT_APPLICABLE
from .fields import FIELDS
from .model import Outcome, discount_divisors

_PRICE_LIMITS = {f.name: f.maximum for f in FIELDS}


def present(o: Outcome, currency: str, t: Text, vendor_currency: str = "same") -> dict[str, Any]:
    fmt = Formatter(t.locale, currency)
    tone: Tone = "good" if o.savings > 0 else "bad" if o.savings < 0 else "neutral"
    return result(
        "savings",
        t.gettext("Savings and total cost of ownership"),
        t.locale,
        verdict=verdict(o, fmt, t),
        figures=figures(o, fmt, t, tone, vendor_currency),
        tables=[yearly_table(o, fmt, t)],
        charts=[cumulative_chart(o, currency, t)],
        values={
            "total_in_house": o.total_in_house,
            "total_outsourced": o.total_outsourced,
            "savings": o.savings,
            "savings_pct": o.savings_pct,
            "npv": o.npv,
            "payback_month": o.payback,
            "discounted_payback_month": o.discounted_payback,
            "irr": o.irr,
            "profitability_index": o.profitability_index,
            "flip_price": o.flip_price,
            "one_off_cost": o.timeline.one_off,
            "cash_flows": o.cash_flows,
            "in_house_by_year": o.in_house_years,
            "outsourced_by_year": o.outsourced_years,
        },
    )


def verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    years = o.model.horizon_years
    if o.savings <= 0:
        return Verdict(
            t.ngettext(
                "Outsourcing costs {amount} more than keeping the work in-house over {n} year.",
                "Outsourcing costs {amount} more than keeping the work in-house over {n} years.",
                years,
                amount=fmt.money_rounded(-o.savings, t),
            )
            if o.savings < 0
            else t.gettext("Outsourcing costs the same as keeping the work in-house."),
            "bad" if o.savings < 0 else "neutral",
        )
    if o.payback == 0:
        text = t.ngettext(
            "Outsourcing saves {amount} over {n} year and pays back from the start.",
            "Outsourcing saves {amount} over {n} years and pays back from the start.",
            years,
            amount=fmt.money_rounded(o.savings, t),
        )
    elif o.payback is not None:
        text = t.ngettext(
            "Outsourcing saves {amount} over {n} year and pays back in month {month}.",
            "Outsourcing saves {amount} over {n} years and pays back in month {month}.",
            years,
            amount=fmt.money_rounded(o.savings, t),
            month=o.payback,
        )
    else:  # saves in total, yet falls behind again before the end (an exit cost, say)
        text = t.ngettext(
            "Outsourcing saves {amount} over {n} year, but the savings do not stay ahead "
            "of its costs to the end.",
            "Outsourcing saves {amount} over {n} years, but the savings do not stay ahead "
            "of its costs to the end.",
            years,
            amount=fmt.money_rounded(o.savings, t),
        )
    return Verdict(text, "good")


def figures(
    o: Outcome, fmt: Formatter, t: Text, tone: Tone, vendor_currency: str = "same"
) -> list[Figure]:
    m = o.model
    years = m.horizon_years
    na = t.gettext(NOT_APPLICABLE)
    if o.payback is None:
        payback_text = t.ngettext("not within {n} year", "not within {n} years", years)
        payback_note = t.gettext("Cumulative savings never stay above the one-off costs.")
    else:
        payback_text = (
            t.gettext("from the start")
            if o.payback == 0
            else t.gettext("month {month}", month=o.payback)
        )
        payback_note = t.gettext(
            "From this month on, cumulative savings stay above the one-off costs to the end "
            "of the horizon."
        )
    field = "unit_price" if m.per_unit else "vendor_fte_price"
    # The break-even price is in the vendor's currency, like the price it is compared with.
    vendor_fmt = Formatter(t.locale, vendor_currency) if vendor_currency != "same" else fmt
    limit = _PRICE_LIMITS[field]
    if o.flip_price is None:
        flip_text = t.gettext(NONE)
    elif limit is not None and o.flip_price > limit:
        flip_text = t.gettext("beyond the range this calculator models")
    else:
        flip_text = vendor_fmt.money(o.flip_price, 2)
    flip_note = (
        t.gettext(
            "Above this per-unit price, outsourcing costs more than it saves (NPV below zero)."
        )
        if m.per_unit
        else t.gettext(
            "Above this per-FTE-month price, outsourcing costs more than it saves (NPV below zero)."
        )
    )
    npv_tone: Tone = "good" if o.npv > 0 else "bad" if o.npv < 0 else "neutral"
    return [
        Figure("savings", t.gettext("Total savings"), o.savings, fmt.money(o.savings),
               t.ngettext("In-house {in_house} against outsourced {outsourced} over {n} year.",
                          "In-house {in_house} against outsourced {outsourced} over {n} years.",
                          years, in_house=fmt.money(o.total_in_house),
                          outsourced=fmt.money(o.total_outsourced)),
               tone, headline=True),
        Figure("savings_pct", t.gettext("Savings"), o.savings_pct,
               fmt.percent(o.savings_pct) if o.savings_pct is not None else na,
               t.gettext("of the in-house cost over the horizon."), tone),
        Figure("npv", t.gettext("Net present value of outsourcing"), o.npv, fmt.money(o.npv),
               t.gettext("Savings discounted at {rate}; positive means outsourcing pays.",
                         rate=fmt.percent(100 * m.discount_rate)),
               npv_tone, headline=True),
        irr_figure(o, fmt, t),
        Figure("payback_month", t.gettext("Payback"), o.payback, payback_text, payback_note,
               "good" if o.payback is not None else "bad", headline=True),
        discounted_payback_figure(o, t),
        profitability_figure(o, fmt, t, npv_tone),
        Figure("flip_price", t.gettext("Break-even vendor price"), o.flip_price, flip_text,
               flip_note),
    ]  # fmt: skip


def irr_figure(o: Outcome, fmt: Formatter, t: Text) -> Figure:
    if o.irr is None:
        return Figure("irr", t.gettext("Internal rate of return"), None, t.gettext(NOT_APPLICABLE),
                      t.gettext("There is no single rate at which the net present value is zero: "
                                "the yearly cash flows do not turn from costs to savings exactly "
                                "once."), "neutral")  # fmt: skip
    tone: Tone = "good" if o.irr > o.model.discount_rate else "bad"
    return Figure("irr", t.gettext("Internal rate of return"), o.irr, fmt.percent(100 * o.irr, 0),
                  t.gettext("The discount rate at which the net present value is zero (cash "
                            "flows at the end of each year); compare it with your {rate}.",
                            rate=fmt.percent(100 * o.model.discount_rate)),
                  tone)  # fmt: skip


def discounted_payback_figure(o: Outcome, t: Text) -> Figure:
    years = o.model.horizon_years
    if o.discounted_payback is None:
        text = t.ngettext("not within {n} year", "not within {n} years", years)
    elif o.discounted_payback == 0:
        text = t.gettext("from the start")
    else:
        text = t.gettext("month {month}", month=o.discounted_payback)
    note = (
        t.gettext("As payback, with each year's savings discounted from the middle of the year.")
        if o.model.mid_year
        else t.gettext("As payback, with each year's savings discounted from the end of the year.")
    )
    tone: Tone = "good" if o.discounted_payback is not None else "bad"
    return Figure("discounted_payback_month", t.gettext("Discounted payback"),
                  o.discounted_payback, text, note, tone)  # fmt: skip


def profitability_figure(o: Outcome, fmt: Formatter, t: Text, tone: Tone) -> Figure:
    index = o.profitability_index
    one_off = fmt.money(o.timeline.one_off)
    if index is None:
        return Figure("profitability_index", t.gettext("Profitability index"), None,
                      t.gettext(NOT_APPLICABLE),
                      t.gettext("There are no one-off costs to divide by."), "neutral")  # fmt: skip
    return Figure("profitability_index", t.gettext("Profitability index"), index,
                  fmt.number(index, 2),
                  t.gettext("Present value of the savings per unit of one-off costs ({one_off}); "
                            "above 1 means they pay for themselves.", one_off=one_off),
                  tone)  # fmt: skip


def yearly_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    one_off = o.timeline.one_off
    divisors = discount_divisors(o.model)
    rows: list[list[float | str]] = [
        [t.gettext("Start (one-off)"), 0.0, one_off, -one_off, -one_off, -one_off]
    ]
    cumulative = -one_off
    for year, saved in enumerate(o.savings_years):
        cumulative += saved
        rows.append([str(year + 1), o.in_house_years[year], o.outsourced_years[year], saved,
                     cumulative, saved / divisors[year]])  # fmt: skip
    columns = [t.gettext("Year"), t.gettext("In-house"), t.gettext("Outsourced"),
               t.gettext("Savings"), t.gettext("Cumulative savings"),
               t.gettext("Discounted savings")]  # fmt: skip
    return Table("yearly", t.gettext("Cost by year"), columns, rows, fmt.money)


def cumulative_chart(o: Outcome, currency: str, t: Text) -> LineChart:
    cum_in, cum_out = [0.0], [o.timeline.one_off]
    for inside, outside in zip(o.timeline.in_house, o.timeline.outsourced, strict=True):
        cum_in.append(cum_in[-1] + inside)
        cum_out.append(cum_out[-1] + outside)
    months = list(range(len(cum_in)))
    if o.payback is None:
        marker = Marker(None, t.gettext("No break-even within the horizon"))
    elif o.payback == 0:  # 0 is a month like any other, not "no payback"
        marker = Marker(0, t.gettext("Break-even from the start"))
    else:
        marker = Marker(o.payback, t.gettext("Break-even, month {month}", month=o.payback))
    return LineChart(
        id="cumulative",
        title=t.gettext("Cumulative cost, in-house against outsourced"),
        x_label=t.gettext("Month"),
        y_label=t.gettext("Cumulative cost ({currency})", currency=currency),
        series=[
            Series("in_house", t.gettext("In-house"), months, cum_in),
            Series("outsourced", t.gettext("Outsourced"), months, cum_out),
        ],
        marker=marker,
    )
