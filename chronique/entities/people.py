"""People: names cut free of titles, of a ministry's last word, of a province before them."""

from __future__ import annotations

import re

from ..text import fold
from .rules import ORGANIZATION, PERSON, PLACE

# two to four capitalised words after a lower-case one, ending an organisation's name
_NAME_AT_END = re.compile(r"\s[a-zà-ÿ’'-]+\s+(?P<name>(?:[A-ZÀ-ÝĐ][\w’'-]*\s+){1,3}[A-ZÀ-ÝĐ][\w’'-]*)$")


class PeopleRules:
    """What makes a span a person's name (mixed into EntityExtractor: uses self.rules)."""

    def _split_titled_person(self, org: str, text: str) -> tuple[str, str | None]:
        """ "le secrétaire général du Parti populaire révolutionnaire lao Thongloun Sisoulith":
        the model reads one organisation; a role before it says the capitalised words
        that end it are the person holding the role. An eponym stays ("… Hồ Chí Minh")."""
        tail = _NAME_AT_END.search(org)
        at = text.find(org)
        if not tail or at < 0 or not self.title_before.search(text[max(0, at - 60) : at]):
            return org, None
        name = tail.group("name")
        if fold(name) in self.rules.eponyms or not self._looks_like_name(name):
            return org, None
        person = self._clean_person(name)
        if person != name:
            return org, None
        return org[: tail.start("name")].rstrip(" ,"), person

    def _clean_person(self, span: str) -> str | None:
        span = self.title_prefix.sub("", span).strip(" ,;:.()")
        words = span.split()
        # cut at the first word that is no part of a name (a title, a country, a lower-case word)
        kept = []
        for word in words:
            if not kept and word in self.rules.not_names:
                continue  # "Transports Kongkeo Saysana": the end of a ministry's name
            if not word[0].isupper() or word in self.rules.not_names or word.isupper():
                break
            kept.append(word)
        # "Commerce Trương Minh Khoa": a ministry's last word glued to the name
        if kept and fold(kept[0]) not in self.rules.surnames:
            cut = next((i for i in range(1, len(kept) - 1) if fold(kept[i]) in self.rules.surnames), None)
            if cut is not None:
                kept = kept[cut:]
        # "Houaphanh Bounmy Xayavong": the province before its governor's name
        for k in range(len(kept) - 2, 0, -1):
            if fold(" ".join(kept[:k])) in self.place_keys:
                kept = kept[k:]
                break
        if not 2 <= len(kept) <= 5:
            return None
        name = " ".join(kept)
        if (
            fold(name) in self.rules.ignore
            or fold(name) in self.rules.not_entities
            or fold(name) in self.rules.not_people
        ):
            return None
        if fold(name) in self.rules.aliases.get(PLACE, {}) or fold(name) in self.rules.aliases.get(ORGANIZATION, {}):
            return None
        if fold(name) in self.place_keys:
            return None
        return name

    def _looks_like_name(self, name: str) -> bool:
        return (
            fold(name.split()[0]) in self.rules.surnames
            or fold(name) in self.rules.aliases.get(PERSON, {})
            or all(w[0].isupper() and w[1:].islower() for w in name.split())
        )
