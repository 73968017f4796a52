"""The savings calculator's fields: what the reader enters, with limits, defaults and text."""

from __future__ import annotations

from ..core.fields import AppliesWhen, Field, FieldSet
from ..core.format import format_number
from ..core.parse import Values
from ..core.text import N_, NC_, Text
from ..core.vocab import CURRENCIES

PER_UNIT = AppliesWhen("pricing", ("unit",))
PER_FTE = AppliesWhen("pricing", ("fte",))
IN_VENDOR_CURRENCY = AppliesWhen("vendor_currency", CURRENCIES)

GROUPS = {
    "in_house": N_("Doing it in-house"),
    "outsourced": N_("Outsourcing it"),
    "horizon": N_("Horizon and money"),
}

FIELDS = (
    Field(
        "headcount",
        "number",
        10,
        N_("Team size"),
        N_("Full-time equivalents (FTE) doing the work in-house today."),
        "fte",
        0.5,
        10_000,
        0.5,
        group="in_house",
    ),
    Field(
        "salary",
        "money",
        55_000,
        N_("Average salary"),
        N_("Gross yearly salary per FTE, before employer costs."),
        "per_fte_year",
        0,
        10_000_000,
        1000,
        group="in_house",
    ),
    Field(
        "on_costs_pct",
        "percent",
        33,
        N_("Employer on-costs"),
        N_("Payroll taxes, pensions, insurance and other benefits, as a percentage of salary."),
        "percent",
        0,
        200,
        1,
        group="in_house",
    ),
    Field(
        "overhead_per_fte",
        "money",
        12_000,
        N_("Overhead per head"),
        N_("Office space, equipment, software licenses and IT support per FTE per year."),
        "per_fte_year",
        0,
        1_000_000,
        500,
        group="in_house",
    ),
    Field(
        "management_pct",
        "percent",
        10,
        N_("Management time"),
        N_("Supervision and management of the team, as a percentage of the team's salaries."),
        "percent",
        0,
        100,
        1,
        group="in_house",
    ),
    Field(
        "recruiting_per_fte",
        "money",
        3_000,
        N_("Recruiting and training"),
        N_(
            "Hiring, onboarding and training to replace leavers and keep skills current, per "
            "FTE per year."
        ),
        "per_fte_year",
        0,
        1_000_000,
        100,
        group="in_house",
    ),
    Field(
        "wage_growth_pct",
        "percent",
        3,
        N_("Yearly wage growth"),
        N_("How fast in-house costs rise each year."),
        "percent",
        -20,
        50,
        0.5,
        group="in_house",
    ),
    Field(
        "overhead_growth",
        "choice",
        "wages",
        N_("Overhead rises"),
        N_(
            "Whether overhead (space, equipment, licenses, IT support) rises with wage growth "
            "or with general inflation."
        ),
        choices=("wages", "inflation"),
        group="in_house",
        choice_labels={"wages": N_("With wage growth"), "inflation": N_("With general inflation")},
    ),
    Field(
        "inflation_pct",
        "percent",
        2,
        N_("Yearly general inflation"),
        N_(
            "How fast overhead rises each year, for the in-house team and for retained staff. "
            "Pay and the other people costs rise with wage growth."
        ),
        "percent",
        -20,
        50,
        0.5,
        group="in_house",
        applies_when=AppliesWhen("overhead_growth", ("inflation",)),
    ),
    Field(
        "pricing",
        "choice",
        "fte",
        N_("Vendor pricing"),
        N_("Whether the vendor charges per FTE-month or per unit of work."),
        choices=("fte", "unit"),
        group="outsourced",
        choice_labels={"fte": N_("Per FTE-month"), "unit": N_("Per unit of work")},
    ),
    Field(
        "vendor_fte_price",
        "money",
        4_500,
        N_("Vendor price per FTE-month"),
        N_("Monthly fee per full-time person the vendor provides (used with per-FTE pricing)."),
        "per_fte_month",
        0,
        1_000_000,
        100,
        group="outsourced",
        applies_when=PER_FTE,
    ),
    Field(
        "vendor_ratio",
        "number",
        1,
        N_("Vendor FTE per in-house FTE"),
        N_(
            "How many of the vendor's people it takes to do the work of one of yours: above 1 "
            "if they are slower (new to the work, say), below 1 if they are faster."
        ),
        "",
        0.1,
        10,
        0.05,
        group="outsourced",
        applies_when=PER_FTE,
    ),
    Field(
        "unit_price",
        "money",
        4,
        N_("Vendor price per unit"),
        N_("Price per ticket, invoice, call or other unit of work (used with per-unit pricing)."),
        "per_unit",
        0,
        1_000_000,
        0.01,
        group="outsourced",
        applies_when=PER_UNIT,
    ),
    Field(
        "units_per_year",
        "number",
        100_000,
        N_("Volume"),
        N_("Units of work per year (used with per-unit pricing)."),
        "units_per_year",
        0,
        1e12,
        1000,
        group="outsourced",
        applies_when=PER_UNIT,
    ),
    Field(
        "vendor_currency",
        "choice",
        "same",
        N_("Vendor's currency"),
        N_(
            "The currency of the vendor's price, if it is not yours. Its price is then converted "
            "at the exchange rate below; every other amount is in your currency."
        ),
        choices=("same", *CURRENCIES),
        group="outsourced",
        choice_labels={"same": N_("Same as mine")},
    ),
    Field(
        "exchange_rate",
        "number",
        1,
        N_("Exchange rate"),
        N_(
            "How much of your currency one unit of the vendor's currency costs: for a price in "
            "USD and amounts in EUR, the euros one dollar buys. One rate for the whole horizon."
        ),
        "",
        0.000001,
        1_000_000,
        0.0001,
        group="outsourced",
        applies_when=IN_VENDOR_CURRENCY,
    ),
    Field(
        "escalation_pct",
        "percent",
        3,
        N_("Yearly price escalation"),
        N_("How much the vendor's prices (and transport) rise each year."),
        "percent",
        -20,
        50,
        0.5,
        group="outsourced",
    ),
    Field(
        "governance_pct",
        "percent",
        6,
        N_("Governance and vendor management"),
        N_(
            "Your cost of managing the contract (vendor managers, reporting, audits), as a "
            "percentage of the vendor's fees."
        ),
        "percent",
        0,
        100,
        0.5,
        group="outsourced",
    ),
    Field(
        "transition_cost",
        "money",
        60_000,
        N_("Transition and knowledge transfer"),
        N_("One-off cost of moving the work: documentation, shadowing, parallel running, travel."),
        "one_off",
        0,
        1e10,
        1000,
        group="outsourced",
    ),
    Field(
        "contract_cost",
        "money",
        20_000,
        NC_("cost item", "Contract and legal"),
        N_("One-off cost of selecting the vendor and negotiating the contract."),
        "one_off",
        0,
        1e10,
        1000,
        group="outsourced",
    ),
    Field(
        "ramp_months",
        "integer",
        6,
        N_("Ramp-up period"),
        N_("Months until the vendor reaches full productivity."),
        "months",
        0,
        60,
        1,
        group="outsourced",
    ),
    Field(
        "ramp_dip_pct",
        "percent",
        30,
        N_("Productivity dip at the start"),
        N_(
            "Share of output lost in the first month; the loss shrinks evenly to zero by the "
            "end of the ramp-up and is valued at your in-house cost."
        ),
        "percent",
        0,
        100,
        5,
        group="outsourced",
    ),
    Field(
        "parallel_months",
        "integer",
        0,
        N_("Parallel running"),
        N_(
            "Months at the start during which the in-house team keeps working beside the "
            "vendor, so both are paid."
        ),
        "months",
        0,
        36,
        1,
        group="outsourced",
    ),
    Field(
        "severance_per_fte",
        "money",
        0,
        N_("Severance or transfer cost"),
        N_(
            "Per FTE whose work moves to the vendor: severance pay for staff who leave, or the "
            "cost of transferring staff who move to the vendor. Paid when parallel running ends "
            "(at the start if there is none)."
        ),
        "per_fte",
        0,
        10_000_000,
        1000,
        group="outsourced",
    ),
    Field(
        "vendor_attrition_pct",
        "percent",
        0,
        N_("Vendor staff turnover"),
        N_(
            "Share of the vendor's people on your work who leave each year. Each departure "
            "loses output while the replacement learns the work."
        ),
        "percent",
        0,
        200,
        1,
        group="outsourced",
    ),
    Field(
        "knowledge_loss_months",
        "number",
        3,
        N_("Output lost per leaver"),
        N_(
            "Months of one person's output lost each time someone on the vendor's team leaves: "
            "the handover, and the replacement learning the work. Valued at your in-house cost "
            "of that work."
        ),
        "months",
        0,
        24,
        0.5,
        group="outsourced",
    ),
    Field(
        "retained_fte",
        "number",
        1,
        N_("Retained in-house staff"),
        N_(
            "FTE you keep in-house (for example a service owner); the vendor takes the rest of "
            "the team's work."
        ),
        "fte",
        0,
        10_000,
        0.5,
        group="outsourced",
    ),
    Field(
        "transport_per_year",
        "money",
        0,
        N_("Transport and logistics"),
        N_("Yearly cost of moving goods to and from the vendor, if any (zero for services)."),
        "per_year",
        0,
        1e10,
        1000,
        group="outsourced",
    ),
    Field(
        "exit_cost",
        "money",
        40_000,
        N_("Exit or re-insourcing"),
        N_(
            "One-off cost of ending the contract: moving the work back in-house or to another "
            "vendor."
        ),
        "one_off",
        0,
        1e10,
        1000,
        group="outsourced",
    ),
    Field(
        "exit_year",
        "integer",
        0,
        N_("Exit year"),
        N_(
            "The year whose last month carries the exit cost, counted from the start; 0 puts it "
            "at the end of the horizon. After an earlier exit the same costs continue, as if a "
            "new vendor took over on the same terms."
        ),
        "",
        0,
        15,
        1,
        group="outsourced",
    ),
    Field(
        "horizon_years",
        "integer",
        5,
        N_("Horizon"),
        N_("How many years to compare."),
        "years",
        1,
        15,
        1,
        group="horizon",
    ),
    Field(
        "discount_rate_pct",
        "percent",
        8,
        N_("Discount rate"),
        N_("Your cost of capital, used for the net present value."),
        "percent",
        0,
        50,
        0.5,
        group="horizon",
    ),
    Field(
        "timing",
        "choice",
        "end",
        N_("Discounting"),
        N_(
            "When in each year the savings count for the net present value: at the end of the "
            "year, as spreadsheets do, or in the middle, as savings that arrive month by month "
            "do on average."
        ),
        choices=("end", "mid"),
        group="horizon",
        choice_labels={"end": N_("End of each year"), "mid": N_("Middle of each year")},
    ),
    Field(
        "currency",
        "choice",
        "EUR",
        N_("Currency"),
        N_("Used only to label amounts; nothing is converted."),
        choices=CURRENCIES,
        group="horizon",
    ),
)


def check_contradictions(values: Values, t: Text) -> dict[str, str]:
    errors: dict[str, str] = {}
    headcount = float(values["headcount"])
    if float(values["retained_fte"]) >= headcount:
        errors["retained_fte"] = t.gettext(
            "Retained staff must be fewer than the team size ({headcount} FTE).",
            headcount=format_number(headcount, t.locale, _decimals(headcount)),
        )
    horizon_months = 12 * int(values["horizon_years"])
    if int(values["ramp_months"]) > horizon_months:
        errors["ramp_months"] = t.gettext(
            "The ramp-up ({months} months) cannot be longer than the horizon "
            "({horizon_months} months).",
            months=values["ramp_months"],
            horizon_months=horizon_months,
        )
    # .get: savings_uncertainty checks its own inputs, which leave this one out.
    if int(values.get("parallel_months", 0)) > horizon_months:
        errors["parallel_months"] = t.gettext(
            "Parallel running ({months} months) cannot be longer than the horizon "
            "({horizon_months} months).",
            months=values["parallel_months"],
            horizon_months=horizon_months,
        )
    if int(values.get("exit_year", 0)) > int(values["horizon_years"]):
        errors["exit_year"] = t.ngettext(
            "The exit year must fall within the horizon ({n} year), or be 0 for its end.",
            "The exit year must fall within the horizon ({n} years), or be 0 for its end.",
            int(values["horizon_years"]),
        )
    vendor_currency = values.get("vendor_currency", "same")
    if vendor_currency == values["currency"] and float(values.get("exchange_rate", 1)) != 1:
        errors["exchange_rate"] = t.gettext(
            "The vendor's currency is yours ({currency}): the exchange rate must be 1.",
            currency=vendor_currency,
        )
    if values["pricing"] == "unit" and float(values["units_per_year"]) <= 0:
        errors["units_per_year"] = t.gettext("With per-unit pricing, enter the yearly volume.")
    return errors


def _decimals(number: float) -> int:
    """As few decimals as the number needs, up to two (12, 12.5, 12.25)."""
    return (
        next(d for d in (0, 1) if (number * 10**d).is_integer())
        if (number * 10).is_integer()
        else 2
    )


FIELDSET = FieldSet(FIELDS, GROUPS, checks=(check_contradictions,))
