"""CPython and Pyodide give identical results: the same wheel, the same requests, the same JSON.

The calculators wheel is built exactly as the site build builds it, installed into real Pyodide
(npm `pyodide`, CPython 3.14 compiled to WebAssembly) under Node, and every scenario below is
sent through `calculators.browser.respond`, the browser's one entry point, in a single Node run.
Each Pyodide response must equal what CPython returns for the same request: the full result,
the HTML and the error messages, compared exactly (types, float bits and key order included).
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from scenario_files import scenarios

import calculators
import calculators.browser
from calculators.location_comparison import PRESETS as LOCATION_PRESETS
from sitebuild import catalog_wheels, runtime_assets
from sitebuild.stdlib_probe import strip

pytestmark = pytest.mark.pyodide

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "pyodide" / "run_in_pyodide.mjs"
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
NODE_TIMEOUT_S = 300

Check = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class Scenario:
    name: str
    request: str  # the JSON text the browser's worker sends
    ok: bool  # whether the request is meant to succeed (guards against a scenario going stale)
    check: Check | None = None  # what the scenario is meant to exercise, checked on CPython


def request(
    inputs: Mapping[str, object] | None = None, calculator: str = "savings", locale: str = "en"
) -> str:
    return json.dumps({"calculator": calculator, "inputs": inputs or {}, "locale": locale})


def values(response: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = response["result"]
    return dict(result["values"])


def _loses_money(response: dict[str, Any]) -> None:
    v = values(response)
    assert v["npv"] < 0 and v["savings"] < 0
    assert v["payback_month"] is None


def _loses_money_flip_below_quote(response: dict[str, Any]) -> None:
    _loses_money(response)
    flip = values(response)["flip_price"]
    assert flip is not None and 0 <= flip < LOSING["vendor_fte_price"]


def _loses_money_no_flip(response: dict[str, Any]) -> None:
    _loses_money(response)
    assert values(response)["flip_price"] is None


def _pays_back_at_once(response: dict[str, Any]) -> None:
    v = values(response)
    assert v["one_off_cost"] == 0 and v["payback_month"] == 0 and v["profitability_index"] is None


def _fifteen_years(response: dict[str, Any]) -> None:
    assert len(values(response)["cash_flows"]) == 16


def _finnish_numbers(response: dict[str, Any]) -> None:
    # "7 047,40 SEK": digits grouped by no-break spaces, a decimal comma, the symbol after
    # (CLDR's Finnish symbol for the Swedish krona is its code: "kr" would not say which).
    flip = next(f for f in response["result"]["figures"] if f["id"] == "flip_price")
    assert re.fullmatch(r"\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0SEK", flip["text"]), flip["text"]


def _errors_on(*fields: str) -> Check:
    def check(response: dict[str, Any]) -> None:
        assert set(response["errors"]) == set(fields), response["errors"]

    return check


# A vendor dearer than the in-house team, with a costly move: outsourcing never pays back.
LOSING: dict[str, float] = {
    "vendor_fte_price": 9_000,
    "transition_cost": 250_000,
    "exit_cost": 150_000,
}

SCENARIOS: list[Scenario] = [
    *(
        Scenario(f"defaults-{cid}", request(calculator=cid), True)
        for cid in calculators.calculator_ids()
    ),
    # Every calculator's named scenarios (tests/scenarios/<id>.json).
    *(
        Scenario(f"example-{cid}-{name}", request(inputs, calculator=cid), True)
        for cid in calculators.calculator_ids()
        for name, inputs in scenarios(cid)
    ),
    Scenario("no-inputs-key", json.dumps({"calculator": "savings"}), True),
    Scenario(
        "per-unit-pricing",
        request({"pricing": "unit", "unit_price": 3.75, "units_per_year": 250_000}),
        True,
    ),
    Scenario(
        "long-horizon-high-growth",
        request(
            {
                "horizon_years": 15,
                "wage_growth_pct": 12.5,
                "escalation_pct": 9.5,
                "discount_rate_pct": 4.5,
            }
        ),
        True,
        _fifteen_years,
    ),
    Scenario(
        "deflation",
        request({"wage_growth_pct": -20, "escalation_pct": -7.5, "horizon_years": 11}),
        True,
    ),
    Scenario("zero-discount-rate", request({"discount_rate_pct": 0}), True),
    Scenario(
        "zero-one-off-costs",
        request({"transition_cost": 0, "contract_cost": 0, "ramp_months": 0}),
        True,
        _pays_back_at_once,
    ),
    Scenario("ramp-0-months", request({"ramp_months": 0}), True),
    Scenario(
        "ramp-whole-horizon",
        request({"horizon_years": 3, "ramp_months": 36, "ramp_dip_pct": 85}),
        True,
    ),
    Scenario("loses-money", request(LOSING), True, _loses_money_flip_below_quote),
    Scenario(
        "loses-money-no-flip-price",
        request({**LOSING, "transition_cost": 5_000_000, "horizon_years": 2}),
        True,
        _loses_money_no_flip,
    ),
    Scenario(
        "fractional-headcount",
        request({"headcount": 7.5, "retained_fte": 0.5, "salary": 48_250.5}),
        True,
    ),
    Scenario(
        "huge-numbers",
        request(
            {
                "headcount": 10_000,
                "salary": 10_000_000,
                "pricing": "unit",
                "units_per_year": 1e12,
                "unit_price": 0.01,
                "retained_fte": 9_999.5,
            }
        ),
        True,
    ),
    Scenario(
        "locale-fi",
        request({"currency": "SEK", "headcount": 12.5}, locale="fi"),
        True,
        _finnish_numbers,
    ),
    Scenario("locale-is-isk", request({"currency": "ISK"}, locale="is"), True),
    Scenario("locale-unknown-is-refused", request({"currency": "USD"}, locale="xx-YY"), False),
    Scenario(
        "form-strings",
        request(
            {
                "headcount": "12.5",
                "ramp_months": " 3 ",
                "wage_growth_pct": "\u22122",
                "units_per_year": "1_000",
                "salary": "61000.25",
                "currency": "NOK",
            }
        ),
        True,
    ),
    # Bad input: every one must come back as field messages, identically.
    Scenario("bad-not-a-number", request({"salary": "abc"}), False, _errors_on("salary")),
    Scenario("bad-nan-string", request({"headcount": "NaN"}), False, _errors_on("headcount")),
    Scenario(
        "bad-nan-and-inf-json",
        json.dumps(
            {"calculator": "savings", "inputs": {"salary": math.nan, "exit_cost": math.inf}}
        ),
        False,
        _errors_on("salary", "exit_cost"),
    ),
    Scenario(
        "bad-out-of-range",
        request({"headcount": 0, "horizon_years": 16, "discount_rate_pct": -1}),
        False,
        _errors_on("headcount", "horizon_years", "discount_rate_pct"),
    ),
    Scenario(
        "bad-out-of-range-fi",
        request({"salary": 2e7, "ramp_months": 2.5}, locale="fi"),
        False,
        _errors_on("salary", "ramp_months"),
    ),
    Scenario("bad-unknown-field", request({"bogus": 1}), False, _errors_on("bogus")),
    Scenario(
        "bad-retained-not-below-headcount",
        request({"headcount": 4, "retained_fte": 4}),
        False,
        _errors_on("retained_fte"),
    ),
    Scenario(
        "bad-ramp-beyond-horizon-and-no-volume",
        request({"horizon_years": 1, "ramp_months": 13, "pricing": "unit", "units_per_year": 0}),
        False,
        _errors_on("ramp_months", "units_per_year"),
    ),
    Scenario(
        "bad-wrong-types",
        request({"headcount": True, "salary": [1], "currency": "XXX", "pricing": ""}),
        False,
        _errors_on("headcount", "salary", "currency", "pricing"),
    ),
    Scenario(
        "bad-location-comparison-zone-and-one-row",
        request(
            {"home_zone": "Europe/Olso", "locations": LOCATION_PRESETS[:1]},
            calculator="location_comparison",
        ),
        False,
        _errors_on("home_zone", "locations"),
    ),
    Scenario("bad-unknown-calculator", request(calculator="nope"), False, _errors_on("")),
    Scenario(
        "bad-inputs-not-an-object",
        json.dumps({"calculator": "savings", "inputs": [1, 2]}),
        False,
        _errors_on(""),
    ),
    Scenario("bad-request-not-json", "{not json", False, _errors_on("")),
    Scenario("bad-request-not-an-object", "[]", False, _errors_on("")),
]


def first_difference(expected: object, actual: object, path: str = "$") -> str | None:
    """Where two JSON values first differ, as 'path: expected ... != actual ...', or None.

    Stricter than ==: 1 and 1.0 differ, as do 0.0 and -0.0, and dicts with keys in another
    order; NaN equals NaN.
    """
    if type(expected) is not type(actual):
        kinds = f"{type(expected).__name__} != {type(actual).__name__}"
        return f"{path}: type {kinds} ({expected!r} != {actual!r})"
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected.keys() | actual.keys():
            if key not in actual:
                return f"{path}[{key!r}]: missing on the Pyodide side"
            if key not in expected:
                return f"{path}[{key!r}]: only on the Pyodide side ({actual[key]!r})"
        for key in expected:
            found = first_difference(expected[key], actual[key], f"{path}[{key!r}]")
            if found:
                return found
        if list(expected) != list(actual):
            return f"{path}: key order {list(expected)} != {list(actual)}"
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        for index, (left, right) in enumerate(zip(expected, actual, strict=False)):
            found = first_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        if len(expected) != len(actual):
            return f"{path}: length {len(expected)} != {len(actual)}"
        return None
    if isinstance(expected, float) and isinstance(actual, float):
        same = expected.hex() == actual.hex()
    else:
        same = expected == actual
    return None if same else f"{path}: {expected!r} != {actual!r}"


def _build_wheels(out_dir: Path) -> tuple[Path, list[Path]]:
    """The code wheel and every language's catalog wheel, exactly as the site build makes
    them (the runtime_assets hook's own functions): the scenarios run in several languages."""
    whole = runtime_assets.build_wheel(out_dir / "whole", ROOT)
    code, catalogs = catalog_wheels.split(whole, out_dir)
    return code, list(catalogs.values())


def _extra_wheels(out_dir: Path) -> list[Path]:
    """The extra wheels the site serves (tzdata, ...), made as the site build makes them."""
    names = runtime_assets.extra_wheel_names()
    return [runtime_assets.wheel_from_installed(n, out_dir) for n in names]


@dataclass(frozen=True)
class PyodideRun:
    wheel: Path
    python: str
    responses: dict[str, Any]  # scenario name -> parsed response


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Iterator[PyodideRun]:
    """Every scenario in Pyodide, on the trimmed standard library the built site serves."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("`node` is not on PATH: install Node.js 20+ (CI does; see `make install`).")
    if not (PYODIDE_PACKAGE / "package.json").is_file():
        pytest.fail(f"{PYODIDE_PACKAGE} is missing: run `npm ci` (or `make install`).")

    work = tmp_path_factory.mktemp("pyodide-parity")
    wheel, catalogs = _build_wheels(work / "dist")
    extras = catalogs + _extra_wheels(work / "dist")
    libraries = sorted(built_site.glob("assets/pyodide/*/stdlib-*.zip.gz"))
    assert len(libraries) == 1, f"expected one trimmed standard library, found {libraries}"
    # Served gzip-compressed whole; the browser's worker unpacks it as it arrives.
    library = work / libraries[0].name.removesuffix(".gz")
    library.write_bytes(gzip.decompress(libraries[0].read_bytes()))
    requests_file = work / "requests.json"
    requests_file.write_text(json.dumps([s.request for s in SCENARIOS]), encoding="utf-8")

    try:
        proc = subprocess.run(
            [node, str(RUNNER), str(wheel), str(requests_file), *map(str, extras)],
            cwd=work,  # anything written to the working directory stays out of the project
            env={**os.environ, "PYODIDE_STDLIB": str(library)},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=NODE_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"Pyodide under Node did not finish within {NODE_TIMEOUT_S} s")
    if proc.returncode != 0:
        pytest.fail(f"{RUNNER.name} exited with {proc.returncode}:\n{proc.stderr}")
    try:
        output: dict[str, Any] = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        pytest.fail(f"{RUNNER.name} printed no clean JSON ({exc}):\n{proc.stdout[:2000]}")
    responses: list[Any] = output["responses"]
    assert len(responses) == len(SCENARIOS), "one response per request"
    yield PyodideRun(
        wheel=wheel,
        python=str(output["python"]),
        responses={s.name: r for s, r in zip(SCENARIOS, responses, strict=True)},
    )


def test_scenario_names_are_unique() -> None:
    names = [s.name for s in SCENARIOS]
    assert len(names) == len(set(names))
    assert sum(s.ok for s in SCENARIOS) >= 12 and sum(not s.ok for s in SCENARIOS) >= 4


def test_it_really_ran_in_pyodide(pyodide_run: PyodideRun) -> None:
    assert pyodide_run.python.startswith("3.14"), pyodide_run.python
    oks = [r["ok"] for r in pyodide_run.responses.values()]
    assert True in oks and False in oks, "expected both good and bad responses"


def test_wheel_holds_the_code_cpython_runs(pyodide_run: PyodideRun) -> None:
    """CPython here imports the source tree: the wheel ships exactly that code, with only its
    docstrings and comments blanked (every line where it was)."""
    package = Path(calculators.__file__).parent
    with zipfile.ZipFile(pyodide_run.wheel) as wheel:
        shipped = {
            name: wheel.read(name)
            for name in wheel.namelist()
            if name.startswith("calculators/") and name.endswith(".py")
        }
    source = {
        f"calculators/{p.relative_to(package).as_posix()}": p.read_bytes()
        for p in package.rglob("*.py")
    }
    assert sorted(shipped) == sorted(source)
    differing = [name for name in shipped if shipped[name] != strip(source[name].decode()).encode()]
    assert not differing, f"the wheel's copies differ from the source tree: {differing}"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_pyodide_matches_cpython(scenario: Scenario, pyodide_run: PyodideRun) -> None:
    expected: dict[str, Any] = json.loads(calculators.browser.respond(scenario.request))
    assert expected["ok"] is scenario.ok, f"{scenario.name}: CPython gave {expected}"
    if scenario.check is not None:
        scenario.check(expected)
    actual = pyodide_run.responses[scenario.name]
    difference = first_difference(expected, actual)
    assert difference is None, (
        f"scenario {scenario.name!r}: Pyodide {pyodide_run.python.split()[0]} differs from "
        f"CPython {sys.version.split()[0]} at {difference}\nrequest: {scenario.request}"
    )
    assert actual == expected  # the plain comparison the invariant states
