"""The model runner: spaCy's French model over articles' paragraphs (batched; a worker of the
extraction runs it over its chunk: chronique/extract_batch.py), each entity then classified
by the rules of its kind."""

from __future__ import annotations

import functools
import re

from text_unidecode import unidecode

from ..text import fold
from .gazetteer import country_keys, gazetteer_keys
from .institutions import before_participle, institution_at
from .merging import Entities, MergingRules
from .organizations import OrganizationRules, is_source_mention
from .people import PeopleRules
from .places import PlaceRules
from .roles import role_from_title
from .rules import (
    _UPPER,
    _WORD,
    BYLINE,
    CAPS_DATELINE,
    DATELINE,
    KINDS,
    MODEL,
    NAME_RUN,
    NER_LIMIT,
    ORDINAL_HEAD,
    ORDINAL_TAIL,
    ORGANIZATION,
    PERSON,
    PLACE,
    PLACE_CUE,
    SIGNATURE,
    Rules,
    _alias_spellings,
)


def _place_sentence(dateline: re.Match) -> str:
    place = dateline["head"].split(",")[0].strip()
    return f"{place.title() if place.isupper() else place}. "


# "ministre lao de l'", "vice-ministre des": what follows is the minister's portfolio
PORTFOLIO_BEFORE = re.compile(r"\bministres?\s+(?:[a-zà-ÿ’'-]+\s+){0,2}?(?:de\s+la|de\s+l[’']|du|des|de|d[’'])\s*$")
# "TP. Hồ Chí Minh", "Thành phố Đà Nẵng": Vietnamese for "the city of", left as is in translations
CITY_PREFIX = re.compile(r"\b(?:TP\.?|Thành phố)\s*$")
ENGLISH_WORD = re.compile(r"\s+(?:and|of|the|for|to)\s")  # inside or after an English phrase, never a name


class EntityExtractor(PeopleRules, PlaceRules, OrganizationRules, MergingRules):
    """Loads the model once; extracts many articles in one batched pass."""

    def __init__(self, rules: Rules, model: str = MODEL):
        self.rules, self.model = rules, model
        # with and without accents: machine translation writes "secretaire general"
        titles = sorted(dict.fromkeys([*rules.titles, *(unidecode(t) for t in rules.titles)]), key=len, reverse=True)
        title_words = "|".join(re.escape(t) for t in titles)
        # A title, its qualifiers in lower case ("laotien", "du Laos au Vietnam,"), then the name.
        # ("de l'Assemblée nationale du Laos", "de l'ASEAN 2024,"): complements naming a body, a year
        qualifier = (
            rf"(?:[a-zà-ÿ’'-]+|\d{{4}}|(?:(?:du|de|des|au|aux|en)\s+|de\s+la\s+|de\s+l[’']|d[’'])[{_UPPER}][\w’'-]*)"
        )
        self.titled_name = re.compile(
            rf"(?<!\w)(?:{title_words})(?!\w)(?:[\s,]+{qualifier}){{0,8}}[\s,]+({_WORD}(?:[^\S\n]+{_WORD}){{1,3}})"
        )
        # folded once: these are consulted for every candidate name
        self.place_keys = {fold(p) for p in rules.places} | set(rules.aliases.get(PLACE, {}))
        self.gazetteer = gazetteer_keys()
        self.countries = country_keys() | {fold(country) for country in rules.demonyms.values()}
        # (?!\w), not \b, after a title: "M." ends with a dot, and "M. Phankham" has no \b there
        self.title_before = re.compile(rf"(?:{title_words})(?!\w)[\s,]*(?:[a-zà-ÿ’'-]+[\s,]+){{0,3}}(?:l[’'])?$")
        self.title_prefix = re.compile(rf"^(?:(?:{title_words})(?!\w)[\s,]*(?:[a-zà-ÿ’'-]+\s+)*?)+", re.IGNORECASE)
        spellings = set(rules.places) | {v for v, d in _alias_spellings(rules, PLACE)}
        place_words = "|".join(re.escape(p) for p in sorted(spellings, key=len, reverse=True))
        self.known_place = re.compile(rf"(?<!\w)({place_words})(?!\w)")
        # machine-translated text drops accents ("ministere des Affaires etrangeres"): heads without them too
        spelled = dict.fromkeys([*rules.organization_heads, *(unidecode(h) for h in rules.organization_heads)])
        heads = "|".join(re.escape(h) for h in sorted(spelled, key=len, reverse=True))
        self.capitalised_heads = {h.lower() for h in rules.capitalised_heads}
        self.institution_head = re.compile(rf"(?<![\w-])(?:{heads})(?![\w-])", re.IGNORECASE)

    @functools.cached_property
    def nlp(self):
        """The model, loaded on first use: a worker whose chunk has all its names in the
        cache never loads it. Only what extraction reads: ner. No parser, sentences,
        lemmas, tags or morphology are read; and the shared tok2vec is left out too: in
        fr_core_news_md no component listens to it (ner embeds its own), so it was
        computed for nothing (57 -> 32 ms of CPU an article, the same names).

        Its matrix products go to numpy's OpenBLAS, on one thread, rather than to thinc's
        default, blis: on this machine's AVX-512 cores 32 -> 17 ms of CPU an article, the
        same names (tests/test_model_ops.py). One thread: the build's parallelism is its
        processes, and a second BLAS thread in each would only fight them for the cores."""
        import spacy  # imported here: a warm build that needs no NER never pays for it
        from thinc.api import use_ops
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, user_api="blas")
        with use_ops("numpy", use_blis=False):  # the ops each layer keeps, chosen when it is built
            return spacy.load(
                self.model, exclude=["tok2vec", "parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"]
            )

    def extract_many(self, texts: list[list[str]]) -> list[Entities]:
        """texts: for each article, its paragraphs; their names, read in one batched pass."""
        return self._extract_chunk([self._prepare(paragraphs) for paragraphs in texts])

    def _extract_chunk(self, joined: list[str]) -> list[Entities]:
        docs = self.nlp.pipe(joined, batch_size=32)
        return [self._entities(text, doc.ents) for text, doc in zip(joined, docs)]

    def _prepare(self, paragraphs: list[str]) -> str:
        # "Luang Prabang, 5 avril (VNA) –": the dateline's place is kept as a sentence of its
        # own ("Luang Prabang."), its date and agency dropped (no name there)
        last = len(paragraphs) - 1
        story = [
            p
            for i, p in enumerate(paragraphs)
            if not ((i <= 1 or i >= last - 1) and BYLINE.match(p)) and not (0 < i == last and SIGNATURE.match(p))
        ]
        # ("PEKIN, 5 janvier (Xinhua) --", "VIENTIANE –": in capitals the model sees no name: "Vientiane.")
        cleaned = [
            CAPS_DATELINE.sub(self._caps_place, DATELINE.sub(_place_sentence, p, count=1), count=1) if i == 0 else p
            for i, p in enumerate(story)
        ]
        # names are read in the first NER_LIMIT characters: enough for any article, and the
        # model's memory stays bounded on a runaway file (spaCy refuses 1,000,000 and more)
        return "\n\n".join(cleaned)[:NER_LIMIT]

    def _caps_place(self, dateline: re.Match) -> str:
        """ "VIENTIANE –": a known place, kept as a sentence; anything else in capitals
        before a dash ("ASEAN –") is left as written."""
        head = fold(dateline["head"])
        if head in self.gazetteer or head in self.place_keys:
            return _place_sentence(dateline)
        return dateline.group(0)

    def _entities(self, text: str, ents) -> Entities:
        found: dict[str, list[str]] = {kind: [] for kind in KINDS}
        acronyms = self._acronyms(text)
        for ent in ents:
            span = " ".join(ent.text.split("\n\n")[0].split())
            # "Monument des martyrs anonymes du | Laos": the model cut the name before its last word
            tail = ent.label_ in ("LOC", "MISC") and re.match(rf"[^\S\n]+({_WORD})", text[ent.end_char :])
            if tail and re.search(r"\s(?:du|de|des)$", span):
                span += " " + tail.group(1)
            if is_source_mention(text, ent.start_char, ent.end_char):
                continue
            english = ENGLISH_WORD.search(f" {span} ") or ENGLISH_WORD.match(text[ent.end_char : ent.end_char + 8])
            if ent.label_ in ("PER", "MISC") and english:
                continue  # "(ASEAN: Enhancing Connectivity and Resilience)": an English phrase, not a name
            self._classify(span, ent.label_, text[max(0, ent.start_char - 60) : ent.start_char], found, acronyms)
        roles: list[tuple[str, str]] = []
        for match in self.titled_name.finditer(text):
            name = self._clean_person(match.group(1))
            if name:
                found[PERSON].append(name)
                found.setdefault("titled", []).append(fold(name))  # a title before: surely a person
                # the words cut off are the role, when the name was kept from its first word
                role = role_from_title(text[match.start() : match.start(1)], self.rules.titles, self.rules.demonyms)
                if role and f"{match.group(1)} ".startswith(f"{name} "):
                    roles.append((name, role))
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
            if CITY_PREFIX.search(text[max(0, match.start() - 12) : match.start()]):
                continue  # "TP. Hồ Chí Minh": the city
            if fold(match.group(1).split()[0]) in self.rules.surnames:
                name = self._clean_person(match.group(1))
                if name:
                    found[PERSON].append(name)
        for match in self.known_place.finditer(text):
            found[PLACE].append(match.group(1))
        for match in self.institution_head.finditer(text):
            if match.group(0)[0].islower() and match.group(0).lower() in self.capitalised_heads:
                continue  # "la communauté vietnamienne à Vientiane" names no body; "Communauté de l'ASEAN" does
            name = institution_at(text, match.start(), match.end())
            if name:
                found[ORGANIZATION].append(self._end_at_place(name))
        for match in re.finditer(r"\b[A-ZĐ]{2,8}\b", text):  # a known acronym alone ("le SG du PCV")
            if fold(match.group(0)) in self.rules.aliases.get(ORGANIZATION, {}) and not is_source_mention(
                text, match.start(), match.end()
            ):
                found[ORGANIZATION].append(match.group(0))
        for expansion in acronyms.values():
            found[ORGANIZATION].append(expansion)
        second_names, stands_for = self._second_names(text, found[ORGANIZATION])
        found[ORGANIZATION] = [name for name in found[ORGANIZATION] if fold(name) not in second_names]
        acronyms.update(stands_for)
        found[ORGANIZATION] += stands_for.values()
        return self._finish(found, acronyms, text, roles)

    def _end_at_place(self, name: str) -> str:
        """ "Assemblée nationale du Laos Saysomphone Phomvihane au Vietnam": capitalised words right
        after a known place that ends a complement are no part of the name (a person, another place)."""
        for match in self.known_place.finditer(name):
            following = re.match(rf"\s+({_WORD})", name[match.end() :])
            if following and fold(f"{match.group(1)} {following.group(1)}") not in self.place_keys:
                return name[: match.end()]
        return name

    def _classify(self, span: str, label: str, before: str, found, acronyms) -> None:
        span = span.strip(" ,;:.()«»\"'’")
        span = re.sub(r"^(?:l’|l'|d’|d'|le |la |les |du |des |de la )", "", span)
        # "XVe Assemblée nationale", "PCV du XIVe (Congrès)": an ordinal is no part of a name
        span = ORDINAL_TAIL.sub("", ORDINAL_HEAD.sub("", span))
        # "ASEAN Business and Investment Summit - ABIS": the name without its acronym
        span = re.sub(r"\s+[-–]\s+([A-Z]{2,8})$", lambda m: "" if m[1] in acronyms else m[0], span)
        if CITY_PREFIX.search(before):
            return  # "TP. Hồ Chí Minh": a city named after a person, no person (data/aliases.yml knows the city)
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
                        found[PLACE].append(self._country_of_state(part))
            return
        if label == "ORG" and PORTFOLIO_BEFORE.search(before) and not self._starts_with_org_head(span):
            return  # "ministre lao de l'Éducation et des Sports": a minister's portfolio, not a body
        if label == "ORG":
            span = before_participle(span)
        if label == "ORG" and self._looks_like_org(span):
            found[ORGANIZATION].append(re.sub(r"(?:\s+(?:de|du|des|de la|d’|d'|et))+$", "", span))
