"""The site's shape, declared once: its taxonomies (key, URL folder, the Article field
that feeds each) here, and the words the site shows for them and around them in
data/labels.yml, read once. collect, write and the nav check read these, so a new
taxonomy is one more `Taxonomy(...)` line here, its labels in data/labels.yml and one
nav entry in mkdocs.yml (which the build and tests/test_schema.py check)."""

from dataclasses import dataclass
from pathlib import Path

import yaml

LABELS_FILE = Path(__file__).resolve().parent.parent / "data" / "labels.yml"
TAXONOMY_LABELS = ("title", "all_terms", "one_term")  # what data/labels.yml gives each taxonomy


@dataclass(frozen=True)
class Labels:
    taxonomies: dict[str, dict[str, str]]  # key -> its TAXONOMY_LABELS
    interface: dict[str, str]  # "home": "Accueil", …: `labels` in the templates


def load_labels(path: Path = LABELS_FILE) -> Labels:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    taxonomies = data.get("taxonomies") or {}
    for key, labels in taxonomies.items():
        missing = [name for name in TAXONOMY_LABELS if not (labels or {}).get(name)]
        if missing:
            raise ValueError(f"{path.name} : taxonomies: {key}: il manque {', '.join(missing)}")
    return Labels(taxonomies, data.get("interface") or {})


LABELS = load_labels()


@dataclass(frozen=True)
class Taxonomy:
    key: str  # the name used in Site.taxonomies, the front matter and data/labels.yml
    folder: str  # URL folder: personnes/ → /personnes/tô-lâm/
    field: str  # the Article attribute holding its names (a tuple, or one text for "source")
    on_home: bool = False  # its ten busiest terms are listed on the home page ("Les plus suivis")

    # Its words, from data/labels.yml (LABELS, read when asked: a test may swap it)
    @property
    def title(self) -> str:  # the list page's title and the nav label: "Personnes"
        return self._label("title")

    @property
    def all_terms(self) -> str:  # the link from a term's page back to the list: "Toutes les personnes"
        return self._label("all_terms")

    @property
    def one_term(self) -> str:  # one term, in a feed's title: "Chronique — Personne : Tô Lâm"
        return self._label("one_term")

    def _label(self, name: str) -> str:
        labels = LABELS.taxonomies.get(self.key)
        if labels is None:
            raise LookupError(
                f"{LABELS_FILE.name} : la taxonomie « {self.key} » n'a pas de libellés (taxonomies: {self.key}:)"
            )
        return labels[name]


TAXONOMIES: tuple[Taxonomy, ...] = (
    Taxonomy("tags", "sujets", "tags", on_home=True),
    Taxonomy("people", "personnes", "people", on_home=True),
    Taxonomy("organizations", "organisations", "organizations"),
    Taxonomy("places", "lieux", "places", on_home=True),
    Taxonomy("source", "sources", "source"),
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
