"""The one entry point the browser's worker calls: JSON in, JSON out, never a traceback."""

from __future__ import annotations

import json
from typing import Any

from . import InputError, render, run
from ._messages import message


def respond(request_json: str) -> str:
    """`{"calculator", "inputs", "locale"}` -> `{"ok": true, "html", "result"}` or
    `{"ok": false, "errors": {field: message}}`. A request with a "format" asks for a link,
    an export or a comparison instead (see `calculators.share`)."""
    try:
        request: Any = json.loads(request_json)
        if not isinstance(request, dict):
            raise ValueError
    except ValueError:
        return json.dumps({"ok": False, "errors": {"": message("error.bad_request")}})
    if "format" in request:  # a link, an export or a comparison rather than a result
        return _shared(request)
    try:
        result = run(
            request.get("calculator", ""), request.get("inputs"), request.get("locale", "en")
        )
    except InputError as exc:
        return json.dumps({"ok": False, "errors": exc.errors})
    except Exception as exc:  # a bug must reach the reader as a message, not a traceback
        return json.dumps({"ok": False, "errors": {"": f"Internal error: {type(exc).__name__}"}})
    return json.dumps({"ok": True, "html": render(result), "result": result})


def _shared(request: dict[str, Any]) -> str:
    from .share import handle  # imported on first use: most requests are plain results

    try:
        return json.dumps(handle(request), ensure_ascii=False)
    except InputError as exc:
        return json.dumps({"ok": False, "errors": exc.errors})
    except Exception as exc:  # a bug must reach the reader as a message, not a traceback
        return json.dumps({"ok": False, "errors": {"": f"Internal error: {type(exc).__name__}"}})
