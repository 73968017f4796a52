"""What a form, a URL or the command line sends, turned into checked values.

Anything may arrive here (the browser, a shared link, a script), so every step is bounded:
strings are cut before they are parsed, JSON is size- and depth-limited, row limits are checked
before rows are built, and huge integers are refused before they are turned into text. Every
problem becomes an `InputError` naming its field; nothing else escapes.

Numbers are read as people type them and as the locale writes them: grouping spaces (no-break
and narrow no-break too) and the locale's separators, its minus sign, a "%" on percentages, a
currency symbol or code on money.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from .format import NARROW_NBSP, NBSP, currency_marks, format_number, style_for
from .names import cut_label, name_key, normalise_name
from .text import N_, Text, text_for

__all__ = ["InputError", "Row", "Text", "Value", "Values", "parse_fields"]

Value = float | int | str
Row = dict[str, Value]
Values = dict[str, Any]

MAX_NUMBER_TEXT = 64  # characters; "1 000 000 000 000,50 €" is far shorter
MAX_TEXT = 1_000  # characters of a text field read before its own limit is checked
MAX_JSON = 100_000  # characters of a table sent as JSON
MAX_JSON_DEPTH = 4  # a table is a list of objects of scalars: depth 2
MAX_INDEX_DIGITS = 4  # row numbers in flat "table.<row>.<column>" keys
SAFE_INT = 10**18  # larger integers are refused before they are turned into text
SHOWN_NAME = 40  # characters of an unknown field's name quoted back


class InputError(ValueError):
    """Bad input. `errors` maps each offending field (or '' for the whole request) to a message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors: dict[str, str] = dict(errors)
        super().__init__("; ".join(f"{k or 'input'}: {v}" for k, v in self.errors.items()))


class FieldSpec(Protocol):
    """What parsing needs of a field (the old and the new declarations both provide it)."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def minimum(self) -> float | None: ...
    @property
    def maximum(self) -> float | None: ...
    @property
    def choices(self) -> Sequence[str]: ...
    @property
    def columns(self) -> Sequence[Any]: ...
    @property
    def min_rows(self) -> int: ...
    @property
    def max_rows(self) -> int: ...
    @property
    def unique(self) -> bool: ...


def show(key: object) -> str:
    """A field name as quoted back to the reader: text only, and short."""
    return cut_label(key if isinstance(key, str) else type(key).__name__, SHOWN_NAME)


def limit_text(spec: FieldSpec, limit: float, locale: str) -> str:
    if spec.kind == "integer" and abs(limit) < 10_000:  # a year reads 2000, not 2,000
        return str(int(limit))
    decimals = 0 if float(limit).is_integer() else 2
    return format_number(limit, locale, decimals)


def blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


# Typed text already read, by (field, text, locale): a page sends every field on every change
# (over a hundred on the risk register) and only one of them differs from the last request.
# The field itself is kept beside its value, so its id cannot be reused while the entry lives.
_READ: dict[tuple[int, str, str], tuple[FieldSpec, Value]] = {}
_READ_LIMIT = 4096


def parse_value(
    spec: FieldSpec, raw: object, locale: str, context: Mapping[str, object] | None = None
) -> Value | list[Row]:
    """One field's value, or raise InputError for that field. `context` (the other fields'
    values) lets a table leave blank the cells of a column that does not apply to them."""
    if spec.kind == "table" or not isinstance(raw, str):
        return _parse_value(spec, raw, locale, context)
    key = (id(spec), raw, locale)
    known = _READ.get(key)
    if known is not None and known[0] is spec:
        return known[1]
    value = _parse_value(spec, raw, locale, context)
    assert not isinstance(value, list)  # only tables give lists
    if len(_READ) >= _READ_LIMIT:
        _READ.clear()
    _READ[key] = (spec, value)
    return value


def _parse_value(
    spec: FieldSpec, raw: object, locale: str, context: Mapping[str, object] | None
) -> Value | list[Row]:
    t = text_for(locale)

    def fail(message: str, **params: object) -> InputError:
        return InputError({spec.name: t.gettext(message, **params)})

    if spec.kind == "table":
        return parse_table(spec, raw, locale, context)
    if blank(raw):
        if spec.kind == "text" and getattr(spec, "optional", False):
            return ""  # an optional text (a name that may stay the guide's) may be blank
        raise fail(N_("Enter a value."))
    if spec.kind == "text":
        return _parse_text(spec, raw, fail)
    if spec.kind == "choice":
        if isinstance(raw, int) and not isinstance(raw, bool) and abs(raw) < SAFE_INT:
            raw = str(raw)
        if not isinstance(raw, str) or raw not in spec.choices:
            raise fail(N_("Choose one of: {choices}."), choices=", ".join(spec.choices))
        return raw
    number = parse_number(spec, raw, t)
    if not math.isfinite(number):
        raise fail(N_("Enter a finite number (not NaN or infinity)."))
    if spec.kind == "integer" and not number.is_integer():
        raise fail(N_("Enter a whole number."))
    if spec.minimum is not None and number < spec.minimum:
        raise fail(N_("Must be at least {min}."), min=limit_text(spec, spec.minimum, locale))
    if spec.maximum is not None and number > spec.maximum:
        raise fail(N_("Must be at most {max}."), max=limit_text(spec, spec.maximum, locale))
    return int(number) if spec.kind == "integer" else number


def _parse_text(spec: FieldSpec, raw: object, fail: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise fail(N_("Enter a name."))
    if isinstance(raw, int) and abs(raw) >= SAFE_INT:
        raise fail(N_("Use at most {max} characters."), max=int(spec.maximum or SHOWN_NAME))
    text = normalise_name(str(raw)[:MAX_TEXT])
    if not text:
        raise fail(N_("Enter a name."))
    if spec.maximum is not None and len(text) > spec.maximum:
        raise fail(N_("Use at most {max} characters."), max=int(spec.maximum))
    return text


_GROUPED = {",": re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?"),
            ".": re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?")}  # fmt: skip


def parse_number(spec: FieldSpec, raw: object, t: Text) -> float:
    """A number as typed in `t`'s locale: "55,000" or "55 000" (English), "1,5" (Finnish),
    "12 %" on a percentage, "€1,200" or "1200 EUR" on money."""
    not_a_number = InputError({spec.name: t.gettext("Enter a number, for example 1200 or 12.5.")})
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise not_a_number
    if isinstance(raw, int | float):
        try:
            return float(raw)
        except OverflowError:
            return math.inf
    if len(raw) > MAX_NUMBER_TEXT:
        raise not_a_number
    text = raw.strip().replace(style_for(t.locale).minus, "-").replace("\u2212", "-")
    text = text.replace("_", "")
    sign = "-" if text.startswith("-") else ""
    text = text.removeprefix("-").strip()  # "-€1,200": the sign comes before the symbol
    if spec.kind == "percent":
        text = text.removesuffix("%").rstrip()
    elif spec.kind == "money":
        text = _strip_currency(text)
    text = sign + text
    for space in (" ", NBSP, NARROW_NBSP, "'"):
        text = text.replace(space, "")
    text = _to_decimal_point(spec, text, t)
    try:
        return float(text)
    except ValueError:
        raise not_a_number from None


def _strip_currency(text: str) -> str:
    for mark in currency_marks():  # longest first: "NOK" before "kr", "US$" before "$"
        if text.upper().startswith(mark):
            return text[len(mark) :].strip()
        if text.upper().endswith(mark):
            return text[: -len(mark)].strip()
    return text


def _to_decimal_point(spec: FieldSpec, text: str, t: Text) -> str:
    """Remove grouping marks and turn the locale's decimal mark into a point, or refuse a
    number that reads two ways."""
    decimal = style_for(t.locale).decimal
    group = "," if decimal == "." else "."
    if _GROUPED[group].fullmatch(text):
        whole, _, fraction = text.partition(decimal)
        return whole.replace(group, "") + ("." + fraction if fraction else "")
    if decimal == "," and "," in text:
        return text.replace(",", ".") if "." not in text else text
    if decimal == "." and re.fullmatch(r"-?\d+,\d+", text):
        understood = text.replace(",", ".")
        raise InputError(
            {
                spec.name: t.gettext(
                    "“{typed}” is unclear: the decimal mark here is a point. Type "
                    "{understood} for a decimal number, or {whole} without the comma.",
                    typed=text,
                    understood=understood,
                    whole=text.replace(",", ""),
                )
            }
        )
    return text


def _loads_bounded(raw: str) -> object:
    """JSON of at most MAX_JSON characters and MAX_JSON_DEPTH levels, or None."""
    if len(raw) > MAX_JSON:
        return None
    depth = deepest = 0
    in_string = escaped = False
    for ch in raw:  # a cheap scan: nesting is only counted outside strings
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                return None
        elif ch in "]}":
            depth -= 1
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def row_slots(spec: FieldSpec) -> int:
    """How many row slots a table accepts, blank ones included (the form shows max_rows)."""
    return 2 * spec.max_rows + 10


def _not_applying(column: object, context: Mapping[str, object] | None) -> bool:
    """A column with `applies_when` that fails for the other fields' values."""
    applies = getattr(column, "applies_when", None)
    return applies is not None and context is not None and not applies.holds(context)


def parse_table(
    spec: FieldSpec, raw: object, locale: str, context: Mapping[str, object] | None = None
) -> list[Row]:
    """Rows of a table field. Wholly blank rows (empty slots in the form) are skipped; errors
    name the cell as `table.<row>.<column>` with the row's original position. A blank cell of
    a column that does not apply to `context` takes the column's default."""
    t = text_for(locale)
    if isinstance(raw, str):
        raw = _loads_bounded(raw)
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise InputError({spec.name: t.gettext("Enter a list of rows.")})
    if len(raw) > row_slots(spec):
        raise InputError({spec.name: t.gettext("Enter at most {max} rows.", max=spec.max_rows)})
    errors: dict[str, str] = {}
    rows: list[Row] = []
    seen: dict[str, dict[str, int]] = {c.name: {} for c in spec.columns if c.unique}
    columns = {c.name: c for c in spec.columns}
    for index, raw_row in enumerate(raw):
        if not isinstance(raw_row, Mapping) or len(raw_row) > 2 * len(columns) + 10:
            errors[f"{spec.name}.{index}"] = t.gettext(
                "Inputs must be a mapping of field names to values."
            )
            continue
        if all(blank(v) for v in raw_row.values()):
            continue
        row: Row = {}
        for key in raw_row:
            if key not in columns:
                errors[f"{spec.name}.{index}.{show(key)}"] = t.gettext(
                    "This calculator has no field named '{name}'.", name=show(key)
                )
        for column in spec.columns:
            optional = getattr(column, "optional", False) or _not_applying(column, context)
            if blank(raw_row.get(column.name)) and optional:
                row[column.name] = column.default
                continue
            try:
                value = parse_value(column, raw_row.get(column.name), locale)
            except InputError as exc:
                errors.update({f"{spec.name}.{index}.{k}": v for k, v in exc.errors.items()})
                continue
            assert not isinstance(value, list)  # columns are never tables
            row[column.name] = value
        for column in spec.columns:
            if column.unique and column.name in row:
                _check_unique(column, row, index, seen, errors, spec.name, t, columns)
        rows.append(row)
    if len(rows) < spec.min_rows:
        errors[spec.name] = t.gettext("Enter at least {min} rows.", min=spec.min_rows)
    elif len(rows) > spec.max_rows:
        errors[spec.name] = t.gettext("Enter at most {max} rows.", max=spec.max_rows)
    if errors:
        raise InputError(errors)
    return rows


def _check_unique(
    column: Any, row: Row, index: int, seen: dict[str, dict[str, int]], errors: dict[str, str],
    table: str, t: Text, columns: Mapping[str, Any],
) -> None:  # fmt: skip
    """A unique column's value (with its `unique_with` columns) must not repeat an earlier row's."""
    others = getattr(column, "unique_with", ())
    key = "\x00".join(name_key(str(row.get(c, ""))) for c in (column.name, *others))
    if key not in seen[column.name]:
        seen[column.name][key] = index
    elif any(str(row.get(c, "")) for c in others):  # a blank other column: the name alone
        errors[f"{table}.{index}.{column.name}"] = t.gettext(
            "Row {row} already has this name with the same {other}; change one of them.",
            row=seen[column.name][key] + 1,
            other=", ".join(t.gettext(columns[c].label) for c in others),
        )
    else:
        errors[f"{table}.{index}.{column.name}"] = t.gettext(
            "This name is already used in row {row}; each row needs its own name.",
            row=seen[column.name][key] + 1,
        )


def gather_table_keys(
    fields: Sequence[FieldSpec], raw: Mapping[object, object], locale: str
) -> dict[object, object]:
    """Turn a form's flat `table.<row>.<column>` keys into a list of rows per table field.
    A row number beyond the table's slots is refused before any row is built."""
    tables = {f.name: f for f in fields if f.kind == "table"}
    gathered: dict[object, object] = {}
    rows: dict[str, dict[int, dict[str, object]]] = {}
    errors: dict[str, str] = {}
    for key, value in raw.items():
        if not isinstance(key, str):
            gathered[key] = value
            continue
        table, _, rest = key.partition(".")
        index, _, column = rest.partition(".")
        if table not in tables or not column:
            gathered[key] = value
        elif not (index.isascii() and index.isdigit()):  # "²" is a digit to isdigit() alone
            errors[show(key)] = text_for(locale).gettext(
                "This calculator has no field named '{name}'.", name=show(key)
            )
        elif len(index) > MAX_INDEX_DIGITS or int(index) >= row_slots(tables[table]):
            errors[table] = text_for(locale).gettext(
                "Enter at most {max} rows.", max=tables[table].max_rows
            )
        else:
            rows.setdefault(table, {}).setdefault(int(index), {})[column] = value
    if errors:
        raise InputError(errors)
    for table, by_index in rows.items():
        gathered[table] = [by_index.get(i, {}) for i in range(max(by_index) + 1)]
    return gathered


def parse_fields(fields: Sequence[FieldSpec], raw: object, locale: str) -> Values:
    """Validate a form's values. Absent fields take their default; every problem is reported
    at once, each under its own field name."""
    t = text_for(locale)
    if not isinstance(raw, Mapping):
        raise InputError({"": t.gettext("Inputs must be a mapping of field names to values.")})
    raw = gather_table_keys(fields, raw, locale)
    by_name = {f.name: f for f in fields}
    errors = {
        show(name): t.gettext("This calculator has no field named '{name}'.", name=show(name))
        for name in raw
        if name not in by_name
    }
    values: Values = {}
    # Tables last: their columns may apply only for some values of the other fields.
    for spec in sorted(fields, key=lambda f: f.kind == "table"):
        try:
            values[spec.name] = parse_value(
                spec, raw.get(spec.name, _default(spec)), locale, values
            )
        except InputError as exc:
            errors.update(exc.errors)
    if errors:
        raise InputError(errors)
    return {spec.name: values[spec.name] for spec in fields}


def _default(spec: FieldSpec) -> object:
    return getattr(spec, "default", None)
