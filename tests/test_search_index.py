"""The search index (chronique/site/search.py): built from the article pages only, kept
as it is when no article's indexed text changed, rebuilt from empty when one did;
on a large site, shared out in bundles that are indexed again only when their own
articles change, and that all know every word of the site."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest

from chronique.site import index_keys, search
from tests.conftest import mkdocs_build

ARTICLES = 6  # in tests/fixtures/site/


@pytest.fixture
def site(site_build, tmp_path_factory, tmp_path):
    _, docs = site_build
    status, output, built = mkdocs_build(docs, tmp_path_factory.mktemp("search-mkdocs"))
    assert status == 0, output
    copy = tmp_path / "site"
    shutil.copytree(built, copy)
    return copy


def article_pages(site):
    """The article pages, without the redirect pages at former addresses (seeds/redirects.yml)."""
    return sorted(p for p in (site / "articles").rglob("index.html") if not search.is_redirect(p))


def bundle_files(site):
    return sorted(p.relative_to(site).as_posix() for p in (site / search.BUNDLE).rglob("*") if p.is_file())


def manifest(site):
    return json.loads((site / search.BUNDLE / search.STAMP).read_text(encoding="utf-8"))


def contents(site, bundle):
    """A bundle's files, but for the list of its index keys, read from the index
    the first time another bundle changes (chronique/site/index_keys.py)."""
    folder = site / search.BUNDLE / bundle
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.name != index_keys.KEYS
    }


def test_index_holds_the_articles_and_is_kept_while_they_do_not_change(site):
    articles = article_pages(site)
    assert search.index_site(site, quiet=True) == len(articles) == ARTICLES
    first = bundle_files(site)
    assert sum(1 for f in first if "/fragment/" in f) == len(articles)  # one fragment an article, no other page
    assert [b["pages"] for b in manifest(site)["bundles"]] == [len(articles)]  # a small site: one bundle
    assert manifest(site)["filter"] == search.FILTER

    # a page that is not an article changes: the index is kept
    (site / "index.html").write_text((site / "index.html").read_text(encoding="utf-8") + "<!-- -->", encoding="utf-8")
    assert search.index_site(site, quiet=True) == 0
    assert bundle_files(site) == first


def test_a_changed_article_rebuilds_the_index_without_leftovers(site):
    search.index_site(site, quiet=True)
    first = bundle_files(site)
    page = article_pages(site)[0]
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", "</h1><p>Zanzibar.</p>", 1), encoding="utf-8")
    assert search.index_site(site, quiet=True) == ARTICLES
    again = bundle_files(site)
    assert again != first
    # Pagefind adds to its folder: the old chunks and fragments must not pile up
    assert sum(1 for f in again if "/fragment/" in f) == ARTICLES
    assert len(again) == len(first)


def test_indexed_part_is_the_article_body_without_the_page_chrome():
    page = (
        '<html><body><header>menu</header><article class="md-content__inner">'
        "<div data-pagefind-body><h1>Titre</h1><p>Texte</p></div></article><footer>pied</footer></body></html>"
    )
    assert search.indexed_part(page) == "<div data-pagefind-body><h1>Titre</h1><p>Texte</p></div>"
    assert search.indexed_part("<html>autre</html>") == "<html>autre</html>"


def test_indexed_part_leaves_out_what_pagefind_skips():
    # whatever the element, up to its own closing tag, elements of its name inside counted
    page = (
        "<article><div data-pagefind-body><h1>Titre</h1>"
        '<p class="chronique-meta" data-pagefind-ignore><time>4 février 2026</time> · 300 mots</p><p>Texte</p>'
        '<div class="admonition note" data-pagefind-ignore><p class="admonition-title">Autre version</p>'
        "<div><p>Voir</p></div></div>"
        '<h2 id="chronique-articles-lies" data-pagefind-ignore="index">Articles liés</h2>'
        "<ul data-pagefind-ignore><li>Un autre<ul><li>encore</li></ul></li></ul><p>Fin</p></div></article>"
    )
    assert search.indexed_part(page) == "<div data-pagefind-body><h1>Titre</h1><p>Texte</p><p>Fin</p></div>"


def test_search_declarations_live_in_the_article_template_only():
    # issue #19: what search indexes was declared in the template, overrides/main.html
    # and search.py's selectors; now the template declares it, main.html marks which
    # pages are read, and search.py passes Pagefind no selector
    from tests.conftest import ROOT

    template = (ROOT / "templates" / "article.md.j2").read_text(encoding="utf-8")
    for mark in ("data-pagefind-weight", "data-pagefind-ignore", "data-pagefind-filter", "data-pagefind-meta"):
        assert mark in template
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in main
    assert not any(mark in main for mark in ("data-pagefind-weight", "data-pagefind-ignore", "data-pagefind-filter"))
    assert "--exclude-selectors" not in search.pagefind_command(ROOT, ROOT)
    # the filter that tells articles from the vocabulary page is the template's, read back
    assert '<span data-pagefind-filter="chronique:article"></span>' in template
    assert search.FILTER == {"chronique": "article"}


def fragments(site):
    """Pagefind's fragments: {url: the text it indexed}."""
    out = {}
    for path in (site / search.BUNDLE).rglob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        out[data["url"]] = data["content"]
    return out


def test_the_words_read_are_exactly_the_words_pagefind_indexed(site):
    # what decides whether a bundle is indexed again, and what its vocabulary page
    # holds, must be what Pagefind reads: checked against its own fragments
    search.index_site(site, quiet=True)
    indexed = fragments(site)
    pages = article_pages(site)
    assert len(indexed) == len(pages) == ARTICLES
    for page in pages:
        url = "/" + page.parent.relative_to(site).as_posix() + "/"
        assert search.words_of(search.indexed_part(page.read_text(encoding="utf-8"))) == search.words_of(indexed[url])


def test_a_large_site_is_shared_out_in_bundles_that_all_know_every_word(site):
    # 6 articles, 2 a bundle: 3 bundles, as 10,000 articles make 4 of 2,500
    assert search.index_site(site, quiet=True, bundle_pages=2) == ARTICLES
    bundles = manifest(site)["bundles"]
    assert len(bundles) > 1 and {b["path"] for b in bundles} <= {"0/", "1/", "2/"}
    assert sum(b["pages"] for b in bundles) == ARTICLES
    for b in bundles:
        fragments = list((site / search.BUNDLE / b["path"] / "fragment").iterdir())
        assert len(fragments) == b["pages"] + 1  # its articles, and the page of every word
    # each bundle's vocabulary page holds the words of the other bundles' articles too
    vocabulary = search.vocabulary_page(
        set().union(*(search.words_of(search.indexed_part(p.read_text(encoding="utf-8"))) for p in article_pages(site)))
    )
    assert "sisoulith" in vocabulary and "thongloun" in vocabulary


def test_a_changed_article_indexes_only_its_own_bundle_again(site):
    search.index_site(site, quiet=True, bundle_pages=2)
    before = {b["path"]: contents(site, b["path"]) for b in manifest(site)["bundles"]}
    pages = article_pages(site)
    # a change with no new word: the other bundles are kept as they are
    page = pages[0]
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", "</h1><p>Laos Vietnam.</p>", 1), encoding="utf-8")
    own = search.bundle_of(page.relative_to(site).as_posix(), 3)
    indexed = search.index_site(site, quiet=True, bundle_pages=2)
    after = {b["path"]: contents(site, b["path"]) for b in manifest(site)["bundles"]}
    assert indexed == {b["path"]: b["pages"] for b in manifest(site)["bundles"]}[f"{own}/"]
    assert [path for path in before if after[path] != before[path]] == [f"{own}/"]


def test_a_word_new_to_the_site_is_listed_for_the_bundles_that_lack_it(site, monkeypatch):
    search.index_site(site, quiet=True, bundle_pages=2)
    before = {b["path"]: contents(site, b["path"]) for b in manifest(site)["bundles"]}
    page = article_pages(site)[0]
    own = f"{search.bundle_of(page.relative_to(site).as_posix(), 3)}/"
    html = page.read_text(encoding="utf-8")
    # only the article's own bundle is indexed again; the manifest lists, for each
    # of the others, a start of the new word that none of its words has
    # (search.js then leaves that bundle out of a query for it)
    page.write_text(html.replace("</h1>", "</h1><p>Zanzibar-Ouest.</p>", 1), encoding="utf-8")
    reads = []
    read = index_keys.read_index_keys
    monkeypatch.setattr(index_keys, "read_index_keys", lambda folder: reads.append(folder.name) or read(folder))
    indexed = search.index_site(site, quiet=True, bundle_pages=2)
    # the keys of the site's words, from the changed bundle, and those of the kept
    # bundles, read once for them all: they were indexed with the same vocabulary page
    assert len(reads) == 2 and own.rstrip("/") in reads
    assert all((site / search.BUNDLE / b["path"] / index_keys.KEYS).is_file() for b in manifest(site)["bundles"])
    bundles = {b["path"]: b for b in manifest(site)["bundles"]}
    assert indexed == bundles[own]["pages"]
    assert [path for path in before if contents(site, path) != before[path]] == [own]
    assert "lacking" not in bundles[own]
    others = [b for path, b in bundles.items() if path != own]
    for b in others:
        assert [start for start in b["lacking"] if "zanzibarouest".startswith(start)], b
        # a start of a word every bundle knows is never listed
        assert not [start for start in b["lacking"] if "laos".startswith(start)]

    # a word more, in the same article: still nothing else is indexed
    page.write_text(html.replace("</h1>", "</h1><p>Zanzibar-Ouest, Pemba.</p>", 1), encoding="utf-8")
    assert search.index_site(site, quiet=True, bundle_pages=2) == bundles[own]["pages"]
    for b in manifest(site)["bundles"]:
        if b["path"] != own:
            assert [start for start in b["lacking"] if "pemba".startswith(start)], b

    # past LACKING_PREFIXES, every bundle is indexed again and lacks nothing
    monkeypatch.setattr(search, "LACKING_PREFIXES", 1)
    page.write_text(html.replace("</h1>", "</h1><p>Zanzibar-Ouest, Pemba, Unguja.</p>", 1), encoding="utf-8")
    assert search.index_site(site, quiet=True, bundle_pages=2) == ARTICLES
    assert all("lacking" not in b for b in manifest(site)["bundles"])


def test_the_keys_read_from_an_index_are_the_words_pagefind_searches(site):
    search.index_site(site, quiet=True)
    keys = index_keys.read_index_keys(site / search.BUNDLE / "0")
    # accent-folded and stemmed, as Pagefind stores them ("économique" is "econom")
    assert {"hanoi", "to", "lam", "thongloun", "econom"} <= keys
    assert "économique" not in keys and all(key == key.lower() for key in keys)


def test_lacking_prefixes_are_the_shortest_starts_no_own_word_has():
    own = sorted(["qui", "quitt", "laos", "lam"])
    assert index_keys.lacking_prefixes({"quimbalorett", "laos", "lamb", "zanzibar", "zanzi"}, own) == [
        "lamb",
        "quim",
        "z",
    ]
    # a key with punctuation is an oddity no reader types: it is never a reason to leave a bundle out
    assert index_keys.lacking_prefixes({"laos…", "l’xambou"}, own) == []
    assert index_keys.lacking_prefixes({"laos", "qui"}, own) == []


def test_words_are_read_as_pagefind_reads_them():
    # as Pagefind does (checked on its fragments): an inline tag inside a word joins
    # it, a block tag or <br> breaks words, punctuation around a word is no part of it
    words = search.words_of("<p>Hà&nbsp;Nội</p><p>(Vien<b>tiane</b>).<br>« Luang</p><div>Prabang »</div>")
    assert words == {"hà", "nội", "vientiane", "luang", "prabang"}


def test_an_article_keeps_its_bundle_whatever_else_changes():
    address = "articles/2026/02/un-article/index.html"
    assert search.bundle_of(address, 4) == search.bundle_of(address, 4)
    spread = {search.bundle_of(f"articles/2026/02/article-{n}/index.html", 4) for n in range(40)}
    assert spread == {0, 1, 2, 3}


def test_a_site_without_articles_has_an_empty_index(site):
    shutil.rmtree(site / "articles")
    assert search.index_site(site, quiet=True) == 0
    assert manifest(site)["bundles"] == []


def test_the_browser_words_are_folded_as_search_js_folds_a_query_word():
    # search.js's searchToken: lowercase, no accents (đ is d), no punctuation
    words = search.browser_words({"s'engagent", "hanoï", "vingt-trois", "đà", "(vientiane)", "«"})
    assert words.split("\n") == [
        "da",
        "engagent",
        "hanoi",
        "s",
        "sengagent",
        "trois",
        "vientiane",
        "vingt",
        "vingttrois",
        "",
    ]


def test_the_index_ships_every_word_of_the_site_for_the_browser(tmp_path):
    site = tmp_path / "site"
    (site / "articles" / "a").mkdir(parents=True)
    (site / "index.html").write_text("<html><body>accueil</body></html>", encoding="utf-8")
    page = (
        '<!doctype html><html lang="fr"><body><article><div data-pagefind-body><h1>Hun Sen à Siem Reap</h1>'
        "<p>Les fidèles s'engagent.</p><div data-pagefind-ignore><p>Voisin</p></div></div></article></body></html>"
    )
    (site / "articles" / "a" / "index.html").write_text(page, encoding="utf-8")
    search.index_site(site, quiet=True)
    words = (site / search.BUNDLE / search.BROWSER_WORDS).read_text(encoding="utf-8").split()
    assert {"hun", "sen", "a", "siem", "reap", "fideles", "sengagent"} <= set(words)
    assert "voisin" not in words, "a part Pagefind skips is no word of the site"
    # indexed again with nothing changed: kept, and still there
    assert search.index_site(site, quiet=True) == 0
    assert (site / search.BUNDLE / search.BROWSER_WORDS).is_file()


def test_the_browser_words_leave_out_tokens_longer_than_a_word():
    # a source address is one token for Pagefind: thousands of them at 10,000 articles
    words = search.browser_words({"https://baoquocte.vn/an-ninh-quy-tap-123.html", "pagode"})
    assert "pagode" in words.split() and "baoquocte" in words.split()
    assert all(len(word) <= search.LONGEST_WORD for word in words.split())
