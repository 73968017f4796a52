"""Example names among the defaults ("Vendor A (example)", "Outsourcing manager") are shown in
the reader's language: in the form, the results, exports, the command line and links. A name
left as it is counts as the default in its own language, and a link made in one language opens
in another with that language's names."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest

import calculators
from calculators.__main__ import main
from calculators.core.fields import Field
from calculators.core.locales import LOCALES, SOURCE_LOCALE
from calculators.core.text import text_for
from calculators.export import csv_text, json_document
from calculators.query import decode, encode, form_defaults
from sitebuild import widgets

TRANSLATED = [lang for lang in LOCALES if lang != SOURCE_LOCALE]
IDS = calculators.calculator_ids()


def _named_fields(cid: str) -> list[Field]:
    """The fields (and table columns) whose defaults are example names."""
    fields = calculators.registry.load(cid).fieldset.fields
    found = [f for f in fields if f.translated_default]
    found += [c for f in fields for c in f.columns if c.translated_default]
    return found


def _english_names(cid: str) -> set[str]:
    """The English example names among a calculator's form defaults."""
    named = {f.name for f in _named_fields(cid)}
    return {
        value
        for key, value in form_defaults(cid, SOURCE_LOCALE).items()
        if value and key.rpartition(".")[2] in named
    }


NAMED = [cid for cid in IDS if _named_fields(cid)]


def test_the_example_names_are_the_ones_the_issue_names() -> None:
    assert set(NAMED) == {"partner_scorecard", "location_comparison", "risk_register"}
    assert {"Vendor A (example)", "Onshore example", "Outsourcing manager"} <= {
        name for cid in NAMED for name in _english_names(cid)
    }


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("cid", NAMED)
def test_the_form_and_the_results_show_the_names_in_the_page_language(cid: str, lang: str) -> None:
    t = text_for(lang)
    english = _english_names(cid)
    html = widgets.render_widget(cid, lang, "../")
    for name in english:
        assert name not in html, name
        assert t.gettext(name) in html, t.gettext(name)
    shown = json.dumps(calculators.run(cid, {}, lang), ensure_ascii=False)
    assert not any(name in shown for name in english)


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("cid", IDS)
def test_a_link_holds_no_default_in_its_own_language(cid: str, lang: str) -> None:
    assert encode(cid, form_defaults(cid, lang), lang) == ""


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_link_made_in_one_language_opens_in_another_with_its_names(lang: str) -> None:
    form = form_defaults("partner_scorecard", lang) | {"vendors.0.bid": "1500000"}
    query = encode("partner_scorecard", form, lang)
    assert query == "vendors.0.bid=1500000"
    for opened in LOCALES:
        decoded = decode("partner_scorecard", query, opened)
        assert decoded.problems == []
        names = [decoded.inputs[f"vendors.{i}.name"] for i in range(3)]
        assert names == [form_defaults("partner_scorecard", opened)[f"vendors.{i}.name"]
                         for i in range(3)]  # fmt: skip
        result = calculators.run("partner_scorecard", decoded.inputs, opened)
        assert result["values"]["winner"] == names[0]


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("cid", NAMED)
def test_exports_give_the_names_in_the_language_and_as_unchanged(cid: str, lang: str) -> None:
    english = _english_names(cid)
    form = form_defaults(cid, lang)
    exported = csv_text(cid, form, locale=lang, link="https://example.org/", date="2026-01-01")
    assert not any(name in exported for name in english)
    rows = list(csv.reader(io.StringIO(exported.lstrip("\ufeff"))))
    changed = text_for(lang).gettext("yes")
    named = {f.name for f in _named_fields(cid)}
    for row in rows:
        if len(row) == 6 and row[0].rpartition(".")[2] in named:
            assert row[2] == row[4] and row[5] != changed, row
    document = json_document(cid, form, locale=lang, date="2026-01-01")
    assert document["query"] == "" and document["changed"] == []
    assert not any(name in json.dumps(document, ensure_ascii=False) for name in english)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_command_line_gives_the_names_in_its_locale(lang: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["risk_register", "--locale", lang, "--json"]) == 0
    result = json.loads(out.getvalue())
    owner = text_for(lang).gettext("Outsourcing manager")
    assert owner != "Outsourcing manager"
    assert set(result["values"]["owners"].values()) == {owner}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_built_page_holds_the_names_in_its_language(built_site: Path, lang: str) -> None:
    page = built_site / lang / "calculators" / "partner-scorecard" / "index.html"
    html = page.read_text(encoding="utf-8")
    name = text_for(lang).gettext("Vendor A (example)")
    assert f'value="{name}"' in html
    assert "Vendor A (example)" not in html
