"""MkDocs hook entry points: each event hands over to the importable `sitebuild` package."""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hook files by path; the build package sits at the repository root.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
# `mkdocs serve` runs this file again on every rebuild, in the same process: forget the
# modules it imported last time, so an edited calculator or build step takes effect.
for _name in [n for n in sys.modules if n.split(".")[0] in ("calculators", "sitebuild")]:
    del sys.modules[_name]

from sitebuild.hooks import (  # noqa: E402
    on_config,
    on_page_content,
    on_post_build,
    on_post_page,
    on_post_template,
    on_startup,
)

__all__ = [
    "on_config",
    "on_page_content",
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_startup",
]
