"""The synthetic corpus generator: deterministic, shaped like seeds/, with near-copies on demand.

Most tests look at what `python -m chronique.synth` writes, with patterns written
here by hand from the real seeds – not at the generator's own bookkeeping.
"""

from __future__ import annotations

import collections
import itertools
import json
import os
import re
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from chronique import synth

ROOT = Path(__file__).resolve().parents[1]

HEADER = re.compile(r"^ date (\d{4}-\d{2}(?:-\d{2})?) (\S.*)$")
DAY_HEADER = re.compile(r"^ date \d{4}-\d{2}-\d{2} ")
MONTH_HEADER = re.compile(r"^ date \d{4}-\d{2} ")
# A photo file name: a folded Vietnamese slug, a 7-digit picture id, a space, then
# a 13-digit millisecond Unix timestamp that may run on with more digits.
PHOTO = re.compile(r"^[a-z]+(\d{7}) (\d{13})\d*\.jpg$")
DATELINE = re.compile(
    r"^(Hanoï|Hanoi|Vientiane|Hô Chi Minh-Ville), (1er|\d{1,2}) "
    r"(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
    r" \(VNA\) [–—-] \S"
)
CREDIT = re.compile(r"^Photo( d'archives)? : (VNA|VNA/CVN|VGP)$")
CAPTION_WITH_CREDIT = re.compile(r"^\S.* Photo( d'archives)? : (VNA|VNA/CVN|VGP)\)?$")
SOURCE = re.compile(r"^Source ?: https://([a-z.]+)/\S+$")
SIGN_OFFS = ("VNA/CVN", "VNA", "CVN")


def run_synth(*args: object, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chronique.synth", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


def read_corpus(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("synth") / "not" / "yet" / "there"
    run_synth(200, out, "--seed", 11)
    return read_corpus(out)


def lines(text: str) -> list[str]:
    return text.split("\n")


def has_header(text: str) -> bool:
    return text.startswith(" date ")


def photo_lines(text: str) -> list[str]:
    return [line for line in lines(text) if line.endswith(".jpg")]


def last_line(text: str) -> str:
    return text.rstrip("\n").rsplit("\n", 1)[-1]


def is_subheading(line: str) -> bool:
    """A short line of its own without final punctuation, that is no other kind of line."""
    return (
        0 < len(line.split()) <= 12
        and line[-1] not in ".!?:;»)"
        and not line.startswith((">>", "Photo", "Source"))
        and not line.endswith(".jpg")
        and line not in SIGN_OFFS
    )


def has_subheading(text: str) -> bool:
    rows = lines(text.rstrip("\n"))
    return any(is_subheading(row) for row in rows[1:-1])


def body(text: str) -> str:
    return text.split("\n\n", 1)[1] if has_header(text) else text


def two_line_caption(text: str) -> bool:
    """A caption sentence, then the credit alone on the next line (not under a photo file name)."""
    rows = lines(text)
    return any(
        CREDIT.match(rows[i])
        and rows[i - 1].endswith(".")
        and len(rows[i - 1].split()) < 40
        and not PHOTO.match(rows[i - 1])
        for i in range(1, len(rows))
    )


# -------------------------------------------------------------------------- files


def test_writes_n_zero_padded_files_into_a_folder_it_creates(corpus):
    assert list(corpus) == [f"synth_{i:06d}.txt" for i in range(200)]


def test_every_article_has_between_250_and_900_words(corpus):
    counts = {name: len(text.split()) for name, text in corpus.items()}
    assert all(250 <= n <= 900 for n in counts.values()), {k: v for k, v in counts.items() if not 250 <= v <= 900}


def test_text_is_utf8_with_unix_newlines_and_no_template_leftovers(corpus):
    for name, text in corpus.items():
        assert "\r" not in text, name
        for leftover in ("{", "}", "⟦", "⟧", "§", "None"):
            assert leftover not in text, (name, leftover)


# -------------------------------------------------------------------------- determinism


def test_same_seed_gives_byte_identical_files_whatever_the_hash_seed(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    run_synth(60, first, "--seed", 5, "--duplicates", 0.1, env={**os.environ, "PYTHONHASHSEED": "1"})
    run_synth(60, second, "--seed", 5, "--duplicates", 0.1, env={**os.environ, "PYTHONHASHSEED": "2"})
    a, b = sorted(first.iterdir()), sorted(second.iterdir())
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))


def test_different_seeds_give_different_articles():
    one = [article.text for article in synth.generate(50, seed=1)]
    two = [article.text for article in synth.generate(50, seed=2)]
    assert sum(x != y for x, y in zip(one, two)) == 50


def test_an_article_does_not_depend_on_the_size_of_the_corpus():
    small = [a.text for a in synth.generate(30, seed=4, duplicates=0)]
    large = [a.text for a in synth.generate(120, seed=4, duplicates=0)]
    assert small == large[:30]


# -------------------------------------------------------------------------- shapes of the seeds

SHAPES = {
    "day header": lambda t: bool(DAY_HEADER.match(t)),
    "month-only header": lambda t: bool(MONTH_HEADER.match(t)),
    "no header, dated by photo file names": lambda t: not has_header(t) and bool(photo_lines(t)),
    "no header, dated by a dateline": lambda t: not has_header(t) and bool(DATELINE.match(t)),
    "no header, no photo, no dateline": lambda t: not has_header(t) and not photo_lines(t) and not DATELINE.match(t),
    "dateline under a header": lambda t: has_header(t) and bool(DATELINE.match(lines(t)[2])),
    ">> related headlines": lambda t: any(line.startswith(">> ") for line in lines(t)),
    "one-line caption ending with the credit": lambda t: any(CAPTION_WITH_CREDIT.match(line) for line in lines(t)),
    "two-line caption": two_line_caption,
    "credit alone on its line": lambda t: "\nPhoto : VNA/CVN\n" in t or t.startswith("Photo : VNA/CVN"),
    "photo file name then credit": lambda t: bool(re.search(r"\.jpg\nPhoto : VNA", t)),
    "subheading": has_subheading,
    "Source line": lambda t: bool(SOURCE.match(last_line(t))),
    "VNA/CVN sign-off": lambda t: last_line(t) == "VNA/CVN",
    "no ending at all": lambda t: not SOURCE.match(last_line(t)) and last_line(t) not in SIGN_OFFS,
    "paragraphs on single newlines": lambda t: "\n\n" not in body(t).strip("\n"),
    "names with diacritics": lambda t: bool(re.search("Nguyễn|Phạm|Trần|Tô Lâm|Bùi|Võ", t)),
    "names without diacritics": lambda t: bool(re.search(r"Nguyen [A-Z]|Pham [A-Z]|Tran [A-Z]|To Lam|Bui Thanh", t)),
    "a figure in dollars": lambda t: bool(re.search(r"\d(,\d)? (milliards?|millions) (de dollars|d'USD|d’USD)", t)),
    "a percentage": lambda t: bool(re.search(r"\d(,\d)?[\s\u00a0]?%", t)),
    "party acronyms": lambda t: "PCV" in t or "PPRL" in t,
    "curly apostrophes": lambda t: "’" in t,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_of_the_seeds_appears_in_200_articles(corpus, shape):
    matching = [name for name, text in corpus.items() if SHAPES[shape](text)]
    assert len(matching) >= 2, f"{shape}: {len(matching)} article(s)"


def test_headed_and_bare_articles_come_in_realistic_proportions(corpus):
    headed = sum(has_header(text) for text in corpus.values())
    month_only = sum(bool(MONTH_HEADER.match(text)) for text in corpus.values())
    assert 0.4 <= headed / len(corpus) <= 0.7
    assert 0.1 <= month_only / len(corpus) <= 0.3


def test_source_lines_name_several_news_sites(corpus):
    domains = {SOURCE.match(last_line(t)).group(1) for t in corpus.values() if SOURCE.match(last_line(t))}
    for site in ("vietnamplus.vn", "lecourrier.vn", "vietnamnet.vn"):
        assert any(domain.endswith(site) for domain in domains), (site, domains)
    assert any("vov" in domain for domain in domains), domains


def test_headers_are_well_formed_and_dated_2015_to_2026(corpus):
    for name, text in corpus.items():
        first = lines(text)[0]
        if "date" not in first.split()[:1]:
            continue
        match = HEADER.match(first)
        assert match, f"{name}: malformed header {first!r}"
        assert lines(text)[1] == "", f"{name}: no blank line under the header"
        stamp, title = match.groups()
        day = date.fromisoformat(stamp if len(stamp) == 10 else stamp + "-01")
        assert date(2015, 1, 1) <= day <= date(2026, 12, 31), name
        assert not title.endswith("."), name


def test_photo_timestamps_decode_to_dates_within_2015_to_2026(corpus):
    stamps = []
    for name, text in corpus.items():
        for line in photo_lines(text):
            match = PHOTO.match(line)
            assert match, f"{name}: photo line {line!r}"
            stamps.append(datetime.fromtimestamp(int(match.group(2)) / 1000, tz=timezone.utc))
    assert len(stamps) >= 40
    assert all(2015 <= stamp.year <= 2026 for stamp in stamps)
    assert len({stamp.year for stamp in stamps}) >= 8, "dates should spread over the years"


def test_photos_of_a_day_headed_article_were_taken_that_day(corpus):
    checked = 0
    for text in corpus.values():
        if DAY_HEADER.match(text) and photo_lines(text):
            day = lines(text)[0].split()[1]
            for line in photo_lines(text):
                millis = int(PHOTO.match(line).group(2))
                assert datetime.fromtimestamp(millis / 1000, tz=timezone.utc).date().isoformat() == day
                checked += 1
    assert checked


# -------------------------------------------------------------------------- near-copies


def shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    tokens = text.split()
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def count_near_copies(texts: list[str], threshold: float = 0.45) -> int:
    """How many articles are near-copies of another: articles in a cluster of look-alikes, minus one per cluster."""
    sets = [shingles(text) for text in texts]
    frequency: dict[tuple, list[int]] = {}
    for index, shingle_set in enumerate(sets):
        for shingle in shingle_set:
            frequency.setdefault(shingle, []).append(index)
    # Look-alikes share many shingles that few other articles have: only those pairs are compared.
    shared = collections.Counter(
        pair for docs in frequency.values() if 1 < len(docs) <= 8 for pair in itertools.combinations(docs, 2)
    )
    pairs = sorted(pair for pair, count in shared.items() if count >= 20)
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, b in pairs:
        if len(sets[a] & sets[b]) / len(sets[a] | sets[b]) >= threshold:
            parent[root(b)] = root(a)
    return len(texts) - len({root(i) for i in range(len(texts))})


@pytest.mark.parametrize("fraction, expected", [(None, 6), (0.0, 0), (0.1, 30), (0.25, 75)])
def test_duplicates_fraction_is_honoured(tmp_path, fraction, expected):
    options = [] if fraction is None else ["--duplicates", fraction]  # None: the default, 2 %
    run_synth(300, tmp_path, "--seed", 3, *options)
    texts = list(read_corpus(tmp_path).values())
    assert count_near_copies(texts) == expected
    assert len(set(texts)) == 300, "a near-copy is never an exact copy"


def test_near_copies_are_truncated_or_reworded_versions_of_an_earlier_article():
    articles = list(synth.generate(400, seed=8, duplicates=0.1))
    by_name = {a.name: a for a in articles}
    kinds = set()
    for copy in (a for a in articles if a.duplicate_of):
        original = by_name[copy.duplicate_of]
        assert original.name < copy.name and original.duplicate_of is None
        jaccard = len(shingles(copy.text) & shingles(original.text)) / len(
            shingles(copy.text) | shingles(original.text)
        )
        assert jaccard >= 0.45, copy.name
        kinds.add(copy.copy_kind)
        if copy.copy_kind == "truncated":
            assert len(copy.text.split()) < len(original.text.split())
    assert kinds == {"truncated", "reworded", "both"}


def test_truth_file_says_what_was_generated(tmp_path):
    run_synth(40, tmp_path / "out", "--seed", 9, "--duplicates", 0.1, "--truth", tmp_path / "truth.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["file"] for row in rows] == [f"synth_{i:06d}.txt" for i in range(40)]
    assert sum(row["duplicate_of"] is not None for row in rows) == 4
    for row in rows:
        text = (tmp_path / "out" / row["file"]).read_text(encoding="utf-8")
        if DAY_HEADER.match(text):
            assert row["precision"] == "day" and text.startswith(f" date {row['date']} ")
        if MONTH_HEADER.match(text):
            assert row["precision"] == "month" and text.startswith(f" date {row['date'][:7]} ")


def test_rejects_a_fraction_outside_zero_to_one(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "chronique.synth", "5", str(tmp_path), "--duplicates", "1.5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "--duplicates" in result.stderr


# -------------------------------------------------------------------------- speed


def test_a_thousand_articles_take_well_under_a_second_or_two():
    started = time.perf_counter()
    for _ in synth.generate(1000, seed=12):
        pass
    assert time.perf_counter() - started < 3.0  # about 0.3 s; generous for a busy machine
