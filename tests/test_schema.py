"""The site's shape is declared once, in chronique/schema.py, and its words once, in
data/labels.yml: mkdocs.yml's nav agrees with them (the build checks it), and a
taxonomy added there alone gets its pages and its links."""

import re
from dataclasses import replace

import yaml

from chronique import pipeline, schema
from chronique.schema import Taxonomy, nav_problems
from tests.conftest import ROOT, build_folder, copy_site_fixtures


def mkdocs_config() -> dict:
    # mkdocs.yml has !ENV tags: read them as plain text, the nav is all this needs
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)


def test_mkdocs_nav_lists_every_taxonomy_of_the_schema_and_hides_its_terms():
    config = mkdocs_config()
    assert nav_problems(config["nav"], config["not_in_nav"]) == []


def test_a_taxonomy_missing_from_the_nav_is_named_in_french():
    config = mkdocs_config()
    nav = [item for item in config["nav"] if "Lieux" not in item]
    assert nav_problems(nav, config["not_in_nav"]) == [
        "la navigation n'a pas l'entrée « Lieux: lieux/index.md » (chronique/schema.py)"
    ]


def test_the_build_warns_when_mkdocs_yml_lacks_a_taxonomy_tab(tmp_path, capsys, monkeypatch):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Lieux: lieux/index.md\n" in config
    without_places = tmp_path / "mkdocs.yml"
    without_places.write_text(config.replace("  - Lieux: lieux/index.md\n", ""), encoding="utf-8")
    seeds = copy_site_fixtures(tmp_path / "seeds")
    capsys.readouterr()

    monkeypatch.setattr(pipeline, "MKDOCS_CONFIG", without_places)
    result = build_folder(seeds, tmp_path / "docs")

    nav = [p for p in result.problems if p.field == "nav"]
    assert [(p.file, p.severity, p.message) for p in nav] == [
        ("mkdocs.yml", "warning", "la navigation n'a pas l'entrée « Lieux: lieux/index.md » (chronique/schema.py)")
    ]
    report = capsys.readouterr().out
    assert "mkdocs.yml" in report and "avertissement : navigation" in report
    # the list page is built all the same: only the tab leading to it is missing
    assert (tmp_path / "docs" / "lieux" / "index.md").is_file()


def test_the_build_says_nothing_of_the_nav_when_mkdocs_yml_has_every_tab(site_build):
    result, _ = site_build
    assert [p for p in result.problems if p.file == "mkdocs.yml"] == []


def test_adding_a_taxonomy_changes_only_the_schema_and_its_labels(tmp_path, monkeypatch):
    # "Pays", fed by the places field: one more Taxonomy line and its words in
    # data/labels.yml, no other code change
    countries = Taxonomy("countries", "pays", "places", on_home=True)
    labels = schema.LABELS.taxonomies | {
        "countries": {"title": "Pays", "all_terms": "Tous les pays", "one_term": "Pays"}
    }
    monkeypatch.setattr(schema, "LABELS", replace(schema.LABELS, taxonomies=labels))
    monkeypatch.setattr(schema, "TAXONOMIES", (*schema.TAXONOMIES, countries))
    seeds = copy_site_fixtures(tmp_path / "seeds")
    result = build_folder(seeds, tmp_path / "docs")
    docs = tmp_path / "docs"

    terms = result.site.taxonomies["countries"]
    assert [t.name for t in terms] == [t.name for t in result.site.taxonomies["places"]]
    assert (docs / "pays" / "index.md").is_file()
    list_page = (docs / "pays" / "index.md").read_text(encoding="utf-8")
    assert "Pays" in list_page
    term_page = (docs / "pays" / f"{terms[0].slug}.md").read_text(encoding="utf-8")
    assert "Tous les pays" in term_page
    holder = result.site.by_id[terms[0].ids[0]]
    article_page = (docs / holder.path).read_text(encoding="utf-8")
    assert f"pays/{terms[0].slug}" in article_page
    assert "<strong>Pays :</strong>" in article_page  # its line under "Classement"
    # its terms' feeds, titled with one_term
    assert "<title>Chronique Vietnam–Laos — Pays : " in (docs / "pays" / f"{terms[0].slug}.xml").read_text(
        encoding="utf-8"
    )
    # the home page's "Les plus suivis" lists it too
    home = (docs / "index.md").read_text(encoding="utf-8")
    busiest_line = next(line for line in home.splitlines() if line.startswith("- **Pays :** "))
    assert "](pays/" in busiest_line
    # the nav check follows: mkdocs.yml does not list it yet, and says so
    config = mkdocs_config()
    assert nav_problems(config["nav"], config["not_in_nav"]) == [
        "la navigation n'a pas l'entrée « Pays: pays/index.md » (chronique/schema.py)",
        "not_in_nav ne cache pas /pays/* (les pages des termes de « Pays »)",
    ]


def test_the_interface_words_are_written_in_data_labels_yml_only():
    words = [*schema.LABELS.interface.values()]
    words += [label for labels in schema.LABELS.taxonomies.values() for label in labels.values()]
    assert "Article précédent" in words and "Tous les sujets" in words
    # one of them written whole again in a template or in write.py would be a second source
    # ("Personnes citées" is another label: a word within a longer text does not count)
    sources = [*sorted((ROOT / "templates").glob("*.j2")), ROOT / "chronique" / "write.py"]
    repeated = [
        (path.name, word)
        for path in sources
        for word in words
        if len(word) > 4 and re.search(rf"(?<![\w ]){re.escape(word)}(?![\w ])", path.read_text(encoding="utf-8"))
    ]
    assert repeated == []


def test_a_word_changed_in_data_labels_yml_changes_the_pages(tmp_path, monkeypatch):
    interface = schema.LABELS.interface | {"previous_article": "Plus ancien", "home": "Une"}
    taxonomies = schema.LABELS.taxonomies | {"people": schema.LABELS.taxonomies["people"] | {"title": "Gens"}}
    monkeypatch.setattr(schema, "LABELS", replace(schema.LABELS, interface=interface, taxonomies=taxonomies))
    result = build_folder(copy_site_fixtures(tmp_path / "seeds"), tmp_path / "docs")

    article_pages = [text for path, text in result.files.items() if path.startswith("articles/")]
    assert any("<span>Plus ancien</span>" in page for page in article_pages)
    assert not any("Article précédent" in page for page in article_pages)
    assert result.files["index.md"].startswith("---\ntitle: Une\n")
    assert result.files["personnes/index.md"].startswith('---\ntitle: "Gens"\n')
    # and the nav check now asks mkdocs.yml for the new tab
    assert [p.message for p in result.problems if p.file == "mkdocs.yml"] == [
        "la navigation n'a pas l'entrée « Gens: personnes/index.md » (chronique/schema.py)"
    ]
