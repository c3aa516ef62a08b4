"""What an entity's page says of it beyond its list of articles (issue #19), from the articles
only, each fact with the article that gives it:

- a person: the roles the articles give them (entities/roles.py), their first and last
  mention, the people, organisations and places most often cited with them, their mentions
  per month;
- an organisation: its acronym, the body it belongs to, the forms the articles wrote;
- a place: its kind and its country (geography.py).

Built in one pass over the entries: a term's facts are gathered as its articles go by, never
by looking through every article for each term (10,000 articles, tens of thousands of names).
A copy of another article (duplicate_of) says nothing new and is skipped, as in the taxonomies.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .collect import Site, Term
from .geography import COUNTRY, country_names, facts_of, place_key
from .model import YEAR
from .text import fold

KINDS = ("people", "organizations", "places")
CITED_WITH = 5  # the most often cited with a person, of each kind
MAX_ROLES = 8
MONTHS = 36  # the newest months of a person's chart
_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ0-9&-]{1,9}")


@dataclass(frozen=True)
class Fact:
    """Something the articles say, the newest article saying it, and how many say it."""

    text: str
    article_id: str
    articles: int = 1


@dataclass(frozen=True)
class PersonProfile:
    roles: tuple[Fact, ...]  # most articles first
    first: str | None  # the oldest dated article naming them (id)
    last: str | None  # the newest
    cited_with: dict[str, tuple[tuple[Term, int], ...]]  # taxonomy key -> (term, articles together)
    per_month: dict[tuple[int, int], int]  # (year, month) -> articles; dated to the month or day only


@dataclass(frozen=True)
class OrganizationProfile:
    acronym: str | None
    parent: Term | None
    forms: tuple[str, ...]


@dataclass(frozen=True)
class PlaceProfile:
    kind: str | None  # pays, province, ville…; None when unknown
    country: str | None  # its French name; None for a country, or when unknown
    country_term: Term | None = None  # the country's own page, when the site has one


@dataclass(frozen=True)
class Profiles:
    """By taxonomy key, then term slug."""

    people: dict[str, PersonProfile] = field(default_factory=dict)
    organizations: dict[str, OrganizationProfile] = field(default_factory=dict)
    places: dict[str, PlaceProfile] = field(default_factory=dict)


def build_profiles(site: Site, terms_by_form: dict[str, dict[str, Term]]) -> Profiles:
    """`terms_by_form`: taxonomy key -> every form of a term's name -> the term (write.py's)."""
    return Profiles(
        people=_people(site, terms_by_form),
        organizations=_organizations(site, terms_by_form["organizations"]),
        places=_places(site),
    )


def _people(site: Site, terms_by_form: dict[str, dict[str, Term]]) -> dict[str, PersonProfile]:
    last: dict[str, str] = {}
    first: dict[str, str] = {}
    per_month: dict[str, Counter] = defaultdict(Counter)
    cited: dict[str, dict[str, Counter]] = defaultdict(lambda: {key: Counter() for key in KINDS})
    roles: dict[str, dict[str, list]] = defaultdict(dict)  # slug -> folded role -> [text, newest id, n]
    by_slug = {t.slug: t for key in KINDS for t in site.taxonomies.get(key, ())}
    for entry in site.entries:  # newest first, undated last
        if entry.duplicate_of:
            continue
        article = entry.article
        named = {key: _terms(getattr(article, key), terms_by_form[key]) for key in KINDS}
        for person in named["people"]:
            if article.date:
                last.setdefault(person.slug, article.id)
                first[person.slug] = article.id  # the entries grow older: the last one seen is the first
                if article.date.precision != YEAR:
                    per_month[person.slug][(article.date.value.year, article.date.value.month)] += 1
            for key in KINDS:
                cited[person.slug][key].update(t.slug for t in named[key] if t is not person)
        for name, role in dict.fromkeys(article.roles):
            person = terms_by_form["people"].get(name)
            if person:
                seen = roles[person.slug].setdefault(fold(role), [role, article.id, 0])
                seen[2] += 1
    profiles = {}
    for person in site.taxonomies.get("people", ()):
        found = sorted(roles[person.slug].values(), key=lambda r: (-r[2], fold(r[0]), r[0]))[:MAX_ROLES]
        profiles[person.slug] = PersonProfile(
            roles=tuple(Fact(text, article_id, n) for text, article_id, n in found),
            first=first.get(person.slug),
            last=last.get(person.slug),
            cited_with={
                key: tuple(
                    (by_slug[s], n)
                    for s, n in sorted(counter.items(), key=lambda c: (-c[1], fold(by_slug[c[0]].name), c[0]))[
                        :CITED_WITH
                    ]
                )
                for key, counter in cited[person.slug].items()
            },
            per_month=dict(per_month[person.slug]),
        )
    return profiles


def _terms(names, terms_by_form: dict[str, Term]) -> list[Term]:
    """The terms of an article's names, each once, in the article's order."""
    return list({t.slug: t for t in (terms_by_form.get(n) for n in names) if t}.values())


def _organizations(site: Site, terms_by_form: dict[str, Term]) -> dict[str, OrganizationProfile]:
    profiles = {}
    for term in site.taxonomies.get("organizations", ()):
        # an acronym is a form an article wrote: "PPRL" alone, never guessed from the initials
        acronyms = [f for f in term.forms if _ACRONYM.fullmatch(f)]
        parent = term.parent and terms_by_form.get(term.parent)
        profiles[term.slug] = OrganizationProfile(
            acronym=acronyms[0] if len(acronyms) == 1 else None,
            parent=parent if parent and parent.slug != term.slug else None,
            forms=term.forms,
        )
    return profiles


def _places(site: Site) -> dict[str, PlaceProfile]:
    places = site.taxonomies.get("places", ())
    by_key = {place_key(form): t for t in places for form in (*t.forms, t.name)}
    profiles = {}
    for term in places:
        facts = facts_of(term.name)
        if facts is None:
            profiles[term.slug] = PlaceProfile(None, None)
            continue
        country, country_term = None, None
        if facts.kind != COUNTRY and facts.country:
            names = country_names(facts.country)
            country_term = next((by_key[place_key(n)] for n in names if place_key(n) in by_key), None)
            country = country_term.name if country_term else (names[0] if names else None)
        profiles[term.slug] = PlaceProfile(facts.kind, country, country_term)
    return profiles
