"""build(settings): the stages, in order.

read every seed -> extract (batched NER, cached by file hash: chronique/cache.py) -> collect -> render
-> publish atomically -> report. A bad file is reported and skipped; the others build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from . import EXTRACTOR_VERSION
from .cache import ExtractionCache, code_digest
from .collect import Site, collect
from .entities import MODEL, AliasError, EntityExtractor, Rules, load_aliases
from .extract import Knowledge, extraction, paragraphs_of
from .model import ERROR, WARNING, Article, Problem, Settings
from .publish import BuildBusy, docs_lock, publish
from .read import ReadError, read_bytes
from .report import Report
from .sidecar import load_sidecar, sidecar_path
from .write import MARKER, load_site_info, render

ROOT = Path(__file__).resolve().parent.parent
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class BuildResult:
    site: Site
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    files: dict


def today(settings: Settings) -> dt.date:
    """The end of the plausibility window: SOURCE_DATE_EPOCH when set, so a build can
    be reproduced later; else the clock (only ever used to reject dates, never shown)."""
    if settings.today:
        return settings.today
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def data_dirs(settings: Settings) -> list[Path]:
    """The project's data files, then the editors' own (seeds/aliases.yml) on top."""
    return [settings.data or ROOT / "data", settings.seeds]


DATA_FILES = ("entities.yml", "aliases.yml", "outlets.yml", "topics.yml", "measures.yml")
NAME_DATA_FILES = ("entities.yml", "aliases.yml", "outlets.yml")  # what entities.Rules reads


def extractor_key(settings: Settings, data_files=DATA_FILES, code_roots=None) -> str:
    """Changes whenever extraction would: its version, its model, its data files, its code
    (the modules found by chronique.cache.extraction_modules). Not the day: the cache dates
    its articles again on a new day (chronique/cache.py). With NAME_DATA_FILES and
    ("entities",): the key of the model's names alone."""
    digest = hashlib.sha256(f"{EXTRACTOR_VERSION}|{MODEL}".encode())
    for folder in data_dirs(settings):
        for name in data_files:
            path = folder / name
            if path.exists():
                digest.update(name.encode() + path.read_bytes())
    digest.update(code_digest(roots=code_roots))
    return digest.hexdigest()[:16]


def build(settings: Settings) -> BuildResult:
    """The whole build. Raises only for what stops it (a lock, bad usage); a bad
    article is a Problem and the rest go on. The lock is taken first: a second
    build waits for nothing and says so at once."""
    with docs_lock(settings.docs):
        return _build(settings)


def _build(settings: Settings) -> BuildResult:
    report = Report(progress=settings.progress)
    knowledge = Knowledge.load(data_dirs(settings)[0])
    rules = Rules.load(data_dirs(settings)[:1])
    problems: list[Problem] = []
    editors_aliases = settings.seeds / "aliases.yml"
    if editors_aliases.exists():
        try:
            rules.add_aliases(load_aliases(editors_aliases))
        except AliasError as error:
            problems.append(Problem(editors_aliases.name, "aliases", ERROR, str(error)))

    cache = open_cache(settings)
    order, cached, sources, read_problems = read_all(settings, cache, report)
    problems += read_problems
    extracted, failures = extract_all(sources, settings, cache, knowledge, rules, report)
    problems += failures
    found = {**cached, **extracted}
    articles = [found[stem] for stem in order if stem in found]
    for article in articles:
        problems += article.problems
    site = collect(articles, jobs=settings.jobs)
    problems += site.problems
    site = replace(site, problems=tuple(problems))
    files = render(site, load_site_info(ROOT / "mkdocs.yml"), jobs=settings.jobs)
    problems += publish(files, settings.docs, MARKER)
    report.show(site, problems)
    return BuildResult(site, tuple(articles), tuple(problems), files)


def open_cache(settings: Settings) -> ExtractionCache:
    names_key = extractor_key(settings, NAME_DATA_FILES, ("entities",))
    return ExtractionCache(settings.cache, extractor_key(settings), today(settings), settings.jobs, names_key)


def read_all(settings: Settings, cache: ExtractionCache, report: Report):
    """Every seed, in file-name order: taken from the cache when its bytes, its sidecar
    and the extractor are unchanged (no decoding, no parsing: a warm build stays
    fast; on a new day only its date is resolved again), else decoded and parsed for
    extraction. Returns (stems in order, cached articles, sources to extract with their
    overrides and cache entry, problems)."""
    order, hits, sources, problems = [], [], [], []
    # the folder listed once: which articles have a sidecar, without a stat for each
    names = {entry.name for entry in os.scandir(settings.seeds)}
    for path in report.track(sorted(settings.seeds.glob("*.txt")), "Lecture"):
        try:
            raw = path.read_bytes()
        except OSError as error:
            problems.append(
                Problem(path.name, "file", ERROR, f"cannot be read ({error.strerror}); skipped: check its permissions")
            )
            continue
        sidecar = sidecar_path(path)
        sidecar = sidecar.read_bytes() if sidecar.name in names else None
        overrides, sidecar_problems = load_sidecar(path) if sidecar is not None else ({}, [])  # reported on every build
        problems += sidecar_problems
        entry = cache.entry(raw, sidecar)
        if (found := cache.load(entry)) is not None:
            hits.append((entry, path.name, path.stem, found))
            order.append(path.stem)
            continue
        try:
            source = read_bytes(path, raw)
        except ReadError as error:
            problems.append(Problem(path.name, "file", ERROR, f"{error}; skipped"))
            continue
        sources.append((source, overrides, entry))
        order.append(path.stem)
    cached = cache.articles(hits)
    cache.save_datings()
    sources += [(found.source, found.overrides, entry) for entry, found in cache.undatable]
    return order, cached, sources, problems


def extract_all(
    sources, settings: Settings, cache: ExtractionCache, knowledge: Knowledge, rules: Rules, report: Report
):
    """Extract what the cache did not have: the NER model runs once over those whose
    paragraphs it has not read before, batched (and on two processes for large batches)."""
    now = today(settings)
    articles: dict[str, Article] = {}
    failures: list[Problem] = []
    if not sources:
        return articles, failures
    paragraphs = [paragraphs_of(s) for s, _, _ in sources]
    found = [cache.names(p) for p in paragraphs]
    unread = [i for i, names in enumerate(found) if names is None]
    if unread:  # the model is loaded only when it has something to read
        extractor = EntityExtractor(rules)
        for i, names in zip(unread, extractor.extract_many([paragraphs[i] for i in unread], n_process=settings.jobs)):
            found[i] = names
            cache.store_names(paragraphs[i], names)
    for (source, overrides, entry), entities in report.track(list(zip(sources, found)), "Extraction"):
        try:
            found_here = extraction(source, entities, overrides, knowledge, now)
        except Exception as error:  # a bug met on one article must not cost the others
            failures.append(
                Problem(
                    source.name,
                    "extraction",
                    ERROR,
                    f"extraction failed ({type(error).__name__}: {error}); skipped: please report it with the file",
                )
            )
            continue
        articles[source.stem] = found_here.article
        cache.store(entry, found_here)
    return articles, failures


def exit_status(problems, strict: bool) -> int:
    if any(p.severity == ERROR for p in problems):
        return EXIT_PROBLEMS
    if strict and any(p.severity == WARNING for p in problems):
        return EXIT_PROBLEMS
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Build the Markdown site (docs/) from the articles in seeds/."
    )
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of *.txt articles (default: seeds/)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="MkDocs docs folder to write (default: docs/)")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 on warnings too")
    parser.add_argument("--no-cache", action="store_true", help="extract every article again")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "extract", help="extraction cache folder")
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="processes to use (NER, then duplicates and pages on large corpora)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"build.py: seeds folder {args.seeds} does not exist: pass --seeds DIR", file=sys.stderr)
        return EXIT_USAGE
    if args.docs.exists() and not args.docs.is_dir():
        print(f"build.py: --docs {args.docs} is a file, not a folder: pass --docs DIR", file=sys.stderr)
        return EXIT_USAGE
    docs_parent = args.docs.resolve().parent
    if (
        not docs_parent.is_dir()
        or not os.access(docs_parent, os.W_OK)
        or (args.docs.exists() and not os.access(args.docs, os.W_OK))
    ):
        print(
            f"build.py: cannot write the docs folder {args.docs}: check its permissions or pass --docs DIR",
            file=sys.stderr,
        )
        return EXIT_USAGE
    settings = Settings(
        seeds=args.seeds,
        docs=args.docs,
        strict=args.strict,
        cache=None if args.no_cache else args.cache,
        progress=not args.quiet,
        jobs=args.jobs,
    )
    try:
        result = build(settings)
    except BuildBusy as error:
        print(f"build.py: {error}", file=sys.stderr)
        return EXIT_USAGE
    return exit_status(result.problems, args.strict)
