"""What the hostile-input tests share: innocent articles written at test time, a build
with a stand-in for spaCy, a record of every file the build opened, and a deadline.

Each family of hostile input (tests/test_hostile_*.py) builds a seeds folder holding
the innocent articles beside the hostile entry, then asserts that the problem names
the file and says what is wrong, that every innocent article is built, and that
nothing outside the seeds folder was opened.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from pathlib import Path

from chronique import extract_batch, pipeline
from chronique.entities import Entities
from chronique.model import Settings
from tests.conftest import TODAY

INNOCENT = {
    "innocent_rail.txt": " date 2025-03-12 La ligne ferroviaire avance vers Vientiane\n\n"
    "Les ingénieurs ont inspecté les ponts de la ligne qui doit relier Vientiane à la côte.\n\n"
    "Les essais de circulation des trains de marchandises commenceront au printemps.\n",
    "innocent_schools.txt": " date 2025-05-02 De nouvelles écoles à Luang Prabang\n\n"
    "Trois écoles primaires financées par le Vietnam ont ouvert leurs portes à Luang Prabang.\n\n"
    "Elles accueillent six cents élèves des villages de la vallée.\n",
}
INNOCENT_IDS = {name.removesuffix(".txt") for name in INNOCENT}
# what a file outside the seeds folder holds: it must never reach a page, a feed or a message
SECRET = "root:x:0:0:secret-hors-du-dossier:/root:/bin/bash"


class NoEntities:
    """Stands in for spaCy: what is tested is the reading of the folder, not extraction."""

    def extract_many(self, texts):
        return [Entities((), (), ()) for _ in texts]


def write_innocent(seeds: Path) -> Path:
    seeds.mkdir(parents=True, exist_ok=True)
    for name, text in INNOCENT.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def write_outside(root: Path) -> Path:
    """A folder beside seeds/ holding a secret file: nothing in it may be opened."""
    outside = root / "outside"
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "passwd").write_text(SECRET + "\n", encoding="utf-8")
    (outside / "aliases.yml").write_text(f"people:\n  {SECRET}: [x]\n", encoding="utf-8")
    return outside


def build(seeds: Path, docs: Path) -> pipeline.BuildResult:
    original, extract_batch.EntityExtractor = extract_batch.EntityExtractor, lambda rules: NoEntities()
    try:
        return pipeline.build(Settings(seeds=seeds, docs=docs, progress=False, today=TODAY, cache=None))
    finally:
        extract_batch.EntityExtractor = original


_OPENED: list[str] | None = None


def _record_open(event: str, args: tuple) -> None:
    if _OPENED is not None and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        _OPENED.append(os.fsdecode(args[0]))


@contextlib.contextmanager
def opened_files():
    """The paths of every file opened in the block (Python's audit hook for open())."""
    global _OPENED
    if not getattr(sys, "_chronique_hook", False):
        sys.addaudithook(_record_open)
        sys._chronique_hook = True
    _OPENED = opened = []
    try:
        yield opened
    finally:
        _OPENED = None


def opened_inside(opened: list[str], folder: Path) -> list[str]:
    folder = os.path.realpath(folder)
    return [path for path in opened if os.path.realpath(path).startswith(folder + os.sep)]


@contextlib.contextmanager
def deadline(seconds: int):
    """Fails the block instead of hanging it (a FIFO opened for reading blocks forever)."""

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s: the build hangs")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def everything_written(result: pipeline.BuildResult, docs: Path) -> str:
    """Every generated file's text and every problem, as one text to search."""
    texts = [text for text in result.files.values()]
    texts += [
        (docs / rel).read_text(encoding="utf-8", errors="replace") for rel in result.files if (docs / rel).exists()
    ]
    texts += [f"{p.file} {p.field} {p.message}" for p in result.problems]
    return "\n".join(texts)


def build_under_memory_cap(seeds: Path, docs: Path, megabytes: int = 1536, timeout: int = 300):
    """The build in a subprocess whose address space is capped (RLIMIT_AS): what a bomb
    would allocate fails there, not in the test run. Returns (exit status, problems as
    (file, severity, field, message), ids built, stderr)."""
    import json
    import subprocess
    import textwrap

    from tests.conftest import ROOT

    script = textwrap.dedent(
        f"""
        import json, resource, sys
        cap = {megabytes} * 1024**2
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from tests.hostile_helpers import build
        result = build(Path({str(seeds)!r}), Path({str(docs)!r}))
        print(json.dumps({{
            "problems": [[p.file, p.severity, p.field, p.message] for p in result.problems],
            "built": sorted(e.article.id for e in result.site.entries),
        }}))
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=False
    )
    if run.returncode != 0:
        return run.returncode, [], [], run.stderr
    found = json.loads(run.stdout.splitlines()[-1])
    return 0, [tuple(p) for p in found["problems"]], found["built"], run.stderr
