"""Small pure helpers over libraries: folding, slugs, French dates and numbers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberFormatError, format_decimal, parse_decimal
from slugify import slugify
from text_unidecode import unidecode

from .model import DAY, MONTH

LOCALE = Locale.parse("fr_FR")  # parsed once: babel parses a name again on every call

# Invisible characters that change how text reads without showing: zero-width
# and bidirectional controls (a "Trojan source" in an article must not reorder it).
# A character class, not str.translate's table: the regex scans in C (translate looks up
# every character of the article in a dict: a quarter of the time spent reading one).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# Unicode noncharacters: no text means them, and XML (the feeds) refuses U+FFFE and U+FFFF.
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")


def clean(text: str) -> str:
    """NFC-normalise and drop invisible, control and noncharacter code points."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _NONCHARACTERS.sub("", _CONTROL.sub("", text))


class _FoldedCharacters(dict):
    """code point -> that character folded: unidecode's ASCII, lower-cased, with a space for
    anything but a letter or a digit ("" when unidecode drops it). Filled as characters are
    met, so folding is one str.translate in C instead of a Python call per character."""

    LIMIT = 1 << 16  # a file of every code point must not grow the table without end

    def __missing__(self, code: int) -> str:
        folded = "".join(c if c.isascii() and c.isalnum() else " " for c in unidecode(chr(code)).lower())
        if len(self) < self.LIMIT:
            self[code] = folded
        return folded


_FOLDED = _FoldedCharacters()


@lru_cache(maxsize=1 << 16)  # names are folded again and again across a corpus
def fold(text: str) -> str:
    """A comparison key: no case, no diacritics (Đ -> d, œ -> oe), spaces collapsed."""
    return " ".join(text.translate(_FOLDED).split())


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """fold(text), with the index in `text` of each folded character, so a phrase
    found in folded text can be quoted as written."""
    chars: list[str] = []
    where: list[int] = []
    for index, ch in enumerate(text):
        for out in _FOLDED[ord(ch)]:
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            where.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


def as_written(text: str, where: list[int], start: int, end: int) -> str:
    """The original text behind folded[start:end]."""
    if start >= end or end > len(where):
        return text
    return text[where[start] : where[end - 1] + 1]


def diacritic_richness(text: str) -> int:
    """How many letters carry a diacritic: the most complete spelling wins a merge."""
    return sum(1 for ch in text if unicodedata.decomposition(ch) or ch in "Đđ")


def slug(text: str, max_length: int = 80) -> str:
    return slugify(text, max_length=max_length, word_boundary=True) or "article"


@lru_cache(maxsize=1 << 14)
def french_date(value: dt.date, precision: str) -> str:
    """4 février 2026 / juillet 2025 / 2025: never a day the evidence does not give."""
    if precision == DAY:
        return format_date(value, "d MMMM y", locale=LOCALE)
    if precision == MONTH:
        return format_date(value, "LLLL y", locale=LOCALE)
    return format_date(value, "y", locale=LOCALE)


def french_month(value: dt.date) -> str:
    return format_date(value, "LLLL", locale=LOCALE)


def parse_number(text: str) -> float | None:
    """A French-written number ("2,6", "1 200", "1.200") as a float, via babel."""
    compact = re.sub(r"[\s\u00a0\u202f]", "\u202f", text.strip())
    for candidate in (compact, compact.replace("\u202f", ""), compact.replace(".", "")):
        try:
            return float(parse_decimal(candidate, locale=LOCALE, strict=False))
        except NumberFormatError:
            continue
    return None


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary, with an ellipsis when something was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—(")
    return cut + "…"


def count(n: int, singular: str, plural: str) -> str:
    """'1 article', '3 articles', '0 erreur': French plural rules (CLDR, through babel:
    0 and 1 take the singular), the number in French format ('10 000')."""
    form = singular if LOCALE.plural_form(n) == "one" else plural
    return f"{format_decimal(n, locale=LOCALE)} {form}"
