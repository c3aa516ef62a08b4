"""Dates of bare real articles, from their own evidence, never a wrong claim (issue #18):
byline stamps, dated URL paths, weekdays with 'matin', and yearless datelines or leads whose
year comes from the site's dated articles on the same event (provenance 'corpus')."""

import datetime as dt
from dataclasses import replace

import pytest

from chronique import dates
from chronique.collect import date_from_corpus
from chronique.model import CORPUS, DAY, MONTH, TEXT, ArticleDate, Block
from tests.factories import an_article

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    "paragraphs, urls, iso, precision",
    [
        (
            ["SOKHA CHAN (Khmer Times) 03/06/2024 09:15 (GMT+7)", "Le roi du Cambodge a reçu une délégation."],
            [],
            "2024-06-03",
            DAY,
        ),
        (["Le roi du Cambodge a reçu une délégation.", "Bangkok Post12/02/2019 - 18h40"], [], "2019-02-12", DAY),
        (
            ["Le roi du Cambodge a reçu une délégation."],
            ["https://example.kh/2018/07/24/roi-delegation"],
            "2018-07-24",
            DAY,
        ),
        (
            ["Le roi du Cambodge a reçu une délégation."],
            ["https://example.cn/news/2016/0804/c1002.html"],
            "2016-08-04",
            DAY,
        ),
        (
            [
                "Le Premier ministre thaïlandais a quitté lundi matin 3 février Bangkok pour Phnom Penh.",
                "Les échanges ont atteint 10 milliards de dollars en 2024.",
            ],
            [],
            "2025-02",
            MONTH,
        ),
    ],
    ids=[
        "byline_stamp_in_the_first_lines",
        "stamp_glued_to_an_outlets_name_in_the_last_lines",
        "dated_url_path",
        "dated_url_path_month_and_day_together",
        "weekday_with_matin_checked_against_the_cited_years",
    ],
)
def test_bare_article_dated_from_its_own_evidence(paragraphs, urls, iso, precision):
    found = dates.from_text(paragraphs, urls, "x.txt", TODAY).date
    assert found is not None and found.source == TEXT
    assert (found.iso, found.precision) == (iso, precision)


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "La séance du 21/04/2025 17:03 a été longue, a expliqué le président de l'Assemblée nationale du Cambodge devant les députés réunis pour la session."
        ],
        ["Phnom Penh, 15 février (AKP) - Le roi a reçu une délégation chinoise."],
        ["Le roi du Cambodge a reçu ce mercredi 26 novembre une délégation chinoise."],
    ],
    ids=[
        "a_stamp_inside_a_long_sentence_is_no_byline",
        "a_yearless_dateline_without_any_year_stays_undated",
        "a_weekday_alone_without_any_year_stays_undated",
    ],
)
def test_no_claim_without_evidence(paragraphs):
    result = dates.from_text(paragraphs, [], "x.txt", TODAY)
    assert result.date is None
    assert any("Sans date" in p.message for p in result.problems)


def article(article_id, date, people, places, *paragraphs):
    return an_article(
        article_id,
        digest="",
        title=article_id,
        date=date,
        people=tuple(people),
        places=tuple(places),
        blocks=tuple(Block("paragraph", p) for p in paragraphs),
    )


def day(iso):
    return ArticleDate(dt.date.fromisoformat(iso), DAY, "header", "")


def dated_by_corpus(undated, *others):
    return {a.id: a for a in date_from_corpus([undated, *others])}[undated.id].date


def visit_without_year():
    """A dateline giving a day and month, no year; the text cites 2023."""
    return article(
        "visite",
        None,
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Bangkok"],
        "Bangkok, 15 février (AKP) - Le Premier ministre Hun Manet a rencontré Anutin Charnvirakul.",
        "Les échanges entre les deux pays ont atteint 15 milliards de dollars en 2023.",
    )


def visit_report(iso, *places):
    """A dated article on the same visit, giving its day and month."""
    return article(
        "rapport",
        day(iso),
        ["Hun Manet", "Anutin Charnvirakul"],
        list(places or ["Bangkok"]),
        "Hun Manet est rentré de Bangkok, où il avait rencontré le 15 février Anutin Charnvirakul.",
    )


def test_a_yearless_dateline_takes_the_year_of_a_dated_article_on_the_same_event():
    undated = visit_without_year()
    report = visit_report("2024-02-17", "Bangkok", "Cambodge")
    found = dated_by_corpus(undated, report)
    assert found.source == CORPUS and (found.iso, found.precision) == ("2024-02-15", DAY)
    assert "rapport" in found.evidence


def test_run_again_with_its_memo_the_corpus_step_reads_only_what_changed(monkeypatch):
    from chronique import collect

    calls = {"answers": 0, "texts": 0}

    def counted(name, real):
        def wrapper(*args):
            calls[name] += 1
            return real(*args)

        return wrapper

    monkeypatch.setattr(collect, "from_corpus", counted("answers", collect.from_corpus))
    monkeypatch.setattr(collect.DayMarks, "of", counted("texts", collect.DayMarks.of))
    undated = visit_without_year()

    # shares the people, but speaks of another day and is older (the latest date is read): read
    # for its text, never for the visit
    forum = article(
        "forum", day("2023-06-03"), ["Hun Manet"], ["Phnom Penh"], "Le 3 juin, Hun Manet a ouvert un forum."
    )

    first, memo = collect.date_from_corpus_remembering([undated, visit_report("2024-02-17")], None)
    assert first[0].date.iso == "2024-02-15" and calls == {"answers": 1, "texts": 1}

    added, memo = collect.date_from_corpus_remembering([undated, visit_report("2024-02-17"), forum], memo)
    assert added[0] == first[0] and calls == {"answers": 1, "texts": 2}  # only the new text was read

    corrected, memo = collect.date_from_corpus_remembering([undated, visit_report("2023-02-17"), forum], memo)
    assert corrected[0].date.iso == "2023-02-15" and calls == {"answers": 2, "texts": 2}
    assert corrected == date_from_corpus([undated, visit_report("2023-02-17"), forum])  # as without a memo


def test_a_held_article_gives_no_year_since_the_evidence_would_name_it():
    undated = visit_without_year()
    report = visit_report("2024-02-17")
    assert dated_by_corpus(undated, report) is not None
    assert dated_by_corpus(undated, replace(report, hold=True)) is None


@pytest.mark.parametrize("weekday, iso", [("jeudi", "2024-02"), ("mardi", None)], ids=["agrees", "disagrees"])
def test_the_weekday_confirms_the_corpus_year(weekday, iso):
    undated = article(
        "annonce",
        None,
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Bangkok"],
        f"Selon un communiqué publié ce {weekday} 15 février, Hun Manet recevra Anutin Charnvirakul à Bangkok.",
    )
    report = article(
        "rapport",
        day("2024-02-15"),
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Bangkok"],
        "Selon un communiqué publié le 15 février, Hun Manet recevra Anutin Charnvirakul à Bangkok.",
    )
    found = dated_by_corpus(undated, report)
    assert (found.iso if found else None) == iso  # 15 February 2024 was a Thursday


def test_without_a_year_or_a_weekday_of_its_own_the_corpus_alone_dates_nothing():
    undated = article(
        "visite",
        None,
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Bangkok"],
        "Bangkok, 15 février (AKP) - Le Premier ministre Hun Manet a rencontré Anutin Charnvirakul.",
    )
    report = article(
        "rapport",
        day("2024-02-15"),
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Bangkok"],
        "Bangkok, 15 février (AKP) - Le Premier ministre Hun Manet a rencontré Anutin Charnvirakul.",
    )
    assert dated_by_corpus(undated, report) is None


def test_the_same_actors_on_the_same_day_in_another_story_give_no_year():
    undated = visit_without_year()
    other = article(
        "autre",
        day("2024-02-15"),
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Bangkok"],
        "Le 15 février, les équipes nationales de football disputaient un match amical au stade olympique.",
    )
    assert dated_by_corpus(undated, other) is None


@pytest.mark.parametrize(
    "other_date, other_people, other_text",
    [
        ("2024-03-20", ["Hun Manet", "Anutin Charnvirakul"], "Le 15 février, Hun Manet a reçu Anutin Charnvirakul."),
        ("2024-02-15", ["Hun Manet", "Xi Jinping"], "Le 15 février, Hun Manet a reçu Xi Jinping."),
    ],
    ids=["speaking_of_that_day_but_dated_a_month_later", "one_person_in_common_is_not_the_same_event"],
)
def test_no_year_from_an_article_on_another_event(other_date, other_people, other_text):
    undated = article(
        "visite",
        None,
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Phnom Penh"],
        "Phnom Penh, 15 février (AKP) - Hun Manet a reçu Anutin Charnvirakul.",
        "Les échanges entre les deux pays ont atteint 15 milliards de dollars en 2023.",
    )
    other = article("autre", day(other_date), other_people, ["Pékin"], other_text)
    assert dated_by_corpus(undated, other) is None


def test_two_years_in_the_corpus_give_no_claim_unless_the_articles_own_years_choose():
    def lead(*extra):
        return article(
            "visite",
            None,
            ["Hun Manet", "Anutin Charnvirakul"],
            ["Phnom Penh"],
            "Le matin du 9 janvier, Hun Manet a accueilli Anutin Charnvirakul à Phnom Penh.",
            *extra,
        )

    month = ArticleDate(dt.date(2023, 1, 1), MONTH, "header", "")
    story = "Le matin du 9 janvier, Hun Manet a accueilli Anutin Charnvirakul à Phnom Penh."
    earlier = article("a2023", month, ["Hun Manet", "Anutin Charnvirakul"], ["Phnom Penh"], story)
    later = article(
        "a2025",
        ArticleDate(dt.date(2025, 1, 1), MONTH, "header", ""),
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Phnom Penh"],
        story,
    )
    assert dated_by_corpus(lead(), earlier, later) is None
    found = dated_by_corpus(lead("Les échanges ont progressé de 12 % en 2024."), earlier, later)
    assert found.iso == "2025-01" and found.source == CORPUS


def test_a_numbered_event_named_by_both_articles_confirms_the_corpus_year():
    undated = article(
        "arrivee",
        None,
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Bangkok"],
        "Le matin du 9 janvier, Hun Manet est arrivé à Bangkok pour la 12e réunion du Comité mixte avec Anutin Charnvirakul.",
    )
    report = article(
        "rapport",
        ArticleDate(dt.date(2025, 1, 1), MONTH, "header", ""),
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Bangkok"],
        "Le 9 janvier, Hun Manet est arrivé à Bangkok pour la 12e réunion du Comité mixte avec Anutin Charnvirakul.",
    )
    found = dated_by_corpus(undated, report)
    assert found is not None and (found.iso, found.source) == ("2025-01", CORPUS)
    other_meeting = article(
        "rapport",
        ArticleDate(dt.date(2025, 1, 1), MONTH, "header", ""),
        ["Hun Manet", "Anutin Charnvirakul"],
        ["Bangkok"],
        "Le 9 janvier, Hun Manet est arrivé à Bangkok pour la 13e réunion du Comité mixte avec Anutin Charnvirakul.",
    )
    assert dated_by_corpus(undated, other_meeting) is None
