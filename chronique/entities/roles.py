"""The role a title gives a person: "le secrétaire général du Parti populaire révolutionnaire
lao Thongloun Sisoulith" -> "secrétaire général du Parti populaire révolutionnaire lao".

The words the people rules cut off a name (people.py, runner.py's titled_name) are the role,
kept only when every word of it is one a role is made of: a title, a body's capitalised name,
a year, a small joining word, a country's adjective, a rank. "le ministre a rencontré Tô Lâm"
gives no role: a wrong role shown with an article as proof costs more than none."""

from __future__ import annotations

import functools
import re

from ..text import fold
from .institutions import _is_infinitive, _is_qualifier

# Words that only address a person: no role on their own, dropped before one ("M. le ministre")
HONORIFICS = {"m", "mme", "mlle", "camarade", "dr", "docteur", "monsieur", "madame"}
# Small words and ranks that join a title to its body ("vice-ministre permanent des Affaires étrangères")
JOINING = {
    "du", "de", "des", "la", "le", "les", "l", "d", "au", "aux", "en", "et", "par", "pour",
    "general", "generale", "permanent", "permanente", "adjoint", "adjointe", "delegue", "deleguee",
    "charge", "chargee", "extraordinaire", "plenipotentiaire", "interim", "honoraire", "executif",
    "executive", "central", "centrale", "populaire", "national", "nationale", "principal", "principale",
    "etat", "affaires", "etrangeres", "ancien", "ancienne", "nouveau", "nouvelle", "premier", "premiere",
    "province", "district", "ville", "departement", "ambassade", "comite", "commission", "ministere",
}  # fmt: skip
_TOKEN = re.compile(r"[\w.-]+")  # "d’État": "d", "État"
MAX_WORDS = 14


@functools.lru_cache(maxsize=4)
def _title_words(titles: tuple[str, ...]) -> frozenset[str]:
    """Every word of the titles, folded, but the honorifics (folded once, not per name)."""
    return frozenset(w for t in titles for w in map(fold, t.split())) - HONORIFICS


def role_from_title(title_span: str, titles: list[str], demonyms: dict[str, str]) -> str | None:
    """The role in the words before a name (the title and its qualifiers), or None when one word
    is no part of a role (a verb, an adverb) or the words only address the person ("M.")."""
    span = title_span.strip(" ,;:")
    if "," in span or not span:
        return None  # "le ministre, hier, a reçu …": the name may not be the title's holder
    words = _TOKEN.findall(span)
    while words and fold(words[0]).rstrip(".") in HONORIFICS | {"le", "la", "l"}:
        words = words[1:]
    if not words or len(words) > MAX_WORDS:
        return None
    title_words = _title_words(tuple(titles))
    if fold(words[0]) not in title_words:
        return None
    in_body = False  # after a body's capitalised word, its adjectives ("Parti populaire révolutionnaire lao")
    for word in words:
        key = fold(word)
        if word[0].isupper() or word.isdigit() or key in title_words or key in JOINING or key in demonyms:
            in_body = in_body or word[0].isupper()
            continue
        # a past participle is a verb's as often as a name's ("a rencontré"): never taken
        participle = word.lower().endswith(("é", "ée", "és", "ées"))
        if in_body and _is_qualifier(word.lower()) and not _is_infinitive(word) and not participle:
            continue
        return None
    role = span[span.find(words[0]) :]
    return role[0].upper() + role[1:]
