"""Pages streamed to docs/'s staging copy as they are rendered: no process holds every
page's text (chronique/publish.py, chronique/write.py).

A render that fails mid-way, in this process or in the forked one that renders the
article pages, or a build killed while the fork writes, leaves the last good docs/ byte
for byte and no staging copy. The build's result holds only the digests of the pages
it wrote, reads them back from docs/ and fails loudly once docs/ has changed since.
"""

from __future__ import annotations

import json
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronique import publish, write
from chronique.model import ERROR, Problem, Thresholds
from chronique.publish import MANIFEST, PagesChanged
from tests.conftest import ROOT, alive, build_folder, copy_site_fixtures
from tests.hostile_helpers import NoEntities

EVERY_ARTICLE = Thresholds(render_articles=1)  # the article pages in a forked process, however few


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def leftovers(docs: Path) -> list[str]:
    return sorted(p.name for p in docs.parent.iterdir() if p.name.startswith(f".{docs.name}.") and "lock" not in p.name)


@pytest.fixture
def no_model(monkeypatch):
    from chronique import extract_batch

    monkeypatch.setattr(extract_batch, "EntityExtractor", lambda rules: NoEntities())


@pytest.fixture
def last_good(tmp_path, no_model):
    """A site built once (the fixture site's articles), then one more article: the next
    build would change docs/."""
    seeds = copy_site_fixtures(tmp_path / "seeds")
    docs = tmp_path / "docs"
    build_folder(seeds, docs, cache=None)
    (seeds / "zz_nouveau.txt").write_text(
        " date 2025-07-01 Un nouvel article sur le port sec\n\nLe texte du port sec de Thanaleng.\n", encoding="utf-8"
    )
    return seeds, docs, snapshot(docs)


def failing_on(template: str, n: int, monkeypatch):
    """Renderer._page raising on the n-th page of `template` (counted in each process)."""
    real = write.Renderer._page
    seen = {"count": 0}

    def page(self, name, path, **context):
        if name == template:
            seen["count"] += 1
            if seen["count"] == n:
                raise RuntimeError(f"injected: page {n} of {template}")
        return real(self, name, path, **context)

    monkeypatch.setattr(write.Renderer, "_page", page)


@pytest.mark.parametrize("jobs", [1, 2], ids=["one_process", "article_pages_forked"])
def test_a_render_failing_at_an_article_page_leaves_the_last_good_docs_and_no_staging(jobs, last_good, monkeypatch):
    seeds, docs, before = last_good
    failing_on("article.md.j2", 5, monkeypatch)  # four article pages already written to the staging copy
    with pytest.raises(RuntimeError, match="injected: page 5 of article.md.j2"):
        build_folder(seeds, docs, cache=None, jobs=jobs, thresholds=EVERY_ARTICLE)
    assert snapshot(docs) == before
    assert leftovers(docs) == []


def test_a_list_page_failing_while_the_fork_writes_article_pages_stops_it_first(last_good, monkeypatch, tmp_path):
    """The list pages fail here while the fork is still writing article pages: the fork is
    stopped and waited for before the staging copy is removed, so nothing is written
    there afterwards (no staging copy comes back) and it did not render every article."""
    seeds, docs, before = last_good
    written = tmp_path / "written"
    real_article = write.Renderer._article

    def article(self, entry):  # slow, and counted in a file: the fork's pages are seen from here
        time.sleep(0.2)
        with open(written, "a", encoding="utf-8") as log:
            log.write(f"{entry.path}\n")
        return real_article(self, entry)

    monkeypatch.setattr(write.Renderer, "_article", article)
    failing_on("index.md.j2", 1, monkeypatch)  # the first list page
    with pytest.raises(RuntimeError, match="injected: page 1 of index.md.j2"):
        build_folder(seeds, docs, cache=None, jobs=2, thresholds=EVERY_ARTICLE)
    assert leftovers(docs) == []
    time.sleep(0.3)
    assert leftovers(docs) == [] and snapshot(docs) == before
    rendered = written.read_text(encoding="utf-8").splitlines() if written.exists() else []
    assert len(rendered) < len(list(seeds.glob("*.txt")))


KILLED = r"""
import os, pathlib, sys, time
sys.path.insert(0, sys.argv[1])
from chronique import extract_batch, write
from chronique.model import Thresholds
from tests.conftest import build_folder
from tests.hostile_helpers import NoEntities

extract_batch.EntityExtractor = lambda rules: NoEntities()
seeds, docs, fork_pid = pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
real_article = write.Renderer._article

def article(self, entry):  # the fork writes its pid once it writes pages, then renders slowly (14 s)
    if not fork_pid.exists():
        fork_pid.write_text(str(os.getpid()))
    time.sleep(2)
    return real_article(self, entry)

write.Renderer._article = article
build_folder(seeds, docs, cache=None, jobs=2, thresholds=Thresholds(render_articles=1))
"""


def test_a_build_killed_while_its_fork_writes_pages_leaves_the_last_good_docs_and_ends_the_fork(last_good, tmp_path):
    seeds, docs, before = last_good
    fork_pid, errors = tmp_path / "fork.pid", tmp_path / "stderr"
    with open(errors, "w", encoding="utf-8") as stderr:  # a file, not a pipe: the fork would hold it open
        build = subprocess.Popen(
            [sys.executable, "-c", KILLED, str(ROOT), str(seeds), str(docs), str(fork_pid)],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    deadline = time.monotonic() + 120
    while not fork_pid.exists() or not fork_pid.read_text():
        assert build.poll() is None, errors.read_text(encoding="utf-8")
        assert time.monotonic() < deadline, "the fork never started"
        time.sleep(0.01)
    pid = int(fork_pid.read_text())
    assert pid != build.pid
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=60)
    deadline = time.monotonic() + 5  # long before it would have rendered its pages
    while alive(pid):  # killed with the build (PR_SET_PDEATHSIG): it holds the lock no more
        assert time.monotonic() < deadline, "the fork outlived the build"
        time.sleep(0.01)
    assert snapshot(docs) == before

    result = build_folder(seeds, docs, cache=None)  # at once: no fork holds the lock; the staging goes
    assert leftovers(docs) == []
    assert "zz_nouveau" in result.site.by_id and snapshot(docs) != before


# -- the build's result ------------------------------------------------------------------------
@pytest.mark.parametrize("jobs", [1, 2], ids=["one_process", "article_pages_forked"])
def test_the_result_holds_only_digests_of_the_pages_written(jobs, tmp_path, no_model, monkeypatch):
    seeds = copy_site_fixtures(tmp_path / "seeds")
    docs = tmp_path / "docs"
    merged = []
    real_merge = publish.Staging.merge

    def merge(self, puts):  # what comes back from the renderer's branch (the fork's, with jobs=2)
        merged.append(puts)
        return real_merge(self, puts)

    monkeypatch.setattr(publish.Staging, "merge", merge)
    result = build_folder(seeds, docs, cache=None, jobs=jobs, thresholds=EVERY_ARTICLE)
    pages = result.files
    assert isinstance(pages, publish.GeneratedPages)
    manifest = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    assert pages._unwritten == {}  # no text held: every page is in docs/
    assert pages._written == manifest and sorted(pages) == sorted(manifest) == list(pages)
    assert all(len(digest) == 64 and int(digest, 16) >= 0 for digest in pages._written.values())

    # the article pages came back as digests only, whether the fork or this process rendered them
    [articles] = merged
    assert articles.unwritten == {} and articles.problems == []
    assert set(articles.entries) == {e.path for e in result.site.entries}
    assert all(len(digest) == 64 for digest in articles.entries.values())

    # and the mapping reads as the dict of every page's text did
    texts = {rel: (docs / rel).read_text(encoding="utf-8") for rel in manifest}
    assert dict(pages) == texts and pages == texts and len(pages) == len(texts)
    assert "index.md" in pages and "absent.md" not in pages
    assert pages["index.md"] == texts["index.md"]
    assert dict(pages.items()) == texts and list(pages.values()) == [texts[rel] for rel in sorted(texts)]


def test_the_result_keeps_the_text_of_a_page_it_did_not_write(tmp_path, no_model):
    seeds = copy_site_fixtures(tmp_path / "seeds")
    docs = tmp_path / "docs"
    docs.mkdir()
    mine = "# Ma chronologie\n\nÉcrite à la main.\n"
    (docs / "chronologie.md").write_text(mine, encoding="utf-8")
    result = build_folder(seeds, docs, cache=None)
    assert (docs / "chronologie.md").read_text(encoding="utf-8") == mine
    assert list(result.files._unwritten) == ["chronologie.md"]
    assert result.files["chronologie.md"] != mine and result.files["chronologie.md"].startswith("---\n")
    assert "chronologie.md" in result.files and "chronologie.md" not in result.files._written


def test_reading_a_result_after_docs_changed_fails_loudly(tmp_path, no_model):
    seeds = copy_site_fixtures(tmp_path / "seeds")
    docs = tmp_path / "docs"
    first = build_folder(seeds, docs, cache=None)
    page = next(e.path for e in first.site.entries)
    assert first.files[page] == (docs / page).read_text(encoding="utf-8")

    (docs / page).write_text(first.files[page].replace("---", "--- ", 1), encoding="utf-8")  # an edit
    with pytest.raises(PagesChanged, match=f"{page} a changé depuis la construction"):
        first.files[page]
    with pytest.raises(PagesChanged):
        dict(first.files)
    (docs / "index.md").unlink()
    with pytest.raises(PagesChanged, match="index.md ne se lit plus"):
        first.files["index.md"]
    assert first.files["chronologie.md"] == (docs / "chronologie.md").read_text(encoding="utf-8")  # untouched


# -- publish() and a streamed staging give the same -------------------------------------------------
def test_pages_put_in_any_order_give_publishs_problems_in_its_order(tmp_path):
    """The problems in the order publish() gave them: the stale pages' first, then the
    pages', each by path, whatever the order pages are put in (a fork's come back last)."""

    def docs_with_edits(root: Path) -> Path:
        docs = root / "docs"
        publish.publish({"a.md": "a\n", "b/c.md": "c\n", "d.md": "d\n", "gone.md": "g\n", "z.md": "z\n"}, docs)
        (docs / "d.md").write_text("d, édité\n", encoding="utf-8")  # an editor's edit
        (docs / "gone.md").write_text("g, édité\n", encoding="utf-8")  # edited, and no longer generated
        (docs / "m.md").write_text("à la main\n", encoding="utf-8")  # hand-written at a generated path
        return docs

    files = {"a.md": "a2\n", "b/c.md": "c\n", "d.md": "d2\n", "m.md": "m\n", "z.md": "z2\n"}
    in_one_go = docs_with_edits(tmp_path / "one")
    problems = publish.publish(files, in_one_go)
    assert [(p.file, p.severity) for p in problems] == [
        ("docs/gone.md", "warning"),
        ("docs/d.md", ERROR),
        ("docs/m.md", ERROR),
    ]

    streamed = docs_with_edits(tmp_path / "two")
    with publish.staged(streamed) as staging:
        branch = staging.branch()
        for rel in ("z.md", "m.md"):
            staging.put(rel, files[rel])
        for rel in ("d.md", "b/c.md", "a.md"):
            branch.put(rel, files[rel])
        staging.merge(branch.state())
        published = staging.finish()
    assert published.problems == problems
    assert snapshot(streamed) == snapshot(in_one_go)
    assert dict(published.pages) == files and published.pages._unwritten == {"d.md": "d2\n", "m.md": "m\n"}
    assert leftovers(streamed) == []


def test_a_page_put_twice_is_a_bug_said_at_once(tmp_path):
    docs = tmp_path / "docs"
    with pytest.raises(ValueError, match="page générée deux fois : a.md"), publish.staged(docs) as staging:
        staging.put("a.md", "a\n")
        staging.put("a.md", "a\n")
    assert not docs.exists() and leftovers(docs) == []
    with pytest.raises(ValueError, match="pages générées deux fois"), publish.staged(docs) as staging:
        branch = staging.branch()
        staging.put("a.md", "a\n")
        branch.put("a.md", "a\n")
        staging.merge(branch.state())
    assert not docs.exists() and leftovers(docs) == []


def test_a_staging_left_without_finish_is_removed_and_docs_untouched(tmp_path):
    docs = tmp_path / "docs"
    publish.publish({"a.md": "a\n"}, docs)
    before = snapshot(docs)
    with publish.staged(docs) as staging:
        staging.put("a.md", "autre\n")
        staging.put("b.md", "b\n")
    assert snapshot(docs) == before and leftovers(docs) == []


def test_what_a_branch_records_travels_pickled():
    """A forked renderer sends back its branch's Puts pickled: digests, unwritten texts, problems."""
    puts = publish.Puts({"a.md": "0" * 64}, {"b.md": "b\n"}, [("b.md", Problem("docs/b.md", "page", ERROR, "x"))])
    assert pickle.loads(pickle.dumps(puts)) == puts
