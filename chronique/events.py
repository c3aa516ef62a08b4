"""Events dated in the text (visits, meetings, signatures, anniversaries), for the
timeline. Each keeps its date at the precision the sentence gives and is marked
"announced" when the article was written before it happened."""

from __future__ import annotations

import datetime as dt
import re

from .dates import DAY_MONTH, MONTH_YEAR, MONTHS, parse_french_date
from .model import DAY, MONTH, TEXT, ArticleDate, Event
from .text import fold

EVENT_WORDS = (
    "visite",
    "rencontre",
    "entretien",
    "entrevue",
    "signature",
    "signe",
    "sommet",
    "anniversaire",
    "congres",
    "session",
    "reunion",
    "ceremonie",
    "celebr",
    "inaugur",
    "forum",
    "conference",
    "accord",
    "voyage",
    "deplacement",
    "election",
    "elu",
    "commemor",
    "lancement",
    "ouverture",
)
FUTURE_WORDS = (
    "prochain",
    "prochaine",
    "aura lieu",
    "se rendra",
    "effectuera",
    "dirigera",
    "poursuivra",
    "devrait",
    "prevu",
    "prevue",
    "se tiendra",
    "participera",
    "accueillera",
)
ANNIVERSARY_COUNT = re.compile(r"\b(?P<years>\d{1,3})\s?(?:e|eme|er)\s+anniversaire\b")
SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def extract_events(paragraphs: list[str], published: ArticleDate | None) -> tuple[Event, ...]:
    events = []
    seen = set()
    for paragraph in paragraphs:
        for sentence in SENTENCE.findall(paragraph):
            sentence = sentence.strip()
            folded = fold(sentence)
            if not any(word in folded for word in EVENT_WORDS):
                continue
            date = _event_date(folded, published)
            if date is None or (date.iso, folded) in seen:
                continue
            seen.add((date.iso, folded))
            announced = _is_announced(date, folded, published)
            events.append(Event(date, sentence, announced))
    return tuple(events)


def _event_date(folded: str, published: ArticleDate | None) -> ArticleDate | None:
    if "anniversaire" in folded and (celebration := _anniversary_date(folded)):
        return celebration
    for match in DAY_MONTH.finditer(folded):
        year = int(match["year"]) if match["year"] else _year_from(published, MONTHS[match["month"]])
        if year is None:
            continue
        value = parse_french_date(int(match["day"]), MONTHS[match["month"]], year)
        if value:
            how = "" if match["year"] else f" (année {year} d'après la date de l'article)"
            return ArticleDate(value, DAY, TEXT, f"« {match.group(0)} »{how}")
    for match in MONTH_YEAR.finditer(folded):
        value = dt.date(int(match["year"]), MONTHS[match["month"]], 1)
        return ArticleDate(value, MONTH, TEXT, f"« {match.group(0)} »")
    return None


def _anniversary_date(folded: str) -> ArticleDate | None:
    """ "le 50e anniversaire de la Fête nationale (2 décembre 1975 - 2 décembre 2025)": an
    anniversary is an event of the year it is celebrated, not of the year it recalls. The latest
    full date of the sentence, or the date recalled plus the years the ordinal counts."""
    dated = [
        (value, match.group(0))
        for match in DAY_MONTH.finditer(folded)
        if match["year"] and (value := parse_french_date(int(match["day"]), MONTHS[match["month"]], int(match["year"])))
    ]
    if not dated:
        return None
    value, phrase = max(dated)
    if len(dated) == 1 and (count := ANNIVERSARY_COUNT.search(folded)):
        try:
            value = value.replace(year=value.year + int(count["years"]))
        except ValueError:  # 29 February
            return None
        return ArticleDate(value, DAY, TEXT, f"« {count.group(0)} » de « {phrase} »")
    return ArticleDate(value, DAY, TEXT, f"« {phrase} » (anniversaire)") if len(dated) > 1 else None


def _year_from(published: ArticleDate | None, month: int) -> int | None:
    """A day-month with no year belongs to the article's year, when its date is known
    to the month at least (an event in January written of in December is next year's:
    too uncertain, so skipped)."""
    if published is None or published.precision not in (DAY, MONTH):
        return None
    if abs(month - published.value.month) > 6:
        return None
    return published.value.year


def _is_announced(date: ArticleDate, folded: str, published: ArticleDate | None) -> bool:
    """Written before it happened: judged against the article's own date only (an undated
    article announces nothing for sure)."""
    if published is None:
        return False
    if published.precision == DAY:
        return date.value > published.value
    if published.precision == MONTH and date.precision == DAY:
        if (date.value.year, date.value.month) != (published.value.year, published.value.month):
            return date.value > published.value
    return any(word in folded for word in FUTURE_WORDS)
