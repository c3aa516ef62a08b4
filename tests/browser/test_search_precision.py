"""Precise search, with filters (issue #19, item 3), on a site of the tests' own small
articles (tests/browser/fixtures/precision/: their .yml sidecars fix people, places,
topics and sources): a word the site lacks finds nothing and the page says so; a name
is not its first syllable; a story published twice shows once; the panel filters by
topic, source, person, place and year and sorts newest first. Each search runs on the
site indexed in one bundle and in bundles of 2 articles (two workers, merged results),
as a site of 10,000 articles is in bundles of 2,500."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import FIXTURES, Watched, serve
from tests.browser.test_search_and_pages import RESULT_LINKS, SEARCH_BOX, open_home, search
from tests.conftest import build_folder, copy_hand_written_docs, mkdocs_build

ARTICLES = FIXTURES / "precision"
STATUS = "#chronique-search-status"


def build_precision_site(root: Path, bundle_pages: int) -> Path:
    from chronique.site.search import index_site

    seeds = root / "seeds"
    shutil.copytree(ARTICLES, seeds)
    docs = root / "docs"
    copy_hand_written_docs(docs)
    build_folder(seeds, docs)
    status, output, site = mkdocs_build(docs, root / "mkdocs")
    assert status == 0, output
    index_site(site, quiet=True, bundle_pages=bundle_pages)
    return site


@pytest.fixture(scope="session")
def precision_site(tmp_path_factory) -> Path:
    return build_precision_site(tmp_path_factory.mktemp("precision-site"), bundle_pages=2500)


@pytest.fixture(scope="session", params=["one index", "bundles of 2"])
def precision_url(request, precision_site, tmp_path_factory) -> str:
    from chronique.site.search import BUNDLE, index_site

    site = precision_site
    if request.param == "bundles of 2":
        site = tmp_path_factory.mktemp("precision-bundled") / "site"
        shutil.copytree(precision_site, site)
        shutil.rmtree(site / BUNDLE)
        index_site(site, quiet=True, bundle_pages=2)
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser, precision_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR", base_url=precision_url)
    watched = Watched(context.new_page())
    watched.page.set_default_timeout(10_000)
    yield open_home(watched)
    watched.assert_clean()
    context.close()


def seeds(results: list[dict]) -> list[str]:
    """The fixture numbers ("100") of the results, from their addresses (an article's
    address is its file name: articles/100_hun_sen_pagode/)."""
    return [re.search(r"/(\d{3})_[^/]+/$", r["url"]).group(1) for r in results]


def status(page) -> str:
    return page.locator(STATUS).inner_text()


def submit(page, query: str) -> list[dict]:
    """Type `query` and press Enter: every word of it is then complete."""
    search(page, query)
    page.locator(SEARCH_BOX).press("Enter")
    page.wait_for_function("document.querySelector('[data-chronique-search]').dataset.state === 'done'")
    page.wait_for_timeout(200)  # a search Enter started, if the query changed meaning
    page.wait_for_function("document.querySelector('[data-chronique-search]').dataset.state === 'done'")
    return results(page)


def results(page) -> list[dict]:
    return page.eval_on_selector_all(
        RESULT_LINKS,
        """links => links.map(a => ({
        url: a.getAttribute('href'),
        title: a.querySelector('.chronique-search__title')?.textContent,
        versions: a.querySelector('.chronique-search__versions')?.textContent ?? null,
        marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
    }))""",
    )


# -- a word the site does not hold -----------------------------------------------------


@pytest.mark.parametrize("query", ["quimbalorette", "Quimbalorette", "quimbalorette pagode", "pagode quimbalorette"])
def test_a_word_the_site_lacks_finds_nothing_and_the_page_names_it(page, query):
    # Pagefind alone reads "quimbalorette" as "qui" (the port article) and drops it
    # from "quimbalorette pagode" (the pagoda articles)
    assert search(page, query) == []
    assert (
        status(page)
        == f"Aucun article ne contient « {query.split()[0] if 'pagode ' not in query else 'quimbalorette'} »."
    )


def test_a_complete_word_must_be_a_word_of_the_site_not_a_start(page):
    # "pagod" begins "pagode": found while it is typed, not once followed by a space
    assert set(seeds(search(page, "pagod"))) == {"100"}
    assert submit(page, "pagod") == []
    assert status(page) == "Aucun article ne contient « pagod »."


def test_a_plural_finds_the_singular(page):
    assert set(seeds(submit(page, "pagodes"))) == {"100"}


# -- a name is the name --------------------------------------------------------------


@pytest.mark.parametrize("query", ["Hun Sen", "hun sen "])
def test_hun_sen_is_not_hun_manet(page, query):
    # Hun Manet's article holds "Hun" and "s'engagent", which begins with "sen"
    found = search(page, query)
    assert seeds(found) == ["100"], found
    assert "101" not in seeds(found)


def test_a_name_typed_capitalised_is_searched_as_a_phrase_with_its_words_marked(page):
    found = search(page, "Sen Phommavong")
    assert seeds(found) == ["104"]
    assert {"Sen", "Phommavong"} <= set(found[0]["marks"])


def test_a_complete_word_is_matched_whole(page):
    # "sen" followed by a space: the articles naming Sen, not those where people
    # "s'engagent" only
    assert set(seeds(search(page, "sen "))) == {"100", "104"}


# -- one result a story ------------------------------------------------------------


def test_a_story_published_twice_shows_once_as_its_original_with_its_versions(page):
    search(page, "pagode")
    found = results(page)
    assert seeds(found) == ["100"]
    assert found[0]["versions"] == "2 versions"
    assert found[0]["title"] == "Hun Sen inaugure une pagode restaurée à Siem Reap"
    assert status(page) == "1 article trouvé"


def test_a_story_whose_versions_lack_the_whole_word_takes_nothing_off_the_count(page):
    # "mur" begins "murales" in both versions of the pagoda story, and stands whole only
    # in the dry port's article: one article found, and the count says so
    assert seeds(search(page, "mur ")) == ["103"]
    assert status(page) == "1 article trouvé"


# -- filters and sort --------------------------------------------------------------


def open_panel(page):
    page.locator(SEARCH_BOX).click()  # the panel is in the search's drop-down
    page.locator(".chronique-filters summary").click()
    page.wait_for_function("document.querySelectorAll('select[data-filter=personne] option').length > 1")


def choose(page, filter_key: str, label: str):
    page.locator(f"select[data-filter='{filter_key}']").select_option(label=label)
    page.wait_for_function("document.querySelector('[data-chronique-search]').dataset.state === 'done'")


@pytest.mark.parametrize(
    "key, label, expected",
    [
        ("sujet", "Économie (2)", {"103", "104"}),
        ("source", "Xinhua (1)", {"101"}),
        ("personne", "Hun Manet (1)", {"101"}),
        ("lieu", "Luang Prabang (1)", {"104"}),
        ("année", "2025 (2)", {"101", "104"}),
    ],
)
def test_the_panel_filters_the_results(page, key, label, expected):
    search(page, "province")  # in 100 (and its copy), 101, 103
    open_panel(page)
    choose(page, key, label)
    assert set(seeds(results(page))) == expected & {"100", "101", "103"}
    # with no words, the filter alone lists its articles
    page.locator(SEARCH_BOX).fill("")
    page.wait_for_function("document.querySelector('[data-chronique-search]').dataset.state === 'done'")
    assert set(seeds(results(page))) == expected


def test_the_copy_is_found_by_its_own_source(page):
    open_panel(page)
    choose(page, "source", "Le Courrier du Mékong (1)")
    found = results(page)
    assert len(found) == 1 and found[0]["title"] == "Siem Reap : Hun Sen inaugure une pagode restaurée"


def test_newest_first(page):
    # with bundles of 2 pages, several bundles are merged into each worker, and Pagefind
    # merges their results by score even when sorted: search.js asks each bundle apart
    search(page, "province")
    open_panel(page)
    page.locator("select[data-sort]").select_option(label="Plus récents d’abord")
    page.wait_for_function("document.querySelector('[data-chronique-search]').dataset.state === 'done'")
    assert seeds(results(page)) == ["101", "100", "103"]


def test_the_panel_is_reached_and_used_with_the_keyboard(page):
    page.locator(SEARCH_BOX).click()
    page.keyboard.press("Tab")  # the clear button is out of the Tab order
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('select[data-filter=lieu] option').length > 1")
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-filter')") == "lieu"
    assert page.evaluate("document.getElementById('__search').checked"), "the search stays open"


def test_the_open_panel_has_no_accessibility_violation(page):
    from chronique.audit import AXE, AXE_RUN

    if not AXE.exists():
        pytest.skip(f"{AXE} is missing: run `npm ci`")
    search(page, "pagode")
    open_panel(page)
    choose(page, "année", "2024 (2)")
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(AXE_RUN) == []


def test_a_search_has_an_address_of_its_own(page, precision_url):
    # "?q=" opens the search with the query: a search can be shared, bookmarked, audited
    page.goto(precision_url + "?q=Hun+Sen")
    page.wait_for_function("document.querySelector('[data-chronique-search]').dataset.state === 'done'")
    assert page.locator(SEARCH_BOX).input_value() == "Hun Sen"
    assert page.evaluate("document.getElementById('__search').checked")
    assert seeds(results(page)) == ["100"]


# -- a warm first search ------------------------------------------------------------

# Every search each worker is asked for: [the query, the bundle it is limited to].
WATCH_SEARCHES = """() => {
  window.__asked = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.method === 'search') {
      const filters = (message.args[1] || {}).filters || {};
      window.__asked.push([message.args[0], filters['chronique-index'] ?? null]);
    }
    return post.call(this, message, ...rest);
  };
}"""


def test_each_worker_searches_once_while_a_short_word_is_typed_then_searches_as_asked(page, precision_url):
    # A worker's first large search is slow in Pagefind's WebAssembly: search.js runs
    # one nobody sees, in the worker's first bundle, during the pause a short last word
    # gets, so that the search the reader waits for runs warm.
    manifest = page.evaluate("fetch('/pagefind/chronique-index.json').then(r => r.json())")
    names = [bundle["path"].rstrip("/") for bundle in manifest["bundles"]]
    firsts = names[:2]  # the first bundle of each worker (bundles go to the workers in turn)
    page.evaluate(WATCH_SEARCHES)
    box = page.locator(SEARCH_BOX)
    box.click()
    page.wait_for_selector("[data-chronique-search][data-loaded]", state="attached")
    box.press_sequentially("pa")
    page.wait_for_function(f"window.__asked.length >= {len(firsts)}")
    assert sorted(page.evaluate("window.__asked")) == sorted(["pa", name] for name in firsts)
    # then the search asked, in every bundle, and no other warm-up for the next short word
    box.press_sequentially("gode hu")
    page.wait_for_function(
        "document.querySelector('[data-chronique-search]').dataset.state === 'done'"
        " && document.querySelector('#chronique-search-input').value === 'pagode hu'"
    )
    asked = page.evaluate("window.__asked")[len(firsts) :]
    assert ["pagode hu", None] in asked, asked
    assert all(bundle is None for _, bundle in asked), asked
    assert seeds(results(page)) == ["100"]
