"""`make audit` looks at the pages a reader lands on, on a phone and a laptop: the home
page, the newest article, an entity's page of each kind and a search with results."""

from __future__ import annotations

from chronique.audit import FORM_FACTORS, TARGETS, broken_links, pages_to_audit, site_base_path


def page(path, body: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    (path / "index.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def test_the_audit_covers_home_newest_article_entities_and_a_search(tmp_path):
    site = tmp_path / "site"
    page(site, "accueil")
    page(site / "articles" / "ancien", '<h1>Un vieux traité</h1><time datetime="2024-01-02">')
    page(
        site / "articles" / "recent",
        '<h1>La coopération <em>frontalière</em> renforcée</h1><time datetime="2026-02-04">',
    )
    page(site / "personnes" / "to-lam", "Tô Lâm")
    page(site / "organisations" / "asean", "ASEAN")
    page(site / "lieux" / "vientiane", "Vientiane")
    assert pages_to_audit(site) == {
        "accueil": "/",
        "article": "/articles/recent/",
        "personne": "/personnes/to-lam/",
        "organisation": "/organisations/asean/",
        "lieu": "/lieux/vientiane/",
        "recherche": "/?q=coopération",  # the longest word of the newest title
    }
    assert set(FORM_FACTORS) == {"mobile", "desktop"}
    assert TARGETS == {"performance": 0.90, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def test_root_absolute_links_are_read_under_the_published_path(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONIQUE_SITE_URL", "https://journal.example/archives/")
    assert site_base_path() == "/archives/"
    site = tmp_path / "site"
    page(site / "lieux", '<a href="/archives/lieux/">ok</a> <a href="/archives/absent/">cassé</a>')
    assert broken_links(site, site_base_path()) == [("lieux/index.html", "/archives/absent/")]
