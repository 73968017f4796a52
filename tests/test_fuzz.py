"""20,000 hostile inputs, seeded, across every calculator and every way in: run(), the
browser's respond() and the command line. Only InputError (exit status 2) may come out."""

from __future__ import annotations

import contextlib
import io
import json
import random
from typing import Any

import pytest

import calculators
from calculators.__main__ import main
from calculators.browser import respond

IDS = calculators.calculator_ids()
ENTRIES = {entry["id"]: entry for entry in calculators.catalog()}
ROUNDS = 5  # 5 rounds x 4,000 inputs: small tests keep the report precise


def hostile_value(rng: random.Random) -> object:
    choices: list[Any] = [
        10 ** rng.randint(300, 6000), -(10 ** rng.randint(300, 400)), float("nan"),
        float("inf"), -0.0, 1e308, 5e-324, True, None, "", " ", "\u200b", "\u202e1",
        "9" * rng.randint(20, 6000), "[" * rng.randint(1, 4000), "{" * 50, "-", "1e999",
        "1,5", "1,234,567", "55 000", "55\u202f000", "€", "12 %", "1_000", "0x10", "٣",
        "²", "NaN", "Infinity", [], {}, [{}] * rng.randint(0, 50), [[[[[]]]]],
        {"name": "x"}, [{"name": "\u0000" * 10}], "x" * 100_000, rng.uniform(-1e12, 1e12),
        rng.randint(-10, 10**6), "e\u0301", "\ud800",
    ]  # fmt: skip
    return rng.choice(choices)


def hostile_key(rng: random.Random, entry: dict[str, Any]) -> str:
    fields = entry["fields"]
    field = rng.choice(fields)
    if field["kind"] == "table" and rng.random() < 0.7:
        index = rng.choice(["0", "1", "²", "9" * rng.randint(5, 5000), "-1", "00", "1 ", "x"])
        column = rng.choice([*(c["name"] for c in field["columns"]), "", "zz", "0"])
        return f"{field['name']}.{index}.{column}"
    name: str = field["name"]
    return rng.choice([name, name + "x", "", "\u202e", "a" * 10_000, "."])


def hostile_inputs(rng: random.Random) -> tuple[str, dict[str, object]]:
    cid = rng.choice(IDS)
    entry = ENTRIES[cid]
    inputs = {hostile_key(rng, entry): hostile_value(rng) for _ in range(rng.randint(1, 4))}
    return cid, inputs


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_run_refuses_hostile_input_with_input_errors_only(round_: int) -> None:
    rng = random.Random(1000 + round_)
    for _ in range(3_000):
        cid, inputs = hostile_inputs(rng)
        with contextlib.suppress(calculators.InputError):
            calculators.run(cid, inputs)


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_respond_answers_hostile_requests(round_: int) -> None:
    rng = random.Random(2000 + round_)
    for _ in range(800):
        cid, inputs = hostile_inputs(rng)
        try:
            request = json.dumps({"calculator": cid, "inputs": inputs})
        except ValueError:  # integers too long for JSON text: send the digits raw instead
            digits = "9" * 5000
            request = f'{{"calculator": "{cid}", "inputs": {{"headcount": {digits}}}}}'
        reply = json.loads(respond(request))
        assert "Internal error" not in json.dumps(reply), (cid, inputs)


def as_argument(value: object) -> str:
    """What a shell would pass: text (a huge integer as its digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**4000:
        return "9" * 5000
    return str(value)[:10_000]


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_the_command_line_exits_0_or_2(round_: int) -> None:
    rng = random.Random(3000 + round_)
    for _ in range(200):
        cid, inputs = hostile_inputs(rng)
        argv = [cid]
        for key, value in inputs.items():
            argv += ["--" + key.replace("_", "-"), as_argument(value)]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                status = main(argv)
            except SystemExit as exc:  # argparse refuses flags that do not exist
                status = int(exc.code or 0)
        assert status in (0, 2), argv
