"""A result to take away: CSV for spreadsheets and JSON for programs, from the same inputs.

CSV: UTF-8 with a byte-order mark (so that Excel reads it as UTF-8), comma-separated, CRLF
line ends, one section per part of the result (the inputs, the headline figures, then every
results table) separated by a blank line. Numbers are written as plain numbers (a dot as the
decimal separator, no thousands separator, percentages as percent values); the file states
these conventions in its header. Text that a spreadsheet would read as a formula is quoted.

JSON: the calculator id, the package version, the date, the link, the inputs (parsed values)
and the whole result.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from . import registry, run
from .core.text import N_, NC_, Text, text_for
from .core.vocab import unit_label
from .query import encode

# Reader-facing strings of this module (translated where they are used).
MESSAGES = {
    "calculator": N_("Calculator"),
    "date": N_("Date"),
    "link": N_("Link"),
    "version": N_("Version"),
    "numbers": N_("Numbers"),
    "conventions": N_(
        "Plain numbers: a dot as the decimal separator, no thousands separator; "
        "percentages as percent values (33 means 33%); dates as YYYY-MM-DD."
    ),
    "currency": N_("Money amounts are in {currency}."),
    "inputs": N_("Inputs"),
    "name": NC_("the column of inputs' keys", "Name"),
    "label": N_("Input"),
    "value": N_("Value"),
    "unit": N_("Unit"),
    "default": N_("Default"),
    "changed": N_("Changed"),
    "yes": N_("yes"),
    "no": N_("no"),
    "figures": N_("Headline figures"),
    "figure": N_("Figure"),
    "shown": N_("As shown"),
    "note": N_("Note"),
    "verdict": N_("Verdict"),
    "cell": N_("{table}, row {row}, {column}"),
}

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class InputRow:
    name: str  # the form's name (table cells as table.row.column), as in links
    label: str
    value: Any
    unit: str
    default: Any
    changed: bool


def _message(t: Text, key: str, **params: object) -> str:
    """A message of MESSAGES by its key (looked up here, so that extraction takes the
    messages themselves and not their keys)."""
    return t.gettext(MESSAGES[key], **params)


def package_version() -> str:
    try:
        return metadata.version("calculators")
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "unknown"


def input_rows(
    calculator_id: str, form: Mapping[str, object], locale: str = "en"
) -> list[InputRow]:
    """Every input of a scenario, parsed, beside its default; table cells one per row."""
    fieldset = registry.load(calculator_id, locale).fieldset
    values = fieldset.parse(form, locale)
    defaults = fieldset.parse({}, locale)
    rows: list[InputRow] = []
    t = text_for(locale)
    for spec in fieldset.fields:
        label = t.gettext(spec.label)
        if spec.kind != "table":
            unit = unit_label(spec.unit, t)
            value, default = values[spec.name], defaults[spec.name]
            rows.append(InputRow(spec.name, label, value, unit, default, value != default))
            continue
        default_rows = defaults[spec.name]
        for index, row in enumerate(values[spec.name]):
            base = default_rows[index] if index < len(default_rows) else {}
            for column in spec.columns:
                column_label = t.gettext(column.label)
                unit = unit_label(column.unit, t)
                value, default = row[column.name], base.get(column.name, "")
                rows.append(
                    InputRow(
                        f"{spec.name}.{index}.{column.name}",
                        t.gettext(
                            MESSAGES["cell"], table=label, row=index + 1, column=column_label
                        ),
                        value,
                        unit,
                        default,
                        value != default,
                    )
                )
    return rows


def plain(value: object, t: Text | None = None) -> str:
    """A CSV cell: numbers plain, text safe from being read as a spreadsheet formula; yes or
    no in `t`'s language (English without one)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _message(t or text_for(), "yes" if value else "no")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _header(
    calculator_id: str,
    result: dict[str, Any],
    form: Mapping[str, object],
    link: str,
    date: str,
    t: Text,
) -> list[list[str]]:
    currency = form.get("currency") or next(
        (v for k, v in result.get("values", {}).items() if k == "currency"), ""
    )
    conventions = _message(t, "conventions")
    if currency:  # two sentences, each whole
        conventions += " " + _message(t, "currency", currency=currency)
    m = {key: t.gettext(MESSAGES[key]) for key in ("calculator", "date", "link", "version")}
    return [
        [result["title"]],
        [m["calculator"], calculator_id],
        [m["date"], date],
        [m["link"], link],
        [m["version"], package_version()],
        [_message(t, "numbers"), conventions],
    ]


def csv_text(
    calculator_id: str,
    form: Mapping[str, object],
    *,
    locale: str = "en",
    link: str = "",
    date: str | None = None,
) -> str:
    """The scenario's inputs and every part of its result as one CSV text (BOM included)."""
    result = run(calculator_id, form, locale)
    date = date or datetime.date.today().isoformat()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    t = text_for(locale)
    m = {key: t.gettext(message) for key, message in MESSAGES.items() if "{" not in message}

    def section(rows: list[list[str]]) -> None:
        writer.writerows([[plain(cell, t) for cell in row] for row in rows])
        writer.writerow([])

    section(_header(calculator_id, result, form, link, date, t))
    section(
        [
            [m["inputs"]],
            [m["name"], m["label"], m["value"], m["unit"], m["default"], m["changed"]],
            *(
                [r.name, r.label, r.value, r.unit, r.default, m["yes"] if r.changed else m["no"]]
                for r in input_rows(calculator_id, form, locale)
            ),
        ]
    )
    figures = [[m["figures"]], [m["figure"], m["value"], m["shown"], m["note"]]]
    verdict = result.get("verdict")
    if isinstance(verdict, dict) and verdict.get("text"):
        figures.insert(1, [m["verdict"], verdict["text"]])
    figures += [[f["label"], f["value"], f["text"], f["note"]] for f in result["figures"]]
    section(figures)
    for table in result["tables"]:
        section([[table["caption"]], table["columns"], *(row["values"] for row in table["rows"])])
    for item_list in result.get("lists", ()):
        section([[item_list["title"]], *([i["text"], i["note"]] for i in item_list["items"])])
    return BOM + out.getvalue().rstrip("\r\n") + "\r\n"


def json_document(
    calculator_id: str,
    form: Mapping[str, object],
    *,
    locale: str = "en",
    link: str = "",
    date: str | None = None,
) -> dict[str, Any]:
    """The scenario as one JSON-able document: who made it, when, its link, inputs, result."""
    result = run(calculator_id, form, locale)
    rows = input_rows(calculator_id, form, locale)
    return {
        "calculator": calculator_id,
        "title": result["title"],
        "version": package_version(),
        "date": date or datetime.date.today().isoformat(),
        "link": link,
        "query": encode(calculator_id, form, locale),
        "locale": locale,
        "inputs": {r.name: r.value for r in rows},
        "changed": [r.name for r in rows if r.changed],
        "result": result,
    }
