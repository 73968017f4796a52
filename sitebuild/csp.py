"""A strict Content-Security-Policy `<meta>` on every page, with its inline scripts' hashes.

GitHub Pages cannot send headers, so the policy travels in each page. Scripts may come only
from the site's own files and from the inline scripts that page really contains (Material's
small start-up scripts, which differ by page depth), each allowed by its sha256 hash computed
here from the final HTML. No 'unsafe-inline', no 'unsafe-eval'. Pyodide compiles its
WebAssembly inside the module worker, which takes its policy from its own response, not from
the page, so no page needs 'wasm-unsafe-eval'. Styles keep 'unsafe-inline': the charts and
Material set style attributes, and styles cannot run code.
"""

from __future__ import annotations

import base64
import hashlib
import re

# An executable inline script: no src, and no type, or a JavaScript one.
INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s+[^>]*)?)>(?P<body>.*?)</script>", re.IGNORECASE | re.DOTALL
)
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)

BASE_POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


class PolicyError(ValueError):
    pass


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-...') of every executable inline script, in order."""
    hashes: list[str] = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = TYPE.search(attrs)
        if kind and kind.group(1).lower() not in JAVASCRIPT_TYPES:
            continue  # a data block (JSON): never executed, not governed by script-src
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(hashes: list[str]) -> str:
    directives = []
    for name, value in BASE_POLICY:
        if name == "script-src" and hashes:
            value = " ".join([value, *hashes])
        directives.append(f"{name} {value}")
    return "; ".join(directives)


def add_policy(html: str) -> str:
    """The page with its policy as the first thing after `<meta charset>` (a meta policy only
    governs what comes after it)."""
    if 'http-equiv="Content-Security-Policy"' in html:
        raise PolicyError("the page already has a Content-Security-Policy")
    charset = CHARSET.search(html)
    if charset is None:
        raise PolicyError("no <meta charset> to put the policy after")
    content = policy(inline_script_hashes(html))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return html[: charset.end()] + "\n    " + meta + html[charset.end() :]
