"""build(settings): the stages, in order.

read every seed -> extract (batched NER, cached by file hash: chronique/cache.py) -> collect -> render
-> publish atomically -> report. A bad file is reported and skipped; the others build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import hashlib
import importlib.util
import os
import pickle
import sys
from contextlib import closing, contextmanager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

from . import EXTRACTOR_VERSION, geography, schema
from .aliases import load_editors_aliases
from .cache import ExtractionCache, code_digest
from .collect import Site, collect, date_from_corpus_remembering, what_date_from_corpus_reads
from .entities import MODEL, Rules
from .executors import DaskCluster, DaskMissing, LocalProcesses
from .extract import Knowledge
from .extract_batch import Extractor, Unread, extract_batch, forget_models
from .github import announce, on_github_actions
from .model import ERROR, WARNING, Article, Problem, Settings
from .publish import DISK_ERRORS, BuildBusy, GeneratedPages, PublishError, disk_problem, docs_lock, staged
from .report import Report, summary_markdown
from .seeds import Skipped, list_seeds, read_article, read_optional
from .sidecar import sidecar_of
from .urls import REDIRECTS_FILE, load_redirects
from .write import read_mkdocs_config, render_into, site_info

ROOT = Path(__file__).resolve().parent.parent
# 0: built. 4: built, but some files were skipped or are in error: every good article
# is published (`make site` goes on). 1: --strict and something to report, or a crash
# (Python's own status for an uncaught error, so a crash never passes for a build).
# 2: bad usage, or another build is running. 3: nothing built (no seeds, nothing
# readable): docs/ is left as it was.
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_NOTHING, EXIT_SKIPPED = 0, 1, 2, 3, 4
# The site's configuration: its address and name for the pages and feeds, its nav for
# the check against the schema (nav_warnings). A constant, not a Settings field:
# model.py is part of the extraction cache's key, and a change there runs the model
# again on every article.
MKDOCS_CONFIG = ROOT / "mkdocs.yml"
# The cycle collector's thresholds during a build (rare_collections): gen0 every 50,000
# allocations instead of 700.
GC_THRESHOLD = (50_000, 20, 100)
# Articles per task when extraction runs on an executor's workers (parsing, the model, the
# rules: about 25 ms of CPU each, so a task of one or two seconds, and the progress bar
# moves by that much; the model reads them in batches of 32).
EXTRACTION_CHUNK = 64


@dataclass(frozen=True)
class BuildResult:
    site: Site
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    files: GeneratedPages  # {path: text} of every generated page, read back from docs/ when asked for
    held: tuple[str, ...] = ()  # seeds an editor holds back (`hold: true`): published nowhere


class NothingToPublish(RuntimeError):
    """No article to publish: an empty site must never replace a published one by accident."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()):
        super().__init__(message)
        self.problems = problems


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


DATA_FILES = ("entities.yml", "aliases.yml", "outlets.yml", "topics.yml", "measures.yml", "countries.yml")
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
            if folder == settings.seeds:  # the editors' folder: never a FIFO, nor a link out of it
                data = read_optional(path)
            else:
                data = path.read_bytes() if path.exists() else None
            if data is not None:
                digest.update(name.encode() + data)
    digest.update(code_digest(roots=code_roots))
    return digest.hexdigest()[:16]


def build(settings: Settings) -> BuildResult:
    """The whole build. Raises only for what stops it (a lock, bad usage); a bad
    article is a Problem and the rest go on. The lock is taken first: a second
    build waits for nothing and says so at once."""
    with docs_lock(settings.docs), rare_collections() as keep_for_the_build:
        return _build(settings, keep_for_the_build)


@contextmanager
def rare_collections():
    """Fewer passes of CPython's cycle collector during a build. A build holds every
    article for its whole length and makes little cyclic garbage, yet each full pass
    walked all of it again: at 10,000 articles a third of a warm build (15.4 -> 13 s).
    Passes are made rarer (as mypy does), and what the build read from the cache is
    moved out of their way once read (`gc.freeze`); both undone when the build ends."""
    threshold = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def _build(settings: Settings, keep_for_the_build) -> BuildResult:
    report = Report(progress=settings.progress)
    config = read_mkdocs_config(MKDOCS_CONFIG)
    knowledge = Knowledge.load(data_dirs(settings)[0])
    rules = Rules.load(data_dirs(settings)[:1])
    problems: list[Problem] = nav_warnings(config, MKDOCS_CONFIG)
    editors_aliases, alias_problems = load_editors_aliases(settings.seeds)
    problems += alias_problems
    if editors_aliases:
        rules.add_aliases(editors_aliases)

    cache = open_cache(settings)
    geography.remember_in(settings.cache)  # the place table entity pages read (chronique/geography.py)
    order, cached, sources, read_problems = read_all(settings, cache, report)
    problems += read_problems
    keep_for_the_build()  # the articles read from the cache live until the end
    extracted, failures = extract_all(sources, settings, cache, knowledge, rules, report)
    del sources  # their bytes: not held while the site is written
    problems += failures
    found = {**cached, **extracted}
    articles = [found[stem] for stem in order if stem in found]
    articles = cache.dated_from_corpus(articles, date_from_corpus_remembering, reads=what_date_from_corpus_reads)
    for article in articles:
        problems += article.problems
    held = tuple(a.seed for a in articles if a.hold)
    redirects, redirect_problems = load_redirects(settings.seeds / REDIRECTS_FILE)
    problems += redirect_problems
    published = sum(not article.hold for article in articles)
    collect_jobs = settings.jobs if published >= settings.thresholds.collect_articles else 1
    site = collect(articles, jobs=collect_jobs, redirects=redirects)
    problems += site.problems
    if not site.entries and not settings.allow_empty:
        report.show(site, problems, held)
        raise NothingToPublish(nothing_to_publish(settings, articles, held), tuple(problems))
    # data/articles.json is public: its problems name no held article, not even by its sidecar
    site = replace(site, problems=without_held(problems, held))
    render_jobs = settings.jobs if len(site.entries) >= settings.thresholds.render_articles else 1
    with staged(settings.docs) as staging:  # each page written to the staging copy as it is rendered
        render_into(site, site_info(config), staging, jobs=render_jobs, today=today(settings))
        written = staging.finish()
    problems += written.problems
    cache.prune()  # what this build did not use: removed articles, former versions, other keys
    report.show(site, problems, held)
    return BuildResult(site, tuple(articles), tuple(problems), written.pages, held)


def nav_warnings(config: dict, config_path: Path) -> list[Problem]:
    """What mkdocs.yml's nav lacks for the schema's taxonomies (schema.nav_problems), as
    warnings: the build goes on, and the page is built, but no tab leads to it (or its
    terms' pages crowd the nav). No mkdocs.yml, nothing to check."""
    if not config:
        return []
    missing = schema.nav_problems(config.get("nav") or [], config.get("not_in_nav") or "")
    return [Problem(config_path.name, "nav", WARNING, message) for message in missing]


def nothing_to_publish(settings: Settings, articles: list[Article], held: tuple[str, ...]) -> str:
    if not settings.seeds.is_dir():
        why = f"le dossier d'articles {settings.seeds} n'existe pas"
    elif held and len(held) == len(articles):
        why = f"tous les articles de {settings.seeds} sont retenus (hold: true)"
    elif articles or any(settings.seeds.iterdir()):
        why = f"aucun article de {settings.seeds} n'a pu être construit (voir le rapport ci-dessus)"
    else:
        why = f"le dossier d'articles {settings.seeds} est vide"
    return (
        f"{why} : rien n'est publié, docs/ reste tel quel (un site vide ne remplace jamais le site publié). "
        "Pour publier un site vide malgré tout : --allow-empty."
    )


def without_held(problems: list[Problem], held: tuple[str, ...]) -> tuple[Problem, ...]:
    """The problems that name no held article, nor its sidecar (x.txt, x.yml)."""
    stems = {Path(seed).stem for seed in held}
    return tuple(
        p for p in problems if not (Path(p.file).stem in stems and Path(p.file).suffix.lower() in (".txt", ".yml"))
    )


def open_cache(settings: Settings) -> ExtractionCache:
    names_key = extractor_key(settings, NAME_DATA_FILES, ("entities",))
    return ExtractionCache(
        settings.cache,
        extractor_key(settings),
        today(settings),
        settings.jobs,
        names_key,
        settings.thresholds.redating_articles,
    )


def read_all(settings: Settings, cache: ExtractionCache, report: Report):
    """Every seed, in file-name order: taken from the cache when its bytes, its sidecar
    and the extractor are unchanged (no decoding, no parsing: a warm build stays
    fast; on a new day only its date is resolved again), else handed on to extraction as
    bytes, decoded and parsed there. Returns (stems in order, cached articles, the
    articles to extract (extract_batch.Unread), problems)."""
    order, hits, sources, problems = [], [], [], []
    if not settings.seeds.is_dir():  # with --allow-empty: an empty site
        return order, {}, sources, problems
    # the folder listed once (chronique/seeds.py: no link out of it, no FIFO, a size limit);
    # an article and its sidecar are read once each, and their bytes handed on
    listing = list_seeds(settings.seeds)
    problems += listing.problems
    for seed in report.track(list(listing.articles), "Lecture"):
        try:
            raw = read_article(seed)
        except Skipped as skipped:
            problems.append(skipped.problem)
            continue
        path = seed.path
        sidecar, overrides, sidecar_problems = sidecar_of(seed)  # its bytes, read once; reported on every build
        problems += sidecar_problems
        entry = cache.entry(raw, sidecar)
        if (found := cache.load(entry)) is not None:
            hits.append((entry, path.name, path.stem, found))
            order.append(path.stem)
            continue
        sources.append(Unread(path, raw, overrides, entry))  # parsed where it is extracted
        order.append(path.stem)
    cached = cache.articles(hits)
    cache.save_datings()
    sources += [Unread(found.source.path, found.source, found.overrides, entry) for entry, found in cache.undatable]
    return order, cached, sources, problems


def extract_all(
    sources: list[Unread],
    settings: Settings,
    cache: ExtractionCache,
    knowledge: Knowledge,
    rules: Rules,
    report: Report,
):
    """Extract what the cache did not have, in chunks of EXTRACTION_CHUNK (extract_batch.py:
    each parsed, its names from the cache or from the model, batched, then the rules), on
    the executor's workers once there are enough of them, else here. Returns ({stem:
    Article}, problems: files that cannot be decoded, bugs met on an article)."""
    articles: dict[str, Article] = {}
    failures: list[Problem] = []
    if not sources:
        return articles, failures
    extractor = Extractor(
        knowledge, rules, hashlib.sha256(pickle.dumps(rules)).hexdigest(), today(settings), cache.files
    )
    chunks = [sources[i : i + EXTRACTION_CHUNK] for i in range(0, len(sources), EXTRACTION_CHUNK)]
    work = functools.partial(extract_batch, extractor)
    forget_models()  # each build loads its model afresh, here or in the processes it forks
    with extraction_executor(settings, len(sources)) as executor:
        results = executor.imap(work, chunks) if executor else map(work, chunks)
        with closing(results) if executor else nullcontext():  # a pool ends with its last result, or here
            outcomes = (outcome for chunk in results for outcome in chunk)
            for unread, outcome in zip(report.track(sources, "Extraction"), outcomes):
                if isinstance(outcome, Problem):  # a bad file, or a bug met on that article: the others go on
                    failures.append(outcome)
                    continue
                articles[outcome.id] = outcome
                if unread.entry is not None:
                    cache.entries_used.add(unread.entry)  # written by the worker
    return articles, failures


@contextmanager
def extraction_executor(settings: Settings, articles: int):
    """Where extraction runs: on a Dask cluster when asked for (--scheduler, --workers);
    else on `jobs` forked processes once there are thresholds.extraction_articles articles
    (a fork costs more than it saves below); else here (None). A forked worker loads the
    model on its first chunk that needs it: a build whose names are all in the cache
    never loads it."""
    if settings.scheduler or settings.dask_workers:
        with DaskCluster(settings.scheduler, settings.dask_workers or 2) as cluster:
            yield cluster
    elif settings.jobs > 1 and articles >= settings.thresholds.extraction_articles:
        yield LocalProcesses(settings.jobs)
    else:
        yield None


def exit_status(problems, strict: bool) -> int:
    if strict and problems:
        return EXIT_PROBLEMS
    if any(p.severity == ERROR for p in problems):
        return EXIT_SKIPPED
    return EXIT_OK


def exit_now(status: int) -> NoReturn:
    """Ends the process once its output is flushed, without freeing the build's objects one
    by one (a gigabyte at 10,000 articles: 0.4 s), as mypy does. Every file was written and
    every worker stopped before main returned."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Construit le site Markdown (docs/) à partir des articles de seeds/."
    )
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="dossier des articles *.txt (seeds/)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="dossier docs/ de MkDocs à écrire (docs/)")
    parser.add_argument(
        "--strict", action="store_true", help="statut 1 dès un avertissement ou un fichier écarté (make site s'arrête)"
    )
    parser.add_argument(
        "--allow-empty", action="store_true", help="publier même sans aucun article (sinon : refus, statut 3)"
    )
    parser.add_argument("--no-cache", action="store_true", help="extraire de nouveau chaque article")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "extract", help="dossier du cache d'extraction")
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="processus à utiliser (le modèle, puis doublons et pages sur les grands corpus)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="tcp://HÔTE:8786",
        help="extraire sur une grappe Dask existante (pip install -r requirements-dask.txt ; "
        "ses workers lancés depuis ce dépôt)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="extraire sur une grappe Dask locale de N processus (pip install -r requirements-dask.txt)",
    )
    parser.add_argument("--quiet", action="store_true", help="pas de barre de progression")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir() and not args.allow_empty:
        print(
            f"build.py : le dossier d'articles {args.seeds} n'existe pas : rien n'est publié, docs/ reste tel quel. "
            "Indiquez le dossier avec --seeds DOSSIER (ou --allow-empty pour publier un site vide).",
            file=sys.stderr,
        )
        return EXIT_NOTHING
    if (args.scheduler or args.workers) and importlib.util.find_spec("distributed") is None:
        print(f"build.py : {DaskMissing.MESSAGE}", file=sys.stderr)  # said before any article is read
        return EXIT_USAGE
    if args.workers < 0:
        print("build.py : --workers N attend un nombre de processus (1 ou plus)", file=sys.stderr)
        return EXIT_USAGE
    if args.docs.exists() and not args.docs.is_dir():
        print(
            f"build.py : --docs {args.docs} est un fichier, pas un dossier : indiquez --docs DOSSIER", file=sys.stderr
        )
        return EXIT_USAGE
    docs_parent = args.docs.resolve().parent
    if (
        not docs_parent.is_dir()
        or not os.access(docs_parent, os.W_OK)
        or (args.docs.exists() and not os.access(args.docs, os.W_OK))
    ):
        print(
            f"build.py : impossible d'écrire le dossier {args.docs} : vérifiez ses droits ou indiquez --docs DOSSIER",
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
        allow_empty=args.allow_empty,
        scheduler=args.scheduler,
        dask_workers=args.workers,
    )
    try:
        result = build(settings)
    except (BuildBusy, PublishError, DaskMissing) as error:
        print(f"build.py : {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:  # a full or read-only disk met before publishing (the cache): docs/ untouched
        if error.errno not in DISK_ERRORS:
            raise
        print(f"build.py : {disk_problem(error, error.filename or 'un fichier de la construction')}", file=sys.stderr)
        return EXIT_USAGE
    except NothingToPublish as error:
        print(f"build.py : {error}", file=sys.stderr)
        if on_github_actions():
            announce(error.problems, settings.seeds, summary_markdown(0, error.problems) + f"\n**{error}**\n")
        return EXIT_NOTHING
    if on_github_actions():
        announce(
            result.problems, settings.seeds, summary_markdown(len(result.site.entries), result.problems, result.held)
        )
    return exit_status(result.problems, args.strict)
