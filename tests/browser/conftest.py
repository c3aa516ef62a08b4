"""Browser tests: the built site (the fixture site, tests/fixtures/site/, and one hostile
article), indexed by Pagefind,
served on 127.0.0.1 and driven in Debian's chromium with Playwright.

They skip only when /usr/bin/chromium is missing (`make browser-deps` installs it);
Playwright's own browser download (`playwright install`) is never used.
Screenshots are opt-in: `pytest tests/browser --screenshots` or CHRONIQUE_SCREENSHOTS=1.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from chronique.audit import CHROMIUM, CHROMIUM_ARGS, serve  # one browser set-up and server for audits and tests
from tests.conftest import ROOT, build_folder, copy_hand_written_docs, copy_site_fixtures, mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures"
SCREENSHOTS = ROOT / "screenshots"


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots",
        action="store_true",
        default=False,
        help="save screenshots of the home page, an article and a search into screenshots/",
    )


@pytest.fixture(scope="session")
def screenshots_wanted(request) -> bool:
    option = request.config.getoption("--screenshots", default=False)
    return bool(option) or os.environ.get("CHRONIQUE_SCREENSHOTS", "") not in ("", "0")


def build_site(root: Path) -> Path:
    """The site of the fixture articles (tests/fixtures/site/) and of
    tests/browser/fixtures/*.txt (a hostile article), built like `make site`:
    build.py, mkdocs build --strict, then Pagefind."""
    from chronique.site.search import index_site

    seeds = copy_site_fixtures(root / "seeds")
    for fixture in FIXTURES.glob("*.txt"):
        shutil.copyfile(fixture, seeds / fixture.name)
    docs = root / "docs"
    copy_hand_written_docs(docs)
    build_folder(seeds, docs)
    status, output, site = mkdocs_build(docs, root / "mkdocs")
    assert status == 0, output
    index_site(site, quiet=True)
    return site


@pytest.fixture(scope="session")
def browser_site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("browser-site"))


def article_urls(site: Path) -> dict[str, str]:
    """Article id (its file name without .txt) -> the article's URL path, from the
    site's own export (data/articles.json), as a reader's browser would find it."""
    record = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))
    return {article["id"]: "/" + article["url"].lstrip("/") for article in record["articles"]}


# The fixture articles the tests search for (tests/fixtures/site/ and fixtures/ here).
SUMMIT = "bare_photo_timestamp_source_url"  # To Lam, Thongloun Sisoulith, Sonexay Siphandone in Hanoï
PHONE_CALL = "month_header_event_day_in_body"  # Bùi Thanh Son; "domaines" in its title
VISIT = "day_header_related_lines_announced_visit"  # Tô Lâm's visit announced, Thongloun Sisoulith
BORDER = "bare_dateline_cambodia_thailand"  # Prak Sokhonn and Maris Sangiampongsa, no Vietnamese leader
CAMBODIA_VISIT = "bare_announced_event_year_only"  # Phạm Minh Chính, Hun Manet
INTERVIEW = "month_header_subheading_signoff"  # Tô Lâm and Thongloun Sisoulith; "Entretien" in its title
HOSTILE = "900_hostile_markup"


@pytest.fixture(scope="session")
def base_url(browser_site) -> str:
    with serve(browser_site) as url:
        yield url


@pytest.fixture(scope="session")
def bundled_base_url(browser_site, tmp_path_factory) -> str:
    """The same site with its search index shared out in bundles of 2 articles, as a
    large site's is in bundles of 2,500 (chronique/site/search.py)."""
    from chronique.site.search import index_site

    copy = tmp_path_factory.mktemp("bundled-site") / "site"
    shutil.copytree(browser_site, copy)
    shutil.rmtree(copy / "pagefind")
    index_site(copy, quiet=True, bundle_pages=2)
    with serve(copy) as url:
        yield url


# Words new to the site: the first begins as no word of the site does, the second
# as a common word does ("qui"), which Pagefind would read in an index lacking it.
NEW_WORDS = ("Xambouléthique", "Quimbalorette")


@pytest.fixture(scope="session")
def new_word_base_urls(browser_site, tmp_path_factory) -> tuple[str, str]:
    """One article of the site gains words new to the site (NEW_WORDS) after it was
    indexed in bundles of 2: (the site indexed again in one index, the bundled site
    indexed again as `make site` does, where only the article's own bundle is indexed
    and the others list the start of the word they lack)."""
    from chronique.site.search import BUNDLE, STAMP, index_site

    bundled = tmp_path_factory.mktemp("new-word-bundled") / "site"
    shutil.copytree(browser_site, bundled)
    shutil.rmtree(bundled / BUNDLE)
    index_site(bundled, quiet=True, bundle_pages=2)
    page = bundled / article_urls(bundled)[SUMMIT].strip("/") / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</h1>", f"</h1><p>{', '.join(NEW_WORDS)}.</p>", 1), encoding="utf-8"
    )
    index_site(bundled, quiet=True, bundle_pages=2)
    assert any(b.get("lacking") for b in json.loads((bundled / BUNDLE / STAMP).read_text(encoding="utf-8"))["bundles"])
    single = tmp_path_factory.mktemp("new-word-single") / "site"
    shutil.copytree(bundled, single)
    shutil.rmtree(single / BUNDLE)
    index_site(single, quiet=True)
    with serve(single) as single_url, serve(bundled) as bundled_url:
        yield single_url, bundled_url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser-deps` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page with what went wrong on it: console errors, uncaught exceptions,
    dialogs (alert() from injected markup would open one) and failed requests."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.failed: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("dialog", self._dialog)
        page.on("requestfailed", self._request_failed)

    def _request_failed(self, request):
        # a page that moves on at once (a redirect page's location.replace) may have its own
        # document request aborted by the next navigation: no resource is missing
        if request.resource_type == "document" and request.failure == "net::ERR_ABORTED":
            return
        self.failed.append(request.url)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self):
        assert not self.dialogs, f"a dialog opened: {self.dialogs}"
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.failed, f"failed requests: {self.failed}"


@pytest.fixture
def watched(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR", base_url=base_url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Watched(page)
    context.close()
