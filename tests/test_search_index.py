"""The search index (chronique/search.py): built from the article pages only, kept
as it is when no article's indexed text changed, rebuilt from empty when one did."""

from __future__ import annotations

import json
import shutil

import pytest

from chronique import search
from tests.conftest import mkdocs_build


@pytest.fixture
def site(seeds_build, tmp_path_factory, tmp_path):
    _, docs = seeds_build
    status, output, built = mkdocs_build(docs, tmp_path_factory.mktemp("search-mkdocs"))
    assert status == 0, output
    copy = tmp_path / "site"
    shutil.copytree(built, copy)
    return copy


def bundle_files(site):
    return sorted(p.relative_to(site).as_posix() for p in (site / search.BUNDLE).rglob("*") if p.is_file())


def test_index_holds_the_articles_and_is_kept_while_they_do_not_change(site):
    articles = sorted((site / "articles").rglob("index.html"))
    assert search.index_site(site, quiet=True) == len(articles) == 5
    first = bundle_files(site)
    assert sum(1 for f in first if "/fragment/" in f) == len(articles)  # one fragment an article, no other page
    stamp = json.loads((site / search.BUNDLE / search.STAMP).read_text(encoding="utf-8"))
    assert stamp["pages"] == len(articles)

    # a page that is not an article changes: the index is kept
    (site / "index.html").write_text((site / "index.html").read_text(encoding="utf-8") + "<!-- -->", encoding="utf-8")
    assert search.index_site(site, quiet=True) == 0
    assert bundle_files(site) == first


def test_a_changed_article_rebuilds_the_index_without_leftovers(site):
    search.index_site(site, quiet=True)
    first = bundle_files(site)
    page = sorted((site / "articles").rglob("index.html"))[0]
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", "</h1><p>Zanzibar.</p>", 1), encoding="utf-8")
    assert search.index_site(site, quiet=True) == 5
    again = bundle_files(site)
    assert again != first
    # Pagefind adds to its folder: the old chunks and fragments must not pile up
    assert sum(1 for f in again if "/fragment/" in f) == 5
    assert len(again) == len(first)


def test_indexed_part_is_the_article_body_without_the_page_chrome():
    page = ('<html><body><header>menu</header><article class="md-content__inner">'
            "<div data-pagefind-body><h1>Titre</h1><p>Texte</p></div></article><footer>pied</footer></body></html>")
    assert search.indexed_part(page) == "<div data-pagefind-body><h1>Titre</h1><p>Texte</p></div>"
    assert search.indexed_part("<html>autre</html>") == "<html>autre</html>"
