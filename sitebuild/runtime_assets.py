"""Build step: put the browser runtime on the site itself (same origin, nothing from a CDN).

At config time it checks Pyodide's files against package-lock.json, compiles the calculators'
catalogs, builds the calculators wheel (a standard hatchling build; see the README for why
not `pyodide build`) and the trimmed standard library; after the build it copies them into the
site. Everything built is cached under `.cache/sitebuild/` by the hash of its sources, so
`mkdocs serve` rebuilds the wheel only when its sources change and never leaves temporary
folders behind.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitebuild import catalog_wheels, catalogs, integrity, packed, snapshot, stdlib

ROOT = Path(__file__).resolve().parents[1]
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
# SITEBUILD_CACHE moves it (the benchmark times a build with an empty cache, as CI has).
CACHE = Path(os.environ.get("SITEBUILD_CACHE") or ROOT / ".cache" / "sitebuild")
# What Pyodide needs to start. The library and the lock are served trimmed (see stdlib.py).
PYODIDE_CORE = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PYODIDE_SERVED_AS_IS = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
WHEEL_DIR = "assets/calculators"
PYODIDE_DIR = "assets/pyodide"
# The wheel's contents: a change to any of these builds a new wheel.
WHEEL_SOURCES = ("calculators", "pyproject.toml", "README.md")


class RuntimeAssetsError(RuntimeError):
    pass


def extra_wheel_names() -> list[str]:
    """Pure-Python distributions some calculators import: each calculator's extra in the
    package metadata (pyproject.toml's optional-dependencies, one extra per calculator id)."""
    import calculators

    return sorted(
        {n for cid in calculators.calculator_ids() for n in calculators.requirements(cid)}
    )


def pyodide_version(package: Path = PYODIDE_PACKAGE) -> str:
    manifest = package / "package.json"
    if not manifest.is_file():
        raise RuntimeAssetsError(
            f"Pyodide is not installed ({manifest} is missing): run `npm ci` (or `make install`)."
        )
    return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])


def sources_digest(project: Path = ROOT, sources: tuple[str, ...] = WHEEL_SOURCES) -> str:
    digest = hashlib.sha256()
    for name in sources:
        top = project / name
        files = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(project)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


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


def cached_wheel(cache: Path = CACHE, project: Path = ROOT) -> Path:
    """The calculators wheel, built once per change of its sources."""
    folder = cache / f"wheel-{sources_digest(project)}"
    found = sorted(folder.glob("calculators-*-py3-none-any.whl"))
    if len(found) == 1:
        return found[0]
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    wheel = build_wheel(partial, project)
    shutil.rmtree(folder, ignore_errors=True)
    partial.replace(folder)
    for old in cache.glob("wheel-*"):  # keep only the current one
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder / wheel.name


def wheel_from_installed(distribution: str, out_dir: Path) -> Path:
    """Pack an installed pure-Python distribution (e.g. tzdata) back into a wheel for the browser.

    Pyodide has no package index offline; the pinned copy in this environment is the source.
    Its members are stored: the site serves it gzip-compressed whole (see packed.py)."""
    dist = importlib.metadata.distribution(distribution)
    name = dist.metadata["Name"].replace("-", "_")
    out_dir.mkdir(parents=True, exist_ok=True)
    wheel = out_dir / f"{name}-{dist.version}-py3-none-any.whl"
    if wheel.is_file():
        return wheel
    partial = wheel.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED) as archive:
        for file in sorted(dist.files or (), key=str):
            source = Path(str(dist.locate_file(file)))
            if source.is_file() and "__pycache__" not in file.parts:
                info = zipfile.ZipInfo(str(file), stdlib.ZIP_DATE)
                archive.writestr(info, source.read_bytes(), zipfile.ZIP_STORED)
    partial.replace(wheel)
    return wheel


@dataclass
class Runtime:
    """Everything the site serves to run the calculators, and where it goes."""

    version: str
    wheel: Path  # the code, without the compiled catalogs
    stdlib: Path
    extras: dict[str, Path] = field(default_factory=dict)
    package: Path = PYODIDE_PACKAGE
    # Each translated language's catalog wheel: a page loads only its own language's.
    catalogs: dict[str, Path] = field(default_factory=dict)
    snapshot: Path | None = None  # Python already started, for return visits (snapshot.py)
    # Where the served copies of the archives are kept: each gzip-compressed (packed.py).
    served_dir: Path = CACHE / "served"
    # archive -> its served copy: every page's paths ask, and the archives do not change.
    _served: dict[Path, Path] = field(default_factory=dict, repr=False, compare=False)

    @property
    def stdlib_name(self) -> str:
        return stdlib.content_name(self.stdlib, "stdlib")

    def served(self, archive: Path) -> Path:
        """The archive (the library or a wheel) as the site serves it."""
        if archive not in self._served:
            self._served[archive] = packed.packed(archive, self.served_dir)
        return self._served[archive]

    def served_size(self, archive: Path) -> int:
        return self.served(archive).stat().st_size

    def paths(self, language: str = "en") -> dict[str, Any]:
        """Site-relative URLs for a page in `language`; those whose content changes carry a
        content hash. "catalog" is the language's catalog wheel ("" for English)."""
        folder = f"{PYODIDE_DIR}/{self.version}/"
        catalog = self.catalogs.get(language)
        return {
            "wheel": _versioned(self.wheel),
            "catalog": _versioned(catalog) if catalog else "",
            "pyodide": folder,
            "stdlib": folder + self.stdlib_name + packed.SUFFIX,
            "extra_wheels": {
                name: f"{WHEEL_DIR}/{packed.served_name(w)}" for name, w in self.extras.items()
            },
            "snapshot": folder + self.snapshot.name if self.snapshot else "",
            # What the worker downloads and counts, for progress in bytes (files as served,
            # with no further compression by the host; its two modules are imported, not
            # counted).
            "sizes": {
                "core": (self.package / "pyodide.asm.wasm").stat().st_size
                + self.served_size(self.stdlib)
                + len(stdlib.trimmed_lock(self.package / "pyodide-lock.json")),
                "wheel": self.served_size(self.wheel),
                "catalog": self.served_size(catalog) if catalog else 0,
                "extra_wheels": {name: self.served_size(w) for name, w in self.extras.items()},
            },
        }

    def urls(self, language: str = "en") -> list[str]:
        """Every runtime file as the worker requests it on a page in `language` (for the
        service worker), what a calculator needs to go live first and the snapshot, used only
        from the cache, last."""
        paths = self.paths(language)
        folder = paths["pyodide"]
        return [
            *(folder + name for name in (*PYODIDE_SERVED_AS_IS, "pyodide-lock.json")),
            paths["stdlib"],
            paths["wheel"],
            *([paths["catalog"]] if paths["catalog"] else []),
            *paths["extra_wheels"].values(),
            *([paths["snapshot"]] if paths["snapshot"] else []),
        ]


def _versioned(wheel: Path) -> str:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
    return f"{WHEEL_DIR}/{packed.served_name(wheel)}?v={digest}"


def prepare(package: Path = PYODIDE_PACKAGE, cache: Path = CACHE) -> Runtime:
    version = pyodide_version(package)
    try:
        integrity.verify_package(ROOT / "package-lock.json", package, "pyodide", PYODIDE_CORE)
    except integrity.IntegrityError as exc:
        raise RuntimeAssetsError(str(exc)) from exc
    catalogs.compile_all()  # the wheel ships the compiled catalogs (.mo files)
    whole = cached_wheel(cache)
    try:  # the browser's code wheel and one catalog wheel per language, beside the whole one
        split_dir = whole.parent / f"split-{catalog_wheels.split_key()}"
        wheel, by_language = catalog_wheels.split(whole, split_dir)
    except ValueError as exc:
        raise RuntimeAssetsError(str(exc)) from exc
    extras = {
        name: wheel_from_installed(name, cache / "extra-wheels-stored")
        for name in extra_wheel_names()
    }
    served = [wheel, *by_language.values(), *extras.values()]
    try:
        library = stdlib.trimmed_stdlib(package, served, cache / "stdlib")
    except stdlib.StdlibError as exc:
        raise RuntimeAssetsError(str(exc)) from exc
    try:
        wheels = [wheel, *extras.values()]
        started = snapshot.cached_snapshot(package, library, wheels, cache / "snapshot")
    except snapshot.SnapshotError as exc:
        raise RuntimeAssetsError(str(exc)) from exc
    served_dir = cache / "served"
    return Runtime(version, wheel, library, extras, package, by_language, started, served_dir)


def copy_runtime(site_dir: Path, runtime: Runtime) -> None:
    target = site_dir / PYODIDE_DIR / runtime.version
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE:
        if not (runtime.package / name).is_file():
            raise RuntimeAssetsError(f"{runtime.package / name} is missing: run `npm ci`.")
    for name in PYODIDE_SERVED_AS_IS:
        shutil.copy2(runtime.package / name, target / name)
    lock = stdlib.trimmed_lock(runtime.package / "pyodide-lock.json")
    (target / "pyodide-lock.json").write_text(lock, encoding="utf-8")
    shutil.copy2(runtime.served(runtime.stdlib), target / (runtime.stdlib_name + packed.SUFFIX))
    if runtime.snapshot:
        shutil.copy2(runtime.snapshot, target / runtime.snapshot.name)
    wheels = site_dir / WHEEL_DIR
    wheels.mkdir(parents=True, exist_ok=True)
    for each in (runtime.wheel, *runtime.catalogs.values(), *runtime.extras.values()):
        shutil.copy2(runtime.served(each), wheels / packed.served_name(each))
