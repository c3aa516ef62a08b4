"""Key figures: amounts, percentages and counts with their unit, the sentence
around them, the year they are about and what they measure (data/measures.yml).
Numbers are parsed with babel's French rules ("2,6" is 2.6, "1 200" is 1200)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
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
YEAR_NEAR = re.compile(r"\b(?:en|pour|de|d['’]ici|au cours de|depuis)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
PROJECT_DATA = Path(__file__).resolve().parent.parent / "data"
SENTENCE = re.compile(r"[^.!?;]+(?:[.!?;]|$)")
# Between two figures, only these words: the second is said in the same breath as the first
# ("5 milliards de dollars en 2026 et de 10 milliards en 2030") and is of the same kind.
LINK_WORDS = frozenset(
    "et de d des du a au aux puis voire ou meme jusqu en pour l la le les cap barre seuil respectivement".split()
)
DEMONYM_ENDINGS = r"(?:n?es?|s)?"  # vietnamien(ne)(s), francais(e)(s), khmer(e)(s)


@dataclass(frozen=True)
class MeasureRules:
    """How a figure is read: what it measures (data/measures.yml), whether it is a goal
    or a forecast, and which countries or groups it concerns (data/countries.yml)."""

    measures: dict[str, list[str]]
    target_words: list[str]
    forecast_words: list[str] = ()
    goal_verbs: list[str] = ()
    parties: tuple[tuple[re.Pattern, str], ...] = ()  # (pattern over folded text, party)
    ignore: re.Pattern | None = None

    @classmethod
    def load(cls, path: Path) -> "MeasureRules":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        countries = path.parent / "countries.yml"
        if not countries.exists():  # a data folder of its own (Settings.data) may lack it
            countries = PROJECT_DATA / "countries.yml"
        places = yaml.safe_load(countries.read_text(encoding="utf-8"))
        return cls(
            data["measures"],
            [fold(w) for w in data["target_words"]],
            [fold(w) for w in data.get("forecast_words") or []],
            [fold(w) for w in data.get("goal_verbs") or []],
            _party_patterns(places.get("parties") or {}),
            _phrases(places.get("ignore") or []),
        )


def _party_patterns(parties: dict) -> tuple[tuple[re.Pattern, str], ...]:
    patterns = []
    for party, forms in parties.items():
        words = [re.escape(fold(n)) for n in forms.get("names") or []]
        words += [re.escape(fold(d)) + DEMONYM_ENDINGS for d in forms.get("demonyms") or []]
        # a compound's first half: "vietnamo laotien" once folded
        words += [re.escape(fold(p)) + r"(?= [a-z])" for p in forms.get("prefixes") or []]
        patterns.append((re.compile(r"\b(?:" + "|".join(words) + r")\b"), party))
    return tuple(patterns)


def _phrases(phrases: list[str]) -> re.Pattern | None:
    if not phrases:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True)) + r")\b")


def parties_of(text: str, rules: MeasureRules) -> tuple[str, ...]:
    """The countries and groups a text names (by name or demonym), sorted."""
    folded = fold(text)
    if rules.ignore:
        folded = rules.ignore.sub(" ", folded)
    # "coree du nord" is North Korea, not also South Korea: a longer name found first wins its words
    found: dict[str, str] = {}
    taken: list[tuple[int, int]] = []
    matches = sorted(
        ((m.start(), m.end(), party) for pattern, party in rules.parties for m in pattern.finditer(folded)),
        key=lambda m: (m[0] - m[1], m[0], m[2]),
    )
    for start, end, party in matches:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        found[party] = party
    return tuple(sorted(found, key=fold))


def extract_figures(paragraphs: list[str], rules: MeasureRules, title: str = "") -> tuple[Figure, ...]:
    """Every figure of the running text. Each knows its parties: the countries named in
    its sentence; failing that, in the nearest sentence before it in its paragraph; failing
    that, in the article's title and lead together (its provenance says which). Countries
    are looked for only around figures: most sentences have none."""
    figures = []
    # the title and lead name the article's subject; a title taken from the text may be the
    # lead cut short, so both count, and more parties only make a figure compared less
    article = " ".join([title] + paragraphs[:1])
    for paragraph in paragraphs:
        sentences = [sentence.strip() for sentence in SENTENCE.findall(paragraph)]
        for at, sentence in enumerate(sentences):
            matches = list(FIGURE.finditer(sentence))
            if not matches:
                continue
            parties, source = _parties(sentence, sentences[:at], article, rules)
            previous = None
            for n, match in enumerate(matches):
                following = matches[n + 1].start() if n + 1 < len(matches) else len(sentence)
                figure = _figure(match, sentence, rules, previous, following)
                if figure:
                    figure = replace(figure, parties=parties, parties_source=source)
                    figures.append(figure)
                    previous = (match.end(), figure)
    return tuple(figures)


def _parties(sentence: str, earlier: list[str], article: str, rules) -> tuple[tuple[str, ...], str | None]:
    """The sentence's own parties, else the nearest earlier sentence's in the paragraph,
    else the article's (title and lead)."""
    for text, source in (
        [(sentence, "sentence")] + [(s, "paragraph") for s in reversed(earlier)] + [(article, "article")]
    ):
        parties = parties_of(text, rules)
        if parties:
            return parties, source
    return (), None


def _figure(match: re.Match, sentence: str, rules: MeasureRules, previous=None, following: int = 0) -> Figure | None:
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
    # else the words just after it: "300 millions de dollars d'aide", "… d'échanges"
    measure = _measure(before, rules) or _measure(fold(re.split(r"[,;:(]", after)[0]), rules)
    return Figure(
        text=match.group(0).strip(),
        value=value,
        unit=unit,
        context=sentence,
        year=int(year_match.group(1)) if year_match else None,
        measure=measure,
        kind=_kind(match, sentence, rules, previous, following or len(sentence)),
    )


def _measure(folded: str, rules: MeasureRules) -> str | None:
    return next((name for name, words in rules.measures.items() if any(w in folded for w in words)), None)


def _kind(match: re.Match, sentence: str, rules: MeasureRules, previous, following: int) -> str:
    """value, target or forecast. Read between the figure before it in the sentence (or
    the sentence's start, at most 120 characters back) and the figure, then just after
    it up to a comma or the next figure: the goal or forecast word nearest the figure
    decides. Linked to the figure before by "et", "puis", "à"… only, it is of that kind."""
    start = max(previous[0] if previous else 0, match.start() - 120)
    before = fold(sentence[start : match.start()])
    after = fold(re.split(r"[,:(]", sentence[match.end() : min(following, match.end() + 40)])[0])
    nearest = _nearest_word(before, rules, last=True) or _nearest_word(after, rules, last=False)
    if nearest:
        return nearest
    if previous and all(w in LINK_WORDS or w.isdigit() for w in before.split()):
        return previous[1].kind
    if any(_word_at_start(w, before) for w in rules.goal_verbs):
        return "target"
    return "value"


def _nearest_word(text: str, rules: MeasureRules, last: bool) -> str | None:
    found = [
        (m.start(), kind)
        for kind, words in (("target", rules.target_words), ("forecast", rules.forecast_words))
        for w in words
        for m in re.finditer(r"\b" + re.escape(w), text)
    ]
    if not found:
        return None
    return (max(found) if last else min(found))[1]


def _word_at_start(word: str, text: str) -> bool:
    return re.search(r"\b" + re.escape(word), text) is not None


def _last(matches):
    found = None
    for found in matches:
        pass
    return found
