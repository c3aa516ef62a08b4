"""Small inline SVG charts, written at build time: no script, no library to load,
readable by a screen reader (a title and a description), light on the page.

bar_chart: articles per month; dot_chart: a figure's values over the years, with
two values for one year side by side (a discrepancy is visible at a glance).
"""

from __future__ import annotations

import html

WIDTH, HEIGHT = 640, 180
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 36, 28, 24
BAR = "#3f51b5"
TEXT = "#333333"


def _svg(chart_id: str, title: str, description: str, body: list[str]) -> str:
    """One line of HTML (a raw block for Markdown), ids unique per chart."""
    label = html.escape(title)
    return (
        f'<div class="chronique-chart-box" markdown="0"><svg class="chronique-chart" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" style="max-width:{WIDTH}px" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{label}</title><desc id="{chart_id}-d">{html.escape(description)}</desc>'
        + f'<text x="{WIDTH / 2:.0f}" y="14" font-size="12" font-weight="bold" text-anchor="middle" fill="{TEXT}">{label}</text>'
        + "".join(body)
        + "</svg></div>"
    )


def bar_chart(chart_id: str, title: str, points: list[tuple[str, int]]) -> str:
    """points: (label, count) in order. Labels are thinned so they never overlap."""
    if not points:
        return ""
    top = max(count for _, count in points) or 1
    plot_w = WIDTH - MARGIN_LEFT - 8
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    step = plot_w / len(points)
    every = max(1, round(len(points) / 12))
    body = [
        f'<text x="4" y="{MARGIN_TOP + 10}" font-size="11" fill="{TEXT}">{top}</text>',
        f'<line x1="{MARGIN_LEFT}" y1="{HEIGHT - MARGIN_BOTTOM}" x2="{WIDTH - 8}" y2="{HEIGHT - MARGIN_BOTTOM}" stroke="{TEXT}"/>',
    ]
    for i, (label, count) in enumerate(points):
        h = plot_h * count / top
        x = MARGIN_LEFT + i * step
        body.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{HEIGHT - MARGIN_BOTTOM - h:.1f}" width="{step * 0.8:.1f}" '
            f'height="{h:.1f}" fill="{BAR}"><title>{html.escape(label)} : {count}</title></rect>'
        )
        if i % every == 0:
            body.append(
                f'<text x="{x + step / 2:.1f}" y="{HEIGHT - 10}" font-size="10" text-anchor="middle" '
                f'fill="{TEXT}">{html.escape(label)}</text>'
            )
    description = "; ".join(f"{label} : {count}" for label, count in points)
    return _svg(chart_id, title, description, body)


def dot_chart(chart_id: str, title: str, points: list[tuple[int, float, str]], unit_label: str) -> str:
    """points: (year, value, value as text). One column per year."""
    if not points:
        return ""
    years = sorted({year for year, _, _ in points})
    top = max(value for _, value, _ in points) or 1
    plot_w = WIDTH - MARGIN_LEFT - 8
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    step = plot_w / len(years)
    body = [
        f'<line x1="{MARGIN_LEFT}" y1="{HEIGHT - MARGIN_BOTTOM}" x2="{WIDTH - 8}" y2="{HEIGHT - MARGIN_BOTTOM}" stroke="{TEXT}"/>',
        f'<text x="4" y="{MARGIN_TOP + 8}" font-size="11" fill="{TEXT}">{html.escape(unit_label)}</text>',
    ]
    for i, year in enumerate(years):
        x = MARGIN_LEFT + i * step + step / 2
        body.append(
            f'<text x="{x:.1f}" y="{HEIGHT - 10}" font-size="10" text-anchor="middle" fill="{TEXT}">{year}</text>'
        )
        values = sorted({(value, text) for y, value, text in points if y == year})
        for j, (value, text) in enumerate(values):
            dx = (j - (len(values) - 1) / 2) * 14
            y = HEIGHT - MARGIN_BOTTOM - plot_h * value / top
            body.append(
                f'<circle cx="{x + dx:.1f}" cy="{y:.1f}" r="5" fill="{BAR}"><title>{year} : {html.escape(text)}</title></circle>'
            )
            body.append(
                f'<text x="{x + dx + 7:.1f}" y="{y + 4:.1f}" font-size="10" fill="{TEXT}">{html.escape(text)}</text>'
            )
    description = "; ".join(f"{year} : {text}" for year, _, text in sorted(points))
    return _svg(chart_id, title, description, body)
