"""Places: a place split from the person after it, pairs of places, what looks like a place."""

from __future__ import annotations

import re

from ..text import fold
from .rules import PLACE


class PlaceRules:
    """What makes a span a place (mixed into EntityExtractor: uses self.rules, self.place_keys)."""

    def _split_place_person(self, span: str) -> tuple[str, str | None]:
        """ "la province d'Attapeu Viengkham Douangmala": a known place, then the name of
        the person who governs it (a title stands before the province). Returns (the
        span, or the place alone, and the person or None)."""
        words = span.split()
        for k in range(len(words) - 2, 0, -1):  # the longest known place that leaves a name
            head = " ".join(words[:k])
            if fold(head) in self.place_keys:
                rest = " ".join(words[k:])
                person = self._clean_person(rest)
                if person == rest and self._looks_like_name(person) and fold(rest) not in self.place_keys:
                    return head, person
                break
        return span, None

    def _looks_like_place(self, part: str) -> bool:
        words = part.split()
        if fold(part) in self.rules.aliases.get(PLACE, {}) or fold(part) in self.place_keys:
            return True
        if len(words) == 1 and fold(part) not in self.gazetteer and self.nlp.vocab.has_vector(part.lower()):
            return False  # "Renouveau", "Sommets", "République": a French word no gazetteer knows as a place
        if len(words) == 1 and fold(part) in self.rules.surnames:
            return False  # "Lê": a family name alone
        return 1 <= len(words) <= 5 and not part.isupper()

    def _country_of_state(self, part: str) -> str:
        """ "État lao", "État laotiens", "République démocratique populaire lao": the country."""
        words = fold(part).split()
        if len(words) >= 2 and words[0] in ("etat", "republique") and words[-1] in self.rules.demonyms:
            return self.rules.demonyms[words[-1]]
        if len(words) >= 3 and words[0] == "republique" and words[-2] in ("du", "de") and words[-1] in self.countries:
            return part.split()[-1]  # "République socialiste du Vietnam"
        return part

    def _organization_spans(self, organizations: tuple[str, ...], text: str) -> list[tuple[int, int]]:
        """Where the article writes each organisation of more than one word (each looked for once)."""
        return [
            (m.start(), m.end())
            for org in dict.fromkeys(organizations)
            if len(org.split()) > 1
            for m in re.finditer(rf"(?<!\w){re.escape(org)}(?!\w)", text)
        ]

    def _outside_organizations(self, place: str, spans: list[tuple[int, int]], text: str) -> bool:
        """Whether the article names this place other than as the country owning an organisation
        (spans: _organization_spans): "Vietnam" only in "Parti communiste du Vietnam" is not a
        place the story is about (a city, or "… du Vietnam à Hanoï", "Comité Vietnam - Laos",
        still places it)."""
        if fold(place) not in self.countries:
            return True
        mentions = list(re.finditer(rf"(?<!\w){re.escape(place)}(?!\w)", text))
        if not mentions:
            return True  # written otherwise in the text (an alias): keep
        return any(
            not any(a <= m.start() and m.end() <= b for a, b in spans)
            or not re.search(r"\b(?:du|de|des|d’|d')\s*$", text[max(0, m.start() - 5) : m.start()])
            for m in mentions
        )

    def _split_pair(self, span: str) -> list[str]:
        """ "Vietnam - Laos" and "Hanoi-Vientiane" are two places; "Asie du Sud-Est" is one."""
        parts = re.split(r"\s+[-–]\s+", span)
        out = []
        known = self.place_keys
        for part in parts:
            pieces = part.split("-")
            if len(pieces) > 1 and all(fold(p) in known for p in pieces):
                out += pieces
            else:
                out.append(part)
        return out
