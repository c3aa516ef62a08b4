"""The publication date: a cascade in order of reliability, each step honest about
its precision (day / month / year) and its evidence.

editor override -> header -> photo file-name timestamps -> the text (a dateline,
or the lead's date). A date in the body is an event's, not the publication's, so
it never refines a header, and a lead's dated event gives only its month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser
from babel.dates import get_day_names, get_month_names

from .model import DAY, HEADER, MONTH, PHOTO, TEXT, WARNING, YEAR, ArticleDate, Photo, Problem
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
    rf"(?:\b(?P<weekday>{_WEEKDAY_RE})\s+)?"
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
DATELINE = re.compile(r"^(?P<head>[^()–—]{2,60}?)\s*\((?P<agency>[^()]{2,20})\)\s*[–—-]")
# "Hanoï, le 12/04/2024 –", "Vientiane, 3 mars 2025 -": a place, a full date, a dash (no agency).
_PLACE_WORD = r"[A-ZÀ-ÝĐ][^\W\d_][\w'’.]*"  # a capitalised word: a place's name is made of them
PLACE_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:[ -](?:{_PLACE_WORD}|de|du|des|la|le|d[’']\w+)){{0,4}}),\s+"
    r"(?:le\s+)?(?P<date>[^–—()]{6,30}?)\s*[–—-]\s"
)


URL_HINT = "l'URL source"
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
    return EARLIEST <= value <= today + FUTURE_SLACK


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
        return DateResult(
            None,
            (
                Problem(
                    file,
                    "date",
                    WARNING,
                    f"impossible header date '{token}': ignored; write it as YYYY-MM-DD or YYYY-MM",
                ),
            ),
        )
    if not in_window(value, today):
        return DateResult(
            None,
            (
                Problem(
                    file,
                    "date",
                    WARNING,
                    f"implausible header date '{token}' (before 1945 or in the future): ignored; "
                    "write the right date in the header or in a sidecar 'date'",
                ),
            ),
        )
    return DateResult(ArticleDate(value, precision, HEADER, f"en-tête « date {token} »"), ())


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
                f"photos taken from {older} to {newest.date()}: dated by the newest ones; write a sidecar 'date' if that is wrong",
            ),
        )
    return DateResult(ArticleDate(first.date(), DAY, PHOTO, evidence), problems)


def from_text(paragraphs: list[str], urls: list[str], file: str, today: dt.date) -> DateResult:
    """A dateline's date, or the lead's: the best a bare file offers."""
    lead = " ".join(paragraphs[:2])
    folded_lead, where = fold_with_map(lead)
    year_hints = _year_hints(paragraphs, urls, today)

    for url in urls:  # a dated URL is the publisher's own record
        for match in URL_DATE.finditer(url):
            value = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
            if value and in_window(value, today):
                return DateResult(ArticleDate(value, DAY, TEXT, f"date dans l'URL source « {match.group(0)} »"), ())

    if paragraphs and (dateline := DATELINE.match(paragraphs[0])):
        head = fold(dateline["head"])
        if (match := DAY_MONTH.search(head)) or (match := NUMERIC_DATE.search(head)):
            found = _resolve(match, year_hints, today, anchored=True)
            if found:
                value, how = found
                return DateResult(ArticleDate(value, DAY, TEXT, f"dateline « {dateline.group(0).strip()} »{how}"), ())

    for paragraph in paragraphs[:2]:  # "Hanoï, le 12/04/2024 – …": a dateline giving its year
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
            if value and in_window(value, today):
                return DateResult(ArticleDate(value, DAY, TEXT, f"dateline « {dateline.group(0).strip()} »"), ())

    for paragraph in paragraphs[:3]:  # "Publié le 05/12/2025 à 14h20": the publisher's own stamp
        folded = fold(paragraph)
        if stamp := PUBLISHED.search(folded):
            rest = folded[stamp.end() :]
            match = NUMERIC_DATE.match(rest) or DAY_MONTH.match(rest)
            if match and (found := _resolve(match, year_hints, today, anchored=True)) and in_window(found[0], today):
                return DateResult(
                    ArticleDate(found[0], DAY, TEXT, f"« {stamp.group(0)}{match.group(0)} »{found[1]}"), ()
                )

    for match in DAY_MONTH.finditer(folded_lead):
        anchored = bool(match["anchor"]) or bool(match["weekday"] and not match["year"])
        found = _resolve(match, year_hints, today, anchored=anchored)
        if not found:
            continue
        value, how = found
        phrase = as_written(lead, where, match.start(), match.end())  # quoted as written
        if match["anchor"] and in_window(value, today):
            # "ce mercredi 26 novembre": the day the article speaks from, or the day before
            # when it went out after midnight: its month is sure, its day is not
            return DateResult(
                ArticleDate(value.replace(day=1), MONTH, TEXT, f"« {phrase} » dans le chapeau (mois seulement){how}"),
                (
                    Problem(
                        file,
                        "date",
                        WARNING,
                        f"date from the text only ('{phrase}'), month precision; add a header date to be exact",
                    ),
                ),
            )
        if year_hints and max(year_hints) > value.year + 1:
            continue  # "le 2 décembre 1975", in an article citing 2025: history, not the news
        if in_window(value, today + dt.timedelta(days=62)):
            claim = lead_event_claim(value, _sentence_around(folded_lead, match.start()))
            if claim and claim[0] <= today:
                start, precision = claim
                note = "mois seulement" if precision == MONTH else "année seulement"
                return DateResult(
                    ArticleDate(start, precision, TEXT, f"« {phrase} » dans le chapeau ({note}){how}"),
                    (
                        Problem(
                            file,
                            "date",
                            WARNING,
                            f"date from the text only ('{phrase}'), {precision} precision; add a header date to be exact",
                        ),
                    ),
                )
    for match in MONTH_YEAR.finditer(folded_lead):
        value = _safe_date(int(match["year"]), MONTHS[match["month"]], 1)
        if value and in_window(value, today):
            phrase = as_written(lead, where, match.start(), match.end())
            return DateResult(
                ArticleDate(value, MONTH, TEXT, f"« {phrase} » dans le chapeau"),
                (
                    Problem(
                        file,
                        "date",
                        WARNING,
                        f"date from the text only ('{phrase}'), month precision; add a header date to be exact",
                    ),
                ),
            )
    return DateResult(
        None,
        (
            Problem(
                file,
                "date",
                WARNING,
                "no date found (no header, photo timestamp or dated lead): listed under « Sans date »; "
                "add a header line ' date YYYY-MM-DD Titre' or a sidecar date",
            ),
        ),
    )


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
        f"photo taken on {photo_date.iso} but the text speaks of {max(later)}: a file photo, "
        "not used to date the article; add a header date or a sidecar 'date'",
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
            if EARLIEST.year <= year <= today.year:
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
    elif year_hints and max(year_hints) >= today.year - HISTORY_YEARS:
        # an article cites the figures of its own year or of the year before
        latest = max(year_hints)
        window = [y for y in (latest, latest + 1) if y <= today.year]
    else:
        return None
    fits = [
        y
        for y in window
        if (d := _safe_date(y, month, day))
        and d <= today + FUTURE_SLACK
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
