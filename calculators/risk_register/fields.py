"""The risk register's fields: for each of the guide's ten risks and up to five of the reader's
own, whether it is in the register and its name, a likelihood (a level or a yearly rate), an
impact, a price, a mitigation (its yearly cost and how much it cuts the rate and the price), an
owner and a review date; the yearly savings they eat into, and the currency; with each guide
risk's text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core.fields import AppliesWhen, Field, FieldSet
from ..core.parse import Values
from ..core.text import N_, NC_, Text
from ..core.vocab import CURRENCIES

LEVELS = ("1", "2", "3", "4", "5")
# The likelihood choice: a level of the scale, or "rate" to give the yearly rate directly.
RATE = "rate"
LIKELIHOOD_CHOICES = (*LEVELS, RATE)
# The yearly rate each likelihood level stands for (an assumption, stated on the page): "about
# once in N years" is 1/N occurrences a year; for a rate of at most 1 it is also the chance
# that the risk strikes in any one year.
LEVEL_RATES: dict[int, float] = {1: 0.05, 2: 0.10, 3: 0.25, 4: 0.50, 5: 0.90}

# The savings calculator's default result, per year: its total savings over its horizon
# (1,546,001.34 over 5 years) divided by the horizon, rounded to a whole currency unit, so
# this page and the savings page agree. A test recomputes it from the savings model.
DEFAULT_YEARLY_SAVINGS = 309_200

# Each risk's owner and next review: the guide gives the register to the outsourcing manager,
# and the default date is the end of the first full quarter after the defaults were set
# (November 2026), the latest that even the quarterly rhythm of a low level allows.
DEFAULT_OWNER = N_("Outsourcing manager")  # a role, shown in the reader's language
DEFAULT_REVIEW = "2027-03-31"
OWNER_LENGTH = 60
REVIEW_YEARS = (2000, 2100)


@dataclass(frozen=True)
class RiskText:
    name: str  # the table, the group and the top list
    short: str  # a heat-map cell: one short word, or short words joined by spaces
    likelihood_help: str
    cost_help: str
    mitigation: str
    guide: str  # where the guide explains the mitigation (a docs path)


# The risks of the guide, in the guide's order, with their illustrative defaults for the
# savings page's ten-person back-office team: (likelihood, impact, cost if it happens).
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
GUIDE_RISKS = tuple(DEFAULTS)
# The reader's own risks: slots left out of the register until switched on and named. Five keep
# the form short and the exact bad-year computation (2 to the power of the priced risks) quick.
OWN_RISKS = ("own1", "own2", "own3", "own4", "own5")
OWN_DEFAULTS = (3, 3, 0)  # possible, significant, no price until the reader gives one
RISKS = GUIDE_RISKS + OWN_RISKS
IN_REGISTER = ("yes", "no")
IN_REGISTER_LABELS = {"yes": N_("Yes"), "no": N_("No")}
NAME_LENGTH = 60

RISK_TEXT: dict[str, RiskText] = {
    "security": RiskText(
        N_("Data security and breaches"),
        NC_("risk", "Security"),
        N_("How often you expect it. A vendor holding your confidential data is breached; "
           "every extra party with access adds exposure."),
        N_("Each time, for example breach response, notifying customers, fines and lost "
           "business. Enter 0 if you cannot put a price on it."),
        N_("Share the minimum data needed, set security requirements, audit rights and a "
           "breach-reporting deadline in the contract, and check the vendor's security record."),
        "guide/risks-and-hidden-costs.md#data-and-ip",
    ),
    "communication": RiskText(
        N_("Communication, time zones and language"),
        N_("Comms"),
        N_("How often you expect it. Delays and misunderstandings caused by time zones, "
           "language, tools that do not work together, or legal and cultural barriers."),
        N_("Each time, for example delays, rework, extra meetings and travel. Enter 0 if you "
           "cannot put a price on it."),
        N_("Agree overlap hours, one shared set of tools, decisions in writing and the same "
           "status report every week."),
        "guide/making-it-work.md#communication-and-tools",
    ),
    "contract": RiskText(
        NC_("risk", "Contract and legal"),
        NC_("risk", "Contract"),
        N_("How often you expect it. Weeks of negotiation, disputes over what the contract "
           "covers, and extra legal duties once it runs."),
        N_("Each time, for example legal fees for a dispute or a renegotiation. Enter 0 if "
           "you cannot put a price on it."),
        N_("Budget legal time up front, use standard terms where you can, pick a contract "
           "model that fits the work and agree a structured exit at the start."),
        "guide/choosing-a-partner.md#contract-terms",
    ),
    "quality": RiskText(
        N_("Quality and skill gaps"),
        N_("Quality"),
        N_("How often you expect it. The vendor's staff lack the knowledge or qualifications "
           "the work needs; missed deadlines and uneven quality."),
        N_("Each time, for example rework, service credits that do not cover the damage, "
           "lost customers. Enter 0 if you cannot put a price on it."),
        N_("Vet the vendor for talent, culture and adaptability, run a pilot before scaling, "
           "and agree training plans and skill reviews for its team."),
        "guide/making-it-work.md#skill-gaps",
    ),
    "dependence": RiskText(
        N_("Dependence on one supplier"),
        N_("One supplier"),
        N_("How often you expect it. Your production stops or stalls when the one contractor "
           "you rely on fails."),
        N_("Each time, for example an emergency move to another vendor or back in-house. "
           "Enter 0 if you cannot put a price on it."),
        N_("Keep one or two alternative vendors ready, even after you sign, and never stop "
           "searching."),
        "guide/outsourcing-manager.md#competition",
    ),
    "culture": RiskText(
        N_("Cultural fit"),
        N_("Culture"),
        N_("How often you expect it. Different ways of working, deciding and raising problems "
           "cause friction and rework."),
        N_("Each time, for example rework and extra management time. Enter 0 if you cannot "
           "put a price on it."),
        N_("Check cultural fit when you choose the vendor, say how you want problems raised, "
           "and ask the other team to restate what it will do."),
        "guide/making-it-work.md#culture",
    ),
    "control": RiskText(
        N_("Loss of control and intellectual property"),
        N_("Control and IP"),
        N_("How often you expect it. Decisions about the work move to the vendor and problems "
           "surface late; confidential or proprietary information is lost, copied or passed "
           "on."),
        N_("Each time, for example bringing the work back under control, legal action over "
           "leaked information. Enter 0 if you cannot put a price on it."),
        N_("Keep the work you must control and the most sensitive knowledge in-house; define "
           "ownership, reporting and IP clauses; restrict access by role."),
        "guide/risks-and-hidden-costs.md#control-and-complexity",
    ),
    "backlash": RiskText(
        N_("Customer backlash"),
        N_("Backlash"),
        N_("How often you expect it. Customers see the outsourced service as worse, or as "
           "costing jobs at home, and leave."),
        N_("Each time, for example lost customers and the effort to win them back. Enter 0 "
           "if you cannot put a price on it."),
        N_("Keep quality visible, choose carefully what customers experience directly, and "
           "keep a measure of user satisfaction next to the operational KPIs."),
        "guide/risks-and-hidden-costs.md#people-and-reputation",
    ),
    "morale": RiskText(
        N_("Staff morale"),
        N_("Morale"),
        N_("How often you expect it. Your own staff feel threatened: anxiety, resistance, and "
           "key people leaving."),
        N_("Each time, for example replacing people who leave and the knowledge they take "
           "with them. Enter 0 if you cannot put a price on it."),
        N_("Explain early what changes and why, show which roles stay and grow, and tell your "
           "staff what the vendor does."),
        "guide/making-it-work.md#integration",
    ),
    "hidden_costs": RiskText(
        N_("Hidden costs"),
        N_("Hidden costs"),
        N_("How often you expect it. Costs the comparison missed: services you thought the "
           "contract covered, extra management effort, rework, charges outside the original "
           "scope."),
        N_("Each time, for example costs outside the contract that your savings estimate does "
           "not already include. Enter 0 if you cannot put a price on it."),
        N_("Cost every item of a fully loaded comparison, exit included, and check the real "
           "bill at each contract review."),
        "guide/risks-and-hidden-costs.md#hidden-costs",
    ),
}  # fmt: skip

LIKELIHOOD_LABELS = {
    "1": N_("1 \u2013 rare (about once in 20 years)"),
    "2": N_("2 \u2013 unlikely (about once in 10 years)"),
    "3": N_("3 \u2013 possible (about once in 4 years)"),
    "4": N_("4 \u2013 likely (about once in 2 years)"),
    "5": N_("5 \u2013 almost certain (most years)"),
    RATE: N_("A yearly rate I enter"),
}
IMPACT_LABELS = {
    "1": N_("1 \u2013 minor"),
    "2": N_("2 \u2013 moderate"),
    "3": N_("3 \u2013 significant"),
    "4": N_("4 \u2013 major"),
    "5": N_("5 \u2013 severe"),
}

# The text of every own risk: its name is the reader's.
OWN_TEXT = RiskText(
    N_("Your own risk"),
    "",
    N_("How often you expect it."),
    N_("Each time it happens. Enter 0 if you cannot put a price on it."),
    N_(
        "Agree how to reduce it, who owns it and when it is next reviewed, and keep all three "
        "in the register."
    ),
    "guide/risks-and-hidden-costs.md",
)
OWN_GROUPS = {
    "own1": N_("Your own risk 1"),
    "own2": N_("Your own risk 2"),
    "own3": N_("Your own risk 3"),
    "own4": N_("Your own risk 4"),
    "own5": N_("Your own risk 5"),
}


def risk_text(key: str) -> RiskText:
    return RISK_TEXT.get(key, OWN_TEXT)


GROUPS = (
    {risk: text.name for risk, text in RISK_TEXT.items()}
    | OWN_GROUPS
    | {"savings": N_("Savings and currency")}
)


def _switch_and_name(risk: str, on: AppliesWhen) -> tuple[Field, ...]:
    own = risk in OWN_RISKS
    return (
        Field(f"{risk}_included", "choice", "no" if own else "yes", N_("In the register"),
              N_("Yes to add this risk of your own to the register.") if own else
              N_("No leaves this risk out: it is not rated, priced or counted."),
              choices=IN_REGISTER, choice_labels=IN_REGISTER_LABELS, group=risk),
        Field(f"{risk}_name", "text", "", N_("Name"),
              N_("What you call this risk, such as Vendor insolvency.") if own else
              N_("Leave blank to keep the guide's name, or type your own."),
              maximum=NAME_LENGTH, group=risk, applies_when=on, optional=True),
    )  # fmt: skip


def _risk_fields(risk: str) -> tuple[Field, ...]:
    likelihood, impact, cost = DEFAULTS.get(risk, OWN_DEFAULTS)
    text = risk_text(risk)
    on = AppliesWhen(f"{risk}_included", ("yes",), hide=True)
    return (
        *_switch_and_name(risk, on),
        Field(f"{risk}_likelihood", "choice", str(likelihood), N_("Likelihood"),
              text.likelihood_help, choices=LIKELIHOOD_CHOICES,
              choice_labels=LIKELIHOOD_LABELS, group=risk, applies_when=on),
        Field(f"{risk}_impact", "choice", str(impact), N_("Impact"),
              N_("How badly it would hurt your customers, operations or reputation."),
              choices=LEVELS, choice_labels=IMPACT_LABELS, group=risk, applies_when=on),
        Field(f"{risk}_cost", "money", cost, N_("Cost if it happens"), text.cost_help,
              "per_event", 0, 1e10, 1000, group=risk, applies_when=on),
        Field(f"{risk}_rate", "number", LEVEL_RATES[likelihood],
              N_("Occurrences a year"),
              N_("How many times a year you expect it, on average: 0.2 is once in five years, "
                 "3 is three times a year. The default is the rate of the likelihood level."),
              "per_year", 0, 365, 0.01, group=risk,
              applies_when=AppliesWhen(f"{risk}_likelihood", (RATE,))),
        Field(f"{risk}_mitigation_cost", "money", 0, N_("Mitigation cost"),
              N_("What the mitigation costs a year: tools, audits, extra staff time, a backup "
                 "vendor's retainer. 0 if you do not mitigate this risk or it costs nothing."),
              "per_year", 0, 1e10, 1000, group=risk, applies_when=on),
        Field(f"{risk}_rate_cut", "percent", 0, N_("Mitigation cuts how often it happens by"),
              N_("How much less often the risk strikes with the mitigation: 50% halves the "
                 "occurrences a year. 0% if the mitigation does not make it rarer."),
              "percent", 0, 100, 5, group=risk, applies_when=on),
        Field(f"{risk}_loss_cut", "percent", 0, N_("Mitigation cuts the cost by"),
              N_("How much less each occurrence costs with the mitigation: 50% halves the cost "
                 "if it happens. 0% if the mitigation does not make it cheaper."),
              "percent", 0, 100, 5, group=risk, applies_when=on),
        Field(f"{risk}_owner", "text", DEFAULT_OWNER, N_("Owner"),
              N_("The person or role who watches this risk and acts on it."),
              maximum=OWNER_LENGTH, group=risk, applies_when=on, translated_default=True),
        Field(f"{risk}_review", "text", DEFAULT_REVIEW, N_("Next review"),
              N_("The date of the next review of this risk, as year-month-day: 2027-03-31."),
              maximum=10, group=risk, applies_when=on),
    )  # fmt: skip


FIELDS = (
    *(f for risk in RISKS for f in _risk_fields(risk)),
    Field(
        "savings",
        "money",
        DEFAULT_YEARLY_SAVINGS,
        N_("Expected yearly savings before risk"),
        N_("What outsourcing should save a year if none of these risks strikes. The default "
           "is the savings calculator's default result: its total savings divided by its "
           "horizon."),
        "per_year",
        -1e10,
        1e10,
        1000,
        group="savings",
    ),
    Field("currency", "choice", "EUR", N_("Currency"),
          N_("Used only to label amounts; nothing is converted."), choices=CURRENCIES,
          group="savings"),
)  # fmt: skip


def review_date(text: str) -> date | None:
    """A review date written year-month-day, or None if it is not one."""
    parts = text.split("-")
    if len(parts) != 3 or [len(p) for p in parts] != [4, 2, 2]:
        return None
    if not all(p.isascii() and p.isdigit() for p in parts):
        return None
    try:
        day = date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
    return day if REVIEW_YEARS[0] <= day.year <= REVIEW_YEARS[1] else None


def included(values: Values) -> list[str]:
    """The keys of the risks in the register, in the form's order."""
    return [risk for risk in RISKS if values[f"{risk}_included"] == "yes"]


def check_register(values: Values, t: Text) -> dict[str, str]:
    """At least one risk is in the register, and each of the reader's own has a name."""
    errors: dict[str, str] = {}
    if not included(values):
        errors[f"{RISKS[0]}_included"] = t.gettext(
            "Keep at least one risk in the register, or add one of your own."
        )
    for risk in OWN_RISKS:
        if values[f"{risk}_included"] == "yes" and not any(
            ch.isalnum() for ch in str(values[f"{risk}_name"])
        ):
            errors[f"{risk}_name"] = t.gettext("Give this risk a name, such as Vendor "
                                               "insolvency.")  # fmt: skip
    return errors


def check_owners_and_reviews(values: Values, t: Text) -> dict[str, str]:
    """An owner names someone (at least one letter: "1" or "-" is no one); a review date is
    a date. Checked for every risk, like any field, in or out of the register."""
    errors: dict[str, str] = {}
    for risk in RISKS:
        if not any(ch.isalpha() for ch in str(values[f"{risk}_owner"])):
            errors[f"{risk}_owner"] = t.gettext("Enter a person or a role, such as Finance "
                                                "controller.")  # fmt: skip
        if review_date(str(values[f"{risk}_review"])) is None:
            errors[f"{risk}_review"] = t.gettext(
                "Enter a date as year-month-day, such as 2027-03-31, between {first} and "
                "{last}.", first=REVIEW_YEARS[0], last=REVIEW_YEARS[1])  # fmt: skip
    return errors


# Any likelihood, impact and cost go together. The checks: the register holds a risk and each
# own risk in it has a name; and single fields that the parser cannot judge (owner, date).
FIELDSET = FieldSet(FIELDS, GROUPS, checks=(check_register, check_owners_and_reviews))
