"""The calculators' gettext catalogs: extract, update, check and compile them with Babel.

    python -m sitebuild.catalogs update    re-extract calculators/locale/calculators.pot from
                                           the code and merge it into every language's .po
    python -m sitebuild.catalogs compile   compile each .po to the .mo the package reads

The `.pot` and the `.po` files are committed; the `.mo` files are build products (compiled by
`make install`/`make catalogs` for CPython and by the site's wheel build for the browser).
Babel runs here, at build time only: the wheel carries the compiled catalogs, not Babel.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from calculators.core.locales import LOCALES, SOURCE_LOCALE
from calculators.core.text import DOMAIN

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "calculators"
LOCALE_DIR = PACKAGE / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
# How `Text` and `N_` take their messages (calculators/core/text.py); nothing else is extracted.
KEYWORDS = {
    "N_": None,
    "NC_": ((1, "c"), 2),
    "N_plural": (1, 2),
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
PROJECT = "The Outsourcing Guide calculators"
TRANSLATED = tuple(lang for lang in LOCALES if lang != SOURCE_LOCALE)
# The one header line that changes on every extraction, ignored when comparing templates.
_CREATION = "POT-Creation-Date:"


def po_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return po_path(language, locale_dir).with_suffix(".mo")


def extract(package: Path = PACKAGE) -> Catalog:
    """Every marked message of the package, with the files that use it (no line numbers,
    so that moving code does not churn the catalogs)."""
    catalog = Catalog(project=PROJECT, version="1", msgid_bugs_address="", fuzzy=False)
    found = extract_from_dir(package, keywords=KEYWORDS, comment_tags=("Translators:",))
    for filename, _lineno, message, comments, context in found:
        catalog.add(
            message,
            None,
            [(f"calculators/{Path(filename).as_posix()}", 0)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def _po_text(catalog: Catalog) -> str:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, ignore_obsolete=True,
             include_lineno=False)  # fmt: skip
    return buffer.getvalue().decode("utf-8")


def _without_creation_date(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if _CREATION not in line)


def template_text(package: Path = PACKAGE) -> str:
    return _po_text(extract(package))


def template_is_current(template: Path = TEMPLATE, package: Path = PACKAGE) -> bool:
    """Whether the committed `.pot` holds exactly what the code marks today."""
    if not template.is_file():
        return False
    committed = template.read_text(encoding="utf-8")
    return _without_creation_date(committed) == _without_creation_date(template_text(package))


def update(locale_dir: Path = LOCALE_DIR, package: Path = PACKAGE) -> list[Path]:
    """Re-extract the template and merge it into each language's `.po` (created with the
    language's CLDR plural forms if missing). Returns the files written."""
    written: list[Path] = []
    template = locale_dir / f"{DOMAIN}.pot"
    if not template_is_current(template, package):
        template.parent.mkdir(parents=True, exist_ok=True)
        template.write_text(template_text(package), encoding="utf-8")
        written.append(template)
    with template.open("rb") as file:
        source = read_po(file)
    for language in TRANSLATED:
        path = po_path(language, locale_dir)
        if path.is_file():
            with path.open("rb") as file:
                catalog = read_po(file, locale=language)
            before = _po_text(catalog)
        else:
            catalog = Catalog(locale=language, project=PROJECT, version="1", fuzzy=False)
            catalog.language_team = f"{language} <LL@li.org>"
            before = ""
        catalog.update(source, update_creation_date=False)
        after = _po_text(catalog)
        if after != before:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(after, encoding="utf-8")
            written.append(path)
    return written


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every language's `.po` to its `.mo` (fuzzy and empty messages are left out,
    as gettext expects; the completeness check reports them). Returns the `.mo` files."""
    written = []
    for language in TRANSLATED:
        source = po_path(language, locale_dir)
        with source.open("rb") as file:
            catalog = read_po(file, locale=language)
        # Babel keeps a plural whose forms are all empty ("" is falsy, ("", "") is not):
        # gettext would then show nothing rather than the English.
        for message in list(catalog):
            if message.id and not all(_strings(message)):
                catalog.delete(message.id, message.context)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        target = mo_path(language, locale_dir)
        target.write_bytes(buffer.getvalue())  # always: make compares its time with the .po
        written.append(target)
    return written


@dataclass(frozen=True)
class Problem:
    language: str
    msgid: str
    reason: str


def problems(language: str, locale_dir: Path = LOCALE_DIR) -> Iterator[Problem]:
    """What keeps a language's catalog from being complete: messages of the template that
    are missing, empty or fuzzy, and translations whose `{placeholders}` differ."""
    with (locale_dir / f"{DOMAIN}.pot").open("rb") as file:
        template = read_po(file)
    with po_path(language, locale_dir).open("rb") as file:
        catalog = read_po(file, locale=language)
    for message in template:
        if not message.id:
            continue
        shown = message.id if isinstance(message.id, str) else message.id[0]
        found = catalog.get(message.id, message.context)
        if found is None:
            yield Problem(language, shown, "missing")
        elif found.fuzzy:
            yield Problem(language, shown, "fuzzy")
        elif not all(_strings(found)):
            yield Problem(language, shown, "not translated")
        elif not _same_placeholders(message, found):
            yield Problem(language, shown, "placeholders differ from the English")


def _strings(message: Message) -> list[str]:
    value = message.string
    return [v or "" for v in value] if isinstance(value, tuple | list) else [value or ""]


def _same_placeholders(source: Message, translated: Message) -> bool:
    """A plain message keeps exactly its placeholders. A plural's forms together keep those
    of singular and plural (a form for exactly one may leave out `{n}`), and add none."""
    wanted = set().union(*(_placeholders(i) for i in _strings_of_id(source)))
    forms = [_placeholders(s) for s in _strings(translated)]
    if isinstance(source.id, str):
        return all(form == wanted for form in forms)
    return set().union(*forms) == wanted and all(form <= wanted for form in forms)


def _strings_of_id(message: Message) -> list[str]:
    return [message.id] if isinstance(message.id, str) else list(message.id)


def _placeholders(text: str) -> set[str]:
    """`{name}` fields (doubled braces are literal text)."""
    from string import Formatter

    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for path in update():
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if command == "compile":
        compile_all()
        return 0
    print("usage: python -m sitebuild.catalogs update|compile", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
