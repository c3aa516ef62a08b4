"""The theme's additions in the built HTML (overrides/): sitemap dates, OpenGraph,
the RSS link on every page, Material's search plugin off. No browser needed."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from chronique.site.search import is_redirect

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def front_matters(site: Path) -> dict[str, dict]:
    """Article URL path (articles/slug/) -> its front matter."""
    docs = site.parent / "docs"
    pages = {}
    for page in (docs / "articles").rglob("*.md"):
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
        pages[page.relative_to(docs).with_suffix("").as_posix() + "/"] = meta
    return pages


def test_sitemap_lastmod_is_the_articles_own_date_at_its_precision(browser_site):
    tree = ET.parse(browser_site / "sitemap.xml")
    lastmod = {}
    for url in tree.getroot().findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        mod = url.find("s:lastmod", NS)
        lastmod[loc.split("/chronique/", 1)[1]] = None if mod is None else mod.text
    articles = front_matters(browser_site)
    assert articles and set(articles) <= set(lastmod)
    for path, meta in articles.items():
        date, precision = meta.get("date"), meta.get("date_precision")
        if not date:
            assert lastmod[path] is None, f"{path} has no date: no lastmod"
            continue
        expected = str(date)[: {"year": 4, "month": 7}.get(precision, 10)]
        assert lastmod[path] == expected, path
    # the day of the build appears nowhere: pages without a date have no lastmod
    assert lastmod[""] is None and lastmod["sujets/"] is None


def test_every_page_links_the_rss_feed_and_has_opengraph(browser_site):
    # every page but the redirect pages at former addresses (a bare page that sends the reader on)
    pages = [p for p in browser_site.rglob("index.html") if "pagefind" not in p.parts and not is_redirect(p)]
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        feed = re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]* href="([^"]+)"', text)
        assert feed, page
        assert (page.parent / feed.group(1)).resolve() == (browser_site / "feed.xml").resolve(), page
        for prop in ("og:title", "og:description", "og:type", "og:url"):
            assert f'<meta property="{prop}" content="' in text, (page, prop)


def test_an_article_is_an_opengraph_article_with_its_description(browser_site):
    path, meta = sorted(front_matters(browser_site).items())[0]
    text = (browser_site / path / "index.html").read_text(encoding="utf-8")
    og = dict(re.findall(r'<meta property="og:(\w+)" content="([^"]*)"', text))
    assert og["type"] == "article"
    assert html.unescape(og["description"]) == html.unescape(meta["description"])
    assert html.unescape(og["title"]) == html.unescape(meta["title"])
    assert og["url"].endswith("/chronique/" + path)
    home = (browser_site / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:type" content="website">' in home


def test_materials_search_is_replaced_by_pagefind(browser_site):
    assert not (browser_site / "search" / "search_index.json").exists()
    assert (browser_site / "pagefind" / "0" / "pagefind.js").exists()
    home = (browser_site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' not in home  # Material's script would fetch its index
    assert 'id="chronique-search-input"' in home and "javascripts/search.js" in home
    # only articles are indexed
    indexed = [p for p in browser_site.rglob("index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert indexed and all(p.relative_to(browser_site).parts[0] == "articles" for p in indexed)
