"""Names are compared and shown in one canonical form; labels are cut between characters."""

from __future__ import annotations

from calculators.core.names import cut_label, name_key, normalise_name


def test_invisible_characters_and_decomposed_letters_make_no_new_name() -> None:
    assert name_key("A\u200b") == name_key("A")
    assert name_key("e\u0301") == name_key("\u00e9")
    assert normalise_name("\u202eAcme\u202c ") == "Acme"


def test_a_cut_label_keeps_a_letter_with_its_accent() -> None:
    text = "Jose\u0301 Maria"
    assert cut_label(text, 4) == "Jos\u2026"
    assert cut_label(text, 5) == "Jose\u0301\u2026"
    assert cut_label("short", 10) == "short"
