"""The SVG charts as written (chronique/charts.py): a labelled scale in French, labels
thinned so that they never touch, a text alternative. How they are drawn on a phone is
measured in a browser: tests/browser/test_charts.py."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from chronique.charts import FONT, GAP, bar_chart, dot_chart, nice_ticks, number_label, text_width


@pytest.mark.parametrize("top", [1, 2, 3, 7, 10, 37, 99, 1200, 2.6e9, 10.4e9, 0.4])
def test_a_scale_has_three_to_five_ticks_from_zero_covering_the_largest_value(top):
    ticks = nice_ticks(top, whole=top >= 1)
    assert 3 <= len(ticks) <= 5 and ticks[0] == 0 and ticks[-1] >= top


def test_a_count_has_no_half_tick():
    assert all(t == int(t) for t in nice_ticks(1, whole=True))


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (2.5e9, "USD", "2,5\u00a0Md\u00a0$"),
        (3e9, "USD", "3\u00a0Md\u00a0$"),
        (1.5e6, "EUR", "1,5\u00a0M\u00a0€"),
        (2500, "", "2\u202f500"),
        (15, "%", "15\u00a0%"),
        (0, "USD", "0\u00a0$"),
    ],
)
def test_scale_labels_are_in_french_number_format(value, unit, expected):
    assert number_label(value, unit) == expected


def texts(svg: str) -> list[tuple[float, str, str]]:
    """(x, anchor, text) of every <text> of a chart."""
    return [
        (float(x), anchor, text)
        for x, anchor, text in re.findall(
            r'<text x="([\d.]+)" y="[\d.]+" [^>]*text-anchor="(\w+)"[^>]*>([^<]*)</text>', svg
        )
    ]


def test_month_labels_are_thinned_so_that_they_never_touch_and_the_newest_is_shown():
    months = [(f"{m:02d}/{y % 100:02d}", (y * 12 + m) % 5) for y in range(2016, 2026) for m in range(1, 13)]
    svg = bar_chart("mois", "Articles par mois", months)
    shown = [(x, text) for x, anchor, text in texts(svg) if "/" in text]
    assert 3 <= len(shown) < len(months)
    assert shown[-1][1] == "12/25"
    for (x1, a), (x2, b) in pairwise(shown):
        assert x2 - x1 >= (text_width(a, FONT) + text_width(b, FONT)) / 2 + GAP / 2, (a, b)


def test_a_chart_is_named_by_its_visible_title_and_described_value_by_value():
    svg = dot_chart(
        "c", "Commerce bilatéral, Laos–Vietnam (USD) par année", [(2024, 2.25e9, "2,25 milliards USD")], "USD"
    )
    assert '<p class="chronique-chart-title" id="c-t">Commerce bilatéral, Laos–Vietnam (USD) par année</p>' in svg
    assert 'role="img" aria-labelledby="c-t c-d"' in svg
    assert '<desc id="c-d">2024 : 2,25 milliards USD</desc>' in svg
    assert "2,25\u00a0Md\u00a0$" in svg  # the dot's own label, when it fits


@pytest.mark.parametrize("values", [[0.0], [0.004], [7.0, 7.0], [3e15, 1.0], [12.5, 99.5, 100.0]])
def test_any_values_give_a_scale_and_a_chart(values):
    svg = dot_chart("v", "Valeurs", [(2020 + i, v, str(v)) for i, v in enumerate(values)], "%")
    assert svg.count("<circle") == len(values) and "0\u00a0%" in svg


def test_a_single_month_is_a_chart():
    svg = bar_chart("m", "Articles par mois", [("02/26", 1)])
    assert [t for _, _, t in texts(svg) if "/" in t] == ["02/26"]
