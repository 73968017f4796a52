"""The heat map as the browser lays it out: no risk name is broken inside a word (issue 7:
"Communica/tion"), on a phone or a desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

# The names on screen: the wide drawing's cells, or the narrow drawing's list on a phone.
SHOWN = (
    "const shown = () => [...document.querySelectorAll('.calc-heat-risks li')]"
    ".filter((li) => li.getClientRects().length);"
)

# Each word of each name in the cells, measured by the lines its text occupies.
BROKEN_WORDS = (
    "() => {"
    + SHOWN
    + """
  const broken = [];
  for (const li of shown()) {
    const node = li.firstChild;
    let start = 0;
    for (const word of node.textContent.split(' ')) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(word);
      start += word.length + 1;
    }
  }
  return broken;
}"""
)


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_no_name_in_a_cell_breaks_inside_a_word(
    browser: Browser, site_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{site_url}calculators/risk-register/")
        page.wait_for_selector(".calc-heat-risks li", state="attached")
        assert page.evaluate(f"() => {{ {SHOWN} return shown().length; }}") == 10
        assert page.evaluate(BROKEN_WORDS) == []
        # The check itself sees a long word broken when a cell is made to break it:
        page.evaluate(
            f"() => {{ {SHOWN} const li = shown()[0]; "
            "li.textContent = 'Communicationcommunication'; "
            "li.style.cssText = 'display:block;width:4em;word-break:break-all'; }"
        )
        assert page.evaluate(BROKEN_WORDS) == ["Communicationcommunication"]
    finally:
        context.close()
