"""Onshore, nearshore and offshore as shared working hours: the location comparison's home
office against its three example locations, drawn day by day over one ISO week of a stated
year, in the home office's local time. The hours come from the model's own working intervals
(the IANA rules of the tzdata package); the averages are the model's result for the year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import calculators

from ._draw import FONT, Canvas, format_number, wrap
from ._figure import NARROW, Context, Figure, Link, calculator_page, html_table
from ._models import location_comparison as model

SMALL = 14
HOUR = 3600
LANE, ROW_GAP = 9, 7


@dataclass(frozen=True)
class Panel:
    """One location against the home office in the week drawn."""

    name: str
    zone: str
    start: float
    end: float
    # (day 0-6, start hour, end hour) in home local time, for each side and their overlap.
    home: tuple[tuple[int, float, float], ...]
    other: tuple[tuple[int, float, float], ...]
    shared: tuple[tuple[int, float, float], ...]
    week_hours: float  # shared in the week drawn, from the model
    average: float  # shared a week over the year, from the model
    low: float
    high: float


def _local_week(year: int, week: int, home_zone: str) -> tuple[datetime, tuple[int, int]]:
    """Monday 00:00 of the ISO week in the home zone, and that week as UTC seconds."""
    zone = model.zone(home_zone)
    monday = datetime.combine(date.fromisocalendar(year, week, 1), time(0), zone)
    after = datetime.combine(date.fromisocalendar(year, week, 7) + timedelta(days=1), time(0), zone)
    return monday.replace(tzinfo=None), (int(monday.timestamp()), int(after.timestamp()))


def _pieces(
    starts: tuple[int, ...],
    ends: tuple[int, ...],
    window: tuple[int, int],
    home_zone: str,
    monday: datetime,
) -> list[tuple[int, float, float]]:
    """UTC intervals clipped to the week, as (day, start hour, end hour) in home local time,
    split at local midnights."""
    zone = model.zone(home_zone)
    pieces: list[tuple[int, float, float]] = []
    for begin, finish in zip(starts, ends, strict=True):
        begin, finish = max(begin, window[0]), min(finish, window[1])
        if finish <= begin:
            continue
        local = [
            datetime.fromtimestamp(t, UTC).astimezone(zone).replace(tzinfo=None)
            for t in (begin, finish)
        ]
        hours = [(t - monday) / timedelta(hours=1) for t in local]
        low, high = hours
        while low < high:
            day = int(low // 24)
            cut = min(high, (day + 1) * 24)
            if 0 <= day < 7:
                pieces.append((day, low - day * 24, cut - day * 24))
            low = cut
    return pieces


def _intersection(
    a: list[tuple[int, float, float]], b: list[tuple[int, float, float]]
) -> list[tuple[int, float, float]]:
    return [
        (day, max(s1, s2), min(e1, e2))
        for day, s1, e1 in a
        for other_day, s2, e2 in b
        if day == other_day and max(s1, s2) < min(e1, e2)
    ]


def panels(week: int, locale: str = "en") -> tuple[dict[str, Any], list[Panel]]:
    """The model's defaults, evaluated for their year; one panel per example location."""
    defaults = model.FIELDSET.parse({}, locale)  # the defaults, as the model reads them
    year = int(defaults["year"])
    result = calculators.run("location_comparison", {}, locale)["values"]
    home = model.schedule(
        str(defaults["home_zone"]),
        float(defaults["home_start"]),
        float(defaults["home_end"]),
        str(defaults["home_week"]),
    )
    monday, window = _local_week(year, week, home.zone)
    home_pieces = _pieces(*model.working_intervals(home, year), window, home.zone, monday)
    out = []
    for row, summary in zip(defaults["locations"], result["locations"], strict=True):
        side = model.schedule(str(row["zone"]), float(row["start"]), float(row["end"]),
                              str(row["week"]))  # fmt: skip
        other = _pieces(*model.working_intervals(side, year), window, home.zone, monday)
        seconds = model.weekly_overlap_seconds(home, side, year)[week - 1]
        out.append(
            Panel(
                name=str(row["name"]),
                zone=side.zone,
                start=float(row["start"]),
                end=float(row["end"]),
                home=tuple(home_pieces),
                other=tuple(other),
                shared=tuple(_intersection(home_pieces, other)),
                week_hours=seconds / HOUR,
                average=float(summary["overlap_hours_per_week"]),
                low=float(summary["min_week_hours"]),
                high=float(summary["max_week_hours"]),
            )
        )
    setting = {"year": year, "zone": home.zone, "start": float(defaults["home_start"]),
               "end": float(defaults["home_end"])}  # fmt: skip
    return setting, out


def clock(hour: float) -> str:
    return f"{int(hour):02d}:{round(hour % 1 * 60):02d}"


def _panel(canvas: Canvas, x: float, y: float, width: float, panel: Panel, text: dict[str, Any],
           year: int, locale: str) -> float:  # fmt: skip
    """One location against the home office: title, hour scale, one row per day."""
    y = canvas.text(x, y + FONT, wrap(text["panel"].format(name=panel.name, zone=panel.zone),
                                      width), "fig-strong")  # fmt: skip
    hours = format_number(panel.average, locale, 1)
    line = text["panel_shared"].format(hours=hours, year=year)
    y = canvas.text(x, y + SMALL * 1.2, wrap(line, width, SMALL), "fig-small", size=SMALL)
    days: list[str] = text["days"]
    left = x + 40
    plot = x + width - left - 12  # room for the last hour label

    def px(hour: float) -> float:
        return left + hour / 24 * plot

    y += SMALL * 1.3
    for hour in (0, 6, 12, 18, 24):
        canvas.text(px(hour), y, [f"{hour:02d}"], "fig-small", "middle", SMALL)
    y += 6
    row = 2 * LANE + 2 + ROW_GAP
    for hour in (6, 12, 18):
        canvas.line(px(hour), y, px(hour), y + len(days) * row - ROW_GAP, "fig-rule")
    for day, name in enumerate(days):
        top = y + day * row
        canvas.text(x, top + LANE + 6, [name], "fig-small", size=SMALL)
        canvas.rect(left, top, plot, 2 * LANE + 2, "fig-hours-lane", 0)
        for cls, pieces, offset in (
            ("fig-hours-home", panel.home, 0.0),
            ("fig-hours-other", panel.other, LANE + 2),
            ("fig-hours-shared", panel.shared, LANE + 2),
        ):
            for piece_day, start, end in pieces:
                if piece_day == day:
                    canvas.rect(px(start), top + offset, px(end) - px(start), LANE, cls, 0)
    return y + len(days) * row


def _legend(canvas: Canvas, y: float, text: dict[str, Any], setting: dict[str, Any]) -> float:
    home = text["home"].format(zone=setting["zone"], start=clock(setting["start"]),
                               end=clock(setting["end"]))  # fmt: skip
    entries = (("fig-hours-home", home), ("fig-hours-other", text["other"]),
               ("fig-hours-shared", text["shared"]))  # fmt: skip
    x = 0.0
    for cls, label in entries:
        width = 22 + len(label) * SMALL * 0.56
        if x and x + width > canvas.width:
            x, y = 0.0, y + SMALL * 1.6
        canvas.rect(x, y - 10, 16, 10, f"{cls} fig-swatch", 0)
        canvas.text(x + 22, y, [label], "fig-small", size=SMALL)
        x += width + 18
    return y + SMALL * 0.6


def build(figure_id: str, context: Context) -> Figure:
    text = context.labels(figure_id)
    week = int(text["week"])
    setting, shown = panels(week, context.locale)
    year = setting["year"]
    note = text["week_note"].format(week=week, year=year, zone=setting["zone"])

    def draw(canvas: Canvas) -> float:
        y = canvas.text(0, FONT, wrap(note, canvas.width), "fig-axis-label")
        y = _legend(canvas, y + SMALL * 1.8, text, setting) + 10
        if canvas.width <= NARROW:
            for panel in shown:
                y = _panel(canvas, 0, y, canvas.width, panel, text, year, context.locale) + 18
            return y
        gap = 18
        width = (canvas.width - gap * (len(shown) - 1)) / len(shown)
        bottoms = [
            _panel(canvas, i * (width + gap), y, width, panel, text, year, context.locale)
            for i, panel in enumerate(shown)
        ]
        return max(bottoms) + 6

    def hours(value: float) -> str:
        return str(text["hours"]).format(value=format_number(value, context.locale, 1))

    rows = [
        [
            p.name,
            p.zone,
            f"{clock(p.start)}\u2013{clock(p.end)}",
            hours(p.week_hours),
            hours(p.average),
            str(text["range"]).format(low=format_number(p.low, context.locale, 1),
                                      high=format_number(p.high, context.locale, 1)),
        ]
        for p in shown
    ]  # fmt: skip
    columns = [str(c).format(week=week, year=year) for c in text["columns"]]
    caption = str(text["table_caption"]).format(
        home=f"{setting['zone']} ({clock(setting['start'])}\u2013{clock(setting['end'])})"
    )
    return Figure(
        id=figure_id,
        title=text["title"],
        caption=text["caption"],
        draw=draw,
        text=html_table(caption, columns, rows),
        links=(Link(text["link"], calculator_page("location_comparison")),),
    )
