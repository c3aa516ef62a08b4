"""Whether two dated event sentences, from two articles, tell one event: the chronology lists
it once with every article (collect.build_chronology). Only events of one date, at one
precision, are ever compared; what tells one event from another that day is who and where."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import SAME_STORY  # share of the shorter sentence's words found in the other
from .entities import EPONYMS
from .events import EVENT_WORDS
from .model import Article
from .text import fold


@dataclass(frozen=True)
class Telling:
    """What one sentence says of its event: the names it holds (folded, kind-tagged), the kinds
    of event it names ("visite", "signature"), its longer words."""

    names: frozenset[str]
    kinds: frozenset[str]
    words: frozenset[str]

    @property
    def people(self) -> frozenset[str]:
        return frozenset(n for n in self.names if n.startswith("people:"))


def telling_of(sentence: str, article: Article) -> Telling:
    """The names of the article found in the sentence: the article's own list, so "Tô Lâm" and
    "To Lam" meet (the corpus stage gave both articles one spelling). The people an organisation
    or a city is named after (Hồ Chí Minh) tell no event apart."""
    folded = f" {fold(sentence)} "
    named = [
        (kind, key)
        for kind in ("people", "organizations", "places")
        for key in map(fold, getattr(article, kind))
        if key not in EPONYMS and f" {key} " in folded
    ]
    words = folded.split()
    # a word starting with the kind ("visites", "signature"): folded text is words and spaces
    kinds = frozenset(kind for kind in EVENT_WORDS if f" {kind}" in folded)
    # the names' words are compared as names above, not again as words: "Luang Prabang" in two
    # sentences is one shared place, not two shared words
    name_words = {word for _, name in named for word in name.split()}
    story = frozenset(w for w in words if len(w) >= 5 and w not in name_words)
    return Telling(frozenset(f"{kind}:{name}" for kind, name in named), kinds, story)


def same_event(one: Telling, other: Telling) -> bool:
    """Two tellings of one date are one event when they share a person, or two names, or one
    name and the kind of event ("visite … Bangkok" twice), or most of their words. A visit in
    Hanoi and a trade fair in Vientiane the same day share none of these: two entries."""
    shared = one.names & other.names
    if one.people & other.people or len(shared) >= 2:
        return True
    if shared and one.kinds & other.kinds:
        return True
    # most words of the shorter sentence in the other (dates.SAME_STORY): two wordings of one story
    shorter = min(len(one.words), len(other.words))
    return bool(shorter) and len(one.words & other.words) >= SAME_STORY * shorter
