"""Only the Python the site needs: a standard library and a lock file trimmed for the browser.

Pyodide ships its whole standard library (2.5 MB, already deflated, so a compressing host
gains nothing). The site uses a small part of it. Which part is found by running the site's
own code in Pyodide and recording what it imports (`trace_stdlib.mjs` + `stdlib_probe.py`),
never by a hand-kept list; the result is packed deflated and passed to `loadPyodide` as
`stdLibURL`. The trace takes a few seconds, so it is cached by the hash of its inputs.

The lock file lists Pyodide's 350 optional packages; the site installs none of them through
`loadPackage`, so its trimmed copy keeps only the header Pyodide checks.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRACER = HERE / "trace_stdlib.mjs"
STARTER = HERE / "node_pyodide.mjs"  # shared by both build scripts
PROBE = HERE / "stdlib_probe.py"
TRACE_TIMEOUT_S = 300
# A fixed date makes the zip depend on its contents only.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class StdlibError(RuntimeError):
    pass


def trace_key(pyodide_dir: Path, wheels: list[Path]) -> str:
    """What the trace depends on: Pyodide's library and start-up, the wheels, the tracer."""
    digest = hashlib.sha256()
    for path in (pyodide_dir / "python_stdlib.zip", pyodide_dir / "package.json", TRACER, STARTER,
                 PROBE, *wheels):  # fmt: skip
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def trace(pyodide_dir: Path, wheels: list[Path]) -> dict[str, str]:
    """{zip member: stripped source} for every library file the site's code imports."""
    node = shutil.which("node")
    if node is None:
        raise StdlibError("`node` is not on PATH: the build traces imports in Pyodide under Node.")
    done = subprocess.run(
        [node, str(TRACER), str(pyodide_dir), *map(str, wheels)],
        capture_output=True, text=True, encoding="utf-8", timeout=TRACE_TIMEOUT_S, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise StdlibError(f"tracing the standard library failed:\n{done.stderr[-3000:]}")
    files: dict[str, str] = json.loads(done.stdout)["files"]
    if "encodings/__init__.py" not in files or "json/__init__.py" not in files:
        raise StdlibError(f"the trace found too little to start Python: {sorted(files)}")
    return files


def write_zip(files: dict[str, str], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            archive.writestr(info, files[name], zipfile.ZIP_DEFLATED, compresslevel=9)
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
