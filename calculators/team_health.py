"""Team health check: how does an outsourced team stand on the guide's five pairs of failure
causes and high-performer traits?

The reader rates fifteen statements, three per dimension (goals and direction, communication,
accountability, talent, integration), from 1 (strongly disagree) to 5 (strongly agree). A
positively phrased statement earns rating - 1 points (0 to 4); a negatively phrased one, a
symptom of failure, is reverse-scored and earns 5 - rating. A dimension's score is its points
as a share of the most it could earn, times 100; the overall score is the average of the five
dimension scores. Scores are computed with exact fractions, so the bands' thresholds are
compared exactly and CPython and Pyodide agree to the bit.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ._fields import Field, FieldSet, Values
from ._format import format_number
from ._messages import message, register
from ._results import Figure, Item, ItemList, result

ID = "team_health"
RATINGS = ("1", "2", "3", "4", "5")
GUIDE = "../../guide/making-it-work/"

# Thresholds on the 0-100 scale (inclusive lower bounds).
GOOD = 75  # a dimension at or above this is "good"; below it, "weak" for the rhythm advice
FAIR = 50  # a dimension below this is "bad"
BANDS = (("high_performing", 90), ("healthy", GOOD), ("needs_work", FAIR), ("at_risk", 0))


@dataclass(frozen=True)
class Statement:
    name: str
    negative: bool  # a symptom of failure: agreeing lowers the score
    default: str


@dataclass(frozen=True)
class Dimension:
    id: str
    statements: tuple[Statement, ...]
    actions: tuple[str, str]  # hrefs of the two actions, relative to the calculator's page


DIMENSIONS = (
    Dimension(
        "goals",
        (
            Statement("goals_agreed", False, "4"),
            Statement("goals_traced", False, "3"),
            Statement("goals_missed", True, "2"),
        ),
        (f"{GUIDE}#clear-direction", f"{GUIDE}#cause-trait-practice"),
    ),
    Dimension(
        "communication",
        (
            Statement("comm_rhythm", False, "3"),
            Statement("comm_tools", False, "4"),
            Statement("comm_late_news", True, "4"),
        ),
        (f"{GUIDE}#communication-protocols", f"{GUIDE}#communication-and-tools"),
    ),
    Dimension(
        "accountability",
        (
            Statement("acc_owners", False, "5"),
            Statement("acc_tracked", False, "4"),
            Statement("acc_unclear", True, "2"),
        ),
        (f"{GUIDE}#governance-rhythm", f"{GUIDE}#kpis"),
    ),
    Dimension(
        "talent",
        (
            Statement("talent_skills", False, "4"),
            Statement("talent_learning", False, "3"),
            Statement("talent_struggles", True, "3"),
        ),
        (f"{GUIDE}#talent-and-learning", "../../guide/choosing-a-partner/#price-alone"),
    ),
    Dimension(
        "integration",
        (
            Statement("int_planning", False, "2"),
            Statement("int_access", False, "3"),
            Statement("int_silo", True, "4"),
        ),
        (f"{GUIDE}#integration", f"{GUIDE}#integration"),
    ),
)
RHYTHM_HREF = f"{GUIDE}#governance-rhythm"
STATEMENTS = {s.name: s for d in DIMENSIONS for s in d.statements}

_PLAN = "team_health.group.plan"

FIELDS = (
    *(
        Field(s.name, "choice", s.default, choices=RATINGS, group=f"team_health.group.{d.id}")
        for d in DIMENSIONS
        for s in d.statements
    ),
    Field("focus_count", "integer", 3, "", 1, len(DIMENSIONS), 1, group=_PLAN),
)

FIELDSET = FieldSet(ID, FIELDS)

_CHOICE_LABELS = {
    "1": "1 \u2013 strongly disagree",
    "2": "2 \u2013 disagree",
    "3": "3 \u2013 neutral",
    "4": "4 \u2013 agree",
    "5": "5 \u2013 strongly agree",
}

# (label, help) of each statement.
_STATEMENTS_EN = {
    "goals_agreed": (
        "The goals and KPIs of the outsourced work are written down and agreed by our leadership.",
        "Agreed before the work started, not discovered along the way.",
    ),
    "goals_traced": (
        "Both teams can say which goal each piece of work serves.",
        "Every workstream is linked to a goal, so the team knows why the work matters.",
    ),
    "goals_missed": (
        "Deliverables are often missed or re-scoped.",
        "A symptom of misaligned goals: agreeing lowers the score.",
    ),
    "comm_rhythm": (
        "Meetings and status reports follow a fixed rhythm and format.",
        "For example a weekly check-in and the same status report every week.",
    ),
    "comm_tools": (
        "Both teams work in one shared set of tools.",
        "One tracker, one chat channel and one document store, not parallel copies.",
    ),
    "comm_late_news": (
        "We often hear about problems late, after they have grown.",
        "A symptom of poor communication: agreeing lowers the score.",
    ),
    "acc_owners": (
        "Each side has a named owner for the work, and the escalation path is clear.",
        "For example your service owner and the vendor's lead, with an agreed route for "
        "problems they cannot solve.",
    ),
    "acc_tracked": (
        "Deliverables and milestones are tracked against KPIs both sides can see.",
        "Progress is measured against agreed targets, not judged on impressions.",
    ),
    "acc_unclear": (
        "When something goes wrong, it is unclear who should fix it.",
        "A symptom of weak accountability: agreeing lowers the score.",
    ),
    "talent_skills": (
        "The vendor's team has the skills and experience the work needs.",
        "Technical expertise and problem solving at the level the work needs today.",
    ),
    "talent_learning": (
        "The team's skills are reviewed regularly, and it has a training plan.",
        "Continuous learning keeps a team able to handle work that changes.",
    ),
    "talent_struggles": (
        "The team struggles when the work changes or a problem is new to it.",
        "A symptom of a skill gap: agreeing lowers the score.",
    ),
    "int_planning": (
        "The vendor's leads take part in our planning sessions.",
        "They hear the goals first-hand and help decide the work.",
    ),
    "int_access": (
        "The vendor's staff have the tools, access and documents our own staff have.",
        "Within your security rules.",
    ),
    "int_silo": (
        "Work is delayed or duplicated at the hand-offs between our teams and theirs.",
        "A symptom of a team working in a silo: agreeing lowers the score.",
    ),
}

register(
    {
        "en": {
            "team_health.title": "Team health check",
            "team_health.group.goals": "Goals and direction",
            "team_health.group.communication": "Communication",
            "team_health.group.accountability": "Accountability",
            "team_health.group.talent": "Talent and skills",
            "team_health.group.integration": "Integration with in-house teams",
            "team_health.group.plan": "Action plan",
            **{f"team_health.{name}.label": label for name, (label, _) in _STATEMENTS_EN.items()},
            **{f"team_health.{name}.help": text for name, (_, text) in _STATEMENTS_EN.items()},
            **{
                f"team_health.{name}.{choice}": label
                for name in _STATEMENTS_EN
                for choice, label in _CHOICE_LABELS.items()
            },
            "team_health.focus_count.label": "Dimensions to act on",
            "team_health.focus_count.help": "How many of the weakest dimensions get actions in "
            "the results, weakest first.",
            "team_health.dimension.goals": "Goals and direction",
            "team_health.dimension.communication": "Communication",
            "team_health.dimension.accountability": "Accountability",
            "team_health.dimension.talent": "Talent and skills",
            "team_health.dimension.integration": "Integration",
            "team_health.score": "{score}/100",
            "team_health.figure.overall": "Overall score",
            "team_health.note.overall": "The average of the five dimension scores.",
            "team_health.figure.band": "Rating",
            "team_health.band.at_risk": "At risk",
            "team_health.band.needs_work": "Needs work",
            "team_health.band.healthy": "Healthy",
            "team_health.band.high_performing": "High performing",
            "team_health.note.band": "At risk below 50, needs work from 50, healthy from 75, "
            "high performing from 90.",
            "team_health.note.band_capped_fair": "Held at needs work because a dimension "
            "scores below 50.",
            "team_health.note.band_capped_good": "Held at healthy because a dimension scores "
            "below 75.",
            "team_health.figure.weakest": "Weakest dimension",
            "team_health.note.weakest": "Scores {score} out of 100.",
            "team_health.chart.title": "Score by dimension",
            "team_health.chart.x": "Score (0 to 100; 75 and above is good, below 50 is weak)",
            "team_health.chart.best": "Best possible",
            "team_health.list.actions": "What to work on first",
            "team_health.action.note": "{dimension}: {score} out of 100",
            "team_health.action.goals.1": "Write down the goals and KPIs of the outsourced "
            "work and have your leadership agree them.",
            "team_health.action.goals.2": "Link every workstream to one of those goals and "
            "name an executive sponsor.",
            "team_health.action.communication.1": "Fix a meeting rhythm and send the same "
            "structured status report every week.",
            "team_health.action.communication.2": "Move both teams onto one tracker, one chat "
            "channel and one document store, with agreed overlap hours.",
            "team_health.action.accountability.1": "Name an owner on each side (sponsor, "
            "service owner, vendor lead) and agree an escalation path.",
            "team_health.action.accountability.2": "Track deliverables and milestones against "
            "a few KPIs tied to your goals, measured from your own baseline.",
            "team_health.action.talent.1": "Compare the skills the work needs with the "
            "vendor's team, and agree skill reviews and a training plan.",
            "team_health.action.talent.2": "When you add people or scope, vet for expertise "
            "and adaptability, not price alone, and pilot before you scale.",
            "team_health.action.integration.1": "Invite the vendor's leads to your planning "
            "sessions and give their staff the tools and documents your own staff have.",
            "team_health.action.integration.2": "Name a counterpart in each department the "
            "work touches, and onboard the vendor's people as you would new employees.",
            "team_health.list.rhythm": "Meeting rhythm",
            "team_health.rhythm.weekly": "Hold a weekly check-in between your service owner "
            "and the vendor's lead: deliverables, KPIs against target, risks and blockers.",
            "team_health.rhythm.monthly": "Hold a monthly strategic review with your sponsor "
            "and the vendor's account executive: alignment with goals, KPI trends, scope.",
            "team_health.rhythm.note.communication": "Suggested because communication scores "
            "{communication}, below 75.",
            "team_health.rhythm.note.accountability": "Suggested because accountability "
            "scores {accountability}, below 75.",
            "team_health.rhythm.note.both": "Suggested because communication ({communication}) "
            "and accountability ({accountability}) score below 75.",
        }
    }
)


def points(statement: Statement, rating: str) -> int:
    """0 to 4 points: rating - 1 for a positive statement, 5 - rating for a negative one."""
    value = int(rating)
    return 5 - value if statement.negative else value - 1


def dimension_score(dimension: Dimension, values: Values) -> Fraction:
    """The dimension's points as a share of the most it could earn, on a 0-100 scale."""
    earned = sum(points(s, str(values[s.name])) for s in dimension.statements)
    return Fraction(100 * earned, 4 * len(dimension.statements))


def band(overall: Fraction, lowest: Fraction) -> tuple[str, str]:
    """The band of the overall score, held down by the weakest dimension: with any dimension
    below 50 a team is at most "needs work", with any below 75 at most "healthy". Returns the
    band and which cap applied ("fair", "good" or "")."""
    name = next(b for b, floor in BANDS if overall >= floor)
    if lowest < FAIR and name in {"high_performing", "healthy"}:
        return "needs_work", "fair"
    if lowest < GOOD and name == "high_performing":
        return "healthy", "good"
    return name, ""


def tone(score: Fraction) -> str:
    return "good" if score >= GOOD else "neutral" if score >= FAIR else "bad"


def compute(values: Values, locale: str = "en") -> dict[str, Any]:
    def msg(key: str, **params: object) -> str:
        return message(f"team_health.{key}", locale, **params)

    def number(score: Fraction) -> str:
        return format_number(float(score), locale, 0)

    scores = {d.id: dimension_score(d, values) for d in DIMENSIONS}
    overall = sum(scores.values(), Fraction(0)) / len(DIMENSIONS)
    # Weakest first; ties keep the guide's order of the five causes.
    ranked = sorted(DIMENSIONS, key=lambda d: scores[d.id])
    weakest = ranked[0]
    lowest = scores[weakest.id]
    band_name, cap = band(overall, lowest)
    weakest_label = msg(f"dimension.{weakest.id}")

    band_note = msg("note.band")
    if cap:
        band_note = msg(f"note.band_capped_{cap}")
    figures = [
        Figure("overall", msg("figure.overall"), float(overall),
               msg("score", score=number(overall)), msg("note.overall")),
        Figure("band", msg("figure.band"), None, msg(f"band.{band_name}"), band_note),
        Figure("weakest", msg("figure.weakest"), None, weakest_label,
               msg("note.weakest", score=number(lowest))),
    ]  # fmt: skip

    chart = {
        "id": "dimensions",
        "kind": "bars",
        "title": msg("chart.title"),
        "x_label": msg("chart.x"),
        "bars": [
            {
                "label": msg(f"dimension.{d.id}"),
                "start": 0.0,
                "end": float(scores[d.id]),
                "text": number(scores[d.id]),
                "tone": tone(scores[d.id]),
            }
            for d in DIMENSIONS
        ],
        # Keeps the scale at 0-100 whatever the scores.
        "reference": {"x": 100.0, "label": msg("chart.best")},
    }

    focus = ranked[: int(values["focus_count"])]
    actions = [
        Item(
            msg(f"action.{d.id}.{n + 1}"),
            href,
            msg("action.note", dimension=msg(f"dimension.{d.id}"), score=number(scores[d.id])),
        )
        for d in focus
        for n, href in enumerate(d.actions)
    ]
    lists = [ItemList("actions", msg("list.actions"), actions, ordered=True)]

    weak = [d for d in ("communication", "accountability") if scores[d] < GOOD]
    if weak:
        which = weak[0] if len(weak) == 1 else "both"
        note = msg(
            f"rhythm.note.{which}",
            communication=number(scores["communication"]),
            accountability=number(scores["accountability"]),
        )
        rhythm = [Item(msg(f"rhythm.{k}"), RHYTHM_HREF, note) for k in ("weekly", "monthly")]
        lists.append(ItemList("rhythm", msg("list.rhythm"), rhythm))

    return result(
        ID,
        msg("title"),
        locale,
        figures=figures,
        charts=[chart],
        lists=lists,
        values={
            "scores": {d: float(s) for d, s in scores.items()},
            "overall": float(overall),
            "band": band_name,
            "band_capped": cap or None,
            "weakest": weakest.id,
            "focus": [d.id for d in focus],
            "rhythm_advice": bool(weak),
            "points": {
                s.name: points(s, str(values[s.name])) for d in DIMENSIONS for s in d.statements
            },
            "action_hrefs": [item.href for item in actions],
        },
    )


def _all(rating: str, negative: str) -> dict[str, object]:
    return {s.name: negative if s.negative else rating for s in STATEMENTS.values()}


EXAMPLES: tuple[tuple[str, dict[str, object]], ...] = (
    ("a middling team (the defaults)", {}),
    ("the best answers everywhere", _all("5", "1")),
    ("the worst answers everywhere", _all("1", "5") | {"focus_count": 5}),
    ("agreeing with everything", _all("4", "4") | {"focus_count": 2}),
    (
        "strong but for communication",
        _all("5", "1") | {"comm_rhythm": "2", "comm_tools": "3", "comm_late_news": "4"},
    ),
)
