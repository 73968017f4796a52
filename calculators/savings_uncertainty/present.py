"""Savings under uncertainty for readers: the verdict, the spread of the simulated NPVs, the
histogram, the tornado and the switching values."""

from __future__ import annotations

from typing import Any

from ..core.format import Formatter
from ..core.results import (
    Bar,
    BarsChart,
    Column,
    ColumnMarker,
    ColumnsChart,
    Figure,
    LineChart,
    Marker,
    Reference,
    Series,
    Table,
    Tone,
    Verdict,
    result,
)
from ..core.text import Text
from ..core.vocab import NONE
from .fields import FTE_INPUTS, PERCENT_INPUTS, UNCERTAIN, short_name
from .model import Outcome, Sensitivity, Switching, inside_range, reach


def present(o: Outcome, currency: str, t: Text) -> dict[str, Any]:
    fmt = Formatter(t.locale, currency)
    top = o.tornado[0]
    sensitive = top.swing > 0.0
    return result(
        "savings_uncertainty",
        t.gettext("Savings under uncertainty"),
        t.locale,
        verdict=verdict(o, fmt, t),
        figures=figures(o, fmt, t),
        tables=[sensitivity_table(o, fmt, t), switching_table(o, fmt, t)],
        charts=[histogram_chart(o, fmt, currency, t), s_curve_chart(o, fmt, currency, t),
                tornado_chart(o, fmt, currency, t)],
        values={
            "seed": o.seed,
            "draws": o.draws,
            "p10": o.p10,
            "p50": o.p50,
            "p90": o.p90,
            "mean": o.run.mean,
            "min": o.run.npvs[0],
            "max": o.run.npvs[-1],
            "loss_probability": o.run.loss_probability,
            "likely_npv": o.likely_npv,
            "distributions": dict(zip(UNCERTAIN, o.kinds, strict=True)),
            "correlation": {"first": list(UNCERTAIN)[o.pair.first],
                            "second": list(UNCERTAIN)[o.pair.second],
                            "rank_correlation": o.pair.spearman},
            "most_sensitive": top.name if sensitive else None,
            "histogram": {"edges": o.bins.edges, "counts": o.bins.counts},
            "sensitivity": [
                {"input": s.name, "p10": s.p10, "p90": s.p90, "npv_p10": s.npv_p10,
                 "npv_p90": s.npv_p90, "swing": s.swing} for s in o.tornado
            ],
            "switching": [
                {"input": s.name, "likely": s.likely, "value": s.value,
                 "change": None if s.value is None else s.value - s.likely,
                 "inside_range": inside_range(s, low, high), "bounds": list(s.bounds)}
                for s, (low, _, high) in zip(o.switching, o.ranges, strict=True)
            ],
        },
    )  # fmt: skip


def _tone(amount: float) -> Tone:
    return "good" if amount > 0 else "bad" if amount < 0 else "neutral"


def _share(fraction: float, fmt: Formatter) -> str:
    """A share of the draws, whole percent unless that would read as all or none of them."""
    text = fmt.percent(100.0 * fraction, 0)
    if 0.0 < fraction < 1.0 and round(100.0 * fraction) in (0, 100):
        return fmt.percent(100.0 * fraction, 1)
    return text


def verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    loss = o.run.loss_probability
    draws = fmt.number(o.draws)
    median = fmt.money_rounded(o.p50, t)
    if loss >= 0.5:
        text = t.ngettext(
            "Outsourcing loses money in {share} of {draws} simulated case; the median net "
            "present value is {median}.",
            "Outsourcing loses money in {share} of {draws} simulated cases; the median net "
            "present value is {median}.",
            o.draws, share=_share(loss, fmt), draws=draws, median=median,
        )  # fmt: skip
        return Verdict(text, "bad")
    text = t.ngettext(
        "Outsourcing pays in {share} of {draws} simulated case; the median net present value "
        "is {median}.",
        "Outsourcing pays in {share} of {draws} simulated cases; the median net present value "
        "is {median}.",
        o.draws, share=_share(1.0 - loss, fmt), draws=draws, median=median,
    )  # fmt: skip
    # More than one chance in ten of a loss is a real risk, not a comfortable win.
    return Verdict(text, "good" if loss <= 0.1 else "neutral")


def figures(o: Outcome, fmt: Formatter, t: Text) -> list[Figure]:
    top = o.tornado[0]
    sensitive = top.swing > 0.0
    loss = o.run.loss_probability
    loss_tone: Tone = "good" if loss <= 0.1 else "bad" if loss >= 0.5 else "neutral"
    return [
        Figure("p50", t.gettext("Median NPV (P50)"), o.p50, fmt.money(o.p50),
               t.gettext("Half of the {draws} simulated outcomes are above this, half below. "
                         "Mean: {mean}.", draws=fmt.number(o.draws), mean=fmt.money(o.run.mean)),
               _tone(o.p50), headline=True),
        Figure("p10_p90", t.gettext("Likely range of NPV (P10 to P90)"), o.p90 - o.p10,
               t.gettext("{low} to {high}", low=fmt.money(o.p10), high=fmt.money(o.p90)),
               t.gettext("Eight in ten simulated outcomes fall in this range."),
               "bad" if o.p10 < 0 else "good", headline=True),
        Figure("loss_probability", t.gettext("Chance that outsourcing loses money"),
               100.0 * loss, fmt.percent(100.0 * loss),
               t.gettext("Share of the draws whose NPV is below zero."), loss_tone,
               headline=True),
        Figure("likely_npv", t.gettext("NPV with every input at its likely value"),
               o.likely_npv, fmt.money(o.likely_npv),
               t.gettext("What the savings calculator shows for the same numbers."),
               _tone(o.likely_npv)),
        Figure("most_sensitive", t.gettext("Most sensitive input"),
               top.swing if sensitive else None,
               t.gettext(short_name(top.name)) if sensitive else t.gettext(NONE),
               t.gettext("From its P10 to its P90, the NPV moves from {low} to {high}.",
                         low=fmt.money(top.npv_p10), high=fmt.money(top.npv_p90))
               if sensitive
               else t.gettext("Every range is a single value: nothing moves the NPV.")),
    ]  # fmt: skip


def histogram_chart(o: Outcome, fmt: Formatter, currency: str, t: Text) -> ColumnsChart:
    columns = []
    edges = o.bins.edges
    for low, high, n in zip(edges, edges[1:], o.bins.counts, strict=False):
        share = 100.0 * n / o.draws
        columns.append(Column(
            t.gettext("{low} to {high}", low=fmt.money(low), high=fmt.money(high)),
            share,
            t.gettext("{share} of draws ({count})", share=fmt.percent(share),
                      count=fmt.number(n)),
            "bad" if high <= 0.0 and low < 0.0 else "good",
        ))  # fmt: skip
    several = len(o.bins.counts) > 1
    median = t.gettext("Median {value}", value=fmt.money(o.p50))
    return ColumnsChart(
        id="histogram",
        title=t.gettext("How the simulated NPVs are spread"),
        x_label=t.gettext("Net present value ({currency})", currency=currency),
        y_label=t.gettext("Share of draws (%)"),
        columns=columns,
        edges=edges if several else (),
        marker=ColumnMarker(median, x=o.p50) if several else ColumnMarker(median, index=0),
    )


def s_curve_chart(o: Outcome, fmt: Formatter, currency: str, t: Text) -> LineChart:
    """The cumulative (S-curve) chart: for each NPV, the share of draws at or below it; the
    marker at zero, where the curve's height is the chance of a loss."""
    npvs = [x for x, _ in o.curve]
    loss = _share(o.run.loss_probability, fmt)
    zero = t.gettext("Zero NPV: {share} of the draws lie below it", share=loss)
    return LineChart(
        id="s_curve",
        title=t.gettext("Chance that the NPV is at or below each value (S-curve)"),
        x_label=t.gettext("Net present value ({currency})", currency=currency),
        y_label=t.gettext("Share of draws at or below (%)"),
        series=[Series("npv", t.gettext("Simulated NPV"), npvs,
                       [100.0 * share for _, share in o.curve])],
        marker=Marker(0.0 if npvs[0] < 0.0 < npvs[-1] else None, zero),
    )  # fmt: skip


def ranged(o: Outcome) -> list[Sensitivity]:
    """The tornado's inputs that have a range (an input fixed at one value has no bar), or all
    of them when none has."""
    return [s for s in o.tornado if s.p10 != s.p90] or list(o.tornado)


def tornado_chart(o: Outcome, fmt: Formatter, currency: str, t: Text) -> BarsChart:
    return BarsChart(
        id="tornado",
        title=t.gettext("NPV with one input at its P10 and its P90"),
        x_label=t.gettext("Net present value ({currency}); the others at their likely value",
                          currency=currency),
        bars=[Bar(t.gettext(short_name(s.name)), s.npv_p10, s.npv_p90, fmt.money(s.swing),
                  "bad" if min(s.npv_p10, s.npv_p90) < 0.0 else "good")
              for s in ranged(o)],
        reference=Reference(o.likely_npv, t.gettext("Likely case")),
    )  # fmt: skip


def shown(name: str, value: float, fmt: Formatter) -> str:
    """A value in model units as the reader enters it."""
    if name in FTE_INPUTS:
        return fmt.number(value, 0 if float(value).is_integer() else 1)
    if name in PERCENT_INPUTS:
        return fmt.percent(100.0 * value)
    return fmt.money(value, 0 if abs(value) >= 100 else 2)


def change(name: str, amount: float, fmt: Formatter, t: Text) -> str:
    """How far an input must move from its likely value, in the input's own unit."""
    if name in PERCENT_INPUTS:
        points = fmt.number(100.0 * abs(amount), 1)
        return (t.gettext("{points} percentage points higher", points=points) if amount > 0
                else t.gettext("{points} percentage points lower", points=points))  # fmt: skip
    if name in FTE_INPUTS:
        fte = fmt.number(abs(amount), 1)
        return (t.gettext("{fte} FTE more", fte=fte) if amount > 0
                else t.gettext("{fte} FTE fewer", fte=fte))  # fmt: skip
    money = fmt.money(abs(amount), 0 if abs(amount) >= 100 else 2)
    return (t.gettext("{amount} higher", amount=money) if amount > 0
            else t.gettext("{amount} lower", amount=money))  # fmt: skip


def sensitivity_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    columns = [t.gettext("Input"), t.gettext("Its P10"), t.gettext("Its P90"),
               t.gettext("NPV at its P10"), t.gettext("NPV at its P90"),
               t.gettext("Swing")]  # fmt: skip
    rows: list[list[float | str]] = [
        [t.gettext(short_name(s.name)), shown(s.name, s.p10, fmt), shown(s.name, s.p90, fmt),
         s.npv_p10, s.npv_p90, s.swing]
        for s in ranged(o)
    ]  # fmt: skip
    caption = t.gettext("One input at a time at its P10 and P90, the others at their likely value")
    return Table("sensitivity", caption, columns, rows, fmt.money)


def switching_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    """Where each input alone brings the NPV to zero, how far that is from the likely value in
    the input's own unit, and whether it lies within the reader's own range. Nearest first,
    measured in widths of each input's range."""
    paired: list[tuple[Switching, float, float]] = [
        (s, low, high) for s, (low, _, high) in zip(o.switching, o.ranges, strict=True)
    ]
    paired.sort(key=lambda p: reach(*p))
    rows: list[list[float | str]] = []
    for s, low, high in paired:
        if s.value is None:
            value = t.gettext("does not flip between {low} and {high}",
                              low=shown(s.name, s.bounds[0], fmt),
                              high=shown(s.name, s.bounds[1], fmt))  # fmt: skip
            moved, inside = t.gettext(NONE), t.gettext("no")
        else:
            value = shown(s.name, s.value, fmt)
            moved = (change(s.name, s.value - s.likely, fmt, t) if s.value != s.likely
                     else t.gettext("already at zero"))  # fmt: skip
            inside = t.gettext("yes") if inside_range(s, low, high) else t.gettext("no")
        rows.append([t.gettext(short_name(s.name)), shown(s.name, s.likely, fmt), value, moved,
                     inside])  # fmt: skip
    columns = [t.gettext("Input"), t.gettext("Likely value"), t.gettext("Switching value"),
               t.gettext("Change from likely"),
               t.gettext("Within your low-to-high range")]  # fmt: skip
    return Table("switching", t.gettext("Switching values: where the NPV reaches zero"),
                 columns, rows, fmt.money)  # fmt: skip
