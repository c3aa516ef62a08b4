"""Entity pages that explain (issue #19): a person's roles, each with its article and date,
their first and last mention, who and what is cited with them and their mentions per month;
an organisation's acronym; a place's kind and country; and one RSS feed per person,
organisation, place and source, linked from its page. French articles written here."""

import dataclasses
import datetime as dt
import itertools
import posixpath
import re

import feedparser

from chronique.collect import collect
from chronique.model import DAY, MONTH, ArticleDate
from chronique.write import SiteInfo, render
from tests.factories import an_article

INFO = SiteInfo("https://exemple.org/", "Chronique", "Revue de presse")


def article(article_id, day, title, people=(), organizations=(), places=(), roles=(), **more):
    return an_article(
        article_id,
        title=title,
        date=ArticleDate(day, more.pop("precision", DAY), "header", ""),
        source=more.pop("source", "VNA"),
        people=tuple(people),
        organizations=tuple(organizations),
        places=tuple(places),
        tags=("diplomatie",),
        summary=f"Résumé de « {title} ».",
        words=100,
        roles=tuple(roles),
        text_digest=article_id,  # distinct stories, never copies of one another
        **more,
    )


ARTICLES = [
    article(
        "visite-a-vientiane",
        dt.date(2026, 2, 4),
        "Tô Lâm en visite d'État au Laos",
        people=["Tô Lâm", "Thongloun Sisoulith"],
        organizations=["Parti communiste du Vietnam", "PCV"],
        places=["Vientiane", "Laos"],
        roles=[("Tô Lâm", "Secrétaire général du Parti communiste du Vietnam")],
    ),
    article(
        "entretien-en-ligne",
        dt.date(2025, 12, 1),
        "Entretien en ligne entre Tô Lâm et Thongloun Sisoulith",
        people=["Tô Lâm", "Thongloun Sisoulith"],
        places=["Laos"],
        roles=[("Thongloun Sisoulith", "Président lao")],
        precision=MONTH,
    ),
    article(
        "premier-discours",
        dt.date(2025, 3, 10),
        "Premier discours de Tô Lâm à Hanoï",
        people=["Tô Lâm"],
        places=["Hanoï"],
        source="Nhân Dân",
    ),
    article(
        "article-retenu",
        dt.date(2026, 3, 1),
        "Un article retenu par la rédaction",
        people=["Tô Lâm"],
        roles=[("Tô Lâm", "Rôle jamais publié")],
        hold=True,
    ),
]


def built():
    return render(collect(ARTICLES), INFO)


def test_a_persons_page_gives_each_role_with_its_article_and_date():
    page = built()["personnes/to-lam.md"]
    assert "## Fonctions citées" in page
    assert (
        "- Secrétaire général du Parti communiste du Vietnam : "
        "[Tô Lâm en visite d'État au Laos](../articles/visite-a-vientiane.md), 4 février 2026"
    ) in page
    assert "Rôle jamais publié" not in page  # a held article says nothing


def test_a_person_without_a_clear_role_has_no_roles_section():
    site = collect([dataclasses.replace(a, roles=()) for a in ARTICLES])
    page = render(site, INFO)["personnes/thongloun-sisoulith.md"]
    assert "Fonctions citées" not in page and "## Mentions" in page


def test_first_and_last_mention_with_their_dates_a_month_only_date_without_a_day():
    page = built()["personnes/to-lam.md"]
    assert (
        "Première mention : [Premier discours de Tô Lâm à Hanoï](../articles/premier-discours.md), 10 mars 2025."
        in page
    )
    assert (
        "Dernière mention : [Tô Lâm en visite d'État au Laos](../articles/visite-a-vientiane.md), 4 février 2026."
        in page
    )
    other = built()["personnes/thongloun-sisoulith.md"]
    assert "décembre 2025" in other and "1 décembre 2025" not in other


def test_the_people_and_places_cited_with_a_person_link_to_their_pages():
    page = built()["personnes/to-lam.md"]
    assert "- Personnes : [Thongloun Sisoulith](thongloun-sisoulith.md) (2)" in page
    assert (
        "- Lieux : [Laos](../lieux/laos.md) (2), [Hanoï](../lieux/hanoi.md) (1), [Vientiane](../lieux/vientiane.md) (1)"
        in page
    )
    assert "[Tô Lâm](to-lam.md)" not in page  # never cited with themselves


def test_mentions_per_month_are_a_chart_with_a_text_alternative():
    page = built()["personnes/to-lam.md"]
    assert 'id="mentions-par-mois-g" role="img"' in page
    assert "<desc" in page and "03/25 : 1" in page and "02/26 : 1" in page
    assert "03/26" not in page  # the held article's month


def test_an_organisation_shows_the_acronym_its_articles_wrote():
    site = collect(ARTICLES)
    (party,) = site.taxonomies["organizations"]  # "Parti communiste du Vietnam" and "PCV": one body
    assert "- Sigle : PCV" in render(site, INFO)[f"organisations/{party.slug}.md"]


def test_a_place_shows_its_kind_and_its_country_linked():
    pages = built()
    assert "- Type : ville" in pages["lieux/vientiane.md"]
    assert "- Pays : [Laos](laos.md)" in pages["lieux/vientiane.md"]
    assert "- Type : pays" in pages["lieux/laos.md"]
    assert "Pays :" not in pages["lieux/laos.md"]


def test_headings_on_an_entity_page_go_in_order():
    for path in ("personnes/to-lam.md", "lieux/vientiane.md"):
        levels = [len(m) for m in re.findall(r"^(#+) ", built()[path], re.MULTILINE)]
        assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_every_link_of_an_entity_page_resolves():
    pages = built()
    for path in ("personnes/to-lam.md", "personnes/thongloun-sisoulith.md", "lieux/vientiane.md"):
        for target in re.findall(r"\]\(([^)#]+)\)", pages[path]):
            assert posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) in pages, (path, target)


def test_each_person_organisation_place_and_source_has_a_feed_linked_from_its_page():
    pages = built()
    for page, feed in (
        ("personnes/to-lam.md", "personnes/to-lam.xml"),
        ("lieux/laos.md", "lieux/laos.xml"),
        ("sources/nhan-dan.md", "sources/nhan-dan.xml"),
    ):
        assert "[Flux RSS : " in pages[page] and f"]({feed.split('/')[1]})" in pages[page]
        parsed = feedparser.parse(pages[feed])
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.entries
    organisation = next(p for p in pages if p.startswith("organisations/") and p.endswith(".xml"))
    assert feedparser.parse(pages[organisation]).entries


def test_a_persons_feed_is_newest_first_with_guids_from_file_names_and_no_held_article():
    parsed = feedparser.parse(built()["personnes/to-lam.xml"])
    assert [e.id for e in parsed.entries] == [
        "chronique:visite-a-vientiane",
        "chronique:entretien-en-ligne",
        "chronique:premier-discours",
    ]
    assert parsed.feed.title == "Chronique — Personne : Tô Lâm"


def test_an_article_item_is_the_same_in_every_feed():
    pages = built()
    item = re.compile(r"<item>.*?chronique:visite-a-vientiane.*?</item>", re.DOTALL)
    feeds = ("feed.xml", "personnes/to-lam.xml", "lieux/laos.xml", "sujets/diplomatie.xml", "sources/vna.xml")
    assert len({item.search(pages[f]).group(0) for f in feeds}) == 1


def test_a_feed_holds_the_newest_thirty_articles():
    many = [
        article(f"a{n:02d}", dt.date(2025, 1, 1) + dt.timedelta(days=n), f"Article {n}", people=["Tô Lâm"])
        for n in range(40)
    ]
    parsed = feedparser.parse(render(collect(many), INFO)["personnes/to-lam.xml"])
    assert len(parsed.entries) == 30 and parsed.entries[0].id == "chronique:a39"
