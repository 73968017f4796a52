"""The fields of savings under uncertainty: the savings calculator's certain inputs as they
are, a low, a likely and a high value and a distribution for each of nine uncertain ones, and
the simulation's seed and number of draws."""

from __future__ import annotations

from dataclasses import replace

from ..core.fields import Field, FieldSet
from ..core.format import format_money, format_number, format_percent
from ..core.parse import Values
from ..core.text import N_, Text
from ..savings import fields as savings_fields

_SAVINGS = {f.name: f for f in savings_fields.FIELDS}

# The certain inputs: the savings calculator's own fields, defaults and groups.
CERTAIN = (
    "on_costs_pct", "overhead_per_fte", "management_pct", "recruiting_per_fte", "retained_fte",
    "transport_per_year", "contract_cost", "exit_cost", "ramp_months", "horizon_years",
    "currency",
)  # fmt: skip

LEVELS = ("low", "likely", "high")
DISTRIBUTIONS = ("triangular", "pert")


# Each uncertain input: (low, likely, high) defaults, its short name, its group, and a label
# and help per level. The likely values are the savings calculator's defaults; the page gives
# the ranges' basis.
UNCERTAIN: dict[str, tuple[tuple[float, float, float], str, str, tuple[tuple[str, str], ...]]] = {
    "vendor_fte_price": (
        (4_200, 4_500, 6_000), N_("Vendor price per FTE-month"),
        N_("Vendor price per FTE-month: low, likely, high"),
        ((N_("Vendor price per FTE-month, low"),
          N_("The lowest price per FTE-month you think possible.")),
         (N_("Vendor price per FTE-month, likely"),
          N_("Your best estimate of the price per FTE-month.")),
         (N_("Vendor price per FTE-month, high"),
          N_("The highest price per FTE-month you think possible."))),
    ),
    "escalation_pct": (
        (2, 3, 6), N_("Price escalation"), N_("Price escalation: low, likely, high"),
        ((N_("Price escalation, low"),
          N_("The lowest yearly price escalation you think possible.")),
         (N_("Price escalation, likely"),
          N_("Your best estimate of the yearly price escalation.")),
         (N_("Price escalation, high"),
          N_("The highest yearly price escalation you think possible."))),
    ),
    "ramp_dip_pct": (
        (15, 30, 60), N_("Productivity dip"), N_("Productivity dip: low, likely, high"),
        ((N_("Productivity dip, low"),
          N_("The lowest productivity dip at the start of the ramp-up you think possible.")),
         (N_("Productivity dip, likely"),
          N_("Your best estimate of the productivity dip at the start of the ramp-up.")),
         (N_("Productivity dip, high"),
          N_("The highest productivity dip at the start of the ramp-up you think possible."))),
    ),
    "transition_cost": (
        (40_000, 60_000, 150_000), N_("Transition cost"), N_("Transition cost: low, likely, high"),
        ((N_("Transition cost, low"),
          N_("The lowest transition and knowledge-transfer cost you think possible.")),
         (N_("Transition cost, likely"),
          N_("Your best estimate of the transition and knowledge-transfer cost.")),
         (N_("Transition cost, high"),
          N_("The highest transition and knowledge-transfer cost you think possible."))),
    ),
    "governance_pct": (
        (3, 6, 10), N_("Governance"), N_("Governance: low, likely, high"),
        ((N_("Governance, low"),
          N_("The lowest governance cost, as a share of the vendor's fees, you think "
             "possible.")),
         (N_("Governance, likely"),
          N_("Your best estimate of the governance cost, as a share of the vendor's fees.")),
         (N_("Governance, high"),
          N_("The highest governance cost, as a share of the vendor's fees, you think "
             "possible."))),
    ),
    "wage_growth_pct": (
        (1, 3, 4.5), N_("Wage growth"), N_("Wage growth: low, likely, high"),
        ((N_("Wage growth, low"),
          N_("The lowest yearly in-house wage growth you think possible.")),
         (N_("Wage growth, likely"),
          N_("Your best estimate of the yearly in-house wage growth.")),
         (N_("Wage growth, high"),
          N_("The highest yearly in-house wage growth you think possible."))),
    ),
    # Team size, salary and the discount rate: the savings calculator's defaults at all three
    # levels, so that they stay certain (and today's results stay as they were) until the
    # reader gives them a range.
    "headcount": (
        (10, 10, 10), N_("Team size"), N_("Team size: low, likely, high"),
        ((N_("Team size, low"),
          N_("The smallest in-house team, in FTE, that the work could need.")),
         (N_("Team size, likely"),
          N_("Full-time equivalents (FTE) doing the work in-house today.")),
         (N_("Team size, high"),
          N_("The largest in-house team, in FTE, that the work could need."))),
    ),
    "salary": (
        (55_000, 55_000, 55_000), N_("Average salary"), N_("Average salary: low, likely, high"),
        ((N_("Average salary, low"),
          N_("The lowest gross yearly salary per FTE you think possible.")),
         (N_("Average salary, likely"),
          N_("Your best estimate of the gross yearly salary per FTE, before employer costs.")),
         (N_("Average salary, high"),
          N_("The highest gross yearly salary per FTE you think possible."))),
    ),
    "discount_rate_pct": (
        (8, 8, 8), N_("Discount rate"), N_("Discount rate: low, likely, high"),
        ((N_("Discount rate, low"),
          N_("The lowest cost of capital you think possible.")),
         (N_("Discount rate, likely"),
          N_("Your best estimate of your cost of capital, used for the net present value.")),
         (N_("Discount rate, high"),
          N_("The highest cost of capital you think possible."))),
    ),
}  # fmt: skip
PERCENT_INPUTS = frozenset(
    ("escalation_pct", "ramp_dip_pct", "governance_pct", "wage_growth_pct", "discount_rate_pct")
)
FTE_INPUTS = frozenset(("headcount",))

DEFAULT_SEED = 2026
DEFAULT_DRAWS = 10_000

GROUPS = {**savings_fields.GROUPS, **{name: spec[2] for name, spec in UNCERTAIN.items()},
          "correlation": N_("Correlation"), "simulation": N_("Simulation")}  # fmt: skip


def short_name(name: str) -> str:
    return UNCERTAIN[name][1]


def _uncertain_fields() -> list[Field]:
    fields: list[Field] = []
    for name, (defaults, _, _, texts) in UNCERTAIN.items():
        for level, default, (label, help_text) in zip(LEVELS, defaults, texts, strict=True):
            fields.append(replace(_SAVINGS[name], name=f"{name}_{level}", default=default,
                                  label=label, help=help_text, group=name,
                                  applies_when=None))  # fmt: skip
        fields.append(Field(
            f"{name}_distribution", "choice", "triangular", N_("Distribution"),
            N_("Triangular: the chance rises in a straight line from the low value to the "
               "likely value and falls in a straight line to the high value. PERT: a smooth "
               "curve with more weight near the likely value and less at the ends; its mean is "
               "(low + 4 × likely + high) / 6."),  # noqa: RUF001 - reads as a formula
            choices=DISTRIBUTIONS,
            choice_labels={"triangular": N_("Triangular"), "pert": N_("PERT")}, group=name,
        ))  # fmt: skip
    return fields


FIELDS = (
    *(_SAVINGS[name] for name in CERTAIN),
    *_uncertain_fields(),
    Field("correlation_first", "choice", "escalation_pct", N_("Correlated input"),
          N_("The first of two inputs that tend to move together."),
          choices=tuple(UNCERTAIN), choice_labels={n: spec[1] for n, spec in UNCERTAIN.items()},
          group="correlation"),
    Field("correlation_second", "choice", "wage_growth_pct", N_("Correlated with"),
          N_("The second input: its draws are put in an order that follows the first input's "
             "as closely as the rank correlation says."),
          choices=tuple(UNCERTAIN), choice_labels={n: spec[1] for n, spec in UNCERTAIN.items()},
          group="correlation"),
    Field("rank_correlation", "number", 0, N_("Rank correlation"),
          N_("From -0.95 (one high when the other is low) through 0 (independent) to 0.95 "
             "(high together, low together). For example, price escalation and wage growth "
             "both follow inflation."),
          "", -0.95, 0.95, 0.05, group="correlation"),
    Field("seed", "integer", DEFAULT_SEED, N_("Random seed"),
          N_("The same seed gives the same draws and the same results; change it to see how "
             "much the results move from one run to the next."),
          "", 0, 999_999, 1, group="simulation"),
    Field("draws", "integer", DEFAULT_DRAWS, N_("Number of draws"),
          N_("How many scenarios to simulate. More draws give steadier percentiles and take "
             "longer."),
          "draws", 1_000, 50_000, 1_000, group="simulation"),
)  # fmt: skip

_DEFAULTS = savings_fields.FIELDSET.defaults()


def savings_values(values: Values, level: str = "likely") -> Values:
    """The savings calculator's inputs: its defaults, the certain inputs, and each uncertain one
    at `level` (per-FTE pricing; the per-unit fields keep their defaults and do not apply).
    Starting from the defaults keeps this working when the savings calculator gains inputs
    that this calculator does not ask for."""
    chosen: Values = dict(_DEFAULTS)
    chosen.update({name: values[name] for name in CERTAIN})
    chosen.update({name: values[f"{name}_{level}"] for name in UNCERTAIN})
    chosen["pricing"] = "fte"
    return chosen


def as_typed(name: str, value: float, currency: str, locale: str) -> str:
    """An input's value as the reader typed it (money with its currency, percentages with %)."""
    decimals = 0 if float(value).is_integer() else 2
    if name in FTE_INPUTS:
        return format_number(value, locale, 0 if decimals == 0 else 1)
    if name in PERCENT_INPUTS:
        return format_percent(value, locale, 0 if decimals == 0 else 1)
    return format_money(value, currency, locale, decimals)


def check_ranges(values: Values, t: Text) -> dict[str, str]:
    """low <= likely <= high for each uncertain input, reported on the offending field."""
    errors: dict[str, str] = {}
    for name in UNCERTAIN:
        low, likely, high = (float(values[f"{name}_{level}"]) for level in LEVELS)
        shown = as_typed(name, likely, str(values["currency"]), t.locale)
        if low > likely:
            errors[f"{name}_low"] = t.gettext(
                "The low value cannot be above the likely value ({likely}).", likely=shown
            )
        if high < likely:
            errors[f"{name}_high"] = t.gettext(
                "The high value cannot be below the likely value ({likely}).", likely=shown
            )
    return errors


def check_savings_model(values: Values, t: Text) -> dict[str, str]:
    """The savings model's own contradictions (retained staff, ramp-up against the horizon), at
    the likely values and with the smallest team the range allows."""
    errors = savings_fields.check_contradictions(savings_values(values, "low"), t)
    errors.update(savings_fields.check_contradictions(savings_values(values), t))
    return errors


def check_correlation(values: Values, t: Text) -> dict[str, str]:
    """A correlation needs two different inputs."""
    if float(values["rank_correlation"]) != 0.0 and (
        values["correlation_first"] == values["correlation_second"]
    ):
        return {"correlation_second": t.gettext("Choose an input other than the first one.")}
    return {}


FIELDSET = FieldSet(FIELDS, GROUPS, checks=(check_ranges, check_savings_model, check_correlation))
