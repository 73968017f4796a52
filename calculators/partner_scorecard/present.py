"""The partner scorecard for readers: verdict, figures, tables, the score chart and checks."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..core.format import Formatter
from ..core.names import cut_label
from ..core.results import (
    Bar,
    BarsChart,
    Figure,
    Item,
    ItemList,
    Table,
    Tone,
    Verdict,
    result,
)
from ..core.text import Text
from ..core.vocab import NONE, NOT_APPLICABLE
from .fields import CRITERIA, CRITERION_NAMES
from .model import PRICE, Flip, Outcome, Vendor

CHART_LABEL_CHARS = 26  # longer names are cut in the chart only (tables show them whole)

# Where the guide discusses each criterion, as docs paths.
GUIDE_LINKS = {
    "expertise": "guide/choosing-a-partner.md#expertise-and-track-record",
    "fit": "guide/choosing-a-partner.md#cultural-and-operational-fit",
    "contract": "guide/choosing-a-partner.md#contract-terms",
    "security": "guide/risks-and-hidden-costs.md#data-and-ip",
    "communication": "guide/making-it-work.md#communication-and-tools",
    "price": "guide/choosing-a-partner.md#price-alone",
}
SCORING_TABLE = "guide/choosing-a-partner.md#scoring-table"
ALTERNATIVES = "guide/choosing-a-partner.md#keep-alternatives"
SELECTION = "guide/choosing-a-partner.md#selection-steps"


def present(o: Outcome, t: Text) -> dict[str, Any]:
    fmt = Formatter(t.locale)
    return result(
        "partner_scorecard",
        t.gettext("Partner scorecard"),
        t.locale,
        verdict=verdict(o, fmt, t),
        figures=figures(o, fmt, t),
        tables=tables(o, fmt, t),
        charts=[score_chart(o, fmt, t), *simulation_charts(o, fmt, t)],
        lists=[checks(o, fmt, t)],
        values=raw_values(o),
    )


def _score(o: Outcome, vendor: Vendor) -> float:
    return float(o.scores[vendor.row])


def verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    if o.winner is None:
        return Verdict(
            t.gettext("No vendor passes the must-haves, so none of them can be chosen."), "bad"
        )
    score = fmt.number(_score(o, o.winner), 1)
    if o.runner_up is None:
        return Verdict(
            t.gettext("{name} is the only vendor that passes the must-haves, with {score} out "
                      "of 100.", name=o.winner.name, score=score),
            "neutral",
        )  # fmt: skip
    lead = o.lead()
    if lead == 0:
        return Verdict(
            t.gettext("{name} and {other} tie at {score} out of 100; {name} ranks first only "
                      "because it was entered first.", name=o.winner.name,
                      other=o.runner_up.name, score=score),
            "neutral",
        )  # fmt: skip
    return Verdict(
        t.gettext("{name} comes first with {score} out of 100, {lead} points ahead of {other}.",
                  name=o.winner.name, score=score, lead=fmt.number(float(lead or 0), 1),
                  other=o.runner_up.name),
        "good",
    )  # fmt: skip


def _moved_to(share: Fraction, direction: str, flip: Flip) -> Fraction:
    return share + flip.move if direction == "up" else share - flip.move


def figures(o: Outcome, fmt: Formatter, t: Text) -> list[Figure]:
    na = t.gettext(NOT_APPLICABLE)
    if o.winner is None:
        winner = Figure("winner", t.gettext("Best vendor"), None, t.gettext("None passes"),
                        t.gettext("Every vendor fails a must-have, so none can win."), "bad",
                        headline=True)  # fmt: skip
    else:
        winner = Figure("winner", t.gettext("Best vendor"), _score(o, o.winner), o.winner.name,
                        t.gettext("Weighted score {score} out of 100, among the vendors that "
                                  "pass the must-haves.", score=fmt.number(_score(o, o.winner), 1)),
                        "good", headline=True)  # fmt: skip
    lead = o.lead()
    if lead is not None and o.runner_up is not None:
        lead_figure = Figure(
            "lead", t.gettext("Lead over the runner-up"), float(lead),
            t.gettext("{points} points", points=fmt.number(float(lead), 1)),
            t.gettext("Ahead of {name}, which scores {score}.", name=o.runner_up.name,
                      score=fmt.number(_score(o, o.runner_up), 1)),
            "good" if lead > 0 else "neutral", headline=True,
        )  # fmt: skip
    else:
        lead_figure = Figure("lead", t.gettext("Lead over the runner-up"), None, na,
                             t.gettext("Only one vendor passes the must-haves.")
                             if o.winner is not None
                             else t.gettext("Every vendor fails a must-have, so none can win."),
                             headline=True)  # fmt: skip
    robust = robust_figure(o, fmt, t)
    return [winner, lead_figure, fragile_figure(o, fmt, t), *([robust] if robust else [])]


def robust_figure(o: Outcome, fmt: Formatter, t: Text) -> Figure | None:
    """How often the winner stays first when every weight varies within the band."""
    sim = o.simulated
    if sim is None or o.winner is None:
        return None
    share = sim.share(o.winner.row)
    tone: Tone = (
        "good" if share >= Fraction(9, 10) else "neutral" if share >= Fraction(1, 2) else "bad"
    )
    return Figure(
        "robust", t.gettext("Wins with varied weights"), float(100 * share),
        fmt.percent(float(100 * share)),
        t.gettext("{name} wins {wins} of {draws} draws when every weight varies by up to "
                  "{band}% either way.", name=o.winner.name,
                  wins=fmt.number(sim.wins[o.winner.row], 0), draws=fmt.number(sim.draws, 0),
                  band=sim.band),
        tone,
    )  # fmt: skip


def fragile_figure(o: Outcome, fmt: Formatter, t: Text) -> Figure:
    label = t.gettext("Most fragile criterion")
    if o.fragile is not None:
        study, direction, flip = o.fragile
        params = {"now": fmt.percent(float(100 * study.share)),
                  "then": fmt.percent(float(100 * _moved_to(study.share, direction, flip))),
                  "points": fmt.number(flip.points, 1), "name": flip.challenger.name}  # fmt: skip
        note = (
            t.gettext("Raising its weight from {now} to {then} ({points} percentage points) "
                      "puts {name} ahead.", **params)
            if direction == "up"
            else t.gettext("Lowering its weight from {now} to {then} ({points} percentage "
                           "points) puts {name} ahead.", **params)
        )  # fmt: skip
        return Figure("fragile", label, flip.points,
                      t.gettext(CRITERION_NAMES[study.criterion]), note, headline=True)  # fmt: skip
    if o.winner is not None:
        return Figure("fragile", label, None, t.gettext(NONE).capitalize(),
                      t.gettext("No change to a single weight, anywhere from 0% to 100%, "
                                "changes the winner."), "good", headline=True)  # fmt: skip
    return Figure(
        "fragile",
        label,
        None,
        t.gettext(NOT_APPLICABLE),
        t.gettext("Every vendor fails a must-have, so none can win."),
        headline=True,
    )


def tables(o: Outcome, fmt: Formatter, t: Text) -> list[Table]:
    def one(value: float) -> str:
        return fmt.number(value, 1)

    def criterion_weight(index: int) -> str:
        return t.gettext("{criterion} ({weight})",
                         criterion=t.gettext(CRITERION_NAMES[CRITERIA[index]]),
                         weight=fmt.percent(float(100 * o.shares[index])))  # fmt: skip

    rank_rows: list[list[float | str]] = [
        [v.name, str(place) if v.passes else t.gettext("Out"), one(_score(o, v)),
         must_have_cell(v, t)]
        for place, v in enumerate(o.ranking, start=1)
    ]  # fmt: skip
    ranking = Table("ranking", t.gettext("Ranking (knocked-out vendors last)"),
                    [t.gettext("Vendor"), t.gettext("Rank"), t.gettext("Score (out of 100)"),
                     t.gettext("Must-haves")], rank_rows, one)  # fmt: skip
    # One row per criterion and one column per vendor (in ranking order): it stays narrow.
    breakdown_rows: list[list[float | str]] = [
        [criterion_weight(i), *(float(o.points[v.row][i]) for v in o.ranking)]
        for i in range(len(CRITERIA))
    ]
    breakdown_rows.append([t.gettext("Total"), *(_score(o, v) for v in o.ranking)])
    breakdown = Table(
        "breakdown",
        t.gettext("Score breakdown: weighted points by criterion and vendor (10 \u00d7 weight "
                  "share \u00d7 score)"),
        [t.gettext("Criterion (weight share now)"), *(v.name for v in o.ranking)],
        breakdown_rows, one,
    )  # fmt: skip
    extra = [price_table(o, fmt, t)] if o.vendors[0].bid is not None else []
    extra += [simulation_table(o, fmt, t)] if o.simulated is not None else []
    extra += [spread_table(o, fmt, t)] if any(v.evaluators > 1 for v in o.vendors) else []
    if o.winner is None:
        return [ranking, breakdown, *extra]
    never, nobody = t.gettext("never"), t.gettext(NOT_APPLICABLE)
    rows: list[list[float | str]] = [
        [criterion_weight(i),
         one(s.up.points) if s.up else never, s.up.challenger.name if s.up else nobody,
         one(s.down.points) if s.down else never, s.down.challenger.name if s.down else nobody]
        for i, s in enumerate(o.studies)
    ]  # fmt: skip
    sensitivity = Table(
        "sensitivity",
        t.gettext("How far each weight must move before {name} loses first place (percentage "
                  "points; the other weights keep their proportions)", name=o.winner.name),
        [t.gettext("Criterion (weight share now)"), t.gettext("Raise it by"),
         t.gettext("Ahead if raised"), t.gettext("Lower it by"), t.gettext("Ahead if lowered")],
        rows, one,
    )  # fmt: skip
    return [ranking, breakdown, sensitivity, *extra]


def price_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    """The price scores worked out from the bids (price scored by formula)."""
    rows: list[list[float | str]] = [
        [v.name, float(v.bid or 0), float(v.scores[PRICE])] for v in o.vendors
    ]
    return Table(
        "price",
        t.gettext("Price scores from the bids: 10 \u00d7 lowest bid \u00f7 bid (the lowest "
                  "among the vendors that pass the must-haves)"),
        [t.gettext("Vendor"), t.gettext("Bid"), t.gettext("Price score (out of 10)")],
        rows,
        lambda value: fmt.number(value, 0 if value.is_integer() else 2),
    )  # fmt: skip


def spread_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    """Per criterion and vendor, how far the evaluators' scores lie apart; wide ones flagged."""
    na = t.gettext(NOT_APPLICABLE)
    flagged = set(o.disagreements())

    def cell(v: Vendor, i: int) -> str:
        if v.evaluators < 2:
            return na
        text = fmt.number(float(v.spreads[i]), 1)
        return t.gettext("{spread} (discuss)", spread=text) if (v, i) in flagged else text

    rows: list[list[float | str]] = [
        [t.gettext("Evaluators"), *(fmt.number(v.evaluators, 0) for v in o.ranking)]
    ]
    for i, c in enumerate(CRITERIA):
        rows.append([t.gettext(CRITERION_NAMES[c]), *(cell(v, i) for v in o.ranking)])
    return Table(
        "spread",
        t.gettext("How far the evaluators disagree: highest minus lowest score per criterion "
                  "(points out of 10; from {alert}, to discuss). Scores above are their "
                  "averages.", alert=fmt.number(float(o.alert), 1)),
        [t.gettext("Criterion"), *(v.name for v in o.ranking)],
        rows, lambda value: fmt.number(value, 1),
    )  # fmt: skip


def _simulated_rows(o: Outcome) -> list[Vendor]:
    """The vendors that took part in the simulation, most draws won first (ties by rank)."""
    sim = o.simulated
    assert sim is not None
    return sorted((v for v in o.ranking if v.row in sim.wins), key=lambda v: -sim.wins[v.row])


def simulation_table(o: Outcome, fmt: Formatter, t: Text) -> Table:
    sim = o.simulated
    assert sim is not None
    rows: list[list[float | str]] = [
        [v.name, fmt.number(sim.wins[v.row], 0), float(100 * sim.share(v.row))]
        for v in _simulated_rows(o)
    ]
    return Table(
        "simulation",
        t.gettext("How often each vendor wins when every weight varies by up to {band}% either "
                  "way ({draws} draws; vendors that pass the must-haves)", band=sim.band,
                  draws=fmt.number(sim.draws, 0)),
        [t.gettext("Vendor"), t.gettext("Draws won"), t.gettext("Share of draws")],
        rows, lambda value: fmt.percent(value),
    )  # fmt: skip


def simulation_charts(o: Outcome, fmt: Formatter, t: Text) -> list[BarsChart]:
    sim = o.simulated
    if sim is None:
        return []
    bars = [
        Bar(cut_label(v.name, CHART_LABEL_CHARS), 0.0, float(100 * sim.share(v.row)),
            fmt.percent(float(100 * sim.share(v.row))),
            "good" if v is o.winner else "neutral")
        for v in _simulated_rows(o)
    ]  # fmt: skip
    return [BarsChart("wins", t.gettext("Share of draws won with varied weights"),
                      t.gettext("Share of draws won (%)"), bars)]  # fmt: skip


def must_have_cell(vendor: Vendor, t: Text) -> str:
    if vendor.passes:
        return t.gettext("Passes")
    if vendor.must_haves:  # out only on minimum scores: say which
        names = ", ".join(t.gettext(CRITERION_NAMES[CRITERIA[i]]) for i in vendor.below)
        return t.ngettext("Knocked out: below the minimum on {criteria}",
                          "Knocked out: below the minimums on {criteria}",
                          len(vendor.below), criteria=names)  # fmt: skip
    return t.gettext("Knocked out")


def score_chart(o: Outcome, fmt: Formatter, t: Text) -> BarsChart:
    """Total scores in ranking order; a knocked-out vendor is marked in its label and beside
    its bar, so a long bar that cannot win never reads as a winner."""
    bars = []
    for vendor in o.ranking:
        name = cut_label(vendor.name, CHART_LABEL_CHARS)
        score = fmt.number(_score(o, vendor), 1)
        if vendor.passes:
            tone = "good" if vendor is o.winner else "neutral"
            bars.append(Bar(name, 0.0, _score(o, vendor), score, tone))
        else:
            bars.append(Bar(t.gettext("{name} (out)", name=name), 0.0, _score(o, vendor),
                            t.gettext("{score}, knocked out", score=score), "bad"))  # fmt: skip
    return BarsChart("scores", t.gettext("Weighted score by vendor"),
                     t.gettext("Weighted score (0 to 100)"), bars)  # fmt: skip


def checks(o: Outcome, fmt: Formatter, t: Text) -> ItemList:
    items: list[Item] = []
    weakest = o.weakest()
    if o.winner is None or weakest is None:
        items.append(
            Item(
                t.gettext(
                    "No vendor passes the must-haves: widen the search, or "
                    "check that every must-have is truly a must."
                ),
                SELECTION,
            )
        )
    else:
        criterion = CRITERIA[weakest]
        items.append(Item(
            t.gettext("{name} scores lowest on {criterion} ({score} out of 10): test it in the "
                      "pilot and write it into the contract.", name=o.winner.name,
                      criterion=t.gettext(CRITERION_NAMES[criterion]),
                      score=fmt.number(float(o.winner.scores[weakest]), 1)),
            GUIDE_LINKS[criterion]))  # fmt: skip
        if o.fragile is not None:
            study, _, flip = o.fragile
            items.append(Item(
                t.gettext("The result hangs on the weight of {criterion}: a move of {points} "
                          "percentage points changes the winner. Agree that weight before "
                          "prices are opened.",
                          criterion=t.gettext(CRITERION_NAMES[study.criterion]),
                          points=fmt.number(flip.points, 1)),
                SCORING_TABLE))  # fmt: skip
        wide = o.disagreements()
        if wide:
            pairs = "; ".join(
                t.gettext("{criterion} for {name} ({spread} points)",
                          criterion=t.gettext(CRITERION_NAMES[CRITERIA[i]]), name=v.name,
                          spread=fmt.number(float(v.spreads[i]), 1))
                for v, i in wide
            )  # fmt: skip
            items.append(
                Item(
                    t.ngettext(
                        "The evaluators disagree widely on {pairs}: compare their evidence and "
                        "rescore before you decide.",
                        "The evaluators disagree widely on {pairs}: compare their evidence and "
                        "rescore these before you decide.",
                        len(wide),
                        pairs=pairs,
                    ),
                    SCORING_TABLE,
                )
            )
        sim = o.simulated
        if sim is not None and sim.share(o.winner.row) < Fraction(1, 2):
            items.append(Item(
                t.gettext("With every weight varied by up to {band}%, {name} wins only {share} "
                          "of the draws: the ranking rests on the exact weights. Agree them "
                          "before prices are opened, or let a pilot decide.", band=sim.band,
                          name=o.winner.name,
                          share=fmt.percent(float(100 * sim.share(o.winner.row)))),
                SCORING_TABLE))  # fmt: skip
        if o.runner_up is not None:
            items.append(Item(t.gettext("Keep {name} warm as the alternative.",
                                        name=o.runner_up.name), ALTERNATIVES))  # fmt: skip
        top = o.scores[o.winner.row]
        beaten_by = [v for v in o.ranking if not v.passes and o.scores[v.row] > top]
        if beaten_by:
            items.append(Item(t.gettext("{name} scores higher but fails a must-have: confirm "
                                        "the must-have before you rule it out.",
                                        name=beaten_by[0].name), SCORING_TABLE))  # fmt: skip
    return ItemList("checks", t.gettext("Check before you sign"), items)


def _flip(flip: Flip | None) -> dict[str, Any] | None:
    return None if flip is None else {"points": flip.points, "winner": flip.challenger.name}


def raw_values(o: Outcome) -> dict[str, Any]:
    lead = o.lead()
    return {
        "shares": {c: float(s) for c, s in zip(CRITERIA, o.shares, strict=True)},
        "scores": {v.name: _score(o, v) for v in o.vendors},
        "points": {v.name: {c: float(p) for c, p in zip(CRITERIA, o.points[v.row], strict=True)}
                   for v in o.vendors},
        "ranking": [v.name for v in o.ranking],
        "knocked_out": [v.name for v in o.ranking if not v.passes],
        "below_minimum": {v.name: [CRITERIA[i] for i in v.below] for v in o.vendors if v.below},
        "winner": o.winner.name if o.winner else None,
        "runner_up": o.runner_up.name if o.runner_up else None,
        "lead": None if lead is None else float(lead),
        "sensitivity": {s.criterion: {"share": float(s.share), "up": _flip(s.up),
                                      "down": _flip(s.down)} for s in o.studies},
        "most_fragile": o.fragile[0].criterion if o.fragile else None,
        "win_shares": None if o.simulated is None
        else {v.name: float(o.simulated.share(v.row)) for v in o.vendors
              if v.row in o.simulated.wins},
        "evaluators": {v.name: v.evaluators for v in o.vendors},
        "spreads": {v.name: {c: float(x) for c, x in zip(CRITERIA, v.spreads, strict=True)}
                    for v in o.vendors},
        "disagreements": [{"vendor": v.name, "criterion": CRITERIA[i],
                           "spread": float(v.spreads[i])} for v, i in o.disagreements()],
        "bids": None if o.vendors[0].bid is None
        else {v.name: float(v.bid or 0) for v in o.vendors},
    }  # fmt: skip
