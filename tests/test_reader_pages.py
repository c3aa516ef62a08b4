"""The reader's pages on the fixture site (tests/fixtures/site/): taxonomies, related
articles, key figures with their discrepancy, timeline, feeds, exports and charts."""

import json
import re

import feedparser
import frontmatter

from tests.conftest import fixture_page


def page(docs, rel):
    return (docs / rel).read_text(encoding="utf-8")


def linked_articles(text):
    """The article pages a list page links to, as paths of docs/ (its links are HTML,
    with the pages' final URLs: ../articles/titre/ for articles/titre.md)."""
    return {
        re.sub(r"^(\.\./)+", "", url).rstrip("/") + ".md"
        for url in re.findall(r'<a href="((?:\.\./)*articles/[^"]+/)"', text)
    }


def test_every_taxonomy_term_page_lists_exactly_the_articles_that_carry_it(site_build):
    result, docs = site_build
    for key, folder in (
        ("tags", "sujets"),
        ("people", "personnes"),
        ("organizations", "organisations"),
        ("places", "lieux"),
        ("source", "sources"),
    ):
        listing = page(docs, f"{folder}/index.md")
        for term in result.site.taxonomies[key]:
            assert f"({term.slug}.md) ({len(term.ids)})" in listing
            carriers = {
                e.path
                for e in result.site.entries
                # a term groups the forms of one entity ("… lao", "… du Laos"): an article carries it by any
                if (
                    e.article.source == term.name
                    if key == "source"
                    else any(form in getattr(e.article, key) for form in term.forms or (term.name,))
                )
            }
            listed = linked_articles(page(docs, f"{folder}/{term.slug}.md"))
            assert listed == carriers, (folder, term.name)


def test_person_pages_have_folded_urls_and_article_pages_link_their_terms(site_build):
    _, docs = site_build
    assert (docs / "personnes" / "to-lam.md").exists()
    assert "[Toutes les personnes](index.md)" in page(docs, "personnes/to-lam.md")  # and not "Tous les personnes"
    interview = fixture_page(*site_build, "month_header_subheading_signoff")
    assert re.search(r'<a href="(\.\./)+personnes/to-lam/">Tô Lâm</a>', interview)
    # written "To Lam" in the summit's text, shown with its diacritics and the same page
    summit = fixture_page(*site_build, "bare_photo_timestamp_source_url")
    assert re.search(r'<a href="(\.\./)+personnes/to-lam/">Tô Lâm</a>', summit)


def test_the_aliases_file_beside_the_articles_merges_names(site_build):
    # tests/fixtures/site/aliases.yml: "Samdech Hun Manet" is Hun Manet, "Royaume de Thaïlande" is Thaïlande
    _, docs = site_build
    assert (docs / "personnes" / "hun-manet.md").exists()
    assert not (docs / "personnes" / "samdech-hun-manet.md").exists()
    assert (docs / "lieux" / "thailande.md").exists() and not (docs / "lieux" / "royaume-de-thailande.md").exists()


def test_each_article_ends_with_three_to_five_related_articles(site_build):
    result, _ = site_build
    for entry in result.site.entries:
        assert 3 <= len(entry.related) <= 5
        assert entry.article.id not in entry.related


def test_the_trade_discrepancy_for_2025_is_found_by_the_general_rule(site_build):
    # the summit says 2.6 billion dollars of trade in 2025, the ambassador 3 billion
    result, docs = site_build
    trade = [g for g in result.site.figures if g.discrepancy]
    assert trade, "two articles give different values for one thing"
    values = sorted(f.value for g in trade for f, _ in g.items if g.year == 2025)
    assert values == [2.6e9, 3e9]
    assert "Écart entre articles" in page(docs, "chiffres-cles.md")


def test_timeline_marks_the_announced_visit(site_build):
    # written on 4 February 2026 about a visit "le 5 février 2026"
    _, docs = site_build
    timeline = page(docs, "chronologie.md")
    assert re.search(r"\*\*5 février 2026\*\* · \*annoncé\*", timeline)


def test_feeds_parse_without_error_and_carry_the_articles_dates(site_build):
    result, docs = site_build
    feed = feedparser.parse(page(docs, "feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    dates = {e.title: e.published_parsed[:3] for e in feed.entries}
    for entry in result.site.entries:
        a = entry.article
        if a.date:
            assert dates[a.title] == (a.date.value.year, a.date.value.month, a.date.value.day)
    topic_feed = feedparser.parse(page(docs, "sujets/diplomatie.xml"))
    assert not topic_feed.bozo and topic_feed.entries
    json_feed = json.loads(page(docs, "feed.json"))
    assert json_feed["version"].startswith("https://jsonfeed.org/version/1")


def test_exports_are_linked_from_the_home_page(site_build):
    _, docs = site_build
    home = page(docs, "index.md")
    assert "(data/articles.json)" in home and "(data/articles.csv)" in home
    assert page(docs, "data/articles.csv").splitlines()[0].startswith("\ufeffid;seed;slug;url;title;")


def test_charts_are_inline_svg_with_a_text_alternative(site_build):
    _, docs = site_build
    for rel in ("index.md", "archives/index.md", "chiffres-cles.md"):
        svg = re.search(r"<svg[^>]*role=\"img\".*?</svg>", page(docs, rel))
        assert svg and "<title" in svg.group(0) and "<desc" in svg.group(0), rel
    assert "<script" not in page(docs, "archives/index.md")


def test_held_article_vanishes_everywhere_and_a_corrected_title_keeps_its_url(seed_folder, tmp_path):
    from tests.conftest import build_folder

    seeds = seed_folder(
        {
            "a.txt": " date 2026-01-02 Premier article sur Tô Lâm\n\nLe secrétaire général Tô Lâm a reçu une délégation.\n",
            "b.txt": " date 2026-01-03 Second article\n\nLe Premier ministre Phạm Minh Chính a reçu une délégation.\n",
            "b.yml": "hold: true\n",
            "a.yml": "title: Un titre corrigé par la rédaction\n",
        }
    )
    result = build_folder(seeds, tmp_path / "docs")
    docs = tmp_path / "docs"
    everything = "\n".join(result.files.values())
    assert "Second article" not in everything and "Phạm Minh Chính" not in everything
    corrected = docs / "articles/a.md"
    assert frontmatter.load(corrected).metadata["title"] == "Un titre corrigé par la rédaction"
    record = json.loads(page(docs, "data/articles.json"))
    assert [a["title_source"] for a in record["articles"]] == ["editor"]


def test_the_same_story_twice_is_shown_once_and_linked(seed_folder, tmp_path):
    from tests.conftest import build_folder

    story = (
        "Les deux pays ont signé un accord de coopération dans le domaine de l'énergie, prévoyant la construction "
        "de nouvelles lignes électriques entre les provinces frontalières. Le projet sera financé par des prêts "
        "préférentiels et achevé d'ici trois ans, selon le ministère de l'Industrie et du Commerce. Les experts "
        "des deux parties se réuniront chaque trimestre pour suivre les travaux. "
    )
    seeds = seed_folder(
        {
            "original.txt": " date 2026-01-02 Accord sur l'énergie\n\n" + story * 3,
            "copie.txt": " date 2026-01-04 Un accord sur l'énergie signé\n\n" + story * 2,
        }
    )
    result = build_folder(seeds, tmp_path / "docs")
    record = json.loads(page(tmp_path / "docs", "data/articles.json"))
    copies = {a["id"]: a["duplicate_of"] for a in record["articles"]}
    assert copies == {"copie": "original", "original": None}
    index = page(tmp_path / "docs", "index.md")
    assert (
        "Un accord sur l'énergie signé" not in index and "1 autre version" in index
    )  # French grammar: one version, singular
    assert any(p.field == "duplicate" and p.file == "copie.txt" for p in result.problems)
