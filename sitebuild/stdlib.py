"""Only the Python the site needs: a standard library and a lock file trimmed for the browser.

Pyodide ships its whole standard library (2.5 MB, already deflated, so a compressing host
gains nothing). The site uses a small part of it. Which part is found by running the site's
own code in Pyodide and recording what it imports (`trace_stdlib.mjs` + `stdlib_probe.py`),
never by a hand-kept list; the result is a zip of stored members, served gzip-compressed whole
(packed.py) and passed to `loadPyodide` as `stdLibURL`. The trace takes a few seconds, so it
is cached by the hash of its inputs.

Python's own start imports some 130 of those modules before any of the site's code runs, and
compiling their source is most of the start: in Pyodide under Node it takes 1.6 s from source
and 0.6 s with all of them compiled ahead. So the trace also compiles them (in Pyodide, for
Pyodide's Python), without line tables, and they go into the zip as `.pyc` files. Compiled, a
module weighs about twice its source, and every byte here is downloaded before a calculator
goes live: they go compiled, the most compiling saved per added byte first, while the library
as served stays within LIBRARY_BUDGET; the rest stay source. In Chromium, on the savings page:
the first live result came after 2.9 s with all source and 2.2-2.3 s as built (58 compiled);
side by side, the page was ready after 2.4 s as built and 1.75 s with all 128 compiled, which
would take the bytes until live over their 4.8 MB target.

The lock file lists Pyodide's 350 optional packages; the site installs none of them through
`loadPackage`, so its trimmed copy keeps only the header Pyodide checks.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
TRACER = HERE / "trace_stdlib.mjs"
STARTER = HERE / "node_pyodide.mjs"  # shared by both build scripts
PROBE = HERE / "stdlib_probe.py"
TRACE_TIMEOUT_S = 300
# A fixed date makes the zip depend on its contents only.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# What the library may weigh as served, once modules are compiled ahead (about 500 KB all
# source, 800 KB with every start-up module compiled), estimated by deflating each member on
# its own (the served gzip of the whole zip comes out some 5% smaller). Measured in `make
# bench`: bytes until live (<= 4.8 MB) against the cold start.
LIBRARY_BUDGET = 700_000
ZIP_ENTRY = 30 + 46  # a zip member's headers, without its name


class StdlibError(RuntimeError):
    pass


def trace_key(pyodide_dir: Path, wheels: list[Path]) -> str:
    """What the zip depends on: Pyodide's library and start-up, the wheels, the tracer, and
    this module (the budget and the choice of what goes compiled)."""
    digest = hashlib.sha256()
    for path in (pyodide_dir / "python_stdlib.zip", pyodide_dir / "package.json", TRACER, STARTER,
                 PROBE, Path(__file__), *wheels):  # fmt: skip
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class Traced(NamedTuple):
    files: dict[str, str]  # zip member -> stripped source
    compiled: dict[str, bytes]  # zip member -> .pyc, for the modules Python's start imports


def trace(pyodide_dir: Path, wheels: list[Path]) -> Traced:
    """Every library file the site's code imports, and the start-up ones compiled."""
    node = shutil.which("node")
    if node is None:
        raise StdlibError("`node` is not on PATH: the build traces imports in Pyodide under Node.")
    done = subprocess.run(
        [node, str(TRACER), str(pyodide_dir), *map(str, wheels)],
        capture_output=True, text=True, encoding="utf-8", timeout=TRACE_TIMEOUT_S, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise StdlibError(f"tracing the standard library failed:\n{done.stderr[-3000:]}")
    found = json.loads(done.stdout)
    files: dict[str, str] = found["files"]
    if "encodings/__init__.py" not in files or "json/__init__.py" not in files:
        raise StdlibError(f"the trace found too little to start Python: {sorted(files)}")
    compiled = {name: base64.b64decode(pyc) for name, pyc in found["compiled"].items()}
    if "encodings/__init__.py" not in compiled:
        raise StdlibError(f"the trace found no start-up modules to compile: {sorted(compiled)}")
    return Traced(files, compiled)


def _deflated(data: bytes) -> int:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return len(compressor.compress(data) + compressor.flush())


def _member_weight(name: str, data: bytes) -> int:
    """A member's share of the served library: its bytes deflated on their own, its headers and
    its name twice (local and central). The site's library as served (the gzip of the whole zip)
    comes out some 5% smaller."""
    return _deflated(data) + ZIP_ENTRY + 2 * len(name)


def estimated_size(traced: Traced, ahead: set[str] | frozenset[str] = frozenset()) -> int:
    """What the library weighs as served with the members `ahead` compiled, as estimated."""
    return sum(
        _member_weight(name + "c", traced.compiled[name])
        if name in ahead
        else _member_weight(name, text.encode("utf-8"))
        for name, text in traced.files.items()
    )


def ahead_of_time(traced: Traced, budget: int = LIBRARY_BUDGET) -> set[str]:
    """The members that go compiled: the most source (compiling work) per added byte first,
    while the served library stays within `budget`."""
    source = {name: text.encode("utf-8") for name, text in traced.files.items()}
    weight = {name: _member_weight(name, data) for name, data in source.items()}
    size = sum(weight.values())
    added = {n: _member_weight(n + "c", pyc) - weight[n] for n, pyc in traced.compiled.items()}
    chosen: set[str] = set()
    for name in sorted(added, key=lambda n: (-len(source[n]) / max(added[n], 1), n)):
        if size + added[name] <= budget:
            chosen.add(name)
            size += added[name]
    return chosen


def write_zip(traced: Traced, out: Path, budget: int = LIBRARY_BUDGET) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    ahead = ahead_of_time(traced, budget)
    entries = {name: text.encode("utf-8") for name, text in traced.files.items()}
    for name in ahead:  # zipimport finds "x.pyc" before "x.py": no source beside it
        del entries[name]
        entries[name + "c"] = traced.compiled[name]
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            archive.writestr(info, entries[name], zipfile.ZIP_STORED)
    return out


def trimmed_stdlib(pyodide_dir: Path, wheels: list[Path], cache_dir: Path) -> Path:
    """The trimmed library zip, from the cache when nothing it depends on has changed."""
    cached = cache_dir / f"stdlib-{trace_key(pyodide_dir, wheels)}.zip"
    if not cached.is_file():
        partial = cached.with_suffix(".partial")
        write_zip(trace(pyodide_dir, wheels), partial)
        partial.replace(cached)
        for old in cache_dir.glob("stdlib-*.zip"):  # keep only the current one
            if old != cached:
                old.unlink()
    return cached


def members(library: Path) -> set[str]:
    with zipfile.ZipFile(library) as archive:
        return set(archive.namelist())


def trimmed_lock(source: Path) -> str:
    """Pyodide's lock file without its package list (the site loads no Pyodide packages)."""
    lock = json.loads(source.read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, separators=(",", ":"))


def content_name(path: Path, stem: str) -> str:
    """`stem-<hash>.zip`: a new file name whenever the content changes (safe to cache)."""
    return f"{stem}-{hashlib.sha256(path.read_bytes()).hexdigest()[:12]}{path.suffix}"
