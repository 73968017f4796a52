"""The risk register for readers: verdict, figures, the table of all risks, the heat map and
the costliest risks with what to do about them."""

from __future__ import annotations

from typing import Any

from ..core.format import Formatter
from ..core.names import cut_label
from ..core.results import (
    Figure,
    HeatCell,
    HeatLegendEntry,
    HeatmapChart,
    Item,
    ItemList,
    LineChart,
    Marker,
    Series,
    Table,
    Tone,
    Verdict,
    result,
)
from ..core.text import N_, Text
from ..core.vocab import NOT_APPLICABLE
from .fields import IMPACT_LABELS, LEVELS, LIKELIHOOD_LABELS, risk_text
from .model import TIERS, Outcome, Risk, band, exceedance

GOVERNANCE_LINK = "guide/making-it-work.md#governance-rhythm"
BEFORE_YOU_SIGN_LINK = "guide/risks-and-hidden-costs.md#before-you-sign"

TIER_NAMES = {"low": N_("Low"), "medium": N_("Medium"), "high": N_("High"),
              "critical": N_("Critical")}  # fmt: skip
BAND_NAMES = {"low": N_("low"), "medium": N_("medium"), "high": N_("high"),
              "critical": N_("critical")}  # fmt: skip
TIER_TONES: dict[str, Tone] = {"low": "good", "medium": "neutral", "high": "bad",
                               "critical": "bad"}  # fmt: skip
REVIEW = {
    "low": (N_("Quarterly"), N_("At every third monthly strategic review."),
            N_("Review the register every quarter, at every third monthly strategic review.")),
    "medium": (N_("Monthly"), N_("At the monthly strategic review."),
               N_("Review the register at each monthly strategic review.")),
    "high": (N_("Every two weeks"),
             N_("At every other weekly check-in and at each monthly strategic review."),
             N_("Review the register at every other weekly check-in and at each monthly "
                "strategic review.")),
    "critical": (N_("Weekly"), N_("At every weekly check-in, and escalate to your sponsor now."),
                 N_("Put the register on the agenda of every weekly check-in until the "
                    "costliest risks are mitigated.")),
}  # fmt: skip
VERDICTS = {
    "low": N_("The risks are expected to cost {loss} a year, {share} of the expected savings: "
              "a low risk level."),
    "medium": N_("The risks are expected to cost {loss} a year, {share} of the expected "
                 "savings: a medium risk level."),
    "high": N_("The risks are expected to cost {loss} a year, {share} of the expected savings: "
               "a high risk level."),
    "critical": N_("The risks are expected to cost {loss} a year, {share} of the expected "
                   "savings: a critical risk level."),
}  # fmt: skip
LEGEND = {"low": N_("Low: score 1 to 4"), "medium": N_("Medium: 5 to 9"),
          "high": N_("High: 10 to 16"), "critical": N_("Critical: 20 or 25")}  # fmt: skip


def present(o: Outcome, currency: str, t: Text) -> dict[str, Any]:
    fmt = Formatter(t.locale, currency)
    highest = o.highest_score
    return result(
        "risk_register",
        t.gettext("Risk register"),
        t.locale,
        verdict=verdict(o, fmt, t),
        figures=figures(o, fmt, t),
        tables=[register_table(o, fmt, t), *([mitigation_table(o, fmt, t)] if o.mitigated else [])],
        charts=[heatmap(o, t), loss_curve(o, fmt, t)],
        lists=[top_list(o, fmt, t), next_steps(o, t)],
        values={
            "tier": o.tier,
            "tier_by": "expected_loss",
            "highest_score": highest.score,
            "sum_of_scores": o.sum_of_scores,
            "expected_loss": o.expected_loss,
            "residual_loss": o.residual_loss,
            "mitigation_cost": o.mitigation_cost,
            "net_loss": o.net_loss,
            "inherent_loss_p90": o.inherent_p90,
            "loss_p90": o.loss_p90,
            "savings": o.savings,
            "risk_adjusted_savings": o.adjusted,
            "share_pct": None if o.share is None else 100.0 * o.share,
            "scores": {r.key: r.score for r in o.risks},
            "rates": {r.key: r.rate for r in o.risks},
            "expected_losses": {r.key: r.expected_loss for r in o.risks},
            "residual_losses": {r.key: r.residual_loss for r in o.risks},
            "mitigation_returns": {r.key: r.net_return for r in o.mitigated},
            "mitigation_ratios": {r.key: r.return_ratio for r in o.mitigated},
            "top_risks": [r.key for r in o.top],
            "owners": {r.key: r.owner for r in o.risks},
            "reviews": {r.key: r.review for r in o.risks},
        },
    )


def verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    main = _verdict(o, fmt, t)
    if not o.mitigated or o.net_loss <= 0.0:
        return main
    note = t.gettext(
        "This counts the loss left after the mitigations, {residual}, and their cost, {cost}; "
        "without them the risks would cost {inherent} a year.",
        residual=fmt.money_rounded(o.residual_loss, t),
        cost=fmt.money_rounded(o.mitigation_cost, t),
        inherent=fmt.money_rounded(o.expected_loss, t),
    )
    return Verdict(f"{main.text} {note}", main.tone)


def _verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    loss = fmt.money_rounded(o.net_loss, t)
    tone = TIER_TONES[o.tier]
    if o.net_loss <= 0.0 and o.expected_loss > 0.0:
        return Verdict(t.gettext("The mitigations remove the whole expected loss at no cost; "
                                 "check that they can, and keep the register under review."),
                       "good")  # fmt: skip
    if o.net_loss <= 0.0:
        return Verdict(t.gettext("No risk has a price, so the expected annual loss is zero; "
                                 "the heat map still shows how likely and how bad each is."),
                       "neutral")  # fmt: skip
    if o.share is None:
        return Verdict(t.gettext("The risks are expected to cost {loss} a year, with no "
                                 "expected savings to absorb it: a critical risk level.",
                                 loss=loss), tone)  # fmt: skip
    if o.share >= 1.0:
        text = t.gettext(
            "The risks are expected to cost {loss} a year, more than the {savings} that "
            "outsourcing should save: a critical risk level.",
            loss=loss,
            savings=fmt.money_rounded(o.savings, t),
        )
        return Verdict(text, tone)
    return Verdict(t.gettext(VERDICTS[o.tier], loss=loss, share=fmt.percent(100.0 * o.share, 0)),
                   tone)  # fmt: skip


def figures(o: Outcome, fmt: Formatter, t: Text) -> list[Figure]:
    tone = TIER_TONES[o.tier]
    review, review_note, _ = REVIEW[o.tier]
    costliest = o.top[0]
    adjusted_tone = _sign_tone(o.adjusted)
    if o.share is None:
        share_text, share_note = (
            t.gettext(NOT_APPLICABLE),
            t.gettext("There are no savings for the risks to eat into."),
        )
    else:
        share_text = fmt.percent(100.0 * o.share)
        share_note = t.gettext("of the expected yearly savings, lost to the risks on average.")
    return [
        Figure("tier", t.gettext("Overall risk level"), TIERS.index(o.tier),
               t.gettext(TIER_NAMES[o.tier]),
               t.gettext("Set by the share of the savings the risks eat: under 10% low, under "
                         "25% medium, under 50% high, more critical. Costliest risk: {risk}, "
                         "{loss} a year.", risk=t.gettext(risk_name(costliest, t)),
                         loss=fmt.money(costliest.residual_loss)),
               tone, headline=True),
        Figure("expected_loss", t.gettext("Expected annual loss"), o.expected_loss,
               fmt.money(o.expected_loss),
               t.ngettext("Each risk's occurrences a year times its cost if it happens, "
                          "for the {n} risk in the register.",
                          "Each risk's occurrences a year times its cost if it happens, added "
                          "up over the {n} risks in the register.", len(o.risks)),
               "bad" if o.expected_loss > 0 else "neutral", headline=True),
        Figure("residual_loss", t.gettext("Residual annual loss"), o.residual_loss,
               fmt.money(o.residual_loss),
               t.gettext("The expected annual loss left after the mitigations, plus {cost} a "
                         "year that the mitigations cost.", cost=fmt.money(o.mitigation_cost)),
               "bad" if o.residual_loss > 0 else "neutral"),
        Figure("mitigation_return", t.gettext("Return on the mitigations"),
               o.expected_loss - o.residual_loss - o.mitigation_cost,
               fmt.money(o.expected_loss - o.residual_loss - o.mitigation_cost),
               t.gettext("The loss they avoid a year minus what they cost a year."),
               _sign_tone(o.expected_loss - o.residual_loss - o.mitigation_cost)),
        Figure("loss_p90", t.gettext("Loss in a bad year (P90)"), o.loss_p90,
               fmt.money(o.loss_p90),
               t.gettext("Nine years out of ten, the risks cost no more than this; the expected "
                         "loss averages the good years with the bad."),
               "bad" if o.loss_p90 > max(o.savings, 0.0) else "neutral"),
        Figure("risk_adjusted_savings", t.gettext("Risk-adjusted savings"), o.adjusted,
               fmt.money(o.adjusted),
               t.gettext("Expected yearly savings of {savings} minus the expected annual loss "
                         "after mitigation and the mitigations' cost.",
                         savings=fmt.money(o.savings)),
               adjusted_tone, headline=True),
        Figure("share_pct", t.gettext("Savings the risks eat"),
               None if o.share is None else 100.0 * o.share, share_text, share_note, tone),
        Figure("review", t.gettext("Review the register"), None, t.gettext(review),
               t.gettext(review_note), tone),
    ]  # fmt: skip


# A heat-map cell lists short names: a name of the reader's own is cut to the nine characters
# a cell holds at its narrowest (see the heat-map test).
SHORT_NAME = 9


def risk_name(risk: Risk, t: Text) -> str:
    """The reader's name for a risk if given, else the guide's."""
    return risk.name or t.gettext(risk_text(risk.key).name)


def short_name(risk: Risk, t: Text) -> str:
    text = risk_text(risk.key)
    if risk.name or not text.short:
        return cut_label(risk_name(risk, t), SHORT_NAME)
    return t.gettext(text.short)


def _sign_tone(value: float) -> Tone:
    return "good" if value > 0 else "bad" if value < 0 else "neutral"


def _score_cell(risk: Risk, fmt: Formatter, t: Text) -> str:
    return t.gettext("{score} ({band})", score=fmt.number(risk.score),
                     band=t.gettext(BAND_NAMES[band(risk.score)]))  # fmt: skip


def register_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    rows: list[list[float | str]] = [
        [risk_name(r, t), fmt.number(r.likelihood), fmt.number(r.impact),
         _score_cell(r, fmt, t), fmt.number(r.rate, 2), r.cost, r.expected_loss,
         r.residual_loss]
        for r in o.risks
    ]  # fmt: skip
    rows.append([t.gettext("Total"), "", "", fmt.number(o.sum_of_scores), "", "",
                 o.expected_loss, o.residual_loss])  # fmt: skip
    columns = [t.gettext("Risk"), t.gettext("Likelihood"), t.gettext("Impact"),
               t.gettext("Score"), t.gettext("Occurrences a year"),
               t.gettext("Cost if it happens"), t.gettext("Expected loss a year"),
               t.gettext("After mitigation")]  # fmt: skip
    return Table("register", t.gettext("All risks"), columns, rows, fmt.money)


def _ratio(r: Risk, fmt: Formatter, t: Text) -> str:
    ratio = r.return_ratio
    return (
        t.gettext(NOT_APPLICABLE)
        if ratio is None
        else t.gettext("{ratio} to 1", ratio=fmt.number(ratio, 1))
    )


def mitigation_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    """Each mitigated risk: the loss before and after, the loss avoided, the cost and the
    return (avoided minus cost, and avoided per unit of cost)."""
    rows: list[list[float | str]] = [
        [risk_name(r, t), r.expected_loss, r.residual_loss, r.loss_avoided,
         r.mitigation_cost, r.net_return, _ratio(r, fmt, t)]
        for r in o.mitigated
    ]  # fmt: skip
    columns = [t.gettext("Risk"), t.gettext("Inherent loss a year"),
               t.gettext("Residual loss a year"), t.gettext("Loss avoided"),
               t.gettext("Mitigation cost a year"), t.gettext("Net return"),
               t.gettext("Avoided per unit of cost")]  # fmt: skip
    return Table("mitigations", t.gettext("Return on each mitigation"), columns, rows,
                 fmt.money)  # fmt: skip


def top_list(o: Outcome, fmt: Formatter, t: Text) -> ItemList:
    items = [
        Item(t.gettext("{risk}: {action}", risk=risk_name(r, t),
                       action=t.gettext(risk_text(r.key).mitigation)),
             risk_text(r.key).guide,
             t.gettext("Expected loss {loss} a year; score {score} ({band}). Owner: {owner}; "
                      "next review {review}.",
                       loss=fmt.money(r.residual_loss), score=fmt.number(r.score),
                       band=t.gettext(BAND_NAMES[band(r.score)]), owner=r.owner,
                       review=r.review))
        for r in o.top
    ]  # fmt: skip
    return ItemList("top_risks", t.gettext("The costliest risks and what to do about them"),
                    items, ordered=True)  # fmt: skip


def next_steps(o: Outcome, t: Text) -> ItemList:
    return ItemList("next_steps", t.gettext("Next steps"), [
        Item(t.gettext(REVIEW[o.tier][2]), GOVERNANCE_LINK),
        Item(t.gettext("Before you sign, decide which risks to mitigate in the contract, which "
                       "through governance, and which only by keeping the work in-house."),
             BEFORE_YOU_SIGN_LINK),
    ])  # fmt: skip


def heatmap(o: Outcome, t: Text) -> HeatmapChart:
    """The 5-by-5 grid of ordinal scores: likelihood 5 down to 1 by rows, impact 1 to 5 by
    columns. A view of the ratings, not the ranking (that is by money)."""
    cells: list[list[HeatCell]] = []
    for likelihood in range(5, 0, -1):
        row: list[HeatCell] = []
        for impact in range(1, 6):
            inside = [r for r in o.risks if (r.likelihood, r.impact) == (likelihood, impact)]
            score = likelihood * impact
            row.append(HeatCell(
                score, band(score), t.gettext(BAND_NAMES[band(score)]), len(inside),
                t.ngettext("{n} risk", "{n} risks", len(inside)) if inside else "",
                [short_name(r, t) for r in inside],
            ))  # fmt: skip
        cells.append(row)
    return HeatmapChart(
        id="heatmap",
        title=t.gettext("Risks by likelihood and impact"),
        x_label=t.gettext("Impact"),
        y_label=t.gettext("Likelihood"),
        corner=t.gettext("Likelihood (rows) by impact (columns)"),
        columns=[t.gettext(IMPACT_LABELS[level]) for level in LEVELS],
        rows=[t.gettext(LIKELIHOOD_LABELS[level]) for level in reversed(LEVELS)],
        cells=cells,
        legend=[HeatLegendEntry(name, t.gettext(LEGEND[name])) for name in TIERS],
    )


# The loss curve keeps at most this many points per line: enough to read the bad years from,
# small enough for the page (the exact distribution can have 32,768 losses).
CURVE_POINTS = 60


def _thinned(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Every point where the chance falls most, evenly by chance: the steps a reader sees."""
    if len(points) <= CURVE_POINTS:
        return points
    kept = {0, len(points) - 1}
    step = 1.0 / (CURVE_POINTS - 2)
    target = 1.0 - step
    for i, (_, above) in enumerate(points):
        if above <= target:
            kept.add(i)
            while target >= above:
                target -= step
    return [points[i] for i in sorted(kept)]


def _curve(distribution: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    points = _thinned(exceedance(distribution))
    if points[0][0] > 0.0:  # every year costs something: the curve starts at 100% from 0
        points.insert(0, (0.0, 1.0))
    return [loss for loss, _ in points], [100.0 * above for _, above in points]


def loss_curve(o: Outcome, fmt: Formatter, t: Text) -> LineChart:
    """The chance that a year costs more than each loss, before and after the mitigations:
    the whole exact distribution, from which the bad year (P90) is read at 10%."""
    series = []
    for sid, name, distribution in (
        ("inherent", t.gettext("Before mitigation"), o.inherent_distribution),
        ("residual", t.gettext("After mitigation"), o.residual_distribution),
    ):
        if sid == "inherent" and not o.mitigated:
            continue
        xs, ys = _curve(distribution)
        series.append(Series(sid, name, xs, ys))
    return LineChart(
        id="loss_curve",
        title=t.gettext("Chance that a year's losses exceed an amount"),
        x_label=t.gettext("Losses in a year ({currency})", currency=fmt.currency),
        y_label=t.gettext("Chance (%)"),
        series=series,
        marker=Marker(o.loss_p90, t.gettext("Bad year (P90): {loss}",
                                            loss=fmt.money(o.loss_p90))),
    )  # fmt: skip
