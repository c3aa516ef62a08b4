"""Organisations: whole institution names from their head word, acronyms and their expansions."""

from __future__ import annotations

from ..text import fold
from .rules import ACRONYM_DEF, ORGANIZATION, SMALL_WORDS


class OrganizationRules:
    """What makes a span an organisation (mixed into EntityExtractor: uses self.rules)."""

    def _looks_like_org(self, span: str) -> bool:
        """An institution word first ("Comité", "ministère"), a known name, an acronym,
        or a name of several capitalised words ("Vietnam Airlines"); never a title
        ("vice-ministre des Affaires étrangères")."""
        if fold(span) in self.rules.aliases.get(ORGANIZATION, {}):
            return True
        if self.title_prefix.match(span) and not self._starts_with_org_head(span):
            return False
        if self._starts_with_org_head(span):
            return len(span.split()) >= 2
        capitalised = [w for w in span.split() if w[0].isupper()]
        return (len(span.split()) == 1 and span.isupper() and len(span) >= 2) or len(capitalised) >= 2

    def _starts_with_org_head(self, span: str) -> bool:
        lowered = span.lower()
        return any(lowered == h.lower() or lowered.startswith(h.lower() + " ") for h in self.rules.organization_heads)

    def _is_org_alias(self, name: str) -> bool:
        return fold(name) in self.rules.aliases.get(ORGANIZATION, {})

    def _acronyms(self, text: str) -> dict[str, str]:
        """PPRL -> Parti populaire révolutionnaire lao, when the initials agree."""
        found = {}
        for match in ACRONYM_DEF.finditer(text):
            words = match.group(1).split()
            acronym = match.group(2)
            for start in range(len(words) - 1, -1, -1):
                candidate = words[start:]
                initials = "".join(fold(w)[0] for w in candidate if fold(w) and fold(w) not in SMALL_WORDS)
                every = "".join(fold(w)[0] for w in candidate if fold(w))
                if fold(acronym).upper() in (initials.upper(), every.upper()) and candidate[0][0].isupper():
                    found[acronym] = " ".join(candidate)
                    break
        return found
