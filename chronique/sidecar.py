"""Editor corrections: `seeds/<stem>.yml` beside an article overrides any field.

Each key is checked on its own: a bad key is reported (file, key, problem, what to
do) and ignored, and the article builds from its extraction for that field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from .model import DAY, EDITOR, ERROR, MONTH, YEAR, ArticleDate, Problem

LIST_KEYS = ("people", "organizations", "places", "tags")
TEXT_KEYS = ("title", "source", "source_url", "summary", "slug")
KNOWN = (*LIST_KEYS, *TEXT_KEYS, "date", "hold")
DATE_TOKEN = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def sidecar_path(article: Path) -> Path:
    return article.with_suffix(".yml")


def load_sidecar(article: Path) -> tuple[dict, list[Problem]]:
    """The checked overrides and the problems found, never an exception."""
    path = sidecar_path(article)
    if not path.exists():
        return {}, []
    name = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        reason = str(error).splitlines()[0]
        return {}, [Problem(name, "sidecar", ERROR, f"not valid YAML ({reason}): fix it; the article is built from its text meanwhile")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem(name, "sidecar", ERROR, "expected a mapping of field: value (title: …, date: 2026-02-04)")]
    overrides, problems = {}, []
    for key, value in data.items():
        key = str(key)
        if key not in KNOWN:
            problems.append(Problem(name, key, ERROR, f"unknown key '{key}': expected one of {', '.join(KNOWN)}"))
        elif key in LIST_KEYS:
            if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
                overrides[key] = tuple(v.strip() for v in value)
            else:
                problems.append(Problem(name, key, ERROR, f"'{key}' must be a list of names (- Tô Lâm)"))
        elif key in TEXT_KEYS:
            if isinstance(value, str) and value.strip():
                overrides[key] = value.strip()
            else:
                problems.append(Problem(name, key, ERROR, f"'{key}' must be a non-empty text"))
        elif key == "hold":
            if isinstance(value, bool):
                overrides[key] = value
            else:
                problems.append(Problem(name, key, ERROR, "'hold' must be true or false"))
        elif key == "date":
            date, problem = _parse_date(value, name)
            if date:
                overrides[key] = date
            if problem:
                problems.append(problem)
    return overrides, problems


def _parse_date(value, name: str) -> tuple[ArticleDate | None, Problem | None]:
    if isinstance(value, dt.date):  # YAML reads 2026-02-04 as a date
        return ArticleDate(value, DAY, EDITOR, "fichier de correction"), None
    match = DATE_TOKEN.match(str(value).strip())
    try:
        if not match:
            raise ValueError
        year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
        precision = DAY if match[3] else MONTH if match[2] else YEAR
        return ArticleDate(dt.date(year, month, day), precision, EDITOR, "fichier de correction"), None
    except ValueError:
        return None, Problem(name, "date", ERROR, f"'{value}' is not a date: write 2026-02-04, 2026-02 or 2026 (quoted)")
