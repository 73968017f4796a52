"""Command line: `python -m calculators --list`, `python -m calculators savings --headcount 12`.

`--query "headcount=20&salary=60000"` takes the inputs of a page link; `--csv` and `--json`
print the result for a spreadsheet or a program.

Exit status: 0 on success, 2 on bad input (each field error printed on its own line).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from . import InputError, catalog, not_applying, run
from .core.locales import LOCALES, UnsupportedLocaleError
from .core.text import MissingCatalogError, text_for
from .export import csv_text
from .query import decode


def _build_parser(entries: list[dict[str, Any]]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m calculators",
        description="Outsourcing calculators: the same models as the website, in your terminal.",
    )
    parser.add_argument("--list", action="store_true", help="list the calculators and exit")
    parser.add_argument(
        "--locale",
        default="en",
        help=f"language for labels and numbers: {', '.join(LOCALES)} (default: en)",
    )
    sub = parser.add_subparsers(dest="calculator", metavar="CALCULATOR")
    for entry in entries:
        command = sub.add_parser(entry["id"], help=entry["title"], description=entry["title"])
        # Also after the calculator's name; it then overrides the one before it.
        command.add_argument("--locale", default=argparse.SUPPRESS, help="as --locale above")
        command.add_argument("--json", action="store_true", help="print the result as JSON")
        command.add_argument("--csv", action="store_true", help="print the result as CSV")
        command.add_argument(
            "--query",
            metavar="QUERY",
            help="inputs as in a page link, e.g. 'headcount=20&salary=60000'; other options "
            "override it",
        )
        for field in entry["fields"]:
            limits = ""
            if field["min"] is not None:
                limits = f" [{field['min']:g} to {field['max']:g}]"
            if field.get("choices"):
                limits = " [" + ", ".join(c["value"] for c in field["choices"]) + "]"
            command.add_argument(
                "--" + field["name"].replace("_", "-"),
                dest=field["name"],
                metavar="VALUE",
                # argparse formats help with %: a literal one ("95%") must be doubled.
                help=_help(field, limits),
            )
    return parser


def _help(field: dict[str, Any], limits: str) -> str:
    text = f"{field['label']}: {field['help']}{limits} (default: {field['default']})"
    return text.replace("%", "%%")


def _print_result(result: dict[str, Any]) -> None:
    print(result["title"])
    print()
    width = max(len(f["label"]) for f in result["figures"])
    for figure in result["figures"]:
        print(f"  {figure['label']:<{width}}  {figure['text']}")
    for table in result["tables"]:
        print()
        print(table["caption"])
        rows = [table["columns"], *(row["cells"] for row in table["rows"])]
        widths = [max(len(str(r[i])) for r in rows) for i in range(len(table["columns"]))]
        for n, row in enumerate(rows):
            cells = [str(c).ljust(w) if i == 0 else str(c).rjust(w)
                     for i, (c, w) in enumerate(zip(row, widths, strict=True))]  # fmt: skip
            print("  " + "  ".join(cells))
            if n == 0:
                print("  " + "  ".join("-" * w for w in widths))


def _print_lists(result: dict[str, Any]) -> None:
    for item_list in result.get("lists", ()):
        print()
        print(item_list["title"])
        for number, item in enumerate(item_list["items"], start=1):
            bullet = f"{number}." if item_list["ordered"] else "-"
            print(f"  {bullet} {item['text']}")
            if item["note"]:
                print(f"    {item['note']}")


def _flag(field: str) -> str:
    return "--" + field.replace("_", "-")


def _print_errors(errors: dict[str, str], locale: str) -> None:
    """Each error under the flag that sets it. A table cell ("vendors.0.name") has no flag of
    its own: it is named by row and column, with a word on passing the table as JSON."""
    t = text_for(locale)
    tables: set[str] = set()
    for field, text in errors.items():
        table, _, cell = field.partition(".")
        row, _, column = cell.partition(".")
        if not field:
            label = t.gettext("input")
        elif row.isascii() and row.isdigit() and column:
            tables.add(table)
            label = t.gettext(
                "{flag}, row {row}, {column}", flag=_flag(table), row=int(row) + 1, column=column
            )
        else:
            label = _flag(field)
        print(f"error: {label}: {text}", file=sys.stderr)
    for table in sorted(tables):
        hint = t.gettext(
            "Table cells have no flags of their own: pass the whole table to {flag} as JSON, "
            'for example {flag} \'[{{"name": "A", ...}}, ...]\' (see --json for the shape).',
            flag=_flag(table),
        )
        print(f"hint: {hint}", file=sys.stderr)


def _from_query(calculator_id: str, query: str, locale: str) -> dict[str, object]:
    """A link's inputs, read as the page reads them: each bad part is reported (here as a
    warning) and the rest applied, so that a link and the command line agree."""
    decoded = decode(calculator_id, query, locale)
    for problem in decoded.problems:
        print(f"warning: --query: {problem}", file=sys.stderr)
    return dict(decoded.inputs)


def main(argv: Sequence[str] | None = None) -> int:
    entries = catalog()
    parser = _build_parser(entries)
    args = parser.parse_args(argv)
    try:
        text_for(args.locale)
    except (UnsupportedLocaleError, MissingCatalogError) as exc:
        parser.error(str(exc))
    if args.list or not args.calculator:
        for entry in catalog(args.locale):
            print(f"{entry['id']:<12} {entry['title']}")
        return 0
    inputs = {
        name: value
        for name, value in vars(args).items()
        if name not in {"list", "locale", "calculator", "json", "csv", "query"}
        and value is not None
    }
    try:
        if args.query is not None:
            inputs = _from_query(args.calculator, args.query, args.locale) | inputs
        result = run(args.calculator, inputs, args.locale)
    except InputError as exc:
        _print_errors(exc.errors, args.locale)
        return 2
    t = text_for(args.locale)
    for name in not_applying(args.calculator, inputs, args.locale):
        note = t.gettext("{flag} does not apply to these inputs and was ignored.", flag=_flag(name))
        print(f"note: {note}", file=sys.stderr)
    if args.csv:
        # Bytes, so that the CRLF line ends and the BOM reach the file exactly as exported.
        sys.stdout.buffer.write(csv_text(args.calculator, inputs, locale=args.locale).encode())
    elif args.json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        _print_result(result)
        _print_lists(result)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The output went to a reader that stopped early (`| head`): not an error of ours.
        # Point stdout at devnull so that Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
