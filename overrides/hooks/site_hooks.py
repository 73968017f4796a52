"""MkDocs hook entry points: each event hands over to the importable `sitebuild` package.

`mkdocs serve` executes this file once per process but runs on_config for every rebuild: each
build starts by importing `sitebuild` and `calculators` afresh, so an edited calculator, template
helper or build step takes effect in the rebuilt pages. The languages after the first are built
inside the first's build (mkdocs-static-i18n): they keep the modules the first one loaded.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.plugins import event_priority

# MkDocs loads hook files by path; the build package sits at the repository root.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

_RELOADED = ("calculators", "sitebuild")
_current: ModuleType | None = None


def _load() -> ModuleType:
    """A fresh import of the build code and the calculators (their edits included)."""
    for name in [n for n in sys.modules if n.split(".")[0] in _RELOADED]:
        del sys.modules[name]
    return importlib.import_module("sitebuild.hooks")


def _hooks() -> ModuleType:
    global _current
    if _current is None:
        _current = _load()
    return _current


def on_startup(command: str, dirty: bool) -> None:
    _hooks().on_startup(command, dirty)


def _nested(config: Any) -> bool:
    plugin = config["plugins"].get("i18n")
    return bool(plugin is not None and plugin.building)


def on_config(config: Any) -> Any:
    global _current
    if _current is None or not _nested(config):
        _current = _load()
    return _current.on_config(config)


# After mkdocs-static-i18n's own (priority -100), which lays out each language's files.
@event_priority(-110)
def on_files(files: Any, config: Any) -> Any:
    return _hooks().on_files(files, config)


def on_env(env: Any, config: Any, files: Any) -> Any:
    return _hooks().on_env(env, config, files)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return str(_hooks().on_page_markdown(markdown, page, config, files))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return str(_hooks().on_page_content(html, page, config, files))


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    return _hooks().on_page_context(context, page, config, nav)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return str(_hooks().on_post_page(output, page, config))


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return str(_hooks().on_post_template(output, template_name, config))


# After mkdocs-static-i18n's own (priority -100), which builds the other languages: the
# site-wide steps then see every language.
@event_priority(-110)
def on_post_build(config: Any) -> None:
    _hooks().on_post_build(config)
