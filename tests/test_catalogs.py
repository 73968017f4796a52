"""The gettext catalogs: one `.po` per language from the committed template, compiled to the
`.mo` files the package reads, and the completeness check that gates a language."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from calculators.core.locales import LOCALES, SOURCE_LOCALE
from sitebuild import catalogs

TEMPLATE_MESSAGES: list[tuple[str | tuple[str, str], str | None, None]] = [
    ("Team size", None, None),
    (("{n} year", "{n} years"), None, None),
    ("Month", "chart", None),
    ("Saves {amount}", None, None),
]


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog)


def _folder(tmp_path: Path, translations: dict[object, object], fuzzy: set[object]) -> Path:
    template = Catalog()
    for msgid, context, _ in TEMPLATE_MESSAGES:
        template.add(msgid, context=context)
    _write(tmp_path / "calculators.pot", template)
    for language in catalogs.TRANSLATED:
        catalog = Catalog(locale=language, fuzzy=False)
        for msgid, context, _ in TEMPLATE_MESSAGES:
            key = msgid[0] if isinstance(msgid, tuple) else msgid
            flags = ["fuzzy"] if key in fuzzy else []
            string = translations.get(key, "" if isinstance(msgid, str) else ("", ""))
            catalog.add(msgid, string, context=context, flags=flags)  # type: ignore[arg-type]
        _write(catalogs.po_path(language, tmp_path), catalog)
    return tmp_path


def test_the_languages_are_the_supported_locales_but_the_source() -> None:
    expected = tuple(x for x in LOCALES if x != SOURCE_LOCALE)
    assert expected == catalogs.TRANSLATED


def test_the_check_names_missing_fuzzy_and_changed_placeholders(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {"Team size": "Tiimin koko", "{n} year": ("{n} vuosi", ""), "Saves {summa}": "x",
         "Saves {amount}": "Säästää {summa}"},
        fuzzy={"Team size"},
    )  # fmt: skip
    found = {(p.msgid, p.reason) for p in catalogs.problems("fi", folder)}
    assert found == {
        ("Team size", "fuzzy"),
        ("{n} year", "not translated"),
        ("Month", "not translated"),
        ("Saves {amount}", "placeholders differ from the English"),
    }


def test_a_complete_catalog_has_no_problems_and_compiles(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {"Team size": "Tiimin koko", "{n} year": ("{n} vuosi", "{n} vuotta"),
         "Month": "Kuukausi", "Saves {amount}": "Säästää {amount}"},
        fuzzy=set(),
    )  # fmt: skip
    assert list(catalogs.problems("fi", folder)) == []
    catalogs.compile_all(folder)
    fi = gettext.translation("calculators", folder, languages=["fi"])
    assert fi.ngettext("{n} year", "{n} years", 5) == "{n} vuotta"
    assert fi.pgettext("chart", "Month") == "Kuukausi"


def test_an_untranslated_plural_is_left_out_of_the_compiled_catalog(tmp_path: Path) -> None:
    """Babel would keep ("", "") and gettext would then show nothing at all."""
    folder = _folder(tmp_path, {}, fuzzy=set())
    catalogs.compile_all(folder)
    ru = gettext.translation("calculators", folder, languages=["ru"])
    assert ru.ngettext("{n} year", "{n} years", 5) == "{n} years"


# This test fails until translators have filled in every catalog: it is the gate that keeps
# English out of a non-English page (run `make messages` after changing messages in the code).
@pytest.mark.parametrize("language", catalogs.TRANSLATED)
def test_every_message_is_translated_in_every_language(language: str) -> None:
    problems = list(catalogs.problems(language))
    shown = "\n".join(f"  {p.reason}: {p.msgid!r}" for p in problems[:20])
    assert not problems, f"{language}: {len(problems)} messages not ready, e.g.\n{shown}"
