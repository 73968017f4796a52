"""The team health result as readers see it: the verdict, tones, links and the rating scale."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from calculator_client import CalculatorClient, figure
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import team_health
from calculators.core.text import text_for
from calculators.core.vocab import AGREEMENT, AGREEMENT_VALUES
from calculators.render.html import resolve_docs_path
from calculators.team_health.fields import FIELDS, STATEMENT_TEXTS
from calculators.team_health.model import DIMENSIONS, STATEMENTS
from calculators.team_health.present import ACTIONS, RHYTHM_HREF

ROOT = Path(__file__).resolve().parents[2]
CLIENT = CalculatorClient("team_health")
run = CLIENT.run
POSITIVE = sorted(name for name, s in STATEMENTS.items() if not s.negative)
NEGATIVE = sorted(name for name, s in STATEMENTS.items() if s.negative)
BEST: dict[str, Any] = {n: "5" for n in POSITIVE} | {n: "1" for n in NEGATIVE}
WORST: dict[str, Any] = {n: "1" for n in POSITIVE} | {n: "5" for n in NEGATIVE}


# ---- The verdict ------------------------------------------------------------------------------


def test_the_verdict_of_the_defaults() -> None:
    # Overall 58 (needs work), integration weakest at 33 (see test_model's hand-worked scores).
    result = run()
    assert result["verdict"] == {
        "text": "The team needs work: it scores 58 out of 100, with its weakest dimension, "
        "Integration, at 33.",
        "tone": "neutral",
    }
    assert [f["id"] for f in result["figures"] if f["headline"]] == ["overall", "band", "weakest"]
    assert figure(result, "weakest")["tone"] == "bad"


def test_a_team_at_risk_reads_as_bad() -> None:
    result = run(WORST)
    assert result["verdict"]["tone"] == "bad"
    assert result["verdict"]["text"].startswith("The team is at risk: it scores 0 out of 100")
    assert figure(result, "band")["tone"] == "bad"
    assert figure(result, "overall")["tone"] == "bad"


def test_a_perfect_team_reads_as_good_without_naming_a_weak_dimension() -> None:
    result = run(BEST)
    assert result["verdict"] == {
        "text": "The team is high performing: it scores 100 out of 100 in every dimension.",
        "tone": "good",
    }


def test_a_capped_band_names_the_dimension_that_holds_it_down() -> None:
    # Integration at 0, the rest at 100: overall 80, held at needs work.
    result = run(BEST | {"int_planning": "1", "int_access": "1", "int_silo": "5"})
    assert result["verdict"]["text"] == (
        "The team needs work: it scores 80 out of 100, with its weakest dimension, "
        "Integration, at 0."
    )
    assert figure(result, "band")["note"] == (
        "Held at needs work because a dimension scores below 50."
    )


# ---- The shared rating scale ------------------------------------------------------------------


def test_the_rating_scale_is_declared_once_in_the_shared_vocabulary() -> None:
    # Its five labels were registered once per statement, fifteen times over.
    ratings = [f for f in FIELDS if f.name in STATEMENTS]
    assert len(ratings) == 15
    assert all(f.choice_labels is AGREEMENT for f in ratings)
    assert all(tuple(f.choices) == AGREEMENT_VALUES for f in ratings)
    sources = list((ROOT / "calculators").rglob("*.py"))
    forms = ("\\u2013 strongly disagree", "\u2013 strongly disagree")  # escaped or not
    holding = [p.name for p in sources if any(f in p.read_text(encoding="utf-8") for f in forms)]
    assert holding == ["vocab.py"]
    fields = next(c for c in calculators.catalog() if c["id"] == "team_health")["fields"]
    choices = next(f for f in fields if f["name"] == "goals_agreed")["choices"]
    assert choices[0] == {"value": "1", "label": "1 \u2013 strongly disagree"}


def test_the_dimensions_are_public_with_their_labels() -> None:
    t = text_for("en")
    assert [(d.id, t.gettext(d.label)) for d in DIMENSIONS] == [
        ("goals", "Goals and direction"),
        ("communication", "Communication"),
        ("accountability", "Accountability"),
        ("talent", "Talent and skills"),
        ("integration", "Integration"),
    ]
    assert team_health.DIMENSIONS is DIMENSIONS  # what the guide's figures import


# ---- Actions and links ------------------------------------------------------------------------


def test_actions_follow_the_weakest_dimensions() -> None:
    result = run({"focus_count": 2})
    actions = result["lists"][0]
    # Two practices for each of the two weakest: integration, then communication.
    assert actions["ordered"] is True
    assert [item["href"].rsplit("#", 1)[1] for item in actions["items"]] == [
        "integration",
        "integration",
        "communication-protocols",
        "communication-and-tools",
    ]
    assert actions["items"][0]["note"] == "Integration: 33 out of 100"


def test_rendered_results_link_the_actions() -> None:
    html = calculators.render(run(), "../../")
    assert '<a href="../../guide/making-it-work/#integration">' in html
    assert '<a href="../../guide/making-it-work/#governance-rhythm">' in html
    assert "calc-bar-bad" in html and "calc-bar-good" in html


@given(st.fixed_dictionaries({name: st.sampled_from(AGREEMENT_VALUES) for name in STATEMENTS}))
def test_tones_follow_the_thresholds(inputs: dict[str, Any]) -> None:
    result = run(inputs)
    for bar in result["charts"][0]["bars"]:
        expected = "good" if bar["end"] >= 75 else "neutral" if bar["end"] >= 50 else "bad"
        assert bar["tone"] == expected
        assert 0.0 <= bar["end"] <= 100.0


def all_hrefs() -> list[str]:
    return sorted({href for pair in ACTIONS.values() for _, href in pair} | {RHYTHM_HREF})


def test_every_dimension_has_two_actions() -> None:
    assert set(ACTIONS) == {d.id for d in DIMENSIONS}


@pytest.mark.skipif(not os.environ.get("SITE_DIR"), reason="needs a built site in SITE_DIR")
@pytest.mark.parametrize("href", all_hrefs())
def test_every_action_link_resolves_in_the_built_site(href: str) -> None:
    page_dir = Path(os.environ["SITE_DIR"]) / "calculators" / "team-health"
    path, _, anchor = resolve_docs_path(href, "../../").partition("#")
    target = (page_dir / path / "index.html").resolve()
    assert target.is_file(), f"{href}: no {target}"
    assert f'id="{anchor}"' in target.read_text(encoding="utf-8")


def test_the_page_lists_every_statement_with_its_scoring() -> None:
    page = (ROOT / "docs" / "en" / "calculators" / "team-health.md").read_text(encoding="utf-8")
    for name, statement in STATEMENTS.items():
        label = STATEMENT_TEXTS[name][0]
        row = next((line for line in page.splitlines() if f"| {label} |" in line), None)
        assert row is not None, f"the page's statement table lacks: {label}"
        assert row.endswith("(reverse-scored) |") == statement.negative, row
    assert re.search(r"strongly disagree", page)
