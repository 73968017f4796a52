"""The one entry point the browser's worker calls: JSON in, JSON out, never a traceback."""

from __future__ import annotations

import json
from typing import Any

from . import InputError, registry
from .core.locales import SOURCE_LOCALE, UnsupportedLocaleError, language_of
from .core.text import N_, text_for
from .render.html import render_sections

BAD_REQUEST = N_("The request must be a JSON object with a calculator and inputs.")
INTERNAL_ERROR = N_("Internal error: {name}")

MAX_REQUEST = 200_000  # characters; a full form with every table row is a few thousand


def respond(request_json: str) -> str:
    """`{"calculator", "inputs", "locale", "root"}` -> `{"ok": true, "sections", "result"}` or
    `{"ok": false, "errors": {field: message}}`. `locale` is the page's language (its
    `<html lang>`; a locale the calculators do not speak is a bad request, answered in English).
    The result carries `inputs`, the values as the calculator read them (fractions for
    percentages), so the page can show what it understood in the page's own number format.
    `root` is the site's root as seen from the page, for links in the results. `sections` is
    the result's HTML, one string per top-level element (the page replaces those that
    changed). A request with a "format" asks for a link, an export or a comparison instead
    (see `calculators.share`)."""
    try:
        return _respond(request_json)
    except (RecursionError, MemoryError):  # hostile nesting or size that slipped past a limit
        return _failure({"": text_for(SOURCE_LOCALE).gettext(BAD_REQUEST)})


def _respond(request_json: str) -> str:
    bad_request = _failure({"": text_for(SOURCE_LOCALE).gettext(BAD_REQUEST)})
    if not isinstance(request_json, str) or len(request_json) > MAX_REQUEST:
        return bad_request
    try:
        request: Any = json.loads(request_json)
    except (ValueError, RecursionError):
        return bad_request
    if not isinstance(request, dict):
        return bad_request
    locale, root = request.get("locale", SOURCE_LOCALE), request.get("root", "")
    if not isinstance(locale, str) or not isinstance(root, str) or not _relative_root(root):
        return bad_request
    try:
        language_of(locale)
    except UnsupportedLocaleError:
        return bad_request
    t = text_for(locale)
    if "format" in request:  # a link, an export or a comparison rather than a result
        return _shared(request, locale)
    try:
        calculator = registry.load(request.get("calculator", ""), locale)
        inputs = request.get("inputs")
        values, result = calculator.evaluate({} if inputs is None else inputs, locale)
    except InputError as exc:
        return _failure(exc.errors)
    except Exception as exc:  # a bug must reach the reader as a message, not a traceback
        return _failure({"": t.gettext(INTERNAL_ERROR, name=type(exc).__name__)})
    result = {**result, "inputs": values}
    return json.dumps({"ok": True, "sections": render_sections(result, root), "result": result})


def _relative_root(root: str) -> bool:
    """Only "", "../", "../../", ...: links never point anywhere but this site."""
    return len(root) <= 60 and root == "../" * (len(root) // 3)


def _failure(errors: dict[str, str]) -> str:
    return json.dumps({"ok": False, "errors": errors})


def _shared(request: dict[str, Any], locale: str) -> str:
    from .share import handle  # imported on first use: most requests are plain results

    try:
        return json.dumps(handle(request), ensure_ascii=False)
    except InputError as exc:
        return _failure(exc.errors)
    except Exception as exc:  # a bug must reach the reader as a message, not a traceback
        return _failure({"": text_for(locale).gettext(INTERNAL_ERROR, name=type(exc).__name__)})
