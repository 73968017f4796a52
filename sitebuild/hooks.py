"""The MkDocs event functions, composed from the build steps (overrides/hooks/ calls these)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import calculators
from sitebuild import csp, offline, runtime_assets, widgets

_state: dict[str, Any] = {}


# Set once per `mkdocs` run; kept in the environment because `mkdocs serve` reloads this module
# on every rebuild (see overrides/hooks/site_hooks.py) and calls on_startup only once.
SERVING = "SITEBUILD_SERVING"


def on_startup(command: str, dirty: bool) -> None:
    os.environ[SERVING] = "1" if command == "serve" else ""


def on_config(config: Any) -> Any:
    from mkdocs.exceptions import PluginError

    try:
        runtime = runtime_assets.prepare()
    except runtime_assets.RuntimeAssetsError as exc:
        raise PluginError(str(exc)) from exc
    _state["runtime"] = runtime
    config["extra"]["calculator_runtime"] = runtime.paths()
    # The runtime's strings on every page (offline and update notices), in the build's language.
    config["extra"]["ui"] = calculators.ui_messages(widgets.site_locale(config))
    return config


on_page_content = widgets.on_page_content


def on_post_build(config: Any) -> None:
    from mkdocs.exceptions import PluginError

    site = Path(config["site_dir"])
    try:
        runtime_assets.copy_runtime(site, _state["runtime"])
        # Last: the service worker lists every file of the finished build.
        if os.environ.get(SERVING):
            offline.write_uninstaller(site)
        else:
            offline.write_service_worker(site, _state["runtime"].urls())
    except (runtime_assets.RuntimeAssetsError, ValueError) as exc:
        raise PluginError(str(exc)) from exc


def on_post_page(output: str, page: Any, config: Any) -> str:
    return csp.add_policy(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    # 404.html is a template, not a page; sitemap.xml needs no policy.
    return csp.add_policy(output) if template_name.endswith(".html") else output
