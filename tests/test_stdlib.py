"""The trimmed standard library: traced, complete for every calculator, small, deterministic."""

from __future__ import annotations

import ast
import json
import zipfile
from pathlib import Path

from sitebuild import runtime_assets, stdlib
from sitebuild.stdlib_probe import BUILT_IN_LIST

ROOT = Path(__file__).resolve().parent.parent
FULL_LIBRARY = runtime_assets.PYODIDE_PACKAGE / "python_stdlib.zip"


def trimmed_library(site: Path) -> Path:
    found = sorted(site.glob("assets/pyodide/*/stdlib-*.zip"))
    assert len(found) == 1, found
    return found[0]


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
    """The zip member that holds module `name`, if the library has it."""
    path = name.replace(".", "/")
    for candidate in (f"{path}.py", f"{path}/__init__.py"):
        if candidate in members:
            return candidate
    return None


def test_every_library_module_a_calculator_imports_is_in_the_trimmed_library(
    built_site: Path,
) -> None:
    """Fails the build's tests when a calculator starts importing a module the trace missed."""
    full = stdlib.members(FULL_LIBRARY)
    library = trimmed_library(built_site)
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
    missing = {name: member for name, member in needed.items() if member not in trimmed}
    assert missing == {}


def test_the_trimmed_library_is_a_small_part_of_the_full_one(built_site: Path) -> None:
    library = trimmed_library(built_site)
    assert library.stat().st_size < FULL_LIBRARY.stat().st_size / 3
    with zipfile.ZipFile(library) as archive:
        names = set(archive.namelist())
        assert {"encodings/__init__.py", "json/__init__.py", "_pyodide/_base.py"} <= names
        assert "tkinter/__init__.py" not in names and "unittest/__init__.py" not in names
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
        assert all(info.date_time == stdlib.ZIP_DATE for info in archive.infolist())


def test_the_trimmed_lock_lists_no_packages(built_site: Path) -> None:
    lock_file = trimmed_library(built_site).parent / "pyodide-lock.json"
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
