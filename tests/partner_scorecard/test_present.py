"""The partner scorecard as readers see it: the verdict, figures, tables, the chart and links."""

from __future__ import annotations

import re
from typing import Any

from calculator_client import CalculatorClient

import calculators
from calculators.partner_scorecard.fields import CRITERIA

CLIENT = CalculatorClient("partner_scorecard")
run = CLIENT.run


def vendor(name: str, scores: tuple[float, ...], passes: str = "yes") -> dict[str, Any]:
    return {"name": name, **dict(zip(CRITERIA, scores, strict=True)), "must_haves": passes}


def test_the_verdict_names_the_winner_its_score_and_its_lead() -> None:
    assert run()["verdict"] == {
        "text": "Vendor A (example) comes first with 72.0 out of 100, 3.0 points ahead of "
        "Vendor B (example).",
        "tone": "good",
    }


def test_no_winner_reads_as_bad() -> None:
    result = run({"vendors": [vendor("X", (5,) * 6, "no"), vendor("Y", (6,) * 6, "no")]})
    assert result["verdict"]["tone"] == "bad"
    assert result["verdict"]["text"].startswith("No vendor passes the must-haves")
    assert result["figures"][0]["tone"] == "bad"


def test_a_tie_says_that_only_the_row_order_decides() -> None:
    result = run({"vendors": [vendor("One", (6,) * 6), vendor("Two", (6,) * 6)]})
    assert result["verdict"]["tone"] == "neutral"
    assert "tie at 60.0" in result["verdict"]["text"]
    assert "entered first" in result["verdict"]["text"]


def test_headline_figures_and_tones() -> None:
    figures = run()["figures"]
    assert [(f["id"], f["tone"], f["headline"]) for f in figures] == [
        ("winner", "good", True), ("lead", "good", True), ("fragile", "neutral", True),
        ("robust", "good", False),
    ]  # fmt: skip


def test_default_result_reads_well() -> None:
    result = run()
    figures = {f["id"]: f for f in result["figures"]}
    assert list(figures) == ["winner", "lead", "fragile", "robust"]
    assert figures["winner"]["text"] == "Vendor A (example)"
    assert figures["lead"]["text"] == "3.0 points"
    assert figures["fragile"]["text"] == "Price"
    assert "from 20.0% to 25.6% (5.6 percentage points)" in figures["fragile"]["note"]
    assert [t["id"] for t in result["tables"]] == [
        "ranking", "breakdown", "sensitivity", "simulation"
    ]  # fmt: skip
    ranking = result["tables"][0]["rows"]
    assert [r["cells"] for r in ranking][-1] == ["Vendor C (example)", "Out", "76.0",
                                                 "Knocked out"]  # fmt: skip
    breakdown = result["tables"][1]
    assert breakdown["columns"] == ["Criterion (weight share now)", "Vendor A (example)",
                                    "Vendor B (example)", "Vendor C (example)"]  # fmt: skip
    assert breakdown["rows"][0]["cells"] == ["Expertise and track record (25.0%)", "22.5",
                                             "15.0", "22.5"]  # fmt: skip
    assert breakdown["rows"][-1]["cells"] == ["Total", "72.0", "69.0", "76.0"]
    chart = result["charts"][0]
    assert chart["kind"] == "bars"
    assert [(b["label"], b["text"], b["tone"]) for b in chart["bars"]] == [
        ("Vendor A (example)", "72.0", "good"),
        ("Vendor B (example)", "69.0", "neutral"),
        ("Vendor C (example) (out)", "76.0, knocked out", "bad"),
    ]
    sensitivity = [r["cells"] for r in result["tables"][2]["rows"]]
    assert sensitivity[-1] == ["Price (20.0%)", "5.6", "Vendor B (example)", "never", "n/a"]


def test_links_are_docs_paths() -> None:
    items = run()["lists"][0]["items"]
    assert items
    for item in items:
        # Docs paths, resolved by the renderer; the contract test checks that they exist.
        assert re.fullmatch(r"guide/[a-z-]+\.md#[a-z-]+", item["href"]), item["href"]


def test_reader_text_is_escaped_in_the_html() -> None:
    evil = "<img src=x onerror=alert(1)>"
    rows = [vendor(evil, (10,) * 6), vendor("B & <b>Co</b>", (5,) * 6)]
    result = run({"vendors": rows})
    assert result["values"]["winner"] == evil
    html = calculators.render(result)
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "B &amp; &lt;b&gt;Co&lt;/b&gt;" in html


def test_a_knocked_out_vendor_is_marked_beside_its_bar_too() -> None:
    # Issue 7, item 9: the knocked-out vendor has the longest bar; its label and the text at the
    # end of the bar both say that it is out, even when its name is cut to fit.
    long_name = "Knocked-out vendor with a very long name"
    rows = [vendor("Winner", (6,) * 6), vendor(long_name, (9,) * 6, "no")]
    bars = run({"vendors": rows})["charts"][0]["bars"]
    assert [b["tone"] for b in bars] == ["good", "bad"]
    assert bars[1]["label"].endswith("\u2026 (out)")
    assert bars[1]["text"] == "90.0, knocked out"
    assert bars[0]["text"] == "60.0"
    html = calculators.render(run({"vendors": rows}))
    assert "90.0, knocked out" in html


def test_chart_names_are_cut_between_characters() -> None:
    # "q" + a combining dot above (no precomposed form, so it stays two code points after NFC)
    # straddles the cut: slicing left a bare "q" and dropped the dot; the label keeps the pair.
    name = "A" * 24 + "q\u0307" + "xyz"
    rows = [vendor(name, (9,) * 6), vendor("B", (5,) * 6)]
    label = run({"vendors": rows})["charts"][0]["bars"][0]["label"]
    assert label == "A" * 24 + "q\u0307\u2026"


def test_the_ranking_says_which_minimum_a_vendor_missed() -> None:
    result = run({"minimum_security": 7, "minimum_price": 5.5})
    cells = {r["cells"][0]: r["cells"][3] for r in result["tables"][0]["rows"]}
    assert cells == {
        "Vendor A (example)": "Knocked out: below the minimum on Price",
        "Vendor B (example)": "Knocked out: below the minimum on Security",
        "Vendor C (example)": "Knocked out",  # fails the yes-or-no must-haves as well
    }
    assert result["verdict"]["tone"] == "bad"
    rows = [vendor("Low", (4, 4, 9, 9, 9, 9)), vendor("Fine", (6,) * 6)]
    low = run({"vendors": rows, "minimum_expertise": 5, "minimum_fit": 5})["tables"][0]["rows"][1]
    assert low["cells"][3] == (
        "Knocked out: below the minimums on Expertise and track record, Cultural and "
        "operational fit"
    )
