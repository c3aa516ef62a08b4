"""The five seeds give exactly the hand-checked tree in tests/golden/seeds/."""

from tests.golden import GOLDEN


def test_seeds_generate_the_golden_tree(seeds_build):
    result, _ = seeds_build
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.is_file()
    }
    assert sorted(result.files) == sorted(expected), (
        "files added or missing: run `make golden` after a deliberate change"
    )
    for rel, text in result.files.items():
        assert text == expected[rel], f"{rel} differs from the golden tree: run `make golden` after a deliberate change"
