"""SourceText -> Article: every field with where it came from.

Entities come in already extracted (spaCy runs batched over a chunk of articles:
chronique/extract_batch.py, what an executor's worker runs); everything else is decided
here, one article at a time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

import yaml

from . import dates, similarity
from .entities import Entities, merge_variants
from .events import extract_events
from .figures import MeasureRules, extract_figures
from .model import (
    EDITOR,
    ERROR,
    HEADER,
    HEADING,
    PARAGRAPH,
    PHOTO,
    PHOTO_FILE,
    RELATED,
    SIGNOFF,
    SOURCE_LINE,
    TEXT,
    WARNING,
    Article,
    ArticleDate,
    Block,
    Event,
    Problem,
    SourceText,
)
from .read import analysis_text
from .text import fold, shorten

TITLE_LIMIT = 110
# A short introductory phrase before the main clause: "Lors de la réunion, …", "Selon l'ambassadeur, …".
INTRODUCTORY = re.compile(
    r"^(?:Lors d[eu'’]|Au cours d|À l['’]occasion d|A l['’]occasion d|Dans le cadre d|En marge d|Selon|D['’]après|"
    r"Après|Avant|Ce (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|Le (?:lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche)|Mardi|Lundi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Par ailleurs|De son côté)"
    r"[^,]{0,50},\s+"
)
SUMMARY_LIMIT = 160
URL = re.compile(r"https?://[^\s<>\"']+")
DATELINE = dates.DATELINE


@dataclass(frozen=True)
class Knowledge:
    """The editable data files, loaded once per build."""

    outlet_by_domain: dict[str, str]
    outlet_by_code: dict[str, str]
    outlet_by_name: dict[str, str]  # folded name -> name
    topics: dict[str, list[str]]
    min_hits: int
    max_topics: int
    measures: MeasureRules

    @classmethod
    def load(cls, data_dir: Path) -> "Knowledge":
        outlets = yaml.safe_load((data_dir / "outlets.yml").read_text(encoding="utf-8"))["outlets"]
        topics = yaml.safe_load((data_dir / "topics.yml").read_text(encoding="utf-8"))
        return cls(
            outlet_by_domain={d.lower(): o["name"] for o in outlets for d in o.get("domains") or []},
            outlet_by_code={c.upper(): o["name"] for o in outlets for c in o.get("codes") or []},
            outlet_by_name={fold(o["name"]): o["name"] for o in outlets},
            topics={name: [fold(w) for w in words] for name, words in topics["topics"].items()},
            min_hits=topics["min_hits"],
            max_topics=topics["max_topics"],
            measures=MeasureRules.load(data_dir / "measures.yml"),
        )


def paragraphs_of(source: SourceText) -> list[str]:
    """The running text the extractors read: paragraphs only, glued sentences split."""
    return [analysis_text(line.text) for line in source.lines if line.kind == PARAGRAPH]


@dataclass(frozen=True)
class Dating:
    """What an article's extraction owes to the build's day: the plausibility window of
    its date ends on that day, and its events are read against its date."""

    day: dt.date
    date: ArticleDate | None
    events: tuple[Event, ...]
    problems: tuple[Problem, ...]  # the date's own problems, from resolve_date
    # the last day of the same answer: only `day` if a date was refused as still to come (a
    # later day may accept it), else a year's end or date.max (see dates.DayReads)
    holds_until: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return self.day <= day <= (self.holds_until or self.day)


@dataclass(frozen=True)
class Extraction:
    """One article's extraction and what dating it again on another day takes, so that
    a new day re-runs resolve_date only (chronique/cache.py keeps these)."""

    article: Article  # dated by `dating`
    dating: Dating
    source: SourceText
    overrides: dict


def extract(source: SourceText, entities: Entities, overrides: dict, knowledge: Knowledge, today: dt.date) -> Article:
    return extraction(source, entities, overrides, knowledge, today).article


def extraction(
    source: SourceText, entities: Entities, overrides: dict, knowledge: Knowledge, today: dt.date
) -> Extraction:
    problems: list[Problem] = list(source.problems)
    paragraphs = paragraphs_of(source)
    urls = urls_of(source)

    published, date_problems, holds_until = resolve_date_lasting(source, paragraphs, urls, overrides, today)
    problems += date_problems
    title, title_source = resolve_title(source, paragraphs, overrides)
    source_name, source_url = resolve_source(source, paragraphs, urls, knowledge)
    if "source" in overrides:
        source_name = overrides["source"]
    if "source_url" in overrides:
        source_url = overrides["source_url"]
    if not source_name:
        problems.append(
            Problem(
                source.name,
                "source",
                WARNING,
                "aucune source trouvée (ni ligne « Source : », ni signature, ni dateline) : "
                "ajoutez une ligne « Source : URL » ou la clé « source » du fichier annexe",
            )
        )

    people = overrides.get("people", entities.people)
    organizations = overrides.get("organizations", entities.organizations)
    places = overrides.get("places", entities.places)
    tags = overrides.get("tags") or assign_topics(title, paragraphs, knowledge)
    summary = overrides.get("summary") or summarize(paragraphs, title)

    words = similarity.words_of(line.text for line in source.lines if line.kind == PARAGRAPH)
    events = extract_events(paragraphs, published)
    article = Article(
        id=source.stem,
        seed=source.name,
        digest=source.digest,
        title=title,
        title_source=title_source,
        date=published,
        source=source_name,
        source_url=source_url,
        people=tuple(merge_variants(list(people))),
        # an editor's list of people (sidecar) keeps the roles of those listed only
        roles=tuple((name, role) for name, role in entities.roles if name in people),
        organizations=tuple(merge_variants(list(organizations))),
        places=tuple(merge_variants(list(places))),
        tags=tuple(tags),
        photos=source.photos,
        related=tuple(line.text for line in source.lines if line.kind == RELATED),
        figures=extract_figures(paragraphs, knowledge.measures, title=title),
        events=events,
        summary=summary,
        words=sum(len(line.text.split()) for line in source.lines if line.kind in (PARAGRAPH, HEADING)),
        blocks=body_blocks(source),
        text_digest=similarity.text_digest(words),
        fingerprint=similarity.fingerprint(words),
        acronyms=entities.acronyms,
        # the editor's list of organisations is the whole list: nothing added from the corpus
        acronyms_unexplained=() if "organizations" in overrides else entities.acronyms_unexplained,
        # only the editor's: the URL comes from the file name otherwise (chronique/urls.py)
        slug_hint=overrides.get("slug"),
        hold=overrides.get("hold", False),
        problems=tuple(problems),
    )
    return Extraction(article, Dating(today, published, events, tuple(date_problems), holds_until), source, overrides)


def extraction_or_problem(source, entities, overrides, knowledge, today) -> Extraction | Problem:
    """extraction(), or a Problem naming the file in its place."""
    try:
        return extraction(source, entities, overrides, knowledge, today)
    except Exception as error:  # a bug met on one article must not cost the others
        return Problem(
            source.name,
            "extraction",
            ERROR,
            f"échec de l'extraction ({type(error).__name__} : {error}) ; ignoré : signalez-le avec le fichier",
        )


def urls_of(source: SourceText) -> list[str]:
    return [
        m.group(0).rstrip(".,;)") for line in source.lines if line.kind == SOURCE_LINE for m in URL.finditer(line.text)
    ]


def redate(found: Extraction, today: dt.date) -> Dating:
    """The same article dated on another day: resolve_date runs again (its window moved);
    the events are read again only when the date itself changed."""
    if found.dating.holds_on(today):
        return found.dating
    paragraphs = paragraphs_of(found.source)
    published, problems, holds_until = resolve_date_lasting(
        found.source, paragraphs, urls_of(found.source), found.overrides, today
    )
    events = found.dating.events if published == found.dating.date else extract_events(paragraphs, published)
    return Dating(today, published, events, tuple(problems), holds_until)


def dated(found: Extraction, dating: Dating) -> Extraction:
    """found with its day-dependent part replaced by dating's; the date's problems keep
    their place among the article's (after the reader's, before the others)."""
    if dating == found.dating:
        return found
    article = found.article
    start = len(found.source.problems)
    end = start + len(found.dating.problems)
    problems = article.problems[:start] + dating.problems + article.problems[end:]
    article = replace(article, date=dating.date, events=dating.events, problems=problems)
    return replace(found, article=article, dating=dating)


def resolve_date_lasting(source, paragraphs, urls, overrides, today):
    """resolve_date, and the last day its answer holds (dates.DayReads): only today if a
    date was refused as still to come; else the end of the last year that gives the same
    answer, or every later day when the answer read nothing of the build's year."""
    with dates.noting_day_reads() as reads:
        published, problems = resolve_date(source, paragraphs, urls, overrides, today)
    if reads.refused:
        return published, problems, today
    if reads.last_year is None:
        return published, problems, dt.date.max
    return published, problems, dt.date(max(reads.last_year, today.year), 12, 31)


def resolve_date(source, paragraphs, urls, overrides, today):
    """editor -> header -> photos -> text: the first plausible answer wins."""
    if "date" in overrides:
        return overrides["date"], []
    problems = []
    for step in (
        lambda: dates.from_header(source.header_date, source.name, today),
        lambda: dates.from_photos(source.photos, source.name, today),
        lambda: dates.from_text(paragraphs, urls, source.name, today),
    ):
        result = step()
        problems += result.problems
        if (
            result.date
            and result.date.source == PHOTO
            and (stale := dates.photo_older_than_text(result.date, paragraphs, urls, source.name, today))
        ):
            problems = [p for p in problems if p.field != "date"] + [stale]
            continue
        if result.date:
            return result.date, problems
    return None, problems


def resolve_title(source: SourceText, paragraphs: list[str], overrides: dict) -> tuple[str, str]:
    if "title" in overrides:
        return overrides["title"], EDITOR
    if source.header_title:
        return source.header_title, HEADER
    return derive_title(paragraphs, source), TEXT


# "Hanoï (VNA) - Publié le 03/11/2022 à 14h20": the publisher's stamp, not the lead
# ("Publié le 3 mars 2015 à 10h20, modifié le 4 mars 2015 à 08h00": both dates on one line)
_STAMP = re.compile(r"^(?:publie|mis en ligne|mis a jour|poste|modifie)(?:\s+le\s.{0,90}|\b.{0,40})$")


def lead_paragraph(paragraphs: list[str]) -> str | None:
    """The first paragraph that says something: four words or more, once a dateline is
    taken off, and not a publication stamp."""
    for paragraph in paragraphs:
        text = dates.strip_dateline(paragraph).strip()
        if len(text.split()) >= 4 and not _STAMP.match(fold(text)):
            return paragraph
    return None


def derive_title(paragraphs: list[str], source: SourceText) -> str:
    """A headline from the lead: its first sentence, or its first clause when the
    sentence is long, cut at a word boundary. Never a file name or a credit."""
    lead = lead_paragraph(paragraphs)
    if lead is None:
        headings = [line.text for line in source.lines if line.kind == HEADING]
        return shorten(headings[0], TITLE_LIMIT) if headings else source.stem
    lead = dates.strip_dateline(lead).strip()
    sentence = re.split(r"(?<=[.!?])\s+", lead, maxsplit=1)[0].rstrip(".")
    # "Lors de la réunion, le secrétaire général…": the headline starts at the main clause
    intro = INTRODUCTORY.match(sentence)
    if intro and len(sentence) - intro.end() >= 40:
        rest = sentence[intro.end() :]
        sentence = rest[0].upper() + rest[1:]
    if len(sentence) <= TITLE_LIMIT:
        return sentence
    # prefer ending on a clause boundary when one falls late enough to carry meaning
    clauses = [m.start() for m in re.finditer(r"[,;:]\s", sentence[:TITLE_LIMIT])]
    if clauses and clauses[-1] >= 60:
        return sentence[: clauses[-1]] + "…"
    return shorten(sentence, TITLE_LIMIT)


def resolve_source(source: SourceText, paragraphs: list[str], urls: list[str], knowledge: Knowledge):
    """The outlet and the original URL: a Source line, then a sign-off, then a dateline.
    A photo credit alone is not the article's source."""
    url = urls[0] if urls else None
    if url:
        domain = (urlparse(url).hostname or "").lower().removeprefix("www.")
        name = knowledge.outlet_by_domain.get(domain) or next(
            (n for d, n in knowledge.outlet_by_domain.items() if domain.endswith("." + d)), domain or None
        )
        return name, url
    for line in source.lines:
        if line.kind == SOURCE_LINE and not URL.search(line.text):
            return _outlets(line.text, knowledge) or line.text, None
    signoffs = [line.text for line in source.lines if line.kind == SIGNOFF]
    if signoffs:
        return _outlets(signoffs[-1], knowledge), None
    # a last line that is an outlet's name as written ("Nhân Dân", "Selon VietnamPlus")
    if paragraphs and len(paragraphs[-1]) <= 40:
        last = SIGNED.sub("", paragraphs[-1].strip(" .()–—-"))
        if name := knowledge.outlet_by_name.get(fold(last)):
            return name, None
    if paragraphs and (match := DATELINE.match(paragraphs[0])):
        return _outlets(match["agency"], knowledge), None
    return None, None


SIGNED = re.compile(r"^(?:selon|theo|source\s*:?)\s+", re.IGNORECASE)


def _outlets(codes: str, knowledge: Knowledge) -> str | None:
    parts = []
    for code in re.split(r"\s*[/,&]\s*|\s+-\s+", codes.strip()):
        pieces = code.split("-")  # "VNA-CVN": two codes, unless a piece is no known code
        known = len(pieces) > 1 and all(p.upper().strip(".") in knowledge.outlet_by_code for p in pieces)
        parts += pieces if known else [code]
    names = [
        knowledge.outlet_by_code.get(code.upper().strip("."), code)
        for code in parts
        if code and code not in ("Theo", "Selon")
    ]
    names = list(dict.fromkeys(n for n in names if n))
    return " / ".join(names) or None


def assign_topics(title: str, paragraphs: list[str], knowledge: Knowledge) -> list[str]:
    """Count word-initial hits of each topic's stems; a title hit counts double."""
    body = " " + fold(" ".join(paragraphs)) + " "
    head = " " + fold(title) + " "
    scores = {}
    for order, (topic, stems) in enumerate(knowledge.topics.items()):
        hits = sum(body.count(" " + stem) + 2 * head.count(" " + stem) for stem in stems)
        if hits >= knowledge.min_hits:
            scores[topic] = (hits, -order)
    ranked = sorted(scores, key=lambda t: scores[t], reverse=True)
    return ranked[: knowledge.max_topics]


def summarize(paragraphs: list[str], title: str) -> str:
    lead = lead_paragraph(paragraphs) or title
    return shorten(dates.strip_dateline(lead), SUMMARY_LIMIT)


def body_blocks(source: SourceText) -> tuple[Block, ...]:
    blocks = []
    for line in source.lines:
        if line.kind == PARAGRAPH:
            blocks.append(Block("paragraph", line.text))
        elif line.kind == HEADING:
            blocks.append(Block("heading", line.text))
        elif line.kind == PHOTO_FILE:
            photo = source.photos[int(line.text)]
            if photo.caption:
                blocks.append(Block("figure", photo.caption, photo.credit))
    return tuple(blocks)
