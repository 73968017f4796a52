"""The MkDocs hooks: markers become widgets, unknown markers fail, the runtime is copied."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

import calculators
from sitebuild import packed, runtime_assets, widgets

ROOT = Path(__file__).resolve().parent.parent


class Inventory(HTMLParser):
    """Collects the widget's labels, controls and ids."""

    def __init__(self) -> None:
        super().__init__()
        self.label_for: set[str] = set()
        self.controls: dict[str, dict[str, str | None]] = {}
        self.ids: list[str] = []
        self.forms: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(str(a["id"]))
        if tag == "label" and a.get("for"):
            self.label_for.add(str(a["for"]))
        if tag in {"input", "select"}:
            self.controls[str(a.get("name"))] = a
        if tag == "form":
            self.forms.append(a)


def test_widget_is_a_real_labelled_form_with_prerendered_results() -> None:
    html = widgets.render_widget("savings")
    page = Inventory()
    page.feed(html)
    assert page.forms == [page.forms[0]] and page.forms[0]["data-calculator"] == "savings"
    fields = calculators.catalog()[0]["fields"]
    assert set(page.controls) == {f["name"] for f in fields}
    for field in fields:
        control = page.controls[field["name"]]
        assert control["id"] in page.label_for, f"{field['name']} has no label"
        described = str(control["aria-describedby"]).split()
        assert all(d in page.ids for d in described)
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    assert 'aria-live="polite"' in html
    # The results of the defaults, rendered by the same code the browser runs.
    assert calculators.render(calculators.run("savings")) in html
    assert "<svg" in html and "calc-figures" in html


def test_help_shows_limits_and_units() -> None:
    html = widgets.render_widget("savings")
    assert "From 0.50 to 10,000." in html
    assert "per FTE-month" in html


def test_runtime_messages_are_embedded_safely() -> None:
    data = widgets._script_json({"x": "</script><b>"})
    assert "</script>" not in data and "<" not in data


def test_markers_are_replaced_and_reported() -> None:
    html, found = widgets.replace_markers("<p>a</p>\n<!-- calculator: savings -->\n<p>b</p>")
    assert found == ["savings"]
    assert 'data-calculator="savings"' in html and "<!--" not in html
    untouched, none = widgets.replace_markers("<!-- just a comment -->")
    assert none == [] and untouched == "<!-- just a comment -->"


def test_unknown_marker_fails_the_page() -> None:
    from mkdocs.exceptions import PluginError

    page = SimpleNamespace(meta={}, url="guide/x/", file=SimpleNamespace(src_path="guide/x.md"))
    with pytest.raises(PluginError, match=r"guide/x\.md: unknown calculator 'nope'"):
        widgets.on_page_content("<!-- calculator: nope -->", page, "en", "")
    widgets.on_page_content("<!-- calculator: savings -->", page, "en", "")
    assert page.meta["calculators"] == ["savings"]


def test_unknown_marker_fails_a_real_strict_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Test\n\n<!-- calculator: nope -->\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\nstrict: true\nhooks:\n  - {ROOT / 'overrides/hooks/site_hooks.py'}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
         str(tmp_path / "site")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "unknown calculator 'nope'" in done.stderr


def fake_pyodide(folder: Path, version: str = "9.9.9") -> Path:
    folder.mkdir()
    (folder / "package.json").write_text(f'{{"version": "{version}"}}', encoding="utf-8")
    for name in runtime_assets.PYODIDE_CORE:
        (folder / name).write_bytes(name.encode())
    (folder / "pyodide-lock.json").write_text(
        '{"info": {"python": "3.14.2"}, "packages": {"numpy": {}}}', encoding="utf-8"
    )
    return folder


def test_runtime_files_are_copied_with_content_hashed_urls(tmp_path: Path) -> None:
    wheel = tmp_path / "calculators-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"wheel bytes")
    library = tmp_path / "stdlib.zip"
    library.write_bytes(b"library bytes")
    package = fake_pyodide(tmp_path / "pyodide")
    runtime = runtime_assets.Runtime(
        runtime_assets.pyodide_version(package), wheel, library, {}, package,
        served_dir=tmp_path / "served",
    )  # fmt: skip
    site = tmp_path / "site"
    runtime_assets.copy_runtime(site, runtime)
    served = sorted(p.name for p in (site / "assets/pyodide/9.9.9").iterdir())
    assert served == sorted([*runtime_assets.PYODIDE_SERVED_AS_IS, "pyodide-lock.json",
                             runtime.stdlib_name + ".gz"])  # fmt: skip
    lock = json.loads((site / "assets/pyodide/9.9.9/pyodide-lock.json").read_text("utf-8"))
    assert lock == {"info": {"python": "3.14.2"}, "packages": {}}
    # The archives are served gzip-compressed whole, and unpack to exactly what was built.
    served_wheel = (site / "assets/calculators" / (wheel.name + ".gz")).read_bytes()
    assert gzip.decompress(served_wheel) == b"wheel bytes"
    served_library = site / "assets/pyodide/9.9.9" / (runtime.stdlib_name + ".gz")
    assert gzip.decompress(served_library.read_bytes()) == b"library bytes"
    paths = runtime.paths()
    assert re.fullmatch(
        r"assets/calculators/calculators-0\.1\.0-py3-none-any\.whl\.gz\?v=[0-9a-f]{12}",
        paths["wheel"],
    )
    assert paths["pyodide"] == "assets/pyodide/9.9.9/"
    assert re.fullmatch(r"assets/pyodide/9\.9\.9/stdlib-[0-9a-f]{12}\.zip\.gz", paths["stdlib"])
    # Progress counts the bytes on the wire: the served file's.
    assert paths["sizes"]["wheel"] == len(served_wheel)


def test_missing_pyodide_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(runtime_assets.RuntimeAssetsError, match="npm ci"):
        runtime_assets.pyodide_version(tmp_path)
    wheel = tmp_path / "w.whl"
    wheel.write_bytes(b"")
    (tmp_path / "package.json").write_text('{"version": "1"}', encoding="utf-8")
    runtime = runtime_assets.Runtime("1", wheel, wheel, {}, tmp_path, served_dir=tmp_path / "s")
    with pytest.raises(runtime_assets.RuntimeAssetsError, match="missing"):
        runtime_assets.copy_runtime(tmp_path / "site", runtime)


def test_wheel_is_built_once_per_change_of_its_sources(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "calculators").mkdir(parents=True)
    (project / "calculators" / "a.py").write_text("x = 1\n", encoding="utf-8")
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    (project / "README.md").write_text("", encoding="utf-8")
    first = runtime_assets.sources_digest(project)
    assert runtime_assets.sources_digest(project) == first
    (project / "calculators" / "__pycache__").mkdir()
    (project / "calculators" / "__pycache__" / "a.pyc").write_bytes(b"ignored")
    assert runtime_assets.sources_digest(project) == first
    (project / "calculators" / "a.py").write_text("x = 2\n", encoding="utf-8")
    assert runtime_assets.sources_digest(project) != first


def test_built_site_is_self_contained(built_site: Path) -> None:
    """Everything a built page loads stays on this site (no CDN, fonts or analytics).

    Plain links to other sites are fine; scripts, stylesheets, images and frames are not."""
    pattern = re.compile(
        r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc\s*=\s*["'](?:https?:)?//"""
        r"""|<link\b[^>]*\bhref\s*=\s*["'](?:https?:)?//""",
        re.IGNORECASE,
    )
    offenders = [
        str(page.relative_to(built_site))
        for page in built_site.rglob("*.html")
        if pattern.search(page.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    wheels = list((built_site / "assets/calculators").glob("calculators-*-py3-none-any.whl.gz"))
    assert len(wheels) == 1
    assert (built_site / "assets/pyodide").is_dir()


def test_runtime_script_only_on_calculator_pages(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    calc = (built_site / "calculators/savings/index.html").read_text(encoding="utf-8")
    assert "data-calculator-runtime" not in home
    assert "data-calculator-runtime" in calc


def test_the_site_root_as_seen_from_a_page() -> None:
    assert widgets.root_of("") == ""
    assert widgets.root_of("guide/") == "../"
    assert widgets.root_of("calculators/savings/") == "../../"


def test_every_build_imports_the_calculators_afresh() -> None:
    """`mkdocs serve` runs the hook file once but on_config on every rebuild: edits apply."""
    import importlib.util

    saved = dict(sys.modules)
    hook_file = ROOT / "overrides" / "hooks" / "site_hooks.py"
    try:
        spec = importlib.util.spec_from_file_location("site_hooks_under_test", hook_file)
        assert spec is not None and spec.loader is not None
        hooks = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(hooks)
        seen = []
        for _ in range(2):
            hooks._load()
            seen.append((sys.modules["calculators"], sys.modules["sitebuild.widgets"]))
        assert seen[0][0] is not seen[1][0] and seen[0][1] is not seen[1][1]
    finally:
        sys.modules.clear()
        sys.modules.update(saved)


def test_a_served_archive_is_made_once_per_content_and_the_old_copy_goes(tmp_path: Path) -> None:
    archive = tmp_path / "a.whl"
    archive.write_bytes(b"first")
    first = packed.packed(archive, tmp_path / "served")
    assert packed.packed(archive, tmp_path / "served") == first
    assert gzip.decompress(first.read_bytes()) == b"first"
    archive.write_bytes(b"second")
    second = packed.packed(archive, tmp_path / "served")
    assert second != first and not first.exists()
    assert [p.name for p in (tmp_path / "served").rglob("*.gz")] == ["a.whl.gz"]
    # The same content, the same bytes: the served file depends on the archive alone.
    assert packed.packed(archive, tmp_path / "other").read_bytes() == second.read_bytes()
