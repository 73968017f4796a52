"""The risk register's numbers: each risk's ordinal score and its money at risk, ranked and
tiered by the money.

Each likelihood level stands for a yearly probability (a stated assumption), so probability
times the cost if it happens is the risk's expected annual loss. The risks are ranked by that
loss (the ordinal score only breaks ties), and the register's tier is the share of the
expected yearly savings that the losses eat. The ordinal score (likelihood times impact, 1 to
25) and its band remain as a view: the heat map.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.money import total
from ..core.parse import Values
from .fields import RISKS

# The yearly probability each likelihood level stands for (an assumption, stated on the page):
# "about once in N years" is a 1-in-N chance in any one year.
PROBABILITY: dict[int, float] = {1: 0.05, 2: 0.10, 3: 0.25, 4: 0.50, 5: 0.90}

TIERS = ("low", "medium", "high", "critical")
# The tier by the share of the expected yearly savings lost to the risks on average: under
# 10% low, under 25% medium, under 50% high, half or more critical. With no savings, any
# expected loss is critical (there is nothing to absorb it).
SHARE_LIMITS = ((0.10, "low"), (0.25, "medium"), (0.50, "high"))
# A single score's band on the heat map: up to 4 low, up to 9 medium, up to 16 high, 20 and
# 25 critical.
BAND_LIMITS = ((4, "low"), (9, "medium"), (16, "high"), (25, "critical"))
# The three costliest risks are always listed; the fourth and fifth when each carries at
# least 5% of the expected annual loss.
TOP_ALWAYS, TOP_MOST, TOP_MIN_SHARE = 3, 5, 0.05


@dataclass(frozen=True)
class Risk:
    key: str
    likelihood: int
    impact: int
    cost: float

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def probability(self) -> float:
        return PROBABILITY[self.likelihood]

    @property
    def expected_loss(self) -> float:
        return self.probability * self.cost


def risks_from(values: Values) -> list[Risk]:
    return [
        Risk(key, int(values[f"{key}_likelihood"]), int(values[f"{key}_impact"]),
             float(values[f"{key}_cost"]))
        for key in RISKS
    ]  # fmt: skip


def band(score: int) -> str:
    """The band of one score on the heat map: low, medium, high or critical."""
    for limit, name in BAND_LIMITS:
        if score <= limit:
            return name
    return "critical"


def tier(expected_loss: float, savings: float) -> str:
    """The register's tier by the money at risk against the savings it eats into."""
    if expected_loss <= 0.0:
        return "low"
    if savings <= 0.0:
        return "critical"
    share = expected_loss / savings
    return next((name for limit, name in SHARE_LIMITS if share < limit), "critical")


def ranked(risks: list[Risk]) -> list[Risk]:
    """Largest expected loss first; ties go to the higher score, then to the guide's order."""
    order = {key: i for i, key in enumerate(RISKS)}
    return sorted(risks, key=lambda r: (-r.expected_loss, -r.score, order[r.key]))


def top_risks(risks: list[Risk]) -> list[Risk]:
    best = ranked(risks)
    floor = TOP_MIN_SHARE * total(r.expected_loss for r in risks)
    extra = [
        r for r in best[TOP_ALWAYS:TOP_MOST] if r.expected_loss > 0 and r.expected_loss >= floor
    ]
    return best[:TOP_ALWAYS] + extra


# The bad year the value at risk describes: nine years out of ten cost no more.
VAR_LEVEL = 0.90
_CUMULATIVE_SLACK = 1e-12  # probabilities that add up to exactly 0.9 may round just below it


def loss_quantile(risks: list[Risk], level: float = VAR_LEVEL) -> float:
    """The smallest yearly loss L with P(loss <= L) >= level, computed exactly.

    Each risk strikes at most once a year, independently, with its yearly probability, so a
    year is one of 2^n combinations of the n priced risks (n <= 10: at most 1,024), each with
    the product of its probabilities. No simulation: the result is exact and the same on every
    platform."""
    priced = [r for r in risks if r.cost > 0.0 and r.probability > 0.0]
    years: list[tuple[float, float]] = [(0.0, 1.0)]  # (loss, probability)
    for risk in priced:
        p = risk.probability
        years = [(loss + hit, chance * q) for loss, chance in years
                 for hit, q in ((0.0, 1.0 - p), (risk.cost, p))]  # fmt: skip
    years.sort()
    cumulative = 0.0
    for loss, chance in years:
        cumulative += chance
        if cumulative >= level - _CUMULATIVE_SLACK:
            return loss
    return years[-1][0]  # pragma: no cover - the probabilities add up to 1


@dataclass(frozen=True)
class Outcome:
    risks: list[Risk]  # in the guide's order
    top: list[Risk]  # costliest first
    savings: float
    expected_loss: float
    loss_p90: float  # the value at risk: a bad year, nine in ten cost no more
    adjusted: float  # savings minus expected loss
    share: float | None  # expected loss over savings, a fraction; None without savings
    tier: str

    @property
    def highest_score(self) -> Risk:
        order = {key: i for i, key in enumerate(RISKS)}
        return min(self.risks, key=lambda r: (-r.score, -r.expected_loss, order[r.key]))

    @property
    def sum_of_scores(self) -> int:
        return sum(r.score for r in self.risks)


def outcome(values: Values) -> Outcome:
    risks = risks_from(values)
    savings = float(values["savings"])
    loss = total(r.expected_loss for r in risks)
    return Outcome(
        risks=risks,
        top=top_risks(risks),
        savings=savings,
        expected_loss=loss,
        loss_p90=loss_quantile(risks),
        adjusted=savings - loss,
        share=loss / savings if savings > 0 else None,
        tier=tier(loss, savings),
    )
