"""The whole name of an institution from its head word on ("ministère lao des Travaux
publics et des Transports"), read word by word; its word lists are in data/entities.yml."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from text_unidecode import unidecode

_WORDS = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "entities.yml").read_text(encoding="utf-8"))
_STOP = set(_WORDS["institution_stop_words"])
# with and without accents: machine-translated text drops them ("ministere")
UNAMBIGUOUS_HEADS = {form for head in _WORDS["unambiguous_heads"] for form in (head, unidecode(head))}
_QUALIFIER_WORDS = set(_WORDS["qualifier_words"])
_AGENT_PARTICIPLES = set(_WORDS["agent_participles"])
_SEAT_HEADS = {form for head in _WORDS["seat_heads"] for form in (head, unidecode(head))}
_QUALIFIER_ENDINGS = tuple(
    dict.fromkeys(
        form + plural
        for ending in _WORDS["qualifier_endings"]
        # "etrangeres": machine translation drops accents (not "é" → "e": every word would qualify)
        for form in (ending, *([unidecode(ending)] if len(ending) >= 3 else []))
        for plural in ("", "s")
    )
) + ("aux",)

# Words that may follow an institution's head word and belong to its name.
_CONNECTORS = ("de la ", "de l’", "de l'", "du ", "des ", "d’", "d'", "de ", "au ", "aux ", "à ", "en ")
_MAX_WORDS = 16
_ORDINAL_OR_NUMBER = re.compile(r"^(?:\d|[IVXLC]+(?:e|er|ème)$)")
_WORD_AT = re.compile(r"[\w’'-]+(?:–[\w’'-]+)*|\d+")  # "Vietnam–Laos" is one word


def institution_at(text: str, start: int, head_end: int) -> str | None:
    """The whole name of an institution from its head word on: qualifiers ("lao",
    "militaire 108"), complements ("de la Défense", "des Travaux publics et des
    Transports", "du Vietnam au Laos"), stopping at the first word that starts a
    clause. Lower-case institutions count ("ministère de la Défense")."""
    end = head_end
    words = 1
    pos = head_end
    # after "et" or a comma following a proper-name complement ("du Laos et de la première …"), a
    # lower-case complement starts another clause; after a common-noun one it goes on ("de
    # propagande et de formation")
    coordinated = False
    proper = False  # the last complement was capitalised
    seat = text[start:head_end].split()[0].lower() in _SEAT_HEADS  # named by the city where it sits
    while words < _MAX_WORDS:
        rest = text[pos:]
        stripped = rest.lstrip(" ")
        offset = len(rest) - len(stripped)
        if not stripped or stripped[0] in '.;:!?()«»"\n':
            break
        if stripped.startswith((", ", "et ")) and words < 3:  # "Parti et de l'État": two names, not one
            break
        if stripped.startswith(", "):  # a list of complements: "de l'Information, de la Culture"
            after = stripped[2:]
            if any(after.startswith(c) for c in _CONNECTORS[:7]) and not _starts_institution(after):
                pos += offset + 2
                coordinated = True
                continue
            break
        if stripped.startswith("et ") and any(stripped[3:].startswith(c) for c in _CONNECTORS[:7]):
            if _starts_institution(stripped[3:]):  # "l'hôpital 108 et de l'académie …": two names
                break
            pos += offset + 3
            coordinated = True
            continue
        if re.match(r"[–—]\s+[A-ZÀ-ÝĐ]", stripped):  # "Vietnam – Laos": a pair of names, one body
            pos += offset + 1
            continue
        # case-sensitive: "Du" in "école de l'amitié Nguyễn Du" is a name, not "du"
        connector = next((c for c in _CONNECTORS if stripped.startswith(c)), None)
        if connector:
            after = stripped[len(connector) :]
            word = _WORD_AT.match(after)
            if not word or word.group(0) in _STOP or _is_infinitive(word.group(0)):
                break
            # "du 9 au 10", "du XIVe": a date or an ordinal ends the name; so does a lower-case word
            # after "et" ("de l'Assemblée nationale et de la première …": the sentence goes on)
            lower = word.group(0)[0].islower()
            # "… du Tourisme en coordination avec": a place preposition before a common noun ends it too
            place_word = connector in ("au ", "aux ", "à ", "en ")
            if _ORDINAL_OR_NUMBER.match(word.group(0)) or (proper and lower and (coordinated or place_word)):
                break
            # "Assemblée nationale du Laos à Vientiane": once a proper name says which body it is, "à"
            # and a place say where it sits, unless the body is named by it ("consulat … à Luang
            # Prabang"); a name with none ("hôpital de l'amitié à Champassak") keeps its place
            if connector == "à " and proper and not lower and not seat:
                break
            coordinated, proper = False, not lower
            pos += offset + len(connector) + word.end()
            end, words = pos, words + 2
            continue
        word = _WORD_AT.match(stripped)
        if not word or word.group(0) in _STOP or _is_infinitive(word.group(0)) or words >= _MAX_WORDS:
            break
        if word.group(0)[0].islower() and not _is_qualifier(word.group(0)):
            break
        proper = proper or word.group(0)[0].isupper()  # "Comité intergouvernemental Laos - Vietnam"
        pos += offset + word.end()
        end, words = pos, words + 1
    name = text[start:end].strip(" ,-")
    # "Comité central du Parti communiste du Vietnam", "Bureau politique du PPRL": a party's body is an
    # organisation in its own right, kept whole (its parent is named inside it)
    # a head word alone, or with only one qualifier, names nothing ("le ministère", "Comité central")
    if len(name.split()) < 3 and not any(w[0].isupper() for w in name.split()[1:]):
        return None
    # "l'organisation de nouveaux mécanismes", "un groupe de travail": common nouns, unless a name follows
    if (
        name[0].islower()
        and name.split()[0] not in UNAMBIGUOUS_HEADS
        and not any(w[0].isupper() for w in name.split()[1:])
    ):
        return None
    return name


def before_participle(name: str) -> str:
    """ "Front lao d'édification nationale conduite (par …)": the name ends before the participle."""
    words = name.split()
    cut = next((k for k, word in enumerate(words) if k and word in _AGENT_PARTICIPLES), len(words))
    return " ".join(words[:cut])


def _starts_institution(rest: str) -> bool:
    """After "de l'", "du"…: does an institution's head word come next?"""
    for connector in _CONNECTORS[:7]:
        if rest.startswith(connector):
            word = _WORD_AT.match(rest[len(connector) :])
            return bool(word) and word.group(0).lower() in UNAMBIGUOUS_HEADS | {
                "armée",
                "agence",
                "banque",
                "association",
            }
    return False


def _is_infinitive(word: str) -> bool:
    # -re is left out: "militaire", "populaire", "frontière" are far more common here than "prendre"
    return word[0].islower() and len(word) > 4 and word.endswith(("er", "ir"))


def _is_qualifier(word: str) -> bool:
    """A lower-case adjective that belongs to a name: "lao", "national", "militaire"."""
    return word in _QUALIFIER_WORDS or word.isdigit() or word.endswith(_QUALIFIER_ENDINGS)
