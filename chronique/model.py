"""The plain data passed between the stages: read -> extract -> collect -> write.

Dataclasses only, no behaviour beyond small derived properties.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

# Precision of a date, coarsest last. A month-only date is never shown with a day.
DAY, MONTH, YEAR = "day", "month", "year"
PRECISIONS = (DAY, MONTH, YEAR)

# Where a value came from, most trusted first.
EDITOR, HEADER, PHOTO, TEXT = "editor", "header", "photo", "text"
CORPUS = "corpus"  # a yearless date in the text, its year from the site's dated articles on the same event

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """Something a person should look at, named by file and field."""

    file: str
    field: str
    severity: str
    message: str


@dataclass(frozen=True)
class Line:
    """One line of an article, classified by what it is."""

    kind: str  # paragraph | heading | photo (its text: the index of its Photo) | related | source | signoff
    text: str


# Line kinds
PARAGRAPH, HEADING, PHOTO_FILE, RELATED, SOURCE_LINE, SIGNOFF = (
    "paragraph",
    "heading",
    "photo",
    "related",
    "source",
    "signoff",
)


@dataclass(frozen=True)
class Photo:
    file: str | None
    caption: str
    credit: str | None
    taken: dt.datetime | None  # from a millisecond timestamp in the file name
    archive: bool = False  # captioned as an archive picture


@dataclass(frozen=True)
class SourceText:
    """A decoded article file: its header (if any) and its classified lines."""

    path: Path
    name: str  # file name, e.g. 002_x.txt
    stem: str
    digest: str  # sha256 of the raw bytes
    header_date: str | None  # the raw date token of a ` date ...` header
    header_title: str | None
    lines: tuple[Line, ...]
    photos: tuple[Photo, ...]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class ArticleDate:
    value: dt.date  # first day of the month/year when the precision is coarser
    precision: str  # day | month | year
    source: str  # editor | header | photo | text | corpus
    evidence: str

    @property
    def iso(self) -> str:
        """ISO string truncated to the precision: 2026-02-04, 2025-07, 2025."""
        if self.precision == DAY:
            return self.value.isoformat()
        if self.precision == MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return f"{self.value.year:04d}"


@dataclass(frozen=True)
class Figure:
    text: str  # the figure as written: "2,6 milliards de dollars"
    value: float
    unit: str  # USD, EUR, VND, LAK, %, personnes, ...
    context: str  # the sentence around it
    year: int | None = None  # the year the figure is about, when the sentence says
    measure: str | None = None  # what it measures, from data/measures.yml
    kind: str = "value"  # value (reported) | target (a goal) | forecast
    parties: tuple[str, ...] = ()  # the countries or groups it concerns (data/countries.yml), sorted
    parties_source: str | None = None  # where they were named: sentence | paragraph | article (title and lead)


@dataclass(frozen=True)
class Event:
    """Something dated in the text: a visit, a meeting, a signature."""

    date: ArticleDate
    sentence: str
    announced: bool  # written before it happened


@dataclass(frozen=True)
class Block:
    """A piece of the article body, in reading order."""

    kind: str  # paragraph | heading | figure
    text: str
    credit: str | None = None


@dataclass(frozen=True)
class Article:
    id: str
    seed: str
    digest: str
    title: str
    title_source: str
    date: ArticleDate | None
    source: str | None
    source_url: str | None
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    places: tuple[str, ...]
    tags: tuple[str, ...]
    photos: tuple[Photo, ...]
    related: tuple[str, ...]
    figures: tuple[Figure, ...]
    events: tuple[Event, ...]
    summary: str
    words: int
    blocks: tuple[Block, ...]
    text_digest: str = ""  # of the folded paragraphs: the same story published twice
    fingerprint: tuple[int, ...] = ()  # MinHash of the paragraphs' shingles, for near copies
    # acronyms for the corpus stage (collect.resolve_acronyms_across_corpus): those this article
    # explains (acronym, organisation) and those it uses alone, unknown, that another may explain
    acronyms: tuple[tuple[str, str], ...] = ()
    acronyms_unexplained: tuple[str, ...] = ()
    slug_hint: str | None = None  # the editor's slug (sidecar `slug`): the article's URL (chronique/urls.py)
    hold: bool = False
    problems: tuple[Problem, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (person, role) as a title before the name gives it


@dataclass(frozen=True)
class Thresholds:
    """Below these sizes the work stays in one process: a fork costs more than it saves."""

    extraction_articles: int = 200  # the model's names, on `jobs` processes
    redating_articles: int = 1000  # the cache's articles dated again on a new day, half in a second process
    collect_articles: int = 2000  # duplicates found in a second process beside related articles
    render_articles: int = 2000  # article pages rendered in a second process beside the list pages
    site_pages: int = 500  # Markdown pages (about 250 articles): MkDocs' full render in shares


@dataclass(frozen=True)
class Settings:
    seeds: Path
    docs: Path
    strict: bool = False
    cache: Path | None = None
    data: Path | None = None  # folder of editable data files (outlets, topics, aliases)
    today: dt.date | None = None  # the plausibility window's end; from SOURCE_DATE_EPOCH or the clock
    progress: bool = True
    jobs: int = 1
    allow_empty: bool = False  # publish even with no article (else the build refuses, docs/ untouched)
    thresholds: Thresholds = Thresholds()
    scheduler: str | None = None  # a Dask scheduler's address (tcp://host:8786): the model runs on its workers
    dask_workers: int = 0  # > 0: the model runs on a local Dask cluster of that many processes
