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
from .aliases import load_editors_aliases
from .collect import Site, collect
from .entities import MODEL, EntityExtractor, Rules
from .extract import Knowledge, extract, paragraphs_of
from .model import ERROR, WARNING, Article, Problem, Settings
from .publish import DISK_ERRORS, BuildBusy, PublishError, disk_problem, docs_lock, publish
from .read import ReadError, read_bytes
from .github import announce, on_github_actions
from .report import Report, summary_markdown
from .seeds import Skipped, list_seeds, read_article, read_optional
from .sidecar import sidecar_of
from .urls import REDIRECTS_FILE, load_redirects
from .write import MARKER, load_site_info, render

ROOT = Path(__file__).resolve().parent.parent
# 0: built. 4: built, but some files were skipped or are in error: every good article
# is published (`make site` goes on). 1: --strict and something to report, or a crash
# (Python's own status for an uncaught error, so a crash never passes for a build).
# 2: bad usage, or another build is running. 3: nothing built (no seeds, nothing
# readable): docs/ is left as it was.
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_NOTHING, EXIT_SKIPPED = 0, 1, 2, 3, 4
# The code whose change changes what extraction produces (and so empties the cache).
EXTRACTION_MODULES = (
    "read.py",
    "dates.py",
    "entities.py",
    "events.py",
    "figures.py",
    "extract.py",
    "sidecar.py",
    "bounded_yaml.py",
    "aliases.py",
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


def extractor_key(settings: Settings) -> str:
    """Changes whenever extraction would: its version, its model, its data files."""
    digest = hashlib.sha256(f"{EXTRACTOR_VERSION}|{MODEL}|{today(settings).isoformat()}".encode())
    for folder in data_dirs(settings):
        for name in ("entities.yml", "aliases.yml", "outlets.yml", "topics.yml", "measures.yml", "countries.yml"):
            path = folder / name
            if folder == settings.seeds:  # the editors' folder: never a FIFO, nor a link out of it
                data = read_optional(path)
            else:
                data = path.read_bytes() if path.exists() else None
            if data is not None:
                digest.update(name.encode() + data)
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
    editors_aliases, alias_problems = load_editors_aliases(settings.seeds)
    problems += alias_problems
    if editors_aliases:
        rules.add_aliases(editors_aliases)

    order, cached, sources, read_problems = read_all(settings, report)
    problems += read_problems
    extracted, failures = extract_all(sources, settings, knowledge, rules, report)
    problems += failures
    found = {**cached, **extracted}
    articles = [found[stem] for stem in order if stem in found]
    for article in articles:
        problems += article.problems
    held = tuple(a.seed for a in articles if a.hold)
    redirects, redirect_problems = load_redirects(settings.seeds / REDIRECTS_FILE)
    problems += redirect_problems
    site = collect(articles, jobs=settings.jobs, redirects=redirects)
    problems += site.problems
    if not site.entries and not settings.allow_empty:
        report.show(site, problems, held)
        raise NothingToPublish(nothing_to_publish(settings, articles, held), tuple(problems))
    # data/articles.json is public: its problems name no held article, not even by its sidecar
    site = replace(site, problems=tuple(p for p in problems if not concerns_held(p, held)))
    files = render(site, load_site_info(ROOT / "mkdocs.yml"), jobs=settings.jobs)
    problems += publish(files, settings.docs, MARKER)
    report.show(site, problems, held)
    return BuildResult(site, tuple(articles), tuple(problems), files, held)


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


def concerns_held(problem: Problem, held: tuple[str, ...]) -> bool:
    """A problem of a held article or of its sidecar (x.txt, x.yml)."""
    stems = {Path(seed).stem for seed in held}
    return Path(problem.file).stem in stems and Path(problem.file).suffix.lower() in (".txt", ".yml")


def read_all(settings: Settings, report: Report):
    """Every seed, in file-name order: taken from the cache when its bytes, its sidecar
    and the extractor are unchanged (no decoding, no parsing: a warm build stays
    fast), else decoded and parsed for extraction. Returns (stems in order, cached
    articles, sources to extract, problems)."""
    key = extractor_key(settings)
    order, cached, sources, problems = [], {}, [], []
    if not settings.seeds.is_dir():  # with --allow-empty: an empty site
        return order, cached, sources, problems
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
        cache_file = cache_path(settings, raw, sidecar, key)
        if (article := load_cached(cache_file, path)) is not None:
            cached[path.stem] = article
            order.append(path.stem)
            continue
        try:
            source = read_bytes(path, raw)
        except ReadError as error:
            problems.append(Problem(path.name, "file", ERROR, f"{error} ; ignoré"))
            continue
        sources.append((source, overrides, cache_file))
        order.append(path.stem)
    return order, cached, sources, problems


def cache_path(settings: Settings, raw: bytes, sidecar: bytes | None, key: str) -> Path | None:
    if not settings.cache:
        return None
    sidecar_digest = hashlib.sha256(sidecar).hexdigest()[:16] if sidecar is not None else "-"
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
                    f"échec de l'extraction ({type(error).__name__} : {error}) ; ignoré : signalez-le avec le fichier",
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
    if strict and problems:
        return EXIT_PROBLEMS
    if any(p.severity == ERROR for p in problems):
        return EXIT_SKIPPED
    return EXIT_OK


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
    parser.add_argument("--quiet", action="store_true", help="pas de barre de progression")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir() and not args.allow_empty:
        print(
            f"build.py : le dossier d'articles {args.seeds} n'existe pas : rien n'est publié, docs/ reste tel quel. "
            "Indiquez le dossier avec --seeds DOSSIER (ou --allow-empty pour publier un site vide).",
            file=sys.stderr,
        )
        return EXIT_NOTHING
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
    )
    try:
        result = build(settings)
    except (BuildBusy, PublishError) as error:
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
