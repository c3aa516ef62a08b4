"""One entity, one page (issue #18): the forms of one organisation, place or person written
by different articles are grouped under one term, shown in one form, with the forms seen."""

import datetime as dt

from chronique.collect import collect
from chronique.model import DAY, TEXT, ArticleDate
from tests.factories import an_article


def article(article_id, people=(), organizations=(), places=()):
    return an_article(
        article_id,
        date=ArticleDate(dt.date(2025, 3, int(article_id[-1]) + 1), DAY, "header", ""),
        people=tuple(people),
        organizations=tuple(organizations),
        places=tuple(places),
    )


def terms(site, key):
    return {term.name: term for term in site.taxonomies[key]}


def test_country_forms_of_one_body_make_one_page_listing_the_forms_seen():
    site = collect(
        [
            article("a1", organizations=["Assemblée nationale du Cambodge"]),
            article("a2", organizations=["Assemblée nationale cambodgienne"]),
            article("a3", organizations=["Assemblée nationale khmère", "Parti du peuple cambodgien"]),
        ]
    )
    organizations = terms(site, "organizations")
    assert len(organizations) == 2
    body = next(t for t in organizations.values() if "Assemblée" in t.name)
    assert set(body.ids) == {"a1", "a2", "a3"}
    assert set(body.forms) == {
        "Assemblée nationale du Cambodge",
        "Assemblée nationale cambodgienne",
        "Assemblée nationale khmère",
    }


def test_an_acronym_form_gives_way_to_the_written_out_name():
    site = collect(
        [
            article("a1", organizations=["Comité central du PCV"]),
            article("a2", organizations=["Comité central du Parti communiste du Vietnam"]),
        ]
    )
    assert list(terms(site, "organizations")) == ["Comité central du Parti communiste du Vietnam"]


def test_place_and_person_spellings_share_one_page():
    site = collect(
        [
            article("a1", people=["Phankham Viphavanh"], places=["That Luang"]),
            article("a2", people=["Phankham Viphavan"], places=["ThatLuang"]),
        ]
    )
    assert len(terms(site, "people")) == 1
    assert len(terms(site, "places")) == 1


def test_one_event_told_by_two_articles_is_one_timeline_entry_listing_both():
    from chronique.model import Event

    sentence_a = "Le Premier ministre Hun Manet a effectué une visite officielle à Bangkok le 7 mars 2025."
    sentence_b = "Hun Manet a effectué le 7 mars 2025 une visite officielle à Bangkok, sa première."
    when = ArticleDate(dt.date(2025, 3, 7), DAY, TEXT, "")
    first = article("a1", people=["Hun Manet"], places=["Bangkok"])
    second = article("a2", people=["Hun Manet"], places=["Bangkok"])
    first = first.__class__(**{**first.__dict__, "events": (Event(when, sentence_a, False),)})
    second = second.__class__(**{**second.__dict__, "events": (Event(when, sentence_b, False),)})
    (happening,) = collect([first, second]).chronology
    assert set(happening.ids) == {"a1", "a2"}
    assert happening.label == "Visite · Hun Manet · Bangkok"
    assert happening.sentence in (sentence_a, sentence_b)  # shown on hover


def test_a_name_that_is_a_person_in_one_article_is_no_place_in_another():
    site = collect(
        [
            article("a1", people=["Sok Chenda Sophea"], places=["Phnom Penh"]),
            article("a2", places=["Sok Chenda Sophea", "Siem Reap"]),
        ]
    )
    assert set(terms(site, "places")) == {"Phnom Penh", "Siem Reap"}
    assert "Sok Chenda Sophea" in terms(site, "people")


def test_a_partys_body_is_its_own_page_linked_to_its_parent():
    site = collect(
        [
            article("a1", organizations=["Parti du peuple cambodgien", "Comité central du Parti du peuple cambodgien"]),
            article("a2", organizations=["Commission des affaires étrangères de l'Assemblée nationale cambodgienne"]),
            article("a3", organizations=["Assemblée nationale du Cambodge"]),
        ]
    )
    organizations = terms(site, "organizations")
    assert organizations["Comité central du Parti du peuple cambodgien"].parent == "Parti du peuple cambodgien"
    body = organizations["Commission des affaires étrangères de l'Assemblée nationale cambodgienne"]
    assert body.parent == "Assemblée nationale du Cambodge"
    assert organizations["Parti du peuple cambodgien"].parent is None
