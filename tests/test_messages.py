"""Every reader-facing string of the calculators and the widget goes through the catalog.

The committed `.pot` must be what the code marks today. Then every calculator runs under a
made-up translation that wraps each message in ⟦ ⟧: any English word left outside the marks
(in the form, the results, charts, tables, exports, errors and the widget's own strings) did
not go through gettext.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from scenario_files import scenarios

import calculators
from calculators.browser import respond
from calculators.core import text
from calculators.core.vocab import CURRENCIES
from calculators.export import csv_text, input_rows
from calculators.share import handle
from sitebuild import catalogs, widgets

OPEN, CLOSE = "\u27e6", "\u27e7"
FAKE = "fi"  # any supported language: its catalog is replaced by the marking one
IDS = calculators.calculator_ids()
# Words that are no message: currency codes (a code is its own label) and the names people
# type, which the scenarios put in tables (shown as typed in any language). The defaults'
# example names are messages.
ALLOWED = {*CURRENCIES}
WORD = re.compile(r"[A-Za-z]+")
SCIENTIFIC = re.compile(r"\d(\.\d+)?e[+-]?\d+")  # plain numbers in a CSV: 1e+20


def test_the_committed_template_is_what_the_code_marks() -> None:
    assert catalogs.template_is_current(), "run: make messages"


def test_every_language_has_a_catalog_with_every_message_of_the_template() -> None:
    with catalogs.TEMPLATE.open("rb") as file:
        template = read_po(file)
    ids = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    for language in catalogs.TRANSLATED:
        with catalogs.po_path(language).open("rb") as file:
            catalog = read_po(file, locale=language)
        found = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}
        assert found == ids, f"{language}: run make messages"
        assert catalog.plural_forms == Catalog(locale=language).plural_forms, language


def _marking_catalog(folder: Path) -> None:
    with catalogs.TEMPLATE.open("rb") as file:
        template = read_po(file)
    catalog = Catalog(locale=FAKE, fuzzy=False)
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, str):
            string: str | tuple[str, ...] = OPEN + message.id + CLOSE
        else:
            string = tuple(OPEN + form + CLOSE for form in message.id)
        catalog.add(message.id, string, context=message.context)
    target = folder / FAKE / "LC_MESSAGES" / f"{text.DOMAIN}.mo"
    target.parent.mkdir(parents=True)
    with target.open("wb") as file:
        write_mo(file, catalog)


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    folder = tmp_path_factory.mktemp("locale")
    _marking_catalog(folder)
    patch = pytest.MonkeyPatch()
    patch.setattr(text, "LOCALE_DIR", folder)
    text.text_for.cache_clear()
    yield
    patch.undo()
    text.text_for.cache_clear()


def _outside_marks(shown: str) -> str:
    """The text with every marked message (nested ones too) taken out."""
    depth, kept = 0, []
    for ch in shown:
        if ch == OPEN:
            depth += 1
        elif ch == CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(ch)
    return "".join(kept)


def leaks(shown: str, names: set[str]) -> set[str]:
    outside = SCIENTIFIC.sub(" ", _outside_marks(shown))
    for name in sorted(names, key=len, reverse=True):
        outside = outside.replace(name, " ")
    return {w for w in WORD.findall(outside) if w not in ALLOWED}


class _Visible(HTMLParser):
    """Text a reader sees or hears: text nodes and labelling attributes, not scripts."""

    ATTRIBUTES = frozenset({"aria-label", "title", "alt", "placeholder", "aria-valuetext"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        self.parts += [v for k, v in attrs if k in self.ATTRIBUTES and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


def typed_names(inputs: object) -> set[str]:
    """Names people type (text fields and table cells), which are not messages."""
    found: set[str] = set()
    if isinstance(inputs, dict):
        for value in inputs.values():
            found |= typed_names(value)
    elif isinstance(inputs, list):
        for value in inputs:
            found |= typed_names(value)
    elif isinstance(inputs, str) and WORD.search(inputs):
        found.add(inputs)
        # A name may be shown cut to fit (a heat-map cell): its leading parts count too.
        found |= {inputs[:cut] for cut in range(2, len(inputs)) if WORD.search(inputs[:cut])}
    return found


def default_names(cid: str) -> set[str]:
    """The defaults' values (choice codes, which exports hold as they are), and choices that
    are their own label (time zones: IANA names); not the defaults' example names ("Vendor A
    (example)"), which are messages like any other text."""
    fields = calculators.registry.load(cid).fieldset.fields
    defaults: list[object] = [
        f.default for f in fields if f.kind != "table" and not f.translated_default
    ]
    for table in (f for f in fields if f.kind == "table"):
        kept = {c.name for c in table.columns if not c.translated_default}
        rows = table.default if isinstance(table.default, tuple) else ()
        defaults += [{k: v for k, v in row.items() if k in kept} for row in rows]
    entry = next(e for e in calculators.catalog("en") if e["id"] == cid)
    own = [c["value"] for f in entry["fields"] for c in f.get("choices", ())
           if c["label"] == c["value"]]  # fmt: skip
    return typed_names(defaults) | typed_names(own)


@pytest.mark.usefixtures("marked")
@pytest.mark.parametrize("cid", IDS)
def test_the_form_and_the_prerendered_results_are_all_messages(cid: str) -> None:
    shown = visible(widgets.render_widget(cid, FAKE, "../"))
    assert not leaks(shown, default_names(cid))


@pytest.mark.usefixtures("marked")
@pytest.mark.parametrize("cid", IDS)
def test_every_scenario_shows_only_messages(cid: str) -> None:
    for name, inputs in scenarios(cid):
        result = calculators.run(cid, inputs, FAKE)
        names = default_names(cid) | typed_names(inputs)
        shown = visible(calculators.render(result, "../"))
        assert not leaks(shown, names), name
        link = "https://example.org/"
        exported = csv_text(cid, inputs, locale=FAKE, link=link, date="2026-01-01")
        # Cells that are keys for programs: the calculator's id, the link, input names.
        keys = {cid, link, *(row.name for row in input_rows(cid, inputs, FAKE))}
        cells = [c for row in csv.reader(io.StringIO(exported)) for c in row if c not in keys]
        assert not leaks("\n".join(cells), names), name


@pytest.mark.usefixtures("marked")
@pytest.mark.parametrize("cid", IDS)
def test_every_input_error_is_a_message(cid: str) -> None:
    entry = next(e for e in calculators.catalog(FAKE) if e["id"] == cid)
    names = default_names(cid)
    for field in entry["fields"]:
        for bad in ("", "x", "-1e15", "1e15", "1,5", "[{}]", [{"nope": 1}] * 2):
            request = {"calculator": cid, "inputs": {field["name"]: bad}, "locale": FAKE}
            response = json.loads(respond(json.dumps(request)))
            for key, message in response.get("errors", {}).items():
                assert not leaks(message, names | {"nope"}), (field["name"], bad, key)


@pytest.mark.usefixtures("marked")
@pytest.mark.parametrize("cid", IDS)
def test_links_and_comparisons_speak_through_the_catalog(cid: str) -> None:
    first = next(f["name"] for f in calculators.catalog(FAKE)[IDS.index(cid)]["fields"])
    decoded = handle({"format": "decode", "calculator": cid, "locale": FAKE,
                      "query": f"nope=1&{first}=%5B"})  # fmt: skip
    for problem in decoded["problems"]:
        assert not leaks(problem, {"nope", first}), problem
    compared = handle({"format": "compare", "calculator": cid, "locale": FAKE,
                       "scenarios": [{"name": "Plan", "query": ""},
                                     {"name": "Other", "query": f"{first}=%5B"}]})  # fmt: skip
    for row in compared["compare"]["rows"]:
        cells = "\n".join(str(c) for c in row["cells"])
        assert not leaks(f"{row['label']}\n{cells}", {"Plan", "Other", *default_names(cid)}), row


@pytest.mark.usefixtures("marked")
def test_the_widget_strings_and_bad_requests_are_messages() -> None:
    for key, message in calculators.ui_messages(FAKE).items():
        assert not leaks(message, set()), key
    for raw in ("[", json.dumps({"calculator": "nope", "locale": FAKE}),
                json.dumps({"calculator": IDS[0], "format": "nope", "locale": FAKE})):  # fmt: skip
        for message in json.loads(respond(raw))["errors"].values():
            assert not leaks(message, {"nope"}) or raw == "[", message
