"""Server-rendered SVG charts for the dashboards and the handbook: no JavaScript library, no CDN.

Pure functions: categories and series in, SVG markup out, with axis labels in Vietnamese number
format (1.250; 85%). Colours are attributes, so a chart looks the same inside any page, printed
or saved on its own.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from motcua.utils.formatting import vn_number

PALETTE = ("#a4161a", "#1f6feb", "#1a7f37", "#9a6700")
WIDTH, HEIGHT = 720, 300
# Room for the y labels on the left, the x labels and the legend below.
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 64


@dataclass(frozen=True)
class Series:
    """One named series; ``None`` is a missing value (a month not yet reached), not a zero."""

    name: str
    values: Sequence[float | None]


def nice_ticks(maximum: float, *, count: int = 5, integer: bool = True) -> list[float]:
    """Axis ticks from 0 to at least ``maximum``, about ``count`` steps of 1, 2 or 5 × 10ⁿ
    (integer steps for counts: 0, 1, 2, 3 rather than 0, 0.5, 1)."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if integer:
        step = max(1, round(step))
    steps = math.ceil(maximum / step - 1e-9)
    return [i * step for i in range(steps + 1)]


def _axis_label(value: float, percent: bool) -> str:
    text = vn_number(value, 0 if float(value).is_integer() else 1)
    return f"{text}%" if percent else text


def _value_label(value: float, percent: bool) -> str:
    return f"{vn_number(value, 2)}%" if percent else vn_number(value, 2)


def _frame(title: str, body: list[str], legend: list[str]) -> SafeString:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(title)}" font-family="system-ui, sans-serif" '
        f'font-size="12">',
        f"<title>{escape(title)}</title>",
        *body,
        *legend,
        "</svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every text in it is escaped above


def _grid(ticks: list[float], percent: bool) -> tuple[list[str], float]:
    """Horizontal grid lines with their labels; returns the markup and the pixels per unit."""
    plot_height = HEIGHT - TOP - BOTTOM
    scale = plot_height / ticks[-1]
    lines = []
    for tick in ticks:
        y = HEIGHT - BOTTOM - tick * scale
        lines.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="#d0d7de" stroke-width="1"/>'
        )
        lines.append(
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#57606a">'
            f"{escape(_axis_label(tick, percent))}</text>"
        )
    return lines, scale


def _x_labels(categories: Sequence[str]) -> tuple[list[str], float]:
    slot = (WIDTH - LEFT - RIGHT) / max(len(categories), 1)
    labels = [
        f'<text x="{LEFT + slot * (i + 0.5):.1f}" y="{HEIGHT - BOTTOM + 18}" '
        f'text-anchor="middle" fill="#1f2328">{escape(name)}</text>'
        for i, name in enumerate(categories)
    ]
    return labels, slot


def _legend(series: Sequence[Series]) -> list[str]:
    items, x = [], LEFT
    y = HEIGHT - 18
    for index, one in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        items.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>')
        items.append(f'<text x="{x + 18}" y="{y}" fill="#1f2328">{escape(one.name)}</text>')
        x += 30 + 7 * len(one.name)
    return items


def bar_chart(*, title: str, categories: Sequence[str], series: Sequence[Series]) -> SafeString:
    """Grouped bars (counts): one group per category, one bar per series."""
    values = [v for one in series for v in one.values if v is not None]
    ticks = nice_ticks(max(values, default=0))
    body, scale = _grid(ticks, percent=False)
    labels, slot = _x_labels(categories)
    body += labels
    bar = slot * 0.8 / max(len(series), 1)
    for index, one in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        for i, value in enumerate(one.values):
            if value is None:
                continue
            height = value * scale
            x = LEFT + slot * i + slot * 0.1 + bar * index
            y = HEIGHT - BOTTOM - height
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" '
                f'fill="{colour}"><title>{escape(one.name)}, {escape(categories[i])}: '
                f"{escape(vn_number(value))}</title></rect>"
            )
    return _frame(title, body, _legend(series))


def line_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    maximum: float = 100,
    percent: bool = True,
) -> SafeString:
    """Lines on a 0–``maximum`` axis (percentages by default, else scores such as an index out
    of 100 or of 80); a missing value breaks the line."""
    ticks = nice_ticks(maximum, integer=True)
    body, scale = _grid(ticks, percent=percent)
    labels, slot = _x_labels(categories)
    body += labels
    for index, one in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        runs: list[list[tuple[float, float]]] = [[]]
        for i, value in enumerate(one.values):
            if value is None:
                runs.append([])
                continue
            point = (LEFT + slot * (i + 0.5), HEIGHT - BOTTOM - value * scale)
            runs[-1].append(point)
            body.append(
                f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="3.5" fill="{colour}">'
                f"<title>{escape(one.name)}, {escape(categories[i])}: "
                f"{escape(_value_label(value, percent))}</title></circle>"
            )
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                body.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
                )
    return _frame(title, body, _legend(series))
