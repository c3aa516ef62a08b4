"""build(settings): the stages, in order.

read every seed -> extract (batched NER, cached by file hash) -> collect -> render
-> publish atomically -> report. A bad file is reported and skipped; the others build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from . import EXTRACTOR_VERSION
from .collect import Site, collect, date_from_corpus
from .entities import MODEL, AliasError, EntityExtractor, Rules, load_aliases
from .extract import Knowledge, extract, paragraphs_of
from .model import ERROR, WARNING, Article, Problem, Settings
from .publish import BuildBusy, docs_lock, publish
from .read import ReadError, read_bytes
from .report import Report
from .sidecar import load_sidecar, sidecar_path
from .write import MARKER, load_site_info, render

ROOT = Path(__file__).resolve().parent.parent
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
# The code whose change changes what extraction produces (and so empties the cache).
EXTRACTION_MODULES = (
    "read.py",
    "dates.py",
    *(f"entities/{path.name}" for path in sorted((ROOT / "chronique" / "entities").glob("*.py"))),
    "events.py",
    "figures.py",
    "extract.py",
    "sidecar.py",
    "text.py",
    "model.py",
    "similarity.py",
    "__init__.py",
)


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


def extractor_key(settings: Settings) -> str:
    """Changes whenever extraction would: its version, its model, its data files."""
    digest = hashlib.sha256(f"{EXTRACTOR_VERSION}|{MODEL}|{today(settings).isoformat()}".encode())
    for folder in data_dirs(settings):
        for name in ("entities.yml", "aliases.yml", "outlets.yml", "topics.yml", "measures.yml"):
            path = folder / name
            if path.exists():
                digest.update(name.encode() + path.read_bytes())
    for module in EXTRACTION_MODULES:
        digest.update((ROOT / "chronique" / module).read_bytes())
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

    order, cached, sources, read_problems = read_all(settings, report)
    problems += read_problems
    extracted, failures = extract_all(sources, settings, knowledge, rules, report)
    problems += failures
    found = {**cached, **extracted}
    articles = date_from_corpus([found[stem] for stem in order if stem in found])  # yearless dates: the corpus
    for article in articles:
        problems += article.problems
    site = collect(articles, jobs=settings.jobs)
    problems += site.problems
    site = replace(site, problems=tuple(problems))
    files = render(site, load_site_info(ROOT / "mkdocs.yml"), jobs=settings.jobs)
    problems += publish(files, settings.docs, MARKER)
    report.show(site, problems)
    return BuildResult(site, tuple(articles), tuple(problems), files)


def read_all(settings: Settings, report: Report):
    """Every seed, in file-name order: taken from the cache when its bytes, its sidecar
    and the extractor are unchanged (no decoding, no parsing: a warm build stays
    fast), else decoded and parsed for extraction. Returns (stems in order, cached
    articles, sources to extract, problems)."""
    key = extractor_key(settings)
    order, cached, sources, problems = [], {}, [], []
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
        sidecar = sidecar if sidecar.name in names else None
        overrides, sidecar_problems = load_sidecar(path) if sidecar else ({}, [])  # reported on every build
        problems += sidecar_problems
        cache_file = cache_path(settings, raw, sidecar, key)
        if (article := load_cached(cache_file, path)) is not None:
            cached[path.stem] = article
            order.append(path.stem)
            continue
        try:
            source = read_bytes(path, raw)
        except ReadError as error:
            problems.append(Problem(path.name, "file", ERROR, f"{error}; skipped"))
            continue
        sources.append((source, overrides, cache_file))
        order.append(path.stem)
    return order, cached, sources, problems


def cache_path(settings: Settings, raw: bytes, sidecar: Path | None, key: str) -> Path | None:
    if not settings.cache:
        return None
    sidecar_digest = hashlib.sha256(sidecar.read_bytes()).hexdigest()[:16] if sidecar else "-"
    return settings.cache / f"{hashlib.sha256(raw).hexdigest()[:32]}-{sidecar_digest}-{key}.pickle"


def load_cached(cache_file: Path | None, path: Path) -> Article | None:
    if cache_file is None:
        return None
    try:
        return replace(pickle.loads(cache_file.read_bytes()), seed=path.name, id=path.stem)
    except Exception:  # no cache entry, or a damaged one: a miss
        return None


def extract_all(sources, settings: Settings, knowledge: Knowledge, rules: Rules, report: Report):
    """Extract what the cache did not have: the NER model runs once over all of them,
    batched (and on two processes for large batches)."""
    now = today(settings)
    articles: dict[str, Article] = {}
    failures: list[Problem] = []
    if not sources:
        return articles, failures
    extractor = EntityExtractor(rules)
    jobs = settings.jobs
    found = extractor.extract_many([paragraphs_of(s) for s, _, _ in sources], n_process=jobs)
    for (source, overrides, cache_file), entities in report.track(list(zip(sources, found)), "Extraction"):
        try:
            article = extract(source, entities, overrides, knowledge, now)
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
        articles[source.stem] = article
        if cache_file:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(article))
            os.replace(tmp, cache_file)
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
