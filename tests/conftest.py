"""Shared fixtures: the five seeds built once per session, in a temporary folder."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from chronique.model import Settings
from chronique.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# The build's plausibility window ends here in tests, so results never depend on the clock.
TODAY = dt.date(2026, 11, 25)


def build_folder(seeds: Path, docs: Path, **options):
    return build(Settings(seeds=seeds, docs=docs, progress=False, today=TODAY, **options))


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """(BuildResult, docs folder) for the project's five seed articles."""
    root = tmp_path_factory.mktemp("seeds-build")
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    docs = root / "docs"
    copy_hand_written_docs(docs)
    return build_folder(seeds, docs), docs


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
