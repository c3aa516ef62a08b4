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
        return 1 <= len(words) <= 5 and not part.isupper() or fold(part) in self.rules.aliases.get(PLACE, {})

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
