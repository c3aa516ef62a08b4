"""A person's role, from the title the article writes before the name (issue #19): kept only
when every word of it is a role's; a verb, a comma or a bare "M." gives none."""

from pathlib import Path

import pytest

from chronique.entities import Rules
from chronique.entities.roles import role_from_title

RULES = Rules.load([Path(__file__).resolve().parents[1] / "data"])


def role(words):
    return role_from_title(words, RULES.titles, RULES.demonyms)


@pytest.mark.parametrize(
    "words, expected",
    [
        (
            "secrétaire général du Parti populaire révolutionnaire lao ",
            "Secrétaire général du Parti populaire révolutionnaire lao",
        ),
        ("Premier ministre ", "Premier ministre"),
        ("ministre vietnamien des Affaires étrangères ", "Ministre vietnamien des Affaires étrangères"),
        ("M. le vice-Premier ministre ", "Vice-Premier ministre"),
        ("gouverneur de la province de Luang Prabang ", "Gouverneur de la province de Luang Prabang"),
        ("présidente de l’Assemblée nationale ", "Présidente de l’Assemblée nationale"),
    ],
)
def test_the_title_before_a_name_is_the_role(words, expected):
    assert role(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        "M. ",  # addresses the person, says nothing of a role
        "Mme ",
        "président a rencontré ",  # a verb between the title and the name
        "ministre, hier, a reçu ",  # a comma: the name may not be the title's holder
        "président du Comité populaire a annoncé ",
    ],
)
def test_no_role_unless_every_word_is_a_roles(words):
    assert role(words) is None


def test_the_names_cache_keeps_the_roles(tmp_path):
    import datetime as dt

    from chronique.cache import ExtractionCache
    from chronique.entities import Entities

    found = Entities(("Tô Lâm",), (), (), (("Tô Lâm", "Secrétaire général du Parti communiste du Vietnam"),))
    cache = ExtractionCache(tmp_path, "key", dt.date(2026, 1, 1), names_key="names")
    cache.store_names(["Le secrétaire général Tô Lâm."], found)
    assert cache.names(["Le secrétaire général Tô Lâm."]).roles == found.roles


def test_roles_follow_the_persons_spelling_across_the_corpus():
    from chronique.collect import collect
    from tests.factories import an_article

    def article(article_id, person, roles=()):
        return an_article(article_id, people=(person,), roles=roles)

    site = collect([article("a1", "Tô Lâm"), article("a2", "To Lam", (("To Lam", "Secrétaire général"),))])
    assert site.by_id["a2"].article.roles == (("Tô Lâm", "Secrétaire général"),)


def test_the_extractor_keeps_a_clear_role_with_its_person():
    from chronique.entities import EntityExtractor

    extractor = EntityExtractor(RULES)
    found = extractor.extract_many(
        [
            [
                (
                    "Le secrétaire général du Parti populaire révolutionnaire lao Thongloun Sisoulith a reçu "
                    "le ministre vietnamien des Affaires étrangères Bùi Thanh Sơn."
                ),
                "Le président a rencontré Phạm Minh Chính.",
            ]
        ]
    )[0]
    roles = dict(found.roles)
    assert roles["Thongloun Sisoulith"] == "Secrétaire général du Parti populaire révolutionnaire lao"
    assert roles["Bùi Thanh Sơn"] == "Ministre vietnamien des Affaires étrangères"
    assert "Phạm Minh Chính" not in roles  # "a rencontré": no role
