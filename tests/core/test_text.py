"""Text in gettext form: English needs no catalog, placeholders are named, plurals by n."""

from __future__ import annotations

from calculators.core.text import N_, text_for


def test_english_is_the_source_text_with_its_placeholders_filled() -> None:
    t = text_for("en")
    assert t.gettext("Break-even, month {month}", month=6) == "Break-even, month 6"
    assert t.ngettext("{n} year", "{n} years", 1) == "1 year"
    assert t.ngettext("{n} year", "{n} years", 5) == "5 years"
    assert t.pgettext("chart", "Month") == "Month"


def test_marking_for_extraction_translates_nothing() -> None:
    assert N_("Team size") == "Team size"


def test_a_locale_without_a_catalogue_reads_the_source() -> None:
    assert text_for("fi").gettext("Team size") == "Team size"
    assert text_for("fi").locale == "fi"
