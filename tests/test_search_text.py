"""sitebuild/search_text.py: the search index keeps the words, not the wrapping or addresses."""

from __future__ import annotations

from sitebuild.search_text import compact_entry, compact_text


def test_whitespace_runs_become_one_space() -> None:
    assert compact_text("<p>a  year\n   so they</p>\n") == "<p>a year so they</p>"


def test_web_addresses_go_and_the_citation_stays() -> None:
    text = (
        "<li><p>Barthélemy (2001), The Hidden Costs of IT Outsourcing. "
        "https://sloanreview.mit.edu/article/the-hidden-costs/ ↩</p></li>"
        "<li><p>DORA, https://eur-lex.europa.eu/eli/reg/2022/2554/oj</p></li>"
    )
    assert compact_text(text) == (
        "<li><p>Barthélemy (2001), The Hidden Costs of IT Outsourcing. ↩</p></li>"
        "<li><p>DORA,</p></li>"
    )


def test_an_entry_keeps_its_other_fields() -> None:
    entry = {"location": "guide/x/#y", "title": "X  Y", "text": " a\n b "}
    assert compact_entry(entry) == {"location": "guide/x/#y", "title": "X  Y", "text": "a b"}
    assert compact_entry({"location": "", "title": "Home"})["text"] == ""
