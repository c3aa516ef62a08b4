"""People, organisations and places: spaCy's French model, then a layer of rules
and name lists (data/entities.yml, data/aliases.yml) that fixes what it gets wrong
on this kind of article: Lao names tagged as places, titles glued to names,
bare "Parti" as an organisation, "Vietnam - Laos" as one place.

Run on paragraphs only: never on photo file names, credits or related headlines.

- runner.py: the model, run over many articles; each entity sent to the rules of its kind
- people.py, places.py, organizations.py, institutions.py: the rules per kind
- merging.py: an article's names cleaned, made whole, variants merged under one key
- rules.py: the name lists (data/entities.yml, data/aliases.yml) and the text shapes
"""

from __future__ import annotations

# The aliases file's reader (and its error) live in chronique/aliases.py; rules.py reads them from here.
from ..aliases import AliasError, load_aliases  # noqa: E402

from .institutions import institution_at  # noqa: E402
from .merging import EPONYMS, Entities, best_spelling, entity_key, merge_key, merge_variants  # noqa: E402
from .rules import KINDS, MODEL, ORGANIZATION, PERSON, PLACE, Rules  # noqa: E402
from .runner import EntityExtractor  # noqa: E402

__all__ = [
    "EPONYMS",
    "KINDS",
    "MODEL",
    "ORGANIZATION",
    "PERSON",
    "PLACE",
    "AliasError",
    "Entities",
    "EntityExtractor",
    "Rules",
    "best_spelling",
    "entity_key",
    "institution_at",
    "load_aliases",
    "merge_key",
    "merge_variants",
]
