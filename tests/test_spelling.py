"""The guide's text passes codespell and keeps to one spelling: American English.

The general check uses the configuration in pyproject.toml ([tool.codespell]). The second check
adds codespell's British-to-American dictionary for the guide itself, so "labour" or "centre"
cannot creep back in. Quoted text is exempt there: titles of British publications keep their
own spelling when we cite them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# English only: the other languages' pages (docs/<lang>/) are not English and codespell's
# dictionaries would flag their words.
TARGETS = ("docs/en", "docs/downloads", "includes/abbreviations.en.md", "README.md")
# The guide's own text; README.md is the repository's front page and is checked above only.
GUIDE_TARGETS = ("docs/en", "docs/downloads", "includes/abbreviations.en.md")
# Double-quoted text (a cited title, for example) keeps its original spelling.
QUOTED = r'"[^"\n]*"'


def run_codespell(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codespell_lib", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_codespell_finds_nothing() -> None:
    targets = [name for name in TARGETS if (ROOT / name).exists()]
    assert targets, "nothing to check: docs/en/, includes/ and README.md are all missing"
    result = run_codespell(*targets)
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"codespell found problems:\n{report}"


def test_guide_uses_american_spelling() -> None:
    targets = [name for name in GUIDE_TARGETS if (ROOT / name).exists()]
    assert targets, "nothing to check: docs/en/ and includes/ are missing"
    result = run_codespell(
        "--builtin", "clear,rare,en-GB_to_en-US", "--ignore-regex", QUOTED, *targets
    )
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"British spellings in the guide:\n{report}"


def test_british_spelling_check_can_fail(tmp_path: Path) -> None:
    """The dictionary really flags British spellings (guards against a silently empty check)."""
    sample = tmp_path / "sample.md"
    sample.write_text("The labour market and the call centre.\n", encoding="utf-8")
    result = run_codespell("--builtin", "clear,rare,en-GB_to_en-US", str(sample))
    assert result.returncode != 0
    assert "labour" in result.stdout


def test_calculators_and_site_code_use_american_spelling() -> None:
    """Reader-facing strings live in the calculators, figures and templates: same spelling."""
    targets = ["calculators", "figures", "overrides", "sitebuild", "README.md"]
    result = run_codespell("--builtin", "en-GB_to_en-US", *targets)
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"British spellings in the code:\n{report}"
