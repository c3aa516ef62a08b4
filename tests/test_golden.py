"""The fixture site (tests/fixtures/site/) gives exactly the hand-checked tree in tests/golden/site/."""

from tests.golden import GOLDEN


def test_the_fixture_site_generates_the_golden_tree(site_build):
    result, _ = site_build
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*") if p.is_file()
    }
    assert sorted(result.files) == sorted(expected), (
        "files added or missing: run `make golden` after a deliberate change"
    )
    for rel, text in result.files.items():
        assert text == expected[rel], f"{rel} differs from the golden tree: run `make golden` after a deliberate change"
