"""The date cascade, one row per rule: the right date at an honest precision,
with where it came from."""

import datetime as dt
from pathlib import Path

import pytest

from chronique import dates
from chronique.extract import paragraphs_of, resolve_date
from chronique.model import DAY, EDITOR, HEADER, MONTH, PHOTO, TEXT, YEAR, ArticleDate
from chronique.read import read_file

TODAY = dt.date(2026, 11, 25)
SHAPES = Path(__file__).parent / "fixtures" / "shapes"


def date_of(name, overrides=None):
    source = read_file(SHAPES / name)
    found, problems = resolve_date(source, paragraphs_of(source), [], overrides or {}, TODAY)
    return found, problems


@pytest.mark.parametrize(
    "fixture, iso, precision, source",
    [
        ("day_header.txt", "2026-03-12", DAY, HEADER),
        ("month_header_event_day_in_body.txt", "2025-07", MONTH, HEADER),
        ("bare_photo_timestamp.txt", "2024-11-03", DAY, PHOTO),
        ("bare_weekday_and_a_year_in_the_text.txt", "2025-11", MONTH, TEXT),
    ],
    ids=[
        "day_header_gives_the_day",
        "month_header_stays_a_month_even_with_a_day_in_the_body",
        "photo_timestamp_gives_the_day_in_hanoi_time",
        "weekday_and_a_cited_year_give_the_month",
    ],
)
def test_cascade(fixture, iso, precision, source):
    found, _ = date_of(fixture)
    assert (found.iso, found.precision, found.source) == (iso, precision, source)
    assert found.evidence


def test_a_weekday_without_any_year_in_the_article_gives_no_date():
    """ "ce mercredi 26 novembre" fits 2025, but also 2014 and 2008: in an archive, a
    guess from the weekday alone would often be wrong."""
    found, problems = date_of("bare_weekday_without_year.txt")
    assert found is None
    assert any(p.field == "date" and "aucune date trouvée" in p.message for p in problems)


def test_a_photo_older_than_the_year_the_text_speaks_of_does_not_date_the_article(tmp_path):
    article = tmp_path / "x.txt"
    article.write_text(
        "vnapotal_centrale_1560000000000.jpg\nUne centrale solaire. Photo : VNA\n\n"
        "Le Vietnam et le Laos ont signé le 14 mars 2025 un accord sur l'énergie solaire.\n",
        encoding="utf-8",
    )
    source = read_file(article)
    found, problems = resolve_date(source, paragraphs_of(source), [], {}, TODAY)
    assert found.source == TEXT and found.iso == "2025-03"  # not the photo's 2019-06-08
    assert any("photo d'archives" in p.message for p in problems)


def test_no_date_is_an_honest_gap_with_a_warning():
    found, problems = date_of("bare_no_date.txt")
    assert found is None
    assert any("Sans date" in p.message for p in problems)


def test_impossible_header_date_is_reported_and_not_used():
    found, problems = date_of("impossible_header_date.txt")
    assert found is None
    assert any("2026-13-45" in p.message and p.field == "date" for p in problems)


def test_editor_override_wins_over_the_header():
    override = ArticleDate(dt.date(2026, 3, 1), MONTH, EDITOR, "fichier de correction")
    found, _ = date_of("day_header.txt", {"date": override})
    assert found == override


@pytest.mark.parametrize(
    "lead",
    [
        "Le volume d'échanges a atteint 2,6 milliards de dollars, en hausse de 15 %.",
        "Le projet coûtera 2045 milliards de kips sur 50 ans.",
        "Sa délégation a été reçue par le ministre.",
    ],
    ids=["amount_is_not_a_date", "number_and_duration_are_not_dates", "possessive_sa_is_not_samedi"],
)
def test_numbers_and_words_that_look_like_dates_give_no_date(lead):
    result = dates.from_text([lead], [], "x.txt", TODAY)
    assert result.date is None


def test_past_event_in_the_lead_gives_its_month_only():
    result = dates.from_text(
        ["Le secrétaire général a effectué une visite d'État au Laos le 5 février 2026."], [], "x.txt", TODAY
    )
    assert (result.date.iso, result.date.precision) == ("2026-02", MONTH)


def test_announced_event_in_the_lead_gives_only_its_year():
    # written before the visit: the article may be from January
    result = dates.from_text(
        ["Le secrétaire général effectuera une visite d'État au Laos le 5 février 2026."], [], "x.txt", TODAY
    )
    assert (result.date.iso, result.date.precision) == ("2026", YEAR)


def test_publication_stamp_gives_the_day():
    result = dates.from_text(
        ["Publié le 05/12/2025 à 14h20", "Un anniversaire (2 décembre 1975 - 2 décembre 2025)."], [], "x.txt", TODAY
    )
    assert (result.date.iso, result.date.precision) == ("2025-12-05", DAY)


def test_dateline_with_day_and_month_takes_the_year_from_the_text():
    result = dates.from_text(["Vientiane, 12 mars (VNA) – Les échanges de 2026 progressent."], [], "x.txt", TODAY)
    assert (result.date.iso, result.date.precision) == ("2026-03-12", DAY)
    assert "2026" in result.date.evidence


@pytest.mark.parametrize(
    "lead, iso",
    [
        ("Hanoï, le 12/04/2024 – Le Premier ministre lao est arrivé vendredi.", "2024-04-12"),
        ("Vientiane, 3 mars 2025 - Les deux pays ont signé un accord.", "2025-03-03"),
        ("Hô Chi Minh-Ville, le 02.05.2024 – Ouverture d'un forum.", "2024-05-02"),
    ],
)
def test_dateline_without_agency_but_with_a_full_date_gives_the_day(lead, iso):
    result = dates.from_text(["Un titre de une ligne", lead], [], "x.txt", TODAY)
    assert (result.date.iso, result.date.precision) == (iso, DAY)


@pytest.mark.parametrize(
    "lead",
    [
        "Le ministre, le 12/04/2024 – a annoncé un plan.",  # a role, not a place
        "Hanoï, le 31/02/2024 – une date impossible.",
        "Vientiane, le 5 avril – sans année.",
    ],
)
def test_what_only_looks_like_such_a_dateline_gives_no_day(lead):
    result = dates.from_text([lead], [], "x.txt", TODAY)
    assert result.date is None or result.date.precision != DAY


def test_dated_source_url_gives_the_day():
    result = dates.from_text(["Un texte sans date."], ["https://example.vn/2025/06/14/article.html"], "x.txt", TODAY)
    assert (result.date.iso, result.date.precision) == ("2025-06-14", DAY)


def test_an_older_photo_is_no_evidence_the_newest_group_dates_the_article():
    from chronique.model import Photo
    from chronique.read import NEWSROOM_TZ

    photos = tuple(Photo("a.jpg", "", None, dt.datetime(2025, 3, d, 10, tzinfo=NEWSROOM_TZ)) for d in (2, 20, 21))
    result = dates.from_photos(photos, "x.txt", TODAY)
    assert (result.date.iso, result.date.precision) == ("2025-03-20", DAY)
    assert result.problems


def test_archive_photo_is_skipped():
    from chronique.model import Photo
    from chronique.read import NEWSROOM_TZ

    photos = (Photo("a.jpg", "", "VNA", dt.datetime(2025, 3, 2, 10, tzinfo=NEWSROOM_TZ), archive=True),)
    assert dates.from_photos(photos, "x.txt", TODAY).date is None


def test_year_only_header():
    result = dates.from_header("2024", "x.txt", TODAY)
    assert (result.date.iso, result.date.precision) == ("2024", YEAR)


def test_future_header_date_is_not_used():
    result = dates.from_header("2031-01-01", "x.txt", TODAY)
    assert result.date is None and "futur" in result.problems[0].message


def test_two_years_side_by_side_are_a_range_not_the_articles_year():
    assert dates._year_hints(["Au cours de la saison sèche 2025-2026, les équipes ont travaillé."], [], TODAY) == {}


def test_a_historical_year_does_not_give_a_yearless_lead_date_its_year():
    lead = (
        "La présidente de l'Assemblée nationale s'est entretenue le mardi 12 juillet avec son homologue. "
        "Les deux pays soutiennent la Convention des Nations unies sur le droit de la mer de 1982."
    )
    result = dates.from_text([lead], [], "x.txt", TODAY)
    assert result.date is None  # 1983 fits the weekday, and would be wrong
