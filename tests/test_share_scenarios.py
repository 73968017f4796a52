"""In headless Chromium against the built site: saved scenarios (save, load, rename, compare,
delete, export and import), a refused import, life without local storage, undo of a reset and
the copied link."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, FilePayload, Page
from share_browser import Errors, change, fresh_page, share_button, wait_live, wait_query

pytestmark = pytest.mark.browser

NASTY = '<img class="injected" src=x onerror="document.title=1">Offshore'


def scenario_names(page: Page) -> list[str]:
    names: list[str] = page.locator(".share-list .share-name").all_text_contents()
    return names


def save(page: Page, name: str) -> None:
    page.fill(".share-save input", name)
    share_button(page, "savings", "Save scenario").click()
    page.locator(".share-status").get_by_text(name, exact=False).wait_for()


def upload(page: Page, content: bytes) -> None:
    payload: FilePayload = {"name": "s.json", "mimeType": "application/json", "buffer": content}
    page.set_input_files(".share-file", files=[payload])


def open_savings(page: Page, site_url: str) -> None:
    page.goto(site_url + "calculators/savings/")
    wait_live(page, "savings")


def stored(page: Page) -> Any:
    return page.evaluate("JSON.parse(localStorage.getItem('outsourcing-guide.scenarios.savings'))")


def test_scenarios_save_load_rename_compare_and_delete(
    browser: Browser, site_url: str, tmp_path: Path
) -> None:
    with fresh_page(browser) as page:
        errors = Errors(page)
        open_savings(page, site_url)
        assert page.locator(".share-empty").text_content() == "No saved scenarios yet."
        change(page, "savings", "calc-savings-salary", "61000")
        save(page, NASTY)
        change(page, "savings", "calc-savings-salary", "70000")
        change(page, "savings", "calc-savings-headcount", "12")
        save(page, "Nearshore")
        assert scenario_names(page) == [NASTY, "Nearshore"]  # names are shown as text
        assert page.locator(".injected").count() == 0
        assert [s["query"] for s in stored(page)] == ["salary=61000", "headcount=12&salary=70000"]

        # Load the first: the form takes its values and the URL its query.
        page.locator(".share-item").nth(0).get_by_role("button", name="Load").click()
        wait_query(page, "salary=61000")
        assert page.input_value("#calc-savings-salary") == "61000"
        assert page.input_value("#calc-savings-headcount") == "10"

        # Rename the second, by keyboard.
        page.locator(".share-item").nth(1).get_by_role("button", name="Rename").click()
        page.keyboard.press("Control+A")
        page.keyboard.type("Nearshore, 12 FTE")
        page.keyboard.press("Enter")
        assert scenario_names(page) == [NASTY, "Nearshore, 12 FTE"]

        # Compare both: headline figures and the inputs that differ, highlighted.
        share_button(page, "savings", "Compare selected").click()
        assert "Tick two to four" in (page.text_content(".share-status") or "")
        for box in page.locator(".share-pick").all():
            box.check()
        share_button(page, "savings", "Compare selected").click()
        table = page.locator(".share-compare-table")
        table.wait_for()
        assert table.locator("thead th").all_text_contents() == [NASTY, "Nearshore, 12 FTE"]
        differs = table.locator("tr.share-differs th").all_text_contents()
        assert differs[-2:] == ["Team size", "Average salary"]
        assert "Total savings" in differs
        salary = table.locator("tr", has=page.locator("th", has_text="Average salary"))
        assert salary.locator("td").all_text_contents() == [
            "61,000 per FTE per year (differs)",
            "70,000 per FTE per year (differs)",
        ]

        # Export them, then delete one.
        with page.expect_download() as info:
            share_button(page, "savings", "Export scenarios").click()
        exported = tmp_path / info.value.suggested_filename
        info.value.save_as(exported)
        assert exported.name.startswith("savings-scenarios-")
        page.locator(".share-item").nth(0).get_by_role("button", name="Delete").click()
        assert scenario_names(page) == ["Nearshore, 12 FTE"]
        assert [s["name"] for s in stored(page)] == ["Nearshore, 12 FTE"]
        assert errors == []

    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format"] == "outsourcing-guide-scenarios"
    assert document["calculator"] == "savings"
    assert [(s["name"], s["query"]) for s in document["scenarios"]] == [
        (NASTY, "salary=61000"),
        ("Nearshore, 12 FTE", "headcount=12&salary=70000"),
    ]
    # Import into a fresh browser reproduces them.
    with fresh_page(browser) as page:
        errors = Errors(page)
        open_savings(page, site_url)
        page.set_input_files(".share-file", exported)
        page.locator(".share-status").get_by_text("Imported 2 scenarios.").wait_for()
        assert scenario_names(page) == [NASTY, "Nearshore, 12 FTE"]
        assert [(s["name"], s["query"]) for s in stored(page)] == [
            (s["name"], s["query"]) for s in document["scenarios"]
        ]
        page.locator(".share-item").nth(1).get_by_role("button", name="Load").click()
        wait_query(page, "headcount=12&salary=70000")
        assert page.locator(".injected").count() == 0
        assert errors == []


def scenarios_file(**changes: Any) -> bytes:
    document = {
        "format": "outsourcing-guide-scenarios",
        "version": 1,
        "calculator": "savings",
        "scenarios": [{"name": "Good", "query": "headcount=12"}],
    } | changes
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "outsourcing-guide-scen', "it is not a JSON file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "it is not a JSON file"),
        (b"[1, 2, 3]", "it is not a scenarios file from this guide"),
        (scenarios_file(calculator="risk_register"), "another calculator (risk_register)"),
        (scenarios_file(scenarios={"a": 1}), "it is not a scenarios file"),
        (scenarios_file(scenarios=[{"name": "", "query": ""}]), "scenario 1 has no valid name"),
        (scenarios_file(scenarios=[{"name": "x" * 81, "query": ""}]), "scenario 1 has no valid"),
        (scenarios_file(scenarios=[{"name": "a", "query": 5}]), "scenario 1 has no valid"),
        (scenarios_file(scenarios=[{"name": "a", "query": ""}] * 51), "more than 50 scenarios"),
        (b" " * (600 * 1024), "larger than 512 kB"),
    ],
)
def test_a_corrupted_import_is_refused_with_a_message(
    browser: Browser, site_url: str, content: bytes, message: str
) -> None:
    with fresh_page(browser) as page:
        errors = Errors(page)
        open_savings(page, site_url)
        save(page, "Kept")
        upload(page, content)
        status = page.locator(".share-status")
        status.get_by_text("The file was not imported:").wait_for()
        assert message in (status.text_content() or "")
        assert scenario_names(page) == ["Kept"]  # nothing was changed
        assert errors == []


def test_an_imported_scenario_with_a_bad_link_is_skipped_with_its_reason(
    browser: Browser, site_url: str
) -> None:
    content = scenarios_file(
        scenarios=[
            {"name": "Good", "query": "headcount=12"},
            {"name": "<b class=injected>Bad</b>", "query": "headcount=abc"},
        ]
    )
    with fresh_page(browser) as page:
        open_savings(page, site_url)
        upload(page, content)
        status = page.locator(".share-status")
        status.get_by_text("Imported 1 scenario.").wait_for()
        assert (
            "\u201c<b class=injected>Bad</b>\u201d was not imported: The link's value for Team size"
            in (status.text_content() or "")
        )
        assert scenario_names(page) == ["Good"]
        assert page.locator(".injected").count() == 0


NO_STORAGE = """Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""


def test_without_local_storage_scenarios_work_for_the_visit_with_a_message(
    browser: Browser, site_url: str
) -> None:
    with fresh_page(browser) as page:
        page.add_init_script(NO_STORAGE)
        errors = Errors(page)
        open_savings(page, site_url)
        # Material's own inline scripts read local storage unguarded and throw when it is
        # blocked; the scenario tools must add no error of their own.
        assert set(errors) <= {"pageerror: The operation is insecure."}
        material_errors = len(errors)
        warning = page.locator(".share-warning")
        assert warning.is_visible()
        assert "does not let the site store data" in (warning.text_content() or "")
        assert warning.get_attribute("role") == "alert"
        change(page, "savings", "calc-savings-headcount", "14")
        save(page, "In memory")
        assert scenario_names(page) == ["In memory"]
        with page.expect_download() as info:
            share_button(page, "savings", "Export scenarios").click()
        document = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
        assert document["scenarios"][0]["query"] == "headcount=14"
        assert len(errors) == material_errors


def test_a_full_storage_quota_is_said_and_saving_goes_on(browser: Browser, site_url: str) -> None:
    full = """Storage.prototype.setItem = function () {
      throw new DOMException("full", "QuotaExceededError"); };"""
    with fresh_page(browser) as page:
        page.add_init_script(full)
        open_savings(page, site_url)
        save(page, "Kept in memory")
        assert page.locator(".share-warning").is_visible()
        assert scenario_names(page) == ["Kept in memory"]


def test_reset_can_be_undone(browser: Browser, site_url: str) -> None:
    with fresh_page(browser) as page:
        open_savings(page, site_url)
        change(page, "savings", "calc-savings-headcount", "20")
        page.select_option("#calc-savings-pricing", "unit")
        wait_query(page, "headcount=20&pricing=unit")
        page.get_by_role("button", name="Reset to defaults").click()
        page.wait_for_function("location.search === ''")
        assert page.input_value("#calc-savings-headcount") == "10"
        undo = page.locator(".share-undo")
        assert "reset to their defaults" in (undo.text_content() or "")
        undo.get_by_role("button", name="Undo").click()
        wait_query(page, "headcount=20&pricing=unit")
        assert page.input_value("#calc-savings-headcount") == "20"
        assert page.input_value("#calc-savings-pricing") == "unit"
        assert "are back" in (undo.text_content() or "")


def test_copy_link_copies_the_scenario(browser: Browser, site_url: str) -> None:
    with fresh_page(browser, permissions=["clipboard-read", "clipboard-write"]) as page:
        open_savings(page, site_url)
        change(page, "savings", "calc-savings-headcount", "20")
        wait_query(page, "headcount=20")
        share_button(page, "savings", "Copy link").click()
        page.locator(".share-status").get_by_text("Link copied.", exact=False).wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == page.url


def test_copy_link_without_clipboard_shows_the_link_to_copy(
    browser: Browser, site_url: str
) -> None:
    with fresh_page(browser) as page:
        page.add_init_script(
            "navigator.clipboard.writeText = () => Promise.reject(new Error('no'));"
        )
        open_savings(page, site_url)
        change(page, "savings", "calc-savings-headcount", "20")
        wait_query(page, "headcount=20")
        share_button(page, "savings", "Copy link").click()
        field = page.get_by_role("textbox", name="Link to this scenario")
        field.wait_for()
        assert field.input_value() == page.url
