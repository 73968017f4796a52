"""The guide's figures: each one renders, the marker hook places them, an unknown id fails the
build, and the figures drawn from a model show exactly that model's output."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import calculators
import figures
from calculators import location_comparison, team_health
from figures import _draw, hidden_costs, lifecycle, model_charts, shared_hours, tree
from figures._figure import Context, labels, to_html
from sitebuild.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "en"
SVG = ""  # inline SVG in HTML carries no namespace


def load_hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "overrides" / "hooks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


markers = load_hook("figure_markers")


def drawings(html: str) -> list[ET.Element]:
    """Every <svg> of a figure, parsed as XML (so each drawing is well formed)."""
    found = re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
    return [ET.fromstring(svg.replace("&nbsp;", "\u00a0")) for svg in found]


@pytest.mark.parametrize("figure_id", figures.figure_ids())
def test_every_figure_renders_two_drawings_a_caption_and_a_text_version(figure_id: str) -> None:
    html = figures.render(figure_id)
    assert html.startswith(f'<figure class="fig" id="fig-{figure_id}"')
    wide, narrow = drawings(html)
    for svg, width in ((wide, 720), (narrow, 360)):
        assert svg.get("viewBox", "").startswith(f"0 0 {width} ") or svg.get("viewBox") == (
            "0 0 640 300"  # the calculators' own line chart
        )
        assert svg.find(f"{SVG}title") is not None and svg.findtext(f"{SVG}title")
        assert svg.get("role") in {"img", "group"}
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html, flags=re.S)
    assert caption and len(caption.group(1)) > 40
    text = re.search(rf'<details class="fig-text" id="fig-{figure_id}-text">(.*?)</details>', html)
    assert text and ("<table>" in text.group(1) or "<ol>" in text.group(1))
    # Ids are unique within the figure (both drawings are in the page at once).
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_drawings_are_described_by_the_text_version() -> None:
    html = figures.render("sourcing-spectrum")
    for svg in drawings(html):
        assert svg.get("aria-describedby") == "fig-sourcing-spectrum-text"


def test_unknown_figure_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(figures.UnknownFigureError, match=r"unknown figure 'nope'.*lifecycle"):
        figures.render("nope")


def test_every_label_comes_from_the_data_file() -> None:
    """Each figure has its own table of labels, and the data file holds nothing unused."""
    data = labels("en")
    assert set(data) == {"common", *figures.figure_ids()}


# --- The hook ---------------------------------------------------------------------------------


def test_markers_become_figures_with_links_relative_to_the_page() -> None:
    context = figures.Context("en", lambda t: markers.relative_url(t, "guide/types/"))
    html, found = markers.replace_markers("<p>a</p>\n<!-- figure: lifecycle -->\n<p>b</p>", context)
    assert found == ["lifecycle"]
    assert "<!--" not in html and 'data-figure="lifecycle"' in html
    assert 'href="../deciding/"' in html
    assert 'href="../making-it-work/#governance-rhythm"' in html
    assert 'href="../../calculators/make-or-buy/"' in html
    untouched, none = markers.replace_markers("<!-- just a comment -->", context)
    assert none == [] and untouched == "<!-- just a comment -->"


def test_unknown_figure_fails_the_page() -> None:
    from mkdocs.exceptions import PluginError

    page = SimpleNamespace(meta={}, url="guide/x/", file=SimpleNamespace(src_path="guide/x.md"))
    config = {"theme": {"language": "en"}}
    with pytest.raises(PluginError, match=r"guide/x\.md: unknown figure 'nope'"):
        markers.on_page_content("<!-- figure: nope -->", page, config, None)
    markers.on_page_content("<!-- figure: savings-curve -->", page, config, None)
    assert page.meta["figures"] == ["savings-curve"]


def test_unknown_figure_fails_a_real_strict_build(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Test\n\n<!-- figure: nope -->\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\nstrict: true\nhooks:\n  - {ROOT / 'overrides/hooks/figure_markers.py'}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d",
         str(tmp_path / "site")],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode != 0
    assert "unknown figure 'nope'" in done.stderr


def placed_figures(pages: list[Path]) -> list[str]:
    return [
        marker
        for page in pages
        for marker in re.findall(r"^<!-- figure: ([\w-]+) -->$", page.read_text(), flags=re.M)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_is_placed_once_in_every_language(language: str) -> None:
    pages = sorted((DOCS.parent / language).rglob("*.md"))
    assert sorted(placed_figures(pages)) == sorted(figures.figure_ids())


# --- Figures computed by a model ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure_id", "calculator"),
    [("savings-curve", "savings"), ("make-or-buy-lines", "make_or_buy")],
)
def test_model_charts_are_the_calculators_own_chart(figure_id: str, calculator: str) -> None:
    result = calculators.run(calculator)
    chart = result["charts"][0]
    html = figures.render(figure_id)
    # The very chart the calculator page shows for its defaults, drawn by the same renderer.
    svg = _draw.line_chart(chart, f"fig-{figure_id}-wide", "en")
    assert svg.replace("<svg ", f'<svg aria-describedby="fig-{figure_id}-text" ', 1) in html
    assert chart["marker"]["label"] in html
    # The narrow drawing lays out the same series, point for point.
    narrow = drawings(html)[1]
    lines = narrow.findall(f".//{SVG}polyline")
    assert [line.get("data-series") for line in lines] == [s["id"] for s in chart["series"]]
    for line, series in zip(lines, chart["series"], strict=True):
        assert len(line.get("points", "").split()) == len(series["x"])
    # The text version lists the chart's points.
    first_series = chart["series"][0]
    assert f"<td>{_draw.format_number(first_series['y'][-1])}</td>" in html


def test_savings_curve_breaks_even_where_the_savings_model_says() -> None:
    result = calculators.run("savings")
    month = result["values"]["payback_month"]
    assert month is not None
    assert model_charts.chart("savings-curve", "en")["marker"]["x"] == month
    series = {s["id"]: s for s in model_charts.chart("savings-curve", "en")["series"]}
    # Before break-even the outsourced line is above the in-house line; from it on, not.
    assert series["outsourced"]["y"][month - 1] > series["in_house"]["y"][month - 1]
    assert series["outsourced"]["y"][month] <= series["in_house"]["y"][month]


def test_make_or_buy_lines_cross_at_the_models_break_even() -> None:
    values = calculators.run("make_or_buy")["values"]
    marker = model_charts.chart("make-or-buy-lines", "en")["marker"]
    assert marker["x"] == pytest.approx(values["break_even_volume"])


def _independent_overlap(home: tuple[str, int, int], other: tuple[str, int, int], year: int,
                         week: int) -> float:  # fmt: skip
    """Hours both sides work, Monday to Friday of an ISO week, straight from zoneinfo."""

    def shift(zone: str, start: int, end: int, day: date) -> tuple[datetime, datetime]:
        tz = ZoneInfo(zone)
        return (datetime.combine(day, time(start), tz), datetime.combine(day, time(end), tz))

    # Pairs of days either side, so a shift that crosses midnight in the other zone counts too.
    days = [date.fromisocalendar(year, week, d) for d in range(1, 6)]
    hours = 0.0
    for home_day in days:
        a = shift(*home, home_day)
        for other_day in (home_day - timedelta(days=1), home_day, home_day + timedelta(days=1)):
            if other_day.isoweekday() > 5:
                continue
            b = shift(*other, other_day)
            seconds = (min(a[1], b[1]) - max(a[0], b[0])).total_seconds()
            hours += max(0.0, seconds) / 3600
    return hours


def test_shared_hours_match_the_location_model_and_zoneinfo() -> None:
    week = int(labels("en")["shared-hours"]["week"])
    setting, panels = shared_hours.panels(week)
    values = calculators.run("location_comparison")["values"]
    assert setting["year"] == 2027 and setting["zone"] == "Europe/Oslo"
    assert [p.name for p in panels] == [row["name"] for row in values["locations"]]
    defaults = location_comparison.FIELDSET.parse({})
    for panel, summary, row in zip(panels, values["locations"], defaults["locations"], strict=True):
        # The averages are the model's own result for the year.
        assert panel.average == summary["overlap_hours_per_week"]
        assert (panel.low, panel.high) == (summary["min_week_hours"], summary["max_week_hours"])
        assert panel.week_hours == summary["weekly_overlap_hours"][week - 1]
        # What is drawn adds up to the model's hours for the week drawn ...
        assert sum(end - start for _, start, end in panel.shared) == pytest.approx(panel.week_hours)
        # ... and to an independent count from zoneinfo.
        home = (str(defaults["home_zone"]), int(defaults["home_start"]), int(defaults["home_end"]))
        other = (str(row["zone"]), int(row["start"]), int(row["end"]))
        assert panel.week_hours == pytest.approx(_independent_overlap(home, other, 2027, week))
    # Summer time in Oslo, none in Manila: the offshore example shares 3 h a day in week 24.
    assert [p.week_hours for p in panels] == [40.0, 30.0, 15.0]


def test_shared_hours_drawing_shows_the_models_hours() -> None:
    """The wide drawing's shared-hours bars, measured in hours of the drawn day, add up to the
    model's shared hours for the week."""
    week = int(labels("en")["shared-hours"]["week"])
    _, panels = shared_hours.panels(week)
    wide = drawings(figures.render("shared-hours"))[0]
    lanes = wide.findall(f".//{SVG}rect[@class='fig-hours-lane']")
    per_hour = float(lanes[0].get("width", "0")) / 24
    shared = wide.findall(f".//{SVG}rect[@class='fig-hours-shared']")
    drawn = sum(float(rect.get("width", "0")) for rect in shared) / per_hour
    assert drawn == pytest.approx(sum(p.week_hours for p in panels), abs=0.1)


# --- Figures from cited sources and from the guide's own text ----------------------------------


def test_hidden_costs_cite_the_governance_share_from_the_sources_page() -> None:
    text = labels("en")["hidden-costs"]
    cited = hidden_costs.sizes(text, "en")
    source = next(s for s in text["sources"] if s["figure"] == "governance")
    phrase = f"{source['low']}% to {source['high']}% of contract value"
    assert phrase in (DOCS / "sources.md").read_text(encoding="utf-8")
    assert phrase in cited["governance"]
    assert phrase in figures.render("hidden-costs")
    assert len(text["groups"]) == 4  # Barthélemy's four groups


def test_failure_pairs_follow_the_team_health_check() -> None:
    text = labels("en")["failure-and-traits"]
    assert [p["dimension"] for p in text["pairs"]] == [d.id for d in team_health.DIMENSIONS]
    page = (DOCS / "guide" / "making-it-work.md").read_text(encoding="utf-8")
    html = figures.render("failure-and-traits")
    for pair in text["pairs"]:
        # The guide's table row names the cause first and the trait (perhaps bold) next.
        row = rf"^\| {re.escape(pair['cause'])} \| (\*\*)?{re.escape(pair['trait'])}\b"
        assert re.search(row, page, re.MULTILINE), pair
        name = next(d.label for d in team_health.DIMENSIONS if d.id == pair["dimension"])
        assert name in html


def test_governance_rhythm_follows_the_guide() -> None:
    page = (DOCS / "guide" / "making-it-work.md").read_text(encoding="utf-8")
    for forum in labels("en")["governance-rhythm"]["forums"]:
        assert re.search(rf"\| {forum['name']} \| {forum['often']}", page), forum["name"]


def test_lifecycle_links_lead_to_real_pages_and_anchors() -> None:
    for stage in lifecycle.stages(labels("en")["lifecycle"], "en"):
        for target in (stage["page"], stage["calculator_page"]):
            path, _, anchor = target.partition("#")
            source = DOCS / (path.rstrip("/") + ".md")
            assert source.is_file(), target
            if anchor:
                assert f"{{#{anchor}}}" in source.read_text(encoding="utf-8"), target


def test_narrow_drawings_keep_text_legible() -> None:
    """Narrow drawings are 360 units wide, shown at about 1:1 on a phone: no text below the
    smallest size the style sheet gives (14 units), so none below 12 CSS px at 390 px."""
    css = (ROOT / "overrides" / "assets" / "figures.css").read_text(encoding="utf-8")
    sizes = [float(s) for s in re.findall(r"\.fig-svg[^{]*\{[^}]*font-size: (\d+)px", css)]
    assert sizes and min(sizes) >= 14
    for figure_id in figures.figure_ids():
        for svg in drawings(figures.render(figure_id, Context())):
            assert "font-size" not in ET.tostring(svg, encoding="unicode")


# --- The decision tree's drawing kind (ready for the page that will hold the tree) ---------------

SAMPLE_TREE: dict[str, Any] = {
    "title": "A sample tree",
    "caption": "A sample tree with three questions, for the tests.",
    "yes": "Yes",
    "no": "No",
    "questions": [
        {"id": "core", "text": "Is the work core to how you compete?", "yes": "keep", "no": "spec"},
        {"id": "spec", "text": "Can you specify the result?", "yes": "market", "no": "augment"},
        {
            "id": "market",
            "text": "Do several vendors offer it?",
            "yes": "outsource",
            "no": "captive",
        },
    ],
    "outcomes": [
        {"id": "keep", "name": "Keep it in-house", "page": "guide/deciding/#keep-or-outsource"},
        {"id": "augment", "name": "Staff augmentation", "page": "guide/types/"},
        {"id": "outsource", "name": "Outsource it", "page": "guide/choosing-a-partner/"},
        {"id": "captive", "name": "A captive center", "page": "guide/locations/"},
    ],
}


def test_a_decision_tree_is_drawn_as_a_ladder_with_linked_outcomes() -> None:
    context = Context("en", lambda t: markers.relative_url(t, "guide/deciding/"))
    steps = tree.ladder(SAMPLE_TREE)
    assert [(s.number, s.onward, [o["id"] for _, o in s.ends]) for s in steps] == [
        (1, "No", ["keep"]),
        (2, "Yes", ["augment"]),
        (3, None, ["outsource", "captive"]),
    ]
    html = to_html(tree.build_from("decision-tree", SAMPLE_TREE, context), context)
    wide, narrow = drawings(html)
    for svg in (wide, narrow):
        links = [a.get("href") for a in svg.iter(f"{SVG}a")]
        assert links == ["./#keep-or-outsource", "../types/", "../choosing-a-partner/",
                         "../locations/"]  # fmt: skip
        assert svg.get("role") == "group"
    assert "Is the work core to how you compete? Yes:" in html  # the text version


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"yes": "spec"}, "both answers to 'core' lead on"),
        ({"no": "core"}, "'core' is not a question, or loops back"),
        ({"no": "nowhere"}, "'nowhere' is not a question"),
    ],
)
def test_a_tree_that_is_not_a_ladder_is_refused(change: dict[str, str], problem: str) -> None:
    first = {**SAMPLE_TREE["questions"][0], **change}
    broken = {**SAMPLE_TREE, "questions": [first, *SAMPLE_TREE["questions"][1:]]}
    with pytest.raises(ValueError, match=re.escape(problem)):
        tree.ladder(broken)


@pytest.mark.parametrize("figure_id", figures.figure_ids())
def test_every_link_in_a_figure_leads_to_a_page_of_the_guide(figure_id: str) -> None:
    """Figures link by site path (made relative to the page by the hook); each must exist."""
    html = figures.render(figure_id, Context())
    for target in re.findall(r'href="([^"]+)"', html):
        path, _, anchor = target.partition("#")
        source = DOCS / (path.rstrip("/") + ".md")
        assert source.is_file(), f"{figure_id}: {target}"
        if anchor:
            assert f"{{#{anchor}}}" in source.read_text(encoding="utf-8"), f"{figure_id}: {target}"
