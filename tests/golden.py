"""The golden tree: every file the fixture site (tests/fixtures/site/) generates,
checked by hand once and kept in tests/golden/site/. `make golden`
(python -m tests.golden update) rewrites it after a deliberate change; review the
diff before committing it. It never depends on the newsroom's seeds/."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden" / "site"


def generate() -> dict[str, str]:
    from tests.conftest import build_folder, copy_site_fixtures

    with tempfile.TemporaryDirectory() as tmp:
        seeds = copy_site_fixtures(Path(tmp) / "seeds")
        return dict(build_folder(seeds, Path(tmp) / "docs").files)  # read before docs/ goes


def update() -> None:
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for rel, text in generate().items():
        target = GOLDEN / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"golden tree rewritten in {GOLDEN}: review it with git diff")


if __name__ == "__main__":
    if sys.argv[1:] != ["update"]:
        sys.exit("usage: python -m tests.golden update")
    update()
