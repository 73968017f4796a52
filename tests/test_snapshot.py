"""Python's start-up snapshot: made once per change of what it depends on, restorable, served."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import runtime_assets, snapshot

SNAPSHOT_MAGIC = 0x706E7300  # the first word of a Pyodide snapshot (API.makeSnapshot)


def fake_inputs(tmp_path: Path) -> tuple[Path, Path, Path]:
    package = tmp_path / "pyodide"
    package.mkdir()
    for name in ("pyodide.asm.wasm", "pyodide.asm.mjs", "package.json"):
        (package / name).write_text(name, encoding="utf-8")
    library = tmp_path / "stdlib.zip"
    library.write_bytes(b"library")
    wheel = tmp_path / "calculators-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"wheel one")
    return package, library, wheel


def test_made_once_per_change_of_its_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package, library, wheel = fake_inputs(tmp_path)
    made: list[Path] = []

    def make(pyodide_dir: Path, lib: Path, wheels: list[Path], out: Path) -> Path:
        made.append(out)
        out.write_bytes(b"snapshot of " + b" ".join(w.read_bytes() for w in wheels))
        return out

    monkeypatch.setattr(snapshot, "make", make)
    cache = tmp_path / "cache"
    first = snapshot.cached_snapshot(package, library, [wheel], cache)
    assert snapshot.cached_snapshot(package, library, [wheel], cache) == first
    assert len(made) == 1
    wheel.write_bytes(b"wheel two")
    second = snapshot.cached_snapshot(package, library, [wheel], cache)
    assert second != first and len(made) == 2
    assert second.read_bytes() == b"snapshot of wheel two"
    assert sorted(p.name for p in cache.iterdir()) == [second.name]  # the old one is gone


def test_a_failed_snapshot_is_a_clear_error(tmp_path: Path) -> None:
    package, library, wheel = fake_inputs(tmp_path)
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    with pytest.raises(snapshot.SnapshotError, match="snapshot failed"):
        snapshot.make(package, library, [wheel], tmp_path / "out.gz")


def test_the_runtime_serves_it_last(tmp_path: Path) -> None:
    _, library, wheel = fake_inputs(tmp_path)
    started = tmp_path / "snapshot-0123456789ab.gz"
    started.write_bytes(b"snapshot")
    package = runtime_assets.PYODIDE_PACKAGE
    runtime = runtime_assets.Runtime("9.9.9", wheel, library, {}, package, snapshot=started)
    assert runtime.paths()["snapshot"] == "assets/pyodide/9.9.9/snapshot-0123456789ab.gz"
    assert runtime.urls()[-1] == runtime.paths()["snapshot"]
    without = runtime_assets.Runtime("9.9.9", wheel, library, {}, package)
    assert without.paths()["snapshot"] == "" and not [u for u in without.urls() if "snap" in u]


def test_the_built_snapshot_is_pyodides_and_on_every_calculator_page(built_site: Path) -> None:
    (served,) = sorted(built_site.glob("assets/pyodide/*/snapshot-*.gz"))
    with gzip.open(served) as unpacked:
        header = unpacked.read(4)
    assert int.from_bytes(header, "little") == SNAPSHOT_MAGIC
    page = (built_site / "calculators/savings/index.html").read_text(encoding="utf-8")
    assert f'data-snapshot="../../assets/pyodide/{served.parent.name}/{served.name}"' in page
    worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert f"assets/pyodide/{served.parent.name}/{served.name}" in worker


def test_node_makes_a_snapshot_that_restores(tmp_path: Path, built_site: Path) -> None:
    """The snapshot the build serves restores in Pyodide and answers like a fresh start."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    (served,) = sorted(built_site.glob("assets/pyodide/*/snapshot-*.gz"))
    (library,) = sorted(built_site.glob("assets/pyodide/*/stdlib-*.zip.gz"))
    (wheel,) = sorted(built_site.glob("assets/calculators/calculators-*.whl.gz"))
    script = tmp_path / "restore.mjs"
    script.write_text(RESTORE, encoding="utf-8")
    package = runtime_assets.PYODIDE_PACKAGE
    done = subprocess.run(
        [node, str(script), str(package), str(library), str(served), str(wheel)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


RESTORE = """
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
const [dir, library, saved, wheel] = process.argv.slice(2);
const indexURL = path.resolve(dir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const quiet = () => {};
// The library and the wheel are served gzip-compressed whole: unpacked as the worker does.
const unpackedLibrary = path.join(path.dirname(process.argv[1]), "library.zip"); // tmp_path
await writeFile(unpackedLibrary, gunzipSync(await readFile(library)));
const options = { indexURL, stdLibURL: unpackedLibrary, stdout: quiet, stderr: quiet };
const fresh = await loadPyodide(options);
const snapshot = gunzipSync(await readFile(saved));
const restored = await loadPyodide({ ...options, _loadSnapshot: snapshot });
const request = JSON.stringify({ calculator: "savings", inputs: { headcount: "40" } });
const answers = [];
for (const py of [fresh, restored]) {
  const site = py.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  const unpacked = gunzipSync(await readFile(wheel));
  const bytes = new Uint8Array(unpacked.buffer, unpacked.byteOffset, unpacked.byteLength);
  py.unpackArchive(bytes, "wheel", { extractDir: site });
  answers.push(py.pyimport("calculators.browser").respond(request));
}
const [a, b] = answers.map((text) => JSON.parse(text));
process.stdout.write(a.ok && JSON.stringify(a) === JSON.stringify(b) ? "ok\\n" : "differ\\n");
"""
