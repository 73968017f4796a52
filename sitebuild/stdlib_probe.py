"""Run inside Pyodide by `trace_stdlib.mjs`: which library files the site imports, stripped.

It exercises every calculator through the browser's entry point (defaults, each field set to
a bad value, links, exports and comparisons, malformed requests, every language), then
returns, as JSON, every module loaded from the standard-library zip (with the `__init__.py` of
each package on the way), its docstrings and comments blanked out. Blanking keeps every line
where it was, so tracebacks still point at the right line; dropping docstrings is what
`python -OO` does. The sources are parsed by the Pyodide's own Python, so syntax newer than
the build machine's is never misread. The modules that Python's start had imported are also
returned compiled (by the same Python, so the .pyc matches it), for stdlib.py to choose from.
"""

from __future__ import annotations

import ast
import base64
import io
import json
import sys
import tokenize
import zipfile
from types import CodeType

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


def started_members(library: str, started: list[str]) -> list[str]:
    """The library files of the modules that Python's start had imported before any of the
    site's code ran (`started`, the names in sys.modules then)."""
    prefix = library + "/"
    found = set()
    for name in started:
        origin = getattr(getattr(sys.modules.get(name), "__spec__", None), "origin", None) or ""
        if origin.startswith(prefix):
            found.add(origin[len(prefix) :])
    return sorted(found)


def without_locations(code: CodeType) -> CodeType:
    """The code with no line or column table, nor any of its nested code's: about a sixth of a
    compiled module. A traceback through it shows no line numbers."""
    consts = tuple(without_locations(c) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)


def compiled(path: str, source: str) -> bytes:
    """`source` compiled by this Python into a .pyc that it imports as is: hash-based and not
    checked (no source goes beside it), without line tables."""
    import _imp
    from importlib import _bootstrap_external as bootstrap

    data = source.encode("utf-8")
    code = compile(data, path, "exec", dont_inherit=True)
    source_hash = _imp.source_hash(int.from_bytes(bootstrap.MAGIC_NUMBER, "little"), data)
    # A private helper, but the one py_compile uses; typeshed does not list it.
    to_pyc = bootstrap._code_to_hash_pyc  # type: ignore[attr-defined]
    pyc: bytes = to_pyc(without_locations(code), source_hash, False)
    return pyc


def probe(started: str = "") -> str:
    """`started`: the modules imported when Python's start was over, one name per line."""
    exercise()
    library = next(path for path in sys.path if path.endswith(".zip"))
    with zipfile.ZipFile(library) as archive:
        files = {name: strip(archive.read(name).decode("utf-8")) for name in used_members(library)}
    at_start = [m for m in started_members(library, started.splitlines()) if m in files]
    pycs = {m: base64.b64encode(compiled(f"{library}/{m}", files[m])).decode() for m in at_start}
    files[BUILT_IN_LIST] = built_in_modules()
    return json.dumps({"files": files, "compiled": pycs})
