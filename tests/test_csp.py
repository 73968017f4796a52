"""The Content-Security-Policy: computed per page at build time, and violated by nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from sitebuild import csp
from sitebuild.languages import DEFAULT, in_language

LIVE_TIMEOUT_MS = 120_000
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`);
});
"""


def pages(site: Path) -> list[str]:
    """Every HTML page as a URL path from the site root ("" for the home page)."""
    names = []
    for path in site.rglob("*.html"):
        relative = path.relative_to(site)
        if relative.parts[0] == "assets":
            continue
        if path.name == "index.html":
            parent = relative.parent.as_posix()
            names.append("" if parent == "." else parent + "/")
        else:
            names.append(relative.as_posix())
    return sorted(names)


def test_hashes_cover_executable_inline_scripts_only() -> None:
    html = (
        '<meta charset="utf-8"><script>a()</script><script type="application/json">{}</script>'
        '<script src="x.js"></script><script type="module">b()</script><script>a()</script>'
    )
    hashes = csp.inline_script_hashes(html)
    assert len(hashes) == 2 and all(h.startswith("'sha256-") for h in hashes)
    out = csp.add_policy(html)
    assert out.index("Content-Security-Policy") < out.index("<script>")
    with pytest.raises(csp.PolicyError):
        csp.add_policy(out)


def test_every_built_page_carries_a_strict_policy(built_site: Path) -> None:
    for name in pages(built_site):
        path = built_site / (name + "index.html" if name.endswith("/") or not name else name)
        html = path.read_text(encoding="utf-8")
        found = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert len(found) == 1, name
        policy = dict(d.strip().split(" ", 1) for d in found[0].split(";"))
        script = policy["script-src"]
        assert "unsafe-inline" not in script and "unsafe-eval" not in script, name
        assert policy["object-src"] == "'none'" and policy["base-uri"] == "'self'"
        assert policy["worker-src"] == "'self'"
        assert sorted(script.split()[1:]) == sorted(csp.inline_script_hashes(html)), name


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(bypass_csp=False)  # the policy is what is under test
    context.add_init_script(script=RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(LIVE_TIMEOUT_MS)
    yield page
    context.close()


@pytest.mark.browser
def test_no_page_violates_its_policy(page: Page, site_url: str, built_site: Path) -> None:
    violations: dict[str, list[str]] = {}
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security" in m.text else None)
    names = pages(built_site)
    assert "calculators/savings/" in names and "404.html" in names
    for name in names:
        page.goto(site_url + name, wait_until="load")
        # Every page's own policy is checked; the runtime, the same files in every language,
        # is started under it on the English calculator pages.
        if page.locator("form[data-calculator]").count() and in_language(name, DEFAULT):
            # The runtime (worker, Pyodide, wheels) must start under the policy too.
            # (wait_for_selector, not wait_for_function: the latter needs eval in the page)
            page.wait_for_selector(
                "form[data-calculator]:is([data-state=static], [data-state=loading])",
                state="detached",
                timeout=LIVE_TIMEOUT_MS,
            )
            states = page.eval_on_selector_all(
                "form[data-calculator]", "forms => forms.map((f) => f.dataset.state)"
            )
            assert set(states) == {"ready"}, f"{name}: {states}"
        found = page.evaluate("window.__violations")
        if found:
            violations[name] = found
    assert violations == {}
    assert console == []
