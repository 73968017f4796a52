"""Text that Markdown and the theme write in English (a footnote's way back, a heading's anchor
link, the color-scheme toggles) is said in the page's language."""

from __future__ import annotations

from pathlib import Path

import yaml

from sitebuild.languages import DEFAULT, LANGUAGES, PAGE_TEXT, site_text
from sitebuild.page_text import FIXED, translate

ROOT = Path(__file__).resolve().parent.parent
TEXTS = {
    "footnote_backlink": "Tilbake til fotnote {n} i «teksten»",
    "permalink": "Fast lenke",
    "palette_dark": "Bytt til mørk modus",
    "palette_light": "Bytt til lys modus",
}
PAGE = (
    '<h2 id="why">Hvorfor<a class="headerlink" href="#why" title="Permanent link">¶</a></h2>'
    '<input aria-label="Switch to dark mode"><label title="Switch to light mode"></label>'
    '<li id="fn:a"><p>Kilde. <a class="footnote-backref" href="#fnref:a" '
    'title="Jump back to footnote 12 in the text">&#8617;</a></p></li>'
)


def test_each_english_text_takes_the_language_s_words() -> None:
    html = translate(PAGE, TEXTS)
    assert 'title="Tilbake til fotnote 12 i «teksten»"' in html
    assert 'title="Fast lenke"' in html
    assert 'aria-label="Bytt til mørk modus"' in html and 'title="Bytt til lys modus"' in html
    assert not any(english in html for english in (*FIXED.values(), "Jump back"))


def test_the_english_replaced_is_the_one_mkdocs_yml_configures() -> None:
    class Loader(yaml.SafeLoader):  # type: ignore[misc]  # untyped: no stubs for yaml
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    toggles = [p["toggle"]["name"] for p in config["theme"]["palette"]]
    assert toggles == [FIXED["palette_dark"], FIXED["palette_light"]]


def test_every_language_has_every_text() -> None:
    for lang in (lang for lang in LANGUAGES if lang != DEFAULT):
        text = site_text(lang)
        assert all(text[key] for key in PAGE_TEXT), lang
        assert "{n}" in text["footnote_backlink"], lang
