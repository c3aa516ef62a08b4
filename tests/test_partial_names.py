"""A later mention by part of a name is the person named in full earlier, never a
place or a person of its own. Articles written for the test."""

from __future__ import annotations

import pytest

from tests.conftest import build_folder

LEAD = (
    " date 2026-03-02 Le Premier ministre lao reçu à Hanoï\n\n"
    "Le Premier ministre lao Sonexay Siphandone a été reçu lundi à Hanoï par son homologue vietnamien "
    "Pham Minh Chinh.\n\n"
)


@pytest.mark.parametrize(
    "later",
    [
        "Siphandone a ensuite visité une usine de textile dans la banlieue de la capitale.",
        "M. Sonexay a salué la coopération entre les deux pays.",
        "Selon Chinh, les échanges progressent dans tous les domaines.",
    ],
)
def test_a_later_mention_by_part_of_a_name_is_the_person_named_earlier(seed_folder, tmp_path, later):
    seeds = seed_folder({"visite.txt": LEAD + later + "\n\nVNA/CVN\n"})
    article = build_folder(seeds, tmp_path / "docs").site.entries[0].article
    assert set(article.people) == {"Sonexay Siphandone", "Phạm Minh Chính"}
    assert "Hanoï" in article.places
    assert not {"Siphandone", "Sonexay", "Chinh"} & set(article.places + article.organizations)
