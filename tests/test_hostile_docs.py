"""The docs folder: hand-written pages, editors' edits of generated pages, full and
read-only disks.

The manifest, never a page's text, says what is generated: a hand-written page at a
generated path is kept even when it quotes the generator's marker; a generated page an
editor changed is kept and reported, not overwritten. A disk that is full or read-only
stops the build with one clear sentence, no traceback, and the last good docs/ intact.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chronique import publish
from chronique.model import ERROR, WARNING
from chronique.write import MARKER
from tests.conftest import ROOT
from tests.hostile_helpers import INNOCENT, INNOCENT_IDS, build, deadline, opened_files, write_innocent


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def leftovers(docs: Path) -> list[str]:
    return sorted(p.name for p in docs.parent.iterdir() if p.name.startswith(f".{docs.name}.") and "lock" not in p.name)


def page_problems(result):
    return [(p.file, p.severity) for p in result.problems if p.field == "page"]


def test_a_hand_written_page_quoting_the_marker_is_never_overwritten(tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    docs = tmp_path / "docs"
    docs.mkdir()
    mine = f"# Ma chronologie\n\nCette page n'est pas « {MARKER} », elle le cite seulement.\n<!-- {MARKER} -->\n"
    (docs / "chronologie.md").write_text(mine, encoding="utf-8")
    for _ in range(2):
        result = build(seeds, docs)
        assert (docs / "chronologie.md").read_text(encoding="utf-8") == mine
        assert page_problems(result) == [("docs/chronologie.md", ERROR)]
        assert "une page écrite à la main est à ce chemin" in result.problems[-1].message
        assert "chronologie.md" not in publish.generated_paths(docs)
    assert set(result.site.by_id) == INNOCENT_IDS


def test_an_editors_edit_of_a_generated_page_is_reported_and_kept(tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    docs = tmp_path / "docs"
    first = build(seeds, docs)
    page = first.site.by_id["innocent_rail"].path
    edited = (docs / page).read_text(encoding="utf-8").replace("Les ingénieurs", "Les ingénieures")
    (docs / page).write_text(edited, encoding="utf-8")

    # the article changes too: the new page would differ, and the edit is not overwritten
    (seeds / "innocent_rail.yml").write_text("title: La ligne ferroviaire progresse\n", encoding="utf-8")
    second = build(seeds, docs)
    assert (docs / page).read_text(encoding="utf-8") == edited
    assert page_problems(second) == [(f"docs/{page}", ERROR)]
    message = next(p.message for p in second.problems if p.field == "page")
    assert "page générée modifiée à la main depuis la dernière construction" in message
    assert "reportez la correction dans le fichier .yml" in message
    assert page in publish.generated_paths(docs)  # still generated: reported again next time
    assert page_problems(build(seeds, docs)) == [(f"docs/{page}", ERROR)]

    # the editor carries the correction into the article, and leaves the page: what is generated
    # now is the edited page, which stays as it is; a later change of the article reaches it
    (seeds / "innocent_rail.yml").unlink()
    (seeds / "innocent_rail.txt").write_text(
        INNOCENT["innocent_rail.txt"].replace("Les ingénieurs", "Les ingénieures"), encoding="utf-8"
    )
    caught_up = build(seeds, docs)
    assert caught_up.files[page] == edited and page_problems(caught_up) == []
    (seeds / "innocent_rail.yml").write_text("title: La ligne ferroviaire progresse vite\n", encoding="utf-8")
    later = build(seeds, docs)
    assert page_problems(later) == []
    assert "La ligne ferroviaire progresse vite" in (docs / page).read_text(encoding="utf-8")

    # edited again, then removed by the editor: generated again, with the correction
    (docs / page).write_text(edited, encoding="utf-8")
    assert page_problems(build(seeds, docs)) == [(f"docs/{page}", ERROR)]
    # once the editor removed the page, it is generated again, with the correction
    (docs / page).unlink()
    third = build(seeds, docs)
    assert page_problems(third) == []
    assert "La ligne ferroviaire progresse vite" in (docs / page).read_text(encoding="utf-8")


def test_an_edited_page_whose_article_was_removed_is_kept_and_reported(tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "retire.txt").write_text(" date 2025-06-01 Un article retiré\n\nLe texte du port sec.\n", encoding="utf-8")
    docs = tmp_path / "docs"
    page = build(seeds, docs).site.by_id["retire"].path
    (docs / page).write_text("# Un article retiré\n\nMes notes.\n", encoding="utf-8")
    (seeds / "retire.txt").unlink()
    result = build(seeds, docs)
    assert (docs / page).read_text(encoding="utf-8") == "# Un article retiré\n\nMes notes.\n"
    assert page_problems(result) == [(f"docs/{page}", WARNING)]
    assert "l'article a été retiré" in result.problems[-1].message


def test_a_manifest_of_the_older_format_still_says_what_is_generated(tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    docs = tmp_path / "docs"
    first = build(seeds, docs)
    listed = sorted(json.loads((docs / publish.MANIFEST).read_text(encoding="utf-8")))
    (docs / publish.MANIFEST).write_text(json.dumps(listed), encoding="utf-8")  # a plain list, as before
    page = first.site.by_id["innocent_rail"].path
    (docs / page).write_text("une ancienne version\n", encoding="utf-8")
    result = build(seeds, docs)
    assert page_problems(result) == []
    assert (docs / page).read_text(encoding="utf-8") == first.files[page]
    assert isinstance(json.loads((docs / publish.MANIFEST).read_text(encoding="utf-8")), dict)


@pytest.mark.parametrize(
    "replace",
    [lambda manifest, outside: os.mkfifo(manifest), lambda manifest, outside: manifest.symlink_to(outside)],
    ids=["fifo", "link_outside"],
)
def test_a_manifest_that_is_not_a_regular_file_of_docs_is_never_opened(replace, tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    docs = tmp_path / "docs"
    build(seeds, docs)
    outside = tmp_path / "ailleurs.json"
    outside.write_text(json.dumps({"../seeds/innocent_rail.txt": None}), encoding="utf-8")
    (docs / publish.MANIFEST).unlink()
    replace(docs / publish.MANIFEST, outside)
    with opened_files() as opened, deadline(60):
        result = build(seeds, docs)
    assert str(outside) not in opened
    assert set(result.site.by_id) == INNOCENT_IDS and (seeds / "innocent_rail.txt").exists()
    assert isinstance(json.loads((docs / publish.MANIFEST).read_text(encoding="utf-8")), dict)


def test_a_link_in_docs_to_a_folder_elsewhere_is_never_written_through(tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "retire.txt").write_text(" date 2025-06-01 Un article retiré\n\nLe texte du port sec.\n", encoding="utf-8")
    docs = tmp_path / "docs"
    first = build(seeds, docs)
    articles = {rel for rel in first.files if rel.startswith("articles/")}
    # docs/articles/ becomes a link to a folder elsewhere holding the same files
    elsewhere = tmp_path / "ailleurs"
    shutil.move(docs / "articles", elsewhere)
    (docs / "articles").symlink_to(elsewhere)
    before = snapshot(elsewhere)
    (seeds / "retire.txt").unlink()  # its page is stale: never removed through the link
    (seeds / "nouveau.txt").write_text(" date 2025-07-01 Un nouvel article\n\nLe texte.\n", encoding="utf-8")
    result = build(seeds, docs)
    assert snapshot(elsewhere) == before
    blocked = {p.file for p in result.problems if p.field == "page"}
    assert blocked == {f"docs/{rel}" for rel in result.files if rel.startswith("articles/")}
    assert all("mène hors de docs/" in p.message for p in result.problems if p.field == "page")
    assert articles  # the first build did write articles there


@pytest.mark.parametrize(
    "occupy",
    [lambda path: path.mkdir(parents=True), lambda path: os.mkfifo(path), lambda path: path.symlink_to("/etc/passwd")],
    ids=["folder", "fifo", "link"],
)
def test_a_generated_path_held_by_a_folder_fifo_or_link_is_reported_never_opened(occupy, tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    docs = tmp_path / "docs"
    (docs / "data").mkdir(parents=True)
    occupy(docs / "chronologie.md")
    with opened_files() as opened, deadline(60):
        result = build(seeds, docs)
    assert [(p.file, p.severity) for p in result.problems if p.field == "page"] == [("docs/chronologie.md", ERROR)]
    assert "un dossier, un lien ou un fichier spécial occupe ce chemin" in result.problems[-1].message
    assert "/etc/passwd" not in opened
    assert set(result.site.by_id) == INNOCENT_IDS


# -- full and read-only disks ------------------------------------------------------------------
MAIN = r"""
import resource, signal, sys
sys.path.insert(0, sys.argv[1])
from chronique import extract_batch, pipeline
from tests.hostile_helpers import NoEntities
extract_batch.EntityExtractor = lambda rules: NoEntities()
if sys.argv[4] != "-":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[4]), int(sys.argv[4])))
cache = ["--no-cache"] if sys.argv[5] == "-" else ["--cache", sys.argv[5]]
sys.exit(pipeline.main(["--seeds", sys.argv[2], "--docs", sys.argv[3], *cache, "--quiet"]))
"""


def run_main(
    seeds: Path, docs: Path, file_size_limit: int | None = None, cache: Path | None = None
) -> subprocess.CompletedProcess:
    limit = "-" if file_size_limit is None else str(file_size_limit)
    return subprocess.run(
        [sys.executable, "-c", MAIN, str(ROOT), str(seeds), str(docs), limit, str(cache or "-")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
        check=False,
    )


def assert_refused_cleanly(run, docs: Path, before: dict[str, bytes], what: str) -> None:
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    assert f"impossible d'écrire {docs}" in run.stderr and what in run.stderr, run.stderr
    assert "le dossier docs/ précédent est intact" in run.stderr
    assert snapshot(docs) == before
    assert leftovers(docs) == []


def seeds_and_last_good_docs(root: Path) -> tuple[Path, Path, dict[str, bytes]]:
    seeds = write_innocent(root / "seeds")
    docs = root / "docs"
    build(seeds, docs)
    before = snapshot(docs)
    (seeds / "nouveau.txt").write_text(INNOCENT["innocent_rail.txt"].replace("Vientiane", "Pakse"), encoding="utf-8")
    return seeds, docs, before


def test_a_file_too_large_for_the_disk_stops_the_build_with_one_sentence(tmp_path):
    """No privilege needed: RLIMIT_FSIZE makes the first large write fail (EFBIG)."""
    seeds, docs, before = seeds_and_last_good_docs(tmp_path)
    run = run_main(seeds, docs, file_size_limit=2000)
    assert_refused_cleanly(run, docs, before, "un fichier dépasse la taille permise")


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MB tmpfs of its own (needs the right to mount; skipped without it)."""
    mount = tmp_path / "disque"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True, check=False
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> None:
    with open(disk / "remplissage", "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass


def test_a_full_disk_stops_the_build_with_one_sentence_and_docs_intact(small_disk):
    seeds, docs, before = seeds_and_last_good_docs(small_disk)
    fill(small_disk)
    run = run_main(seeds, docs)
    assert_refused_cleanly(run, docs, before, "le disque est plein")
    (small_disk / "remplissage").unlink()
    assert run_main(seeds, docs).returncode == 0  # with room again, the build goes through
    assert "nouveau" in (docs / "data" / "articles.json").read_text(encoding="utf-8")


def test_a_full_disk_met_by_the_extraction_cache_stops_the_build_with_one_sentence(small_disk, tmp_path):
    seeds, docs, before = seeds_and_last_good_docs(tmp_path)
    fill(small_disk)
    run = run_main(seeds, docs, cache=small_disk / "cache")
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert "impossible d'écrire" in run.stderr and "le disque est plein" in run.stderr
    assert str(docs) not in run.stderr  # not said of docs/, which was never touched
    assert snapshot(docs) == before


def test_a_read_only_disk_stops_the_build_with_one_sentence_and_docs_intact(small_disk):
    seeds, docs, before = seeds_and_last_good_docs(small_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    run = run_main(seeds, docs)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert str(docs) in run.stderr
    assert snapshot(docs) == before


def test_publish_on_a_disk_that_turns_read_only_says_so(tmp_path, monkeypatch):
    """The disk goes read-only between the checks of main() and the writing (EROFS at
    the first page written): PublishError, and the staging copy is gone."""
    seeds, docs, before = seeds_and_last_good_docs(tmp_path)
    real = Path.write_bytes

    def read_only(self, data):
        raise OSError(30, os.strerror(30), str(self))

    monkeypatch.setattr(Path, "write_bytes", read_only)
    with pytest.raises(
        publish.PublishError, match="le disque est en lecture seule ; le dossier docs/ précédent est intact"
    ):
        build(seeds, docs)
    monkeypatch.setattr(Path, "write_bytes", real)
    assert snapshot(docs) == before and leftovers(docs) == []
