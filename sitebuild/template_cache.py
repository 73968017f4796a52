"""Build step: compile the theme's Jinja templates once, not once per language.

Every language is a full MkDocs build with a Jinja environment of its own, and each
environment compiled Material's templates again (a sixth of the build's time). A bytecode
cache shared by the environments, on disk under `.cache/sitebuild/jinja/`, lets the first
language compile them and every later language, and every later build, load the compiled
code. Jinja checks each entry against a hash of the template's source and against the Python
version, so an edited template is compiled anew; the folder is named after the settings that
shape the compiled code, so environments set up differently never share an entry.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2

FOLDER = "jinja"


def settings_key(env: jinja2.Environment) -> str:
    """What, besides a template's source, decides the code Jinja compiles it to."""
    settings = (
        jinja2.__version__,
        env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        repr(env.autoescape), env.optimized, env.is_async,
        sorted(env.extensions), env.code_generator_class.__qualname__,
    )  # fmt: skip
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:12]


def attach(env: jinja2.Environment, cache_dir: Path) -> jinja2.Environment:
    """Give `env` the bytecode cache kept under `cache_dir` (unless it has a cache already)."""
    if env.bytecode_cache is None:
        folder = cache_dir / FOLDER / settings_key(env)
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env
