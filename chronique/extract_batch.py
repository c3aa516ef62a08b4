"""Raw articles -> Articles, a chunk at a time: what one worker of the extraction runs.

An article travels to its worker as it was read: its file's bytes and its sidecar's
overrides (`Unread`). The worker decodes and parses it (read.py), takes the model's names
from the cache or runs the model over those it has not read (batched, entities/runner.py),
applies the rules (extract.py), writes the article's cache files (cache.CacheFiles) and
sends back only the Article, or a Problem in its place. So the parent never parses the
articles it hands out, nor holds their text, and the model and the rules run in the same
task, with no round trip between them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .cache import CacheFiles
from .entities import EntityExtractor, Rules
from .extract import Knowledge, extraction_or_problem, paragraphs_of
from .model import ERROR, Article, Problem, SourceText
from .read import ReadError, read_bytes


# The model each worker holds, by its rules' digest (Extractor.rules_key).
_MODELS: dict[str, EntityExtractor] = {}


@dataclass(frozen=True)
class Unread:
    """An article to extract: its file's path and bytes (or, for a cache hit whose date must
    be read again from scratch, its source already parsed), its sidecar's overrides and its
    cache entry (None without a cache)."""

    path: Path
    raw: bytes | SourceText
    overrides: dict
    entry: str | None


@dataclass(frozen=True)
class Extractor:
    """What every chunk of a build shares: sent once with each task, a few kilobytes."""

    knowledge: Knowledge
    rules: Rules
    rules_key: str  # the rules' digest: a worker keeps one model per rules (_model)
    today: dt.date
    cache: CacheFiles


def extract_batch(extractor: Extractor, chunk: list[Unread]) -> list[Article | Problem]:
    """Each article of the chunk extracted, in order: its Article, or a Problem naming its
    file (a file that cannot be decoded, or a bug met on it: the others go on)."""
    sources: list[SourceText | Problem] = [_parsed(unread) for unread in chunk]
    paragraphs = [paragraphs_of(s) if isinstance(s, SourceText) else [] for s in sources]
    names = [extractor.cache.names(p) if isinstance(s, SourceText) else None for s, p in zip(sources, paragraphs)]
    unread = [i for i, (s, found) in enumerate(zip(sources, names)) if isinstance(s, SourceText) and found is None]
    if unread:
        for i, found in zip(unread, _model(extractor).extract_many([paragraphs[i] for i in unread])):
            names[i] = found
            extractor.cache.store_names(paragraphs[i], found)
    return [_extracted(extractor, u, s, found) for u, s, found in zip(chunk, sources, names)]


def _parsed(unread: Unread) -> SourceText | Problem:
    if isinstance(unread.raw, SourceText):
        return unread.raw
    try:
        return read_bytes(unread.path, unread.raw)
    except ReadError as error:
        return Problem(unread.path.name, "file", ERROR, f"{error} ; ignoré")


def _model(extractor: Extractor) -> EntityExtractor:
    """The model this process keeps for these rules: loaded on the first chunk that needs it
    (a build whose names are all in the cache never loads it), kept for the next chunks."""
    model = _MODELS.get(extractor.rules_key)
    if model is None:
        _MODELS.clear()  # one model a process: a build with other rules replaces it
        model = _MODELS[extractor.rules_key] = EntityExtractor(extractor.rules)
    return model


def forget_models() -> None:
    """A build starts with no model in this process, nor in those it forks from now on (a
    Dask worker keeps its own from one build to the next, while the rules are the same)."""
    _MODELS.clear()


def _extracted(extractor: Extractor, unread: Unread, source, names) -> Article | Problem:
    if isinstance(source, Problem):
        return source
    found = extraction_or_problem(source, names, unread.overrides, extractor.knowledge, extractor.today)
    if isinstance(found, Problem):
        return found
    extractor.cache.store(unread.entry, found)
    return found.article
