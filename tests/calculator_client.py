"""What the calculator test modules share: running one calculator and reading its answer."""

from __future__ import annotations

from typing import Any

import pytest

import calculators
from calculators import InputError


class CalculatorClient:
    """Calls one calculator through the public contract, as the site and the browser do."""

    def __init__(self, calculator_id: str) -> None:
        self.calculator_id = calculator_id

    def run(self, inputs: Any = None) -> dict[str, Any]:
        result: dict[str, Any] = calculators.run(
            self.calculator_id, {} if inputs is None else inputs
        )
        return result

    def values(self, inputs: Any = None) -> dict[str, Any]:
        found: dict[str, Any] = self.run(inputs)["values"]
        return found

    def errors_for(self, inputs: Any) -> dict[str, str]:
        """The field errors of inputs that must be refused."""
        with pytest.raises(InputError) as caught:
            calculators.run(self.calculator_id, inputs)
        return caught.value.errors

    def assert_only_error(self, inputs: Any, field: str, expected: str) -> None:
        """Inputs are refused with one error, on `field`, whose message contains `expected`."""
        errors = self.errors_for(inputs)
        assert list(errors) == [field], errors
        assert expected in errors[field]


def figure(result: dict[str, Any], figure_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in result["figures"] if f["id"] == figure_id)
    return found
