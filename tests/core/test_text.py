"""Text in gettext form: English needs no catalog, placeholders are named, plurals by n;
other locales need their compiled catalog, and nothing falls back to English silently."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from calculators.core import text
from calculators.core.locales import LOCALES, UnsupportedLocaleError
from calculators.core.text import N_, MissingCatalogError, text_for


@pytest.fixture
def no_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(text, "LOCALE_DIR", tmp_path)
    text_for.cache_clear()
    yield
    text_for.cache_clear()


def test_english_is_the_source_text_with_its_placeholders_filled() -> None:
    t = text_for("en")
    assert t.gettext("Break-even, month {month}", month=6) == "Break-even, month 6"
    assert t.ngettext("{n} year", "{n} years", 1) == "1 year"
    assert t.ngettext("{n} year", "{n} years", 5) == "5 years"
    assert t.pgettext("chart", "Month") == "Month"


def test_marking_for_extraction_translates_nothing() -> None:
    assert N_("Team size") == "Team size"


def test_every_supported_language_has_its_compiled_catalog() -> None:
    for locale in LOCALES:
        assert text_for(locale).locale == locale


def test_a_region_names_the_language() -> None:
    assert text_for("nb-NO").locale == text_for("nb_NO").locale == "nb"


@pytest.mark.usefixtures("no_catalogs")
def test_a_supported_language_without_its_catalog_raises_rather_than_reading_english() -> None:
    with pytest.raises(MissingCatalogError, match="make catalogs"):
        text_for("fi")
    assert text_for("en").gettext("Team size") == "Team size"


@pytest.mark.parametrize("locale", ["de", "", "no", "x" * 100, "en;q=1"])
def test_an_unsupported_locale_raises(locale: str) -> None:
    with pytest.raises(UnsupportedLocaleError):
        text_for(locale)
