"""An acronym stands for what it abbreviates in the article or in the corpus (issue #18): an
article that writes "le PPRL" alone gets the party another article explains, on the same page.
An acronym nobody explains, or explained two ways, or that names a place, gets no page."""

from pathlib import Path

import pytest

from chronique.collect import collect
from chronique.entities import Entities, EntityExtractor, Rules
from tests.factories import an_article

DATA = Path(__file__).resolve().parent.parent / "data"

EXPLAINS = "L'Union des coopératives agricoles lao (UCAL) s'est réunie à Vientiane pour préparer la saison des pluies."
EXPLAINS_OTHERWISE = "L'Union des centres artistiques lao (UCAL) a présenté son programme de danses à Luang Prabang."
USES_ALONE = "Selon l'UCAL, la récolte de riz a progressé de dix pour cent dans le district de Xaythany."
UNKNOWN_ALONE = "Le KTPX a annoncé une hausse des prix de l'engrais dans la province de Champassak."


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor(Rules.load([DATA]))


def article(article_id, entities):
    return an_article(
        article_id,
        people=entities.people,
        organizations=entities.organizations,
        places=entities.places,
        acronyms=entities.acronyms,
        acronyms_unexplained=entities.acronyms_unexplained,
    )


def organisation_pages(extractor, *texts):
    """{page name: ids of its articles} for a corpus of one-paragraph articles a1, a2, …"""
    found = extractor.extract_many([[text] for text in texts])
    site = collect([article(f"a{i + 1}", e) for i, e in enumerate(found)])
    return {term.name: set(term.ids) for term in site.taxonomies["organizations"]}


@pytest.mark.parametrize(
    "texts, page, articles, no_page",
    [
        ((EXPLAINS, USES_ALONE), "Union des coopératives agricoles lao", {"a1", "a2"}, "UCAL"),
        ((USES_ALONE, EXPLAINS), "Union des coopératives agricoles lao", {"a1", "a2"}, "UCAL"),
        ((USES_ALONE, UNKNOWN_ALONE), None, set(), "KTPX"),
        ((EXPLAINS, EXPLAINS_OTHERWISE, USES_ALONE), "Union des coopératives agricoles lao", {"a1"}, "UCAL"),
    ],
    ids=[
        "explained_in_an_earlier_article",
        "explained_in_a_later_article",
        "explained_nowhere_gets_no_page",
        "explained_two_ways_resolves_to_neither",
    ],
)
def test_an_acronym_stands_for_what_another_article_explains(extractor, texts, page, articles, no_page):
    pages = organisation_pages(extractor, *texts)
    assert no_page not in pages
    if page:
        assert pages[page] == articles


def test_an_acronym_that_names_a_place_elsewhere_is_no_organisation():
    """ "SAVAN (Société agricole de Vientiane et d'Attapeu nord)" in one article does not make
    "Savan", the place another article names, a company everywhere it is written in capitals."""
    explains = Entities((), ("Société agricole de Vientiane et d'Attapeu nord",), (), (("SAVAN", "Société …"),))
    place = Entities((), (), ("Savan",), (), ("SAVAN",))
    site = collect([article("a1", explains), article("a2", place)])
    pages = {term.name: set(term.ids) for term in site.taxonomies["organizations"]}
    assert all("a2" not in ids for ids in pages.values())
