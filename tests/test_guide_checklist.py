"""The RFP and contract checklist: the page, its Markdown download and its CSV download agree.

The Markdown download is the single source: the page includes it, and the CSV must hold the
same items, in the same order, so a reader who downloads either gets the checklist on the page.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "en" / "guide" / "rfp-and-contract-checklist.md"
MARKDOWN = ROOT / "docs" / "downloads" / "rfp-contract-checklist.md.txt"
CSV = ROOT / "docs" / "downloads" / "rfp-contract-checklist.csv"
ROW = re.compile(r"^\| ([A-Z]\d+) \| ([^|]+?) \| ([^|]+?) \| \[ \] \|$")
# What the issue asks the contract checklist to cover.
REQUIRED_TOPICS = (
    "liability caps",
    "indemnities",
    "intellectual property",
    "confidentiality",
    "subcontractors",
    "step-in rights",
    "benchmarking",
    "price indexation",
    "change control",
    "termination triggers",
)


def markdown_items() -> list[tuple[str, str, str, str]]:
    items = []
    section = ""
    for line in MARKDOWN.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif match := ROW.match(line):
            item_id, area, text = (group.strip() for group in match.groups())
            items.append((section, item_id, area, text))
    return items


def csv_items() -> list[tuple[str, str, str, str]]:
    with CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(r["section"], r["id"], r["area"], r["item"]) for r in rows]


def test_page_includes_the_markdown_download() -> None:
    page = PAGE.read_text(encoding="utf-8")
    relative = MARKDOWN.relative_to(ROOT).as_posix()
    assert f'--8<-- "{relative}"' in page
    assert "../downloads/rfp-contract-checklist.md.txt" in page
    assert "../downloads/rfp-contract-checklist.csv" in page


def test_csv_matches_the_markdown() -> None:
    items = markdown_items()
    assert len(items) >= 30, "the checklist lost its rows"
    assert csv_items() == items


def test_ids_are_unique_and_sections_are_both_present() -> None:
    items = markdown_items()
    ids = [item[1] for item in items]
    assert len(ids) == len(set(ids))
    assert {item[0] for item in items} == {"RFP questions", "Contract clauses"}


def test_contract_checklist_covers_the_required_topics() -> None:
    contract = " ".join(
        f"{area} {text}".lower()
        for section, _, area, text in markdown_items()
        if section == "Contract clauses"
    )
    missing = [topic for topic in REQUIRED_TOPICS if topic not in contract]
    assert not missing, f"contract checklist lacks: {missing}"
