"""The publication date: a cascade in order of reliability, each step honest about
its precision (day / month / year) and its evidence.

editor override -> header -> photo file-name timestamps -> the text (a dateline,
or the lead's date). A date in the body is an event's, not the publication's, so
it never refines a header, and a lead's dated event gives only its month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache

import dateparser
from babel.dates import get_day_names, get_month_names

from .entities.rules import CAPS_DATELINE  # the names' rules read it too: defined beside them
from .model import CORPUS, DAY, HEADER, MONTH, PHOTO, TEXT, WARNING, YEAR, ArticleDate, Photo, Problem
from .text import LOCALE, as_written, fold, fold_with_map

EARLIEST = dt.date(1945, 1, 1)
# A photo uploaded late at night or a header written a day ahead is not "the future".
FUTURE_SLACK = dt.timedelta(days=2)
# Photos further apart than this do not date one article to the day.
PHOTO_SPREAD = dt.timedelta(days=2)


def _names(mapping) -> dict[str, int]:
    return {fold(name): number for number, name in mapping.items()}


# Month and weekday names from babel's French locale data, folded ("fevrier", "aout").
MONTHS = _names(get_month_names("wide", locale=LOCALE))
MONTHS.update(
    {fold(n).rstrip("."): k for k, n in get_month_names("abbreviated", locale=LOCALE).items() if len(fold(n)) > 3}
)
WEEKDAYS = {fold(name): number for number, name in get_day_names("wide", locale=LOCALE).items()}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(WEEKDAYS)

# Matched on folded text, so "février", "Février" and "fevrier" are one.
DAY_MONTH = re.compile(
    rf"(?:\b(?P<anchor>ce|cette|aujourd hui|ce jour)\s+)?"
    rf"(?:\b(?P<weekday>{_WEEKDAY_RE})\s+(?:(?:matin|midi|apres midi|soir)\s+)?)?"
    rf"\b(?P<day>[0-3]?\d)(?:er)?\s+(?P<month>{_MONTH_RE})\b"
    rf"(?:\s+(?P<year>(?:19|20)\d\d)\b)?"
)
MONTH_YEAR = re.compile(rf"\b(?:en|d|de|au|depuis|fin|debut|mi)\s+(?P<month>{_MONTH_RE})\s+(?P<year>(?:19|20)\d\d)\b")
# 05/12/2025, as folding leaves it ("05 12 2025"): only read where a date is expected.
NUMERIC_DATE = re.compile(r"\b(?P<day>[0-3]?\d)[/. ](?P<month>[01]?\d)[/. ](?P<year>(?:19|20)\d\d)\b")
YEAR_WORD = re.compile(r"(?<![\d,.])\b(?P<year>(?:19|20)\d\d)\b(?![\d,])")
URL_DATE = re.compile(r"(?<!\d)(?P<year>20\d\d)[/-]?(?P<month>[01]\d)[/-]?(?P<day>[0-3]\d)(?!\d)")
URL_YEAR = re.compile(r"/(?P<year>20\d\d)/")
# "Hanoï (VNA) –", "Vientiane, 12 mars (VNA) -": a place, maybe a date, an agency, a dash.
DATELINE = re.compile(
    r"^(?P<head>[^()–—]{2,60}?)\s*\((?P<agency>[^()]{2,20})\)\s*(?:[–—-]{1,2}|:)"
)  # "(Xinhua) --", "(VNA) :"


def strip_dateline(paragraph: str) -> str:
    """The paragraph without its dateline ("Vientiane, 5 avril (VNA) –", "VIENTIANE –")."""
    return CAPS_DATELINE.sub("", DATELINE.sub("", paragraph, count=1).strip(), count=1)


# "Hanoï, le 12/04/2024 –", "Vientiane, 3 mars 2025 -": a place, a full date, a dash (no agency).
_PLACE_WORD = r"[A-ZÀ-ÝĐ][^\W\d_][\w'’.]*"  # a capitalised word: a place's name is made of them
PLACE_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:[ -](?:{_PLACE_WORD}|de|du|des|la|le|d[’']\w+)){{0,4}}),\s+"
    r"(?:le\s+)?(?P<date>[^–—()]{6,30}?)\s*[–—-]\s"
)


URL_HINT = "l'URL source"
CORPUS_HINT = "l'article "  # "l'article 2025-11-26-x, sur le même événement"
# A dated article reports the same event as a yearless one when they share names and its date
# is this close to the yearless day (a report, or the announcement a few days before).
CORPUS_NEAR = dt.timedelta(days=7)
# Share of the shorter sentence's words found in the other for two sentences giving one day to
# tell one story (measured: same-event pairs of real articles 0.46-0.79; different events on the
# same day in 800 synthetic articles mostly under 0.45).
SAME_STORY = 0.45
# Cheap tests on the text as written before folding it: a number then a month's first letters; an ordinal.
MAY_HAVE_DAY = re.compile(
    r"\d\s*(?:er)?\s+(?:janv|f[ée]v|mars|avr|mai|juin|juil|ao[ûu]|sept|oct|nov|d[ée]c)", re.IGNORECASE
)
MAY_HAVE_ORDINAL = re.compile(r"\d\s?(?:e|er|ème|eme)\s", re.IGNORECASE)
# "47e réunion", "50e anniversaire", "XIVe Congrès" is held once: two articles naming it speak of one event
ORDINAL_EVENT = re.compile(
    r"\b(?P<number>\d{1,3})\s?(?:e|er|eme)\s+(?P<event>reunion|session|sommet|congres|anniversaire|conference|forum|legislature)\b"
)
FUTURE_TENSE = (" sera ", " seront ", " aura ", " auront ", " organiser ", " accueillir ")
# Read on folded text, where "2025-2026" is "2025 2026": two years side by side are a range.
YEAR_RANGE_AFTER = re.compile(r"^\s?(?:[-–/]\s?)?(?:19|20)\d\d\b")
YEAR_RANGE_BEFORE = re.compile(
    r"(?:19|20)\d\d\s?(?:[-–/]\s?)?$|\b(?:periode|horizon|vision|strategie|plan|programme)\b[^,;]*$"
)
# A yearless lead date takes its year from the years the article cites ("its own year or the
# year before"); a year further back than this is history ("la Convention de 1982"), not the news.
HISTORY_YEARS = 20
NOT_NOW = re.compile(
    r"\b(?:d ici|jusqu en|a l horizon|avant|depuis|des|entre|objectif|cible|prevu pour|d ici a)\s+(?:l an\s+)?$"
)
# "21/04/2025 17:03", "01/05/2021 - 14h35", glued to an outlet's name or a byline ("VietnamPlus01/05/2021")
BYLINE_STAMP = re.compile(
    r"(?<!\d)(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)\d\d)\s*(?:[-,|à]\s*)?(?:[01]?\d|2[0-3])\s*[:h]\s*[0-5]\d\b"
)
BYLINE_MAX = 120  # characters: a byline or a stamp line, not a paragraph of the story
PUBLISHED = re.compile(r"\b(?:publie|mis en ligne|mis a jour|poste)\s+le\s+")
# Folded words of an event still to come: the article was written before it.
ANNOUNCED = (
    "prochain",
    "prochaine",
    "dirigera",
    "effectuera",
    "se rendra",
    "aura lieu",
    "se tiendra",
    "participera",
    "accueillera",
    "devrait",
    "prevu",
    "prevue",
    "entamera",
    "conduira",
)


@dataclass(frozen=True)
class DateResult:
    date: ArticleDate | None
    problems: tuple[Problem, ...]


def in_window(value: dt.date, today: dt.date) -> bool:
    return EARLIEST <= value and not_after(value, today + FUTURE_SLACK)


# Every comparison of a date with the build's day goes through not_after(), and of a year
# with the build's year through year_not_after() or within_history(). Each notes what could
# give another answer on a later day: a date refused as still to come (the next day may
# accept it), a year refused as still to come (accepted once the build's year reaches it),
# a year accepted as recent (refused once HISTORY_YEARS have passed). A dating that noted
# nothing gives the same answer on every later day (extract.Dating).
@dataclass
class DayReads:
    refused: list[dt.date] = field(default_factory=list)  # dates refused as still to come
    last_year: int | None = None  # the last build year that gives the same answer (None: any)

    def same_until(self, year: int) -> None:
        self.last_year = year if self.last_year is None else min(self.last_year, year)


_DAY_READS: ContextVar[DayReads | None] = ContextVar("day_reads", default=None)


def not_after(value: dt.date, limit: dt.date) -> bool:
    """value <= limit, a limit that moves with the build's day; a refusal is noted."""
    if value <= limit:
        return True
    if (reads := _DAY_READS.get()) is not None:
        reads.refused.append(value)
    return False


def year_not_after(year: int, today: dt.date) -> bool:
    """year <= the build's year; a refusal is noted (the build of that year accepts it)."""
    if year <= today.year:
        return True
    if (reads := _DAY_READS.get()) is not None:
        reads.same_until(year - 1)
    return False


def within_history(year: int, today: dt.date) -> bool:
    """year is one of the build's last HISTORY_YEARS; an acceptance is noted (a build of
    more than HISTORY_YEARS later refuses it)."""
    if year >= today.year - HISTORY_YEARS:
        if (reads := _DAY_READS.get()) is not None:
            reads.same_until(year + HISTORY_YEARS)
        return True
    return False


@contextmanager
def noting_day_reads() -> Iterator[DayReads]:
    """What the block read of the build's day (DayReads)."""
    reads = DayReads()
    token = _DAY_READS.set(reads)
    try:
        yield reads
    finally:
        _DAY_READS.reset(token)


def from_header(token: str | None, file: str, today: dt.date) -> DateResult:
    """` date 2026-02-04` (day) or ` date 2025-07` (month) or ` date 2025` (year)."""
    if not token:
        return DateResult(None, ())
    parts = [int(p) for p in re.split(r"[-/.]", token.strip("-/.")) if p.isdigit()]
    if parts and parts[0] < 100 and len(parts) == 3:  # 04/02/2026: day first, French style
        parts = parts[::-1]
    precision = {1: YEAR, 2: MONTH, 3: DAY}.get(len(parts))
    try:
        if precision is None:
            raise ValueError
        value = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, OverflowError):
        return refused_header(
            file, f"date d'en-tête impossible « {token} » : ignorée ; écrivez-la AAAA-MM-JJ ou AAAA-MM"
        )
    if not in_window(value, today):
        return refused_header(
            file,
            f"date d'en-tête invraisemblable « {token} » (avant 1945 ou dans le futur) : ignorée ; "
            "écrivez la bonne date dans l'en-tête ou dans la clé « date » du fichier annexe",
        )
    return DateResult(ArticleDate(value, precision, HEADER, f"en-tête « date {token} »"), ())


def refused_header(file: str, message: str) -> DateResult:
    """No date from the header, and a warning saying why and what to write."""
    return DateResult(None, (Problem(file, "date", WARNING, message),))


def from_photos(photos: tuple[Photo, ...], file: str, today: dt.date) -> DateResult:
    """The article is published after its newest photo was taken: the earliest photo
    of the newest group (photos within two days of the newest one) dates it to the
    day. Older photos (an archive picture reused) are no evidence; "Photo
    d'archives" captions are skipped outright."""
    taken = sorted(p.taken for p in photos if p.taken and not p.archive and in_window(p.taken.date(), today))
    if not taken:
        return DateResult(None, ())
    newest = taken[-1]
    group = [t for t in taken if newest - t <= PHOTO_SPREAD]
    first = group[0]
    millis = int(first.timestamp() * 1000)
    evidence = f"horodatage de photo {millis} ({first.strftime('%Y-%m-%d %H:%M')} heure de Hanoï)"
    problems = ()
    if len(group) < len(taken):
        older = taken[0].date()
        evidence += f" ; photo(s) plus ancienne(s) ignorée(s), dès le {older.isoformat()}"
        problems = (
            Problem(
                file,
                "date",
                WARNING,
                f"photos prises du {older} au {newest.date()} : article daté par les plus récentes ; "
                "corrigez la clé « date » du fichier annexe si c'est faux",
            ),
        )
    return DateResult(ArticleDate(first.date(), DAY, PHOTO, evidence), problems)


@dataclass(frozen=True)
class TextEvidence:
    """What the text steps read: the paragraphs, the source URLs, the lead (two first
    paragraphs) as written and folded, and the years the article cites."""

    paragraphs: list[str]
    urls: list[str]
    file: str
    today: dt.date
    lead: str
    folded_lead: str
    where: list[int]
    year_hints: dict[int, str]

    @classmethod
    def of(cls, paragraphs: list[str], urls: list[str], file: str, today: dt.date) -> TextEvidence:
        lead = " ".join(paragraphs[:2])
        folded_lead, where = fold_with_map(lead)
        return cls(paragraphs, urls, file, today, lead, folded_lead, where, _year_hints(paragraphs, urls, today))


def from_text(paragraphs: list[str], urls: list[str], file: str, today: dt.date) -> DateResult:
    """The best a bare file offers, in order of reliability (htmldate's chain of
    extractors): the first step that answers wins."""
    text = TextEvidence.of(paragraphs, urls, file, today)
    for step in (
        from_url,
        from_byline_stamp,
        from_dateline,
        from_place_dateline,
        from_published_stamp,
        from_lead_day,
        from_lead_month,
    ):
        if result := step(text):
            return result
    return DateResult(
        None,
        (
            Problem(
                file,
                "date",
                WARNING,
                "aucune date trouvée (ni en-tête, ni horodatage de photo, ni date dans le chapeau) : "
                "article classé « Sans date » ; ajoutez une ligne d'en-tête « date AAAA-MM-JJ Titre » "
                "ou une date dans le fichier annexe",
            ),
        ),
    )


def _text_only(file: str, phrase: str, precision: str) -> Problem:
    label = {DAY: "au jour", MONTH: "au mois", YEAR: "à l'année"}[precision]
    return Problem(
        file,
        "date",
        WARNING,
        f"date tirée du texte seul (« {phrase} »), précise {label} ; ajoutez une date d'en-tête pour être exact",
    )


def from_url(text: TextEvidence) -> DateResult | None:
    """/2018/07/24/, /2016/0804/, -20250421-: a dated path is the publisher's own record."""
    for url in text.urls:
        for match in URL_DATE.finditer(url):
            value = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
            if value and in_window(value, text.today):
                return DateResult(ArticleDate(value, DAY, TEXT, f"date dans l'URL source « {match.group(0)} »"), ())
    return None


def from_byline_stamp(text: TextEvidence) -> DateResult | None:
    """ "THANH HÀ (báo lao động) 21/04/2025 17:03 (GMT+7)", "VietnamPlus01/05/2021 14:35": a
    date with its time in a short line among the first or last three is when it went out."""
    lines = text.paragraphs[:3] + text.paragraphs[-3:]
    for line in dict.fromkeys(lines):
        if len(line) > BYLINE_MAX:
            continue  # a sentence of the story, not a byline
        if match := BYLINE_STAMP.search(line):
            value = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
            if value and in_window(value, text.today):
                return DateResult(ArticleDate(value, DAY, TEXT, f"horodatage « {match.group(0).strip()} »"), ())
    return None


def from_dateline(text: TextEvidence) -> DateResult | None:
    """ "Vientiane, 12 mars (VNA) –": the year from the article's own years."""
    if not text.paragraphs or not (dateline := DATELINE.match(text.paragraphs[0])):
        return None
    head = fold(dateline["head"])
    if (match := DAY_MONTH.search(head)) or (match := NUMERIC_DATE.search(head)):
        if found := _resolve(match, text.year_hints, text.today, anchored=True):
            value, how = found
            return DateResult(ArticleDate(value, DAY, TEXT, f"dateline « {dateline.group(0).strip()} »{how}"), ())
    return None


def from_place_dateline(text: TextEvidence) -> DateResult | None:
    """ "Hanoï, le 12/04/2024 –", "Vientiane, 3 mars 2025 -": a dateline giving its year."""
    for paragraph in text.paragraphs[:2]:
        if dateline := PLACE_DATELINE.match(paragraph):
            when = fold(dateline["date"])
            match = NUMERIC_DATE.fullmatch(when) or DAY_MONTH.fullmatch(when.rsplit(" ", 1)[0])
            year = int(when.rsplit(" ", 1)[-1]) if when[-4:].isdigit() else None
            value = (
                _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
                if match and match.re is NUMERIC_DATE
                else _safe_date(year, MONTHS[match["month"]], int(match["day"]))
                if match and year
                else None
            )
            if value and in_window(value, text.today):
                return DateResult(ArticleDate(value, DAY, TEXT, f"dateline « {dateline.group(0).strip()} »"), ())
    return None


def from_published_stamp(text: TextEvidence) -> DateResult | None:
    """ "Publié le 05/12/2025 à 14h20": the publisher's own stamp."""
    for paragraph in text.paragraphs[:3]:
        folded = fold(paragraph)
        if stamp := PUBLISHED.search(folded):
            rest = folded[stamp.end() :]
            match = NUMERIC_DATE.match(rest) or DAY_MONTH.match(rest)
            found = match and _resolve(match, text.year_hints, text.today, anchored=True)
            if found and in_window(found[0], text.today):
                return DateResult(
                    ArticleDate(found[0], DAY, TEXT, f"« {stamp.group(0)}{match.group(0)} »{found[1]}"), ()
                )
    return None


def from_lead_day(text: TextEvidence) -> DateResult | None:
    """ "ce mercredi 26 novembre" (the day it speaks from: its month is sure, its day not),
    or a dated event in the lead (its month when past, its year when announced)."""
    for match in DAY_MONTH.finditer(text.folded_lead):
        anchored = bool(match["anchor"]) or bool(match["weekday"] and not match["year"])
        found = _resolve(match, text.year_hints, text.today, anchored=anchored)
        if not found:
            continue
        value, how = found
        phrase = as_written(text.lead, text.where, match.start(), match.end())  # quoted as written
        if match["anchor"] and in_window(value, text.today):
            # the day before when it went out after midnight: month precision
            evidence = f"« {phrase} » dans le chapeau (mois seulement){how}"
            return DateResult(
                ArticleDate(value.replace(day=1), MONTH, TEXT, evidence), (_text_only(text.file, phrase, MONTH),)
            )
        if text.year_hints and max(text.year_hints) > value.year + 1:
            continue  # "le 2 décembre 1975", in an article citing 2025: history, not the news
        if in_window(value, text.today + dt.timedelta(days=62)):
            claim = lead_event_claim(value, _sentence_around(text.folded_lead, match.start()))
            if claim and not_after(claim[0], text.today):
                start, precision = claim
                note = "mois seulement" if precision == MONTH else "année seulement"
                evidence = f"« {phrase} » dans le chapeau ({note}){how}"
                return DateResult(
                    ArticleDate(start, precision, TEXT, evidence), (_text_only(text.file, phrase, precision),)
                )
    return None


def from_lead_month(text: TextEvidence) -> DateResult | None:
    """ "en mars 2025" in the lead: the month."""
    for match in MONTH_YEAR.finditer(text.folded_lead):
        value = _safe_date(int(match["year"]), MONTHS[match["month"]], 1)
        if value and in_window(value, text.today):
            phrase = as_written(text.lead, text.where, match.start(), match.end())
            return DateResult(
                ArticleDate(value, MONTH, TEXT, f"« {phrase} » dans le chapeau"),
                (_text_only(text.file, phrase, MONTH),),
            )
    return None


@dataclass(frozen=True)
class CorpusDates:
    """The site's dated articles, indexed by the days and months their text speaks of:
    (day, month) -> [(id, date, names, sentences)], `sentences` being the words (folded, five
    letters or more) of each sentence that gives that day and month."""

    by_day_month: dict[tuple[int, int], list[tuple[str, ArticleDate, frozenset[str], tuple[frozenset[str], ...]]]]
    latest: dt.date | None
    ordinal_events: dict[str, frozenset[tuple[int, str]]]  # id -> ("47e réunion" as (47, "reunion"), …)

    @classmethod
    def of(cls, dated: list[tuple[str, ArticleDate, set[str], DayMarks]]) -> CorpusDates:
        """dated: (id, date, folded kind-tagged names, DayMarks of its paragraphs) of each dated article."""
        index: dict[tuple[int, int], list] = {}
        for article_id, date, names, marks in dated:
            for key, sentences in sorted(marks.sentences_by_day.items()):
                index.setdefault(key, []).append((article_id, date, frozenset(names), sentences))
        ordinals = {article_id: marks.ordinal_events for article_id, _, _, marks in dated}
        return cls(index, max((d.value for _, d, _, _ in dated), default=None), ordinals)


@dataclass(frozen=True)
class DayMarks:
    """What an article's text says of days, as the corpus reads it: the word sets of the
    sentences giving each (day, month), and its numbered events. Depends on the text alone,
    so a build may keep it from the last one (collect.CorpusMemo)."""

    sentences_by_day: dict[tuple[int, int], tuple[frozenset[str], ...]]
    ordinal_events: frozenset[tuple[int, str]]

    @classmethod
    def of(cls, paragraphs: list[str]) -> DayMarks:
        return cls(_sentences_by_day(paragraphs), _ordinal_events(paragraphs))


def _ordinal_events(paragraphs: list[str]) -> frozenset[tuple[int, str]]:
    """ "la 47e réunion du Comité intergouvernemental", "le 50e anniversaire": numbered events,
    each held once."""
    return frozenset(
        (int(m["number"]), m["event"])
        for paragraph in paragraphs
        if MAY_HAVE_ORDINAL.search(paragraph)
        for m in ORDINAL_EVENT.finditer(fold(paragraph))
    )


def _sentences_by_day(paragraphs: list[str]) -> dict[tuple[int, int], tuple[frozenset[str], ...]]:
    """(day, month) -> the word sets of the sentences that give it."""
    found: dict[tuple[int, int], list[frozenset[str]]] = {}
    for paragraph in paragraphs:
        if not MAY_HAVE_DAY.search(paragraph):
            continue  # most paragraphs give no date: folding them all would cost seconds on a large corpus
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            if not MAY_HAVE_DAY.search(sentence):
                continue
            folded = fold(sentence)
            for match in DAY_MONTH.finditer(folded):
                words = frozenset(w for w in folded.split() if len(w) >= 5)
                found.setdefault((int(match["day"]), MONTHS[match["month"]]), []).append(words)
    return {key: tuple(value) for key, value in found.items()}


def _same_story(ours: tuple[frozenset[str], ...], theirs: tuple[frozenset[str], ...]) -> bool:
    """Two sentences giving one day tell one story when most words of the shorter are in the
    other (an anniversary, a yearly meeting, a minister's visit recur on the same day with
    other words around them)."""
    return any(len(a & b) >= SAME_STORY * min(len(a), len(b)) for a in ours for b in theirs if a and b)


def yearless_lead_days(paragraphs: list[str]) -> list[tuple[int, int]]:
    """The (day, month) pairs the lead or the dateline gives without a year: the only days of
    the corpus from_corpus reads for this article."""
    days = [m for m in DAY_MONTH.finditer(fold(" ".join(paragraphs[:2]))) if not m["year"]]
    if paragraphs and (dateline := DATELINE.match(paragraphs[0])):
        days += [m for m in DAY_MONTH.finditer(fold(dateline["head"])) if not m["year"]]
    return [(int(m["day"]), MONTHS[m["month"]]) for m in days]


def from_corpus(paragraphs: list[str], file: str, names: set[str], corpus: CorpusDates) -> DateResult | None:
    """A bare article whose dateline or lead gives a day and month but no year ("Vientiane, 15
    février (VNA)", "ce mercredi 26 novembre"): the year of the site's dated articles that report
    the same event: the same actors (_same_actors), a sentence of theirs giving the same day and
    month that tells the same story (_same_story), dated within a week of that day (or in its
    month). One year only, narrowed by the years the article cites and checked against the
    weekday when there is one; the evidence names the article. `names`: the article's folded
    names tagged by kind ("people:to lam")."""
    if corpus.latest is None:
        return None
    # the lead's yearless days first: most undated articles stop here, before the costlier reading
    days = yearless_lead_days(paragraphs)
    if not days:
        return None
    ours = _sentences_by_day(paragraphs)
    sources: dict[int, str] = {}  # year -> the article giving it
    for day, month in days:
        for other, date, other_names, theirs in corpus.by_day_month.get((day, month), []):
            if not _same_actors(names, other_names) or not _same_story(ours.get((day, month), ()), theirs):
                continue
            for year in _near_years(day, month, date):
                sources.setdefault(year, other)
    if not sources:
        return None
    text = TextEvidence.of(paragraphs, [], file, corpus.latest + CORPUS_NEAR)
    if text.year_hints:
        # the article's own years must agree: it was written in its latest cited year or the next
        own = {max(text.year_hints), max(text.year_hints) + 1}
        sources = {year: other for year, other in sources.items() if year in own}
    if len(sources) != 1:
        return None  # no article on the same event, or several years: no claim
    year, other = next(iter(sources.items()))
    if (
        not text.year_hints
        and not _weekday_agrees(text.folded_lead, year)
        and not _ordinal_events(paragraphs) & corpus.ordinal_events.get(other, frozenset())
    ):
        return None  # nothing in the article itself confirms the corpus's year: no claim
    hinted = replace(text, year_hints={year: f"{CORPUS_HINT}{other}, sur le même événement"})
    for step in (from_dateline, from_lead_day):
        if result := step(hinted):
            found = result.date
            problem = Problem(
                file,
                "date",
                WARNING,
                f"année de la date tirée de l'article {other} (même événement) : vérifiez-la ou écrivez la date "
                "dans l'en-tête",
            )
            return DateResult(
                replace(found, source=CORPUS, evidence=f"{found.evidence} ; année prise du corpus"), (problem,)
            )
    return None


def _weekday_agrees(folded_lead: str, year: int) -> bool:
    """A weekday in a sentence of the lead that gives days of a month ("ont visité jeudi matin …
    lors de sa visite les 11 et 12 janvier") falls on one of those days in that year."""
    for sentence in re.split(r"(?<=[.!?])\s+", folded_lead):
        weekdays = {WEEKDAYS[w] for w in re.findall(rf"\b(?:{_WEEKDAY_RE})\b", sentence)}
        if not weekdays:
            continue
        for match in re.finditer(
            rf"\b(?P<days>(?:[0-3]?\d(?:er)?(?:\s*(?:,|et|au)\s*)?)+)\s+(?P<month>{_MONTH_RE})\b", sentence
        ):
            for day in re.findall(r"\d+", match["days"]):
                value = _safe_date(year, MONTHS[match["month"]], int(day))
                if value and value.weekday() in weekdays:
                    return True
    return False


def _same_actors(names: set[str], other_names: frozenset[str]) -> bool:
    """Two articles on one event share its actors: two people, or at least half of this article's
    people and a place (a minister present at two events of the same day in different years
    shares one person of several, not the event)."""
    people = {name for name in names if name.startswith("people:")}
    shared = people & other_names
    if len(shared) >= 2:
        return True
    return bool(shared) and 2 * len(shared) >= len(people) and bool((names - people) & other_names)


def _near_years(day: int, month: int, date: ArticleDate) -> list[int]:
    """The years in which this day and month fall near a dated article's date (within a week
    of its day, or in its month)."""
    if date.precision == DAY:
        years = (date.value.year - 1, date.value.year, date.value.year + 1)
        return [y for y in years if (d := _safe_date(y, month, day)) and abs(d - date.value) <= CORPUS_NEAR]
    if date.precision == MONTH and date.value.month == month:
        return [date.value.year]
    return []


def photo_older_than_text(
    photo_date: ArticleDate, paragraphs: list[str], urls: list[str], file: str, today: dt.date
) -> Problem | None:
    """A photo can date an article only if the article speaks of nothing later: a 2019
    picture over a text about what was signed in 2025 is a file photo, not the news.
    Years in ranges, goals or future sentences do not count (see _year_hints)."""
    later = [year for year in _year_hints(paragraphs, urls, today) if year > photo_date.value.year]
    if not later:
        return None
    return Problem(
        file,
        "date",
        WARNING,
        f"photo prise le {photo_date.iso} mais le texte parle de {max(later)} : une photo d'archives, "
        "qui ne date pas l'article ; ajoutez une date d'en-tête ou la clé « date » du fichier annexe",
    )


def lead_event_claim(event: dt.date, sentence: str) -> tuple[dt.date, str] | None:
    """What a dated event in the lead says of the publication date, honestly.
    An announced event ("dirigera", "prochaine") is written before it happens: the
    article is from the weeks before, so only the year is sure, unless the event is
    in early January. A past event is written of in the days after: its month,
    unless it fell at the very end of a month."""
    # a national day or an anniversary is announced ahead as often as reported after
    announced = any(word in sentence for word in ANNOUNCED + ("anniversaire", "commemor", "fete nationale"))
    if announced:
        return (dt.date(event.year, 1, 1), YEAR) if (event.month, event.day) > (1, 20) else None
    if event.day <= 24:
        return event.replace(day=1), MONTH
    return (dt.date(event.year, 1, 1), YEAR) if event.month < 12 else None


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(".", 0, position), 0)
    end = text.find(".", position)
    return text[start : end if end >= 0 else len(text)]


def _year_hints(paragraphs: list[str], urls: list[str], today: dt.date) -> dict[int, str]:
    """Years the article itself points to, with where each was seen. A year in a
    range ("la période 2021-2025") or a goal ("d'ici 2030") says nothing of when the
    article was written, so it is left out."""
    hints: dict[int, str] = {}
    for url in urls:
        for match in URL_YEAR.finditer(url):
            hints.setdefault(int(match["year"]), URL_HINT)
    if hints:
        return hints  # the publisher's own path outranks anything the text mentions
    sentences = [fold(sentence) for paragraph in paragraphs for sentence in re.split(r"(?<=[.!?])\s+", paragraph)]
    for folded in sentences:
        if any(word in folded for word in ANNOUNCED + FUTURE_TENSE):
            continue  # "la prochaine conférence en 2025": a plan, not the present
        for match in YEAR_WORD.finditer(folded):
            year = int(match["year"])
            before, after = folded[max(0, match.start() - 25) : match.start()], folded[match.end() : match.end() + 6]
            if YEAR_RANGE_AFTER.match(after) or YEAR_RANGE_BEFORE.search(before) or NOT_NOW.search(before):
                continue
            if EARLIEST.year <= year and year_not_after(year, today):
                hints.setdefault(year, "une année citée dans le texte")
    return hints


def _resolve(match: re.Match, year_hints: dict[int, str], today: dt.date, anchored: bool):
    """A matched day-month phrase as a date; a missing year is taken from the article
    (its URL, or the years it cites, with the weekday choosing when two fit). Without
    any year in the article there is no claim: the weekday alone fits one year in five
    or six, and an archive spans more (on synthetic archives, a third of such guesses
    were wrong). Returns (date, how) or None."""
    day = int(match["day"])
    month = match["month"]
    month = MONTHS[month] if month in MONTHS else int(month)
    if match["year"]:
        value = parse_french_date(day, month, int(match["year"]))
        return (value, "") if value else None
    weekday = WEEKDAYS.get(match.groupdict().get("weekday") or "")
    if URL_HINT in year_hints.values():
        window = [y for y, where in year_hints.items() if where == URL_HINT]
    elif any(where.startswith(CORPUS_HINT) for where in year_hints.values()):
        window = sorted(year_hints)  # the one year the site's articles on the same event give
    elif year_hints and within_history(max(year_hints), today):
        # an article cites the figures of its own year or of the year before; with a weekday,
        # every recent year it cites is a candidate too, and the weekday must single one out
        latest = max(year_hints)
        recent = [y for y in year_hints if y >= latest - 2] if weekday is not None else []
        window = sorted({y for y in (*recent, latest, latest + 1) if year_not_after(y, today)})
    else:
        return None
    fits = [
        y
        for y in window
        if (d := _safe_date(y, month, day))
        and not_after(d, today + FUTURE_SLACK)
        and (weekday is None or d.weekday() == weekday)
    ]
    if len(fits) != 1:
        return None
    year = fits[0]
    value = parse_french_date(day, month, year)
    if not value:
        return None
    reasons = []
    if year in year_hints:
        reasons.append(f"année {year} d'après {year_hints[year]}")
    if weekday is not None:
        reasons.append(
            f"seule année de la fenêtre {window[0]}–{window[-1]} où le {day}/{month} est un {match['weekday']}"
        )
    return value, " ; " + ", ".join(reasons)


@lru_cache(maxsize=4096)  # dateparser costs milliseconds a call; the same dates recur
def parse_french_date(day: int, month: int, year: int) -> dt.date | None:
    """dateparser, guarded: every part is given, so nothing is filled in from today."""
    phrase = f"{day} {get_month_names('wide', locale=LOCALE)[month]} {year}"
    parsed = dateparser.parse(phrase, languages=["fr"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
