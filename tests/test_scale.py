"""Pages that do not grow with the corpus: a 300-article synthetic build.

The index and every list of articles (taxonomy terms, their index pages, archives)
are cut at 100 entries a page, and an article's own page is the same size whether
the corpus has 100 or 300 articles. bench/bench.py measures the times; this checks
the shapes that keep them linear.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from chronique import synth
from tests.conftest import build_folder

SEED = "scale"
PAGE_SIZE = 100
ENTRY = re.compile(r"^<li><strong>", re.M)  # one article in a list (templates/_macros.j2, entry)
TERM = re.compile(r"^- \[", re.M)  # one term in a taxonomy's index (templates/terms.md.j2)
TAXONOMIES = ("sujets", "personnes", "organisations", "lieux", "sources")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """{N: docs folder} for 300 and 100 articles of the same synth seed. The 300 build
    runs first and the 100 build reuses its extraction cache (article i of the
    generator does not depend on N), so the NER model runs once per article."""
    root = tmp_path_factory.mktemp("scale")
    cache = root / "cache"
    out = {}
    for n in (300, 100):
        seeds = root / f"seeds-{n}"
        synth.write_corpus(n, seeds, seed=SEED)
        docs = root / f"docs-{n}"
        result = build_folder(seeds, docs, cache=cache, jobs=1)
        out[n] = (docs, seeds, result)
    return out


def entries(path: Path) -> int:
    """Article entries in a list page; on the home page, those under "Tous les articles"
    (the announced events and the busiest terms above it are lines of the same shape)."""
    text = path.read_text(encoding="utf-8")
    if "\n## Tous les articles\n" in text:
        text = text.split("\n## Tous les articles\n", 1)[1]
    return len(ENTRY.findall(text))


def test_index_paginates(builds):
    docs, _, _ = builds[300]
    pages = [docs / "index.md"] + sorted((docs / "page").glob("*.md"), key=lambda p: int(p.stem))
    assert len(pages) >= 3, [p.name for p in pages]
    assert [p.stem for p in pages[1:]] == [str(n) for n in range(2, len(pages) + 1)]
    counts = [entries(p) for p in pages]
    assert all(0 < c <= PAGE_SIZE for c in counts), counts
    assert all(c == PAGE_SIZE for c in counts[:-1]), counts  # only the last page is short
    # 300 articles minus the near-copies, which the index does not list.
    assert 250 <= sum(counts) <= 300, counts


def test_taxonomy_pages_hold_at_most_100_entries(builds):
    docs, _, _ = builds[300]
    paged_terms = 0
    for folder in TAXONOMIES:
        if not (docs / folder).is_dir():
            continue
        for page in (docs / folder).rglob("*.md"):
            term_page = page.parent != docs / folder  # a term's next pages: <folder>/<term>/page-2.md
            if not term_page and (page.stem == "index" or page.stem.startswith("page-")):
                assert len(TERM.findall(page.read_text(encoding="utf-8"))) <= PAGE_SIZE, page
            else:
                count = entries(page)
                assert 0 < count <= PAGE_SIZE, (page, count)
                paged_terms += term_page
    # Vietnam and Laos are in nearly every article: their pages must have been split.
    assert paged_terms >= 1


def test_archive_pages_hold_at_most_100_entries(builds):
    docs, _, _ = builds[300]
    for page in (docs / "archives").rglob("*.md"):
        if page.name != "index.md":
            assert entries(page) <= PAGE_SIZE, page


def test_a_pager_links_the_first_last_and_nearby_pages_by_their_final_urls():
    from chronique.write import pager_html

    paths = ["lieux/laos.md"] + [f"lieux/laos-{n}.md" for n in range(2, 101)]
    middle = pager_html("lieux/laos-50.md", paths, 50)
    numbers = re.findall(r">(\d+)<", middle)
    assert numbers == ["1", "48", "49", "50", "51", "52", "100"]
    assert middle.count("…") == 2 and '<strong aria-current="page">50</strong>' in middle
    assert '<a href="../laos/">1</a>' in middle and '<a href="../laos-100/">100</a>' in middle
    assert 'href="../laos-49/" rel="prev"' in middle and 'href="../laos-51/" rel="next"' in middle
    first = pager_html("lieux/laos.md", paths, 1)
    assert re.findall(r">(\d+)<", first) == ["1", "2", "3", "100"] and 'rel="prev"' not in first
    assert re.findall(r">(\d+)<", pager_html("lieux/laos-100.md", paths, 100)) == ["1", "98", "99", "100"]


def test_every_pager_of_the_site_links_existing_pages_as_html(builds):
    docs, _, _ = builds[300]
    pagers = 0
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(docs).as_posix()
        found = re.search(
            r'<nav class="chronique-pager" aria-label="Pages">(.*)</nav>', page.read_text(encoding="utf-8")
        )
        if not found:
            continue
        pagers += 1
        assert "**" not in found.group(1) and "](" not in found.group(1), rel  # no Markdown in an HTML block
        url = rel.removesuffix(".md").removesuffix("index") + ("" if rel.endswith("index.md") else "/")
        for href in re.findall(r'href="([^"]+)"', found.group(1)):
            target = posixpath.normpath(posixpath.join(url, href))
            assert (docs / f"{target}.md").is_file() or (docs / target / "index.md").is_file(), (rel, href)
    assert pagers >= 5  # the index, Vietnam and Laos at least


def article_pages(docs: Path) -> dict[str, Path]:
    """{seed file name: its article page}."""
    pages = {}
    for page in (docs / "articles").rglob("*.md"):
        found = re.search(r"^seed: (\S+)$", page.read_text(encoding="utf-8"), re.M)
        if found:
            pages[found.group(1).strip("'\"")] = page
    return pages


def test_article_page_size_does_not_depend_on_n(builds):
    small_docs, small_seeds, _ = builds[100]
    big_docs, big_seeds, _ = builds[300]
    small, big = article_pages(small_docs), article_pages(big_docs)
    # The same article: same seed name and the same text in both corpora (which
    # articles are near-copies can differ with N).
    same = [
        name
        for name in sorted(small)
        if name in big and (small_seeds / name).read_bytes() == (big_seeds / name).read_bytes()
    ]
    assert len(same) >= 50
    for name in same:
        a, b = small[name].stat().st_size, big[name].stat().st_size
        # Only "Articles liés" (a bounded list) may differ: a few hundred bytes.
        assert abs(a - b) <= 1500, (name, a, b)
    sizes_small = sorted(small[n].stat().st_size for n in same)
    sizes_big = sorted(big[n].stat().st_size for n in same)
    median_small, median_big = sizes_small[len(same) // 2], sizes_big[len(same) // 2]
    assert median_big <= median_small * 1.1, (median_small, median_big)


def test_two_cores_build_the_same_site_as_one(builds):
    """On a large corpus collect() finds duplicates, and render() writes the article
    pages, in a forked process: the site must be the same, page for page."""
    from chronique import collect, write

    _, _, result = builds[300]
    articles = list(result.articles)
    one, two = collect.collect(articles, jobs=1), collect.collect(articles, jobs=2)
    assert two == one
    assert any(entry.duplicate_of for entry in two.entries)  # the forked half did find the copies
    info = write.SiteInfo("https://example.org/", "Chronique", "")
    pages_one, pages_two = write.render(one, info, jobs=1), write.render(two, info, jobs=2)
    assert list(pages_two) == list(pages_one)
    assert pages_two == pages_one
    assert sum(path.startswith("articles/") for path in pages_two) >= 250


def test_report_on_a_large_corpus_lists_errors_first_and_sums_up_the_rest(builds):
    from io import StringIO

    from rich.console import Console

    from chronique.model import ERROR, Problem
    from chronique.report import TABLE_ROWS, Report

    _, _, result = builds[300]
    broken = Problem("zz_binary.txt", "file", ERROR, "not a text file; skipped")
    out = StringIO()
    Report(progress=False, console=Console(file=out, width=240)).show(result.site, [*result.problems, broken])
    text = out.getvalue()
    rows = [line for line in text.splitlines() if re.match(r"^│ \S+\.txt", line)]
    assert len(rows) == TABLE_ROWS  # hundreds of articles to check, a readable table
    assert rows[0].startswith("│ zz_binary.txt")  # the error comes first, whatever its name
    assert re.search(r"\d+ de plus\)", text) and "1 erreur fichier" in text and "avertissement date" in text


def test_one_render_in_a_single_process_checks_every_link_and_anchor_across_the_site(builds, tmp_path):
    # chronique.site renders a large site in shares, and MkDocs checks an anchor only
    # against the pages of its own share: here the whole 300-article site is rendered by
    # one `mkdocs build --strict`, which checks every link and #anchor between its pages.
    from tests.conftest import mkdocs_build

    docs, _, _ = builds[300]
    status, output, site = mkdocs_build(docs, tmp_path / "whole")
    assert status == 0, output[-3000:]
    assert len(list(site.rglob("index.html"))) > 600

    # and a link to an anchor no page has fails that render
    broken = tmp_path / "broken-docs"
    broken.mkdir()
    (broken / "index.md").write_text("# Accueil\n\n[la suite](suite.md#nulle-part)\n", encoding="utf-8")
    (broken / "suite.md").write_text("# Suite\n\n## Ailleurs\n", encoding="utf-8")
    status, output, _ = mkdocs_build(broken, tmp_path / "broken")
    assert status != 0 and "nulle-part" in output
