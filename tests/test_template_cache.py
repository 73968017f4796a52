"""The templates' bytecode cache: compiled once, reused by a second environment and a second
build, compiled anew when a template changes, never shared between different settings."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from sitebuild import template_cache


def environment(templates: Path, trimmed: bool = False) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates), trim_blocks=trimmed, lstrip_blocks=trimmed
    )


def compiles(env: jinja2.Environment, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates `env` compiles from source from now on."""
    compiled: list[str] = []
    original = env.compile

    def counting(source: str, name: str | None = None, filename: str | None = None) -> object:
        compiled.append(str(name))
        return original(source, name, filename)

    monkeypatch.setattr(env, "compile", counting)
    return compiled


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("{% if x %}<p>{{ x }}</p>{% endif %}", encoding="utf-8")
    return folder


def test_a_second_environment_loads_what_the_first_compiled(
    templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = template_cache.attach(environment(templates), tmp_path / "cache")
    first_compiled = compiles(first, monkeypatch)
    assert first.get_template("page.html").render(x="one") == "<p>one</p>"
    assert first_compiled == ["page.html"]

    second = template_cache.attach(environment(templates), tmp_path / "cache")
    second_compiled = compiles(second, monkeypatch)
    assert second.get_template("page.html").render(x="two") == "<p>two</p>"
    assert second_compiled == []


def test_an_edited_template_is_compiled_anew(
    templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template_cache.attach(environment(templates), tmp_path / "cache").get_template("page.html")
    (templates / "page.html").write_text("<b>{{ x }}</b>", encoding="utf-8")
    env = template_cache.attach(environment(templates), tmp_path / "cache")
    compiled = compiles(env, monkeypatch)
    assert env.get_template("page.html").render(x="new") == "<b>new</b>"
    assert compiled == ["page.html"]


def test_environments_set_up_differently_never_share_compiled_code(
    templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (templates / "page.html").write_text("  {% if x %}\n{{ x }}\n  {% endif %}\n", "utf-8")
    plain = template_cache.attach(environment(templates), tmp_path / "cache")
    trimmed = template_cache.attach(environment(templates, trimmed=True), tmp_path / "cache")
    assert template_cache.settings_key(plain) != template_cache.settings_key(trimmed)
    assert plain.get_template("page.html").render(x="a") == "  \na\n  "
    compiled = compiles(trimmed, monkeypatch)
    assert trimmed.get_template("page.html").render(x="a") == "a\n"
    assert compiled == ["page.html"]


def test_an_environment_with_a_cache_keeps_it(templates: Path, tmp_path: Path) -> None:
    own = jinja2.FileSystemBytecodeCache(str(tmp_path))
    env = environment(templates)
    env.bytecode_cache = own
    assert template_cache.attach(env, tmp_path / "cache").bytecode_cache is own
