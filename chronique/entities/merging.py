"""One name, one entry: an article's names cleaned, split where two are glued, made whole,
and their variants merged under one key (shown in their most complete spelling)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..text import diacritic_richness, fold
from .organizations import is_source_mention
from .rules import KINDS, ORGANIZATION, PERSON, PLACE, SMALL_WORDS


@dataclass(frozen=True)
class Entities:
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    places: tuple[str, ...]
    # for the corpus stage (collect.resolve_acronyms_across_corpus): what this article's
    # acronyms stand for, and those it uses without saying
    acronyms: tuple[tuple[str, str], ...] = ()  # (acronym, the organisation it stands for)
    acronyms_unexplained: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (person, role): entities/roles.py


ROMAN = re.compile(r"[IVXLCDM]+")  # "XIVe Congrès": a numeral, no acronym


class MergingRules:
    """The last step of an article's names (mixed into EntityExtractor)."""

    def _finish(
        self, found: dict[str, list[str]], acronyms: dict[str, str], text: str, roles: list[tuple[str, str]] = ()
    ) -> Entities:
        result = {}
        for kind in KINDS:
            names = []
            for name in found[kind]:
                name = " ".join(name.split()).strip(" ,;:.")
                if name in acronyms:
                    name = acronyms[name]

                key = fold(name)
                if not key or key in self.rules.ignore or key in self.rules.not_entities:
                    continue
                names.append(self.rules.aliases.get(kind, {}).get(key, name))
            result[kind] = merge_variants(names)
        # "Parti communiste vietnamien Tô Lâm": the name after an organisation is a person's
        people_keys = [fold(p) for p in result[PERSON]]
        known_places = self.place_keys
        orgs = []
        for org in result[ORGANIZATION]:
            org, person = self._split_titled_person(org, text)
            if not person:  # "Comité du Parti de la province d'Oudomxay Thongchanh Chanthavong"
                for cut in [m.start() for m in re.finditer(r"(?<=[\s’'])\S", org)][::-1][2:]:
                    place, person = self._split_place_person(org[cut:])
                    if person:
                        org = org[:cut] + place
                        break
            if person and fold(person) not in people_keys:
                result[PERSON] = (*result[PERSON], person)
                people_keys.append(fold(person))
            for person in result[PERSON]:
                # stripped only when the person is also named outside this organisation's name;
                # "Union de la jeunesse communiste Hồ Chí Minh" keeps its eponym
                # or when a title names them a person ("secrétaire général du Parti … lao Thongloun Sisoulith")
                titled = fold(person) in found.get("titled", ()) and fold(person) not in self.rules.eponyms
                if fold(org).endswith(" " + fold(person)) and (text.count(person) > text.count(org) or titled):
                    org = " ".join(org.split()[: -len(person.split())]).rstrip(" ,")
            if len(org.split()) >= 2 or org.isupper():
                if fold(org) not in known_places:
                    orgs.append(self.rules.aliases.get(ORGANIZATION, {}).get(fold(org), org))
        result[ORGANIZATION] = merge_variants(orgs)
        # names are whole: "ambassade du Vietnam" is a cut of "ambassade du Vietnam au Laos"
        for kind in (ORGANIZATION, PERSON):
            keys = [fold(n) for n in result[kind]]
            result[kind] = tuple(
                n for n, k in zip(result[kind], keys) if not any(o != k and f" {k} " in f" {o} " for o in keys)
            )
        # a lone capitalised word inside an organisation's name ("de l'Industrie") is no place
        org_text = " | ".join(fold(o) for o in result[ORGANIZATION])
        result[PLACE] = tuple(
            p
            for p in result[PLACE]
            if len(p.split()) > 1
            or fold(p) in known_places
            or fold(p) in self.gazetteer
            or f" {fold(p)}" not in f" {org_text}"
        )
        # "hôpital Bạch Mai", "groupe Đèo Cả": a name inside an organisation's name is the organisation's
        result[PERSON] = tuple(p for p in result[PERSON] if f" {fold(p)} " not in f" {org_text} ".replace("|", " "))
        # a name that is a person is not also a place or an organisation
        people_keys = {fold(p) for p in result[PERSON]}
        org_keys = {fold(o) for o in result[ORGANIZATION]}
        result[PLACE] = tuple(p for p in result[PLACE] if fold(p) not in people_keys and fold(p) not in org_keys)
        # "Siphandone a visité…": a part of a person's name met alone is that person, not a place
        # (unless it is a place a gazetteer or the name lists know)
        person_words = " | ".join(people_keys)
        result[PLACE] = tuple(
            p
            for p in result[PLACE]
            if fold(p) in known_places or fold(p) in self.gazetteer or f" {fold(p)} " not in f" {person_words} "
        )
        # "Vietnam" only in "Parti communiste du Vietnam": no place of the story
        organizations = (*result[ORGANIZATION], *found[ORGANIZATION])
        if any(fold(p) in self.countries for p in result[PLACE]):
            spans = self._organization_spans(organizations, text)
            result[PLACE] = tuple(p for p in result[PLACE] if self._outside_organizations(p, spans, text))
        result[ORGANIZATION] = tuple(o for o in result[ORGANIZATION] if fold(o) not in people_keys)
        explained, unexplained = self._acronyms_for_corpus(acronyms, result, text)
        # a role stays only with a person kept, under the spelling kept
        kept = {merge_key(p): p for p in result[PERSON]}
        aliases = self.rules.aliases.get(PERSON, {})
        held = ((kept.get(merge_key(aliases.get(fold(name), name))), role) for name, role in roles)
        found_roles = tuple(dict.fromkeys((name, role) for name, role in held if name))
        return Entities(result[PERSON], result[ORGANIZATION], result[PLACE], explained, unexplained, found_roles)

    def _acronyms_for_corpus(
        self, acronyms: dict[str, str], result: dict, text: str
    ) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
        """The acronyms this article explains (only those whose expansion stayed an organisation
        here) and the ones it uses alone, unknown: another article may explain them."""
        named = {fold(n) for kind in KINDS for n in result[kind]} | self.place_keys
        not_organizations = {fold(n) for n in (*result[PERSON], *result[PLACE])} | self.place_keys
        explained = {}
        for acronym, expansion in sorted(acronyms.items()):
            name = self.rules.aliases.get(ORGANIZATION, {}).get(fold(expansion), expansion)
            # kept even when a longer name holds it here ("Bureau politique de l'Union … (UCAL)")
            if fold(name) not in not_organizations and len(name.split()) >= 2:
                explained[acronym] = name
        unexplained = []
        for match in re.finditer(r"\b[A-ZĐ]{2,8}\b", text):
            acronym, key = match.group(0), fold(match.group(0))
            if acronym in explained or acronym in acronyms or key in named or ROMAN.fullmatch(acronym):
                continue  # explained here, or a place, a person or a known name ("LAOS")
            if key in self.rules.aliases.get(ORGANIZATION, {}) or key in self.rules.ignore:
                continue
            if key in self.rules.not_entities or is_source_mention(text, match.start(), match.end()):
                continue  # "(VNA) -": the agency credited, not an organisation spoken of
            unexplained.append(acronym)
        return tuple(explained.items()), tuple(sorted(set(unexplained)))


def merge_key(name: str) -> str:
    """Spellings of one name share this key: case, diacritics and word order of an
    organisation's qualifiers aside ("Parti révolutionnaire populaire lao")."""
    words = [w for w in fold(name).split() if w not in SMALL_WORDS]
    return " ".join(sorted(words))


def entity_key(name: str) -> str:
    """Names of one entity share this key, one page each: merge_key, and a country's forms
    ("lao", "laotienne", "du Laos") and the equivalent words of data/entities.yml ("du peuple" =
    "populaire") aside. Articles keep the form they wrote; their entity's page lists them all."""
    words = [part for w in fold(name).split() if w not in SMALL_WORDS for part in CANONICAL_WORDS.get(w, w).split()]
    return " ".join(sorted(words))


def _canonical_words() -> dict[str, str]:
    """Folded word -> the word it merges under: demonyms -> their country, merge_words."""
    data = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "entities.yml").read_text(encoding="utf-8"))
    table = {fold(a): fold(country) for country, forms in (data.get("demonyms") or {}).items() for a in forms}
    table = {a: country for a, country in table.items() if " " not in a and " " not in country}
    table.update({fold(a): fold(b) for a, b in (data.get("merge_words") or {}).items()})
    # a known acronym stands for its expansion's words ("Comité central du PPRL")
    aliases = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "aliases.yml").read_text(encoding="utf-8"))
    for display, variants in ((aliases or {}).get("organizations") or {}).items():
        for variant in variants or []:
            if variant.isupper() and " " not in variant:
                words = [table.get(w, w) for w in fold(display).split() if w not in SMALL_WORDS]
                table[fold(variant)] = " ".join(words)
    return table


CANONICAL_WORDS = _canonical_words()
# folded names of the people organisations and places are named after (data/entities.yml)
EPONYMS = frozenset(
    fold(name)
    for name in yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "data" / "entities.yml").read_text(encoding="utf-8")
    ).get("eponyms")
    or []
)


def merge_variants(names: list[str]) -> tuple[str, ...]:
    """One display name per merge key, in order of first mention: the spelling with
    the most diacritics, then the most frequent, then the first seen."""
    groups: dict[str, Counter] = {}
    for name in names:
        groups.setdefault(merge_key(name), Counter())[name] += 1
    return tuple(best_spelling(counter) for counter in groups.values())


def best_spelling(counter: Counter) -> str:
    return sorted(counter, key=lambda n: (-diacritic_richness(n), -counter[n], n))[0]
