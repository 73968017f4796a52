"""The team health result for readers: verdict, figures, the score chart and the action lists.

Links to the guide are docs paths; the renderer resolves them against the page's root.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from ..core.format import Formatter
from ..core.results import (
    Bar,
    BarsChart,
    Figure,
    Item,
    ItemList,
    Reference,
    Table,
    Tone,
    Verdict,
    result,
)
from ..core.text import N_, Text
from ..core.vocab import NONE
from .model import DIMENSIONS, FAIR, GOOD, LARGE_GAP, Band, Dimension, Outcome, Sides

GUIDE = "guide/making-it-work.md"
RHYTHM_HREF = f"{GUIDE}#governance-rhythm"

# Two actions per dimension: (text, docs path of the guide's section on it).
ACTIONS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "goals": (
        (N_("Write down the goals and KPIs of the outsourced work and have your leadership "
            "agree them."), f"{GUIDE}#clear-direction"),
        (N_("Link every workstream to one of those goals and name an executive sponsor."),
         f"{GUIDE}#cause-trait-practice"),
    ),
    "communication": (
        (N_("Fix a meeting rhythm and send the same structured status report every week."),
         f"{GUIDE}#communication-protocols"),
        (N_("Move both teams onto one tracker, one chat channel and one document store, with "
            "agreed overlap hours."), f"{GUIDE}#communication-and-tools"),
    ),
    "accountability": (
        (N_("Name an owner on each side (sponsor, service owner, vendor lead) and agree an "
            "escalation path."), f"{GUIDE}#governance-rhythm"),
        (N_("Track deliverables and milestones against a few KPIs tied to your goals, "
            "measured from your own baseline."), f"{GUIDE}#kpis"),
    ),
    "talent": (
        (N_("Compare the skills the work needs with the vendor's team, and agree skill "
            "reviews and a training plan."), f"{GUIDE}#talent-and-learning"),
        (N_("When you add people or scope, vet for expertise and adaptability, not price "
            "alone, and pilot before you scale."), "guide/choosing-a-partner.md#price-alone"),
    ),
    "integration": (
        (N_("Invite the vendor's leads to your planning sessions and give their staff the "
            "tools and documents your own staff have."), f"{GUIDE}#integration"),
        (N_("Name a counterpart in each department the work touches, and onboard the "
            "vendor's people as you would new employees."), f"{GUIDE}#integration"),
    ),
}  # fmt: skip

BAND_NAMES: dict[Band, str] = {
    "at_risk": N_("At risk"),
    "needs_work": N_("Needs work"),
    "healthy": N_("Healthy"),
    "high_performing": N_("High performing"),
}
BAND_TONES: dict[Band, Tone] = {
    "at_risk": "bad",
    "needs_work": "neutral",
    "healthy": "good",
    "high_performing": "good",
}


def tone(score: Fraction) -> Tone:
    return "good" if score >= GOOD else "neutral" if score >= FAIR else "bad"


def present(o: Outcome, t: Text) -> dict[str, Any]:
    fmt = Formatter(t.locale)
    actions = action_items(o, fmt, t)
    lists = [ItemList("actions", t.gettext("What to work on first"), actions, ordered=True)]
    if o.weak_rhythm:
        lists.append(rhythm_list(o, fmt, t))
    both = o.sides
    return result(
        "team_health",
        t.gettext("Team health check"),
        t.locale,
        verdict=verdict(o, fmt, t),
        figures=figures(o, fmt, t, None if both is None else gap_figure(o, both, fmt, t)),
        tables=[] if both is None else [sides_table(o, both, fmt, t)],
        charts=[score_chart(o, fmt, t)],
        lists=lists,
        values={
            "vendor_scores": None
            if both is None
            else {d: float(s) for d, s in both.vendor.items()},
            "vendor_overall": None if both is None else float(both.vendor_overall),
            "gaps": None if both is None else {d: float(g) for d, g in both.gaps.items()},
            "large_gaps": None if both is None else [d.id for d in both.large],
            "scores": {d: float(s) for d, s in o.scores.items()},
            "overall": float(o.overall),
            "band": o.band,
            "band_capped": o.cap or None,
            "weakest": o.weakest.id,
            "focus": [d.id for d in o.focus],
            "rhythm_advice": bool(o.weak_rhythm),
            "points": o.points,
            "action_hrefs": [item.href for item in actions],
        },
    )


def _score(fmt: Formatter, score: Fraction) -> str:
    return fmt.number(float(score))


def verdict(o: Outcome, fmt: Formatter, t: Text) -> Verdict:
    score, weakest = _score(fmt, o.overall), _score(fmt, o.lowest)
    dimension = t.gettext(o.weakest.label)
    if o.lowest == 100:
        text = t.gettext("The team is high performing: it scores 100 out of 100 in every "
                         "dimension.")  # fmt: skip
    elif o.band == "high_performing":
        text = t.gettext("The team is high performing: it scores {score} out of 100, with its "
                         "weakest dimension, {dimension}, at {weakest}.", score=score,
                         dimension=dimension, weakest=weakest)  # fmt: skip
    elif o.band == "healthy":
        text = t.gettext("The team is healthy: it scores {score} out of 100, with its weakest "
                         "dimension, {dimension}, at {weakest}.", score=score,
                         dimension=dimension, weakest=weakest)  # fmt: skip
    elif o.band == "needs_work":
        text = t.gettext("The team needs work: it scores {score} out of 100, with its weakest "
                         "dimension, {dimension}, at {weakest}.", score=score,
                         dimension=dimension, weakest=weakest)  # fmt: skip
    else:
        text = t.gettext("The team is at risk: it scores {score} out of 100, with its weakest "
                         "dimension, {dimension}, at {weakest}.", score=score,
                         dimension=dimension, weakest=weakest)  # fmt: skip
    if o.sides is not None and o.sides.large:
        text = t.gettext("{verdict} {gaps}", verdict=text, gaps=_gap_sentence(o.sides, fmt, t))
    return Verdict(text, BAND_TONES[o.band])


def _gap_sentence(both: Sides, fmt: Formatter, t: Text) -> str:
    """The sides' largest disagreement, for the verdict."""
    largest = both.large[0]
    gap = both.gaps[largest.id]
    n, dimension, size = len(both.large), t.gettext(largest.label), _score(fmt, abs(gap))
    threshold = fmt.number(LARGE_GAP)
    if gap > 0:
        return t.ngettext(
            "The vendor's answers differ from yours by {threshold} points or more in {n} "
            "dimension: {dimension}, which the vendor scores {gap} points higher.",
            "The vendor's answers differ from yours by {threshold} points or more in {n} "
            "dimensions, most in {dimension}, which the vendor scores {gap} points higher.",
            n, threshold=threshold, dimension=dimension, gap=size,
        )  # fmt: skip
    return t.ngettext(
        "The vendor's answers differ from yours by {threshold} points or more in {n} "
        "dimension: {dimension}, which the vendor scores {gap} points lower.",
        "The vendor's answers differ from yours by {threshold} points or more in {n} "
        "dimensions, most in {dimension}, which the vendor scores {gap} points lower.",
        n, threshold=threshold, dimension=dimension, gap=size,
    )  # fmt: skip


def _largest_gap(both: Sides) -> Dimension:
    """The dimension where the sides differ most; a tie goes to the guide's order."""
    return max(DIMENSIONS, key=lambda d: (abs(both.gaps[d.id]), -DIMENSIONS.index(d)))


def gap_figure(o: Outcome, both: Sides, fmt: Formatter, t: Text) -> Figure:
    largest = _largest_gap(both)
    gap = both.gaps[largest.id]
    if gap == 0:
        return Figure("largest_gap", t.gettext("Largest gap between the sides"), 0.0,
                      t.gettext(NONE),
                      t.gettext("The vendor's answers give the same score in every dimension."),
                      "good")  # fmt: skip
    note = t.gettext(
        "{dimension}: you score it {own}, the vendor {vendor}. A gap of {threshold} points or "
        "more is large.",
        dimension=t.gettext(largest.label),
        own=_score(fmt, o.scores[largest.id]),
        vendor=_score(fmt, both.vendor[largest.id]),
        threshold=fmt.number(LARGE_GAP),
    )
    tone: Tone = "bad" if abs(gap) >= LARGE_GAP else "neutral"
    return Figure("largest_gap", t.gettext("Largest gap between the sides"), float(abs(gap)),
                  t.gettext("{gap} points", gap=_score(fmt, abs(gap))), note, tone)  # fmt: skip


def sides_table(o: Outcome, both: Sides, fmt: Formatter, t: Text) -> Table:
    rows: list[list[float | str]] = [
        [t.gettext(d.label), float(o.scores[d.id]), float(both.vendor[d.id]),
         float(both.gaps[d.id]),
         t.gettext("Large gap") if abs(both.gaps[d.id]) >= LARGE_GAP else ""]
        for d in DIMENSIONS
    ]  # fmt: skip
    rows.append([t.gettext("Overall"), float(o.overall), float(both.vendor_overall),
                 float(both.vendor_overall - o.overall), ""])  # fmt: skip
    return Table(
        "sides",
        t.gettext("Your answers and the vendor's, by dimension"),
        [t.gettext("Dimension"), t.gettext("You"), t.gettext("Vendor"),
         t.gettext("Vendor minus you"), t.gettext("Gap")],
        rows,
        fmt.number,
    )  # fmt: skip


def figures(o: Outcome, fmt: Formatter, t: Text, gap: Figure | None = None) -> list[Figure]:
    """The score, the rating and the weakest dimension; with both sides' answers, the largest
    gap between them comes second and takes the weakest dimension's place among the headline
    figures (the reader asked to compare the two views)."""
    if o.cap == "fair":
        band_note = t.gettext("Held at needs work because a dimension scores below 50.")
    elif o.cap == "good":
        band_note = t.gettext("Held at healthy because a dimension scores below 75.")
    else:
        band_note = t.gettext(
            "At risk below 50, needs work from 50, healthy from 75, high performing from 90."
        )
    overall = Figure("overall", t.gettext("Overall score"), float(o.overall),
                     t.gettext("{score}/100", score=_score(fmt, o.overall)),
                     t.gettext("The average of the five dimension scores."), tone(o.overall),
                     headline=True)  # fmt: skip
    gaps = [] if gap is None else [replace(gap, headline=True)]
    return [
        overall,
        *gaps,
        Figure("band", t.gettext("Rating"), None, t.gettext(BAND_NAMES[o.band]), band_note,
               BAND_TONES[o.band], headline=True),
        Figure("weakest", t.gettext("Weakest dimension"), float(o.lowest),
               t.gettext(o.weakest.label),
               t.gettext("Scores {score} out of 100.", score=_score(fmt, o.lowest)),
               tone(o.lowest), headline=gap is None),
    ]  # fmt: skip


def score_chart(o: Outcome, fmt: Formatter, t: Text) -> BarsChart:
    return BarsChart(
        id="dimensions",
        title=t.gettext("Score by dimension"),
        x_label=t.gettext("Score (0 to 100; 75 and above is good, below 50 is weak)"),
        bars=[
            Bar(t.gettext(d.label), 0.0, float(o.scores[d.id]), _score(fmt, o.scores[d.id]),
                tone(o.scores[d.id]))
            for d in DIMENSIONS
        ],
        # Keeps the scale at 0-100 whatever the scores.
        reference=Reference(100.0, t.gettext("Best possible")),
    )  # fmt: skip


def action_items(o: Outcome, fmt: Formatter, t: Text) -> list[Item]:
    return [
        Item(t.gettext(text), href, _action_note(d, o, fmt, t))
        for d in o.focus
        for text, href in ACTIONS[d.id]
    ]


def _action_note(d: Dimension, o: Outcome, fmt: Formatter, t: Text) -> str:
    return t.gettext("{dimension}: {score} out of 100", dimension=t.gettext(d.label),
                     score=_score(fmt, o.scores[d.id]))  # fmt: skip


def rhythm_list(o: Outcome, fmt: Formatter, t: Text) -> ItemList:
    communication = _score(fmt, o.scores["communication"])
    accountability = _score(fmt, o.scores["accountability"])
    if len(o.weak_rhythm) == 2:
        note = t.gettext(
            "Suggested because communication ({communication}) and "
            "accountability ({accountability}) score below 75.",
            communication=communication,
            accountability=accountability,
        )
    elif o.weak_rhythm == ["communication"]:
        note = t.gettext(
            "Suggested because communication scores {communication}, below 75.",
            communication=communication,
        )
    else:
        note = t.gettext("Suggested because accountability scores {accountability}, below "
                         "75.", accountability=accountability)  # fmt: skip
    items = [
        Item(t.gettext("Hold a weekly check-in between your service owner and the vendor's "
                       "lead: deliverables, KPIs against target, risks and blockers."),
             RHYTHM_HREF, note),
        Item(t.gettext("Hold a monthly strategic review with your sponsor and the vendor's "
                       "account executive: alignment with goals, KPI trends, scope."),
             RHYTHM_HREF, note),
    ]  # fmt: skip
    return ItemList("rhythm", t.gettext("Meeting rhythm"), items)
