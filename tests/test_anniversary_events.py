"""Events of real articles (issue #18): an anniversary is an event of the year it is
celebrated; 'annoncé' is judged against the article's own date only."""

import datetime as dt

import pytest

from chronique.events import extract_events
from chronique.model import DAY, ArticleDate

PUBLISHED = ArticleDate(dt.date(2023, 11, 10), DAY, "header", "")


@pytest.mark.parametrize(
    "sentence, iso",
    [
        (
            "Le Cambodge a célébré le 70e anniversaire de son indépendance (9 novembre 1953 - 9 novembre 2023).",
            "2023-11-09",
        ),
        ("Le pays a célébré le 70e anniversaire de l'indépendance proclamée le 9 novembre 1953.", "2023-11-09"),
    ],
    ids=["a_range_gives_the_celebration", "the_ordinal_counts_the_years_from_the_date_recalled"],
)
def test_an_anniversary_is_an_event_of_the_year_it_is_celebrated(sentence, iso):
    (event,) = extract_events([sentence], PUBLISHED)
    assert event.date.iso == iso


def test_a_historical_event_keeps_its_own_date():
    (event,) = extract_events(["Le traité a été signé à Phnom Penh le 9 novembre 1953."], PUBLISHED)
    assert event.date.iso == "1953-11-09"


def test_announced_is_judged_against_the_articles_date_only():
    sentence = "Le Premier ministre effectuera une visite officielle à Bangkok le 20 novembre 2023."
    (dated,) = extract_events([sentence], PUBLISHED)
    assert dated.announced
    (undated,) = extract_events([sentence], None)
    assert not undated.announced  # no article date: nothing to judge against
