"""Python already started: a Pyodide memory snapshot made at build time, for return visits.

Most of a calculator's wait, once the files are there, is CPython starting and importing
Pyodide's and the calculators' modules. A memory snapshot taken after that start
(`make_snapshot.mjs`: Pyodide under Node with the site's trimmed library and wheels, every
calculator run once) lets the browser restore the same state instead. It weighs more than all
the other runtime files together (about 6.5 MB gzip), so the page never waits for it: the
service worker keeps it once a calculator has gone live, and the worker uses it only from that
cache. Making one takes seconds, so it is cached by the hash of what it depends on.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAKER = HERE / "make_snapshot.mjs"
STARTER = HERE / "node_pyodide.mjs"  # shared by both build scripts
SNAPSHOT_TIMEOUT_S = 300


class SnapshotError(RuntimeError):
    pass


def snapshot_key(pyodide_dir: Path, library: Path, wheels: list[Path]) -> str:
    """What the snapshot depends on: Pyodide's build, the library, the wheels, the maker."""
    digest = hashlib.sha256()
    inputs = (pyodide_dir / "pyodide.asm.wasm", pyodide_dir / "pyodide.asm.mjs",
              pyodide_dir / "package.json", MAKER, STARTER, library, *wheels)  # fmt: skip
    for path in inputs:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def make(pyodide_dir: Path, library: Path, wheels: list[Path], out: Path) -> Path:
    node = shutil.which("node")
    if node is None:
        raise SnapshotError("`node` is not on PATH: the build makes Pyodide's snapshot in Node.")
    done = subprocess.run(
        [node, str(MAKER), str(pyodide_dir), str(library), str(out), *map(str, wheels)],
        capture_output=True, text=True, encoding="utf-8", timeout=SNAPSHOT_TIMEOUT_S,
        check=False,
    )  # fmt: skip
    if done.returncode != 0 or not out.is_file():
        raise SnapshotError(f"making Pyodide's memory snapshot failed:\n{done.stderr[-3000:]}")
    return out


def cached_snapshot(pyodide_dir: Path, library: Path, wheels: list[Path], cache_dir: Path) -> Path:
    """The gzip-compressed snapshot, `snapshot-<hash>.gz`: its name changes with its content."""
    cached = cache_dir / f"snapshot-{snapshot_key(pyodide_dir, library, wheels)}.gz"
    if not cached.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = make(pyodide_dir, library, wheels, cached.with_suffix(".partial"))
        partial.replace(cached)
        for old in cache_dir.glob("snapshot-*.gz"):  # keep only the current one
            if old != cached:
                old.unlink()
    return cached
