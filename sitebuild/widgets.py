"""Build step: turn `<!-- calculator: ID -->` markers into live calculator widgets.

Each widget is a real form rendered with Jinja2 from the calculator's catalog entry, with a
results region already holding the results of the defaults, computed now by the same Python
code the browser will run. An unknown ID fails the build.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

import calculators

MARKER = re.compile(r"<!--\s*calculator:\s*([A-Za-z0-9_-]+)\s*-->")
TEMPLATES = Path(__file__).resolve().parents[1] / "overrides" / "partials"


class UnknownCalculatorError(ValueError):
    pass


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_widget(calculator_id: str, locale: str = "en", root: str = "") -> str:
    """The widget's HTML: form, prerendered results of the defaults, runtime messages.
    `root` is the site's root as seen from the page ("../../"): result links resolve against
    it, at build time here and in the browser through the form's data-root."""
    entries = {entry["id"]: entry for entry in calculators.catalog(locale)}
    if calculator_id not in entries:
        known = ", ".join(entries)
        raise UnknownCalculatorError(
            f"unknown calculator '{calculator_id}' in a <!-- calculator: --> marker "
            f"(known: {known})"
        )
    entry = entries[calculator_id]
    result = calculators.run(calculator_id, {}, locale)
    ui = calculators.ui_messages(locale)
    template = _environment().get_template("calculator-widget.html")
    return template.render(
        calculator=entry,
        fields_by_group=_group_fields(entry),
        results_html=Markup(calculators.render(result, root)),
        root=root,
        ui=ui,
        ui_json=Markup(_script_json(ui)),
        locale=locale,
    )


def _group_fields(entry: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups = {g["key"]: g["label"] for g in entry["groups"]}
    grouped: dict[str, list[dict[str, Any]]] = {}
    for field in entry["fields"]:
        grouped.setdefault(field["group"], []).append(field)
    return [(groups.get(key, ""), fields) for key, fields in grouped.items()]


def _script_json(data: object) -> str:
    """JSON that cannot close its <script> element."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def root_of(page_url: str) -> str:
    """The site's root relative to a page with directory URLs: "calculators/savings/" ->
    "../../", "" (the home page) -> ""."""
    return "../" * page_url.strip("/").count("/") + ("../" if page_url.strip("/") else "")


def replace_markers(html: str, locale: str = "en", root: str = "") -> tuple[str, list[str]]:
    """Replace every marker in a page's HTML; return the new HTML and the calculator IDs."""
    found: list[str] = []

    def widget(match: re.Match[str]) -> str:
        found.append(match.group(1))
        return render_widget(match.group(1), locale, root)

    return MARKER.sub(widget, html), found


def on_page_content(html: str, page: Any, locale: str, root: str) -> str:
    """A page's markers as widgets in `locale`; `root` is the page's language's folder as seen
    from the page (links in the results stay in the page's language)."""
    from mkdocs.exceptions import PluginError

    from calculators.core.locales import UnsupportedLocaleError

    try:
        html, found = replace_markers(html, locale, root)
    except (UnknownCalculatorError, UnsupportedLocaleError) as exc:
        raise PluginError(f"{page.file.src_path}: {exc}") from exc
    # The page template adds the runtime script only to pages that have a calculator.
    page.meta["calculators"] = found
    page.meta["calculator_requires"] = sorted(
        {name for cid in found for name in calculators.requirements(cid)}
    )
    return html
