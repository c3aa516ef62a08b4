"""Same site whichever executor runs the model (chronique/executors.py): forked local
processes, or a two-worker Dask local cluster. docs/ compared byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chronique import synth
from chronique.executors import DaskCluster, LocalProcesses
from chronique.model import Thresholds

from .conftest import build_folder

pytest.importorskip("distributed", reason="requirements-dask.txt")

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "executors"


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


def test_a_dask_cluster_builds_the_same_docs_byte_for_byte_as_local_processes(seeds, tmp_path, monkeypatch):
    every_article = Thresholds(extraction_articles=1)  # the local build forks too, small as the corpus is
    local = build_folder(seeds, tmp_path / "local", jobs=2, thresholds=every_article)
    chunks = []
    dask_map = DaskCluster.map
    monkeypatch.setattr(
        DaskCluster, "map", lambda self, f, items: chunks.append(len(items)) or dask_map(self, f, items)
    )
    build_folder(seeds, tmp_path / "dask", dask_workers=2)
    assert chunks == [2]  # the model did run on the cluster's workers: 73 articles, two chunks
    assert len(local.site.entries) >= 70
    assert any(entry.article.people for entry in local.site.entries)  # the model did run
    local_files, dask_files = tree(tmp_path / "local"), tree(tmp_path / "dask")
    assert list(dask_files) == list(local_files)
    assert dask_files == local_files
