"""A published address never breaks: an article lives at the address of its file name,
whatever its date or title, and an address published before redirects to it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import frontmatter
import pytest

from chronique.site import search
from chronique.site import render as site_driver
from chronique.collect import reserved_term_slug
from chronique.site.hooks import REDIRECTS
from chronique.model import ERROR, WARNING
from chronique.urls import file_slug, load_redirects, normal_address
from tests.conftest import build_folder, copy_hand_written_docs, mkdocs_project

VISIT = (
    " date 2026 Visite officielle du Premier ministre lao à Hanoï\n\n"
    "Le Premier ministre lao Sonexay Siphandone a effectué une visite officielle au Vietnam.\n"
    "Les deux pays ont signé des accords de coopération dans l'énergie et les transports.\n"
)
FORMER = "articles/2026/visite-officielle-du-premier-ministre-lao-a-hanoi/"


def build_and_render(seeds: Path, docs: Path, workdir: Path) -> tuple[dict, Path]:
    """build.py then `mkdocs build --strict` (chronique.site, incremental from the second
    time). Returns ({article id: its record in data/articles.json}, site folder)."""
    if not docs.exists():
        copy_hand_written_docs(docs)
    result = build_folder(seeds, docs)
    assert not [p for p in result.problems if p.severity == ERROR], result.problems
    site, _ = site_driver.build_site(mkdocs_project(docs, workdir), quiet=True)
    records = json.loads((docs / "data/articles.json").read_text(encoding="utf-8"))["articles"]
    return {r["id"]: r for r in records}, site


def served(site: Path, address: str) -> str:
    page = site / address / "index.html"
    assert page.is_file(), f"{address} does not answer"
    return page.read_text(encoding="utf-8")


def redirect_target(site: Path, address: str) -> str:
    """Where the redirect page at `address` sends the reader, as a site-relative address."""
    text = served(site, address)
    assert search.is_redirect(site / address / "index.html")
    relative = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', text).group(1)
    return (Path("/") / address / relative).resolve().relative_to("/").as_posix() + "/"


def test_a_date_correction_keeps_the_article_at_its_address(seed_folder, tmp_path):
    seeds = seed_folder({"visite-pm-lao.txt": VISIT})
    docs, workdir = tmp_path / "docs", tmp_path / "project"
    records, site = build_and_render(seeds, docs, workdir)
    address = records["visite-pm-lao"]["url"]
    assert address == "articles/visite-pm-lao/"
    assert '<time datetime="2026">2026</time>' in served(site, address)

    (seeds / "visite-pm-lao.yml").write_text('date: "2026-02-04"\n', encoding="utf-8")
    records, site = build_and_render(seeds, docs, workdir)
    assert records["visite-pm-lao"]["date"] == "2026-02-04"
    assert records["visite-pm-lao"]["url"] == address
    page = served(site, address)  # the article itself, now with its corrected date
    assert "data-pagefind-body" in page and "4 février 2026" in page
    assert "Visite officielle du Premier ministre lao" in page


def test_an_address_published_before_redirects_to_the_article_after_a_date_correction(seed_folder, tmp_path):
    seeds = seed_folder({"visite-pm-lao.txt": VISIT, "redirects.yml": f"{FORMER}: visite-pm-lao\n"})
    docs, workdir = tmp_path / "docs", tmp_path / "project"
    _, site = build_and_render(seeds, docs, workdir)
    assert redirect_target(site, FORMER) == "articles/visite-pm-lao/"

    (seeds / "visite-pm-lao.yml").write_text('date: "2026-02-04"\ntitle: Un titre corrigé\n', encoding="utf-8")
    records, site = build_and_render(seeds, docs, workdir)
    assert redirect_target(site, FORMER) == records["visite-pm-lao"]["url"]
    page = served(site, FORMER)
    assert '<link rel="canonical" href="https://example.org/chronique/articles/visite-pm-lao/">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert "Cet article a changé d'adresse" in page and ">Un titre corrigé</a>" in page
    # a redirect page is no page of the site: not in the sitemap, not indexed for search
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "articles/visite-pm-lao/" in sitemap and "2026/visite-officielle" not in sitemap
    assert search.index_site(site, quiet=True) == 1
    index = json.loads((site / "pagefind" / "chronique-index.json").read_text(encoding="utf-8"))
    assert [b["pages"] for b in index["bundles"]] == [1]


def test_a_newer_article_with_the_same_title_and_date_never_takes_an_address(seed_folder, tmp_path):
    same = " date 2026-03-10 Réunion du comité mixte\n\nLe comité mixte s'est réuni à Vientiane.\n"
    seeds = seed_folder({"m-reunion.txt": same})
    first = build_folder(seeds, tmp_path / "docs")
    address = first.site.by_id["m-reunion"].url
    seed_folder({"a-reunion.txt": same.replace("Vientiane", "Hanoï"), "z-reunion.txt": same + "Suite.\n"})
    second = build_folder(seeds, tmp_path / "docs")
    assert second.site.by_id["m-reunion"].url == address == "articles/m-reunion/"
    assert second.site.by_id["a-reunion"].url == "articles/a-reunion/"


def test_an_editor_slug_moves_the_article_and_its_file_name_address_redirects(seed_folder, tmp_path):
    seeds = seed_folder({"visite-pm-lao.txt": VISIT, "visite-pm-lao.yml": "slug: Visite à Hanoï\n"})
    docs, workdir = tmp_path / "docs", tmp_path / "project"
    records, site = build_and_render(seeds, docs, workdir)
    assert records["visite-pm-lao"]["url"] == "articles/visite-a-hanoi/"
    assert "data-pagefind-body" in served(site, "articles/visite-a-hanoi/")
    assert redirect_target(site, "articles/visite-pm-lao/") == "articles/visite-a-hanoi/"

    # the slug taken back: the article is at its file-name address again (an incremental
    # render writes the page over the redirect), and nothing of the slug's page is left
    (seeds / "visite-pm-lao.yml").unlink()
    records, site = build_and_render(seeds, docs, workdir)
    assert records["visite-pm-lao"]["url"] == "articles/visite-pm-lao/"
    assert "data-pagefind-body" in served(site, "articles/visite-pm-lao/")
    assert not (site / "articles/visite-a-hanoi").exists()


def test_an_editor_slug_cannot_take_a_reserved_name_or_another_articles_address(seed_folder, tmp_path):
    seeds = seed_folder(
        {
            "a.txt": " date 2026-01-02 Premier\n\nUn texte.\n",
            "a.yml": "slug: '02'\n",
            "b.txt": " date 2026-01-03 Second\n\nUn autre texte.\n",
            "b.yml": "slug: commun\n",
            "c.txt": " date 2026-01-04 Troisième\n\nEncore un texte.\n",
            "c.yml": "slug: commun\n",
        }
    )
    result = build_folder(seeds, tmp_path / "docs")
    urls = {i: e.url for i, e in result.site.by_id.items()}
    assert urls == {"a": "articles/a/", "b": "articles/commun/", "c": "articles/c/"}
    slug_problems = {p.file: p for p in result.problems if p.field == "slug"}
    assert set(slug_problems) == {"a.yml", "c.yml"}
    assert "réservé" in slug_problems["a.yml"].message and "seeds/b.txt" in slug_problems["c.yml"].message


def test_a_file_name_that_is_no_clean_slug_or_names_a_reserved_folder_gets_a_hash_of_its_own():
    assert file_slug("visite-to-lam") == "visite-to-lam"
    assert file_slug("000_773f3c7a5f0cdce1") == "000_773f3c7a5f0cdce1"
    for reserved in ("02", "2026", "index", "page", "sans-date"):
        assert re.fullmatch(rf"{reserved}-[0-9a-f]{{8}}", file_slug(reserved)), reserved
    # two names one slugify apart never share an address, and the rule needs no other file
    assert file_slug("Été à Hanoï").startswith("ete-a-hanoi-")
    assert len({file_slug(n) for n in ("Été à Hanoï", "ete a hanoi", "ete-a-hanoi", "ETE-A-HANOI")}) == 4
    assert file_slug("Été à Hanoï") == file_slug("Été à Hanoï")
    # a clean name that looks like a hashed one is hashed too: it cannot take another file's address
    assert file_slug("ete-a-hanoi-0123abcd") != "ete-a-hanoi-0123abcd"


def test_an_article_titled_02_does_not_take_a_month_folder(seed_folder, tmp_path):
    seeds = seed_folder(
        {
            "douze.txt": " date 2026 02\n\nUn article dont le titre est un numéro de mois.\n",
            "02.txt": " date 2026-02-04 Un article de février\n\nLe texte de février.\n",
        }
    )
    result = build_folder(seeds, tmp_path / "docs")
    assert result.site.by_id["douze"].path == "articles/douze.md"
    assert re.fullmatch(r"articles/02-[0-9a-f]{8}\.md", result.site.by_id["02"].path)
    assert not (tmp_path / "docs/articles/02.md").exists() and not (tmp_path / "docs/articles/2026").exists()


def test_a_source_or_term_named_index_does_not_replace_the_list_pages(seed_folder, tmp_path):
    seeds = seed_folder(
        {
            "a.txt": " date 2026-01-02 Premier\n\nUn texte.\n",
            "a.yml": "source: Index\ntags: [Index, Page 2]\n",
        }
    )
    docs = tmp_path / "docs"
    result = build_folder(seeds, docs)
    sources = {t.name: t.slug for t in result.site.taxonomies["source"]}
    tags = {t.name: t.slug for t in result.site.taxonomies["tags"]}
    assert sources == {"Index": "index-2"} and tags == {"Index": "index-2", "Page 2": "page-2-2"}
    listing = frontmatter.load(docs / "sources/index.md")
    assert listing.metadata["title"] == "Sources" and "(index-2.md)" in listing.content
    assert frontmatter.load(docs / "sujets/index-2.md").metadata["title"] == "Sujets : Index"
    assert frontmatter.load(docs / "sujets/page-2-2.md").metadata["title"] == "Sujets : Page 2"


def test_a_term_slug_is_reserved_when_a_list_page_has_it():
    assert reserved_term_slug("index") and reserved_term_slug("page-2") and reserved_term_slug("page-12")
    assert not reserved_term_slug("covid-19") and not reserved_term_slug("pages") and not reserved_term_slug("g-20")


def test_a_feed_item_keeps_its_guid_and_link_after_a_title_and_date_correction(seed_folder, tmp_path):
    seeds = seed_folder({"visite-pm-lao.txt": VISIT.replace(" date 2026 ", " date 2026-01-20 ")})
    docs = tmp_path / "docs"

    def item() -> tuple[str, str]:
        files = build_folder(seeds, docs).files
        feed = json.loads(files["feed.json"])["items"][0]
        rss = re.search(r"<guid isPermaLink=\"false\">([^<]+)</guid>", files["feed.xml"]).group(1)
        assert rss == feed["id"]
        return feed["id"], feed["url"]

    before = item()
    (seeds / "visite-pm-lao.yml").write_text('date: "2026-02-04"\ntitle: Un titre corrigé\n', encoding="utf-8")
    assert item() == before == ("chronique:visite-pm-lao", "https://example.org/chronique/articles/visite-pm-lao/")


@pytest.mark.parametrize(
    ("text", "field", "severity", "words"),
    [
        (
            "https://example.org/chronique/articles/x/: a\n",
            "https://example.org/chronique/articles/x/",
            ERROR,
            "relative",
        ),
        ("sujets/economie/: a\n", "sujets/economie/", ERROR, "sous articles/"),
        ("articles/../index/: a\n", "articles/../index/", ERROR, "invalide"),
        ("articles/2026/x/: [a]\n", "articles/2026/x/", ERROR, "nom du fichier"),
        ("articles/2026/x/: absent\n", "articles/2026/x/", WARNING, "seeds/absent.txt"),
        ("articles/b/: a\n", "articles/b/", ERROR, "seeds/b.txt"),
        ("- une liste\n", "redirects", ERROR, "une adresse par ligne"),
    ],
)
def test_a_bad_redirect_line_is_reported_in_french_and_skipped(seed_folder, tmp_path, text, field, severity, words):
    seeds = seed_folder(
        {"a.txt": " date 2026-01-02 Premier\n\nUn texte.\n", "b.txt": " date 2026-01-03 Second\n\nUn autre.\n"}
    )
    (seeds / "redirects.yml").write_text(text, encoding="utf-8")
    result = build_folder(seeds, tmp_path / "docs")
    found = [p for p in result.problems if p.file == "redirects.yml"]
    assert [(p.field, p.severity) for p in found] == [(field, severity)]
    assert words in found[0].message
    assert REDIRECTS not in result.files  # no redirect page at all


def test_a_redirect_of_a_held_article_goes_silently_with_it(seed_folder, tmp_path):
    seeds = seed_folder({"a.txt": VISIT, "a.yml": "hold: true\n", "b.txt": " date 2026-01-03 Second\n\nUn autre.\n"})
    (seeds / "redirects.yml").write_text(f"{FORMER}: a\n", encoding="utf-8")
    result = build_folder(seeds, tmp_path / "docs")
    assert not [p for p in result.problems if p.file == "redirects.yml"]
    assert REDIRECTS not in result.files


def test_an_address_is_read_as_mkdocs_writes_it():
    assert normal_address("/articles/2026/02/titre/index.html") == "articles/2026/02/titre/"
    assert normal_address("articles/2026/titre") == "articles/2026/titre/"
    assert normal_address("articles/") is None and normal_address("index.html") is None


def test_a_damaged_redirect_list_never_writes_outside_the_site(tmp_path):
    from chronique.site import hooks

    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    listed = [
        {"from": "../../dehors/", "to": "articles/a/", "title": "A"},
        {"from": "/etc/x/", "to": "articles/a/", "title": "A"},
        {"from": "articles/b/", "to": "../dehors/", "title": "B"},
        {"from": "articles/2026/c/", "to": "articles/c/", "title": 3},
        {"from": "articles/2026/d/", "to": "articles/d/", "title": "<script>alert(1)</script>"},
    ]
    (docs / REDIRECTS).write_text(json.dumps(listed), encoding="utf-8")
    hooks.on_post_build(type("Config", (), {"docs_dir": str(docs), "site_dir": str(site), "site_url": None}))
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == ["docs/" + REDIRECTS, "site/articles/2026/d/index.html"]
    page = (site / "articles/2026/d/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<link rel="canonical" href="/articles/d/">' in page


def test_the_addresses_of_a_published_site_are_added_to_the_redirect_file_once(tmp_path):
    from chronique.urls import add_to_redirect_file, addresses_of_export

    export = {
        "articles": [
            {"id": "a", "url": "articles/2026/02/premier/"},
            {"id": "b", "url": "articles/b/"},  # its file-name address: kept by the rule itself
            {"id": "c", "url": "articles/un-slug-choisi/"},  # an editor's slug: remembered
            {"id": "d", "url": "https://ailleurs.example/x/"},
        ]
    }
    path = tmp_path / "redirects.yml"
    path.write_text("articles/2025/ancien/: a\n", encoding="utf-8")
    addresses = addresses_of_export(export)
    assert addresses == {"articles/2026/02/premier/": "a", "articles/un-slug-choisi/": "c"}
    assert add_to_redirect_file(path, addresses) == 2
    assert add_to_redirect_file(path, addresses) == 0
    assert load_redirects(path) == (
        {"articles/2025/ancien/": "a", "articles/2026/02/premier/": "a", "articles/un-slug-choisi/": "c"},
        [],
    )
