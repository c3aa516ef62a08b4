"""Key figures that mean something: a figure knows the countries it concerns and whether
it is a reported value, a goal or a forecast; only like is compared with like."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.figures import MeasureRules, extract_figures, parties_of
from tests.conftest import build_folder

DATA = Path(__file__).resolve().parent.parent / "data"
RULES = MeasureRules.load(DATA / "measures.yml")


def only_figure(sentence: str, title: str = ""):
    figures = extract_figures([sentence], RULES, title=title)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    "sentence, parties",
    [
        ("Les échanges entre le Vietnam et le Cambodge ont progressé.", ("Cambodge", "Vietnam")),
        ("Le commerce vietnamo-laotien progresse.", ("Laos", "Vietnam")),
        ("Les entreprises vietnamiennes investissent au Laos.", ("Laos", "Vietnam")),
        ("Les investisseurs khmers et thaïlandais sont présents.", ("Cambodge", "Thaïlande")),
        ("Le partenariat sino-vietnamien s'approfondit.", ("Chine", "Vietnam")),
        ("La Corée du Nord a répondu.", ("Corée du Nord",)),
        ("Le montant est exprimé en dollars américains.", ()),  # a currency, not the United States
        ("La province de Lào Cai attire les touristes.", ()),  # a Vietnamese province, not Laos
    ],
    ids=["names", "compound", "demonym", "two_demonyms", "prefix", "longest_name", "currency", "province"],
)
def test_a_text_names_its_parties_by_name_or_demonym(sentence, parties):
    assert parties_of(sentence, RULES) == parties


def test_a_figure_takes_its_parties_from_its_sentence_before_the_article():
    figure = only_figure(
        "Les échanges entre le Vietnam et le Cambodge ont atteint 10,1 milliards de dollars en 2025.",
        title="Vietnam - Laos : une amitié exemplaire",
    )
    assert (figure.parties, figure.parties_source) == (("Cambodge", "Vietnam"), "sentence")


def test_a_figure_whose_sentence_names_no_country_takes_the_articles():
    paragraphs = [
        "Le président laotien a été reçu à Hanoï par son homologue vietnamien.",
        "Le commerce bilatéral a atteint 3 milliards de dollars en 2025.",
    ]
    figure = extract_figures(paragraphs, RULES, title="Une visite d'amitié")[0]
    assert (figure.parties, figure.parties_source) == (("Laos", "Vietnam"), "article")


def test_a_figure_takes_the_parties_of_the_sentence_before_it_in_its_paragraph():
    paragraph = (
        "Le Cambodge est un partenaire clé du Vietnam. Le commerce bilatéral a atteint 10 milliards de dollars en 2025."
    )
    figure = extract_figures([paragraph], RULES, title="Le Vietnam et le Laos renforcent leurs liens")[0]
    assert (figure.parties, figure.parties_source) == (("Cambodge", "Vietnam"), "paragraph")


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Le commerce bilatéral a atteint 2,6 milliards de dollars en 2025.", "value"),
        ("Les deux pays se sont fixé l'objectif de 5 milliards de dollars d'échanges.", "target"),
        ("Les échanges commerciaux passeront à 5 milliards de dollars d'ici 2030.", "target"),
        ("Le gouvernement prévoit 300 millions de dollars d'aide en 2027.", "forecast"),
        ("Le commerce bilatéral devrait atteindre 4 milliards de dollars l'an prochain.", "forecast"),
        ("Les échanges visés, 8 milliards de dollars à long terme, restent loin.", "target"),
    ],
    ids=["reported", "objectif", "d_ici", "prevoit", "devrait_atteindre", "long_terme"],
)
def test_goals_and_forecasts_are_not_reported_values(sentence, kind):
    assert only_figure(sentence).kind == kind


def test_each_figure_of_a_sentence_has_its_own_kind():
    figures = extract_figures(
        [
            (
                "Les deux pays, qui visent 5 milliards de dollars, ont échangé 2,6 milliards de dollars en 2025, "
                "et comptent atteindre 10 milliards de dollars à long terme."
            )
        ],
        RULES,
    )
    assert [(f.value, f.kind) for f in figures] == [(5e9, "target"), (2.6e9, "value"), (10e9, "target")]


def test_a_figure_said_in_the_same_breath_as_a_goal_is_a_goal():
    figures = extract_figures(
        ["L'objectif est de 5 milliards de dollars en 2026 et de 10 milliards de dollars en 2030."], RULES
    )
    assert [(f.kind, f.year) for f in figures] == [("target", 2026), ("target", 2030)]


def test_a_goal_reached_is_followed_by_a_reported_value():
    figures = extract_figures(
        ["L'objectif de 2 milliards de dollars a été dépassé, avec 2,25 milliards de dollars d'échanges en 2024."],
        RULES,
    )
    assert [f.kind for f in figures] == ["target", "value"]


# -- across articles: a small site -------------------------------------------------------

ARTICLES = {
    # Vietnam–Laos trade in 2025, twice, with different values: a real discrepancy
    "laos_a.txt": (
        " date 2026-01-10 Le commerce entre le Vietnam et le Laos progresse\n\n"
        "Le commerce bilatéral entre le Vietnam et le Laos a atteint 2,6 milliards de dollars en 2025.\n\n"
        "Les deux pays se sont fixé l'objectif de 5 milliards de dollars d'échanges en 2025.\n"
    ),
    # the parties come from the title: the sentence names no country
    "laos_b.txt": (
        " date 2026-01-12 Vietnam - Laos : des échanges record\n\n"
        "Selon le ministère, le commerce bilatéral a atteint 3 milliards de dollars en 2025.\n"
    ),
    # Vietnam–Cambodia trade in 2025: another thing, never compared with the two above
    "cambodge.txt": (
        " date 2026-01-15 Le Vietnam et le Cambodge veulent aller plus loin\n\n"
        "Les échanges commerciaux entre le Vietnam et le Cambodge ont atteint 10,1 milliards de dollars en 2025.\n"
    ),
    # Vietnam–Cambodia again, the country named only in the title
    "cambodge_titre.txt": (
        " date 2026-01-16 Hun Manet salue les liens entre le Cambodge et le Vietnam\n\n"
        "Le commerce bilatéral a atteint 10,4 milliards de dollars en 2025.\n"
    ),
    # Vietnam–Thailand trade in 2025: one article gives the whole and a part, the other the
    # whole only; they agree
    "thai_a.txt": (
        " date 2026-01-20 Le Vietnam et la Thaïlande, partenaires\n\n"
        "Le commerce bilatéral entre le Vietnam et la Thaïlande a atteint 20 milliards de dollars en 2025, "
        "dont 8 milliards de dollars d'exportations vietnamiennes.\n"
    ),
    "thai_b.txt": (
        " date 2026-01-21 Bangkok et Hanoï font le bilan\n\n"
        "Les échanges commerciaux entre la Thaïlande et le Vietnam se sont élevés à 20 milliards de dollars en 2025.\n"
    ),
    # a forecast whose measure is not said: shown with the goals all the same
    "prevision.txt": (
        " date 2026-01-19 Tourisme : le Laos attend du monde\n\n"
        "Le Laos prévoit d'accueillir 40 000 touristes vietnamiens en 2027.\n"
    ),
    # two articles that name no country at all: shown, never flagged
    "vague_a.txt": " date 2026-01-17 Un bilan\n\nLe commerce bilatéral a atteint 1 milliard de dollars en 2025.\n",
    "vague_b.txt": " date 2026-01-18 Un autre bilan\n\nLe commerce bilatéral a atteint 7 milliards de dollars en 2025.\n",
}


@pytest.fixture(scope="module")
def figures_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("key-figures")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    result = build_folder(seeds, root / "docs")
    return result, (root / "docs" / "chiffres-cles.md").read_text(encoding="utf-8")


def groups_with(site, article_id):
    return [g for g in site.figures if any(i == article_id for _, i in g.items)]


def test_vietnam_cambodia_trade_is_never_compared_with_vietnam_laos_trade(figures_site):
    result, _ = figures_site
    for cambodia in ("cambodge", "cambodge_titre"):
        for group in groups_with(result.site, cambodia):
            assert {i for _, i in group.items} <= {"cambodge", "cambodge_titre"}, group
            assert group.parties == ("Cambodge", "Vietnam")
    laos = [g for g in result.site.figures if g.reported and g.parties == ("Laos", "Vietnam")]
    assert [sorted(f.value for f, _ in g.items) for g in laos] == [[2.6e9, 3e9]]
    assert laos[0].discrepancy


def test_the_page_flags_only_the_real_discrepancy(figures_site):
    result, page = figures_site
    flagged = [g for g in result.site.figures if g.discrepancy]
    assert {(g.parties, g.year) for g in flagged} == {(("Laos", "Vietnam"), 2025), (("Cambodge", "Vietnam"), 2025)}
    # each warning sits under its own heading, and the headings name the countries
    sections = page.split("\n## ")
    laos = next(s for s in sections if s.startswith("Commerce bilatéral, Laos–Vietnam, 2025"))
    assert "Écart entre articles" in laos and "2,6 milliards" in laos and "3 milliards" in laos
    assert "10,1" not in laos and "10,4" not in laos


def test_figures_of_articles_naming_no_country_are_never_flagged(figures_site):
    result, _ = figures_site
    vague = groups_with(result.site, "vague_a")
    assert vague and all(not g.parties and not g.discrepancy for g in vague)


def test_goals_are_shown_apart_and_never_checked_against_reported_values(figures_site):
    result, page = figures_site
    goal = [g for g in result.site.figures if any(f.kind == "target" for f, _ in g.items)]
    assert goal and all(not g.reported and not g.discrepancy for g in goal)
    assert all(f.kind == "value" for g in result.site.figures if g.reported for f, _ in g.items)
    reported, _, outlook = page.partition("\n## Objectifs et prévisions\n")
    assert "5 milliards USD | objectif |" in outlook
    assert "5 milliards USD" not in reported


def test_a_forecast_whose_measure_is_not_said_is_still_shown_with_the_goals(figures_site):
    _, page = figures_site
    _, _, outlook = page.partition("\n## Objectifs et prévisions\n")
    assert "### Autres, Laos–Vietnam, 2027 (touristes)" in outlook
    assert "40\u202f000 touristes | prévision |" in outlook


def test_an_article_giving_the_whole_and_a_part_agrees_with_one_giving_the_whole(figures_site):
    result, _ = figures_site
    thai = [g for g in result.site.figures if g.parties == ("Thaïlande", "Vietnam") and g.reported]
    assert thai and not any(g.discrepancy for g in thai)
