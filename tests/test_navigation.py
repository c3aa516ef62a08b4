"""Moving around the site: previous and next article in date order on each article
page, with French labels a screen reader announces."""

import html
import re

from tests.conftest import build_folder, copy_site_fixtures


def prev_next(page: str) -> str:
    found = re.search(r'<nav class="chronique-prev-next" aria-label="Articles voisins".*?</nav>', page, re.S)
    return found.group(0) if found else ""


def dated_newest_first(result):
    return [e for e in result.site.entries if e.article.date and not e.duplicate_of]


def test_an_article_links_the_older_and_the_newer_one_in_date_order(site_build):
    result, docs = site_build
    newest, middle, *_ = dated_newest_first(result)
    nav = prev_next((docs / middle.path).read_text(encoding="utf-8"))
    assert "<span>Article précédent</span>" in nav and "<span>Article suivant</span>" in nav
    assert 'rel="next"' in nav and html.escape(newest.article.title) in nav.split("Article suivant")[1]
    assert nav.index("Article précédent") < nav.index("Article suivant")


def test_the_newest_article_has_no_next_and_the_oldest_no_previous(site_build):
    result, docs = site_build
    dated = dated_newest_first(result)
    newest = prev_next((docs / dated[0].path).read_text(encoding="utf-8"))
    oldest = prev_next((docs / dated[-1].path).read_text(encoding="utf-8"))
    assert "Article précédent" in newest and "Article suivant" not in newest
    assert "Article suivant" in oldest and "Article précédent" not in oldest


def test_a_new_article_changes_its_neighbours_markdown_so_they_are_rendered_again(tmp_path):
    # the incremental render redoes only the pages whose Markdown changed: the
    # neighbours' must change when an article arrives between them
    seeds = copy_site_fixtures(tmp_path / "seeds")
    docs = tmp_path / "docs"
    result = build_folder(seeds, docs)
    newest = dated_newest_first(result)[0]
    before = (docs / newest.path).read_text(encoding="utf-8")
    (seeds / "visite-plus-recente.txt").write_text(
        " date 2026-11-20 Une visite plus récente encore\n\n"
        "Le président Tô Lâm a reçu une délégation lao "
        "à Hanoï pour préparer la coopération de l'année prochaine entre les deux pays.\n",
        encoding="utf-8",
    )
    build_folder(seeds, docs)
    after = (docs / newest.path).read_text(encoding="utf-8")
    assert after != before
    assert "Une visite plus récente encore" in prev_next(after).split("Article suivant")[1]


def test_a_person_page_shows_its_breadcrumbs_home_people_name(site_build):
    result, docs = site_build
    person = next(t for t in result.site.taxonomies["people"] if t.name == "Tô Lâm")
    page = (docs / "personnes" / f"{person.slug}.md").read_text(encoding="utf-8")
    crumbs = re.search(r'<nav class="chronique-breadcrumbs" aria-label="Fil d\'Ariane".*?</nav>', page, re.S)
    assert crumbs, "the term page must have a breadcrumb nav"
    items = re.findall(r"<li[^>]*>(.*?)</li>", crumbs.group(0))
    assert [re.sub(r"<[^>]+>", "", item) for item in items] == ["Accueil", "Personnes", "Tô Lâm"]
    assert '<li aria-current="page">Tô Lâm</li>' in crumbs.group(0)
    assert "<ol>" in crumbs.group(0)


def active_tab(html_page: str) -> list[str]:
    """The labels of the tabs marked active (Material's md-tabs__item--active)."""
    items = re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a[^>]*>(.*?)</a>', html_page, re.S)
    return [re.sub(r"\s+", " ", item).strip() for item in items]


def test_a_person_page_outside_the_nav_marks_the_people_tab(site_build, tmp_path):
    from tests.conftest import mkdocs_build

    result, docs = site_build
    status, output, site = mkdocs_build(docs, tmp_path / "mkdocs")
    assert status == 0, output
    person = next(t for t in result.site.taxonomies["people"] if t.name == "Tô Lâm")
    person_page = (site / "personnes" / person.slug / "index.html").read_text(encoding="utf-8")
    assert active_tab(person_page) == ["Personnes"]
    assert active_tab((site / "personnes" / "index.html").read_text(encoding="utf-8")) == ["Personnes"]
    assert active_tab((site / "index.html").read_text(encoding="utf-8")) == ["Accueil"]
