"""The tests never read the newsroom's seeds/ (issue #16): the guard in conftest.py
fails any test that opens, lists or copies it, or starts build.py on it; the sources
of the tests and the benchmark do not name it. tests/test_newsroom_day.py then runs
the whole suite after a day of edits in a copy's seeds/."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import NEWSROOM_SEEDS, ROOT, SEEDS_GUARD, FIXTURE_SITE, SeedsRead


@pytest.mark.parametrize(
    "touch",
    [
        lambda: (NEWSROOM_SEEDS / "any.txt").read_text(encoding="utf-8"),
        lambda: list(NEWSROOM_SEEDS.glob("*.txt")),
        lambda: os.listdir(NEWSROOM_SEEDS),
        lambda: shutil.copytree(NEWSROOM_SEEDS, "/nonexistent/copy"),
        lambda: subprocess.run([sys.executable, "build.py", "--docs", "/nonexistent/docs"], cwd=ROOT, check=False),
        lambda: subprocess.run([sys.executable, "build.py", "--seeds", str(NEWSROOM_SEEDS)], check=False),
        lambda: subprocess.run([sys.executable, "-m", "chronique.pipeline", f"--seeds={NEWSROOM_SEEDS}"], check=False),
    ],
    ids=["open", "glob", "listdir", "copytree", "build.py-default-seeds", "build.py-seeds-argument", "seeds="],
)
def test_a_test_touching_the_newsrooms_seeds_is_stopped(touch):
    with SEEDS_GUARD.expected(), pytest.raises(SeedsRead):
        touch()


def test_the_guard_lets_the_fixture_site_and_build_py_elsewhere_through(tmp_path):
    assert sorted(p.name for p in FIXTURE_SITE.glob("*.txt"))
    run = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--help"], cwd=tmp_path, capture_output=True, check=False
    )
    assert run.returncode == 0
    # a tool that reads build.py's source from the project's folder (ruff, in test_ci.py) reads no seeds
    assert subprocess.run(["true", "build.py"], cwd=ROOT, check=False).returncode == 0


# The project root joined with "seeds", or a constant for the folder: the guard catches
# what a test run reads; this catches bench/ (never run by the tests) and dead code.
NAMES_THE_FOLDER = re.compile(r"""\b(?:ROOT|REPO_ROOT|parents?(?:\[\d\])?)\s*/\s*["']seeds\b|\bSEEDS\b""")


def test_no_test_or_benchmark_source_names_the_newsrooms_seeds():
    sources = [*ROOT.joinpath("tests").rglob("*.py"), *ROOT.joinpath("bench").rglob("*.py")]
    naming = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources
        if path.name != "conftest.py" or path.parent != ROOT / "tests"  # the guard names what it guards
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if NAMES_THE_FOLDER.search(line)
    ]
    assert not naming, f"these lines name the newsroom's seeds/: {naming}"
