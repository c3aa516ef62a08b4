"""Builds: atomic (an exception or a kill leaves the last good docs/ byte for byte),
deterministic (two builds are byte-identical, whatever the clock or the hash seed),
incremental (an unchanged article is not extracted again), stale pages removed,
hand-written pages never touched, one build at a time, and exit codes that say what
happened.

Most builds here use a stand-in for spaCy that finds a few known places: what is
tested is the build's machinery, not extraction. The determinism test uses the model.
"""

from __future__ import annotations

import calendar
import datetime as dt
import fcntl
import gc
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from babel.dates import format_date

from chronique import extract, extract_batch, pipeline, publish
from chronique.entities import Entities
from chronique.model import ERROR, Settings
from chronique.publish import MANIFEST, BuildBusy
from tests.conftest import ROOT, TODAY, copy_site_fixtures

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
PLACES = ("Vientiane", "Luang Prabang", "Pakse")
ARTICLES = {
    "a_rail.txt": " date 2025-03-12 La ligne ferroviaire avance vers Vientiane\n\n"
    "Les ingénieurs ont inspecté les ponts de la ligne qui doit relier Vientiane à la côte.\n\n"
    "Les essais de circulation des trains de marchandises commenceront au printemps.\n",
    "b_schools.txt": " date 2025-05-02 De nouvelles écoles à Luang Prabang\n\n"
    "Trois écoles primaires financées par le Vietnam ont ouvert leurs portes à Luang Prabang.\n\n"
    "Elles accueillent six cents élèves des villages de la vallée.\n",
    "c_coffee.txt": " date 2025-05-20 Le café de Pakse à la foire de Hanoï\n\n"
    "Les producteurs de café de Pakse ont présenté leurs récoltes aux acheteurs vietnamiens.\n\n"
    "Plusieurs contrats d'exportation ont été signés pendant la foire.\n",
}
HAND_WRITTEN = {
    "a-propos.md": "---\ntitle: À propos\n---\n\n# À propos\n\nÉcrit à la main.\n",
    "stylesheets/extra.css": ".chronique-meta { color: #555; }\n",
    "articles/notes-de-la-redaction.md": "# Notes de la rédaction\n\nUne page écrite à la main parmi les articles.\n",
}


class FoundPlaces:
    """Stands in for spaCy: the known places a text names. Records what it was given."""

    def __init__(self):
        self.texts: list[list[str]] = []

    def extract_many(self, texts):
        self.texts += texts
        return [
            Entities((), (), tuple(p for p in PLACES if any(p in line for line in paragraphs))) for paragraphs in texts
        ]


@pytest.fixture
def stand_in(monkeypatch):
    model = FoundPlaces()
    monkeypatch.setattr(extract_batch, "EntityExtractor", lambda rules: model)
    return model


@pytest.fixture
def extracted(monkeypatch):
    """The seeds extract() ran on, build after build (cache hits are not there)."""
    names: list[str] = []
    real = extract.extraction

    def spy(source, *args, **kwargs):
        names.append(source.name)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(extract, "extraction", spy)  # what each worker runs, through extract_batch
    return names


def write_seeds(folder: Path, articles: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def write_hand_written(docs: Path) -> None:
    for rel, text in HAND_WRITTEN.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")


def build(seeds: Path, docs: Path, **options) -> pipeline.BuildResult:
    return pipeline.build(
        Settings(seeds=seeds, docs=docs, progress=False, today=options.pop("today", TODAY), **options)
    )


def snapshot(docs: Path) -> dict[str, bytes]:
    """Every file under docs/, hidden ones (the manifest) included, by relative path."""
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def leftovers(docs: Path) -> list[str]:
    return sorted(p.name for p in docs.parent.iterdir() if p.name.startswith(f".{docs.name}.") and "lock" not in p.name)


@pytest.fixture
def last_good(tmp_path, stand_in):
    """A docs/ built from A and B (beside hand-written pages), and seeds changed since:
    A rewritten, B removed, C added, so the next build would change many files."""
    seeds = write_seeds(tmp_path / "seeds", {k: ARTICLES[k] for k in ("a_rail.txt", "b_schools.txt")})
    docs = tmp_path / "docs"
    write_hand_written(docs)
    build(seeds, docs)
    before = snapshot(docs)
    (seeds / "a_rail.txt").write_text(ARTICLES["a_rail.txt"].replace("au printemps", "en été"), encoding="utf-8")
    (seeds / "b_schools.txt").unlink()
    write_seeds(seeds, {"c_coffee.txt": ARTICLES["c_coffee.txt"]})
    return seeds, docs, before


# -- atomic ------------------------------------------------------------------------------
def _fail(*args, **kwargs):
    raise OSError(28, "No space left on device (injected)")


def _fail_on_call(n, real):
    calls = iter(range(10**6))

    def maybe(*args, **kwargs):
        if next(calls) == n:
            _fail()
        return real(*args, **kwargs)

    return maybe


INJECTIONS = {
    "while_rendering": lambda mp: mp.setattr(pipeline, "render_into", _fail),
    "while_copying_the_live_tree": lambda mp: mp.setattr(publish.shutil, "copytree", _fail),
    "at_the_third_page_written": lambda mp: mp.setattr(
        pathlib.Path, "write_bytes", _fail_on_call(2, pathlib.Path.write_bytes)
    ),
    "while_writing_the_manifest": lambda mp: mp.setattr(pathlib.Path, "write_text", _fail),
    "at_the_swap": lambda mp: mp.setattr(publish, "_swap", _fail),
}


@pytest.mark.parametrize("inject", INJECTIONS.values(), ids=INJECTIONS.keys())
def test_an_exception_at_any_point_leaves_the_last_good_docs_byte_for_byte(inject, last_good, monkeypatch):
    seeds, docs, before = last_good
    with monkeypatch.context() as patch:
        inject(patch)
        # a full disk met while publishing says so in one sentence (publish.PublishError)
        with pytest.raises((OSError, publish.PublishError), match="injected|le disque est plein"):
            build(seeds, docs)
    assert snapshot(docs) == before
    assert leftovers(docs) == []  # the scratch copy is cleaned up

    result = build(seeds, docs)  # and the next build goes through
    after = snapshot(docs)
    assert set(after) == set(result.files) | set(HAND_WRITTEN) | {MANIFEST}
    assert {rel: after[rel] for rel in HAND_WRITTEN} == {rel: before[rel] for rel in HAND_WRITTEN}


def test_a_build_makes_collections_rare_while_it_runs_and_restores_them_after(tmp_path, stand_in, monkeypatch):
    """The cycle collector's settings are the build's only while it runs (pipeline.rare_collections):
    after a build, and after a failed one, the process has its thresholds back and nothing frozen."""
    seeds = write_seeds(tmp_path / "seeds", ARTICLES)
    seen = {}
    real_collect = pipeline.collect

    def collect(*args, **kwargs):  # in the middle of the build: after the cache was read
        seen["threshold"], seen["frozen"] = gc.get_threshold(), gc.get_freeze_count()
        return real_collect(*args, **kwargs)

    monkeypatch.setattr(pipeline, "collect", collect)
    before = gc.get_threshold()
    build(seeds, tmp_path / "docs", cache=tmp_path / "cache")  # a cold build: nothing cached yet
    build(seeds, tmp_path / "docs", cache=tmp_path / "cache")  # a warm one: three articles read from the cache
    assert seen["threshold"] == pipeline.GC_THRESHOLD
    assert seen["frozen"] > 0  # the articles read are out of the collector's way
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0

    monkeypatch.setattr(pipeline, "render_into", _fail)
    with pytest.raises((OSError, publish.PublishError)):  # a full disk while pages are written: PublishError
        build(seeds, tmp_path / "docs", cache=tmp_path / "cache")
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


CHILD = r"""
import datetime as dt, json, os, pathlib, signal, sys, time
sys.path.insert(0, sys.argv[1])
from chronique import extract_batch, pipeline, publish
from chronique.entities import Entities
from chronique.model import Settings

class NoEntities:
    def extract_many(self, texts):
        return [Entities((), (), ()) for _ in texts]

extract_batch.EntityExtractor = lambda rules: NoEntities()
mode, seeds, docs = sys.argv[2], pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
die = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
real_write, real_swap = pathlib.Path.write_bytes, publish._swap
if mode == "killed_before_the_swap":
    publish._swap = die
elif mode == "killed_at_the_fifth_page_written":
    writes = iter(range(10**6))
    pathlib.Path.write_bytes = lambda self, data: die() if next(writes) == 4 else real_write(self, data)
elif mode == "slow_writes":  # for a kill from outside, or a second build, to land mid-publish
    def slow_write(self, data):
        time.sleep(0.05)
        return real_write(self, data)
    pathlib.Path.write_bytes = slow_write
elif mode == "holds_the_lock":
    def slow_swap(staging, docs):
        time.sleep(5)
        real_swap(staging, docs)
    publish._swap = slow_swap
if mode == "main":
    sys.exit(pipeline.main(["--seeds", str(seeds), "--docs", str(docs), "--no-cache", "--quiet"]))
result = pipeline.build(Settings(seeds=seeds, docs=docs, progress=False, today=dt.date(2026, 11, 25)))
if len(sys.argv) > 5:  # what this build meant docs/ to hold
    pathlib.Path(sys.argv[5]).write_text(json.dumps(dict(result.files)), encoding="utf-8")
sys.exit(pipeline.exit_status(result.problems, False))
"""


def child(mode: str, seeds: Path, docs: Path, *more: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(ROOT), mode, str(seeds), str(docs), *more],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.mark.parametrize("mode", ["killed_before_the_swap", "killed_at_the_fifth_page_written", "killed_from_outside"])
def test_a_build_killed_mid_way_leaves_the_last_good_docs_byte_for_byte(mode, last_good):
    seeds, docs, before = last_good
    if mode == "killed_from_outside":
        process = child("slow_writes", seeds, docs)
        staging = docs.parent / f".{docs.name}.staging"
        wait_for(lambda: staging.exists() or process.poll() is not None)
        time.sleep(0.3)  # well into the staging: the copy is made, pages are being written
        process.send_signal(signal.SIGKILL)
    else:
        process = child(mode, seeds, docs)
    process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL
    assert snapshot(docs) == before

    build(seeds, docs)  # the next build clears what the killed one left and goes through
    assert leftovers(docs) == []
    assert snapshot(docs) != before


# -- deterministic -----------------------------------------------------------------------
def test_two_builds_are_byte_identical_across_processes_hash_seeds_and_the_cache(tmp_path, monkeypatch):
    seeds = copy_site_fixtures(tmp_path / "seeds")
    for name in ("cp1252_ellipsis_and_quotes.txt", "markdown_hostile_lines.txt", "html_and_script_tags.txt"):
        shutil.copyfile(HOSTILE / name, seeds / name)
    # the model loaded once, with the rules of the first build: the project's data and
    # the fixture site's aliases.yml, as build.py loads them
    model = {}
    load = extract_batch.EntityExtractor
    monkeypatch.setattr(extract_batch, "EntityExtractor", lambda rules: model.setdefault("loaded", load(rules)))
    first = build(seeds, tmp_path / "first")
    build(seeds, tmp_path / "second", cache=tmp_path / "cache")
    build(seeds, tmp_path / "third", cache=tmp_path / "cache")  # every article from the cache
    epoch = calendar.timegm(TODAY.timetuple())
    env = dict(os.environ, PYTHONHASHSEED="4242", SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1")
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--seeds",
            str(seeds),
            "--docs",
            str(tmp_path / "fourth"),
            "--no-cache",
            "--quiet",
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr

    reference = snapshot(tmp_path / "first")
    assert reference == {rel: text.encode("utf-8") for rel, text in first.files.items()} | {
        MANIFEST: reference[MANIFEST]
    }
    for other in ("second", "third", "fourth"):
        assert snapshot(tmp_path / other) == reference, other


def test_no_build_time_in_any_page(tmp_path, stand_in, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", ARTICLES)
    marked_day = dt.date(2031, 7, 19)  # the plausibility window's end, if the build printed it
    result = build(seeds, tmp_path / "docs", today=marked_day)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    clock = build(seeds, tmp_path / "clock", today=None)
    for day, files in ((marked_day, result.files), (dt.date.today(), clock.files)):
        stamps = (
            day.isoformat(),
            day.strftime("%d/%m/%Y"),
            day.strftime("%d %b %Y"),
            format_date(day, "d MMMM y", locale="fr_FR"),
        )
        for rel, text in files.items():
            assert not [s for s in stamps if s in text], (rel, day)
    assert result.files == clock.files


def test_source_date_epoch_sets_the_build_day(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(calendar.timegm(dt.date(2025, 4, 1).timetuple())))
    settings = Settings(seeds=tmp_path, docs=tmp_path / "docs", progress=False)
    assert pipeline.today(settings) == dt.date(2025, 4, 1)


# -- incremental -------------------------------------------------------------------------
def test_an_unchanged_article_is_not_extracted_again(tmp_path, stand_in, extracted, monkeypatch):
    seeds = write_seeds(tmp_path / "seeds", {k: ARTICLES[k] for k in ("a_rail.txt", "b_schools.txt")})
    docs, cache = tmp_path / "docs", tmp_path / "cache"

    def rebuild() -> list[str]:
        extracted.clear()
        stand_in.texts.clear()
        result = build(seeds, docs, cache=cache)
        assert len(stand_in.texts) <= len(extracted)  # the model saw only misses, and only text it had not read
        return sorted(extracted), result

    assert rebuild()[0] == ["a_rail.txt", "b_schools.txt"]
    first = snapshot(docs)
    assert rebuild()[0] == []
    assert snapshot(docs) == first  # and the cached articles give the same pages

    (seeds / "a_rail.txt").write_text(ARTICLES["a_rail.txt"] + "\nUn paragraphe ajouté.\n", encoding="utf-8")
    assert rebuild()[0] == ["a_rail.txt"]
    (seeds / "b_schools.yml").write_text("title: Un titre corrigé\n", encoding="utf-8")
    names, result = rebuild()
    assert names == ["b_schools.txt"] and result.site.by_id["b_schools"].article.title == "Un titre corrigé"
    assert stand_in.texts == []  # the same paragraphs: the model's names are kept (chronique/cache.py)

    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "a-new-extractor")
    assert rebuild()[0] == ["a_rail.txt", "b_schools.txt"]
    assert rebuild()[0] == []

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    with open(data / "topics.yml", "a", encoding="utf-8") as topics:
        topics.write("\n# an edited data file changes what extraction gives\n")
    extracted.clear()
    build(seeds, docs, cache=cache, data=data)
    assert sorted(extracted) == ["a_rail.txt", "b_schools.txt"]

    for entry in cache.iterdir():  # a damaged cache entry is a miss, not a crash
        entry.write_bytes(b"not a pickle")
    names, result = rebuild()
    assert names == ["a_rail.txt", "b_schools.txt"] and not [p for p in result.problems if p.severity == ERROR]


# -- stale pages and hand-written pages ----------------------------------------------------
def test_a_removed_article_disappears_with_its_terms_and_empty_folders(tmp_path, stand_in):
    seeds = write_seeds(tmp_path / "seeds", ARTICLES)
    docs = tmp_path / "docs"
    write_hand_written(docs)
    first = build(seeds, docs)
    rail = first.site.by_id["a_rail"]
    assert (docs / rail.path).exists() and (docs / "lieux/vientiane.md").exists()
    assert (docs / "archives/2025/03.md").exists()

    (seeds / "a_rail.txt").unlink()
    second = build(seeds, docs)
    assert not (docs / rail.path).exists()
    assert not (docs / "lieux/vientiane.md").exists() and not (docs / "archives/2025/03.md").exists()
    assert (docs / "lieux/pakse.md").exists()
    generated = {rel for rel in snapshot(docs) if rel not in HAND_WRITTEN and rel != MANIFEST}
    assert generated == set(second.files)  # nothing generated is left over


def test_hand_written_pages_are_never_touched(tmp_path, stand_in):
    seeds = write_seeds(tmp_path / "seeds", {"a_rail.txt": ARTICLES["a_rail.txt"]})
    docs = tmp_path / "docs"
    write_hand_written(docs)
    stats = {rel: (docs / rel).stat() for rel in HAND_WRITTEN}
    time.sleep(0.01)

    build(seeds, docs)
    write_seeds(seeds, {k: ARTICLES[k] for k in ("b_schools.txt", "c_coffee.txt")})
    build(seeds, docs)
    (seeds / "a_rail.txt").unlink()
    build(seeds, docs)
    for rel, text in HAND_WRITTEN.items():
        assert (docs / rel).read_text(encoding="utf-8") == text
        now = (docs / rel).stat()
        assert (now.st_ino, now.st_mtime_ns) == (stats[rel].st_ino, stats[rel].st_mtime_ns), rel


def test_a_hand_written_page_at_a_generated_path_is_kept_and_reported(tmp_path, stand_in):
    seeds = write_seeds(tmp_path / "seeds", {"a_rail.txt": ARTICLES["a_rail.txt"]})
    docs = tmp_path / "docs"
    (docs).mkdir()
    (docs / "chronologie.md").write_text("# Ma chronologie\n\nÉcrite à la main.\n", encoding="utf-8")
    result = build(seeds, docs)
    assert (docs / "chronologie.md").read_text(encoding="utf-8") == "# Ma chronologie\n\nÉcrite à la main.\n"
    problem = next(p for p in result.problems if p.file == "docs/chronologie.md")
    assert problem.severity == ERROR and problem.field == "page" and "renommez l'une des deux" in problem.message
    assert pipeline.exit_status(result.problems, strict=False) == pipeline.EXIT_SKIPPED
    assert "chronologie.md" not in publish.generated_paths(docs)
    build(seeds, docs)  # and stays kept on the next build
    assert (docs / "chronologie.md").read_text(encoding="utf-8") == "# Ma chronologie\n\nÉcrite à la main.\n"


def test_a_damaged_manifest_never_reaches_outside_docs(tmp_path, stand_in):
    seeds = write_seeds(tmp_path / "seeds", {"a_rail.txt": ARTICLES["a_rail.txt"]})
    docs = tmp_path / "docs"
    build(seeds, docs)
    outside = tmp_path / "precious.txt"
    outside.write_text("ne pas effacer", encoding="utf-8")
    (docs / MANIFEST).write_text('["../precious.txt", "/etc/hostname", "index.md"]', encoding="utf-8")
    build(seeds, docs)
    assert outside.read_text(encoding="utf-8") == "ne pas effacer"


# -- one build at a time -------------------------------------------------------------------
def test_a_build_while_another_holds_the_lock_is_refused_with_a_clear_message(tmp_path, stand_in, capsys):
    seeds = write_seeds(tmp_path / "seeds", {"a_rail.txt": ARTICLES["a_rail.txt"]})
    docs = tmp_path / "docs"
    build(seeds, docs)
    before = snapshot(docs)
    with open(tmp_path / ".docs.chronique.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another build is publishing
        write_seeds(seeds, {"b_schools.txt": ARTICLES["b_schools.txt"]})
        with pytest.raises(
            BuildBusy, match="une autre construction écrit .*docs.*attendez qu'elle finisse, puis relancez"
        ):
            build(seeds, docs)
        status = pipeline.main(["--seeds", str(seeds), "--docs", str(docs), "--no-cache", "--quiet"])
    assert status == pipeline.EXIT_USAGE
    assert "une autre construction écrit" in capsys.readouterr().err
    assert snapshot(docs) == before
    build(seeds, docs)  # once the other build is done
    assert snapshot(docs) != before


def test_two_builds_at_once_on_the_same_docs_cannot_corrupt_it(tmp_path, stand_in):
    seeds = write_seeds(tmp_path / "seeds", ARTICLES)
    docs = tmp_path / "docs"
    write_hand_written(docs)
    first = child("holds_the_lock", seeds, docs, str(tmp_path / "files.json"))
    wait_for(lambda: (docs.parent / f".{docs.name}.staging").exists() or first.poll() is not None)
    second = child("main", seeds, docs)
    _, second_err = second.communicate(timeout=120)
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert second.returncode == pipeline.EXIT_USAGE
    assert f"une autre construction écrit {docs.resolve()}/" in second_err and "puis relancez" in second_err

    # docs/ holds exactly the hand-written pages and what the first build wrote
    files = json.loads((tmp_path / "files.json").read_text(encoding="utf-8"))
    expected = {rel: text.encode("utf-8") for rel, text in (files | HAND_WRITTEN).items()}
    assert {rel: data for rel, data in snapshot(docs).items() if rel != MANIFEST} == expected
    assert sorted(publish.generated_paths(docs)) == sorted(files)


# -- exit codes --------------------------------------------------------------------------------
def run_main(*args: str) -> int:
    return pipeline.main([*args, "--no-cache", "--quiet"])


def test_exit_0_when_built_4_when_files_were_skipped_1_under_strict(tmp_path, stand_in, capsys):
    seeds = write_seeds(tmp_path / "seeds", {"a_rail.txt": ARTICLES["a_rail.txt"]})
    docs = tmp_path / "docs"
    # a clean article still gets a warning: it names no source
    assert run_main("--seeds", str(seeds), "--docs", str(docs)) == pipeline.EXIT_OK
    assert run_main("--seeds", str(seeds), "--docs", str(docs), "--strict") == pipeline.EXIT_PROBLEMS
    write_seeds(seeds, {"empty.txt": b""})
    assert run_main("--seeds", str(seeds), "--docs", str(docs)) == pipeline.EXIT_SKIPPED
    report = capsys.readouterr().out
    assert "empty.txt" in report and "1 erreur" in report
    assert list((docs / "articles").rglob("*.md"))  # the good article is built all the same


def test_a_missing_seeds_folder_publishes_nothing_and_says_what_to_do(tmp_path, capsys):
    assert run_main("--seeds", str(tmp_path / "nowhere"), "--docs", str(tmp_path / "docs")) == pipeline.EXIT_NOTHING
    err = capsys.readouterr().err
    assert str(tmp_path / "nowhere") in err and "n'existe pas" in err and "--seeds" in err
    assert not (tmp_path / "docs").exists()


def test_exit_2_for_a_docs_folder_that_cannot_be_written(tmp_path, capsys):
    seeds = write_seeds(tmp_path / "seeds", {"a_rail.txt": ARTICLES["a_rail.txt"]})
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    docs = tmp_path / "a-file" / "docs"  # its parent is a file: nothing can be written there
    assert run_main("--seeds", str(seeds), "--docs", str(docs)) == pipeline.EXIT_USAGE
    err = capsys.readouterr().err
    assert str(docs) in err and "impossible d'écrire le dossier" in err and "--docs" in err
