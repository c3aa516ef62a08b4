"""Charts read on a phone: at a 390 px wide screen, every text of the home page's
articles-per-month chart and of the key-figures charts is drawn at 11 px or more, and
no two texts of a chart overlap or leave it. Measured on the rendered pages, in chromium,
on a small site written for the purpose (two years of articles, figures over five years,
a discrepancy, large amounts)."""

from __future__ import annotations

import random

import pytest

from chronique.audit import serve
from tests.conftest import build_folder, copy_hand_written_docs, mkdocs_build

PHONE = {"width": 390, "height": 844}
WORDS = (
    "coopération délégation province université hôpital barrage route électricité agriculture formation "
    "bourse culture patrimoine tourisme douane frontière sécurité santé vaccin riz café caoutchouc "
    "minerai potasse chemin fer port autoroute logistique banque crédit assurance numérique télécom "
    "réseau école enseignant médecin ingénieur chercheur laboratoire semence irrigation forêt rivière "
    "mékong montagne plateau village coopérative marché festival musée bibliothèque journal radio"
).split()

# (year, value in billions of dollars): Vietnam–Laos trade, two articles disagreeing on 2025
LAOS_TRADE = [(2021, "1,5"), (2022, "1,7"), (2023, "1,6"), (2024, "2,25"), (2025, "2,6"), (2025, "3")]
CAMBODIA_TRADE = [(2024, "10,1"), (2025, "10,4")]


def article(n: int, year: int, month: int, extra: str = "") -> str:
    """A short article of its own words (no two are near copies)."""
    rng = random.Random(n)
    words = " ".join(rng.sample(WORDS, 14))
    return (
        f" date {year}-{month:02d}-{1 + n % 27:02d} Dépêche numéro {n} sur la coopération\n\n"
        f"Le comité mixte a examiné les dossiers suivants : {words}.\n\n" + (extra + "\n" if extra else "")
    )


def seed_articles() -> dict[str, str]:
    files = {}
    n = 0
    for k in range(24):
        year, month = 2024 + k // 12, 1 + k % 12
        for _ in range((k * 7) % 4):  # 0 to 3 articles a month, some months empty
            n += 1
            files[f"a{n:03d}.txt"] = article(n, year, month)
    for year, value in LAOS_TRADE:
        n += 1
        sentence = (
            f"Le commerce bilatéral entre le Vietnam et le Laos a atteint {value} milliards de dollars en {year}."
        )
        files[f"a{n:03d}.txt"] = article(n, 2026, 1, sentence)
    for year, value in CAMBODIA_TRADE:
        n += 1
        sentence = f"Les échanges commerciaux entre le Vietnam et le Cambodge ont atteint {value} milliards de dollars en {year}."
        files[f"a{n:03d}.txt"] = article(n, 2026, 2, sentence)
    return files


@pytest.fixture(scope="module")
def charts_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("charts-site")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, text in seed_articles().items():
        (seeds / name).write_text(text, encoding="utf-8")
    docs = root / "docs"
    copy_hand_written_docs(docs)
    build_folder(seeds, docs)
    status, output, site = mkdocs_build(docs, root / "mkdocs")
    assert status == 0, output
    with serve(site) as url:
        yield url


MEASURE = """() => [...document.querySelectorAll('svg.chronique-chart')].map(svg => {
  const box = svg.getBoundingClientRect();
  const title = svg.parentElement.querySelector('.chronique-chart-title');
  return {
    name: svg.id,
    box: {left: box.left, right: box.right, top: box.top, bottom: box.bottom},
    title: title ? parseFloat(getComputedStyle(title).fontSize) : null,
    texts: [...svg.querySelectorAll('text')].map(t => {
      const r = t.getBoundingClientRect();
      return {
        text: t.textContent,
        // the size as drawn: the CSS size times the viewBox's scale
        size: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
        left: r.left, right: r.right, top: r.top, bottom: r.bottom,
      };
    }),
  };
})"""


def charts_on(browser, url: str) -> list[dict]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        return page.evaluate(MEASURE)
    finally:
        context.close()


def overlap(a: dict, b: dict) -> float:
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return min(width, height)


@pytest.mark.parametrize("path, least", [("", 1), ("chiffres-cles/", 2)], ids=["home", "key_figures"])
def test_chart_text_is_legible_and_never_overlaps_on_a_390px_screen(browser, charts_url, path, least):
    charts = charts_on(browser, charts_url + path)
    assert len(charts) >= least, charts
    for chart in charts:
        texts, box = chart["texts"], chart["box"]
        assert len(texts) >= 5, chart["name"]  # a scale and labels, not an empty drawing
        assert chart["title"] >= 11, chart["name"]
        for t in texts:
            assert t["size"] >= 11, (chart["name"], t["text"], round(t["size"], 1))
            assert box["left"] - 0.5 <= t["left"] and t["right"] <= box["right"] + 0.5, (chart["name"], t["text"])
            assert box["top"] - 0.5 <= t["top"] and t["bottom"] <= box["bottom"] + 0.5, (chart["name"], t["text"])
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                assert overlap(a, b) <= 0.5, (chart["name"], a["text"], b["text"])


def test_the_key_figures_charts_keep_cambodia_apart_and_have_a_french_scale(browser, charts_url):
    charts = charts_on(browser, charts_url + "chiffres-cles/")
    texts = {chart["name"]: [t["text"] for t in chart["texts"]] for chart in charts}
    assert len(texts) == 2  # Vietnam–Laos trade and Vietnam–Cambodia trade, each its own chart
    for labels in texts.values():
        assert "0\u00a0$" in labels, labels  # the scale starts at zero, in dollars
        amounts = [label for label in labels if label.endswith("Md\u00a0$")]
        assert amounts and all("." not in label for label in amounts), labels  # "2,5 Md $", never "2.5"
