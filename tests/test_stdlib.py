"""The trimmed standard library: traced, complete for every calculator, small, deterministic."""

from __future__ import annotations

import ast
import gzip
import json
import zipfile
from pathlib import Path

from sitebuild import runtime_assets, stdlib
from sitebuild.stdlib_probe import BUILT_IN_LIST

ROOT = Path(__file__).resolve().parent.parent
FULL_LIBRARY = runtime_assets.PYODIDE_PACKAGE / "python_stdlib.zip"


def served_library(site: Path) -> Path:
    found = sorted(site.glob("assets/pyodide/*/stdlib-*.zip.gz"))
    assert len(found) == 1, found
    return found[0]


def trimmed_library(site: Path, folder: Path) -> Path:
    """The library the site serves, unpacked into `folder` as the browser's worker unpacks it."""
    served = served_library(site)
    library = folder / served.name.removesuffix(".gz")
    library.write_bytes(gzip.decompress(served.read_bytes()))
    return library


def imported_modules(package: Path, skip: tuple[str, ...] = ()) -> set[str]:
    """Every absolute module name imported anywhere in a package, at any depth of the code."""
    names: set[str] = set()
    for source in package.rglob("*.py"):
        if source.name in skip:  # the command line never runs in the browser
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def library_file(name: str, members: set[str]) -> str | None:
    """The zip member that holds module `name`, if the library has it (as source: a module
    compiled ahead is a member of the same name plus "c")."""
    path = name.replace(".", "/")
    for candidate in (f"{path}.py", f"{path}/__init__.py"):
        if candidate in members or candidate + "c" in members:
            return candidate
    return None


def test_every_library_module_a_calculator_imports_is_in_the_trimmed_library(
    built_site: Path, tmp_path: Path
) -> None:
    """Fails the build's tests when a calculator starts importing a module the trace missed."""
    full = stdlib.members(FULL_LIBRARY)
    library = trimmed_library(built_site, tmp_path)
    trimmed = stdlib.members(library)
    with zipfile.ZipFile(library) as archive:
        built_in = json.loads(archive.read(BUILT_IN_LIST))
    without_zip = set(built_in["builtin"]) | set(built_in["frozen"])
    assert "sys" in without_zip and "importlib.util" in without_zip
    needed = {
        name: member
        for name in imported_modules(ROOT / "calculators", skip=("__main__.py",))
        if name not in without_zip and (member := library_file(name, full)) is not None
    }
    assert needed, "the calculators import nothing from the library zip?"
    missing = {
        name: member for name, member in needed.items() if library_file(name, trimmed) is None
    }
    assert missing == {}


def test_the_trimmed_library_is_a_small_part_of_the_full_one(
    built_site: Path, tmp_path: Path
) -> None:
    served = served_library(built_site)
    assert served.stat().st_size < FULL_LIBRARY.stat().st_size / 3
    assert served.stat().st_size <= stdlib.LIBRARY_BUDGET
    library = trimmed_library(built_site, tmp_path)
    with zipfile.ZipFile(library) as archive:
        names = set(archive.namelist())
        sources = {n.removesuffix("c") for n in names}
        assert {"encodings/__init__.py", "json/__init__.py", "_pyodide/_base.py"} <= sources
        assert "tkinter/__init__.py" not in sources and "unittest/__init__.py" not in sources
        assert not any(n + "c" in names for n in names), "a module both compiled and source"
        # Some of what Python's start imports goes compiled: hash-based, never checked (no source).
        compiled = {n for n in names if n.endswith(".pyc")}
        assert len(compiled) >= 20, compiled
        assert all(archive.read(n)[4:8] == b"\x01\x00\x00\x00" for n in compiled)
        # Stored: the served file is compressed whole, and Python reads a member as it is.
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())
        assert all(info.date_time == stdlib.ZIP_DATE for info in archive.infolist())


def test_the_trimmed_lock_lists_no_packages(built_site: Path) -> None:
    lock_file = served_library(built_site).parent / "pyodide-lock.json"
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    assert lock["packages"] == {} and lock["info"]["python"].startswith("3.14")


SOURCE = '''"""Module docstring."""
import os  # a comment
# a whole-line comment


def f(x):
    """A docstring
    over two lines."""
    return x  # trailing


class C:
    """Class doc."""

    def g(self): "same-line docstring stays"; return 1


def h():
    """Only a docstring."""
'''


def test_stripping_blanks_docstrings_and_comments_and_keeps_line_numbers() -> None:
    from sitebuild.stdlib_probe import strip

    out = strip(SOURCE)
    assert out.count("\\n") == SOURCE.count("\\n")
    assert "docstring" not in out.replace("same-line docstring stays", "")
    assert "comment" not in out and "trailing" not in out
    assert "same-line docstring stays" in out
    namespace: dict[str, object] = {}
    exec(compile(out, "<stripped>", "exec"), namespace)
    assert namespace["f"](3) == 3  # type: ignore[operator]
    at = [i for i, line in enumerate(SOURCE.splitlines()) if "return x" in line]
    assert [i for i, line in enumerate(out.splitlines()) if "return x" in line] == at


def _traced(sizes: dict[str, tuple[int, int]]) -> stdlib.Traced:
    """A trace whose members have source and .pyc of about the given sizes (incompressible
    bytes, so that deflating them keeps their size)."""
    import random

    noise = random.Random(0)
    files = {
        n: "".join(noise.choice("abcdefghij") for _ in range(src)) for n, (src, _) in sizes.items()
    }
    compiled = {n: noise.randbytes(pyc) for n, (_, pyc) in sizes.items() if pyc}
    return stdlib.Traced(files, compiled)


def test_modules_go_compiled_most_source_per_added_byte_first_within_the_budget(
    tmp_path: Path,
) -> None:
    traced = _traced({"a.py": (4000, 9000), "b.py": (4000, 5000), "c.py": (4000, 20000),
                      "d.py": (4000, 0)})  # fmt: skip
    all_source = stdlib.estimated_size(traced)
    assert stdlib.ahead_of_time(traced, all_source) == set()
    # Room for b's added bytes only: b goes compiled (4000 source for ~1000 more bytes).
    small = all_source + 3000
    assert stdlib.ahead_of_time(traced, small) == {"b.py"}
    assert stdlib.estimated_size(traced, {"b.py"}) <= small
    written = stdlib.write_zip(traced, tmp_path / "small.zip", budget=small)
    with zipfile.ZipFile(written) as archive:
        assert sorted(archive.namelist()) == ["a.py", "b.pyc", "c.py", "d.py"]
        assert archive.read("b.pyc") == traced.compiled["b.py"]
    # Room for everything: every module that has a .pyc goes compiled; d has none.
    assert stdlib.ahead_of_time(traced, 10**9) == {"a.py", "b.py", "c.py"}
