"""The risk register's numbers: each risk's ordinal score and its money at risk, ranked and
tiered by the money.

Each likelihood level stands for a yearly rate of occurrence (a stated assumption), or the
reader gives the rate, which may exceed 1; the rate times the cost if it happens (the single
loss) is the risk's expected annual loss. A mitigation costs money each year and cuts the rate,
the single loss or both: the inherent loss (before it) against the residual loss (after it)
gives the loss it avoids and its return. The register as planned carries the residual losses
and the mitigations' cost. The risks are ranked by that
loss (the ordinal score only breaks ties), and the register's tier is the share of the
expected yearly savings that the losses eat. The ordinal score (likelihood times impact, 1 to
25) and its band remain as a view: the heat map.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.money import total
from ..core.parse import Values
from .fields import LEVEL_RATES, RATE, RISKS, included

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
    cost: float  # the single loss: one occurrence
    rate: float  # occurrences a year, on average
    mitigation_cost: float = 0.0  # a year
    rate_cut: float = 0.0  # fractions, 0 to 1
    loss_cut: float = 0.0
    owner: str = ""
    review: str = ""  # the next review, year-month-day
    name: str = ""  # the reader's name for it; blank: the guide's name

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def expected_loss(self) -> float:
        """The inherent annual loss: before any mitigation."""
        return self.rate * self.cost

    @property
    def mitigated(self) -> bool:
        return self.mitigation_cost > 0.0 or self.rate_cut > 0.0 or self.loss_cut > 0.0

    def residual(self) -> Risk:
        """The risk after its mitigation, with no mitigation of its own. A cut rate moves the
        likelihood to the level the new rate falls in; the impact rating stays."""
        if not self.mitigated:
            return self
        rate = self.rate * (1.0 - self.rate_cut)
        level = level_for_rate(rate) if self.rate_cut > 0.0 else self.likelihood
        return Risk(self.key, level, self.impact, self.cost * (1.0 - self.loss_cut), rate,
                    owner=self.owner, review=self.review)  # fmt: skip

    @property
    def residual_loss(self) -> float:
        return self.residual().expected_loss

    @property
    def loss_avoided(self) -> float:
        return self.expected_loss - self.residual_loss

    @property
    def net_return(self) -> float:
        """The loss the mitigation avoids minus its cost, a year."""
        return self.loss_avoided - self.mitigation_cost

    @property
    def return_ratio(self) -> float | None:
        """The loss avoided per unit of mitigation cost; None for a free mitigation."""
        return self.loss_avoided / self.mitigation_cost if self.mitigation_cost > 0.0 else None


def level_for_rate(rate: float) -> int:
    """The likelihood level a yearly rate falls in, for the score and the heat map: the
    highest level whose rate it reaches (below 0.10 is level 1)."""
    return max((level for level, floor in LEVEL_RATES.items() if rate >= floor), default=1)


def risk_from(values: Values, key: str) -> Risk:
    likelihood = str(values[f"{key}_likelihood"])
    if likelihood == RATE:
        rate = float(values[f"{key}_rate"])
        level = level_for_rate(rate)
    else:
        level = int(likelihood)
        rate = LEVEL_RATES[level]
    return Risk(key, level, int(values[f"{key}_impact"]), float(values[f"{key}_cost"]), rate,
                float(values[f"{key}_mitigation_cost"]),
                float(values[f"{key}_rate_cut"]) / 100.0,
                float(values[f"{key}_loss_cut"]) / 100.0,
                str(values[f"{key}_owner"]), str(values[f"{key}_review"]),
                str(values[f"{key}_name"]).strip())  # fmt: skip


def risks_from(values: Values) -> list[Risk]:
    """The risks in the register (the ones left out are not rated, priced or counted)."""
    return [risk_from(values, key) for key in included(values)]


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
    """Largest residual loss first (the loss still expected after any mitigation); ties go to
    the higher score, then to the guide's order."""
    order = {key: i for i, key in enumerate(RISKS)}
    return sorted(risks, key=lambda r: (-r.residual_loss, -r.score, order[r.key]))


def top_risks(risks: list[Risk]) -> list[Risk]:
    best = ranked(risks)
    floor = TOP_MIN_SHARE * total(r.residual_loss for r in risks)
    extra = [
        r for r in best[TOP_ALWAYS:TOP_MOST] if r.residual_loss > 0 and r.residual_loss >= floor
    ]
    return best[:TOP_ALWAYS] + extra


# The bad year the value at risk describes: nine years out of ten cost no more.
VAR_LEVEL = 0.90
_CUMULATIVE_SLACK = 1e-12  # probabilities that add up to exactly 0.9 may round just below it


def loss_distribution(risks: list[Risk]) -> list[tuple[float, float]]:
    """Every possible yearly loss with its chance, smallest first, computed exactly.

    A risk with a yearly rate r strikes floor(r) times a year, or once more with a chance equal
    to the fraction of r (at most once, with chance r, when r <= 1), independently of the
    others. So a year is one of at most 2^n combinations of the n priced risks (at most 32,768
    with the 15 risks of the form), each with the product of its chances; equal losses are
    merged. No simulation: the result is exact and the same on every platform."""
    priced = [r for r in risks if r.cost > 0.0 and r.rate > 0.0]
    years: dict[float, float] = {0.0: 1.0}  # loss -> probability
    for risk in priced:
        times = int(risk.rate)
        p = risk.rate - times
        low = times * risk.cost
        outcomes = ((low, 1.0),) if p == 0.0 else ((low, 1.0 - p), (low + risk.cost, p))
        merged: dict[float, float] = {}
        for loss, chance in years.items():
            for hit, q in outcomes:
                merged[loss + hit] = merged.get(loss + hit, 0.0) + chance * q
        years = merged
    return sorted(years.items())


def quantile(distribution: list[tuple[float, float]], level: float = VAR_LEVEL) -> float:
    """The smallest yearly loss L with P(loss <= L) >= level."""
    cumulative = 0.0
    for loss, chance in distribution:
        cumulative += chance
        if cumulative >= level - _CUMULATIVE_SLACK:
            return loss
    return distribution[-1][0]  # pragma: no cover - the probabilities add up to 1


def loss_quantile(risks: list[Risk], level: float = VAR_LEVEL) -> float:
    """The bad year: the smallest yearly loss that `level` of years do not exceed."""
    return quantile(loss_distribution(risks), level)


def exceedance(distribution: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """For each possible loss, the chance that a year costs more: the curve of the loss
    distribution that a risk manager reads the bad years from."""
    points, above = [], 1.0
    for loss, chance in distribution:
        above -= chance
        points.append((loss, max(above, 0.0)))
    return points


@dataclass(frozen=True)
class Outcome:
    risks: list[Risk]  # in the guide's order
    top: list[Risk]  # costliest first
    savings: float
    expected_loss: float  # inherent: before mitigation
    residual_loss: float  # after mitigation
    mitigation_cost: float
    loss_p90: float  # the value at risk after mitigation: a bad year, nine in ten cost no more
    inherent_p90: float
    residual_distribution: list[tuple[float, float]]  # (loss, chance), smallest first
    inherent_distribution: list[tuple[float, float]]
    net_loss: float  # residual loss plus the mitigations' cost: what the risks cost as planned
    adjusted: float  # savings minus net loss
    share: float | None  # net loss over savings, a fraction; None without savings
    tier: str

    @property
    def mitigated(self) -> list[Risk]:
        return [r for r in self.risks if r.mitigated]

    @property
    def highest_score(self) -> Risk:
        order = {key: i for i, key in enumerate(RISKS)}
        return min(self.risks, key=lambda r: (-r.score, -r.expected_loss, order[r.key]))

    @property
    def sum_of_scores(self) -> int:
        return sum(r.score for r in self.risks)


def outcome(values: Values) -> Outcome:
    risks = risks_from(values)
    residual_years = loss_distribution([r.residual() for r in risks])
    inherent_years = loss_distribution(risks)
    savings = float(values["savings"])
    residual = total(r.residual_loss for r in risks)
    mitigation = total(r.mitigation_cost for r in risks)
    net = residual + mitigation
    return Outcome(
        risks=risks,
        top=top_risks(risks),
        savings=savings,
        expected_loss=total(r.expected_loss for r in risks),
        residual_loss=residual,
        mitigation_cost=mitigation,
        loss_p90=quantile(residual_years),
        inherent_p90=quantile(inherent_years),
        residual_distribution=residual_years,
        inherent_distribution=inherent_years,
        net_loss=net,
        adjusted=savings - net,
        share=net / savings if savings > 0 else None,
        tier=tier(net, savings),
    )
