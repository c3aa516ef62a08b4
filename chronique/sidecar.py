"""Editor corrections: `seeds/<stem>.yml` beside an article overrides any field.

Each key is checked on its own: a bad key is reported (file, key, problem, what to
do) and ignored, and the article builds from its extraction for that field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from . import bounded_yaml, schema
from .bounded_yaml import BoundedLoader
from .model import DAY, EDITOR, ERROR, MONTH, YEAR, ArticleDate, Problem
from .seeds import Seed, read_sidecar
from .text import clean

# an editor corrects each list that feeds a taxonomy (the source, one text, is in TEXT_KEYS)
LIST_KEYS = tuple(dict.fromkeys(t.field for t in schema.TAXONOMIES if t.field != "source"))
TEXT_KEYS = ("title", "source", "source_url", "summary", "slug")
KNOWN = (*LIST_KEYS, *TEXT_KEYS, "date", "hold")
DATE_TOKEN = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
ONE_LINE_KEYS = ("title", "source", "summary")  # shown in running text: on one line, invisible characters removed


class _Loader(BoundedLoader):
    """Bounded safe YAML (bounded_yaml) with dates left as text: `date: 2026-13-45` is
    then reported as a bad date for its key, where PyYAML would raise from inside the parser."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def sidecar_path(article: Path) -> Path:
    return article.with_suffix(".yml")


def sidecar_of(seed: Seed) -> tuple[bytes | None, dict, list[Problem]]:
    """An article's sidecar: its bytes (None without one; read once, for the cache key
    too), its checked overrides and its problems, never an exception."""
    raw, problems = read_sidecar(seed)
    if raw is None:
        return None, {}, problems
    overrides, more = load_sidecar(seed.sidecar, raw)
    return raw, overrides, problems + more


def load_sidecar(name: str, raw: bytes) -> tuple[dict, list[Problem]]:
    """The checked overrides of the sidecar `name` (its bytes, read once by the caller)
    and the problems found, never an exception."""
    try:
        data = bounded_yaml.load(raw.decode("utf-8"), _Loader)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        reason = bounded_yaml.describe(error)
        return {}, [
            Problem(
                name,
                "sidecar",
                ERROR,
                f"YAML invalide ({reason}) : corrigez-le ; l'article est construit à partir de son texte en attendant",
            )
        ]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [
            Problem(name, "sidecar", ERROR, "attendu : une table de champs et de valeurs (title: …, date: 2026-02-04)")
        ]
    overrides, problems = {}, []
    for key, value in data.items():
        key = str(key)
        if key not in KNOWN:
            problems.append(Problem(name, key, ERROR, f"clé inconnue « {key} » : attendu l'une de {', '.join(KNOWN)}"))
        elif key in LIST_KEYS:
            names = [_one_line(v) for v in value] if isinstance(value, list) else [None]
            if all(names):
                overrides[key] = tuple(names)
            else:
                problems.append(Problem(name, key, ERROR, f"« {key} » doit être une liste de noms (- Tô Lâm)"))
        elif key in TEXT_KEYS:
            text = _one_line(value) if key in ONE_LINE_KEYS else (_valid_text(value) or "").strip() or None
            if not text:
                problems.append(Problem(name, key, ERROR, f"« {key} » doit être un texte non vide"))
            elif key == "source_url" and not re.match(r"https?://", text, re.IGNORECASE):
                problems.append(
                    Problem(
                        name, key, ERROR, f"« {text} » n'est pas une adresse web : écrivez-la avec http:// ou https://"
                    )
                )
            else:
                overrides[key] = text
        elif key == "hold":
            if isinstance(value, bool):
                overrides[key] = value
            else:
                problems.append(Problem(name, key, ERROR, "« hold » doit être true ou false"))
        elif key == "date":
            date, problem = _parse_date(value, name)
            if date:
                overrides[key] = date
            if problem:
                problems.append(problem)
    return overrides, problems


def _valid_text(value) -> str | None:
    """The value if it is text that can be written as UTF-8 (YAML's "\\ud800" cannot)."""
    if not isinstance(value, str):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value


def _one_line(value) -> str | None:
    """Text shown in a page: one line, as read.parse makes an article's lines."""
    text = _valid_text(value)
    if text is None:
        return None
    return " ".join(clean(text).split()) or None


def _parse_date(value, name: str) -> tuple[ArticleDate | None, Problem | None]:
    if isinstance(value, dt.date):  # an explicit !!timestamp
        return ArticleDate(value, DAY, EDITOR, "fichier de correction"), None
    match = DATE_TOKEN.match(str(value).strip())
    try:
        if not match:
            raise ValueError
        year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
        precision = DAY if match[3] else MONTH if match[2] else YEAR
        return ArticleDate(dt.date(year, month, day), precision, EDITOR, "fichier de correction"), None
    except ValueError:
        return None, Problem(
            name,
            "date",
            ERROR,
            f"« {value} » n'est pas une date : écrivez 2026-02-04, 2026-02 ou 2026 (entre guillemets)",
        )
