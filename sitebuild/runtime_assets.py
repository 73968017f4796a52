"""Build step: put the browser runtime on the site itself (same origin, nothing from a CDN).

At config time it builds the calculators wheel (a standard hatchling build; see the README for
why not `pyodide build`); after the build it copies the wheel and Pyodide's five core files,
pinned by package-lock.json, into the site.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
# Everything Pyodide needs to start, and nothing more (no packages are loaded from its CDN).
PYODIDE_CORE = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
WHEEL_DIR = "assets/calculators"
# Pure-Python distributions some calculators import (declared in their REQUIRES).
EXTRA_WHEELS = ("tzdata",)
PYODIDE_DIR = "assets/pyodide"


class RuntimeAssetsError(RuntimeError):
    pass


def pyodide_version(package: Path = PYODIDE_PACKAGE) -> str:
    manifest = package / "package.json"
    if not manifest.is_file():
        raise RuntimeAssetsError(
            f"Pyodide is not installed ({manifest} is missing): run `npm ci` (or `make install`)."
        )
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def build_wheel(out_dir: Path, project: Path = ROOT) -> Path:
    """Build the pure-Python calculators wheel into `out_dir` and return its path."""
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out_dir),
         str(project)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeAssetsError(f"building the calculators wheel failed:\n{done.stderr[-2000:]}")
    wheels = sorted(out_dir.glob("calculators-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise RuntimeAssetsError(f"expected one calculators wheel in {out_dir}, found {wheels}")
    return wheels[0]


def wheel_from_installed(distribution: str, out_dir: Path) -> Path:
    """Pack an installed pure-Python distribution (e.g. tzdata) back into a wheel for the browser.

    Pyodide has no package index offline; the pinned copy in this environment is the source."""
    dist = importlib.metadata.distribution(distribution)
    name = dist.metadata["Name"].replace("-", "_")
    wheel = out_dir / f"{name}-{dist.version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(dist.files or (), key=str):
            source = Path(str(dist.locate_file(file)))
            if source.is_file() and "__pycache__" not in file.parts:
                archive.write(source, str(file))
    return wheel


def runtime_paths(wheel: Path, version: str) -> dict[str, Any]:
    """Site-relative URLs of the runtime; the wheel's carries a content hash for caching."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
    return {
        "wheel": f"{WHEEL_DIR}/{wheel.name}?v={digest}",
        "pyodide": f"{PYODIDE_DIR}/{version}/",
    }


def copy_runtime(
    site_dir: Path,
    wheel: Path,
    version: str,
    package: Path = PYODIDE_PACKAGE,
    extra_wheels: tuple[Path, ...] = (),
) -> None:
    target = site_dir / PYODIDE_DIR / version
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE:
        source = package / name
        if not source.is_file():
            raise RuntimeAssetsError(f"{source} is missing: run `npm ci`.")
        shutil.copy2(source, target / name)
    wheels = site_dir / WHEEL_DIR
    wheels.mkdir(parents=True, exist_ok=True)
    for each in (wheel, *extra_wheels):
        shutil.copy2(each, wheels / each.name)


_state: dict[str, Any] = {}


def on_config(config: Any) -> Any:
    from mkdocs.exceptions import PluginError

    try:
        version = pyodide_version()
        build_dir = Path(tempfile.mkdtemp(prefix="calculators-wheel-"))
        wheel = build_wheel(build_dir)
    except RuntimeAssetsError as exc:
        raise PluginError(str(exc)) from exc
    extras = {name: wheel_from_installed(name, build_dir) for name in EXTRA_WHEELS}
    _state.update(wheel=wheel, version=version, build_dir=build_dir, extras=extras)
    paths = runtime_paths(wheel, version)
    paths["extra_wheels"] = {name: f"{WHEEL_DIR}/{w.name}" for name, w in extras.items()}
    config["extra"]["calculator_runtime"] = paths
    return config


def on_post_build(config: Any) -> None:
    from mkdocs.exceptions import PluginError

    try:
        copy_runtime(
            Path(config["site_dir"]),
            _state["wheel"],
            _state["version"],
            extra_wheels=tuple(_state["extras"].values()),
        )
    except RuntimeAssetsError as exc:
        raise PluginError(str(exc)) from exc


def on_shutdown() -> None:
    build_dir = _state.pop("build_dir", None)
    if build_dir is not None:
        shutil.rmtree(build_dir, ignore_errors=True)
