"""[Article] -> Site: what the pages are made from.

Held articles are dropped first, by one filter, so they vanish everywhere at once.
Then: names merged across the corpus, order, URLs (chronique/urls.py), duplicates,
related articles, taxonomies, the timeline and the key figures. Nothing here is
quadratic in the number of articles: candidates come from inverted indexes and LSH.
"""

from __future__ import annotations


import hashlib
import heapq
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from datasketch import MinHashLSH

from . import schema, similarity
from .executors import in_background
from .same_event import same_event, telling_of
from .events import EVENT_WORDS
from .entities import EPONYMS, best_spelling, entity_key, merge_key
from .dates import CorpusDates, DateResult, DayMarks, from_corpus, yearless_lead_days
from .model import CORPUS, Article, ArticleDate, Event, Figure, Problem
from .text import fold, slug
from .urls import article_path, article_url, assign_locations

UNDATED = "sans-date"
DUPLICATE_CONTAINMENT = 0.8
# A copy cut to half its length still shares half its shingles with the original.
NEAR_COPY_JACCARD = 0.4
RELATED_MIN, RELATED_MAX = 3, 5
NEIGHBOURS = 25
# From this many articles, with jobs > 1, collect() and render() use a second core.


@dataclass(frozen=True)
class Entry:
    """An article as the site shows it: its place (URL) and its links."""

    article: Article
    slug: str
    path: str  # docs-relative Markdown path: articles/slug.md
    url: str  # site-relative URL: articles/slug/
    duplicate_of: str | None
    duplicates: tuple[str, ...]
    related: tuple[str, ...]  # ids


@dataclass(frozen=True)
class Term:
    name: str
    slug: str
    ids: tuple[str, ...]  # newest first
    forms: tuple[str, ...] = ()  # every form the articles wrote ("Assemblée nationale lao", "… du Laos")
    parent: str | None = None  # the organisation this body belongs to ("Comité central du X" -> X)


@dataclass(frozen=True)
class FigureGroup:
    measure: str  # "" for goals and forecasts whose measure the text does not say
    unit: str
    year: int | None
    items: tuple[tuple[Figure, str], ...]  # (figure, article id)
    discrepancy: bool
    parties: tuple[str, ...] = ()  # the countries or groups the figures concern
    reported: bool = True  # reported values; False: goals and forecasts, never checked against values


@dataclass(frozen=True)
class Happening:
    """One event of the chronology, however many articles tell it: a short label (who, what,
    where), the sentence of the first article (shown on hover), and every article's id."""

    date: ArticleDate
    label: str
    sentence: str
    announced: bool  # every article telling it was written before it
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    entries: tuple[Entry, ...]  # newest first, undated last
    by_id: dict[str, Entry]
    taxonomies: dict[str, tuple[Term, ...]]
    timeline: tuple[tuple[Event, str], ...]
    figures: tuple[FigureGroup, ...]
    problems: tuple[Problem, ...]
    redirects: tuple[tuple[str, str], ...] = ()  # (former address, article id): chronique/urls.py
    chronology: tuple[Happening, ...] = ()  # the timeline page: one entry per event, all its articles


def collect(articles: list[Article], jobs: int = 1, redirects: dict[str, str] | None = None) -> Site:
    """The corpus as a site. With jobs > 1 (the pipeline asks for it on a large corpus:
    Settings.thresholds.collect_articles), duplicates are found in a
    forked process while related articles are found here (they do not depend on each other).
    `redirects`: the former addresses of articles (seeds/redirects.yml, chronique/urls.py)."""
    published = sorted((a for a in articles if not a.hold), key=order_key)
    # duplicates depend on the texts only, not on the names merged below: started first
    duplicates = in_background(lambda: find_duplicates(published), enabled=jobs > 1)
    ordered = merge_names_across_corpus(resolve_acronyms_across_corpus(published))
    locations = assign_locations(ordered, redirects, held=frozenset(a.id for a in articles if a.hold))
    slugs = locations.slugs
    related = find_related(ordered)
    duplicate_of, problems = duplicates()
    copies = defaultdict(list)
    for copy, original in duplicate_of.items():
        copies[original].append(copy)
    entries = []
    for article in ordered:
        entries.append(
            Entry(
                article,
                slugs[article.id],
                article_path(slugs[article.id]),
                article_url(slugs[article.id]),
                duplicate_of.get(article.id),
                tuple(sorted(copies.get(article.id, []))),
                related.get(article.id, ()),
            )
        )
    by_id = {e.article.id: e for e in entries}
    return Site(
        entries=tuple(entries),
        by_id=by_id,
        taxonomies=build_taxonomies(entries),
        timeline=build_timeline(entries),
        chronology=build_chronology(entries),
        figures=group_figures(entries),
        problems=tuple(problems) + locations.problems,
        redirects=locations.redirects,
    )


@dataclass
class CorpusMemo:
    """What date_from_corpus worked out when it last ran, kept by the cache
    (ExtractionCache.dated_from_corpus): the DayMarks of each dated text, and each undated
    article's answer under a key of everything it read. When the step runs again (a date
    moved, an article added), only what changed is read again. A run keeps only what it used."""

    marks: dict[str, DayMarks] = field(default_factory=dict)  # paragraphs' digest -> their DayMarks
    answers: dict[str, DateResult | None] = field(default_factory=dict)  # reading key -> from_corpus's answer


def date_from_corpus(articles: list[Article]) -> list[Article]:
    """A bare article whose text gives a day and month but no year takes its year from the
    site's dated articles on the same event (dates.from_corpus), provenance "corpus". Runs on
    the whole corpus after extraction, before anything is ordered; an undated article stays so
    when nothing holds."""
    return date_from_corpus_remembering(articles, None)[0]


def date_from_corpus_remembering(articles: list[Article], memo: CorpusMemo | None) -> tuple[list[Article], CorpusMemo]:
    """date_from_corpus, reading again only what `memo` (of an earlier run) does not hold;
    with the memo of this run."""
    undated, witnesses = what_date_from_corpus_reads(articles)
    if not undated:
        return articles, CorpusMemo()
    last, used = memo or CorpusMemo(), CorpusMemo()
    rows, read_as = [], {}  # read_as: witness id -> what from_corpus may read of it
    for witness in witnesses:
        paragraphs, names = _paragraphs(witness), _event_names(witness)
        text = _digest(paragraphs)
        marks = used.marks[text] = last.marks.get(text) or DayMarks.of(paragraphs)
        rows.append((witness.id, witness.date, names, marks))
        read_as[witness.id] = repr((witness.id, witness.date, sorted(names), text))
    corpus = CorpusDates.of(rows)
    result = []
    for article in articles:
        if article.date is None and not article.hold:
            paragraphs, names = _paragraphs(article), _event_names(article)
            days = yearless_lead_days(paragraphs)
            read = [read_as[row[0]] for day in days for row in corpus.by_day_month.get(day, ())]
            key = _digest([repr((paragraphs, article.seed, sorted(names), corpus.latest, days, read))])
            found = last.answers[key] if key in last.answers else from_corpus(paragraphs, article.seed, names, corpus)
            used.answers[key] = found
            if found:
                kept = tuple(p for p in article.problems if p.field != "date")
                article = replace(article, date=found.date, problems=kept + found.problems)
        result.append(article)
    return result, used


def _digest(texts: list[str]) -> str:
    return hashlib.sha256("\0".join(texts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def what_date_from_corpus_reads(articles: list[Article]) -> tuple[list[Article], list[Article]]:
    """The undated articles, and the dated ones that may give them a year: those sharing a
    person with one of them (reading every article of a large corpus would cost seconds on a
    warm build). A held article gives no year: the evidence names its source, and a held
    article is named nowhere public."""
    undated = [a for a in articles if a.date is None and not a.hold]
    wanted = {name for a in undated for name in _event_names(a) if name.startswith("people:")}
    if not wanted:
        return undated, []
    witnesses = [
        a
        for a in articles
        if a.date and a.date.source != CORPUS and not a.hold and not wanted.isdisjoint(_people_names(a))
    ]
    return undated, witnesses


def _paragraphs(article: Article) -> list[str]:
    return [b.text for b in article.blocks if b.kind == "paragraph"]


def _people_names(article: Article) -> set[str]:
    return {f"people:{fold(n)}" for n in article.people}


def _event_names(article: Article) -> set[str]:
    """The names that tell one event from another: folded people and places, kind-tagged. The
    people an organisation or a city is named after (Hồ Chí Minh, Kaysone Phomvihane) are in
    every other article: they tell nothing."""
    people = {fold(n) for n in article.people} - EPONYMS
    places = {fold(n) for n in article.places} - EPONYMS
    return {f"people:{n}" for n in people} | {f"places:{n}" for n in places}


def order_key(article: Article):
    """Newest first; the same day ordered by precision then id, undated last."""
    if article.date is None:
        return (1, 0, "", article.id)
    return (0, -article.date.value.toordinal(), article.date.precision, article.id)


def resolve_acronyms_across_corpus(articles: list[Article]) -> list[Article]:
    """ "le PPRL" alone in one article, "Parti populaire révolutionnaire lao (PPRL)" in another:
    the first gets the party too, under the same page. An acronym the corpus explains in two
    different ways gets none of them (a wrong page is worse than a missing one), nor does one
    that names a person or a place somewhere in the corpus, nor one nobody explains."""
    expansions: dict[str, dict[str, str]] = defaultdict(dict)  # acronym -> {merge key: name}
    for article in articles:
        for acronym, name in article.acronyms:
            expansions[acronym].setdefault(merge_key(name), name)
    not_organizations = {fold(n) for a in articles for n in (*a.people, *a.places)}
    resolved = {
        acronym: next(iter(names.values()))
        for acronym, names in expansions.items()
        if len(names) == 1 and fold(acronym) not in not_organizations
    }
    result = []
    for article in articles:
        added = [resolved[a] for a in article.acronyms_unexplained if a in resolved]
        if added:
            article = replace(article, organizations=tuple(dict.fromkeys((*article.organizations, *added))))
        result.append(article)
    return result


def merge_names_across_corpus(articles: list[Article]) -> list[Article]:
    """ "To Lam" in one article and "Tô Lâm" in another are one person, shown in the
    spelling with the most diacritics. A person's name is no place anywhere in the corpus."""
    merged = []
    display = {}
    for kind in ("people", "organizations", "places"):
        spellings: dict[str, Counter] = defaultdict(Counter)
        for article in articles:
            for name in getattr(article, kind):
                spellings[merge_key(name)][name] += 1
        display[kind] = {key: best_spelling(counter) for key, counter in spellings.items()}
    # a name that is a person in some article is no place in another ("Saysomphone Phomvihane")
    people = set(display["people"])
    for article in articles:
        changes = {
            kind: tuple(dict.fromkeys(display[kind][merge_key(n)] for n in getattr(article, kind))) for kind in display
        }
        changes["places"] = tuple(p for p in changes["places"] if merge_key(p) not in people)
        changes["roles"] = tuple(dict.fromkeys((display["people"][merge_key(p)], r) for p, r in article.roles))
        merged.append(replace(article, **changes))
    return merged


# For confirming a near copy, words are compared without case or diacritics, as by
# fold(), but through NFKD in C rather than unidecode character by character: whole
# texts are folded here, for every candidate pair. (Only the two texts compared need
# to agree, so this need not match fold() letter for letter.)
_LIGATURES = {"đ": "d", "ð": "d", "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l"}
_LIGATURE = re.compile("|".join(_LIGATURES))  # a regex scan: str.translate looks up every character
_COMBINING = re.compile(r"[\u0300-\u036f]+")
_WORD = re.compile(r"\w+")


def plain_words(paragraphs) -> list[str]:
    text = _LIGATURE.sub(lambda m: _LIGATURES[m.group()], " ".join(paragraphs).casefold())
    text = unicodedata.normalize("NFKD", text)
    return _WORD.findall(_COMBINING.sub("", text))


def _shingles_of(article: Article) -> set[str]:
    return similarity.shingles(plain_words(b.text for b in article.blocks if b.kind == "paragraph"))


def find_duplicates(ordered: list[Article]) -> tuple[dict[str, str], list[Problem]]:
    """The same story twice: the exact digest of the folded text, then MinHash LSH
    over the fingerprints computed at extraction for near copies (a truncated copy, a
    light rewrite), each candidate confirmed by the containment of its shingles."""
    by_id = {a.id: a for a in ordered}
    # the oldest, then the longest, is the original
    rank = {a.id: (a.date.value.toordinal() if a.date else 10**9, -a.words, a.id) for a in ordered}
    duplicate_of: dict[str, str] = {}
    exact: dict[str, str] = {}
    for article in sorted(ordered, key=lambda a: rank[a.id]):
        if article.text_digest in exact and article.words:
            duplicate_of[article.id] = exact[article.text_digest]
        else:
            exact.setdefault(article.text_digest, article.id)
    lsh = MinHashLSH(threshold=NEAR_COPY_JACCARD, num_perm=similarity.NUM_PERM)
    minhashes = {}
    shingles: dict[str, set[str]] = {}  # only for the few candidate pairs

    def shingles_of(article_id: str) -> set[str]:
        if article_id not in shingles:
            shingles[article_id] = _shingles_of(by_id[article_id])
        return shingles[article_id]

    for article in sorted(ordered, key=lambda a: rank[a.id]):
        if article.id in duplicate_of or not article.fingerprint:
            continue
        minhash = similarity.as_minhash(article.fingerprint)
        for other in sorted(lsh.query(minhash), key=lambda i: rank[i]):
            if minhash.jaccard(minhashes[other]) < NEAR_COPY_JACCARD:
                continue  # only a shared boilerplate: no need to compare the texts
            a, b = shingles_of(article.id), shingles_of(other)
            if a and b and len(a & b) / min(len(a), len(b)) >= DUPLICATE_CONTAINMENT:
                duplicate_of[article.id] = duplicate_of.get(other, other)
                break
        else:
            lsh.insert(article.id, minhash)
            minhashes[article.id] = minhash
    problems = [
        Problem(
            by_id[c].seed, "duplicate", "warning", f"même article que {by_id[o].seed} : affiché une fois, relié à lui"
        )
        for c, o in sorted(duplicate_of.items())
    ]
    return duplicate_of, problems


def find_related(ordered: list[Article]) -> dict[str, tuple[str, ...]]:
    """3 to 5 articles sharing the most people, places, organisations and topics;
    rare shared names weigh more, ties go to the nearest in time. Candidates come from
    an inverted index; for a name held by many articles only the NEIGHBOURS nearest
    in time on each side count, so the work per article stays bounded (linear in all)."""
    weights = {"people": 3.0, "organizations": 2.0, "places": 1.5, "tags": 1.0}
    index: dict[tuple[str, str], list[int]] = defaultdict(list)  # term -> positions, ascending
    terms = []
    for position, article in enumerate(ordered):
        keys = list(dict.fromkeys((kind, fold(name)) for kind in weights for name in getattr(article, kind)))
        terms.append(keys)
        for key in keys:
            index[key].append(position)
    related = {}
    for p, article in enumerate(ordered):
        scores: defaultdict[int, float] = defaultdict(float)
        for key in terms[p]:
            holders = index[key]
            weight = weights[key[0]] / (1 + len(holders) / 10)
            if len(holders) > 2 * NEIGHBOURS + 1:
                i = bisect_left(holders, p)
                holders = holders[max(0, i - NEIGHBOURS) : i + NEIGHBOURS + 1]
            for q in holders:
                scores[q] += weight
        scores.pop(p, None)
        chosen = best_related(scores, p)
        distance = 1
        while len(chosen) < RELATED_MIN and distance < len(ordered):  # else the nearest in time
            for q in (p - distance, p + distance):
                if 0 <= q < len(ordered) and q not in chosen and len(chosen) < RELATED_MIN:
                    chosen.append(q)
            distance += 1
        related[article.id] = tuple(ordered[q].id for q in chosen)
    return related


def best_related(scores: dict[int, float], p: int) -> list[int]:
    """The RELATED_MAX best scores; ties (to 1e-6) go to the nearest in time, then the
    first. Only the candidates that can make the cut get the full sort key: an
    article has hundreds of candidates and this runs for every article."""
    if len(scores) > RELATED_MAX:
        cut = round(sorted(scores.values(), reverse=True)[RELATED_MAX - 1], 6) - 1e-6
        scores = {q: s for q, s in scores.items() if s >= cut}
    return heapq.nsmallest(RELATED_MAX, scores, key=lambda q: (-round(scores[q], 6), abs(q - p), q))


def build_taxonomies(entries: list[Entry]) -> dict[str, tuple[Term, ...]]:
    """One term per entity: people, organisations and places grouped by entity_key (a country's
    forms, word order, diacritics aside), shown in their best spelling, with the forms seen."""
    result = {}
    for taxonomy in schema.TAXONOMIES:
        key = taxonomy.key
        # term -> the ids holding it, in entry order (a dict as an ordered set: a
        # list's `in` made this quadratic for names found in most articles)
        holders: dict[str, dict[str, None]] = defaultdict(dict)
        forms: dict[str, Counter] = defaultdict(Counter)
        term_key_of = TERM_KEYS.get(key, fold)
        for entry in entries:
            if entry.duplicate_of:
                continue
            values = schema.taxonomy_names(entry.article, taxonomy)
            for name in values:
                if name:
                    term_key = term_key_of(name)
                    forms[term_key][name] += 1
                    holders[term_key][entry.article.id] = None
        names = {term_key: _display_form(counter) for term_key, counter in forms.items()}
        terms, used = [], set()
        for term_key in sorted(names, key=lambda k: (fold(names[k]), names[k], k)):
            term_slug = slug(names[term_key]) or "terme"
            base, n = term_slug, 2
            while term_slug in used or reserved_term_slug(term_slug):
                term_slug, n = f"{base}-{n}", n + 1
            used.add(term_slug)
            seen = tuple(sorted(forms[term_key], key=lambda f: (fold(f), f)))
            terms.append(Term(names[term_key], term_slug, tuple(holders[term_key]), seen))
        result[key] = tuple(link_parents(terms)) if key == "organizations" else tuple(terms)
    return result


def reserved_term_slug(term_slug: str) -> bool:
    """A name a taxonomy's own pages hold: its list (index.md) and the list's next pages
    (page-2.md, write.py). A term's own next pages are in its folder (<slug>/page-2.md)."""
    return term_slug == "index" or re.fullmatch(r"page-\d+", term_slug) is not None


_COMPLEMENT = re.compile(r"\s(?:du|de la|de l[’']|des|de|d[’'])\s*")


def link_parents(terms: list[Term]) -> list[Term]:
    """A party's or an assembly's body is an organisation of its own, linked to its parent: the
    longest complement of its name that is another organisation ("Comité central du PPRL" -> "Parti
    populaire révolutionnaire lao", "Commission … de l'Assemblée nationale vietnamienne" ->
    "Assemblée nationale du Vietnam")."""
    by_key = {entity_key(form): term for term in terms for form in (*term.forms, term.name)}
    linked = []
    for term in terms:
        parent = next(
            (
                found
                for match in _COMPLEMENT.finditer(term.name)
                if (found := by_key.get(entity_key(term.name[match.end() :]))) and found is not term
            ),
            None,
        )
        linked.append(replace(term, parent=parent.name) if parent else term)
    return linked


def _place_key(name: str) -> str:
    """ "That Luang" = "ThatLuang": a place's words may be written together."""
    return "".join(fold(name).split())


def _person_key(name: str) -> str:
    """ "Phankham Viphavanh" = "Phankham Viphavan", "Saysomphone Phomvihane" = "… Phomvihan": a
    romanised Lao name's silent final letter comes and goes."""
    return " ".join(re.sub(r"(?<=\w{4})[he]$", "", word) for word in entity_key(name).split())


TERM_KEYS = {"people": _person_key, "organizations": entity_key, "places": _place_key}


def _display_form(counter: Counter) -> str:
    """The form an entity's page shows: a name written out ("Comité central du Parti communiste du
    Vietnam") before one with an acronym ("Comité central du PCV"), then the best spelling."""
    spelled_out = Counter({n: c for n, c in counter.items() if not _ACRONYM.search(n) or " " not in n})
    return best_spelling(spelled_out or counter)


_ACRONYM = re.compile(r"(?<![\w-])[A-ZĐ]{2,8}(?![\w-])")


def build_timeline(entries: list[Entry]) -> tuple[tuple[Event, str], ...]:
    events = [(event, e.article.id) for e in entries if not e.duplicate_of for event in e.article.events]
    return tuple(
        sorted(events, key=lambda item: (item[0].date.value, item[0].date.precision, item[1], item[0].sentence))
    )


def group_figures(entries: list[Entry]) -> tuple[FigureGroup, ...]:
    """Figures measuring the same thing side by side: the same measure, unit, year and
    parties (the countries they concern), reported values apart from goals and forecasts.
    Two different reported values for one thing in two articles are a discrepancy; a goal
    is never checked against a reported value, nor Vietnam–Cambodia trade against
    Vietnam–Laos trade. Figures whose article names no country are grouped only with each
    other, and never flagged."""
    groups: dict[tuple, list] = defaultdict(list)
    for entry in entries:
        if entry.duplicate_of:
            continue
        for figure in entry.article.figures:
            reported = figure.kind == "value"
            # a goal is shown even when what it measures is not said: it is never compared
            if figure.measure or not reported:
                key = (not reported, figure.measure or "", figure.unit, figure.year, figure.parties)
                groups[key].append((figure, entry.article.id))
    result = []
    for key in sorted(groups, key=lambda k: (k[0], not k[1], k[1], k[2], k[3] or 0, k[4])):
        outlook, measure, unit, year, parties = key
        items = groups[key]
        # without parties nobody knows what the figures concern: shown together, never flagged
        discrepancy = not outlook and bool(parties) and year is not None and _articles_disagree(items)
        result.append(FigureGroup(measure, unit, year, tuple(items), discrepancy, parties, not outlook))
    return tuple(result)


def _articles_disagree(items) -> bool:
    """Two articles disagree when they share no value (within 1 %). An article that gives
    the whole and a part of it (« 2,6 milliards, dont 1,2 milliard d'exportations »)
    agrees with another that gives the whole only."""
    by_article: dict[str, list[float]] = defaultdict(list)
    for figure, article_id in items:
        by_article[article_id].append(figure.value)

    def same(a: float, b: float) -> bool:
        return abs(a - b) <= 0.01 * max(abs(a), abs(b))

    values = list(by_article.values())
    return any(
        not any(same(a, b) for a in first for b in second)
        for n, first in enumerate(values)
        for second in values[n + 1 :]
    )


def build_chronology(entries: list[Entry]) -> tuple[Happening, ...]:
    """The timeline's events, one entry per event: events of one date (at one precision) that
    share who or where, or most words (same_event.py), are one, listing every article."""
    by_id = {e.article.id: e.article for e in entries}
    happenings: list[dict] = []
    on_date: dict[tuple, list[dict]] = defaultdict(list)  # only events of one date are compared
    for event, article_id in build_timeline(entries):
        telling = telling_of(event.sentence, by_id[article_id])
        same = next(
            (
                h
                for h in on_date[(event.date.value, event.date.precision)]
                if any(same_event(telling, t) for t in h["tellings"])
            ),
            None,
        )
        if same:
            same["ids"].setdefault(article_id, None)
            same["tellings"].append(telling)
            same["announced"] = same["announced"] and event.announced
            continue
        happening = {
            "date": event.date,
            "label": event_label(event.sentence, by_id[article_id]),
            "sentence": event.sentence,
            "announced": event.announced,
            "ids": {article_id: None},
            "tellings": [telling],
        }
        happenings.append(happening)
        on_date[(event.date.value, event.date.precision)].append(happening)
    return tuple(Happening(h["date"], h["label"], h["sentence"], h["announced"], tuple(h["ids"])) for h in happenings)


def event_label(sentence: str, article: Article) -> str:
    """ "Visite d'État · Tô Lâm, Thongloun Sisoulith · Vientiane": what, who and where, from the
    sentence and the names the article holds; the sentence's start when it names none."""
    folded = f" {fold(sentence)} "
    who = [p for p in article.people if f" {fold(p)} " in folded][:2]
    where = [p for p in article.places if f" {fold(p)} " in folded][:1]
    what = next(
        (
            m.group(0)
            for m in re.finditer(r"[\w’'-]+(?:\s+d[’']État)?", sentence)
            if fold(m.group(0)).startswith(EVENT_WORDS)
        ),
        None,
    )
    if not what or not (who or where):
        return sentence if len(sentence) <= 90 else sentence[:89].rsplit(" ", 1)[0] + "…"
    return " · ".join([what[0].upper() + what[1:], *([", ".join(who)] if who else []), *where])
