"""The make-or-buy calculator's fields: the planned volume, the cost of making, the cost of
buying."""

from __future__ import annotations

from ..core.fields import AppliesWhen, Field, FieldSet
from ..core.parse import Values
from ..core.text import N_, Text
from ..core.vocab import CURRENCIES

GROUPS = {
    "volume": N_("Volume"),
    "make": N_("Making it yourself"),
    "buy": N_("Buying it in"),
    "years": N_("Over the years"),
}

# What duty is charged on: the price alone (FOB) or the price with freight and insurance (CIF).
DUTY_BASES = ("fob", "cif")
DUTY_BASIS_LABELS = {
    "fob": N_("The price only (FOB)"),
    "cif": N_("The price plus transport (CIF)"),
}

LEARNING_CHOICES = ("none", "wright")
LEARNING_LABELS = {
    "none": N_("None: the cost per unit stays as entered"),
    "wright": N_("Wright's learning curve"),
}
LEARNING_ON = AppliesWhen("learning", ("wright",))

VOLUME_MAX = 1e9  # the largest volume the calculator models

FIELDS = (
    Field("volume", "number", 24_000, N_("Planned volume"),
          N_("How many units you expect to need a year."),
          "units_per_year", 1, VOLUME_MAX, 1000, group="volume"),
    Field("currency", "choice", "EUR", N_("Currency"),
          N_("Used only to label amounts; nothing is converted."),
          choices=CURRENCIES, group="volume"),
    Field("make_setup", "money", 200_000, N_("Set-up cost"),
          N_("One-off cost of starting to make it yourself: tooling, equipment, installation "
             "and first training. It is spread evenly over the years below."),
          "one_off", 0, 1e10, 1000, group="make"),
    Field("setup_years", "integer", 5, N_("Years the set-up serves"),
          N_("Over how many years to spread the set-up cost, for example the useful life of "
             "the equipment."),
          "years", 1, 30, 1, group="make"),
    Field("capital_rate_pct", "percent", 8, N_("Cost of capital"),
          N_("The yearly interest on the money tied up in the set-up: what you pay to borrow "
             "it, or could earn on it elsewhere. The set-up is spread as an equal yearly "
             "payment that repays it with this interest over the years it serves (an "
             "annuity); 0% spreads it evenly."),
          "percent", 0, 50, 0.5, group="make"),
    Field("make_fixed", "money", 62_000, N_("Yearly fixed cost of making"),
          N_("Costs that do not change with volume: supervision, maintenance, floor space, "
             "equipment leases and ongoing training."),
          "per_year", 0, 1e10, 1000, group="make"),
    Field("make_variable", "money", 11, N_("Variable cost per unit made"),
          N_("Materials, direct labor, energy and consumables for each unit, including your "
             "own scrap."),
          "per_unit", 0, 1e6, 0.01, group="make"),
    Field("buy_price", "money", 12.5, N_("Purchase price"),
          N_("The supplier's price per unit."),
          "per_unit", 0, 1e6, 0.01, group="buy"),
    Field("duty_pct", "percent", 4, N_("Duty or tariff"),
          N_("Import duty as a percentage of the customs value (see the next field); zero for "
             "a domestic supplier."),
          "percent", 0, 500, 0.5, group="buy"),
    Field("duty_basis", "choice", "fob", N_("Customs value"),
          N_("What the duty is charged on. Countries that value imports free on board (FOB), "
             "such as the United States, charge it on the price alone; countries that value "
             "them with cost, insurance and freight (CIF), such as the EU and the UK, charge "
             "it on the price plus the transport per unit below."),
          choices=DUTY_BASES, choice_labels=DUTY_BASIS_LABELS, group="buy"),
    Field("transport", "money", 0.72, N_("Transport per unit"),
          N_("Freight, insurance and handling for each unit delivered to you."),
          "per_unit", 0, 1e6, 0.01, group="buy"),
    # Defective units are replaced by buying more, so the rate must stay below 100%.
    Field("defect_pct", "percent", 2, N_("Defect rate"),
          N_("Share of delivered units that fail inspection and are replaced by buying more: "
             "N good units take N / (1 - rate) deliveries, each with its price, duty and "
             "transport. It must stay below 100%."),
          "percent", 0, 99, 0.5, group="buy"),
    Field("lead_time_cost", "money", 0.4, N_("Lead-time cost per unit"),
          N_("The cost of carrying extra stock to cover the supplier's longer lead time, per "
             "unit: for example the price times your yearly carrying rate times the extra "
             "weeks of stock, divided by 52."),
          "per_unit", 0, 1e6, 0.01, group="buy"),
    Field("horizon_years", "integer", 5, N_("Years to compare"),
          N_("How many years the year-by-year view covers, at the planned volume every year. "
             "Each year's cost is discounted at the cost of capital above."),
          "years", 1, 30, 1, group="years"),
    Field("make_escalation_pct", "percent", 0, N_("Yearly change in making's costs"),
          N_("How much making's yearly fixed cost and variable cost per unit rise (or, if "
             "negative, fall) each year: wage and material inflation, for example. The "
             "set-up payment stays as it is."),
          "percent", -20, 50, 0.5, group="years"),
    Field("buy_escalation_pct", "percent", 0, N_("Yearly change in the landed cost bought"),
          N_("How much the landed cost of a unit bought rises (or, if negative, falls) each "
             "year: the supplier's price escalation, or a yearly price-down in the contract."),
          "percent", -20, 50, 0.5, group="years"),
    Field("learning", "choice", "none", N_("Learning curve on making"),
          N_("Whether making's variable cost per unit falls as you gain experience. With "
             "Wright's curve the variable cost you entered is the average over the first "
             "year, and later years cost less, as set by the learning rate."),
          choices=LEARNING_CHOICES, choice_labels=LEARNING_LABELS, group="years"),
    Field("learning_rate_pct", "percent", 80, N_("Learning rate"),
          N_("What the average cost per unit falls to each time the number of units made so "
             "far doubles: at 80%, doubling them cuts their average cost by a fifth. 100% is "
             "no learning."),
          "percent", 60, 100, 1, group="years", applies_when=LEARNING_ON),
    Field("learning_share_pct", "percent", 100, N_("Share of the variable cost that learns"),
          N_("The part of the variable cost per unit that falls with experience, mostly "
             "labor; materials bought in learn little. The rest stays as entered."),
          "percent", 0, 100, 1, group="years", applies_when=LEARNING_ON),
)  # fmt: skip


def check_contradictions(values: Values, t: Text) -> dict[str, str]:
    errors: dict[str, str] = {}
    making = (values["make_setup"], values["make_fixed"], values["make_variable"])
    if all(float(v) == 0 for v in making):
        errors["make_variable"] = t.gettext(
            "Making cannot cost nothing: enter a set-up, fixed or variable cost of making."
        )
    buying = (values["buy_price"], values["transport"], values["lead_time_cost"])
    if all(float(v) == 0 for v in buying):
        errors["buy_price"] = t.gettext(
            "Buying cannot cost nothing: enter a purchase price, transport or lead-time cost."
        )
    return errors


FIELDSET = FieldSet(FIELDS, GROUPS, checks=(check_contradictions,))
