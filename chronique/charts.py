"""Small inline SVG charts, written at build time: no script, no library to load,
readable by a screen reader (a title and a description), light on the page.

bar_chart: articles per month; dot_chart: a figure's values over the years, with
two values for one year side by side (a discrepancy is visible at a glance).

Legible on a phone. An SVG with a viewBox scales its text with its width, so the
viewBox is narrow (WIDTH units) and the page never draws it much narrower: at a
390 px wide screen the content column is about 358 px, so text of FONT units is
drawn at FONT × 358 / WIDTH ≈ 12.6 px, never under 11 px (docs/stylesheets/extra.css
caps the width at MAX_WIDTH px, where it is 16 px). Everything scales together, so
whether two labels overlap does not depend on the width: labels are placed in
viewBox units from a conservative estimate of their width, and thinned or dropped
when they would touch.
"""

from __future__ import annotations

import html
import math

from babel.numbers import format_compact_decimal, format_decimal

from .text import LOCALE

WIDTH, HEIGHT = 340, 190
MAX_WIDTH = 460  # px: the widest the page draws a chart (extra.css); its text is then 16 px
FONT = 12
MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM = 12, 10, 28
GAP = 6  # between two labels, in viewBox units
BAR = "#3f51b5"
GRID = "#d0d0d0"
TEXT = "#333333"
SYMBOL = {"USD": "$", "EUR": "€", "%": "%"}

# Character widths in em, a little wider than Arial, Liberation Sans or DejaVu Sans
# draw them (the theme uses the system's sans-serif): an estimate that errs on the wide side.
_NARROW = set(" \u00a0\u202f,.:/'’()-ilj|")
_WIDE = set("MWmw%@")


def text_width(text: str, size: float) -> float:
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.36
        elif ch in _WIDE:
            em += 0.98
        elif ch.isupper():
            em += 0.78
        else:
            em += 0.64
    return em * size


def nice_ticks(top: float, whole: bool) -> list[float]:
    """3 to 5 ticks from 0, steps of 1, 2, 2.5 or 5 × 10^k covering `top`
    (whole numbers only when `whole`: a count has no half article)."""
    top = max(top, 1 if whole else top) or 1
    exponent = math.floor(math.log10(top / 4))
    for power in (exponent, exponent + 1):
        for m in (1, 2, 2.5, 5):
            step = m * 10**power
            if whole and step != int(step):
                continue
            if math.ceil(top / step - 1e-9) <= 4:
                n = max(2, math.ceil(top / step - 1e-9))
                return [step * i for i in range(n + 1)]
    return [0, top]  # not reached: 10^(exponent+1) × 5 always covers top


def number_label(value: float, unit: str = "", digits: int = 1) -> str:
    """A number in French, short: "2 500", "2,5 Md $", "15 %" (`digits` after the comma
    for millions and billions: a scale needs 1, a value 2, "2,25 Md $")."""
    if abs(value) >= 1e6:
        text = format_compact_decimal(value, locale=LOCALE, fraction_digits=digits)
    else:
        text = format_decimal(round(value, 2), locale=LOCALE)
    symbol = SYMBOL.get(unit)
    return f"{text}\u00a0{symbol}" if symbol else text


def _text(x: float, y: float, label: str, anchor: str = "middle") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{FONT}" text-anchor="{anchor}" '
        f'fill="{TEXT}">{html.escape(label)}</text>'
    )


def _svg(chart_id: str, title: str, description: str, body: list[str]) -> str:
    """One line of HTML (a raw block for Markdown), ids unique per chart. The title is
    HTML above the drawing, so it wraps on a phone and is never scaled down; it names
    the drawing for a screen reader, and the description gives every value."""
    label = html.escape(title)
    return (
        f'<div class="chronique-chart-box" markdown="0"><p class="chronique-chart-title" id="{chart_id}-t">{label}</p>'
        f'<svg class="chronique-chart" id="{chart_id}-g" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f'<title>{label}</title><desc id="{chart_id}-d">{html.escape(description)}</desc>'
        + "".join(body)
        + "</svg></div>"
    )


def _scale(ticks: list[float], unit: str) -> tuple[float, list[str]]:
    """The y axis: its labels right-aligned against the plot, a light line at each
    tick. Returns the plot's left edge and the SVG elements."""
    labels = [number_label(t, unit) for t in ticks]
    left = max(text_width(label, FONT) for label in labels) + 2 * GAP
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    body = []
    for tick, label in zip(ticks, labels):
        y = HEIGHT - MARGIN_BOTTOM - plot_h * tick / ticks[-1]
        body.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(_text(left - GAP, y + FONT * 0.35, label, anchor="end"))
    return left, body


def _every(label_width: float, step: float) -> int:
    """Show every k-th label of a row, so that two shown labels never touch."""
    return max(1, math.ceil((label_width + GAP) / step))


def bar_chart(chart_id: str, title: str, points: list[tuple[str, int]]) -> str:
    """points: (label, count) in order. Labels are thinned so they never overlap."""
    if not points:
        return ""
    ticks = nice_ticks(max(count for _, count in points), whole=True)
    left, body = _scale(ticks, "")
    plot_w = WIDTH - left - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    step = plot_w / len(points)
    every = _every(max(text_width(label, FONT) for label, _ in points), step)
    for i, (label, count) in enumerate(points):
        h = plot_h * count / ticks[-1]
        x = left + i * step
        body.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{HEIGHT - MARGIN_BOTTOM - h:.1f}" width="{step * 0.7:.1f}" '
            f'height="{h:.1f}" fill="{BAR}"><title>{html.escape(label)} : {count}</title></rect>'
        )
    columns = [(left + i * step + step / 2, label) for i, (label, _) in enumerate(points)]
    body += [_text(x, HEIGHT - 9, label) for x, label in _axis_labels(columns, every)]
    description = "; ".join(f"{label} : {count}" for label, count in points)
    return _svg(chart_id, title, description, body)


def _axis_labels(columns: list[tuple[float, str]], every: int) -> list[tuple[float, str]]:
    """The x-axis labels shown: every k-th column's, counted back from the newest, each
    centred under its column or moved in when it would leave the chart; a label that
    would then touch its neighbour is left out (the newest is always shown)."""
    shown: list[tuple[float, str]] = []
    for i in range(len(columns) - 1, -1, -every):
        x, label = columns[i]
        half = text_width(label, FONT) / 2
        x = min(max(x, half + 2), WIDTH - half - 2)
        if shown:
            nx, neighbour = shown[-1]
            if nx - x < half + text_width(neighbour, FONT) / 2 + GAP:
                continue
        shown.append((x, label))
    return shown[::-1]


def dot_chart(chart_id: str, title: str, points: list[tuple[int, float, str]], unit_label: str) -> str:
    """points: (year, value, value as text). One column per year; a value's label beside
    its dot when it fits without touching another label, else only in the dot's tooltip
    and the description."""
    if not points:
        return ""
    years = sorted({year for year, _, _ in points})
    ticks = nice_ticks(max(value for _, value, _ in points), whole=False)
    left, body = _scale(ticks, unit_label)
    plot_w = WIDTH - left - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    step = plot_w / len(years)
    every = _every(text_width("0000", FONT), step)
    placed: list[tuple[float, float, float, float]] = []  # boxes of the labels drawn
    dots = []
    for i, year in enumerate(years):
        x = left + i * step + step / 2
        values = sorted({(value, text) for y, value, text in points if y == year})
        for j, (value, text) in enumerate(values):
            dx = (j - (len(values) - 1) / 2) * 14
            y = HEIGHT - MARGIN_BOTTOM - plot_h * value / ticks[-1]
            dots.append((x + dx, y, value, text, year))
            body.append(
                f'<circle cx="{x + dx:.1f}" cy="{y:.1f}" r="5" fill="{BAR}"><title>{year} : {html.escape(text)}</title></circle>'
            )
    columns = [(left + i * step + step / 2, str(year)) for i, year in enumerate(years)]
    for x, label in _axis_labels(columns, every):
        body.append(_text(x, HEIGHT - 9, label))
        placed.append(_box(x, HEIGHT - 9, label, "middle"))
    # value labels last, so that the scale and the years keep their place; a label
    # touches neither another label nor another dot
    for n, (cx, cy, value, text, year) in enumerate(dots):
        short = number_label(value, unit_label, digits=2)
        others = [(ox - 5, oy - 5, 10, 10) for m, (ox, oy, *_) in enumerate(dots) if m != n]
        for anchor, x in (("start", cx + 8), ("end", cx - 8)):
            box = _box(x, cy + FONT * 0.35, short, anchor)
            inside = box[0] >= left and box[0] + box[2] <= WIDTH - 2 and box[1] >= 0
            if inside and not any(_touch(box, other) for other in placed + others):
                placed.append(box)
                body.append(_text(x, cy + FONT * 0.35, short, anchor=anchor))
                break
    description = "; ".join(f"{year} : {text}" for year, _, text in sorted(points))
    return _svg(chart_id, title, description, body)


def _box(x: float, baseline: float, label: str, anchor: str) -> tuple[float, float, float, float]:
    """(left, top, width, height) of a label, from the estimate of its width."""
    width = text_width(label, FONT)
    start = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (start, baseline - FONT, width, FONT * 1.3)


def _touch(a, b) -> bool:
    return a[0] < b[0] + b[2] + GAP / 2 and b[0] < a[0] + a[2] + GAP / 2 and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def month_points(counts: dict[tuple[int, int], int], last: int | None = None) -> list[tuple[str, int]]:
    """(label "MM/AA", count) for every month from the first counted to the last, empty months
    included (a gap in the bars is a gap in time), the `last` newest only when given."""
    if not counts:
        return []
    (y, m), end = min(counts), max(counts)
    months = []
    while (y, m) <= end:
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if last:
        months = months[-last:]
    return [(f"{m:02d}/{y % 100:02d}", counts.get((y, m), 0)) for y, m in months]
