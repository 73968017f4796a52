"""The team health model: ratings in, scores and bands out.

The reader rates fifteen statements, three per dimension (goals and direction, communication,
accountability, talent, integration), from 1 (strongly disagree) to 5 (strongly agree). A
positively phrased statement earns rating - 1 points (0 to 4); a negatively phrased one, a
symptom of failure, is reverse-scored and earns 5 - rating. A dimension's score is its points
as a share of the most it could earn, times 100; the overall score is the average of the five
dimension scores. Scores are computed with exact fractions, so the bands' thresholds are
compared exactly and CPython and Pyodide agree to the bit.

Optionally the vendor's lead rates the same statements ("both sides"). The scores, rating and
actions stay those of the reader's own answers; the vendor's scores sit beside them, and a gap
of LARGE_GAP points or more in a dimension (the two sides three rating steps apart in total,
out of the twelve points a dimension can earn) is called large.

`DIMENSIONS` is the public list of the five dimensions, each the pair of a cause of failure
and the trait of high-performing teams that prevents it, in the guide's order. Each has an id
(stable: pages, figures and results name dimensions by it) and an English label marked for
translation (`text_for(locale).gettext(d.label)`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..core.parse import Values
from ..core.text import N_

Band = Literal["high_performing", "healthy", "needs_work", "at_risk"]
Cap = Literal["fair", "good", ""]

VENDOR_PREFIX = "vendor_"  # the vendor's rating of statement s is the field vendor_<s>
LARGE_GAP = 25  # points on the 0-100 scale: three rating steps of the twelve a dimension has

# Thresholds on the 0-100 scale (inclusive lower bounds).
GOOD = 75  # a dimension at or above this is "good"; below it, "weak" for the rhythm advice
FAIR = 50  # a dimension below this is "bad"
BANDS: tuple[tuple[Band, int], ...] = (
    ("high_performing", 90),
    ("healthy", GOOD),
    ("needs_work", FAIR),
    ("at_risk", 0),
)


@dataclass(frozen=True)
class Statement:
    name: str  # the field's name
    negative: bool  # a symptom of failure: agreeing lowers the score
    default: str  # the default rating, "1" to "5"


@dataclass(frozen=True)
class Dimension:
    id: str
    label: str  # N_("...")
    statements: tuple[Statement, ...]


DIMENSIONS = (
    Dimension("goals", N_("Goals and direction"), (
        Statement("goals_agreed", False, "4"),
        Statement("goals_traced", False, "3"),
        Statement("goals_missed", True, "2"),
    )),
    Dimension("communication", N_("Communication"), (
        Statement("comm_rhythm", False, "3"),
        Statement("comm_tools", False, "4"),
        Statement("comm_late_news", True, "4"),
    )),
    Dimension("accountability", N_("Accountability"), (
        Statement("acc_owners", False, "5"),
        Statement("acc_tracked", False, "4"),
        Statement("acc_unclear", True, "2"),
    )),
    Dimension("talent", N_("Talent and skills"), (
        Statement("talent_skills", False, "4"),
        Statement("talent_learning", False, "3"),
        Statement("talent_struggles", True, "3"),
    )),
    Dimension("integration", N_("Integration"), (
        Statement("int_planning", False, "2"),
        Statement("int_access", False, "3"),
        Statement("int_silo", True, "4"),
    )),
)  # fmt: skip
STATEMENTS = {s.name: s for d in DIMENSIONS for s in d.statements}


def points(statement: Statement, rating: str) -> int:
    """0 to 4 points: rating - 1 for a positive statement, 5 - rating for a negative one."""
    value = int(rating)
    return 5 - value if statement.negative else value - 1


def dimension_score(dimension: Dimension, values: Values) -> Fraction:
    """The dimension's points as a share of the most it could earn, on a 0-100 scale."""
    earned = sum(points(s, str(values[s.name])) for s in dimension.statements)
    return Fraction(100 * earned, 4 * len(dimension.statements))


def band(overall: Fraction, lowest: Fraction) -> tuple[Band, Cap]:
    """The band of the overall score, held down by the weakest dimension: with any dimension
    below 50 a team is at most "needs work", with any below 75 at most "healthy". Returns the
    band and which cap applied ("fair", "good" or "")."""
    name = next(b for b, floor in BANDS if overall >= floor)
    if lowest < FAIR and name in {"high_performing", "healthy"}:
        return "needs_work", "fair"
    if lowest < GOOD and name == "high_performing":
        return "healthy", "good"
    return name, ""


@dataclass(frozen=True)
class Outcome:
    """Every number the team health result shows, for one set of answers."""

    scores: dict[str, Fraction]  # by dimension id, in DIMENSIONS' order
    overall: Fraction
    ranked: list[Dimension]  # weakest first; ties keep the guide's order
    band: Band
    cap: Cap
    focus: list[Dimension]
    weak_rhythm: list[str]  # "communication", "accountability": those below GOOD
    points: dict[str, int]  # by statement name
    sides: Sides | None  # the vendor's view, when the reader answers for both sides

    @property
    def weakest(self) -> Dimension:
        return self.ranked[0]

    @property
    def lowest(self) -> Fraction:
        return self.scores[self.weakest.id]


@dataclass(frozen=True)
class Sides:
    """The vendor's scores beside the reader's, and the gap in each dimension."""

    vendor: dict[str, Fraction]  # by dimension id, in DIMENSIONS' order
    vendor_overall: Fraction
    gaps: dict[str, Fraction]  # vendor - reader, by dimension id
    large: list[Dimension]  # |gap| >= LARGE_GAP, largest first; ties keep the guide's order


def vendor_values(values: Values) -> Values:
    """The vendor's answers under the statements' own names."""
    return {name: values[VENDOR_PREFIX + name] for name in STATEMENTS}


def sides(values: Values, own: dict[str, Fraction]) -> Sides | None:
    """The comparison, when the reader answers for both sides."""
    if values.get("answer_for") != "both":
        return None
    theirs = vendor_values(values)
    vendor = {d.id: dimension_score(d, theirs) for d in DIMENSIONS}
    gaps = {d: vendor[d] - own[d] for d in own}
    large = sorted(
        (d for d in DIMENSIONS if abs(gaps[d.id]) >= LARGE_GAP), key=lambda d: -abs(gaps[d.id])
    )
    return Sides(vendor, sum(vendor.values(), Fraction(0)) / len(DIMENSIONS), gaps, large)


def outcome(values: Values) -> Outcome:
    scores = {d.id: dimension_score(d, values) for d in DIMENSIONS}
    overall = sum(scores.values(), Fraction(0)) / len(DIMENSIONS)
    ranked = sorted(DIMENSIONS, key=lambda d: scores[d.id])
    band_name, cap = band(overall, scores[ranked[0].id])
    return Outcome(
        scores=scores,
        overall=overall,
        ranked=ranked,
        band=band_name,
        cap=cap,
        focus=ranked[: int(values["focus_count"])],
        weak_rhythm=[d for d in ("communication", "accountability") if scores[d] < GOOD],
        points={s.name: points(s, str(values[s.name])) for s in STATEMENTS.values()},
        sides=sides(values, scores),
    )
