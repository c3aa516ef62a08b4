"""End to end: the generated tree renders with `mkdocs build --strict`, in French."""

import re

import pytest

from tests.conftest import mkdocs_build


@pytest.fixture(scope="session")
def fixture_site(site_build, tmp_path_factory):
    _, docs = site_build
    status, output, site = mkdocs_build(docs, tmp_path_factory.mktemp("mkdocs"))
    return status, output, site


def test_mkdocs_strict_build_passes_without_warning(fixture_site):
    status, output, _ = fixture_site
    assert status == 0, output
    assert "WARNING" not in output


def test_site_is_in_french_and_article_pages_are_not_in_the_nav(fixture_site):
    _, _, site = fixture_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in home
    article = next((site / "articles").rglob("index.html")).read_text(encoding="utf-8")
    # the nav lists the sections, never every article
    nav = re.search(r'<nav class="md-nav md-nav--primary[^>]*>.*?</nav>', article, re.S).group(0)
    assert "articles/" not in nav


def test_every_internal_link_resolves(fixture_site):
    _, _, site = fixture_site
    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # absolute URLs from site_url, served from the root
            continue
        for href in re.findall(r'href="([^"#?]+)', page.read_text(encoding="utf-8")):
            if href.startswith(("http:", "https:", "mailto:", "data:", "//")):
                continue
            target = (page.parent / href).resolve()
            if not (target.exists() or (target / "index.html").exists()):
                broken.append((page.relative_to(site).as_posix(), href))
    assert not broken, broken[:10]


def test_undated_and_year_only_articles_render_strictly(seed_folder, tmp_path):
    from tests.conftest import build_folder, copy_hand_written_docs

    seeds = seed_folder(
        {
            "datee.txt": " date 2026-01-02 Un article daté\n\nLe texte de l'article daté parle de coopération.\n",
            "annee.txt": " date 2025 Un article de l'année\n\nUn texte dont on ne connaît que l'année.\n",
            "sans.txt": "Un article sans aucune date, qui parle de culture et d'amitié entre les peuples.\n",
        }
    )
    docs = tmp_path / "docs"
    copy_hand_written_docs(docs)
    build_folder(seeds, docs)
    status, output, _ = mkdocs_build(docs, tmp_path / "work")
    assert status == 0, output


def test_an_articles_own_subheading_like_a_related_section_stays_searchable(seed_folder, tmp_path):
    """Only the sections about other articles are kept out of the search index
    (data-pagefind-ignore); an article's own subheading "À lire aussi" is its text."""
    from tests.conftest import build_folder, copy_hand_written_docs

    seeds = seed_folder(
        {
            "a.txt": (
                " date 2025-05-06 Le Laos et le Vietnam ouvrent une nouvelle ligne ferroviaire\n\n"
                "Vientiane (VNA) - Les deux pays ont inauguré mardi une ligne ferroviaire entre Vientiane et Hanoï.\n\n"
                "À lire aussi\n\n"
                "Le tronçon lao longe le Mékong sur cent kilomètres jusqu'à Thakhek.\n\n"
                ">> Le Vietnam et le Laos signent un accord sur l'énergie\n\n"
                "VNA/CVN\n"
            )
        }
    )
    docs = tmp_path / "docs"
    copy_hand_written_docs(docs)
    build_folder(seeds, docs)
    status, output, site = mkdocs_build(docs, tmp_path / "mkdocs")
    assert status == 0, output
    page = next((site / "articles").rglob("index.html")).read_text(encoding="utf-8")
    from chronique.site.search import indexed_part  # what Pagefind reads (tests/test_search_index.py)

    indexed = indexed_part(page)
    assert "accord sur l&#x27;énergie" in page or "accord sur l'énergie" in page
    assert "énergie" not in indexed  # the related headline
    assert "Thakhek" in indexed  # the article's own section
    assert 'id="a-lire-aussi"' in page and 'id="chronique-a-lire-aussi"' in page
