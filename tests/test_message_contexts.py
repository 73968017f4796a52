"""One English text with two meanings is two messages (msgctxt), so that each language can word
them apart: "Security" as a vendor criterion and as a risk, "Contract and legal" as a cost and
as a risk. Norwegian's terminology table does word them apart (i18n/nb/calculator-terms.md)."""

from __future__ import annotations

from typing import Any

from babel.messages.pofile import read_po

import calculators
from calculators.core.text import NC_, text_for
from sitebuild import catalogs

# Texts used with different meanings, and the context of each use.
CONTEXTS = {
    "Security": {"vendor criterion", "risk"},
    "Contract": {"vendor criterion", "risk"},
    "Communication": {None, "vendor criterion"},  # a team's health, a vendor's score
    "Contract and legal": {"cost item", "risk"},
    "Name": {None, "the column of inputs' keys"},  # a vendor's name, an input's key
}


def test_texts_with_two_meanings_are_one_message_per_meaning() -> None:
    with catalogs.TEMPLATE.open("rb") as file:
        template = read_po(file)
    for text, contexts in CONTEXTS.items():
        assert {m.context for m in template if m.id == text} == contexts, text


def test_a_message_marked_with_a_context_is_translated_under_it() -> None:
    t = text_for("nb")
    assert t.gettext(NC_("cost item", "Contract and legal")) == "Kontrakt og juridisk bistand"
    assert t.gettext(NC_("risk", "Contract and legal")) == "Kontrakt og juss"
    assert text_for("en").gettext(NC_("risk", "Contract and legal")) == "Contract and legal"
    assert type(text_for("en").gettext(NC_("risk", "Security"))) is str


def _entry(cid: str, locale: str) -> dict[str, Any]:
    return next(e for e in calculators.catalog(locale) if e["id"] == cid)


def test_each_calculator_shows_its_own_meaning() -> None:
    savings = _entry("savings", "nb")
    label = next(f["label"] for f in savings["fields"] if f["name"] == "contract_cost")
    groups = {g["key"]: g["label"] for g in _entry("risk_register", "nb")["groups"]}
    assert (label, groups["contract"]) == ("Kontrakt og juridisk bistand", "Kontrakt og juss")
    table = next(f for f in _entry("partner_scorecard", "ru")["fields"] if f["name"] == "vendors")
    column = next(c["label"] for c in table["columns"] if c["name"] == "contract")
    assert column == "Условия договора"
    heat = calculators.run("risk_register", {}, "ru")
    assert "Договор и право" in str(heat) and "Условия договора" not in str(heat)
