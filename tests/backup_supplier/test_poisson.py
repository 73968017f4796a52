"""The Poisson helpers: e^-x from basic arithmetic only, checked against the C library."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.backup_supplier.poisson import chance_of_any, exp_neg, quantile


def test_reference_values() -> None:
    assert exp_neg(0) == 1.0
    assert exp_neg(1) == pytest.approx(0.36787944117144233, rel=1e-14)
    # 1 - e^-0.15 = 0.139292; one a year: 1 - 1/e = 0.632121.
    assert chance_of_any(0.15) == pytest.approx(0.1392920235749422, rel=1e-13)
    assert chance_of_any(1) == pytest.approx(0.6321205588285577, rel=1e-13)


@given(st.floats(min_value=0, max_value=60))  # rates up to 12 a year, with room
def test_agrees_with_math_exp(x: float) -> None:
    assert exp_neg(x) == pytest.approx(math.exp(-x), rel=1e-12, abs=0)


def test_negative_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        exp_neg(-1.0)


def test_quantile_by_hand() -> None:
    # Poisson(1): P(0) = P(1) = e^-1 = 0.3679, P(2) = e^-1 / 2 = 0.1839, P(3) = 0.0613:
    # cumulative 0.3679, 0.7358, 0.9197, 0.9810.
    assert [quantile(1.0, q) for q in (0.3, 0.5, 0.9, 0.95, 0.99)] == [0, 1, 2, 3, 4]
    assert quantile(0.0, 0.999) == 0  # no events at all
