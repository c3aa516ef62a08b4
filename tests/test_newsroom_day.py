"""A day in the newsroom never breaks `make test` (issue #16).

In a copy of the project, the editors do what they do on an ordinary day in seeds/:
they add two articles, correct a title and a date in a sidecar, hold an article,
remove one and add a spelling to seeds/aliases.yml. The copy's own test suite, run
with the command `make test` runs, must still pass; the copy's build.py must show
the edits. Whatever seeds/ holds when this runs (the newsroom's articles of the
day), the edits are made on top of it.

The inner run leaves out:
- this file (it would copy and run itself again, without end);
- tests/browser/: they build their site from tests/fixtures/site/ only (the guard
  in conftest.py fails any test that touches seeds/, in the inner run too), they
  need a browser and take a minute, and the outer run has just run them;
- tests/test_scale.py: it builds 100 and 300 synthetic articles (chronique.synth, in
  a temporary folder; the guard checks it reads no seeds/ in the outer run), the
  slowest setup of the suite (over a minute on a busy machine).
"""

from __future__ import annotations

import json
import re
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT, SEEDS_GUARD

# What `git` does not track and a copy must not take: the virtualenv, the npm tools,
# what builds and caches leave (all in .gitignore, which is used when git is there).
NOT_COPIED = (".git", ".venv", "node_modules", "site", ".cache", "__pycache__", ".pytest_cache", ".hypothesis")

NEW_ARTICLES = {
    "zz_redaction_nouvelle_ligne_electrique.txt": (
        " date 2026-03-09 Le Laos et le Vietnam inaugurent une ligne électrique de 500 kV\n\n"
        "Vientiane (VNA) – Le Laos et le Vietnam ont mis en service lundi une ligne électrique de 500 kV "
        "reliant la province laotienne de Sekong à la province vietnamienne de Quảng Nam, a annoncé le "
        "ministère lao de l'Énergie et des Mines.\n\n"
        "La ligne doit permettre au Vietnam d'importer jusqu'à 1 500 MW d'électricité produite par les "
        "centrales hydroélectriques du Sud du Laos.\n\n"
        "VNA/CVN\n"
    ),
    "zz_redaction_bourses_etudiants.txt": (
        "Hanoï, le 11/03/2026 – L'ambassade du Laos à Hanoï a remis des certificats à 120 étudiants laotiens "
        "diplômés des universités vietnamiennes cette année, en présence de l'ambassadrice "
        "Bouakham Sengsouriya.\n\n"
        "Photo : VNA\n\n"
        "Mme Sengsouriya a salué le rôle des anciens étudiants dans la coopération entre les deux pays.\n\n"
        "Source : https://www.vietnamplus.vn/etudiants-laotiens-diplomes-2026-post104455.vnp\n"
    ),
}
CORRECTED_TITLE = "Titre corrigé par la rédaction : un article du jour"
CORRECTED_DATE = "2026-03-12"


def copy_project(target: Path) -> Path:
    """The project's files (tracked, or new and not ignored) copied to `target`, as a
    fresh clone would have them with the work in progress: no virtualenv, no build."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:  # not a git checkout (an unpacked archive): copy all but what is built
        shutil.copytree(ROOT, target, symlinks=True, ignore=shutil.ignore_patterns(*NOT_COPIED))
        return target
    for name in listed.stdout.decode("utf-8").split("\0"):
        source = ROOT / name
        if not name or source.is_dir() or not source.exists() or Path(name).parts[0] in NOT_COPIED:
            continue  # a tracked file deleted in the work tree, or a symlink to a folder (.venv, node_modules)
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name)
    # a repository of its own, as a fresh clone is: the tests that ask git what is tracked work there too
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-gpg-sign", "-m", "copy"]):
        git = ["git", "-c", "user.name=Chronique", "-c", "user.email=tests@chronique.invalid", *command]
        subprocess.run(git, cwd=target, check=True, capture_output=True)
    return target


def read_yaml(path: Path) -> dict:
    """A sidecar or aliases.yml as a mapping; {} when it is missing or unusable (the day's
    edit then replaces it, as an editor would)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def edit_sidecar(article: Path, **fields) -> None:
    """Set `fields` in the article's sidecar (seeds/<name>.yml), keeping what it said."""
    sidecar = article.with_suffix(".yml")
    data = {**read_yaml(sidecar), **fields}
    sidecar.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def publishable(article: Path) -> bool:
    """An article the build will publish whatever its text says: UTF-8, not blank, not held."""
    try:
        text = article.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(text.strip()) and read_yaml(article.with_suffix(".yml")).get("hold") is not True


def newsroom_day(seeds: Path) -> dict[str, str]:
    """The day's edits in `seeds`. Returns {what: article id} for the checks."""
    seeds.mkdir(exist_ok=True)
    # the newsroom's own articles first, so the day edits them rather than today's additions;
    # the one corrected must be one the build publishes, so that its new title can be checked
    existing = sorted(
        (p for p in seeds.glob("*.txt") if p.name not in NEW_ARTICLES), key=lambda p: (not publishable(p), p.name)
    )
    for name, text in NEW_ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    # a newsroom with fewer than three articles still gets one to correct, hold and remove
    extra = [seeds / f"zz_redaction_depeche_{n}.txt" for n in range(max(0, 3 - len(existing)))]
    for n, path in enumerate(extra):
        path.write_text(
            f" date 2026-03-0{n + 1} Dépêche {n + 1} du jour\n\nLe Vietnam et le Laos ont signé un accord.\n",
            encoding="utf-8",
        )
    corrected, held, removed = (existing + extra)[:3]
    edit_sidecar(corrected, title=CORRECTED_TITLE, date=CORRECTED_DATE)
    edit_sidecar(held, hold=True)
    removed.unlink()
    removed.with_suffix(".yml").unlink(missing_ok=True)

    aliases_file = seeds / "aliases.yml"
    aliases = read_yaml(aliases_file)
    people = aliases.get("people") if isinstance(aliases.get("people"), dict) else {}
    aliases["people"] = {
        **people,
        "Bouakham Sengsouriya": [*(people.get("Bouakham Sengsouriya") or []), "Mme Sengsouriya"],
    }
    aliases_file.write_text(yaml.safe_dump(aliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {
        "corrected": corrected.stem,
        "held": held.stem,
        "removed": removed.stem,
        **{f"new {n}": Path(name).stem for n, name in enumerate(NEW_ARTICLES)},
    }


def make_test_command(project: Path) -> list[str]:
    """The test command of the copy's `make test` (its last step, after installing
    what the tests need), read with `make -n` so that it stays the Makefile's."""
    recipe = subprocess.run(["make", "-n", "test"], cwd=project, capture_output=True, text=True, check=False)
    assert recipe.returncode == 0, recipe.stdout + recipe.stderr
    command = shlex.split(next(line for line in recipe.stdout.splitlines() if " -m pytest" in line))
    assert Path(command[0]).name.startswith("python"), command
    return [sys.executable, *command[1:]]  # the same virtualenv: the copy has none


def test_a_day_of_newsroom_edits_leaves_make_test_passing_and_shows_in_the_build(tmp_path):
    with SEEDS_GUARD.lifted():  # the newsroom's articles of the day, copied to be edited in the copy
        project = copy_project(tmp_path / "project")
    assert (project / "Makefile").is_file() and (project / "tests" / "conftest.py").is_file()
    day = newsroom_day(project / "seeds")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", NO_MKDOCS_2_WARNING="1")

    suite = subprocess.run(
        [
            *make_test_command(project),
            "-p",
            "no:cacheprovider",
            "--ignore=tests/test_newsroom_day.py",
            "--ignore=tests/browser",
            "--ignore=tests/test_scale.py",
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert suite.returncode == 0, "the tests failed after a day in the newsroom:\n" + suite.stdout[-6000:]
    assert " passed" in suite.stdout.splitlines()[-1], suite.stdout[-2000:]

    # the copy's build.py shows the day's edits (status 1 would only mean a bad file of the newsroom's own)
    build = subprocess.run(
        [sys.executable, "build.py", "--quiet"], cwd=project, env=env, capture_output=True, text=True, check=False
    )
    assert build.returncode in (0, 1), build.stdout + build.stderr
    record = json.loads((project / "docs" / "data" / "articles.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in record["articles"]}
    assert {day["new 0"], day["new 1"], day["corrected"]} <= set(articles)
    assert day["held"] not in articles and day["removed"] not in articles
    corrected = articles[day["corrected"]]
    assert (corrected["title"], corrected["title_source"]) == (CORRECTED_TITLE, "editor")
    assert (corrected["date"], corrected["date_source"]) == (CORRECTED_DATE, "editor")
    # no page, feed or export names them (data/articles.json's problems may name the
    # held file: the report of the build, for the editors, not a page of the site)
    generated = [
        p
        for p in (project / "docs").rglob("*")
        if p.is_file() and p.suffix in (".md", ".json", ".xml", ".csv") and p.name != "articles.json"
    ]
    assert len(generated) > 10
    for gone in (day["held"], day["removed"]):
        assert not [p for p in generated if f"{gone}.txt" in p.read_text(encoding="utf-8")], gone
    pages = [p.read_text(encoding="utf-8") for p in generated if p.suffix == ".md"]
    title_line = re.compile(rf"^# {re.escape(CORRECTED_TITLE)}(?: \{{:[^}}]*\}})?$", re.M)  # attributes may follow
    assert [page for page in pages if f"{day['corrected']}.txt" in page and title_line.search(page)]
    # the edited aliases.yml is read without complaint, and the variant is no person of its own
    assert not [p for p in record["problems"] if p["file"].endswith("aliases.yml")], record["problems"]
    assert "Mme Sengsouriya" not in {name for a in articles.values() for name in a["people"]}
