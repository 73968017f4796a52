"""sitebuild/languages.py: what a language lacks is named, and a real build fails on it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitebuild import languages

ROOT = Path(__file__).resolve().parent.parent
NAV = [{"Home": "index.md"}, {"Guide": [{"Types": "guide/types.md"}, "guide/x.md"]}]


def project(
    tmp_path: Path, *, nb_pages: tuple[str, ...] = ("index.md", "guide/types.md", "offline.md")
) -> Path:
    """A two-language project: English complete, Norwegian with `nb_pages`."""
    for path, text in {
        "docs/en/index.md": "# Home {#home}\n\n## Why {#why}\n",
        "docs/en/guide/types.md": "# Types {#types}\n\n## At a glance {#at-a-glance}\n",
        "docs/en/offline.md": "# Offline {#offline}\n",
        "includes/abbreviations.en.md": "*[BPO]: Business process outsourcing\n",
        "includes/abbreviations.nb.md": "*[BPO]: Utkontraktering av forretningsprosesser\n",
        "figures/data/en.toml": '[common]\ntext_version = "Text"\n[f]\nitems = ["a", "b"]\nn = 3\n',
        "figures/data/nb.toml": '[common]\ntext_version = "Tekst"\n[f]\nitems = ["a", "b"]\n',
        "i18n/nb/nav.yml": "site_name: Guiden\nsite_description: Om utkontraktering\n"
        "copyright: Tekst CC BY 4.0\nfootnote_backlink: Tilbake til fotnote {n}\n"
        "permalink: Fast lenke\npalette_dark: Mørk\npalette_light: Lys\n"
        "Home: Hjem\nGuide: Veiledning\nTypes: Typer\n",
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    for page in nb_pages:
        english = (tmp_path / "docs/en" / page).read_text(encoding="utf-8")
        (tmp_path / "docs/nb" / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs/nb" / page).write_text(english.replace("# ", "# NB "), "utf-8")
    return tmp_path


def test_a_complete_language_has_no_problems(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert languages.problems("nb", NAV, root) == []
    languages.check(["en", "nb"], NAV, root)


def test_each_gap_is_named(tmp_path: Path) -> None:
    root = project(tmp_path, nb_pages=("index.md", "offline.md"))
    (root / "includes/abbreviations.nb.md").unlink()
    (root / "figures/data/nb.toml").write_text('[common]\ntext_version = "Tekst"\n', "utf-8")
    (root / "i18n/nb/nav.yml").write_text("site_name: Guiden\nHome: Hjem\n", "utf-8")
    assert languages.problems("nb", NAV, root) == [
        "docs/nb/guide/types.md (page)",
        "includes/abbreviations.nb.md (glossary tooltips)",
        "f.items.0 (figure label)",
        "f.items.1 (figure label)",
        "site_description (site text)",
        "copyright (site text)",
        "footnote_backlink (site text)",
        "permalink (site text)",
        "palette_dark (site text)",
        "palette_light (site text)",
        "'Guide' (navigation title)",
        "'Types' (navigation title)",
    ]
    with pytest.raises(languages.TranslationError, match=r"nb lacks 12:\n  docs/nb/guide/types"):
        languages.check(["en", "nb"], NAV, root)


def test_missing_language_files_are_named(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "i18n/nb/nav.yml").unlink()
    (root / "figures/data/nb.toml").unlink()
    assert languages.problems("nb", NAV, root) == [
        "figures/data/nb.toml (every figure label)",
        "i18n/nb/nav.yml is missing",
    ]


def test_navigation_titles_may_sit_under_nav(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "i18n/nb/nav.yml").write_text(
        "site_name: G\nsite_description: D\ncopyright: C\nfootnote_backlink: F {n}\n"
        "permalink: P\npalette_dark: D\npalette_light: L\n"
        "nav:\n  Home: Hjem\n"
        "  Guide: Veiledning\n  Types: Typer\n",
        "utf-8",
    )
    assert languages.site_text("nb", root / "i18n")["nav"]["Types"] == "Typer"
    assert languages.problems("nb", NAV, root) == []


def test_heading_ids_must_match_english() -> None:
    assert languages.heading_problem("nb", "a.md", ["a", "b"], ["a", "b"]) is None
    message = languages.heading_problem("nb", "a.md", ["a", "b"], ["a", "c"])
    assert message == (
        "docs/nb/a.md: heading ids differ from docs/en/a.md: lacks #b; has #c that English has not"
    )
    assert "another order" in str(languages.heading_problem("nb", "a.md", ["a", "b"], ["b", "a"]))


def test_heading_ids_come_from_the_table_of_contents() -> None:
    toc = [SimpleNamespace(id="a", children=[SimpleNamespace(id="b", children=[])])]
    assert languages.heading_ids(toc) == ["a", "b"]


def test_languages_can_be_left_out_of_a_development_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    every = list(languages.LANGUAGES)
    monkeypatch.delenv(languages.ONLY, raising=False)
    assert languages.selected(every) == every
    monkeypatch.setenv(languages.ONLY, "fi, ru")
    assert languages.selected(every) == ["en", "fi", "ru"]
    monkeypatch.setenv(languages.ONLY, "de")
    with pytest.raises(languages.TranslationError, match="unknown languages: de"):
        languages.selected(every)


def test_paths_belong_to_their_language() -> None:
    assert languages.in_language("guide/x/", "en") and not languages.in_language("nb/x/", "en")
    assert languages.in_language("nb/guide/x/", "nb") and not languages.in_language("", "nb")
    assert languages.language_root("en") == "" and languages.language_root("ru") == "ru/"


def build(root: Path) -> subprocess.CompletedProcess[str]:
    (root / "mkdocs.yml").write_text(
        "site_name: t\nstrict: true\n"
        "nav:\n  - Home: index.md\n  - Guide:\n      - Types: guide/types.md\n"
        "markdown_extensions:\n  - abbr\n  - attr_list\n  - toc\n"
        "plugins:\n  - i18n:\n      docs_structure: folder\n      languages:\n"
        "        - {locale: en, name: English, default: true}\n"
        "        - {locale: nb, name: Norsk}\n"
        f"hooks:\n  - {ROOT / 'overrides/hooks/site_hooks.py'}\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != languages.ONLY}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(root / "site")],
        cwd=root, env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_a_missing_page_fails_a_real_build(tmp_path: Path) -> None:
    done = build(project(tmp_path, nb_pages=("index.md", "offline.md")))
    assert done.returncode != 0
    assert "nb lacks 1:\n  docs/nb/guide/types.md (page)" in done.stderr


def test_a_changed_heading_id_fails_a_real_build(tmp_path: Path) -> None:
    root = project(tmp_path)
    page = root / "docs/nb/guide/types.md"
    page.write_text("# Typer {#types}\n\n## Kort fortalt {#kort}\n", encoding="utf-8")
    done = build(root)
    assert done.returncode != 0
    assert "docs/nb/guide/types.md: heading ids differ from docs/en/guide/types.md" in done.stderr


def test_a_complete_language_builds_with_its_own_tooltips(tmp_path: Path) -> None:
    root = project(tmp_path)
    done = build(root)
    assert done.returncode == 0, done.stderr[-2000:]
    english = (root / "site/index.html").read_text(encoding="utf-8")
    norwegian = (root / "site/nb/index.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in norwegian and "Hjem" in norwegian and "Typer" in norwegian
    (root / "docs/nb/index.md").write_text("# Hjem {#home}\n\n## Hvorfor {#why}\n\nBPO.\n", "utf-8")
    (root / "docs/en/index.md").write_text("# Home {#home}\n\n## Why {#why}\n\nBPO.\n", "utf-8")
    assert build(root).returncode == 0
    english = (root / "site/index.html").read_text(encoding="utf-8")
    norwegian = (root / "site/nb/index.html").read_text(encoding="utf-8")
    assert 'title="Business process outsourcing"' in english
    assert 'title="Utkontraktering av forretningsprosesser"' in norwegian


def test_a_language_lacking_calculator_messages_fails_the_build(tmp_path: Path) -> None:
    """No silent English: a message left untranslated in a language's catalog is named."""
    locale = tmp_path / "locale"
    (locale / "nb" / "LC_MESSAGES").mkdir(parents=True)
    (locale / "calculators.pot").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Team size"\nmsgstr ""\n\nmsgid "Vendor"\nmsgstr ""\n',
        encoding="utf-8",
    )
    (locale / "nb" / "LC_MESSAGES" / "calculators.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: nb\\n"\n\nmsgid "Team size"\nmsgstr "Teamstørrelse"\n\n'
        'msgid "Vendor"\nmsgstr ""\n',
        encoding="utf-8",
    )
    assert languages.missing_messages("nb", locale) == ["message 'Vendor' (not translated)"]
