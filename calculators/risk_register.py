"""Risk register: ten outsourcing risks scored on likelihood and impact, with their price.

Each risk the guide names is a fixed row. Its score is likelihood times impact (1 to 25); the
register's overall tier is the worse of two readings, the highest single score and the sum of
all ten; the tier sets how often to review the register. Each likelihood level stands for a
yearly probability (a stated assumption), so probability times the cost if it happens gives an
expected yearly loss, and expected yearly savings minus that loss gives risk-adjusted savings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import savings
from ._fields import Field, FieldSet, Values
from ._format import format_money, format_number, format_percent
from ._messages import message, register
from ._money import total
from ._results import Figure, Item, ItemList, Table, result

ID = "risk_register"
CURRENCIES = savings.CURRENCIES

# The risks of the guide, in the guide's order. Each key prefixes three fields.
RISKS = (
    "security",
    "communication",
    "contract",
    "quality",
    "dependence",
    "culture",
    "control",
    "backlash",
    "morale",
    "hidden_costs",
)
LEVELS = ("1", "2", "3", "4", "5")

# The yearly probability each likelihood level stands for (an assumption, stated on the page):
# "about once in N years" is a 1-in-N chance in any one year.
PROBABILITY: dict[int, float] = {1: 0.05, 2: 0.10, 3: 0.25, 4: 0.50, 5: 0.90}

# Illustrative defaults for the savings page's ten-person back-office team:
# (likelihood, impact, cost if it happens).
DEFAULTS: dict[str, tuple[int, int, int]] = {
    "security": (2, 5, 150_000),
    "communication": (4, 2, 20_000),
    "contract": (2, 3, 30_000),
    "quality": (3, 3, 40_000),
    "dependence": (2, 4, 80_000),
    "culture": (3, 2, 15_000),
    "control": (2, 4, 60_000),
    "backlash": (1, 3, 50_000),
    "morale": (3, 2, 25_000),
    "hidden_costs": (4, 3, 50_000),
}

TIERS = ("low", "medium", "high", "critical")
# A single score's band: up to 4 low, up to 9 medium, up to 16 high, 20 and 25 critical.
BAND_LIMITS = ((4, "low"), (9, "medium"), (16, "high"), (25, "critical"))
# The sum of the ten scores (10 to 250) lifts the tier to at least this level.
SUM_LIMITS = ((120, "critical"), (80, "high"), (40, "medium"))
# The three highest risks are always listed; the fourth and fifth when at least medium.
TOP_ALWAYS, TOP_MOST, TOP_MIN_SCORE = 3, 5, 5

# Where the guide explains each risk's mitigation, relative to this calculator's page.
_GUIDE = "../../guide/"
MITIGATION_LINKS: dict[str, str] = {
    "security": _GUIDE + "risks-and-hidden-costs/#data-and-ip",
    "communication": _GUIDE + "making-it-work/#communication-and-tools",
    "contract": _GUIDE + "choosing-a-partner/#contract-terms",
    "quality": _GUIDE + "making-it-work/#skill-gaps",
    "dependence": _GUIDE + "outsourcing-manager/#competition",
    "culture": _GUIDE + "making-it-work/#culture",
    "control": _GUIDE + "risks-and-hidden-costs/#control-and-complexity",
    "backlash": _GUIDE + "risks-and-hidden-costs/#people-and-reputation",
    "morale": _GUIDE + "making-it-work/#integration",
    "hidden_costs": _GUIDE + "risks-and-hidden-costs/#hidden-costs",
}
GOVERNANCE_LINK = _GUIDE + "making-it-work/#governance-rhythm"
BEFORE_YOU_SIGN_LINK = _GUIDE + "risks-and-hidden-costs/#before-you-sign"


def _default_yearly_savings() -> int:
    """The savings calculator's default result: total savings over its horizon, per year,
    rounded to a whole currency unit (so this page and the savings page agree)."""
    values = savings.FIELDSET.parse({})
    saved = float(savings.compute(values, "en")["values"]["savings"])
    return round(saved / int(values["horizon_years"]))


DEFAULT_YEARLY_SAVINGS = _default_yearly_savings()

_MONEY_GROUP = f"{ID}.group.savings"


def _risk_fields(risk: str) -> tuple[Field, ...]:
    likelihood, impact, cost = DEFAULTS[risk]
    group = f"{ID}.group.{risk}"
    return (
        Field(f"{risk}_likelihood", "choice", str(likelihood), choices=LEVELS, group=group),
        Field(f"{risk}_impact", "choice", str(impact), choices=LEVELS, group=group),
        Field(f"{risk}_cost", "money", cost, f"{ID}_per_event", 0, 1e10, 1000, group=group),
    )


FIELDS = (
    *(f for risk in RISKS for f in _risk_fields(risk)),
    Field(
        "savings",
        "money",
        DEFAULT_YEARLY_SAVINGS,
        "per_year",
        -1e10,
        1e10,
        1000,
        group=_MONEY_GROUP,
    ),
    Field("currency", "choice", "EUR", choices=CURRENCIES, group=_MONEY_GROUP),
)

# No two fields can contradict each other: any likelihood, impact and cost go together.
FIELDSET = FieldSet(ID, FIELDS)


# --- The model ---------------------------------------------------------------------------------


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
        Risk(
            key,
            int(values[f"{key}_likelihood"]),
            int(values[f"{key}_impact"]),
            float(values[f"{key}_cost"]),
        )
        for key in RISKS
    ]


def band(score: int) -> str:
    """The band of one score: low, medium, high or critical."""
    for limit, name in BAND_LIMITS:
        if score <= limit:
            return name
    return "critical"


def tier(scores: list[int]) -> str:
    """The register's tier: the band of the highest score, lifted by the sum of all scores."""
    by_highest = TIERS.index(band(max(scores)))
    summed = sum(scores)
    by_sum = next((TIERS.index(name) for limit, name in SUM_LIMITS if summed >= limit), 0)
    return TIERS[max(by_highest, by_sum)]


def ranked(risks: list[Risk]) -> list[Risk]:
    """Highest score first; ties go to the larger expected loss, then to the guide's order."""
    order = {key: i for i, key in enumerate(RISKS)}
    return sorted(risks, key=lambda r: (-r.score, -r.expected_loss, order[r.key]))


def top_risks(risks: list[Risk]) -> list[Risk]:
    best = ranked(risks)
    return best[:TOP_ALWAYS] + [r for r in best[TOP_ALWAYS:TOP_MOST] if r.score >= TOP_MIN_SCORE]


# --- The result --------------------------------------------------------------------------------


def compute(values: Values, locale: str = "en") -> dict[str, Any]:
    risks = risks_from(values)
    currency = str(values["currency"])
    yearly_savings = float(values["savings"])
    scores = [r.score for r in risks]
    highest = ranked(risks)[0]
    level = tier(scores)
    expected_loss = total(r.expected_loss for r in risks)
    adjusted = yearly_savings - expected_loss
    share_pct = 100.0 * expected_loss / yearly_savings if yearly_savings > 0 else None

    def money(amount: float) -> str:
        return format_money(amount, currency, locale)

    def msg(key: str, **params: object) -> str:
        return message(f"{ID}.{key}", locale, **params)

    def number(value: float) -> str:
        return format_number(value, locale)

    figures = [
        Figure("tier", msg("figure.tier"), TIERS.index(level), msg(f"tier.{level}"),
               msg("note.tier", score=number(highest.score), risk=msg(f"risk.{highest.key}.short"),
                   sum=number(sum(scores)))),
        Figure("review", msg("figure.review"), None, msg(f"review.{level}"),
               msg(f"note.review.{level}")),
        Figure("expected_loss", msg("figure.expected_loss"), expected_loss, money(expected_loss),
               msg("note.expected_loss")),
        Figure("risk_adjusted_savings", msg("figure.adjusted"), adjusted, money(adjusted),
               msg("note.adjusted", savings=money(yearly_savings))),
        Figure("share_pct", msg("figure.share"), share_pct,
               format_percent(share_pct, locale) if share_pct is not None else msg("value.na"),
               msg("note.share") if share_pct is not None else msg("note.share_na")),
    ]  # fmt: skip

    rows: list[list[float | str]] = [
        [
            msg(f"risk.{r.key}.name"),
            number(r.likelihood),
            number(r.impact),
            msg("table.score_cell", score=number(r.score), band=msg(f"band.{band(r.score)}")),
            format_percent(100.0 * r.probability, locale, 0),
            r.cost,
            r.expected_loss,
        ]
        for r in risks
    ]
    rows.append([msg("table.total"), "", "", number(sum(scores)), "", "", expected_loss])
    table = Table(
        "register",
        msg("table.caption"),
        [msg(f"table.{c}") for c in ("risk", "likelihood", "impact", "score", "probability",
                                      "cost", "expected_loss")],
        rows,
        money,
    )  # fmt: skip

    top = ItemList(
        "top_risks",
        msg("list.top"),
        [
            Item(
                f"{msg(f'risk.{r.key}.name')}: {msg(f'mitigation.{r.key}')}",
                MITIGATION_LINKS[r.key],
                msg(
                    "note.top",
                    score=number(r.score),
                    band=msg(f"band.{band(r.score)}"),
                    loss=money(r.expected_loss),
                ),
            )
            for r in top_risks(risks)
        ],
        ordered=True,
    )
    next_steps = ItemList(
        "next_steps",
        msg("list.next"),
        [
            Item(msg(f"next.review.{level}"), GOVERNANCE_LINK),
            Item(msg("next.before_signing"), BEFORE_YOU_SIGN_LINK),
        ],
    )

    return result(
        ID,
        msg("title"),
        locale,
        figures=figures,
        tables=[table],
        charts=[_heatmap(risks, msg)],
        lists=[top, next_steps],
        values={
            "tier": level,
            "highest_score": highest.score,
            "sum_of_scores": sum(scores),
            "expected_loss": expected_loss,
            "savings": yearly_savings,
            "risk_adjusted_savings": adjusted,
            "share_pct": share_pct,
            "scores": {r.key: r.score for r in risks},
            "probabilities": {r.key: r.probability for r in risks},
            "expected_losses": {r.key: r.expected_loss for r in risks},
            "top_risks": [r.key for r in top_risks(risks)],
        },
    )


def _count_text(count: int, msg: Callable[..., str]) -> str:
    if count == 0:
        return ""
    return msg("heatmap.count.one") if count == 1 else msg("heatmap.count.other", count=count)


def _heatmap(risks: list[Risk], msg: Callable[..., str]) -> dict[str, Any]:
    """The 5-by-5 grid: likelihood 5 down to 1 by rows, impact 1 to 5 by columns."""
    cells: list[list[dict[str, Any]]] = []
    for likelihood in range(5, 0, -1):
        row: list[dict[str, Any]] = []
        for impact in range(1, 6):
            inside = [r for r in risks if r.likelihood == likelihood and r.impact == impact]
            score = likelihood * impact
            row.append(
                {
                    "score": score,
                    "band": band(score),
                    "band_label": msg(f"band.{band(score)}"),
                    "count": len(inside),
                    "count_text": _count_text(len(inside), msg),
                    "risks": [msg(f"risk.{r.key}.short") for r in inside],
                }
            )
        cells.append(row)
    return {
        "id": "heatmap",
        "kind": "heatmap",
        "title": msg("heatmap.title"),
        "x_label": msg("heatmap.x"),
        "y_label": msg("heatmap.y"),
        "corner": msg("heatmap.corner"),
        "columns": [msg(f"impact.{level}") for level in LEVELS],
        "rows": [msg(f"likelihood.{level}") for level in reversed(LEVELS)],
        "cells": cells,
        "legend": [{"band": name, "text": msg(f"heatmap.legend.{name}")} for name in TIERS],
    }


EXAMPLES: tuple[tuple[str, dict[str, object]], ...] = (
    (
        "all-critical",
        {f"{r}_{part}": "5" for r in RISKS for part in ("likelihood", "impact")},
    ),
    (
        "all-rare-and-minor-no-costs",
        {f"{r}_{part}": "1" for r in RISKS for part in ("likelihood", "impact")}
        | {f"{r}_cost": 0 for r in RISKS},
    ),
    (
        "risks-eat-all-savings-in-usd",
        {
            "savings": 50_000,
            "currency": "USD",
            "hidden_costs_likelihood": "5",
            "security_cost": 400_000,
            "security_likelihood": "3",
        },
    ),
    ("no-savings", {"savings": 0, "dependence_impact": "5", "culture_likelihood": "4"}),
)


# --- Messages ----------------------------------------------------------------------------------

_RISK_TEXT: dict[str, tuple[str, str, str, str, str]] = {
    # key: (name, short name, what it looks like, examples of its cost, mitigation)
    "security": (
        "Data security and breaches",
        "Security",
        "A vendor holding your confidential data is breached; every extra party with access "
        "adds exposure.",
        "breach response, notifying customers, fines and lost business",
        "share the minimum data needed, set security requirements, audit rights and a "
        "breach-reporting deadline in the contract, and check the vendor's security record.",
    ),
    "communication": (
        "Communication, time zones and language",
        "Communication",
        "Delays and misunderstandings caused by time zones, language, tools that do not work "
        "together, or legal and cultural barriers.",
        "delays, rework, extra meetings and travel",
        "agree overlap hours, one shared set of tools, decisions in writing and the same "
        "status report every week.",
    ),
    "contract": (
        "Contract and legal",
        "Contract",
        "Weeks of negotiation, disputes over what the contract covers, and extra legal duties "
        "once it runs.",
        "legal fees for a dispute or a renegotiation",
        "budget legal time up front, use standard terms where you can, pick a contract model "
        "that fits the work and agree a structured exit at the start.",
    ),
    "quality": (
        "Quality and skill gaps",
        "Quality",
        "The vendor's staff lack the knowledge or qualifications the work needs; missed "
        "deadlines and uneven quality.",
        "rework, service credits that do not cover the damage, lost customers",
        "vet the vendor for talent, culture and adaptability, run a pilot before scaling, and "
        "agree training plans and skill reviews for its team.",
    ),
    "dependence": (
        "Dependence on one supplier",
        "Dependence",
        "Your production stops or stalls when the one contractor you rely on fails.",
        "an emergency move to another vendor or back in-house",
        "keep one or two alternative vendors ready, even after you sign, and never stop searching.",
    ),
    "culture": (
        "Cultural fit",
        "Culture",
        "Different ways of working, deciding and raising problems cause friction and rework.",
        "rework and extra management time",
        "check cultural fit when you choose the vendor, say how you want problems raised, and "
        "ask the other team to restate what it will do.",
    ),
    "control": (
        "Loss of control and intellectual property",
        "Control and IP",
        "Decisions about the work move to the vendor and problems surface late; confidential "
        "or proprietary information is lost, copied or passed on.",
        "bringing the work back under control, legal action over leaked information",
        "keep the work you must control and the most sensitive knowledge in-house; define "
        "ownership, reporting and IP clauses; restrict access by role.",
    ),
    "backlash": (
        "Customer backlash",
        "Backlash",
        "Customers see the outsourced service as worse, or as costing jobs at home, and leave.",
        "lost customers and the effort to win them back",
        "keep quality visible, choose carefully what customers experience directly, and keep "
        "a measure of user satisfaction next to the operational KPIs.",
    ),
    "morale": (
        "Staff morale",
        "Morale",
        "Your own staff feel threatened: anxiety, resistance, and key people leaving.",
        "replacing people who leave and the knowledge they take with them",
        "explain early what changes and why, show which roles stay and grow, and tell your "
        "staff what the vendor does.",
    ),
    "hidden_costs": (
        "Hidden costs",
        "Hidden costs",
        "Costs the comparison missed: services you thought the contract covered, extra "
        "management effort, rework, charges outside the original scope.",
        "costs outside the contract that your savings estimate does not already include",
        "cost every item of a fully loaded comparison, exit included, and check the real bill "
        "at each contract review.",
    ),
}

_LIKELIHOOD = {
    "1": "1 \u2013 rare (about once in 20 years)",
    "2": "2 \u2013 unlikely (about once in 10 years)",
    "3": "3 \u2013 possible (about once in 4 years)",
    "4": "4 \u2013 likely (about once in 2 years)",
    "5": "5 \u2013 almost certain (most years)",
}
_IMPACT = {
    "1": "1 \u2013 minor",
    "2": "2 \u2013 moderate",
    "3": "3 \u2013 significant",
    "4": "4 \u2013 major",
    "5": "5 \u2013 severe",
}


def _english() -> dict[str, str]:
    p = ID
    entries: dict[str, str] = {
        f"{p}.title": "Risk register",
        f"unit.{p}_per_event": "each time",
        f"{p}.group.savings": "Savings and currency",
        f"{p}.savings.label": "Expected yearly savings before risk",
        f"{p}.savings.help": "What outsourcing should save a year if none of these risks "
        "strikes. The default is the savings calculator's default result: its total savings "
        "divided by its horizon.",
        f"{p}.currency.label": "Currency",
        f"{p}.currency.help": "Used only to label amounts; nothing is converted.",
        f"{p}.figure.tier": "Overall risk level",
        f"{p}.figure.review": "Review the register",
        f"{p}.figure.expected_loss": "Expected annual loss",
        f"{p}.figure.adjusted": "Risk-adjusted savings",
        f"{p}.figure.share": "Savings the risks eat",
        f"{p}.note.tier": "Highest score {score} of 25 ({risk}); the ten scores add up to {sum} "
        "of 250.",
        f"{p}.note.review.critical": "At every weekly check-in, and escalate to your sponsor now.",
        f"{p}.note.review.high": "At every other weekly check-in and at each monthly strategic "
        "review.",
        f"{p}.note.review.medium": "At the monthly strategic review.",
        f"{p}.note.review.low": "At every third monthly strategic review.",
        f"{p}.note.expected_loss": "Each risk's yearly probability times its cost if it happens, "
        "added up over the ten risks.",
        f"{p}.note.adjusted": "Expected yearly savings of {savings} minus the expected annual "
        "loss.",
        f"{p}.note.share": "of the expected yearly savings, lost to the risks on average.",
        f"{p}.note.share_na": "There are no savings for the risks to eat into.",
        f"{p}.note.top": "Score {score} ({band}); expected loss {loss} a year.",
        f"{p}.value.na": "n/a",
        f"{p}.tier.low": "Low",
        f"{p}.tier.medium": "Medium",
        f"{p}.tier.high": "High",
        f"{p}.tier.critical": "Critical",
        f"{p}.band.low": "low",
        f"{p}.band.medium": "medium",
        f"{p}.band.high": "high",
        f"{p}.band.critical": "critical",
        f"{p}.review.low": "Quarterly",
        f"{p}.review.medium": "Monthly",
        f"{p}.review.high": "Every two weeks",
        f"{p}.review.critical": "Weekly",
        f"{p}.table.caption": "All risks",
        f"{p}.table.risk": "Risk",
        f"{p}.table.likelihood": "Likelihood",
        f"{p}.table.impact": "Impact",
        f"{p}.table.score": "Score",
        f"{p}.table.probability": "Yearly probability",
        f"{p}.table.cost": "Cost if it happens",
        f"{p}.table.expected_loss": "Expected loss a year",
        f"{p}.table.total": "Total",
        f"{p}.table.score_cell": "{score} ({band})",
        f"{p}.list.top": "The highest risks and what to do about them",
        f"{p}.list.next": "Next steps",
        f"{p}.next.review.critical": "Put the register on the agenda of every weekly check-in "
        "until the critical risks are mitigated.",
        f"{p}.next.review.high": "Review the register at every other weekly check-in and at "
        "each monthly strategic review.",
        f"{p}.next.review.medium": "Review the register at each monthly strategic review.",
        f"{p}.next.review.low": "Review the register every quarter, at every third monthly "
        "strategic review.",
        f"{p}.next.before_signing": "Before you sign, decide which risks to mitigate in the "
        "contract, which through governance, and which only by keeping the work in-house.",
        f"{p}.heatmap.title": "Risks by likelihood and impact",
        f"{p}.heatmap.x": "Impact",
        f"{p}.heatmap.y": "Likelihood",
        f"{p}.heatmap.corner": "Likelihood (rows) by impact (columns)",
        f"{p}.heatmap.count.one": "1 risk",
        f"{p}.heatmap.count.other": "{count} risks",
        f"{p}.heatmap.legend.low": "Low: score 1 to 4",
        f"{p}.heatmap.legend.medium": "Medium: 5 to 9",
        f"{p}.heatmap.legend.high": "High: 10 to 16",
        f"{p}.heatmap.legend.critical": "Critical: 20 or 25",
    }
    for level in LEVELS:
        entries[f"{p}.likelihood.{level}"] = _LIKELIHOOD[level]
        entries[f"{p}.impact.{level}"] = _IMPACT[level]
    for risk, (name, short, looks_like, cost_examples, mitigation) in _RISK_TEXT.items():
        entries |= {
            f"{p}.group.{risk}": name,
            f"{p}.risk.{risk}.name": name,
            f"{p}.risk.{risk}.short": short,
            f"{p}.mitigation.{risk}": mitigation,
            f"{p}.{risk}_likelihood.label": "Likelihood",
            f"{p}.{risk}_likelihood.help": f"How often you expect it. {looks_like}",
            f"{p}.{risk}_impact.label": "Impact",
            f"{p}.{risk}_impact.help": "How badly it would hurt your customers, operations or "
            "reputation.",
            f"{p}.{risk}_cost.label": "Cost if it happens",
            f"{p}.{risk}_cost.help": f"Each time, for example {cost_examples}. Enter 0 if you "
            "cannot put a price on it.",
        }
        for level in LEVELS:
            entries[f"{p}.{risk}_likelihood.{level}"] = _LIKELIHOOD[level]
            entries[f"{p}.{risk}_impact.{level}"] = _IMPACT[level]
    return entries


register({"en": _english()})
