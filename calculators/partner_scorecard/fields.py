"""The partner scorecard's fields: six criterion weights and the table of vendors."""

from __future__ import annotations

from ..core.fields import AppliesWhen, Field, FieldSet
from ..core.names import name_key
from ..core.parse import Row, Values
from ..core.text import N_, NC_, Text

# The criteria of the guide's "Choosing a partner" page, in the order the form shows them.
CRITERIA = ("expertise", "fit", "contract", "security", "communication", "price")
MAX_NAME = 40
MIN_VENDORS, MAX_VENDORS = 2, 6
MAX_EVALUATORS = 3  # rows per vendor: one per evaluator
MAX_ROWS = MAX_VENDORS * MAX_EVALUATORS
MAX_BID = 1e12

# Price scored by the reader's judgment (the price column) or by formula from the bids.
PRICE_METHODS = ("judgment", "formula")
JUDGMENT = AppliesWhen("price_method", ("judgment",))
FORMULA = AppliesWhen("price_method", ("formula",))

GROUPS = {
    "weights": N_("How much each criterion matters"),
    "minimums": N_("Minimum scores that are must-haves"),
    "vendors": N_("The vendors on your shortlist"),
    "simulation": N_("Weights that vary"),
}

# Each criterion's name in results, its weight field (label, help) and its column heading.
CRITERION_NAMES = {
    "expertise": N_("Expertise and track record"),
    "fit": N_("Cultural and operational fit"),
    "contract": N_("Contract flexibility and exit terms"),
    "security": NC_("vendor criterion", "Security"),
    "communication": NC_("vendor criterion", "Communication"),
    "price": N_("Price"),
}
_WEIGHT_LABELS = {**CRITERION_NAMES, "price": N_("Price (fully loaded)")}
_WEIGHT_HELP = {
    "expertise": N_("Technical skills, project management and industry experience, judged on "
                    "portfolios, case studies and references. Only the proportions between the "
                    "weights count."),
    "fit": N_("Work ethic, communication style, processes, tools and working hours that match "
              "yours. Only the proportions between the weights count."),
    "contract": N_("Contract models, prices for scaling up and down, SLA terms and a structured "
                   "exit. Only the proportions between the weights count."),
    "security": N_("Protection of your data and intellectual property, audit rights and breach "
                   "reporting. Only the proportions between the weights count."),
    "communication": N_("Overlap hours, language, reporting and how early bad news reaches "
                        "you. Only the proportions between the weights count."),
    "price": N_("The total cost of the deal, not the day rate: transition, governance, travel "
                "and exit included. A higher score means better value. Only the proportions "
                "between the weights count."),
}  # fmt: skip
_COLUMN_LABELS = {
    "expertise": N_("Expertise"),
    "fit": N_("Fit"),
    "contract": NC_("vendor criterion", "Contract"),
    "security": NC_("vendor criterion", "Security"),
    "communication": NC_("vendor criterion", "Communication"),
    "price": N_("Price"),
}
_COLUMN_HELP = {
    "expertise": N_("Score for expertise and track record, from 0 to 10."),
    "fit": N_("Score for cultural and operational fit, from 0 to 10."),
    "contract": N_("Score for contract flexibility and exit terms, from 0 to 10."),
    "security": N_("Score for security, from 0 to 10."),
    "communication": N_("Score for communication, from 0 to 10."),
    "price": N_(
        "Score for price, from 0 to 10; 10 means the best value. Used only when price "
        "is scored by judgment; a blank cell is fine otherwise."
    ),
}
DEFAULT_WEIGHTS = {"expertise": 25, "fit": 15, "contract": 15, "security": 15,
                   "communication": 10, "price": 20}  # fmt: skip


def _example(name: str, scores: tuple[float, ...], bid: float, passes: str) -> Row:
    return {"name": name, **dict(zip(CRITERIA, scores, strict=True)), "bid": bid,
            "must_haves": passes}  # fmt: skip


# Three illustrative vendors: a strong all-rounder, a cheap one, and a top scorer that fails a
# must-have (for example, it cannot meet your data-protection requirements). Their names are
# messages, shown in the reader's language.
DEFAULT_VENDORS: tuple[Row, ...] = (
    _example(N_("Vendor A (example)"), (9, 7, 6, 8, 8, 5), 1_800_000, "yes"),
    _example(N_("Vendor B (example)"), (6, 6, 8, 6, 6, 9), 1_000_000, "yes"),
    _example(N_("Vendor C (example)"), (9, 9, 7, 3, 9, 8), 1_125_000, "no"),
)

COLUMNS = (
    Field("name", "text", "", N_("Name"),
          N_("The vendor's name, up to 40 characters. With several evaluators, give the "
             "vendor one row per evaluator, under the same name."),
          maximum=MAX_NAME, unique=True, unique_with=("evaluator",), translated_default=True),
    Field("evaluator", "text", "", N_("Evaluator"),
          N_("Who gave this row's scores, up to 40 characters. Leave it blank when one person "
             "(or one agreed panel) scores; with several evaluators, each writes their name "
             "and their rows for the same vendor are averaged."),
          maximum=MAX_NAME, optional=True),
    *(Field(c, "number", 5, _COLUMN_LABELS[c], _COLUMN_HELP[c], minimum=0, maximum=10,
            step=0.5, applies_when=JUDGMENT if c == "price" else None) for c in CRITERIA),
    Field("bid", "number", 0, N_("Bid"),
          N_("The vendor's fully loaded price for the whole deal, in one currency for every "
             "vendor. Used only when price is scored by formula; a blank cell is fine "
             "otherwise."), minimum=0, maximum=MAX_BID, step=1000, applies_when=FORMULA),
    Field("must_haves", "choice", "yes", N_("Passes the must-haves?"),
          N_("No knocks the vendor out, whatever its score."), choices=("yes", "no"),
          choice_labels={"yes": N_("Yes"), "no": N_("No")}),
)  # fmt: skip

_MINIMUM_LABELS = {
    "expertise": N_("Lowest acceptable score for expertise"),
    "fit": N_("Lowest acceptable score for fit"),
    "contract": N_("Lowest acceptable score for contract terms"),
    "security": N_("Lowest acceptable score for security"),
    "communication": N_("Lowest acceptable score for communication"),
    "price": N_("Lowest acceptable score for price"),
}
_MINIMUM_HELP = N_(
    "A vendor that scores below this on the criterion is knocked out, as if it failed a "
    "must-have, whatever its total. 0 (the default) sets no minimum."
)

# The first field is a plain number (the generic browser test edits the first non-choice field).
FIELDS = (
    *(Field(f"weight_{c}", "number", DEFAULT_WEIGHTS[c], _WEIGHT_LABELS[c], _WEIGHT_HELP[c],
            "points", 0, 100, 1, group="weights") for c in CRITERIA),
    # Judgment by default: it keeps the price column's scores (the guide's scoring table).
    Field("price_method", "choice", "judgment", N_("How price is scored"),
          N_("By judgment: you score price from 0 to 10 in the price column. By formula: "
             "each vendor's price score is 10 \u00d7 the lowest bid \u00f7 its bid, from the "
             "bid column."), choices=PRICE_METHODS,
          choice_labels={"judgment": N_("By judgment (price column)"),
                         "formula": N_("By formula (lowest bid \u00f7 bid \u00d7 10)")},
          group="weights"),
    # No minimums by default: the guide's scoring table ranks on weighted totals, and a minimum
    # is a must-have only the reader can decide on (choosing-a-partner.md#scoring-table).
    *(Field(f"minimum_{c}", "number", 0, _MINIMUM_LABELS[c], _MINIMUM_HELP, minimum=0,
            maximum=10, step=0.5, group="minimums") for c in CRITERIA),
    Field("vendors", "table", DEFAULT_VENDORS, N_("Vendors and their scores"),
          N_("One row per vendor, 2 to 6 vendors; with up to 3 evaluators, one row per "
             "vendor and evaluator (18 rows at most); leave unused rows empty. Score each "
             "criterion from 0 (poor) to 10 (excellent); for price, 10 means the best value (or "
             "give bids and score price by formula). Set "
             "\u201cPasses the must-haves?\u201d to No for a vendor that fails a requirement "
             "you will not trade off: it is ranked last and cannot win."),
          columns=COLUMNS, min_rows=MIN_VENDORS, max_rows=MAX_ROWS, group="vendors"),
    # No standard band exists: 25% is an assumption (the spread of weights a panel that agrees
    # on priorities but not on numbers might give); 0 turns the simulation off.
    # No common threshold exists: 3 points (30% of the 0-to-10 scale) is an assumption; it
    # only flags criteria to discuss and changes no score.
    Field("spread_alert", "number", 3, N_("Disagreement worth discussing"),
          N_("With several evaluators: a criterion on which their scores for a vendor differ "
             "by at least this many points (highest minus lowest) is flagged for discussion."),
          "points", 0.5, 10, 0.5, group="vendors"),
    Field("weight_band", "integer", 25, N_("How far each weight may vary"),
          N_("The simulation multiplies every weight by its own random factor, from 1 minus "
             "this share to 1 plus it, 2,000 times, and counts how often each vendor wins. "
             "0 turns it off."), "percent", 0, 100, 5, group="simulation"),
)  # fmt: skip


def check_weights(values: Values, t: Text) -> dict[str, str]:
    if all(float(values[f"weight_{c}"]) == 0 for c in CRITERIA):
        return {
            f"weight_{CRITERIA[0]}": t.gettext(
                "All six weights are zero: give at least one criterion a weight above zero."
            )
        }
    return {}


def by_vendor(rows: list[Row]) -> dict[str, list[Row]]:
    """Rows grouped by vendor (names compared as people read them), in order of first row."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(name_key(str(row["name"])), []).append(row)
    return groups


def check_panel(values: Values, t: Text) -> dict[str, str]:
    """Two to six vendors, at most three evaluators each, and one bid per vendor."""
    groups = list(by_vendor(values["vendors"]).values())
    errors: dict[str, str] = {}
    crowded = [str(g[0]["name"]) for g in groups if len(g) > MAX_EVALUATORS]
    differing = [str(g[0]["name"]) for g in groups if len({float(r["bid"]) for r in g}) > 1]
    if len(groups) < MIN_VENDORS:
        errors["vendors"] = t.gettext("Enter at least {min} vendors.", min=MIN_VENDORS)
    elif len(groups) > MAX_VENDORS:
        errors["vendors"] = t.gettext("Enter at most {max} vendors.", max=MAX_VENDORS)
    elif crowded:
        errors["vendors"] = t.gettext(
            "At most {max} evaluators per vendor: {names} has more rows.",
            max=MAX_EVALUATORS,
            names=", ".join(crowded),
        )
    elif differing and values["price_method"] == "formula":
        errors["vendors"] = t.gettext(
            "A vendor has one bid: give the same bid in each of its rows ({names}).",
            names=", ".join(differing),
        )
    return errors  # fmt: skip


def check_bids(values: Values, t: Text) -> dict[str, str]:
    """By formula, every vendor needs a bid above zero (a price score divides by it)."""
    if values["price_method"] != "formula":
        return {}
    missing = [str(row["name"]) for row in values["vendors"] if float(row["bid"]) <= 0]
    missing = list(dict.fromkeys(missing))  # once per vendor, whatever its rows
    if not missing:
        return {}
    return {"vendors": t.ngettext("Enter a bid above zero for {names}: price is scored by "
                                  "formula from the bids.",
                                  "Enter bids above zero for {names}: price is scored by "
                                  "formula from the bids.", len(missing),
                                  names=", ".join(missing))}  # fmt: skip


FIELDSET = FieldSet(FIELDS, GROUPS, checks=(check_weights, check_panel, check_bids))
