"""The languages agree: the source-fact checklist (tests/test_guide_facts.py) passes in every
language for the facts that are numbers and names.

Words are translated, so the checklist's English patterns cannot be matched in Finnish; what
must survive translation is each fact's numbers (written in the language's own format: "500
000", "88,9", "14 %") and the names its citation gives (authors and publishers, which stay as
published). A fact's numbers must appear in the language's site; a cited fact's numbers and
names together on one of its pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from language_support import TRANSLATED, html_of, pages_of
from test_guide_facts import FACTS, Fact, page_text

# The names in each citation that every language keeps: authors and publishers.
CITED_NAMES: dict[str, tuple[str, ...]] = {
    "apple-zhengzhou": ("barboza", "new york times"),
    "us-tax-rate-cut": ("new york law journal",),
    "kodak-1989": ("venkatraman",),
    "herbsleb-mockus": ("herbsleb", "mockus"),
    "barthelemy-2001": ("barth[eé]lemy", "mit sloan management review"),
    "barthelemy-2003": ("barth[eé]lemy",),
    "deloitte-2012-exits": ("deloitte",),
    "nordic-transfer-laws": ("eurofound",),
    "misclassification-europe": ("ir35",),
    "case-jpmorgan-ibm": ("cnet",),
    "case-sainsburys-accenture": ("accountancy age",),
    "case-gm-insourcing": ("auto channel",),
    "case-swedish-transport-agency": ("the local", "transportstyrelsen"),
    "eu-labor-costs": ("eurostat",),
}
NUMBER_IN_PATTERN = re.compile(r"\d+(?:[.,]\d+)*")
# A number as a language may write it: groups of three set apart by a space (any width), a
# point or a comma, and a decimal comma or point.
NUMBER_IN_TEXT = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?"
)


def canonical(number: str) -> str:
    """ "500,000" / "500 000" / "500.000" -> "500000"; "88.9" / "88,9" -> "88.9"; "02" -> "2".
    A point or comma before exactly three digits groups thousands ("4,000" is never 4.0)."""
    compact = re.sub(r"[ \u00a0\u202f]", "", number)
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", compact):
        compact = re.sub(r"[.,]", "", compact)
    whole, _, fraction = compact.replace(",", ".").partition(".")
    return (whole.lstrip("0") or "0") + ("." + fraction if fraction else "")


def fact_numbers(item: Fact) -> set[str]:
    """The numbers a fact's patterns name (English format, regex escapes removed)."""
    found: set[str] = set()
    for pattern in item.patterns:
        if "|" in pattern:
            continue  # alternatives ("1.5|one and a half"): no one number is required
        literal = re.sub(r"\{\d+(?:,\d*)?\}", "", pattern).replace("\\", "")  # no {0,60}
        found.update(canonical(number) for number in NUMBER_IN_PATTERN.findall(literal))
    return found


def text_numbers(text: str) -> set[str]:
    found = {canonical(match.group()) for match in NUMBER_IN_TEXT.finditer(text)}
    # Every run of digits too: "35 500" may be two numbers, "30.9.2019" a date.
    found.update(canonical(run) for run in re.findall(r"\d+", text))
    return found


NUMBERED = [f for f in FACTS if fact_numbers(f)]


def test_numbers_are_read_in_every_format() -> None:
    assert canonical("500,000") == canonical("500 000") == canonical("500.000") == "500000"
    assert canonical("500\u202f000") == canonical("500\u00a0000") == "500000"
    assert canonical("88.9") == canonical("88,9") == "88.9"
    assert canonical("4,000") == canonical("4.000") == canonical("4 000") == "4000"
    assert text_numbers("ca. 88,9 mrd. og 14 % av 50") >= {"88.9", "14", "50"}
    assert fact_numbers(FACTS[0]) == {"1989"}


@pytest.fixture(scope="module")
def language_pages(built_site: Path) -> dict[str, dict[str, str]]:
    return {
        lang: {
            path: page_text(html_of(built_site, lang, path)) for path in pages_of(built_site, lang)
        }
        for lang in TRANSLATED
    }


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_fact_keeps_its_numbers_and_names(
    language_pages: dict[str, dict[str, str]], lang: str
) -> None:
    pages = language_pages[lang]
    numbers = {path: text_numbers(text) for path, text in pages.items()}
    everywhere = set().union(*numbers.values())
    missing = []
    for item in NUMBERED:
        wanted = fact_numbers(item)
        names = CITED_NAMES.get(item.id, ())
        if names:
            homes = [
                path
                for path, text in pages.items()
                if wanted <= numbers[path] and all(re.search(n, text) for n in names)
            ]
            if not homes:
                missing.append(f"{item.id}: {sorted(wanted)} with {list(names)} on one page")
        elif not wanted <= everywhere:
            missing.append(f"{item.id}: {sorted(wanted - everywhere)}")
    for fact_id, names in CITED_NAMES.items():
        numbered = any(fact_id == f.id for f in NUMBERED)
        if not numbered and not any(all(re.search(n, t) for n in names) for t in pages.values()):
            missing.append(f"{fact_id}: {list(names)}")
    assert missing == [], "\n".join(missing)


def test_every_cited_name_belongs_to_a_fact() -> None:
    ids = {f.id for f in FACTS if f.cite}
    assert set(CITED_NAMES) <= ids
