"""Key figures: amounts, percentages and counts with their unit, the sentence
around them, the year they are about and what they measure (data/measures.yml).
Numbers are parsed with babel's French rules ("2,6" is 2.6, "1 200" is 1200)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Figure
from .text import fold, parse_number

NUMBER = r"(?<![\d,.])(\d{1,3}(?:[  \u202f.]\d{3})+|\d+)(?:,(\d+))?"
SCALE = {
    "mille": 1e3,
    "millier": 1e3,
    "milliers": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e12,
    "billions": 1e12,
}
CURRENCY = {
    "dollars americains": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "$": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "€": "EUR",
    "kips": "LAK",
    "kip": "LAK",
    "dongs": "VND",
    "dong": "VND",
    "vnd": "VND",
    "yuans": "CNY",
    "bahts": "THB",
}
COUNT_UNITS = [
    "tonnes",
    "km",
    "kilomètres",
    "hectares",
    "ha",
    "mégawatts",
    "MW",
    "kWh",
    "étudiants",
    "projets",
    "personnes",
    "visiteurs",
    "touristes",
    "entreprises",
    "accords",
    "documents",
    "habitants",
    "emplois",
    "bourses",
    "lits",
    "élèves",
    "soldats",
    "experts",
    "médecins",
]
FIGURE = re.compile(
    NUMBER
    + r"\s*(?:(mille|milliers?|millions?|milliards?|billions?)\s*(?:de\s+|d['’])?)?"
    + r"(?:(%|pour\s?cent|dollars américains|dollars|dollar|USD|\$|euros?|EUR|€|kips?|dongs?|VND|yuans|bahts|"
    + "|".join(re.escape(u) for u in COUNT_UNITS)
    + r")(?![\w]))",
    re.IGNORECASE,
)
YEAR_NEAR = re.compile(r"\b(?:en|pour|de|d['’]ici|au cours de|depuis)\s+((?:19|20)\d\d)\b")
SENTENCE = re.compile(r"[^.!?;]+(?:[.!?;]|$)")


@dataclass(frozen=True)
class MeasureRules:
    measures: dict[str, list[str]]
    target_words: list[str]

    @classmethod
    def load(cls, path: Path) -> "MeasureRules":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(data["measures"], [fold(w) for w in data["target_words"]])


def extract_figures(paragraphs: list[str], rules: MeasureRules) -> tuple[Figure, ...]:
    figures = []
    for paragraph in paragraphs:
        for sentence in SENTENCE.findall(paragraph):
            for match in FIGURE.finditer(sentence):
                figure = _figure(match, sentence.strip(), rules)
                if figure:
                    figures.append(figure)
    return tuple(figures)


def _figure(match: re.Match, sentence: str, rules: MeasureRules) -> Figure | None:
    number = match.group(1) + ("," + match.group(2) if match.group(2) else "")
    value = parse_number(number)
    if value is None:
        return None
    scale_word, unit_word = (match.group(3) or "").lower(), match.group(4)
    value *= SCALE.get(scale_word, 1)
    folded_unit = fold(unit_word) if unit_word not in "$€%" else unit_word
    if unit_word == "%" or folded_unit in ("pour cent", "pourcent"):
        unit = "%"
    else:
        unit = CURRENCY.get(folded_unit, CURRENCY.get(unit_word, unit_word.lower()))
    if unit not in ("%",) and unit not in CURRENCY.values() and value < 2:
        return None
    # the clause before the figure says what it measures and whether it is a goal
    before = fold(sentence[: match.start()][-140:])
    after = sentence[match.end() : match.end() + 40]
    year_match = YEAR_NEAR.search(after) or _last(YEAR_NEAR.finditer(sentence[: match.start()][-80:]))
    measure = next((name for name, words in rules.measures.items() if any(w in before for w in words)), None)
    kind = "target" if any(w in before[-90:] for w in rules.target_words) else "value"
    return Figure(
        text=match.group(0).strip(),
        value=value,
        unit=unit,
        context=sentence,
        year=int(year_match.group(1)) if year_match else None,
        measure=measure,
        kind=kind,
    )


def _last(matches):
    found = None
    for found in matches:
        pass
    return found
