"""In headless Chromium against the built site: a link reproduces the scenario, bad links never
break the page, CSV and JSON downloads hold the figures shown, and pages print compactly."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import subprocess
import sys
from urllib.parse import quote, urlsplit

import pytest
from page_support import a_new_valid_value
from playwright.sync_api import Browser, Page, Route
from share_browser import (
    Errors,
    change,
    expected_figures,
    figure_texts,
    form,
    fresh_page,
    page_of,
    result_texts,
    share_button,
    wait_figures,
    wait_live,
    wait_query,
    wait_result,
)

import calculators
from calculators.query import decode

pytestmark = pytest.mark.browser

IDS = calculators.calculator_ids()
A4_PAGES_AT_MOST = 3
NASTY_NAME = 'Zed & <b class="injected">Co</b>'


def changes_for(calculator_id: str) -> list[tuple[str, str, str]]:
    """(control id, query name, new value): the first number field and, where the calculator
    has a table, the name in its first row."""
    entry = next(e for e in calculators.catalog() if e["id"] == calculator_id)
    field = next(f for f in entry["fields"] if f["kind"] not in {"choice", "table", "text"})
    found = [(f"calc-{calculator_id}-{field['name']}", field["name"], a_new_valid_value(field))]
    for table in (f for f in entry["fields"] if f["kind"] == "table"):
        name = f"{table['name']}.0.name"
        found.append((f"calc-{calculator_id}-{table['name']}-0-name", name, NASTY_NAME))
    return found


@pytest.mark.parametrize("calculator_id", IDS)
def test_a_link_reproduces_the_scenario_in_a_fresh_browser(
    browser: Browser, site_url: str, calculator_id: str
) -> None:
    with fresh_page(browser) as page:
        errors = Errors(page)
        page.goto(site_url + page_of(calculator_id))
        wait_live(page, calculator_id)
        for control, name, value in changes_for(calculator_id):
            change(page, calculator_id, control, value)
            wait_query(page, quote(name, safe="._") + "=")
        link = page.url
        assert errors == []
    inputs = decode(calculator_id, urlsplit(link).query).inputs
    expected = calculators.run(calculator_id, inputs)
    assert result_texts(expected) != result_texts(calculators.run(calculator_id, {}))
    with fresh_page(browser) as page:
        errors = Errors(page)
        page.goto(link)
        wait_live(page, calculator_id)
        note = page.locator(f"section.calc:has({form(calculator_id)}) .share-link-note")
        note.get_by_text("Applied the values from the link.", exact=True).wait_for()
        wait_result(page, calculator_id, expected)
        for control, _, value in changes_for(calculator_id):
            assert page.input_value(f"#{control}") == value
        assert page.locator(".injected").count() == 0  # the name is shown as text
        assert page.url == link  # applying the link keeps it as it was
        assert errors == []


def test_a_link_shows_labelled_defaults_until_the_runtime_is_live(
    browser: Browser, site_url: str
) -> None:
    held: list[Route] = []
    with fresh_page(browser) as page:
        # Hold the runtime back (the worker's download of the trimmed standard library waits).
        page.context.route("**/stdlib-*.zip.gz", lambda route: held.append(route))
        page.goto(site_url + "calculators/savings/?headcount=20")
        note = page.locator(".share-link-note")
        assert "results below are for the default values until the calculator is live" in (
            note.text_content() or ""
        )
        assert figure_texts(page, "savings") == expected_figures("savings", {})
        for _ in range(600):  # until the worker has asked for the held file
            if held:
                break
            page.wait_for_timeout(50)
        assert held, "the runtime never asked for its standard library"
        assert "until the calculator is live" in (note.text_content() or "")
        for route in held:
            route.continue_()
        page.context.unroute("**/stdlib-*.zip.gz")
        wait_live(page, "savings")
        note.get_by_text("Applied the values from the link.").wait_for()
        wait_figures(page, "savings", expected_figures("savings", {"headcount": 20}))


def malformed_queries(count: int, seed: int = 8) -> list[str]:
    """Links a reader could paste or a program could make: unknown names, bad values, broken
    escapes, oversized parts, table cells out of range, markup and duplicates."""
    rng = random.Random(seed)
    names = ["headcount", "salary", "pricing", "currency", "ramp_months", "weight_fit",
             "vendors.0.name", "vendors.0.price", "vendors.9.name", "vendors.-1.name",
             "vendors.0.", "vendors..name", "nope", "", "h", "<script>", "%zz", "a" * 90,
             "headcount.0", "__proto__", "constructor", "vendors.0.__proto__"]  # fmt: skip
    values = ["", "abc", "-1", "1e309", "NaN", "Infinity", "1,5", "0x10", "%FF%FE", "%",
              "<img src=x onerror=alert(1)>", "9" * 300, "20", "60000", "unit", "EUR", "ZZZ",
              "2.5", "\u2212 5", "%E2%80%AE", "%00", "'; DROP TABLE", "1" * 40, "Acme"]  # fmt: skip
    found: list[str] = []
    for index in range(count):
        parts = [
            f"{quote(rng.choice(names), safe='._%')}={quote(rng.choice(values), safe='%')}"
            for _ in range(rng.randint(1, 6))
        ]
        if index % 17 == 0:
            parts.append("&".join(f"x{i}=1" for i in range(350)))  # too many parts
        if index % 23 == 0:
            parts.append("salary=" + "1" * 9000)  # too long altogether
        if index % 5 == 0:
            parts.append(parts[0])  # a name twice
        separator = rng.choice(["&", "&&", "&=&"])
        found.append("?" + separator.join(parts))
    return found


APPLY_LINKS_JS = """async ([id, queries]) => {
  const form = document.querySelector(`form[data-calculator='${id}']`);
  const out = [];
  for (const query of queries) {
    const result = new Promise(done =>
      form.addEventListener("calculator:result", e => done(e.detail), { once: true }));
    const problems = await form.scenarioTools.applyLink(query);
    const detail = await result;
    out.push({ ok: detail.ok, problems, state: form.dataset.state });
  }
  return out;
}"""


@pytest.mark.parametrize(("calculator_id", "count"), [("savings", 120), ("partner_scorecard", 100)])
def test_malformed_links_never_break_the_page(
    browser: Browser, site_url: str, calculator_id: str, count: int
) -> None:
    queries = malformed_queries(count, seed=count)
    with fresh_page(browser) as page:
        errors = Errors(page)
        page.goto(site_url + page_of(calculator_id))
        wait_live(page, calculator_id)
        outcomes = page.evaluate(APPLY_LINKS_JS, [calculator_id, queries])
        for query, outcome in zip(queries, outcomes, strict=True):
            # The rest of the scenario is applied and computes; each bad part is said once.
            assert outcome["ok"] and outcome["state"] == "ready", query
            assert outcome["problems"] == decode(calculator_id, query).problems, query
        assert sum(bool(o["problems"]) for o in outcomes) > count * 0.9
        assert page.locator(".injected, .share-link-note img, .share-link-note script").count() == 0
        assert errors == []


@pytest.mark.parametrize(
    "query",
    [
        "?headcount=%zz&salary=<b class=injected>1</b>",
        "?" + "&".join(f"n{i}=1" for i in range(400)),
        "?salary=" + "9" * 9000,
        "?headcount=20&headcount=30&pricing=unit&vendor_fte_price=-4",
    ],
)
def test_a_malformed_link_opened_directly_keeps_the_page_live(
    browser: Browser, site_url: str, query: str
) -> None:
    decoded = decode("savings", query)
    with fresh_page(browser) as page:
        errors = Errors(page)
        page.goto(site_url + "calculators/savings/" + query)
        wait_live(page, "savings")
        items = page.locator(".share-link-note li")
        items.first.wait_for()
        assert items.all_text_contents() == decoded.problems
        wait_figures(page, "savings", expected_figures("savings", decoded.inputs))
        assert page.locator(".injected").count() == 0
        assert errors == []


def download(page: Page, calculator_id: str, button: str) -> bytes:
    with page.expect_download() as info:
        share_button(page, calculator_id, button).click()
    name = info.value.suggested_filename
    assert re.fullmatch(rf"{calculator_id}-\d{{4}}-\d\d-\d\d\.(csv|json)", name), name
    with open(info.value.path(), "rb") as file:
        return file.read()


def test_csv_and_json_downloads_hold_the_figures_shown(browser: Browser, site_url: str) -> None:
    with fresh_page(browser) as page:
        errors = Errors(page)
        page.goto(site_url + "calculators/savings/")
        wait_live(page, "savings")
        change(page, "savings", "calc-savings-headcount", "20")
        page.select_option("#calc-savings-currency", "GBP")
        wait_query(page, "currency=GBP")
        shown = figure_texts(page, "savings")
        link = page.url
        data = download(page, "savings", "Download CSV")
        document = json.loads(download(page, "savings", "Download JSON"))
        assert errors == []
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    start = rows.index(["Headline figures"]) + 3  # after the verdict row and the column names
    figures = rows[start : start + len(shown)]
    expected = calculators.run("savings", {"headcount": 20, "currency": "GBP"})
    assert [row[2] for row in figures] == list(shown.values())
    for row, figure in zip(figures, expected["figures"], strict=True):
        assert float(row[1]) == pytest.approx(figure["value"], rel=1e-12)
    assert ["Link", link] in rows
    # The command line gives the same file for the same link (its link and date aside).
    cli = subprocess.run(
        [sys.executable, "-m", "calculators", "savings", "--query", urlsplit(link).query, "--csv"],
        capture_output=True,
        check=True,
    )
    cli_rows = list(csv.reader(io.StringIO(cli.stdout.decode("utf-8-sig"))))
    assert [r for r in cli_rows if r[:1] not in (["Date"], ["Link"])] == [
        r for r in rows if r[:1] not in (["Date"], ["Link"])
    ]
    assert document["calculator"] == "savings"
    assert document["link"] == link
    assert document["version"] == "0.1.0"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", document["date"])
    assert document["inputs"]["headcount"] == 20 and document["inputs"]["currency"] == "GBP"
    assert {f["id"]: f["text"] for f in document["result"]["figures"]} == shown
    assert document["result"] == expected


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("calculator_id", IDS)
def test_a_calculator_page_prints_as_a_short_report(
    browser: Browser, site_url: str, calculator_id: str
) -> None:
    with fresh_page(browser) as page:
        page.goto(site_url + page_of(calculator_id))
        wait_live(page, calculator_id)
        page.emulate_media(media="print")
        pages = pdf_pages(page.pdf(format="A4"))
        assert 1 <= pages <= A4_PAGES_AT_MOST
        report = page.locator(".share-report")
        assert report.is_visible()
        assert "Link: " + page.url in (report.text_content() or "")
        assert report.locator("table").count() >= 1
        for hidden in (".calc-form", ".share", ".md-header", ".md-sidebar--primary", ".calc-help"):
            assert not page.locator(hidden).first.is_visible(), hidden
        assert page.locator(".calc-results").is_visible()


def test_the_report_marks_changed_inputs(browser: Browser, site_url: str) -> None:
    with fresh_page(browser) as page:
        page.goto(site_url + "calculators/savings/?headcount=20")
        wait_live(page, "savings")
        page.get_by_text("Applied the values from the link.").wait_for()
        wait_query(page, "headcount=20")
        page.emulate_media(media="print")
        changed = page.locator(".share-report .share-changed")
        assert changed.count() == 1
        assert (changed.text_content() or "").startswith("20 FTE")
        row = page.locator(".share-report tr", has=page.locator(".share-changed"))
        assert row.locator("th").text_content() == "Team size"


def test_every_tab_of_a_page_prints_and_guide_pages_print_cleanly(
    browser: Browser, site_url: str
) -> None:
    with fresh_page(browser) as page:
        page.goto(site_url + "calculators/savings/")
        wait_live(page, "savings")
        page.emulate_media(media="print")
        # The method after the calculator stays on the web page; the report says where.
        assert not page.locator(".calc ~ .tabbed-set").first.is_visible()
        assert "computed" in (page.locator(".share-report-note").text_content() or "")
        page.goto(site_url + "guide/locations/")
        page.emulate_media(media="print")
        blocks = page.locator(".tabbed-block")
        assert blocks.count() >= 3
        for index in range(blocks.count()):
            assert blocks.nth(index).is_visible()
        for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".tabbed-labels"):
            assert not page.locator(hidden).first.is_visible(), hidden
        after = page.evaluate(
            """() => { const a = document.querySelector('.md-content a[href^="http"]');
            return a ? [a.href, getComputedStyle(a, '::after').content] : null; }"""
        )
        assert after is not None and after[0] in after[1]  # an outside link prints its address
        assert pdf_pages(page.pdf(format="A4")) >= 1
