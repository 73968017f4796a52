"""The browser gets the calculators' code without catalogs, and each page its own language's
catalog wheel only (English needs none): a reader no longer downloads five languages."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from language_support import DEFAULT, LANGUAGES, TRANSLATED, html_of

from sitebuild import catalog_wheels, runtime_assets


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, Path]]:
    """The whole wheel as the site build makes it, and its split."""
    whole = runtime_assets.cached_wheel()
    code, catalogs = catalog_wheels.split(whole, tmp_path_factory.mktemp("split"))
    return whole, code, catalogs


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_code_wheel_is_the_whole_wheel_less_its_catalogs(
    split: tuple[Path, Path, dict[str, Path]],
) -> None:
    whole, code, catalogs = split
    shipped = {n for n in _names(whole) if catalog_wheels.catalog_language(n)}
    assert {catalog_wheels.catalog_language(n) for n in shipped} == set(TRANSLATED)
    assert _names(code) == _names(whole) - shipped
    for lang, wheel in catalogs.items():
        ours = {n for n in _names(wheel) if not n.startswith("calculators_catalog_")}
        assert ours == {f"calculators/locale/{lang}/LC_MESSAGES/calculators.mo"}
        with zipfile.ZipFile(whole) as a, zipfile.ZipFile(wheel) as b:
            assert all(a.read(n) == b.read(n) for n in ours)


def test_each_record_lists_its_wheel_s_files(split: tuple[Path, Path, dict[str, Path]]) -> None:
    _, code, catalogs = split
    for wheel in (code, *catalogs.values()):
        with zipfile.ZipFile(wheel) as archive:
            record = next(n for n in archive.namelist() if n.endswith(".dist-info/RECORD"))
            listed = {line.split(",")[0] for line in archive.read(record).decode().splitlines()}
            assert listed == set(archive.namelist()), wheel.name


def test_the_code_and_one_catalog_speak_that_language_only(
    split: tuple[Path, Path, dict[str, Path]], tmp_path: Path
) -> None:
    """Unpacked as the browser unpacks them (into one folder): the page's language works and
    another language fails loudly instead of reading English."""
    _, code, catalogs = split
    for wheel in (code, catalogs["nb"]):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(tmp_path)
    program = (
        "import calculators, json\n"
        "print(calculators.run('partner_scorecard', {}, 'nb')['values']['winner'])\n"
        "from calculators.core.text import MissingCatalogError\n"
        "try:\n    calculators.run('savings', {}, 'fi')\n"
        "except MissingCatalogError:\n    print('fi missing')\n"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n"
         + program],
        capture_output=True, text=True, encoding="utf-8", check=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.stdout.split("\n")[:2] == ["Leverandør A (eksempel)", "fi missing"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_loads_its_own_language_s_catalog_only(built_site: Path, lang: str) -> None:
    html = html_of(built_site, lang, "calculators/savings/")
    loaded = re.findall(r"calculators_catalog_(\w+)-", html)
    assert loaded == ([] if lang == DEFAULT else [lang])
    root = built_site if lang == DEFAULT else built_site / lang
    worker = (root / "sw.js").read_text(encoding="utf-8")
    assert re.findall(r"calculators_catalog_(\w+)-", worker) == loaded


def test_the_code_wheel_keeps_the_metadata_headers_and_drops_the_readme(
    split: tuple[Path, Path, dict[str, Path]],
) -> None:
    whole, code, _ = split
    with zipfile.ZipFile(whole) as a, zipfile.ZipFile(code) as b:
        name = next(n for n in a.namelist() if n.endswith(".dist-info/METADATA"))
        full, shipped = a.read(name).decode(), b.read(name).decode()
    headers = full.partition("\n\n")[0]
    assert shipped == headers + "\n" and "Version: " in shipped
    assert len(shipped) < len(full) / 2  # the README was most of it
