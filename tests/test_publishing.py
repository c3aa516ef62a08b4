"""What reaches the public, and what the editors are told: a bad file never blocks the
good ones, an empty seeds folder never replaces a published site, CI shows each problem
on its file, held articles are published nowhere, and the exports open in a French
spreadsheet. The articles are written here."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from chronique import pipeline
from chronique.text import count
from tests.conftest import SEEDS_GUARD

GOOD = {
    "a_pont.txt": " date 2025-03-12 Un nouveau pont sur le Mékong à Savannakhet\n\n"
    "Le pont reliant Savannakhet à la province de Quảng Trị a été inauguré mercredi par les deux gouvernements.\n\n"
    "Les camions de marchandises pourront le franchir dès le mois prochain, selon le ministère des Transports.\n\n"
    "VNA/CVN\n",
    "b_cafe.txt": " date 2025-05-20 Le café des Bolovens à la foire de Hanoï\n\n"
    "Les producteurs de café du plateau des Bolovens ont présenté leurs récoltes aux acheteurs de Hanoï.\n\n"
    "Plusieurs contrats d'exportation ont été signés pendant la foire, pour 2,5 millions de dollars.\n\n"
    "VNA/CVN\n",
}


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def run(seeds: Path, docs: Path, *options: str) -> int:
    return pipeline.main(["--seeds", str(seeds), "--docs", str(docs), "--no-cache", "--quiet", "--jobs", "1", *options])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def articles_json(docs: Path) -> dict:
    return json.loads((docs / "data/articles.json").read_text(encoding="utf-8"))


@pytest.fixture
def published(tmp_path):
    """A docs/ folder holding a good build of the two articles."""
    seeds = write(tmp_path / "seeds", GOOD)
    docs = tmp_path / "docs"
    assert run(seeds, docs) == pipeline.EXIT_OK
    return seeds, docs


def test_counts_in_french_take_the_singular_for_zero_and_one():
    assert count(0, "erreur", "erreurs") == "0 erreur"
    assert count(1, "article", "articles") == "1 article"
    assert count(3, "article", "articles") == "3 articles"
    assert count(10000, "article", "articles") == "10\u202f000 articles"


def test_a_bad_file_is_skipped_and_every_good_article_is_published(published, capsys):
    seeds, docs = published
    write(seeds, {"c_binaire.txt": b"\x00\x01\x02\xff" * 50})
    assert run(seeds, docs) == pipeline.EXIT_SKIPPED  # built, one file skipped
    out = capsys.readouterr().out
    assert "c_binaire.txt" in out and "2 articles, 1 erreur" in out
    titles = {a["title"] for a in articles_json(docs)["articles"]}
    assert titles == {"Un nouveau pont sur le Mékong à Savannakhet", "Le café des Bolovens à la foire de Hanoï"}


@pytest.mark.parametrize("state", ["empty", "only hidden files", "all unreadable"])
def test_an_empty_seeds_folder_never_replaces_the_published_site(published, state, capsys):
    seeds, docs = published
    before = snapshot(docs)
    for path in seeds.iterdir():
        path.unlink()
    if state == "only hidden files":
        write(seeds, {".gitkeep": ""})
    if state == "all unreadable":
        write(seeds, {"vide.txt": b"", "binaire.txt": b"\x00\xff" * 40})
    assert run(seeds, docs) == pipeline.EXIT_NOTHING
    err = capsys.readouterr().err
    assert str(seeds) in err and "rien n'est publié" in err and "--allow-empty" in err
    assert snapshot(docs) == before  # byte for byte the last good site


def test_an_empty_site_is_published_only_when_asked(published):
    seeds, docs = published
    for path in seeds.iterdir():
        path.unlink()
    assert run(seeds, docs, "--allow-empty") == pipeline.EXIT_OK
    assert articles_json(docs)["articles"] == []
    assert not list((docs / "articles").rglob("*.md")) if (docs / "articles").exists() else True


def test_on_github_actions_each_problem_is_an_annotation_on_its_file(tmp_path, monkeypatch, capsys):
    seeds = write(tmp_path / "repo" / "seeds", {**GOOD, "vide.txt": "", "a_pont.yml": "date: 2025-13-45\n"})
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "repo"))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(seeds, tmp_path / "docs") == pipeline.EXIT_SKIPPED
    commands = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::")]
    assert any(line.startswith("::error file=seeds/vide.txt,title=Chronique %3A ") for line in commands), commands
    assert any(line.startswith("::error file=seeds/a_pont.yml,") for line in commands), commands
    assert all("\n" not in line for line in commands)
    report = summary.read_text(encoding="utf-8")
    assert report.startswith("## Chronique : rapport de construction")
    assert "2 articles, 2 erreurs" in report and "| vide.txt | erreur |" in report


def test_workflow_command_data_cannot_break_out_of_its_line():
    from chronique.github import annotation
    from chronique.model import ERROR, Problem

    line = annotation(Problem("a,b:c.txt", "file", ERROR, "100 %\n::error::faux"), Path("/r/seeds"), Path("/r"))
    assert line == "::error file=seeds/a%2Cb%3Ac.txt,title=Chronique %3A file::100 %25%0A::error::faux"


def test_a_held_article_is_nowhere_public_and_the_report_names_it(published, capsys):
    seeds, docs = published
    # held, and its sidecar has a problem of its own: that must not name it publicly either
    write(seeds, {"a_pont.yml": "hold: true\ntitre: faute de frappe\n"})
    assert run(seeds, docs) == pipeline.EXIT_SKIPPED
    out = capsys.readouterr().out
    assert "Retenus" in out and "a_pont.txt" in out and "1 article retenu" in out
    public = {path: data.decode("utf-8", "replace") for path, data in snapshot(docs).items()}
    for path, text in public.items():
        assert "Savannakhet" not in text, path
        assert "a_pont" not in text, path
    assert [a["title"] for a in articles_json(docs)["articles"]] == ["Le café des Bolovens à la foire de Hanoï"]


def test_the_csv_opens_in_a_french_spreadsheet_with_every_field_that_fits_a_cell(published):
    _, docs = published
    raw = (docs / "data/articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the accents right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    records = {a["id"]: a for a in articles_json(docs)["articles"]}
    assert {row["id"] for row in rows} == set(records)
    for row in rows:
        record = records[row["id"]]
        assert list(row) == list(record)  # every field of articles.json, in its order
        assert row["people"] == "; ".join(record["people"])
        assert row["date_source"] == "header" and row["date_precision"] == "day"
        assert row["figures"] == str(len(record["figures"]))
    cafe = next(row for row in rows if row["id"] == "b_cafe")
    assert cafe["title"] == "Le café des Bolovens à la foire de Hanoï"


def copy_project(target: Path) -> Path:
    """The project as a fresh clone has it (tests/test_newsroom_day.py), seeds/ emptied, with
    this checkout's virtualenv."""
    from tests.test_newsroom_day import copy_project as clone

    with SEEDS_GUARD.lifted():  # the copy takes the newsroom's seeds/, removed at once
        clone(target)
    shutil.rmtree(target / "seeds")
    (target / ".venv").symlink_to(sys.prefix)  # the virtualenv running the tests (also in a copy of the project)
    return target


@pytest.mark.parametrize("strict", [False, True])
def test_make_site_with_one_bad_seed_publishes_every_other_article(tmp_path, strict):
    import os
    import subprocess

    project = copy_project(tmp_path / "project")
    write(project / "seeds", {**GOOD, "c_binaire.txt": b"\x00\x01\xfe\xff" * 64})
    command = ["make", "--no-print-directory", "-o", ".venv/bin/.runtime", "site", *(["STRICT=1"] if strict else [])]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "MAKE"))}
    made = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    output = made.stdout + made.stderr
    assert "c_binaire.txt" in output
    if strict:  # a newsroom that prefers to block: nothing goes to site/
        assert made.returncode != 0 and not (project / "site").exists()
        return
    assert made.returncode == 0, output
    pages = [p.read_text(encoding="utf-8") for p in (project / "site/articles").rglob("index.html")]
    headings = sorted(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1].strip() for page in pages)
    assert headings == ["Le café des Bolovens à la foire de Hanoï", "Un nouveau pont sur le Mékong à Savannakhet"]
    assert (project / "site/pagefind").is_dir()
    assert "Page introuvable" in (project / "site/404.html").read_text(encoding="utf-8")


def test_the_published_address_comes_from_the_environment_when_the_workflow_sets_it(monkeypatch):
    from chronique.write import load_site_info

    config = Path(__file__).resolve().parent.parent / "mkdocs.yml"
    monkeypatch.delenv("CHRONIQUE_SITE_URL", raising=False)
    default = load_site_info(config).url
    monkeypatch.setenv("CHRONIQUE_SITE_URL", "https://redaction.example.net/chronique")
    assert load_site_info(config).url == "https://redaction.example.net/chronique/"
    assert default != "https://redaction.example.net/chronique/" and default.startswith("https://")


@pytest.mark.parametrize("hostile", ["fifo", "link out", "alias bomb"])
def test_a_hostile_redirects_file_is_reported_and_never_read_outside(tmp_path, hostile, capsys):
    import os

    seeds = write(tmp_path / "seeds", GOOD)
    outside = write(tmp_path / "outside", {"secret.yml": '"articles/x/": "a_pont"\n'})
    if hostile == "fifo":
        os.mkfifo(seeds / "redirects.yml")
    elif hostile == "link out":
        (seeds / "redirects.yml").symlink_to(outside / "secret.yml")
    else:
        bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
            for i in range(20)
        )
        write(seeds, {"redirects.yml": bomb})
    assert run(seeds, tmp_path / "docs") == pipeline.EXIT_SKIPPED  # built, the file reported
    assert "redirects.yml" in capsys.readouterr().out
    assert not (tmp_path / "docs" / ".chronique-redirects.json").exists()
    assert len(articles_json(tmp_path / "docs")["articles"]) == 2
