"""The words a Pagefind index knows, and the word starts a kept search bundle lacks.

Pagefind looks a query word up among its index's keys (stemmed, accent-folded
words) as a prefix. When no key starts with it, it does not find nothing: it
falls back to the longest key the word starts with ("quimbalorette" reads as
"qui"), or drops the word from a query of several. A bundle kept while the site
gained words (search.py) would so answer a query for a new name with
unrelated articles. Its articles cannot hold the new words (they did not
change), so the right answer from it is none: the manifest lists, for each kept
bundle, the shortest starts of the site's keys that none of its own keys has,
and search.js leaves that bundle out of a query with a word beginning so.

The keys are read from the index Pagefind wrote (its chunks are gzip'd CBOR
after a signature), so they are exactly what it searches.
"""

from __future__ import annotations

import bisect
import gzip
from pathlib import Path

import cbor2

KEYS = "chronique-keys.txt"  # in a bundle's folder: the keys of its index
SIGNATURE = b"pagefind_dcd"


def read_index_keys(bundle: Path) -> set[str] | None:
    """The keys of the Pagefind index in `bundle` (its index/*.pf_index chunks), as it
    stores them; None when they cannot be read (another Pagefind format)."""
    keys: set[str] = set()
    try:
        for chunk in (bundle / "index").glob("*.pf_index"):
            data = gzip.decompress(chunk.read_bytes())
            if not data.startswith(SIGNATURE):
                return None
            entries = cbor2.loads(data[len(SIGNATURE) :])[0]
            keys.update(entry[0] for entry in entries)
    except (OSError, ValueError, IndexError, TypeError, KeyError, cbor2.CBORDecodeError):
        return None
    keys.discard("")
    return keys or None


def save_keys(bundle: Path, keys: set[str]) -> None:
    (bundle / KEYS).write_text("\n".join(sorted(keys)) + "\n", encoding="utf-8")


def saved_keys(bundle: Path) -> list[str] | None:
    """The keys saved beside a bundle's index when it was written, sorted."""
    try:
        return sorted(set((bundle / KEYS).read_text(encoding="utf-8").split("\n")) - {""})
    except OSError:
        return None


def lacking_prefixes(site_keys: set[str], own_keys: list[str]) -> list[str]:
    """The shortest starts of the site's keys that no key of `own_keys` (sorted) has:
    a query word beginning with one of them finds nothing in that index but a
    fallback. None of them begins with another.

    Keys holding punctuation are left out: they are oddities ("mercredi…" from a
    title cut short) that a reader does not type, and whose start ("mercredi") is
    typed as a whole word, which Pagefind reads cut to its stem ("mercred"), a word
    start every bundle has; listing it would leave bundles out of plain queries."""

    def known(prefix: str) -> bool:
        at = bisect.bisect_left(own_keys, prefix)
        return at < len(own_keys) and own_keys[at].startswith(prefix)

    found = set()
    for key in site_keys:
        if not key.isalnum() or known(key):
            continue
        length = 1
        while known(key[:length]):
            length += 1
        found.add(key[:length])
    return sorted(p for p in found if not any(p[:n] in found for n in range(1, len(p))))
