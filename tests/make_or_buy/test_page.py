"""The make-or-buy page explains every input: a row in its defaults table, and the sources
of the methods it cites."""

from __future__ import annotations

import re
from pathlib import Path

import calculators

PAGE = Path(__file__).resolve().parents[2] / "docs" / "en" / "calculators" / "make-or-buy.md"


def default_rows() -> dict[str, str]:
    text = PAGE.read_text(encoding="utf-8").split("{#defaults}")[1].split("{#limits}")[0]
    return {m.group(1): m.group(2) for m in re.finditer(r"^\| ([^|]+?) \| ([^|]+?) \|", text, re.M)}


def test_every_input_has_a_row_with_its_default() -> None:
    fields = next(c for c in calculators.catalog() if c["id"] == "make_or_buy")["fields"]
    rows = default_rows()
    missing = [f["label"] for f in fields if f["name"] != "currency" and f["label"] not in rows]
    assert not missing
    assert rows["Customs value"] == "the price only (FOB)"
    assert rows["Years to compare"] == "5 years"
    assert rows["Learning curve on making"] == "none"
    assert rows["Learning rate"] == "80%"


def test_the_methods_cite_their_sources() -> None:
    text = " ".join(PAGE.read_text(encoding="utf-8").split())
    assert "Union Customs Code, Regulation (EU) No 952/2013, Article 71(1)(e)" in text
    assert "19 U.S.C. § 1401a(b)(4)(A)" in text
    assert re.search(r"Factors Affecting the Cost of Airplanes.{0,10}\*Journal of the "
                     r"Aeronautical Sciences\* 3 \(4\), 1936", text)  # fmt: skip
