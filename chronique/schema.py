"""The site's shape, declared once: its taxonomies (key, URL folder, French titles,
the Article field that feeds each). collect, write and the nav check read it, so a
new taxonomy is one more `Taxonomy(...)` line here and one nav entry in mkdocs.yml
(which tests/test_schema.py checks against this list)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Taxonomy:
    key: str  # the name used in Site.taxonomies and the front matter
    folder: str  # URL folder: personnes/ → /personnes/tô-lâm/
    title: str  # the list page's title and the nav label: "Personnes"
    all_terms: str  # the link from a term's page back to the list (the article agrees with the noun)
    field: str  # the Article attribute holding its names (a tuple, or one text for "source")
    one_term: str  # what one term is, in a feed's title: "Chronique — Personne : Tô Lâm"
    on_home: bool = False  # its ten busiest terms are listed on the home page ("Les plus suivis")


TAXONOMIES: tuple[Taxonomy, ...] = (
    Taxonomy("tags", "sujets", "Sujets", "Tous les sujets", "tags", "Sujet", on_home=True),
    Taxonomy("people", "personnes", "Personnes", "Toutes les personnes", "people", "Personne", on_home=True),
    Taxonomy(
        "organizations", "organisations", "Organisations", "Toutes les organisations", "organizations", "Organisation"
    ),
    Taxonomy("places", "lieux", "Lieux", "Tous les lieux", "places", "Lieu", on_home=True),
    Taxonomy("source", "sources", "Sources", "Toutes les sources", "source", "Source"),
)


def taxonomy_names(article, taxonomy: Taxonomy) -> list[str]:
    """The article's names in one taxonomy: a single text (the source) counts as one name."""
    value = getattr(article, taxonomy.field)
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def nav_problems(nav: list, not_in_nav: str) -> list[str]:
    """What mkdocs.yml lacks for TAXONOMIES, in French: each list page in the nav
    (its tab), each term folder hidden by not_in_nav (term pages are not in the nav).
    The build reports each as a warning on mkdocs.yml (pipeline.nav_warnings)."""
    hidden = {line.strip() for line in not_in_nav.splitlines()}
    problems = [
        f"la navigation n'a pas l'entrée « {t.title}: {t.folder}/index.md » (chronique/schema.py)"
        for t in TAXONOMIES
        if {t.title: f"{t.folder}/index.md"} not in nav
    ]
    problems += [
        f"not_in_nav ne cache pas /{t.folder}/* (les pages des termes de « {t.title} »)"
        for t in TAXONOMIES
        if f"/{t.folder}/*" not in hidden
    ]
    return problems
