"""Render docs/ into site/: `python -m chronique.site [--full] [-f mkdocs.yml]`.

`mkdocs build --strict` with the project's mkdocs.yml, then the search index
(chronique/site/search.py). This is what `make site` runs after build.py.

Incremental when it can be: if site/ holds a complete build made with the same
configuration, MkDocs renders again only the pages whose Markdown changed since
(publish() leaves an unchanged file untouched, its modification time included,
so MkDocs' own "dirty" test is exact), and the files whose source is gone are
removed. Every generated page that depends on another article (lists, related
articles) is itself rewritten by build.py when that article changes, so it is
rendered again too. A different mkdocs.yml, theme override, hook or version of
MkDocs, Material or Markdown, a build that failed or was interrupted, or --full:
everything is rendered again, exactly as `mkdocs build --strict` does.
tests/test_site_driver.py checks that an incremental build gives the same site,
file for file, as a full one.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import logging
import functools
import multiprocessing
import os
import sys
import time
from importlib.metadata import version
from pathlib import Path

from ..executors import DaskCluster, DaskMissing, LocalProcesses
from ..model import Thresholds
from ..text import count
from .hooks import SHARE_VARIABLE, SHIPPED, redirect_outputs

HOOKS = Path(__file__).resolve().with_name("hooks.py")  # mkdocs.yml's `hooks:`
STAMP = ".chronique-build.json"  # in site/: what the last complete MkDocs build was made with
# outputs of MkDocs that are not files of docs/ or of the theme (static templates)
TEMPLATE_OUTPUTS = ("404.html", "sitemap.xml", "sitemap.xml.gz")
KEPT = ("pagefind/", STAMP)  # written after MkDocs, by search.py and by this module
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
MAX_SHARES = 4  # each process holds the site's pages in memory (0.9 GB at 10,000 articles)


def configuration_digest(config_file: Path) -> str:
    """What every page's HTML depends on besides its own Markdown."""
    digest = hashlib.sha256()
    digest.update(config_file.read_bytes())
    digest.update(os.environ.get("CHRONIQUE_SITE_URL", "").encode())  # mkdocs.yml's !ENV site_url
    for package in PACKAGES:
        digest.update(f"{package}={version(package)}".encode())
    folders = [config_file.parent / "overrides", HOOKS]
    for folder in folders:
        paths = sorted(folder.rglob("*")) if folder.is_dir() else [folder]
        for path in paths:
            if path.is_file():
                digest.update(path.relative_to(folder.parent).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def read_stamp(site: Path) -> str | None:
    try:
        return json.loads((site / STAMP).read_text(encoding="utf-8")).get("configuration")
    except (OSError, ValueError, AttributeError):
        return None


@contextlib.contextmanager
def _without_dirty_warning():
    """MkDocs' dirty-build warning dropped from its logger while a build runs."""
    build_logger, dirty_filter = logging.getLogger("mkdocs.commands.build"), _DropDirtyWarning()
    build_logger.addFilter(dirty_filter)
    try:
        yield
    finally:
        build_logger.removeFilter(dirty_filter)


class _DropDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation stale, which strict mode
    counts as a failure. Chronique's navigation is fixed in mkdocs.yml, and the
    pages that list articles are rewritten whenever those articles change."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def build_site(
    config_file: Path,
    full: bool = False,
    quiet: bool = False,
    jobs: int | None = None,
    thresholds: Thresholds = Thresholds(),
    executor=None,
) -> tuple[Path, bool]:
    """MkDocs, strict. Returns (site folder, whether the build was incremental). A full
    build of a large site (thresholds.site_pages) renders on `jobs` cores (default: all,
    at most MAX_SHARES), or with an executor (chronique/executors.py: a Dask cluster)
    in as many shares as it has workers (at most MAX_SHARES too)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), strict=True)
    site = Path(config.site_dir)
    wanted = configuration_digest(config_file)
    incremental = not full and (site / "index.html").is_file() and read_stamp(site) == wanted
    (site / STAMP).unlink(missing_ok=True)  # written again only once this build succeeds
    with _without_dirty_warning():
        shares = 1 if incremental else render_shares(config, jobs, thresholds.site_pages, executor)
        if shares > 1:
            build_in_shares(config, shares, executor)
        else:
            build(config, dirty=incremental)
    if incremental:
        removed = remove_stale(config)
        if removed and not quiet:
            print(f"Site : {count(removed, 'fichier retiré', 'fichiers retirés')} de {site} (leur page n'existe plus)")
    (site / STAMP).write_text(json.dumps({"configuration": wanted}) + "\n", encoding="utf-8")
    return site, incremental


def render_shares(config, jobs: int | None, from_pages: int, executor=None) -> int:
    cores = executor.workers() if executor is not None else jobs or os.cpu_count() or 1
    if cores < 2 or (executor is None and "fork" not in multiprocessing.get_all_start_methods()):
        return 1
    pages = sum(1 for _ in Path(config.docs_dir).rglob("*.md"))
    return min(cores, MAX_SHARES) if pages >= from_pages else 1


def build_in_shares(config, shares: int, executor=None) -> None:
    """A full build on several cores. MkDocs renders one page at a time, so the site
    folder is emptied as MkDocs would, then each of `shares` processes renders every
    shares-th page as a "dirty" build of its own pages (the hooks' on_files leave it
    the others); share 0 also writes the theme's files, the 404 page and the sitemap.
    The site is the same, byte for byte, as one process makes it
    (tests/test_site_driver.py). A link to an anchor of a page that another process
    rendered is not checked in such a build (MkDocs checks anchors among the pages it
    rendered); an incremental build and a small site check them all.

    The shares are mapped by an executor (chronique/executors.py): forked processes by
    default, or a Dask cluster's workers. Each reads mkdocs.yml again from its path and
    writes its pages into site/ itself (only its error, or None, comes back): a Dask
    worker must see the same docs/ and site/ folders, as a local cluster's do."""
    from mkdocs.utils import clean_directory

    clean_directory(config.site_dir)
    executor = executor or LocalProcesses(shares)
    errors = executor.map(functools.partial(_build_share_reported, config.config_file_path, shares), range(shares))
    if failed := [k for k, error in enumerate(errors) if error is not None]:
        parts = ", ".join(map(str, failed))
        raise RuntimeError(f"le rendu de la part {parts} sur {shares} a échoué (voir ci-dessus)")


def _build_share(config_file: str, k: int, shares: int) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file, strict=True)
    os.environ[SHARE_VARIABLE] = f"{k}/{shares}"
    try:
        # a Dask worker has not the filter build_site put on the logger (a forked process has)
        with _without_dirty_warning():
            build(config, dirty=True)
    finally:
        del os.environ[SHARE_VARIABLE]


def _build_share_reported(config_file: str, shares: int, k: int) -> str | None:
    """A share, rendered: None, or its error as text (plain data from another process)."""
    try:
        _build_share(config_file, k, shares)
    except Exception as error:  # mkdocs' Abort in strict mode, a template error
        print(f"chronique.site : part {k} sur {shares} : {error}", file=sys.stderr)
        return str(error) or type(error).__name__
    return None


def expected_outputs(config) -> set[str]:
    """Every file the current docs/, theme and hooks make MkDocs write, relative to site/."""
    from mkdocs.structure.files import get_files

    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    redirects = set(redirect_outputs(config.docs_dir))  # written by the hooks after MkDocs' own files
    listed = {file.dest_uri for file in files if file.inclusion.is_included()}
    return listed | set(SHIPPED) | set(TEMPLATE_OUTPUTS) | redirects  # SHIPPED: added by the hooks' on_files


def remove_stale(config) -> int:
    """Remove from site/ what no current source produces (an article held back, renamed,
    or a list page that no longer exists). Returns the number of files removed."""
    site = Path(config.site_dir)
    wanted = expected_outputs(config)
    removed = 0
    for path in sorted(site.rglob("*"), reverse=True):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(KEPT[0]) or rel == KEPT[1]:
            continue
        if path.is_file() or path.is_symlink():
            if rel not in wanted:
                path.unlink()
                removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronique.site", description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--full", action="store_true", help="render every page again (as a fresh clone would)")
    parser.add_argument("--no-search", action="store_true", help="skip the search index")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument(
        "--scheduler", help="render a full build's shares on this Dask scheduler's workers (tcp://host:8786)"
    )
    parser.add_argument(
        "--workers", type=int, default=0, help="render a full build's shares on a local Dask cluster of N processes"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(levelname)-7s -  %(message)s")
    start = time.perf_counter()
    try:
        with _executor(args.scheduler, args.workers) as executor:
            site, incremental = build_site(args.config_file, full=args.full, quiet=args.quiet, executor=executor)
    except DaskMissing as error:
        print(f"chronique.site : {error}", file=sys.stderr)
        return 2
    except Exception as error:  # mkdocs' Abort in strict mode, a template error
        print(f"chronique.site : échec de mkdocs build : {error}", file=sys.stderr)
        return 1
    if not args.quiet:
        kind = "incrémental (pages modifiées seulement)" if incremental else "complet"
        print(f"Site : rendu {kind} en {time.perf_counter() - start:.1f} s")
    if not args.no_search:
        from .search import index_site

        index_site(site, quiet=args.quiet)
    return 0


@contextlib.contextmanager
def _executor(scheduler: str | None, workers: int):
    """A Dask cluster when asked for (--scheduler, --workers), else None: forked processes."""
    if not scheduler and not workers:
        yield None
        return
    with DaskCluster(scheduler, workers or 2) as cluster:
        yield cluster


if __name__ == "__main__":
    sys.exit(main())
