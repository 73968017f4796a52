"""The message catalogue: every reader-facing string of every calculator, keyed by id.

Labels, help texts, error messages, table headings and the runtime's status lines all come
from here, so a translation is one more mapping per locale. Missing keys fall back to English.
"""

from __future__ import annotations

DEFAULT_LOCALE = "en"

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        # Field errors (shared by every calculator).
        "error.missing": "Enter a value.",
        "error.not_a_number": "Enter a number, for example 1200 or 12.5.",
        "error.not_finite": "Enter a finite number (not NaN or infinity).",
        "error.not_integer": "Enter a whole number.",
        "error.too_small": "Must be at least {min}.",
        "error.too_large": "Must be at most {max}.",
        "error.not_a_choice": "Choose one of: {choices}.",
        "error.unknown_field": "This calculator has no field named '{name}'.",
        "error.unknown_calculator": "There is no calculator named '{name}'. Available: {known}.",
        "error.not_text": "Enter a name.",
        "error.too_long": "Use at most {max} characters.",
        "error.not_a_table": "Enter a list of rows.",
        "error.too_few_rows": "Enter at least {min} rows.",
        "error.too_many_rows": "Enter at most {max} rows.",
        "error.duplicate": "This name is already used in row {row}; each row needs its own name.",
        "error.bad_request": "The request must be a JSON object with a calculator and inputs.",
        "error.not_a_mapping": "Inputs must be a mapping of field names to values.",
        # Runtime and widget furniture (read by the page template and the browser runtime).
        "ui.results": "Results",
        "ui.inputs": "Your numbers",
        "ui.recalculate": "Recalculate",
        "ui.reset": "Reset to defaults",
        "ui.prerendered": "Showing results for the default values. Change any value to "
        "recalculate.",
        "ui.loading": "Loading the calculator ({step} of {steps}): {stage}",
        "ui.stage.runtime": "downloading the Python runtime",
        "ui.stage.package": "installing the calculators",
        "ui.live": "Results update as you type.",
        "ui.updated": "Results updated.",
        "ui.invalid": "Fix the highlighted field to update the results; the results shown are for "
        "the last valid values.",
        "ui.failed": "The live calculator could not start ({reason}). The results shown are for "
        "the default values.",
        "ui.timeout": "took too long to load",
        "ui.retry": "Try again",
        "ui.range": "From {min} to {max}",
        "ui.chart_summary": "Chart: {title}.",
        # The calculator page's states, summary and failures (calculator-widget.html and
        # calculator.js).
        "ui.defaults": "Showing results for the default values.",
        "ui.no_script": "Recalculating with your own numbers needs JavaScript, which is off or "
        "blocked in this browser. The results shown are for the default values.",
        "ui.pending": "Your changes will be applied once the calculator is ready.",
        "ui.loading_bytes": "Loading the calculator ({step} of {steps}): {stage}: {loaded} of "
        "{total} MB",
        "ui.loading_bytes_open": "Loading the calculator ({step} of {steps}): {stage}: {loaded} MB",
        "ui.stale": "These results are for the last valid values. Fix the highlighted field to "
        "update them.",
        "ui.progress": "Loading progress",
        "ui.details": "Technical details",
        "ui.full_results": "Full results",
        "ui.kept": "The results shown are the last ones computed.",
        "ui.failure.offline": "The calculator could not be downloaded. Check your connection "
        "and try again.",
        "ui.failure.missing": "Part of the calculator is missing from this site. Try again later.",
        "ui.failure.stalled": "The calculator stopped downloading. Check your connection and "
        "try again.",
        "ui.failure.blocked": "This browser or network blocked the calculator (it needs "
        "WebAssembly and web workers).",
        "ui.failure.error": "The live calculator could not start because of an error. Try again.",
        "ui.failure.run_error": "The calculation stopped with an error. Try again.",
        "ui.failure.timeout": "The calculation took too long and was stopped. Try again.",
        "ui.applies_when": "Not used with these inputs: applies only when “{field}” is {values}.",
        "ui.or": " or ",
        # Units shown beside fields.
        "unit.fte": "FTE",
        "unit.percent": "%",
        "unit.per_year": "per year",
        "unit.per_fte_year": "per FTE per year",
        "unit.per_fte_month": "per FTE-month",
        "unit.per_unit": "per unit",
        "unit.units_per_year": "units per year",
        "unit.months": "months",
        "unit.years": "years",
        "unit.one_off": "one-off",
        "unit.at_exit": "at the end",
        # Savings calculator.
        "savings.title": "Savings and total cost of ownership",
        "savings.group.in_house": "Doing it in-house",
        "savings.group.outsourced": "Outsourcing it",
        "savings.group.horizon": "Horizon and money",
        "savings.headcount.label": "Team size",
        "savings.headcount.help": "Full-time equivalents (FTE) doing the work in-house today.",
        "savings.salary.label": "Average salary",
        "savings.salary.help": "Gross yearly salary per FTE, before employer costs.",
        "savings.on_costs_pct.label": "Employer on-costs",
        "savings.on_costs_pct.help": "Payroll taxes, pensions, insurance and other benefits, "
        "as a percentage of salary.",
        "savings.overhead_per_fte.label": "Overhead per head",
        "savings.overhead_per_fte.help": "Office space, equipment, software licences and IT "
        "support per FTE per year.",
        "savings.management_pct.label": "Management time",
        "savings.management_pct.help": "Supervision and management of the team, as a percentage "
        "of the team's salaries.",
        "savings.recruiting_per_fte.label": "Recruiting and training",
        "savings.recruiting_per_fte.help": "Hiring, onboarding and training to replace leavers "
        "and keep skills current, per FTE per year.",
        "savings.wage_growth_pct.label": "Yearly wage growth",
        "savings.wage_growth_pct.help": "How fast in-house costs rise each year.",
        "savings.pricing.label": "Vendor pricing",
        "savings.pricing.help": "Whether the vendor charges per FTE-month or per unit of work.",
        "savings.pricing.fte": "Per FTE-month",
        "savings.pricing.unit": "Per unit of work",
        "savings.vendor_fte_price.label": "Vendor price per FTE-month",
        "savings.vendor_fte_price.help": "Monthly fee per full-time person the vendor provides "
        "(used with per-FTE pricing).",
        "savings.unit_price.label": "Vendor price per unit",
        "savings.unit_price.help": "Price per ticket, invoice, call or other unit of work "
        "(used with per-unit pricing).",
        "savings.units_per_year.label": "Volume",
        "savings.units_per_year.help": "Units of work per year (used with per-unit pricing).",
        "savings.escalation_pct.label": "Yearly price escalation",
        "savings.escalation_pct.help": "How much the vendor's prices (and transport) rise each "
        "year.",
        "savings.governance_pct.label": "Governance and vendor management",
        "savings.governance_pct.help": "Your cost of managing the contract (vendor managers, "
        "reporting, audits), as a percentage of the vendor's fees.",
        "savings.transition_cost.label": "Transition and knowledge transfer",
        "savings.transition_cost.help": "One-off cost of moving the work: documentation, "
        "shadowing, parallel running, travel.",
        "savings.contract_cost.label": "Contract and legal",
        "savings.contract_cost.help": "One-off cost of selecting the vendor and negotiating the "
        "contract.",
        "savings.ramp_months.label": "Ramp-up period",
        "savings.ramp_months.help": "Months until the vendor reaches full productivity.",
        "savings.ramp_dip_pct.label": "Productivity dip at the start",
        "savings.ramp_dip_pct.help": "Share of output lost in the first month; the loss shrinks "
        "evenly to zero by the end of the ramp-up and is valued at your in-house cost.",
        "savings.retained_fte.label": "Retained in-house staff",
        "savings.retained_fte.help": "FTE you keep in-house (for example a service owner); the "
        "vendor takes the rest of the team's work.",
        "savings.transport_per_year.label": "Transport and logistics",
        "savings.transport_per_year.help": "Yearly cost of moving goods to and from the vendor, "
        "if any (zero for services).",
        "savings.exit_cost.label": "Exit or re-insourcing",
        "savings.exit_cost.help": "Cost of ending the contract at the end of the horizon: "
        "moving the work back or to another vendor.",
        "savings.horizon_years.label": "Horizon",
        "savings.horizon_years.help": "How many years to compare.",
        "savings.discount_rate_pct.label": "Discount rate",
        "savings.discount_rate_pct.help": "Your cost of capital, used for the net present value.",
        "savings.currency.label": "Currency",
        "savings.currency.help": "Used only to label amounts; nothing is converted.",
        "savings.contradiction.retained": "Retained staff must be fewer than the team size "
        "({headcount} FTE).",
        "savings.contradiction.ramp": "The ramp-up ({months} months) cannot be longer than the "
        "horizon ({horizon_months} months).",
        "savings.contradiction.no_volume": "With per-unit pricing, enter the yearly volume.",
        "savings.figure.savings": "Total savings",
        "savings.figure.savings_pct": "Savings",
        "savings.figure.npv": "Net present value of outsourcing",
        "savings.figure.payback": "Payback",
        "savings.figure.roi": "Return on one-off costs",
        "savings.figure.flip_price": "Break-even vendor price",
        "savings.note.savings": "In-house {in_house} against outsourced {outsourced} over "
        "{years} years.",
        "savings.note.savings_pct": "of the in-house cost over the horizon.",
        "savings.note.npv": "Savings discounted at {rate}; positive means outsourcing pays.",
        "savings.note.payback": "From this month on, cumulative savings stay above the one-off "
        "costs to the end of the horizon.",
        "savings.note.roi": "Net savings divided by the one-off costs ({one_off}).",
        "savings.note.flip_price": "Above this {unit} price, outsourcing costs more than it "
        "saves (NPV below zero).",
        "savings.payback.month": "month {month}",
        "savings.payback.immediate": "from the start",
        "savings.payback.never": "not within {years} years",
        "savings.value.not_applicable": "n/a",
        "savings.value.none": "none",
        "savings.table.caption": "Cost by year",
        "savings.table.year": "Year",
        "savings.table.in_house": "In-house",
        "savings.table.outsourced": "Outsourced",
        "savings.table.savings": "Savings",
        "savings.table.cumulative": "Cumulative savings",
        "savings.table.discounted": "Discounted savings",
        "savings.table.start": "Start (one-off)",
        "savings.chart.title": "Cumulative cost, in-house against outsourced",
        "savings.chart.x": "Month",
        "savings.chart.y": "Cumulative cost ({currency})",
        "savings.chart.in_house": "In-house",
        "savings.chart.outsourced": "Outsourced",
        "savings.chart.break_even": "Break-even, month {month}",
        "savings.chart.no_break_even": "No break-even within the horizon",
    },
}


def message(key: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    """The text for `key` in `locale` (English if missing), with `{params}` filled in."""
    template = MESSAGES.get(locale, {}).get(key) or MESSAGES[DEFAULT_LOCALE][key]
    return template.format(**params) if params else template


def messages_with_prefix(prefix: str, locale: str = DEFAULT_LOCALE) -> dict[str, str]:
    """All messages whose key starts with `prefix` (for example the runtime's 'ui.' strings)."""
    english = {k: v for k, v in MESSAGES[DEFAULT_LOCALE].items() if k.startswith(prefix)}
    return english | {k: v for k, v in MESSAGES.get(locale, {}).items() if k.startswith(prefix)}


def register(catalogue: dict[str, dict[str, str]]) -> None:
    """Add a calculator's own messages (per locale) to the one catalogue."""
    for locale, entries in catalogue.items():
        clashes = set(entries) & set(MESSAGES.get(locale, {}))
        if clashes:
            raise ValueError(f"message keys defined twice: {sorted(clashes)}")
        MESSAGES.setdefault(locale, {}).update(entries)
