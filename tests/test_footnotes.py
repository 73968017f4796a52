"""The footnotes' way back to the text is titled in the page's language."""

from __future__ import annotations

from sitebuild.footnotes import translate_backlinks
from sitebuild.languages import DEFAULT, LANGUAGES, PAGE_TEXT, site_text

NOTE = (
    '<li id="fn:a"><p>Kilde. <a class="footnote-backref" href="#fnref:a" '
    'title="Jump back to footnote 12 in the text">&#8617;</a></p></li>'
)


def test_the_way_back_takes_the_language_s_words_and_the_footnote_s_number() -> None:
    html = translate_backlinks(NOTE, "Tilbake til fotnote {n} i «teksten»")
    assert 'title="Tilbake til fotnote 12 i «teksten»"' in html
    assert "Jump back" not in html and html.count("<a ") == 1


def test_every_language_words_it_with_the_number() -> None:
    for lang in (lang for lang in LANGUAGES if lang != DEFAULT):
        text = site_text(lang)
        assert all("{n}" in text[key] for key in PAGE_TEXT), lang
