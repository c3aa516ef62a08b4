"""aliases.yml: names that are one entity under several spellings, loaded and checked.

The project's data/aliases.yml and the editors' seeds/aliases.yml have one shape:

    people:
      Tô Lâm: [To Lam, SG Tô Lâm]     # the name shown: its variants
    organizations: {}
    places: {}
    ignore: [Un nom à ne jamais lister]

Every entry is checked before any is used, and every problem is named by its entry:
a variant given as a text where a list is expected (each letter would become a
variant), a list inside the list, a name listed as its own variant, a variant that
is another entry's name (A → B and B → A: which is shown would depend on the order),
a variant given to two names. A file with a problem is not used at all: a half-read
file would rename silently.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import bounded_yaml
from .model import ERROR, Problem
from .seeds import ALIASES, DATA_LIMIT, SeedError, read_regular
from .text import fold

KINDS = ("people", "organizations", "places")  # entities.KINDS, spelt as the file's keys
KEYS = (*KINDS, "ignore")


class AliasError(ValueError):
    """The file cannot be used; `problems` lists what is wrong, one line per entry."""

    def __init__(self, name: str, problems: list[str]):
        super().__init__(f"{name} : " + " ; ".join(problems))
        self.name, self.problems = name, problems


def load_aliases(path: Path) -> dict:
    """The project's aliases file, checked; raises AliasError naming the file and the entry."""
    return parse_aliases(path.name, path.read_bytes())


def load_editors_aliases(seeds: Path) -> tuple[dict | None, list[Problem]]:
    """seeds/aliases.yml if there is one and it is sound, and its problems (one per
    entry). It is read as the articles are: never through a link out of the folder."""
    try:
        raw = read_regular(seeds / ALIASES, DATA_LIMIT)
    except FileNotFoundError:
        return None, []
    except SeedError as error:
        return None, [Problem(ALIASES, "aliases", ERROR, f"{error} ; pas utilisé : retirez-le")]
    except OSError as error:
        return None, [Problem(ALIASES, "aliases", ERROR, f"illisible ({error.strerror}) : vérifiez ses droits")]
    try:
        return parse_aliases(ALIASES, raw), []
    except AliasError as error:
        return None, [
            Problem(ALIASES, "aliases", ERROR, f"{problem} ; le fichier n'est pas utilisé : corrigez-le")
            for problem in error.problems
        ]


def parse_aliases(name: str, raw: bytes) -> dict:
    """The checked contents of an aliases file named `name`; raises AliasError."""
    try:
        data = bounded_yaml.load(raw.decode("utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise AliasError(name, [f"YAML invalide ({bounded_yaml.describe(error)})"]) from None
    if not isinstance(data, dict):
        raise AliasError(name, ["attendu : une table aux clés people, organizations, places, ignore"])
    problems = []
    for key, value in data.items():
        if key not in KEYS:
            problems.append(f"clé inconnue « {key} » (attendu : people, organizations, places, ignore)")
        elif key == "ignore":
            if not isinstance(value or [], list) or not all(_is_name(item) for item in value or []):
                problems.append("« ignore » doit être une liste de noms (- Un nom)")
        elif not isinstance(value or {}, dict):
            problems.append(f"« {key} » doit associer un nom à la liste de ses variantes (Tô Lâm: [To Lam])")
        else:
            problems += _check_kind(key, value or {})
    if problems:
        raise AliasError(name, problems)
    return data


def _check_kind(kind: str, entries: dict) -> list[str]:
    problems = []
    displays = {}  # folded name shown -> name shown
    for display in entries:
        if _is_name(display):
            displays.setdefault(fold(display), display)
    owner: dict[str, str] = {}  # folded variant -> the name it goes to
    for display, variants in entries.items():
        where = f"{kind} : « {display} »"
        if not _is_name(display):
            problems.append(f"{kind} : « {display} » n'est pas un nom (écrivez-le en texte)")
            continue
        if isinstance(variants, str):
            problems.append(f"{where} : ses variantes doivent être une liste ([{variants}]), pas un texte")
            continue
        if not isinstance(variants or [], list) or not all(_is_name(v) for v in variants or []):
            problems.append(f"{where} : ses variantes doivent être une liste de noms, sans liste dans la liste")
            continue
        for variant in variants or []:
            key = fold(variant)
            if variant.strip() == display.strip():
                problems.append(f"{where} est sa propre variante : retirez-la de sa liste")
            elif key in displays and displays[key] != display:
                problems.append(
                    f"{where} a pour variante « {variant} », qui est elle-même un nom de la liste : "
                    "gardez l'un des deux"
                )
            elif owner.setdefault(key, display) != display:
                problems.append(
                    f"{where} : la variante « {variant} » est déjà celle de « {owner[key]} » : gardez-en une"
                )
    return problems


def _is_name(value) -> bool:
    return isinstance(value, str) and bool(value.strip())
