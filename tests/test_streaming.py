"""Pages streamed to docs/'s staging copy as they are put (chronique/publish.py): the
same problems, in the same order, and the same docs/ as publish() given every page at
once; a staging left or failed leaves docs/ as it was.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from chronique import publish
from chronique.model import ERROR, Problem


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def leftovers(docs: Path) -> list[str]:
    return sorted(p.name for p in docs.parent.iterdir() if p.name.startswith(f".{docs.name}.") and "lock" not in p.name)


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
