"""Example names live in the browser: a Norwegian page computes with its own names, keeps them
out of its link, and the link opened on the English page shows the English names."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser
from share_browser import change, form, fresh_page, wait_live, wait_query, wait_result

import calculators

pytestmark = pytest.mark.browser

CID = "partner_scorecard"
PAGE = "calculators/partner-scorecard/"


def _first_name(page: Any) -> str:
    value: str = page.input_value(f"{form(CID)} [name='vendors.0.name']")
    return value


def test_a_link_made_in_norwegian_opens_in_english_with_english_names(
    browser: Browser, site_url: str
) -> None:
    with fresh_page(browser) as page:
        page.goto(site_url + "nb/" + PAGE)
        wait_live(page, CID)
        assert _first_name(page) == "Leverandør A (eksempel)"
        change(page, CID, f"calc-{CID}-weight_expertise", "30")
        wait_query(page, "weight_expertise=30")
        wait_result(page, CID, calculators.run(CID, {"weight_expertise": 30}, "nb"))
        query = urlsplit(page.url).query
        assert query == "weight_expertise=30"
    with fresh_page(browser) as page:
        page.goto(site_url + PAGE + "?" + query)
        wait_live(page, CID)
        assert _first_name(page) == "Vendor A (example)"
        wait_result(page, CID, calculators.run(CID, {"weight_expertise": 30}, "en"))
