"""A line chart for the narrow drawing: the calculators' chart data, laid out for a phone.

The wide drawing is the calculators' own `line_chart` (640 units, 12 px type, six ticks); on a
phone that type would shrink below 12 px and the ticks would collide, so the narrow drawing
lays the same data out again with fewer ticks and larger type, using the same tick helpers."""

from __future__ import annotations

from typing import Any

from ._draw import FONT, Canvas, compact, escape, ticks

SMALL = 14
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 44, 46
HEIGHT = 270


def narrow_line_chart(canvas: Canvas, chart: dict[str, Any], locale: str) -> float:
    """Draw `chart` (the calculators' line-chart dict) across the canvas; return its height."""
    series = chart["series"]
    xs = [float(x) for s in series for x in s["x"]]
    ys = [float(y) for s in series for y in s["y"]]
    x_low, x_high = min(xs), max(xs)
    y_ticks = ticks(min(0.0, min(ys)), max(ys) if max(ys) > 0 else 1.0, 4)
    x_ticks = [t for t in ticks(x_low, x_high, 3) if x_low - 1e-9 <= t <= x_high + 1e-9]
    y_low, y_high = y_ticks[0], y_ticks[-1]
    right, base = canvas.width - RIGHT, HEIGHT - BOTTOM

    def px(x: float) -> float:
        return LEFT + (x - x_low) / ((x_high - x_low) or 1) * (right - LEFT)

    def py(y: float) -> float:
        return base - (y - y_low) / ((y_high - y_low) or 1) * (base - TOP)

    y_step = y_ticks[1] - y_ticks[0] if len(y_ticks) > 1 else 1.0
    x_step = x_ticks[1] - x_ticks[0] if len(x_ticks) > 1 else 1.0
    canvas.text(2, 16, [chart["y_label"]], "fig-axis-label fig-small", size=SMALL)
    for value in y_ticks:
        canvas.line(LEFT, py(value), right, py(value), "calc-grid")
        canvas.text(LEFT - 5, py(value) + 5, [compact(value, y_step, locale)], "fig-small", "end",
                    SMALL)  # fmt: skip
    for value in x_ticks:
        canvas.text(px(value), base + 18, [compact(value, x_step, locale)], "fig-small", "middle",
                    SMALL)  # fmt: skip
    canvas.line(LEFT, base, right, base, "calc-axis")
    canvas.text((LEFT + right) / 2, HEIGHT - 4, [chart["x_label"]], "fig-axis-label fig-small",
                "middle", SMALL)  # fmt: skip
    for index, s in enumerate(series):
        points = " ".join(
            f"{px(float(x)):.1f},{py(float(y)):.1f}" for x, y in zip(s["x"], s["y"], strict=True)
        )
        canvas.add(
            f'<polyline class="calc-series calc-series-{index}" '
            f'data-series="{escape(s["id"])}" fill="none" points="{points}"/>'
        )
    mark = chart.get("marker") or {}
    if mark.get("x") is not None:
        x = px(float(mark["x"]))
        canvas.line(x, TOP - 6, x, base, "calc-marker")
        anchor, dx = ("end", -4) if x > (LEFT + right) / 2 else ("start", 4)
        canvas.text(x + dx, TOP - 10, [mark["label"]], "fig-small", anchor, SMALL)
    return HEIGHT + FONT * 0.2
