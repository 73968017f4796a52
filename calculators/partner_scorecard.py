"""Partner scorecard: weighted scores for two to six vendors, knock-outs, and how fragile the
winner is to the weights.

Each criterion's weight is turned into a share of the total weight; a vendor's score is
10 x the sum of share x its score (0 to 10) on each criterion, so 0 to 100. A vendor that
fails a must-have is knocked out: ranked last, whatever its score, and never the winner.

Sensitivity: move one criterion's share of the weight to t (from 0 to 1) and rescale the
others proportionally, so they keep their proportions and the shares still add up to 1. Each
vendor's score is then linear in t,

    score(t) = 10 x (Q + t x (X - Q)),

where X is the vendor's score on the criterion moved and Q its weighted average score on the
others. The gap between the winner and a challenger is therefore linear in t too, and the
move at which the challenger draws level is solved exactly: no search, no tolerance. Any
larger move in the same direction puts the challenger ahead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._fields import Field, FieldSet, Row, Values
from ._format import format_number, format_percent
from ._messages import message, register
from ._money import total
from ._results import Figure, Item, ItemList, Table, result

ID = "partner_scorecard"

# The criteria of the guide's "Choosing a partner" page, in the order the form shows them.
CRITERIA = ("expertise", "fit", "contract", "security", "communication", "price")
DEFAULT_WEIGHTS: dict[str, int] = {
    "expertise": 25,
    "fit": 15,
    "contract": 15,
    "security": 15,
    "communication": 10,
    "price": 20,
}
MUST_HAVES = ("yes", "no")
MAX_NAME = 40
MIN_VENDORS, MAX_VENDORS = 2, 6
CHART_LABEL_CHARS = 26  # longer names are shortened in the chart only (tables show them whole)

# Where the guide discusses each criterion, relative to this calculator's page.
_GUIDE = "../../guide/"
GUIDE_LINKS: dict[str, str] = {
    "expertise": _GUIDE + "choosing-a-partner/#expertise-and-track-record",
    "fit": _GUIDE + "choosing-a-partner/#cultural-and-operational-fit",
    "contract": _GUIDE + "choosing-a-partner/#contract-terms",
    "security": _GUIDE + "risks-and-hidden-costs/#data-and-ip",
    "communication": _GUIDE + "making-it-work/#communication-and-tools",
    "price": _GUIDE + "choosing-a-partner/#price-alone",
}
_SCORING_TABLE = _GUIDE + "choosing-a-partner/#scoring-table"
_ALTERNATIVES = _GUIDE + "choosing-a-partner/#keep-alternatives"
_SELECTION = _GUIDE + "choosing-a-partner/#selection-steps"

_WEIGHTS_GROUP = f"{ID}.group.weights"
_VENDORS_GROUP = f"{ID}.group.vendors"


def _example(name: str, scores: tuple[float, ...], passes: str) -> Row:
    row: Row = {"name": name}
    row.update(dict(zip(CRITERIA, scores, strict=True)))
    row["must_haves"] = passes
    return row


# Three illustrative vendors: a strong all-rounder, a cheap one, and a top scorer that fails a
# must-have (for example, it cannot meet your data-protection requirements).
DEFAULT_VENDORS: tuple[Row, ...] = (
    _example("Vendor A (example)", (9, 7, 6, 8, 8, 5), "yes"),
    _example("Vendor B (example)", (6, 6, 8, 6, 6, 9), "yes"),
    _example("Vendor C (example)", (9, 9, 7, 3, 9, 8), "no"),
)

COLUMNS = (
    Field("name", "text", "", maximum=MAX_NAME, unique=True),
    *(Field(c, "number", 5, minimum=0, maximum=10, step=0.5) for c in CRITERIA),
    Field("must_haves", "choice", "yes", choices=MUST_HAVES),
)

# The first field is a plain number (the generic browser test edits the first non-choice field).
FIELDS = (
    *(
        Field(f"weight_{c}", "number", DEFAULT_WEIGHTS[c], f"{ID}_points", 0, 100, 1,
              group=_WEIGHTS_GROUP)
        for c in CRITERIA
    ),
    Field("vendors", "table", DEFAULT_VENDORS, columns=COLUMNS, min_rows=MIN_VENDORS,
          max_rows=MAX_VENDORS, group=_VENDORS_GROUP),
)  # fmt: skip


def _check_weights(values: Values, locale: str) -> dict[str, str]:
    if all(float(values[f"weight_{c}"]) == 0 for c in CRITERIA):
        return {f"weight_{CRITERIA[0]}": message(f"{ID}.contradiction.no_weight", locale)}
    return {}


FIELDSET = FieldSet(ID, FIELDS, checks=(_check_weights,))


# --- The model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vendor:
    name: str
    row: int  # its place among the vendors entered (ties go to the earlier row)
    scores: tuple[float, ...]  # 0 to 10, in CRITERIA order
    passes: bool  # passes the must-haves


def vendors_from(values: Values) -> list[Vendor]:
    return [
        Vendor(
            str(row["name"]),
            index,
            tuple(float(row[c]) for c in CRITERIA),
            row["must_haves"] == "yes",
        )
        for index, row in enumerate(values["vendors"])
    ]


def weights_from(values: Values) -> list[float]:
    return [float(values[f"weight_{c}"]) for c in CRITERIA]


def shares_of(weights: list[float]) -> list[float]:
    """Each weight as a share of the total (the weights need not add up to 100)."""
    whole = total(weights)
    return [w / whole for w in weights]


def points(vendor: Vendor, shares: list[float]) -> list[float]:
    """Weighted points per criterion: 10 x share x score; they add up to the vendor's score."""
    return [10.0 * s * x for s, x in zip(shares, vendor.scores, strict=True)]


def ranked(vendors: list[Vendor], scores: dict[int, float]) -> list[Vendor]:
    """Vendors that pass the must-haves first, highest score first; ties by row order."""
    return sorted(vendors, key=lambda v: (not v.passes, -scores[v.row], v.row))


@dataclass(frozen=True)
class Flip:
    """The smallest move of one criterion's share (in percentage points) after which
    `challenger` scores higher than the winner."""

    points: float
    challenger: Vendor


@dataclass(frozen=True)
class Sensitivity:
    criterion: str
    share: float  # the criterion's current share of the weight (0 to 1)
    up: Flip | None  # raising its share
    down: Flip | None  # lowering its share

    def smallest(self) -> tuple[str, Flip] | None:
        moves = [(d, f) for d, f in (("up", self.up), ("down", self.down)) if f is not None]
        return min(moves, key=lambda m: m[1].points) if moves else None


def _rest_average(vendor: Vendor, weights: list[float], index: int) -> float:
    """The vendor's average score on the other criteria, weighted as they are now (equally if
    all of them weigh nothing: then the moved weight has no proportions to keep)."""
    others = [k for k in range(len(CRITERIA)) if k != index]
    rest = total(weights[k] for k in others)
    if rest > 0:
        return total(weights[k] * vendor.scores[k] for k in others) / rest
    return total(vendor.scores[k] for k in others) / len(others)


def sensitivity(
    weights: list[float], winner: Vendor, challengers: list[Vendor], index: int
) -> Sensitivity:
    """How far criterion `index`'s share can move, up or down, before a challenger wins.

    With the share at t and the others rescaled to fill 1 - t, the winner's lead over a
    challenger is 10 x (a + b t): a = Q_w - Q_c, b = (X_w - Q_w) - (X_c - Q_c). The lead is
    zero at t* = -a / b; the move is |t* - share|, kept only if it stays inside 0 to 100%.
    """
    share = weights[index] / total(weights)
    up: Flip | None = None
    down: Flip | None = None
    q_w = _rest_average(winner, weights, index)
    slope_w = winner.scores[index] - q_w
    for challenger in challengers:
        q_c = _rest_average(challenger, weights, index)
        a = q_w - q_c
        b = slope_w - (challenger.scores[index] - q_c)
        lead = max(0.0, a + b * share)  # the lead now, divided by 10 (never below 0)
        if b < 0:  # raising the share shrinks the lead
            move = lead / -b
            if share + move < 1.0 and (up is None or move * 100.0 < up.points):
                up = Flip(move * 100.0, challenger)
        elif b > 0:  # lowering the share shrinks the lead
            move = lead / b
            if share - move > 0.0 and (down is None or move * 100.0 < down.points):
                down = Flip(move * 100.0, challenger)
    return Sensitivity(CRITERIA[index], share, up, down)


# --- The result --------------------------------------------------------------------------------


def _short(name: str) -> str:
    if len(name) <= CHART_LABEL_CHARS:
        return name
    return name[: CHART_LABEL_CHARS - 1].rstrip() + "\u2026"


def compute(values: Values, locale: str = "en") -> dict[str, Any]:
    vendors = vendors_from(values)
    weights = weights_from(values)
    shares = shares_of(weights)
    breakdown = {v.row: points(v, shares) for v in vendors}
    scores = {v.row: total(breakdown[v.row]) for v in vendors}
    ranking = ranked(vendors, scores)
    eligible = [v for v in ranking if v.passes]
    winner = eligible[0] if eligible else None
    runner_up = eligible[1] if len(eligible) > 1 else None

    def msg(key: str, **params: object) -> str:
        return message(f"{ID}.{key}", locale, **params)

    def one(value: float) -> str:
        return format_number(value, locale, 1)

    def pct(share: float) -> str:
        return format_percent(100.0 * share, locale, 1)

    labels = {c: msg(f"criterion.{c}") for c in CRITERIA}
    studies = (
        [sensitivity(weights, winner, eligible[1:], i) for i in range(len(CRITERIA))]
        if winner is not None
        else []
    )
    fragile = min(
        ((s, m) for s in studies if (m := s.smallest()) is not None),
        key=lambda pair: pair[1][1].points,
        default=None,
    )

    # Figures.
    if winner is None:
        winner_fig = Figure("winner", msg("figure.winner"), None, msg("value.no_winner"),
                            msg("note.no_winner"))  # fmt: skip
    else:
        winner_fig = Figure("winner", msg("figure.winner"), scores[winner.row], winner.name,
                            msg("note.winner", score=one(scores[winner.row])))  # fmt: skip
    if winner is not None and runner_up is not None:
        lead = scores[winner.row] - scores[runner_up.row]
        lead_fig = Figure("lead", msg("figure.lead"), lead, msg("value.points", points=one(lead)),
                          msg("note.lead", name=runner_up.name,
                              score=one(scores[runner_up.row])))  # fmt: skip
    else:
        lead_fig = Figure("lead", msg("figure.lead"), None, msg("value.not_applicable"),
                          msg("note.no_runner_up"))  # fmt: skip
    if fragile is not None:
        study, (direction, flip) = fragile
        moved = study.share + (flip.points if direction == "up" else -flip.points) / 100.0
        fragile_fig = Figure(
            "fragile", msg("figure.fragile"), flip.points, labels[study.criterion],
            msg(f"note.fragile_{direction}", now=pct(study.share), then=pct(moved),
                points=one(flip.points), name=flip.challenger.name),
        )  # fmt: skip
    elif winner is not None:
        fragile_fig = Figure("fragile", msg("figure.fragile"), None, msg("value.none"),
                             msg("note.robust"))  # fmt: skip
    else:
        fragile_fig = Figure("fragile", msg("figure.fragile"), None, msg("value.not_applicable"),
                             msg("note.no_winner"))  # fmt: skip

    # Tables: ranking, breakdown, sensitivity.
    rank_rows: list[list[float | str]] = []
    for place, vendor in enumerate(ranking, start=1):
        rank_rows.append(
            [
                vendor.name,
                str(place) if vendor.passes else msg("table.knocked_out_rank"),
                one(scores[vendor.row]),
                msg("table.passes") if vendor.passes else msg("table.knocked_out"),
            ]
        )
    rank_table = Table(
        "ranking",
        msg("table.ranking"),
        [msg("table.vendor"), msg("table.rank"), msg("table.score"), msg("table.must_haves")],
        rank_rows,
        one,
    )
    # One row per criterion and one column per vendor (in ranking order): it stays narrow.
    breakdown_rows: list[list[float | str]] = [
        [
            msg("table.criterion_weight", criterion=labels[c], weight=pct(share)),
            *(breakdown[v.row][i] for v in ranking),
        ]
        for i, (c, share) in enumerate(zip(CRITERIA, shares, strict=True))
    ]
    breakdown_rows.append([msg("table.total"), *(scores[v.row] for v in ranking)])
    breakdown_table = Table(
        "breakdown",
        msg("table.breakdown"),
        [msg("table.criterion_and_weight"), *(v.name for v in ranking)],
        breakdown_rows,
        one,
    )  # fmt: skip
    never = msg("value.never")
    nobody = msg("value.not_applicable")
    sensitivity_rows: list[list[float | str]] = [
        [
            msg("table.criterion_weight", criterion=labels[s.criterion], weight=pct(s.share)),
            one(s.up.points) if s.up else never,
            s.up.challenger.name if s.up else nobody,
            one(s.down.points) if s.down else never,
            s.down.challenger.name if s.down else nobody,
        ]
        for s in studies
    ]
    sensitivity_table = Table(
        "sensitivity",
        msg("table.sensitivity", name=winner.name if winner else nobody),
        [msg(f"table.{c}") for c in ("criterion_and_weight", "raise_by", "winner_if_raised",
                                      "lower_by", "winner_if_lowered")],
        sensitivity_rows,
        one,
    )  # fmt: skip
    tables = [rank_table, breakdown_table] + ([sensitivity_table] if studies else [])

    # Chart: total scores, in ranking order.
    bars = []
    for vendor in ranking:
        label = _short(vendor.name)
        if not vendor.passes:
            label = msg("chart.knocked_out", name=label)
        tone = "good" if vendor is winner else ("neutral" if vendor.passes else "bad")
        bars.append({"label": label, "start": 0.0, "end": scores[vendor.row],
                     "text": one(scores[vendor.row]), "tone": tone})  # fmt: skip
    chart = {"id": "scores", "kind": "bars", "title": msg("chart.title"),
             "x_label": msg("chart.x"), "bars": bars, "reference": None}  # fmt: skip

    # What to check before signing.
    items: list[Item] = []
    if winner is None:
        items.append(Item(msg("list.no_winner"), _SELECTION))
    else:
        weighted = [i for i, w in enumerate(weights) if w > 0]
        weakest = min(weighted, key=lambda i: winner.scores[i])
        items.append(Item(msg("list.weakest", name=winner.name,
                              criterion=labels[CRITERIA[weakest]],
                              score=one(winner.scores[weakest])),
                          GUIDE_LINKS[CRITERIA[weakest]]))  # fmt: skip
        if fragile is not None:
            study, (_, flip) = fragile
            items.append(Item(msg("list.fragile", criterion=labels[study.criterion],
                                  points=one(flip.points)), _SCORING_TABLE))  # fmt: skip
        if runner_up is not None:
            items.append(Item(msg("list.runner_up", name=runner_up.name), _ALTERNATIVES))
        beaten_by = [v for v in ranking if not v.passes and scores[v.row] > scores[winner.row]]
        if beaten_by:
            items.append(
                Item(msg("list.knocked_out_higher", name=beaten_by[0].name), _SCORING_TABLE)
            )
    checks = ItemList("checks", msg("list.title"), items)

    def flip_values(flip: Flip | None) -> dict[str, Any] | None:
        return None if flip is None else {"points": flip.points, "winner": flip.challenger.name}

    return result(
        ID,
        msg("title"),
        locale,
        figures=[winner_fig, lead_fig, fragile_fig],
        tables=tables,
        charts=[chart],
        lists=[checks],
        values={
            "shares": dict(zip(CRITERIA, shares, strict=True)),
            "scores": {v.name: scores[v.row] for v in vendors},
            "points": {v.name: dict(zip(CRITERIA, breakdown[v.row], strict=True))
                       for v in vendors},
            "ranking": [v.name for v in ranking],
            "knocked_out": [v.name for v in ranking if not v.passes],
            "winner": winner.name if winner else None,
            "runner_up": runner_up.name if runner_up else None,
            "lead": lead_fig.value,
            "sensitivity": {
                s.criterion: {"share": s.share, "up": flip_values(s.up),
                              "down": flip_values(s.down)}
                for s in studies
            },
            "most_fragile": fragile[0].criterion if fragile else None,
        },
    )  # fmt: skip


# A vendor's row in an example: name, six scores, must-haves.
def _rows(*rows: tuple[str, tuple[float, ...], str]) -> list[Row]:
    return [_example(name, scores, passes) for name, scores, passes in rows]


EXAMPLES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("defaults", {}),
    (
        "price-led-weights",
        {"weight_expertise": 10, "weight_fit": 5, "weight_contract": 10, "weight_security": 10,
         "weight_communication": 5, "weight_price": 60},
    ),
    (
        "six-vendors-from-form-keys",
        {
            f"vendors.{i}.{column}": value
            for i, row in enumerate(_rows(
                ("Alpha", (7, 6.5, 5, 8, 7, 6), "yes"),
                ("Beta", (6, 8, 7, 6, 8, 7), "yes"),
                ("Gamma", (8, 5, 6, 9, 5, 5), "yes"),
                ("Delta", (5, 7, 9, 7, 6, 8.5), "yes"),
                ("Epsilon", (9, 9, 9, 9, 9, 9), "no"),
                ("Zeta <Ltd> & Co", (4, 4, 4, 4, 4, 10), "yes"),
            ))
            for column, value in row.items()
        },
    ),
    (
        "nobody-passes",
        {"vendors": _rows(("North", (7, 7, 7, 7, 7, 7), "no"),
                          ("South", (6, 6, 6, 6, 6, 6), "no"))},
    ),
    (
        "one-criterion-only",
        {"weight_expertise": 0, "weight_fit": 0, "weight_contract": 0, "weight_security": 0,
         "weight_communication": 0, "weight_price": 40},
    ),
)  # fmt: skip


_CRITERIA_TEXT: dict[str, tuple[str, str, str, str]] = {
    # criterion: (label in results, weight label, weight help, column heading)
    "expertise": (
        "Expertise and track record",
        "Expertise and track record",
        "Technical skills, project management and industry experience, judged on portfolios, "
        "case studies and references.",
        "Expertise",
    ),
    "fit": (
        "Cultural and operational fit",
        "Cultural and operational fit",
        "Work ethic, communication style, processes, tools and working hours that match yours.",
        "Fit",
    ),
    "contract": (
        "Contract flexibility and exit terms",
        "Contract flexibility and exit terms",
        "Contract models, prices for scaling up and down, SLA terms and a structured exit.",
        "Contract",
    ),
    "security": (
        "Security",
        "Security",
        "Protection of your data and intellectual property, audit rights and breach reporting.",
        "Security",
    ),
    "communication": (
        "Communication",
        "Communication",
        "Overlap hours, language, reporting and how early bad news reaches you.",
        "Communication",
    ),
    "price": (
        "Price",
        "Price (fully loaded)",
        "The total cost of the deal, not the day rate: transition, governance, travel and exit "
        "included. A higher score means better value.",
        "Price",
    ),
}

_P = ID
register(
    {
        "en": {
            f"{_P}.title": "Partner scorecard",
            f"unit.{_P}_points": "points",
            f"{_P}.group.weights": "How much each criterion matters",
            f"{_P}.group.vendors": "The vendors on your shortlist",
            **{f"{_P}.weight_{c}.label": t[1] for c, t in _CRITERIA_TEXT.items()},
            **{
                f"{_P}.weight_{c}.help": t[2] + " Only the proportions between the weights count."
                for c, t in _CRITERIA_TEXT.items()
            },
            **{f"{_P}.criterion.{c}": t[0] for c, t in _CRITERIA_TEXT.items()},
            f"{_P}.vendors.label": "Vendors and their scores",
            f"{_P}.vendors.help": "One row per vendor, 2 to 6 rows; leave unused rows empty. "
            "Score each criterion from 0 (poor) to 10 (excellent); for price, 10 means the best "
            "value. Set \u201cPasses the must-haves?\u201d to No for a vendor that fails a "
            "requirement you will not trade off: it is ranked last and cannot win.",
            f"{_P}.vendors.name.label": "Name",
            f"{_P}.vendors.name.help": f"The vendor's name, up to {MAX_NAME} characters; each "
            "row needs its own.",
            **{f"{_P}.vendors.{c}.label": t[3] for c, t in _CRITERIA_TEXT.items()},
            **{
                f"{_P}.vendors.{c}.help": f"Score for {t[0].lower()}, from 0 to 10."
                for c, t in _CRITERIA_TEXT.items()
            },
            f"{_P}.vendors.must_haves.label": "Passes the must-haves?",
            f"{_P}.vendors.must_haves.help": "No knocks the vendor out, whatever its score.",
            f"{_P}.vendors.must_haves.yes": "Yes",
            f"{_P}.vendors.must_haves.no": "No",
            f"{_P}.contradiction.no_weight": "All six weights are zero: give at least one "
            "criterion a weight above zero.",
            f"{_P}.figure.winner": "Best vendor",
            f"{_P}.figure.lead": "Lead over the runner-up",
            f"{_P}.figure.fragile": "Most fragile criterion",
            f"{_P}.note.winner": "Weighted score {score} out of 100, among the vendors that pass "
            "the must-haves.",
            f"{_P}.note.no_winner": "Every vendor fails a must-have, so none can win.",
            f"{_P}.note.lead": "Ahead of {name}, which scores {score}.",
            f"{_P}.note.no_runner_up": "Only one vendor passes the must-haves.",
            f"{_P}.note.fragile_up": "Raising its weight from {now} to {then} ({points} "
            "percentage points) puts {name} ahead.",
            f"{_P}.note.fragile_down": "Lowering its weight from {now} to {then} ({points} "
            "percentage points) puts {name} ahead.",
            f"{_P}.note.robust": "No change to a single weight, anywhere from 0% to 100%, "
            "changes the winner.",
            f"{_P}.value.no_winner": "None passes",
            f"{_P}.value.points": "{points} points",
            f"{_P}.value.not_applicable": "n/a",
            f"{_P}.value.none": "None",
            f"{_P}.value.never": "never",
            f"{_P}.table.ranking": "Ranking (knocked-out vendors last)",
            f"{_P}.table.vendor": "Vendor",
            f"{_P}.table.rank": "Rank",
            f"{_P}.table.score": "Score (out of 100)",
            f"{_P}.table.must_haves": "Must-haves",
            f"{_P}.table.passes": "Passes",
            f"{_P}.table.knocked_out": "Knocked out",
            f"{_P}.table.knocked_out_rank": "Out",
            f"{_P}.table.breakdown": "Score breakdown: weighted points by criterion and "
            "vendor (10 \u00d7 weight share \u00d7 score)",
            f"{_P}.table.criterion_weight": "{criterion} ({weight})",
            f"{_P}.table.total": "Total",
            f"{_P}.table.sensitivity": "How far each weight must move before {name} loses first "
            "place (percentage points; the other weights keep their proportions)",
            f"{_P}.table.criterion_and_weight": "Criterion (weight share now)",
            f"{_P}.table.raise_by": "Raise it by",
            f"{_P}.table.winner_if_raised": "Ahead if raised",
            f"{_P}.table.lower_by": "Lower it by",
            f"{_P}.table.winner_if_lowered": "Ahead if lowered",
            f"{_P}.chart.title": "Weighted score by vendor",
            f"{_P}.chart.x": "Weighted score (0 to 100)",
            f"{_P}.chart.knocked_out": "{name} (out)",
            f"{_P}.list.title": "Check before you sign",
            f"{_P}.list.no_winner": "No vendor passes the must-haves: widen the search, or "
            "check that every must-have is truly a must.",
            f"{_P}.list.weakest": "{name} scores lowest on {criterion} ({score} out of 10): "
            "test it in the pilot and write it into the contract.",
            f"{_P}.list.fragile": "The result hangs on the weight of {criterion}: a move of "
            "{points} percentage points changes the winner. Agree that weight before prices are "
            "opened.",
            f"{_P}.list.runner_up": "Keep {name} warm as the alternative.",
            f"{_P}.list.knocked_out_higher": "{name} scores higher but fails a must-have: "
            "confirm the must-have before you rule it out.",
        }
    }
)
