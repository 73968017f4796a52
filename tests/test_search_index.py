"""Every built page closes each element it opens, as Material's search indexer needs.

The indexer keeps a stack of open elements and pops one only at its own end tag. One element
left to close itself (an `<option>` without `</option>`, valid HTML) stays on the stack for the
rest of the page: each later tag and text then costs the whole stack (six pages took 40% of
the indexing time), and the page's sections lose their place in the index."""

from __future__ import annotations

import re
from pathlib import Path

from material.plugins.search.plugin import Parser

ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def open_elements(html: str) -> list[str]:
    """The elements still open when the indexer has read `html`."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [element.tag for element in parser.context]


def test_an_element_left_open_stays_on_the_indexers_stack() -> None:
    assert open_elements("<datalist><option value='a'><option value='b'></datalist><p>x</p>")
    assert not open_elements("<datalist><option value='a'></option></datalist><p>x</p>")


def test_every_page_closes_what_it_opens(built_site: Path) -> None:
    unclosed = {}
    for page in sorted(built_site.rglob("index.html")):
        found = ARTICLE.search(page.read_text(encoding="utf-8"))
        left = open_elements(found.group(0)) if found else []
        if left:
            unclosed[page.relative_to(built_site).as_posix()] = left[:5]
    assert not unclosed
