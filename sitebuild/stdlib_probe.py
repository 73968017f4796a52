"""Run inside Pyodide by `trace_stdlib.mjs`: which library files the site imports, stripped.

It exercises every calculator through the browser's entry point (defaults, each field set to
a bad value, links, exports and comparisons, malformed requests, every language), then
returns, as JSON, every module loaded from the standard-library zip (with the `__init__.py` of
each package on the way), its docstrings and comments blanked out. Blanking keeps every line
where it was, so tracebacks still point at the right line; dropping docstrings is what
`python -OO` does. The sources are parsed by the Pyodide's own Python, so syntax newer than
the build machine's is never misread.
"""

from __future__ import annotations

import ast
import io
import json
import sys
import tokenize
import zipfile

BAD_VALUES = ("", "x", "-1", "1e999", "nan", "[", "{}", "9" * 400, "\u00b2", "\u200b")
BAD_REQUESTS = ("[", "[]", "null", '{"calculator": "nope"}', "[" * 5000)


def exercise() -> None:
    from calculators import catalog
    from calculators.browser import respond

    for entry in catalog():
        respond(json.dumps({"calculator": entry["id"], "inputs": {}}))
        for field in entry["fields"]:
            for bad in BAD_VALUES:
                respond(json.dumps({"calculator": entry["id"], "inputs": {field["name"]: bad}}))
        # The requests for a result to take away: a link, the exports, a comparison.
        cid = entry["id"]
        for extra in (
            {"format": "query", "inputs": {}},
            {"format": "decode", "query": "x=1&" + entry["fields"][0]["name"] + "=%5B"},
            {"format": "csv", "inputs": {}, "link": "https://example.org/?a=1"},
            {"format": "json", "inputs": {}, "link": "https://example.org/?a=1"},
            {"format": "compare", "scenarios": [{"name": "a", "query": ""}] * 2},
        ):
            respond(json.dumps({"calculator": cid, **extra}))
    for raw in BAD_REQUESTS:
        respond(raw)
    # Every language: its catalog (gettext), its numbers, its widget strings, a bad value.
    from calculators import ui_messages
    from calculators.core.locales import LOCALES

    for locale in LOCALES:
        ui_messages(locale)
        for entry in catalog(locale):
            respond(json.dumps({"calculator": entry["id"], "inputs": {}, "locale": locale}))
        first = catalog(locale)[0]
        typo = {first["fields"][0]["name"]: "x"}
        respond(json.dumps({"calculator": first["id"], "inputs": typo, "locale": locale}))


def used_members(library: str) -> list[str]:
    prefix = library + "/"
    used: set[str] = set()
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(prefix):
            member = origin[len(prefix) :]
            used.add(member)
            parts = member.split("/")[:-1]
            for depth in range(1, len(parts) + 1):
                used.add("/".join(parts[:depth]) + "/__init__.py")
    return sorted(used)


def strip(source: str) -> str:
    """Blank docstrings and comments, keeping every line where it was."""
    lines = source.splitlines(keepends=True)
    scopes = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, scopes) or not node.body:
            continue
        doc = node.body[0]
        if not (
            isinstance(doc, ast.Expr)
            and isinstance(doc.value, ast.Constant)
            and isinstance(doc.value.value, str)
            and doc.end_lineno is not None
            and doc.end_col_offset is not None
        ):
            continue
        first, last = doc.lineno - 1, doc.end_lineno - 1
        before, after = lines[first][: doc.col_offset], lines[last][doc.end_col_offset :]
        if before.strip() or after.strip():
            continue  # it shares a line with code: leave it as it is
        lines[first] = before + "''\n"
        for row in range(first + 1, last + 1):
            lines[row] = "\n"
    source = "".join(lines)
    comments = {
        token.start[0] - 1: token.start[1]
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }
    lines = source.splitlines(keepends=True)
    for row, col in comments.items():
        lines[row] = lines[row][:col].rstrip() + "\n"
    out = "".join(line if line.strip() else "\n" for line in lines)
    compile(out, "<stripped>", "exec")  # still valid Python, or the build stops here
    return out


# Written into the trimmed zip (zipimport ignores it): what Python has without the zip, for
# the test that checks every module the calculators import is there.
BUILT_IN_LIST = "built-in-modules.json"


def built_in_modules() -> str:
    import _imp

    frozen: list[str] = list(getattr(_imp, "_frozen_module_names", list)())
    return json.dumps({"builtin": sorted(sys.builtin_module_names), "frozen": sorted(frozen)})


def probe() -> str:
    exercise()
    library = next(path for path in sys.path if path.endswith(".zip"))
    with zipfile.ZipFile(library) as archive:
        files = {name: strip(archive.read(name).decode("utf-8")) for name in used_members(library)}
    files[BUILT_IN_LIST] = built_in_modules()
    return json.dumps({"files": files})
