"""The site's shape is declared once, in chronique/schema.py: mkdocs.yml's nav agrees
with it, and a taxonomy added there alone gets its pages and its links."""

import yaml

from chronique import schema
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


def test_the_build_warns_when_mkdocs_yml_lacks_a_taxonomy_tab(tmp_path, capsys):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - Lieux: lieux/index.md\n" in config
    without_places = tmp_path / "mkdocs.yml"
    without_places.write_text(config.replace("  - Lieux: lieux/index.md\n", ""), encoding="utf-8")
    seeds = copy_site_fixtures(tmp_path / "seeds")
    capsys.readouterr()

    result = build_folder(seeds, tmp_path / "docs", mkdocs_config=without_places)

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


def test_adding_a_taxonomy_changes_only_the_schema(tmp_path, monkeypatch):
    # "Pays", fed by the places field: one more Taxonomy line, no other code change
    countries = Taxonomy("countries", "pays", "Pays", "Tous les pays", "places", "Pays", on_home=True)
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
    assert f"pays/{terms[0].slug}" in (docs / holder.path).read_text(encoding="utf-8")
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
