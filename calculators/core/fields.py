"""A calculator's fields, declared once with their English text marked for translation.

The form, the command line, the browser and the tests all read the same declaration, so limits,
texts and messages cannot drift apart. Labels, help and choice labels are `N_("...")` strings
translated when the catalog is built for a locale.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .parse import InputError, Row, Text, Value, Values, limit_text, parse_fields
from .text import text_for
from .vocab import unit_label

Kind = Literal["number", "integer", "percent", "money", "choice", "text", "table"]


@dataclass(frozen=True)
class AppliesWhen:
    """The field matters only while another field has one of these values."""

    field: str
    values: tuple[str, ...]
    # Hidden rather than shown disabled with a note: for the parts of a group that an on/off
    # field switches (a risk left out of the register), where a note on each would be noise.
    hide: bool = False

    def holds(self, values: Mapping[str, object]) -> bool:
        return values.get(self.field) in self.values


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    default: Value | tuple[Row, ...]  # a table field's default is its rows
    label: str  # N_("Team size")
    help: str  # N_("Full-time equivalents ...")
    unit: str = ""  # a code of core.vocab.UNITS
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    choices: Sequence[str] = ()
    choice_labels: Mapping[str, str] = field(default_factory=dict)  # value -> N_(label)
    group: str = ""  # a key of the FieldSet's groups
    applies_when: AppliesWhen | None = None
    # A "table" field: rows of `columns` (each a Field), from min_rows to max_rows.
    columns: Sequence[Field] = ()
    min_rows: int = 0
    max_rows: int = 0
    unique: bool = False  # a table column whose values must differ between rows (names)
    # With `unique`: other columns that count too, so a name may repeat with, say, another
    # evaluator; rows must then differ in at least one of them.
    unique_with: tuple[str, ...] = ()
    # A table column whose blank cells take its default; a text field that may stay blank.
    optional: bool = False
    # A text field whose default is an N_() message (an example name), or a table column
    # whose cells in the table's default rows are: shown in the reader's language, so a name
    # left as it is counts as the default in every language.
    translated_default: bool = False

    def default_for(self, t: Text) -> Value | tuple[Row, ...]:
        """The default in `t`'s language (example names translated; anything else as is)."""
        if self.kind == "table" and isinstance(self.default, tuple):
            named = {c.name for c in self.columns if c.translated_default}
            if not named:
                return self.default
            return tuple(
                {k: t.gettext(v) if k in named and isinstance(v, str) and v else v
                 for k, v in row.items()}
                for row in self.default
            )  # fmt: skip
        if self.translated_default and isinstance(self.default, str) and self.default:
            return t.gettext(self.default)
        return self.default

    def in_language(self, t: Text) -> Field:
        """This field with its default in `t`'s language (itself when nothing changes)."""
        default = self.default_for(t)
        return self if default is self.default else replace(self, default=default)

    def catalog_entry(self, t: Text) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "name": self.name,
            "label": t.gettext(self.label),
            "help": t.gettext(self.help),
            "kind": self.kind,
            "unit": self.unit,
            "unit_label": unit_label(self.unit, t),
            "min": self.minimum,
            "max": self.maximum,
            "step": self.step,
            "default": self.default_for(t),
            "group": self.group,
            "applies_when": None
            if self.applies_when is None
            else {
                "field": self.applies_when.field,
                "values": list(self.applies_when.values),
                "hide": self.applies_when.hide,
            },
        }
        if self.minimum is not None and self.maximum is not None and self.kind != "text":
            entry["range_text"] = t.gettext(
                "From {min} to {max}",
                min=limit_text(self, self.minimum, t.locale),
                max=limit_text(self, self.maximum, t.locale),
            )
        if self.optional:
            entry["optional"] = True
        if self.kind == "table":
            entry["columns"] = [c.catalog_entry(t) for c in self.columns]
            entry["min_rows"], entry["max_rows"] = self.min_rows, self.max_rows
            rows = entry["default"] if isinstance(entry["default"], tuple) else ()
            entry["default"] = [dict(row) for row in rows]
        if self.kind == "choice":
            entry["choices"] = [
                {"value": c, "label": t.gettext(self.choice_labels[c])
                 if c in self.choice_labels else c}  # codes (currencies) are their own label
                for c in self.choices
            ]  # fmt: skip
        return entry


# A cross-field check: values and the locale's Text -> {field: message}.
Check = Callable[[Values, Text], dict[str, str]]


@dataclass(frozen=True)
class FieldSet:
    """The fields of one calculator, the labels of their groups, and cross-field checks."""

    fields: Sequence[Field]
    groups: Mapping[str, str] = field(default_factory=dict)  # key -> N_(label)
    checks: Sequence[Check] = ()

    def defaults(self, locale: str = "en") -> Values:
        t = text_for(locale)
        return {f.name: f.default_for(t) for f in self.fields}

    def in_language(self, locale: str) -> Sequence[Field]:
        """The fields with their defaults in `locale`'s language (example names)."""
        t = text_for(locale)
        return [f.in_language(t) for f in self.fields]

    def parse(self, raw: object, locale: str = "en") -> Values:
        """Checked values; absent fields take their default (in `locale`'s language); every
        problem at once."""
        values = parse_fields(self.in_language(locale), raw, locale)
        errors: dict[str, str] = {}
        t = text_for(locale)
        for check in self.checks:
            errors.update(check(values, t))
        if errors:
            raise InputError(errors)
        return values

    def applies(self, name: str, values: Mapping[str, object]) -> bool:
        """Whether a field matters for these values: its condition holds and the field it
        depends on matters too (a yearly rate chosen for a risk that is left out does not)."""
        by_name = {f.name: f for f in self.fields}
        seen: set[str] = set()
        while name in by_name and name not in seen:
            seen.add(name)
            condition = by_name[name].applies_when
            if condition is None:
                return True
            if not condition.holds(values):
                return False
            name = condition.field
        return True

    def not_applying(self, raw: Mapping[str, object], values: Values) -> list[str]:
        """Names of fields given in `raw` that do not apply to these values."""
        return [f.name for f in self.fields if f.name in raw and not self.applies(f.name, values)]

    def catalog_groups(self, t: Text) -> list[dict[str, str]]:
        used = dict.fromkeys(f.group for f in self.fields if f.group)
        return [{"key": g, "label": t.gettext(self.groups[g])} for g in used]
