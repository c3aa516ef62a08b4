"""Organisations: whole institution names from their head word, acronyms and their expansions."""

from __future__ import annotations

import functools
import re

from ..text import fold
from .rules import ACRONYM_DASH, ACRONYM_DEF, ORGANIZATION, SMALL_WORDS

# Where an agency is the article's source, not an organisation it speaks of: a dateline
# ("Hanoï, 4 décembre (VNA) -", "(VOVWORLD) -"), a sign-off ("… au Laos. - VNA", "-VNA/VI"),
# a credit ("Photo : VNA", "VNA/CVN").
_DATELINE_AFTER = re.compile(r"^\)\s*(?:[-–—]|:\s)")
_SIGN_OFF_BEFORE = re.compile(r"(?:^|[.!?»\s])[-–—]\s*$")
_SIGN_OFF_AFTER = re.compile(r"^(?:/[\w-]+)*\s*[.]?\s*(?:\n|$)")
_CREDIT_BEFORE = re.compile(r"(?:\b(?:Photo|Photos|Source|Sources|Crédit|Ảnh)\s*:?\s*|[\w-]/)$", re.IGNORECASE)


def is_source_mention(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is an agency credited as the source (dateline,
    sign-off, photo credit), not an organisation the article speaks of."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if before.endswith("(") and _DATELINE_AFTER.match(after):
        return True
    if _SIGN_OFF_BEFORE.search(before) and _SIGN_OFF_AFTER.match(after):
        return True
    return bool(_CREDIT_BEFORE.search(before)) or after.startswith("/")


class OrganizationRules:
    """What makes a span an organisation (mixed into EntityExtractor: uses self.rules)."""

    def _looks_like_org(self, span: str) -> bool:
        """An institution word first ("Comité", "ministère"), a known name, an acronym,
        or a name of several capitalised words ("Vietnam Airlines"); never a title
        ("vice-ministre des Affaires étrangères")."""
        if fold(span) in self.rules.aliases.get(ORGANIZATION, {}):
            return True
        if any(w in ("dudit", "ledit", "ladite", "desdits", "desdites") for w in span.lower().split()):
            return False  # "Parti dudit ministère": a reference back, not a name
        if self.title_prefix.match(span) and not self._starts_with_org_head(span):
            return False
        if self._starts_with_org_head(span):
            return len(span.split()) >= 2
        capitalised = [w for w in span.split() if w[0].isupper()]
        # an acronym alone is an organisation only when known or explained ("AN" alone names nothing sure)
        return len(capitalised) >= 2

    def _starts_with_org_head(self, span: str) -> bool:
        whole, starts = self._org_heads_lowered
        lowered = span.lower()
        return lowered in whole or lowered.startswith(starts)

    @functools.cached_property
    def _org_heads_lowered(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """The organisation heads in lower case, alone and followed by a space (lowered once)."""
        heads = [h.lower() for h in self.rules.organization_heads]
        return frozenset(heads), tuple(f"{h} " for h in heads)

    def _is_org_alias(self, name: str) -> bool:
        return fold(name) in self.rules.aliases.get(ORGANIZATION, {})

    def _acronyms(self, text: str) -> dict[str, str]:
        """PPRL -> Parti populaire révolutionnaire lao, when the initials agree."""
        found = {}
        for match in ACRONYM_DEF.finditer(text):
            expansion = expansion_of(match.group(1), match.group(2))
            if expansion:
                found[match.group(2)] = expansion
        for match in ACRONYM_DASH.finditer(text):
            expansion = expansion_of(match.group(1), match.group(2))
            if expansion and f"({match.group(2)})" not in text:
                found.setdefault(match.group(2), expansion)
        return found

    def _second_names(self, text: str, names: list[str]) -> tuple[set[str], dict[str, str]]:
        """ "Conseil consultatif des entreprises de l'ASEAN (ASEAN Business Advisory Council - ABAC)":
        one organisation under two names. When a name found in the article ends right before the
        bracket, the other-language name inside is dropped and the acronym stands for the first.
        Returns (folded names to drop, acronym -> the name it stands for)."""
        dropped, stands_for = set(), {}
        for match in ACRONYM_DASH.finditer(text):
            acronym = match.group(2)
            expansion = expansion_of(match.group(1), acronym)
            if not expansion:
                continue
            before = text[: match.start(1) + match.group(1).index(expansion)].rstrip()
            if not before.endswith("("):
                continue
            whole = [n for n in names if len(n.split()) >= 2]  # "ASEAN" alone ends "… de l'ASEAN (": no
            first = next((n for n in sorted(whole, key=len) if before[:-1].rstrip().endswith(n)), None)
            first = first or self.rules.aliases.get(ORGANIZATION, {}).get(fold(acronym))  # a known acronym
            if first:
                dropped |= {fold(expansion), fold(f"{expansion} {acronym}")}
                stands_for[acronym] = first
        return dropped, stands_for


ELIDED = re.compile(r"^[lLdD][’']")


def expansion_of(words_before: str, acronym: str) -> str | None:
    """The last words before an acronym whose initials spell it (small words may count or not)."""
    words = words_before.split()
    for start in range(len(words) - 1, -1, -1):
        candidate = words[start:]
        # "l'Union des coopératives agricoles lao (UCAL)": the elided article is no initial
        candidate = [ELIDED.sub("", candidate[0]), *candidate[1:]]
        parts = [fold(p) for w in candidate for p in w.split("-")]  # "Inter-Parliamentary": I, P
        initials = "".join(p[0] for p in parts if p and p not in SMALL_WORDS)
        every = "".join(p[0] for p in parts if p)
        if fold(acronym).upper() in (initials.upper(), every.upper()) and candidate[0][0].isupper():
            return " ".join(candidate)
    return None
