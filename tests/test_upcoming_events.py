"""The home page's "À venir" lists only events after the build's date; an event an
article announced that has since passed lives in the chronology only."""

from __future__ import annotations

import datetime as dt

from chronique.model import DAY, MONTH, YEAR, ArticleDate, Event
from chronique.write import upcoming_events
from tests.conftest import TODAY, build_folder

ARTICLES = {
    "visite_2026.txt": " date 2026-11-20 Le Premier ministre lao attendu à Hanoï en décembre\n\n"
    "Le Premier ministre lao Sonexay Siphandone effectuera une visite officielle au Vietnam le 10 décembre 2026, "
    "a annoncé jeudi le ministère vietnamien des Affaires étrangères.\n\n"
    "Les deux gouvernements doivent y signer un accord sur le transport ferroviaire.\n\nVNA/CVN\n",
    "visite_2024.txt": " date 2024-03-01 Le ministre lao de l'Industrie attendu à Hanoï\n\n"
    "Le ministre lao de l'Industrie et du Commerce Malaithong Kommasith effectuera une visite de travail au Vietnam "
    "le 20 mars 2024, a annoncé l'ambassade du Laos à Hanoï.\n\nVNA/CVN\n",
}


def event(iso: str, precision: str, sentence: str) -> Event:
    value = dt.date.fromisoformat(iso)
    return Event(ArticleDate(value, precision, "text", sentence), sentence, announced=True)


def test_only_events_after_the_build_date_are_to_come_soonest_first_each_once():
    today = dt.date(2026, 11, 25)
    timeline = [
        (event("2026-12-10", DAY, "La visite officielle."), "a"),
        (event("2026-12-10", DAY, "La visite officielle."), "b"),  # the same event told twice
        (event("2026-11-25", DAY, "Aujourd'hui même."), "c"),
        (event("2024-03-20", DAY, "La foire de 2024."), "d"),
        (event("2026-11-01", MONTH, "Ce mois-ci, sans jour."), "e"),
        (event("2027-01-01", MONTH, "En janvier prochain."), "f"),
        (event("2030-01-01", YEAR, "D'ici 2030."), "g"),
        (event("2026-12-01", DAY, "Le 1er décembre."), "h"),
    ]
    found = [(ev.sentence, article) for ev, article in upcoming_events(timeline, today)]
    assert found == [("Le 1er décembre.", "h"), ("La visite officielle.", "a"), ("En janvier prochain.", "f")]
    assert upcoming_events(timeline, None) == []


def test_the_home_page_announces_only_what_is_still_to_come(seed_folder, tmp_path):
    seeds = seed_folder(ARTICLES)
    result = build_folder(seeds, tmp_path / "docs")
    home = result.files["index.md"]
    timeline = result.files["chronologie.md"]
    to_come = home.split("## À venir", 1)[1].split("\n## ", 1)[0]
    assert "10 décembre 2026" in to_come
    assert "20 mars 2024" not in to_come  # announced in its day, past at the build's date (TODAY)
    assert "20 mars 2024" in timeline and "10 décembre 2026" in timeline
    assert TODAY == dt.date(2026, 11, 25)
