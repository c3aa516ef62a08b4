"""Shared fixtures: the fixture site (tests/fixtures/site/) built once per session, in
a temporary folder, and a guard that fails any test reading the newsroom's seeds/.

The tests never depend on what the newsroom puts in seeds/: adding, correcting,
holding or removing an article there must never break `make test`, or the site
would stop deploying (issue #16). tests/test_newsroom_day.py checks it end to end."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from chronique.model import Settings
from chronique.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
# The team's own articles, written for the tests: the session's site, the golden tree
# and the browser tests are built from them (README: "Tests").
FIXTURE_SITE = Path(__file__).resolve().parent / "fixtures" / "site"
# The newsroom's folder: no test may read it (see SeedsGuard).
NEWSROOM_SEEDS = ROOT / "seeds"
# The build's plausibility window ends here in tests, so results never depend on the clock.
TODAY = dt.date(2026, 11, 25)


def build_folder(seeds: Path, docs: Path, **options):
    return build(Settings(seeds=seeds, docs=docs, progress=False, today=TODAY, **options))


def alive(pid: int) -> bool:
    """Whether process pid still runs (a zombie has ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def copy_site_fixtures(target: Path) -> Path:
    """tests/fixtures/site/ (articles, their sidecar, aliases.yml) copied to `target`."""
    shutil.copytree(FIXTURE_SITE, target)
    return target


@pytest.fixture(scope="session")
def site_build(tmp_path_factory):
    """(BuildResult, docs folder) for the fixture site's articles (tests/fixtures/site/)."""
    root = tmp_path_factory.mktemp("site-build")
    seeds = copy_site_fixtures(root / "seeds")
    docs = root / "docs"
    copy_hand_written_docs(docs)
    return build_folder(seeds, docs), docs


def fixture_page(result, docs: Path, stem: str) -> str:
    """The text of the page of the fixture article `stem` (its file name without .txt),
    found through the build result rather than a URL written into the test."""
    return (docs / result.site.by_id[stem].path).read_text(encoding="utf-8")


def copy_hand_written_docs(target: Path) -> None:
    """The project's own hand-written pages and assets (what build.py never writes)."""
    from chronique.publish import copy_hand_written

    copy_hand_written(ROOT / "docs", target)


@pytest.fixture
def seed_folder(tmp_path):
    """A helper to write small fixture articles: seed_folder({"name.txt": text})."""

    def make(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "seeds"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return folder

    return make


def mkdocs_project(docs: Path, workdir: Path) -> Path:
    """A folder with the project's mkdocs.yml, its theme overrides and hooks, and `docs`
    as its docs folder. Returns its mkdocs.yml."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ("overrides", "chronique"):
        if (ROOT / name).exists() and not (workdir / name).exists():
            (workdir / name).symlink_to(ROOT / name)
    if (workdir / "docs").resolve() != docs.resolve():
        if (workdir / "docs").exists() or (workdir / "docs").is_symlink():
            (workdir / "docs").unlink()
        (workdir / "docs").symlink_to(docs.resolve())
    return workdir / "mkdocs.yml"


def mkdocs_build(docs: Path, workdir: Path) -> tuple[int, str, Path]:
    """`mkdocs build --strict` of a generated docs folder with the project's own
    configuration and theme overrides. Returns (exit status, output, site folder)."""
    import os
    import subprocess
    import sys

    mkdocs_project(docs, workdir)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(workdir / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=workdir,
    )
    return run.returncode, run.stdout + run.stderr, workdir / "site"


# -- the newsroom's seeds/ are out of bounds ---------------------------------------------
class SeedsRead(RuntimeError):
    """A test read the newsroom's seeds/ (raised where it happened, and the test fails)."""


class SeedsGuard:
    """An audit hook (PEP 578) that sees every file a test opens, lists or copies and
    every command it starts: touching the newsroom's seeds/ raises SeedsRead, and the
    test fails even if the code in between swallowed the exception. It watches only
    while a test runs (its fixtures included): pytest's own collection may list the
    folder. A command counts when one of its arguments names seeds/, or when it runs
    build.py from the project's folder without --seeds (build.py's default is seeds/)."""

    # audit event -> how many of its first arguments are paths
    PATH_EVENTS = {
        "open": 1,
        "os.listdir": 1,
        "os.scandir": 1,
        "os.chdir": 1,
        "os.mkdir": 1,
        "os.remove": 1,
        "os.rename": 2,
        "glob.glob": 1,
        "shutil.copyfile": 2,
        "shutil.copytree": 2,
        "shutil.rmtree": 1,
    }

    def __init__(self, seeds: Path):
        self.seeds = os.path.abspath(seeds)
        self.active = False
        self.touched: list[str] = []

    def inside(self, path) -> bool:
        try:
            path = os.fsdecode(os.fspath(path))
        except TypeError:  # a file descriptor, or no path at all
            return False
        path = os.path.abspath(path)
        return path == self.seeds or path.startswith(self.seeds + os.sep)

    def command_reads_seeds(self, args, cwd) -> bool:
        words = [os.fsdecode(a) for a in ([args] if isinstance(args, (str, bytes, os.PathLike)) else args or ())]
        if any(self.inside(word.split("=", 1)[-1]) for word in words):  # seeds/x.txt, --seeds=seeds
            return True
        # python build.py … or python -m chronique.pipeline … (not ruff reading build.py)
        runs_build = (
            len(words) > 1
            and os.path.basename(words[0]).startswith("python")
            and (words[1].endswith("build.py") or words[1:3] == ["-m", "chronique.pipeline"])
        )
        where = os.path.abspath(os.fsdecode(cwd)) if cwd is not None else os.getcwd()
        return runs_build and "--seeds" not in words and where == os.path.dirname(self.seeds)

    def __call__(self, event: str, args: tuple) -> None:
        if not self.active:
            return
        if event == "open" and args[1] is None and not os.path.isabs(os.fsdecode(args[0])):
            return  # os.open of a name relative to a folder's descriptor (chronique/seeds.py), not to the cwd
        if event in self.PATH_EVENTS:
            reads = any(self.inside(path) for path in args[: self.PATH_EVENTS[event]] if path is not None)
        elif event == "subprocess.Popen":
            reads = self.command_reads_seeds(args[1], args[2])
        else:
            return
        if reads:
            self.touched.append(f"{event} {args[:2]!r}")
            raise SeedsRead(f"a test read the newsroom's {self.seeds} ({event}): use tests/fixtures/site/")

    @contextmanager
    def lifted(self):
        """For the one test that copies the whole project, seeds/ included, to edit the
        copy as the newsroom would (tests/test_newsroom_day.py)."""
        self.active = False
        try:
            yield
        finally:
            self.active = True

    @contextmanager
    def expected(self):
        """For the guard's own test: what is touched inside is forgotten."""
        try:
            yield
        finally:
            self.touched.clear()


SEEDS_GUARD = SeedsGuard(NEWSROOM_SEEDS)
sys.addaudithook(SEEDS_GUARD)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    SEEDS_GUARD.active = True
    try:
        yield
    finally:
        SEEDS_GUARD.active = False


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if SEEDS_GUARD.touched:
        report.outcome = "failed"
        touched = "; ".join(SEEDS_GUARD.touched)
        report.longrepr = f"{item.nodeid} read the newsroom's seeds/ ({touched}): build from tests/fixtures/site/"
        SEEDS_GUARD.touched.clear()
