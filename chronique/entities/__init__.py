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

from pathlib import Path

import yaml


class AliasError(ValueError):
    pass


def load_aliases(path: Path) -> dict:
    """An aliases file, checked: a clear error names the file and the key."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise AliasError(f"{path}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise AliasError(f"{path}: expected a mapping with keys people, organizations, places, ignore")
    for key, value in data.items():
        if key not in ("people", "organizations", "places", "ignore"):
            raise AliasError(f"{path}: unknown key '{key}' (expected people, organizations, places, ignore)")
        if key == "ignore" and not isinstance(value or [], list):
            raise AliasError(f"{path}: 'ignore' must be a list of names")
        if key != "ignore" and not isinstance(value or {}, dict):
            raise AliasError(f"{path}: '{key}' must map a name to a list of its variants")
    return data


# Imported after load_aliases, which rules.py reads from here.
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
