"""Leftovers: a run killed mid-way (SIGKILL: no cleanup code runs) leaves nothing that
the next run does not clean up, and nothing it may leave shows in `git status`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from chronique.site import search
from tests.conftest import ROOT

PAGE = (
    '<!doctype html><html lang="fr"><head><title>{title}</title></head><body><article class="md-content__inner">'
    "<div data-pagefind-body><h1>{title}</h1><p>{text}</p></div></article></body></html>"
)

KILLED_WHILE_INDEXING = r"""
import os, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from chronique.site import search

def killed(*args, **kwargs):  # Pagefind is running on the work folder's pages: the run dies
    os.kill(os.getpid(), signal.SIGKILL)

search.run_pagefind = killed
search.index_site(Path(sys.argv[2]), quiet=True)
"""


def small_site(root: Path) -> Path:
    site = root / "site"
    for slug, title, text in [
        ("ligne", "La ligne ferroviaire avance", "Les ingénieurs ont inspecté les ponts."),
        ("ecoles", "De nouvelles écoles", "Trois écoles primaires ont ouvert leurs portes."),
    ]:
        page = site / "articles" / slug / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(PAGE.format(title=title, text=text), encoding="utf-8")
    (site / "index.html").write_text(PAGE.format(title="Accueil", text="Accueil"), encoding="utf-8")
    return site


def work_folders(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".pagefind-"))


def test_a_kill_during_search_indexing_leaves_nothing_the_next_run_does_not_clean(tmp_path):
    site = small_site(tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_INDEXING, str(ROOT), str(site)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    left = work_folders(tmp_path)
    assert len(left) == 1 and left[0].startswith(".pagefind-")  # what the kill left, with its pages

    assert search.index_site(site, quiet=True) == 2  # the next run indexes, and cleans up
    assert work_folders(tmp_path) == []
    assert (site / search.BUNDLE / search.STAMP).is_file()


def test_only_the_work_folders_of_runs_that_are_gone_are_removed(tmp_path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    gone = tmp_path / f".pagefind-{dead.stdout.strip()}-abc123"
    running = tmp_path / f".pagefind-{os.getpid()}-def456"  # a run going on now (this process)
    older = tmp_path / ".pagefind-k2j3h4g5"  # named by an older version, without its process
    unrelated = tmp_path / ".pagefinder-notes"
    for folder in (gone, running, older, unrelated):
        (folder / "articles").mkdir(parents=True)
        (folder / "articles" / "index.html").write_text("x", encoding="utf-8")
    assert sorted(search.remove_stale_work(tmp_path)) == sorted([older.name, gone.name])
    assert not gone.exists() and not older.exists()
    assert running.is_dir() and unrelated.is_dir()


def test_what_a_killed_run_may_leave_is_gitignored(tmp_path):
    names = [
        ".pagefind-1234-abcd/articles/x/index.html",
        ".docs.staging/index.md",
        ".docs.old/index.md",
        ".docs.chronique.lock",
        ".autre-docs.staging/index.md",
        ".autre-docs.chronique.lock",
        ".cache/extract/0123-abcd.tmp",
    ]
    run = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        input="\n".join(names),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert sorted(run.stdout.split()) == sorted(names)
