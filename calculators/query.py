"""A scenario as a query string: the page URL's `?headcount=20&vendors.0.name=Acme` <-> inputs.

Keys are the form's field names (table cells as `<table>.<row>.<column>`, rows from 0); only
values that differ from the defaults are written. Example names are defaults in the reader's
language, so a link made in one language and opened in another shows the other's names.
Reading a query string treats every part as untrusted input: each part is checked on its own,
every bad part is reported once in plain words, and the rest is applied. The same string works
in the browser and on the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, unquote_plus

from . import registry
from .core.fields import Field, FieldSet
from .core.parse import InputError, parse_value
from .core.text import N_, Text, text_for

# Size limits: a link is typed, pasted and mailed; anything larger is not a scenario.
MAX_QUERY_CHARS = 8000
MAX_PARTS = 300
MAX_NAME_CHARS = 80
MAX_VALUE_CHARS = 200
SHOWN_NAME_CHARS = 40  # how much of an unknown name a message repeats

# Parameters the site itself puts in URLs (Material's search highlighting): not inputs.
IGNORED = frozenset({"h"})

# Reader-facing strings of this module (translated where they are used).
MESSAGES = {
    "too_long": N_("The link is longer than {max} characters; the part after that was ignored."),
    "too_many": N_("The link has more than {max} values; the ones after that were ignored."),
    "unknown": N_("The link sets '{name}', which this calculator does not have; it was ignored."),
    "long_name": N_("The link holds a name longer than {max} characters; it was ignored."),
    "twice": N_("The link sets {label} more than once; the first value was used."),
    "long_value": N_(
        "The link's value for {label} is longer than {max} characters; the default was kept."
    ),
    "bad_value": N_("The link's value for {label} was not used ({reason}); the default was kept."),
    "rejected": N_(
        "The link's values for {label} were not used ({reason}); the defaults were kept."
    ),
    "cell": N_("{table}, row {row}, {column}"),
    "about": N_("{label}: {reason}"),
}


def text(t: Text, key: str, **params: object) -> str:
    return t.gettext(MESSAGES[key], **params)


@dataclass
class Decoded:
    """What a query string sets: form names -> text (a table the link touches is given whole,
    every cell, so that it can be applied as it is), and the problems found, once each."""

    inputs: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def report(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)


def _fieldset(calculator_id: str) -> FieldSet:
    return registry.load(calculator_id).fieldset  # InputError for an unknown calculator


def _default_text(value: object) -> str:
    """A default as the form's control shows it (the template prints Python's str())."""
    return "" if value is None else str(value)


def form_defaults(calculator_id: str, locale: str = "en") -> dict[str, str]:
    """Every form control's name and its default text in `locale`'s language, table cells
    included (blank slots too)."""
    return _defaults_of(_fieldset(calculator_id), locale)


def _defaults_of(fieldset: FieldSet, locale: str) -> dict[str, str]:
    defaults: dict[str, str] = {}
    for spec in fieldset.in_language(locale):
        if spec.kind != "table":
            defaults[spec.name] = _default_text(spec.default)
            continue
        rows = spec.default if isinstance(spec.default, tuple) else ()
        for index in range(spec.max_rows):
            row = rows[index] if index < len(rows) else {}
            for column in spec.columns:
                defaults[f"{spec.name}.{index}.{column.name}"] = _default_text(row.get(column.name))
    return defaults


def _controls(fieldset: FieldSet) -> dict[str, tuple[Field, Field | None, int]]:
    """Form name -> (field, column or None, row index) for every control of a calculator."""
    found: dict[str, tuple[Field, Field | None, int]] = {}
    for spec in fieldset.fields:
        if spec.kind != "table":
            found[spec.name] = (spec, None, -1)
            continue
        for index in range(spec.max_rows):
            for column in spec.columns:
                found[f"{spec.name}.{index}.{column.name}"] = (spec, column, index)
    return found


def _label(fieldset: FieldSet, name: str, locale: str) -> str:
    """How a message names a control: its label, or table, row and column for a cell."""
    t = text_for(locale)
    spec, column, index = _controls(fieldset).get(name, (None, None, -1))
    if spec is None:
        table = next((f for f in fieldset.fields if f.name == name), None)
        return t.gettext(table.label) if table else name
    label = t.gettext(spec.label)
    if column is None:
        return label
    return text(t, "cell", table=label, row=index + 1, column=t.gettext(column.label))


def _same(spec: Field, left: str, right: str, locale: str) -> bool:
    """Two texts of one control mean the same value ('20' and '20.0'; blank and blank)."""
    if left.strip() == right.strip():
        return True
    try:
        return parse_value(spec, left, locale) == parse_value(spec, right, locale)
    except InputError:
        return False


def encode(calculator_id: str, form: Mapping[str, object], locale: str = "en") -> str:
    """The query string of a form's values: the controls whose value differs from the default,
    in the form's order, without the leading '?'."""
    fieldset = _fieldset(calculator_id)
    defaults = form_defaults(calculator_id, locale)
    parts: list[str] = []
    for name, (spec, column, _) in _controls(fieldset).items():
        raw = form.get(name)
        if raw is None:
            continue
        value = str(raw).strip()
        if _same(column or spec, value, defaults[name], locale):
            continue
        parts.append(f"{quote(name, safe='._')}={quote(value, safe='')}")
    return "&".join(parts)


def decode(calculator_id: str, query: str, locale: str = "en") -> Decoded:
    """The inputs a query string sets, each part validated; see `Decoded`."""
    fieldset = _fieldset(calculator_id)
    controls = _controls(fieldset)
    decoded = Decoded()
    t = text_for(locale)
    query = query[1:] if query.startswith("?") else query
    if len(query) > MAX_QUERY_CHARS:
        decoded.report(text(t, "too_long", max=MAX_QUERY_CHARS))
        query = query[:MAX_QUERY_CHARS].rpartition("&")[0]
    parts = [p for p in query.split("&") if p]
    if len(parts) > MAX_PARTS:
        decoded.report(text(t, "too_many", max=MAX_PARTS))
        parts = parts[:MAX_PARTS]
    chosen: dict[str, str] = {}
    for part in parts:
        raw_name, _, raw_value = part.partition("=")
        name, value = unquote_plus(raw_name).strip(), unquote_plus(raw_value).strip()
        if name in IGNORED or not name:
            continue
        if len(name) > MAX_NAME_CHARS:
            decoded.report(text(t, "long_name", max=MAX_NAME_CHARS))
            continue
        if name not in controls:
            shown = name if len(name) <= SHOWN_NAME_CHARS else name[:SHOWN_NAME_CHARS] + "…"
            decoded.report(text(t, "unknown", name=shown))
            continue
        label = _label(fieldset, name, locale)
        if name in chosen:
            decoded.report(text(t, "twice", label=label))
            continue
        if len(value) > MAX_VALUE_CHARS:
            decoded.report(text(t, "long_value", label=label, max=MAX_VALUE_CHARS))
            continue
        spec, column, _ = controls[name]
        if not (column is not None and not value):  # a blank cell is allowed: it empties it
            try:
                parse_value(column or spec, value, locale)
            except InputError as exc:
                reason = next(iter(exc.errors.values())).rstrip(".")
                decoded.report(text(t, "bad_value", label=label, reason=reason))
                continue
        chosen[name] = value
    _drop_rejected(fieldset, chosen, decoded, locale)
    decoded.inputs = _with_whole_tables(fieldset, chosen, form_defaults(calculator_id, locale))
    return decoded


def _table_of(name: str) -> str:
    return name.partition(".")[0]


def _with_whole_tables(
    fieldset: FieldSet, chosen: dict[str, str], defaults: dict[str, str]
) -> dict[str, str]:
    """The chosen values, plus every default cell of a table that one of them touches: a table
    field's value is all of its rows, so a partial table would drop the others."""
    tables = {f.name for f in fieldset.fields if f.kind == "table"}
    touched = {_table_of(n) for n in chosen if _table_of(n) in tables and "." in n}
    inputs: dict[str, str] = {}
    for name, default in defaults.items():
        if name in chosen:
            inputs[name] = chosen[name]
        elif "." in name and _table_of(name) in touched:
            inputs[name] = default
    return inputs


def _drop_rejected(
    fieldset: FieldSet, chosen: dict[str, str], decoded: Decoded, locale: str
) -> None:
    """Values that pass one by one can still fail together (a duplicate name, a low above a
    high): drop the link's values named by such errors until the whole set is valid."""
    defaults = _defaults_of(fieldset, locale)
    for _ in range(len(chosen) + 1):
        try:
            fieldset.parse(_with_whole_tables(fieldset, chosen, defaults), locale)
            return
        except InputError as exc:
            errors = exc.errors
        dropped = False
        for key, reason in errors.items():
            # An error names a control, a table row's cell or a whole table: drop what the
            # link set there (a cell's error drops the link's values in that row).
            row = key.rpartition(".")[0] + "." if key.count(".") == 2 else key + "."
            names = [n for n in chosen if key and (n == key or n.startswith(row))]
            if not names:
                continue
            label = _label(fieldset, names[0] if len(names) == 1 else key, locale)
            clean = reason.rstrip(".")
            t = text_for(locale)
            if names != [key]:  # say which control the check was about
                clean = text(t, "about", label=_label(fieldset, key, locale), reason=clean)
            decoded.report(
                text(t, "bad_value" if len(names) == 1 else "rejected", label=label, reason=clean)
            )
            for name in names:
                del chosen[name]
            dropped = True
        if not dropped:
            return  # the defaults themselves fail together: the form shows it as usual
