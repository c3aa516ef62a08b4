"""The timeline: the same event told by several articles is one entry that lists them all,
whatever their wording; two events of one day that share nobody and nowhere stay two."""

import datetime as dt

import pytest

from chronique.collect import collect
from chronique.model import DAY, MONTH, TEXT, ArticleDate, Event
from tests.factories import an_article


def told(article_id, sentence, when, people=(), places=(), organizations=()):
    """An article telling one dated event, with the names the extraction would have found."""
    return an_article(
        article_id,
        digest="",
        title=article_id,
        date=ArticleDate(dt.date(2025, 6, 30), DAY, "header", ""),
        people=tuple(people),
        organizations=tuple(organizations),
        places=tuple(places),
        events=(Event(when, sentence, False),),
    )


JUNE_12 = ArticleDate(dt.date(2025, 6, 12), DAY, TEXT, "")
JUNE = ArticleDate(dt.date(2025, 6, 1), MONTH, TEXT, "")

CASES = [
    pytest.param(
        [
            told(
                "a1",
                "Le président Bounmy Chanthala a effectué le 12 juin 2025 une visite d'amitié à Hanoï.",
                JUNE_12,
                people=["Bounmy Chanthala"],
                places=["Hanoï"],
            ),
            told(
                "a2",
                "Reçu par ses hôtes, Bounmy Chanthala s'est entretenu avec les dirigeants vietnamiens le 12 juin 2025.",
                JUNE_12,
                people=["Bounmy Chanthala"],
            ),
        ],
        [{"a1", "a2"}],
        id="worded_apart_but_the_same_person",
    ),
    pytest.param(
        [
            told(
                "a1",
                "La signature de l'accord entre la Banque du Mékong et Lao Telecom a eu lieu le 12 juin 2025.",
                JUNE_12,
                organizations=["Banque du Mékong", "Lao Telecom"],
            ),
            told(
                "a2",
                "Lao Telecom et la Banque du Mékong se sont liés le 12 juin 2025 pour trois ans.",
                JUNE_12,
                organizations=["Banque du Mékong", "Lao Telecom"],
            ),
        ],
        [{"a1", "a2"}],
        id="two_organisations_shared",
    ),
    pytest.param(
        [
            told(
                "a1",
                "Une cérémonie s'est tenue à Paksé le 12 juin 2025 pour l'ouverture du pont.",
                JUNE_12,
                places=["Paksé"],
            ),
            told(
                "a2",
                "À Paksé, la cérémonie du 12 juin 2025 a réuni des milliers d'habitants.",
                JUNE_12,
                places=["Paksé"],
            ),
            told(
                "a3",
                "Depuis l'ouverture du pont de Paksé le 12 juin 2025, les deux rives sont reliées.",
                JUNE_12,
                places=["Paksé"],
            ),
        ],
        [{"a1", "a2", "a3"}],
        id="one_place_and_the_same_kind_of_event_or_most_words",
    ),
    pytest.param(
        [
            told(
                "a1",
                "Le ministre Viengsay Keola a effectué une visite de travail à Hanoï le 12 juin 2025.",
                JUNE_12,
                people=["Viengsay Keola"],
                places=["Hanoï"],
            ),
            told(
                "a2",
                "La foire commerciale de Vientiane a ouvert ses portes le 12 juin 2025 avec 300 exposants.",
                JUNE_12,
                places=["Vientiane"],
            ),
        ],
        [{"a1"}, {"a2"}],
        id="a_visit_in_hanoi_and_a_fair_in_vientiane_the_same_day",
    ),
    pytest.param(
        [
            told(
                "a1",
                "Bounmy Chanthala a effectué une visite à Hanoï le 12 juin 2025.",
                JUNE_12,
                people=["Bounmy Chanthala"],
                places=["Hanoï"],
            ),
            told(
                "a2",
                "Bounmy Chanthala a effectué une visite à Hanoï en juin 2025.",
                JUNE,
                people=["Bounmy Chanthala"],
                places=["Hanoï"],
            ),
        ],
        [{"a1"}, {"a2"}],
        id="a_day_and_a_month_are_not_one_date",
    ),
    pytest.param(
        [
            told(
                "a1",
                "Un forum sur l'eau a eu lieu à Luang Prabang le 12 juin 2025.",
                JUNE_12,
                places=["Luang Prabang"],
            ),
            told(
                "a2",
                "Une visite de chantier a eu lieu à Luang Prabang le 12 juin 2025.",
                JUNE_12,
                places=["Luang Prabang"],
            ),
        ],
        [{"a1"}, {"a2"}],
        id="one_town_but_two_kinds_of_event",
    ),
]


@pytest.mark.parametrize(("articles", "entries"), CASES)
def test_the_same_event_told_by_several_articles_is_one_entry_listing_them_all(articles, entries):
    chronology = collect(articles).chronology
    assert sorted(sorted(h.ids) for h in chronology) == sorted(sorted(e) for e in entries)


def test_the_entries_come_out_the_same_whatever_order_the_articles_are_read_in():
    articles = [
        told(
            "v1", "Le ministre Viengsay Keola a visité Hanoï le 12 juin 2025.", JUNE_12, ["Viengsay Keola"], ["Hanoï"]
        ),
        told("f1", "La foire de Vientiane a ouvert le 12 juin 2025.", JUNE_12, places=["Vientiane"]),
        told("v2", "Viengsay Keola, à Hanoï le 12 juin 2025, a rencontré ses hôtes.", JUNE_12, ["Viengsay Keola"]),
    ]
    first = collect(articles).chronology
    assert [h.ids for h in first] == [("f1",), ("v1", "v2")] or [h.ids for h in first] == [("v1", "v2"), ("f1",)]
    assert collect(list(reversed(articles))).chronology == first
