"""Same site whichever executor runs the model and the rule-based extraction
(chronique/executors.py): forked local processes, or a two-worker Dask local cluster,
or this process alone. docs/ compared byte for byte; a bug met on one article in a
worker is reported for that article, and the others build."""

from __future__ import annotations

import functools
import shutil
import signal
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import pytest

from chronique import extract, extract_batch, pipeline, synth
from chronique.entities import Entities
from chronique.executors import DaskCluster, LocalProcesses, StopFlag, in_background
from chronique.model import ERROR, Thresholds

from .conftest import ROOT, alive, build_folder

pytest.importorskip("distributed", reason="requirements-dask.txt")

FIXTURES = ROOT / "tests" / "fixtures" / "executors"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    """Three French articles written for this test, beside 70 synthetic ones (two chunks of the model)."""
    folder = tmp_path_factory.mktemp("executors") / "seeds"
    synth.write_corpus(70, folder, seed="executors")
    for article in FIXTURES.glob("*.txt"):
        shutil.copy(article, folder / article.name)
    return folder


def test_local_processes_return_the_results_in_the_order_of_the_items():
    assert LocalProcesses(2).map(lambda n: n * n, list(range(50))) == [n * n for n in range(50)]


def test_local_processes_yield_the_results_in_order_and_stop_when_closed():
    results = LocalProcesses(2).imap(functools.partial(pow, 2), list(range(40)))
    assert list(islice(results, 3)) == [1, 2, 4]
    results.close()  # the pool ended: nothing left running, nothing raised
    assert list(LocalProcesses(2).imap(abs, [])) == []


def recording(monkeypatch, executor, method: str, calls: list):
    """Records (module of the function mapped, number of items) for each call of `method`."""
    real = getattr(executor, method)

    def spy(self, function, items):
        calls.append((getattr(function, "func", function).__module__, len(items)))
        return real(self, function, items)

    monkeypatch.setattr(executor, method, spy)


def test_a_dask_cluster_builds_the_same_docs_byte_for_byte_as_local_processes(seeds, tmp_path, monkeypatch):
    # the model's names and the rules on the executors, small as the corpus is
    every_article = Thresholds(extraction_articles=1)
    here = build_folder(seeds, tmp_path / "here", jobs=1)  # no executor at all: the reference
    local_calls, dask_calls = [], []
    recording(monkeypatch, LocalProcesses, "imap", local_calls)
    local = build_folder(seeds, tmp_path / "local", jobs=2, thresholds=every_article)
    recording(monkeypatch, DaskCluster, "map", dask_calls)
    recording(monkeypatch, DaskCluster, "imap", dask_calls)
    build_folder(seeds, tmp_path / "dask", dask_workers=2, thresholds=every_article)
    # 73 articles as bytes, in two chunks (each parsed, named by the model, then read by the rules)
    assert local_calls == [("chronique.extract_batch", 2)]
    assert dask_calls == [("chronique.extract_batch", 2)]
    assert len(local.site.entries) >= 70
    assert any(entry.article.people for entry in local.site.entries)  # the model did run
    assert any(entry.article.figures for entry in local.site.entries)  # and the rules
    here_files, local_files, dask_files = tree(tmp_path / "here"), tree(tmp_path / "local"), tree(tmp_path / "dask")
    assert list(dask_files) == list(local_files) == list(here_files)
    assert dask_files == local_files
    assert local_files == here_files
    assert local.problems == here.problems


def test_the_rules_stay_in_this_process_below_the_threshold(seeds, tmp_path, monkeypatch):
    """73 articles, under the default threshold (200): the rules are read here, on two
    jobs as on one (a fork would cost more than the second it saves)."""
    calls = []
    recording(monkeypatch, LocalProcesses, "imap", calls)
    monkeypatch.setattr(extract_batch, "EntityExtractor", lambda rules: NoNames())
    result = build_folder(seeds, tmp_path / "docs", jobs=2)
    assert calls == []
    assert len(result.site.entries) >= 70


class NoNames:
    """Stands in for the model: no names, at once (these tests are about the rules)."""

    def extract_many(self, texts):
        return [Entities((), (), ()) for _ in texts]


BROKEN = "ecoles_luang_prabang.txt"


def break_one_article():
    """Run in every worker (and here, for the local build): extraction fails on BROKEN alone,
    and the model finds no names (these tests are about the rules)."""
    extract_batch.EntityExtractor = lambda rules: NoNames()
    real = extract.extraction

    def failing(source, *args, **kwargs):
        if source.name == BROKEN:
            raise RuntimeError("une erreur de test")
        return real(source, *args, **kwargs)

    extract.extraction = failing
    return real


class BrokenDaskCluster(DaskCluster):
    """A local cluster whose workers fail on one article (break_one_article sent to each)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.client.run(break_one_article)


@pytest.mark.parametrize("where", ["local", "dask"])
def test_an_article_failing_in_a_worker_is_reported_and_the_others_build(where, seeds, tmp_path, monkeypatch):
    monkeypatch.setattr(extract_batch, "EntityExtractor", lambda rules: NoNames())
    every_article = Thresholds(extraction_articles=1)
    if where == "local":
        monkeypatch.setattr(extract, "extraction", extract.extraction)  # restored after the test
        break_one_article()  # inherited by the forked workers
        calls = []
        recording(monkeypatch, LocalProcesses, "imap", calls)
        result = build_folder(seeds, tmp_path / "docs", jobs=2, thresholds=every_article)
        assert calls == [("chronique.extract_batch", 2)]  # it was a worker that met it
    else:
        monkeypatch.setattr(pipeline, "DaskCluster", BrokenDaskCluster)
        result = build_folder(seeds, tmp_path / "docs", dask_workers=2, thresholds=every_article)
    failures = [p for p in result.problems if p.field == "extraction"]
    assert [(p.file, p.severity) for p in failures] == [(BROKEN, ERROR)]
    assert "RuntimeError : une erreur de test" in failures[0].message
    built = {entry.article.seed for entry in result.site.entries}
    assert BROKEN not in built
    assert len(built) == len(list(seeds.glob("*.txt"))) - 1  # every other article is on the site


def test_in_background_runs_a_task_in_another_process_beside_this_one():
    import os

    waiting = in_background(os.getpid)
    assert waiting() != os.getpid()
    assert in_background(os.getpid, enabled=False)() == os.getpid()  # off: here, when asked


def test_in_background_raises_the_error_of_its_task_here():
    def failing():
        raise ValueError("une erreur dans le processus fils")

    waiting = in_background(failing)
    with pytest.raises(ValueError, match="processus fils"):
        waiting()


def test_a_task_in_background_sees_the_stop_flag_set_after_it_was_forked():
    stop = StopFlag()

    def wait_for_the_flag():
        deadline = time.monotonic() + 30
        while not stop.is_set():
            if time.monotonic() > deadline:
                return "never stopped"
            time.sleep(0.01)
        return "stopped"

    waiting = in_background(wait_for_the_flag)
    stop.set()
    assert waiting() == "stopped"


# A process that forks workers which would sleep for two minutes, and writes their pids.
FORKS = """
import os, sys, time
sys.path.insert(0, sys.argv[1])
from chronique.executors import LocalProcesses, in_background
def sleep(n):
    with open(os.path.join(sys.argv[2], str(os.getpid())), "w"):
        pass
    time.sleep(120)
    return n
if sys.argv[3] == "pool":
    list(LocalProcesses(2).imap(sleep, [1, 2]))
else:
    in_background(lambda: sleep(0))()
"""


@pytest.mark.parametrize("how", ["pool", "in_background"])
def test_a_forked_worker_is_killed_with_the_process_that_forked_it(how, tmp_path):
    forker = subprocess.Popen([sys.executable, "-c", FORKS, str(ROOT), str(tmp_path), how])
    expected = 2 if how == "pool" else 1
    deadline = time.monotonic() + 60
    while len(list(tmp_path.iterdir())) < expected:
        assert forker.poll() is None and time.monotonic() < deadline, "the workers never started"
        time.sleep(0.01)
    workers = [int(p.name) for p in tmp_path.iterdir()]
    forker.send_signal(signal.SIGKILL)
    forker.wait(timeout=30)
    deadline = time.monotonic() + 5  # long before their two minutes
    while any(alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived the process that forked it"
        time.sleep(0.01)
