"""Files -> SourceText: decode the bytes, find the header, classify every line.

A file that cannot be read as text raises ReadError with a message naming the
problem; the pipeline reports it and goes on with the other files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from .dates import PUBLISHED
from .model import (
    HEADING,
    PARAGRAPH,
    PHOTO_FILE,
    RELATED,
    SIGNOFF,
    SOURCE_LINE,
    WARNING,
    Line,
    Photo,
    Problem,
    SourceText,
)
from .text import clean, count, fold

# The newsroom's clock: a photo uploaded at 20:00 UTC was taken the next day in Hanoi.
NEWSROOM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class ReadError(Exception):
    """The file cannot be read as an article; the message says why."""


# ` date 2026-02-04 Title`, ` date 2025-07 Title`: the token must start with a digit,
# so a paragraph that merely begins with the word "date" is not a header.
HEADER = re.compile(r"^\s*date\s+(\d[\d\-/.]*)(?:\s+(.*?))?\s*$", re.IGNORECASE)
# ">> Titre", "»» Titre", "Lire aussi : Titre", "À lire aussi: Titre", "Voir aussi : Titre"
RELATED_LINE = re.compile(r"^(?:>>|»»|>\s*>|(?:[ÀA] )?(?:lire|voir) aussi\s*:)\s*(.+)$", re.IGNORECASE)
PHOTO_NAME = re.compile(r"^[^\s/\\<>\"]+(?: [^\s/\\<>\"]+){0,3}\.(?:jpe?g|png|gif|webp|bmp|tiff?)$", re.IGNORECASE)
# A credit: "Photo : VNA", "(Photo: VNA/CVN)", "Ảnh: TTXVN", "Crédit photo : X".
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f]")  # control characters but the line feed and the tab
_CREDIT_WORD = r"(?:Photos?(?:\s+d['’]archives?)?|Ảnh|Cr[ée]dit(?:\s+photo)?|Illustration)"
ARCHIVE = re.compile(r"archive", re.IGNORECASE)
CREDIT_ONLY = re.compile(rf"^[(\[]?\s*{_CREDIT_WORD}\s*:\s*([^()\[\]]{{1,60}}?)\s*[)\]]?\s*\.?$", re.IGNORECASE)
# "Caption. Photo : VNA": a credit ends the line. Found by caption_with_credit() from
# each credit word on, not by one pattern over the line: a lazy caption then a run of
# separators backtracked quadratically (a 40 kB line of ", , ," took a minute).
_CREDIT_START = re.compile(_CREDIT_WORD, re.IGNORECASE)
_CREDIT_TAIL = re.compile(rf"{_CREDIT_WORD}\s*:\s*(?P<credit>[^()\[\]]{{1,60}}?)\s*[)\]]?\s*\.?$", re.IGNORECASE)
_SEPARATOR = re.compile(r"[\s,;–—-]")
SOURCE = re.compile(r"^(?:Sources?|Lien|Article original)\s*:\s*(.+)$", re.IGNORECASE)
# A sign-off: agency codes at the very end ("VNA/CVN", "(VNA)", "– VOV", "Theo TTXVN").
SIGN_OFF = re.compile(
    r"^[(\[–—-]*\s*(?:Theo\s+|Selon\s+|Source\s+)?"
    r"(?P<codes>[A-ZĐ][A-Za-zĐ.&]{1,15}(?:\s*[/,&-]\s*[A-ZĐ][A-Za-zĐ.&]{1,15}){0,3})"
    r"\s*[)\]]*\.?$"
)
TERMINAL = tuple('.!?…:;»"”)]')
# Signs of text damaged before it reached us: U+FFFD, or UTF-8 read as cp1252 ("Ã©" for "é").
DAMAGED = re.compile(
    "\ufffd|[ÂÃ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# 13 digits of milliseconds since the epoch, possibly followed by more digits.
TIMESTAMP = re.compile(r"(?<!\d)(1\d{12})\d*")
# "région.Elles": a sentence glued to the next; used for analysis, not display.
GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ÿ]{2}|[A-Z]\)|[a-zà-ÿ][)»”])\.(?=[A-ZÀ-ÝĐ][a-zà-ÿ])")  # also "(CNUDM).Le"


def read_file(path: Path) -> SourceText:
    return read_bytes(path, path.read_bytes())


def read_bytes(path: Path, raw: bytes) -> SourceText:
    text, problems = decode(raw, path.name)
    return parse(text, path, hashlib.sha256(raw).hexdigest(), problems)


def decode(raw: bytes, name: str) -> tuple[str, list[Problem]]:
    """UTF-8 (BOM or not), a few bad bytes in it replaced with a warning; else cp1252
    with a warning; never latin-1. UTF-16 and binary files are refused, each by name."""
    if not raw.strip():
        raise ReadError("fichier vide (rien que des espaces) : ajoutez le texte de l'article ou retirez le fichier")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(
            "texte en UTF-16 (il commence par une marque d'ordre des octets UTF-16) : réenregistrez-le en UTF-8"
        )
    if order := utf16_without_bom(raw):
        raise ReadError(
            f"texte en {order} sans marque d'ordre des octets (un octet nul sur deux) : réenregistrez-le en UTF-8"
        )
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ReadError(
            f"fichier binaire (octet nul à l'offset {nul}), pas un article : retirez-le du dossier des articles"
        )
    problems, replaced = [], False
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, problem, replaced = _decode_not_utf8(raw, name)
        problems.append(problem)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise ReadError(
            f"fichier binaire ({controls} caractères de contrôle), pas un article : retirez-le du dossier des articles"
        )
    cleaned = clean(text)
    if not cleaned.strip():
        raise ReadError(
            "fichier vide (rien de visible une fois les caractères invisibles retirés) : "
            "ajoutez le texte de l'article ou retirez le fichier"
        )
    if not replaced and (damage := DAMAGED.search(cleaned)):  # a U+FFFD of ours is reported already
        # kept as written (the right letters cannot be known), but someone should look
        problems.append(
            Problem(
                name,
                "encoding",
                WARNING,
                f"« {damage.group(0)} » au caractère {damage.start()} : le texte a été abîmé par un mauvais encodage "
                "avant d'être enregistré ; réenregistrez-le à partir de l'original",
            )
        )
    return cleaned, problems


# a byte that is not UTF-8, as Python's surrogateescape keeps it
_BAD_BYTE = re.compile("[\udc80-\udcff]")
_MULTIBYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _decode_not_utf8(raw: bytes, name: str) -> tuple[str, Problem, bool]:
    """Text that is not all UTF-8. When its valid UTF-8 letters (é as two bytes)
    outnumber its bad bytes, it is UTF-8 with a few bytes damaged: each is replaced
    (by its cp1252 reading, the likeliest: an "é" pasted from elsewhere; by U+FFFD when
    cp1252 has none) and the rest read as UTF-8, never the whole file as cp1252 into
    mojibake ("Ã©"). Otherwise the whole file is cp1252. Returns (text, warning, whether
    bytes were replaced)."""
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    body = raw[bom:]
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        first = bom + error.start  # in the file, BOM included
    escaped = body.decode("utf-8", "surrogateescape")
    bad = _BAD_BYTE.findall(escaped)
    if len(_MULTIBYTE.findall(escaped)) > len(bad):
        text = _BAD_BYTE.sub(lambda m: _cp1252_or_replacement(ord(m.group(0)) - 0xDC00), escaped)
        byte = raw[first]
        return (
            text,
            Problem(
                name,
                "encoding",
                WARNING,
                f"pas entièrement en UTF-8 : {count(len(bad), 'octet invalide', 'octets invalides')}, le premier (0x{byte:02x}) à l'offset {first}, "
                f"remplacé par « {_cp1252_or_replacement(byte)} » ; le reste est lu en UTF-8 : corrigez ce caractère et "
                "réenregistrez le fichier en UTF-8",
            ),
            True,
        )
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as cp_error:
        raise ReadError(
            f"ni UTF-8 (octet 0x{raw[first]:02x} à l'offset {first}) ni cp1252 "
            f"(octet 0x{raw[cp_error.start]:02x} à l'offset {cp_error.start}) : réenregistrez-le en UTF-8"
        ) from None
    return (
        text,
        Problem(
            name,
            "encoding",
            WARNING,
            f"pas en UTF-8 (octet 0x{raw[first]:02x} à l'offset {first}) ; lu comme du cp1252 : réenregistrez-le en UTF-8",
        ),
        False,
    )


def _cp1252_or_replacement(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"


def utf16_without_bom(raw: bytes) -> str | None:
    """ "UTF-16-LE" or "UTF-16-BE" for UTF-16 text saved without its byte-order mark:
    Latin text then has a NUL byte in every other position, always the same one."""
    sample = raw[:4096]
    if len(raw) % 2 or len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    for order, nuls, others in (("UTF-16-LE", odd, even), ("UTF-16-BE", even, odd)):
        if nuls >= pairs * 0.3 and others <= pairs * 0.02:
            try:
                raw.decode(order.lower())
            except UnicodeDecodeError:
                return None
            return order
    return None


def parse(text: str, path: Path, digest: str, problems: list[Problem]) -> SourceText:
    raw_lines = [" ".join(line.replace("\t", " ").split()) for line in text.split("\n")]
    header_date = header_title = None
    first = next((i for i, line in enumerate(raw_lines) if line), None)
    if first is not None and (match := HEADER.match(raw_lines[first])):
        header_date, header_title = match.group(1), (match.group(2) or "").strip() or None
        raw_lines[first] = ""
        if header_title is None:
            problems.append(
                Problem(
                    path.name,
                    "title",
                    WARNING,
                    "l'en-tête n'a pas de titre : un titre est tiré du texte ; "
                    "écrivez-le après la date (' date 2026-02-04 Titre')",
                )
            )
    for i, line in enumerate(raw_lines):
        if HEADER.match(line):
            problems.append(
                Problem(
                    path.name,
                    "header",
                    WARNING,
                    f"un second en-tête de date, ligne {i + 1}, est ignoré : gardez un seul en-tête, sur la première ligne",
                )
            )
            raw_lines[i] = ""
    lines, photos = classify(raw_lines)
    if not any(line.kind in (PARAGRAPH, HEADING) for line in lines) and not header_title:
        raise ReadError(
            "pas de texte d'article (seulement des photos, des légendes ou des liens) : ajoutez le texte de l'article"
        )
    return SourceText(
        path=path,
        name=path.name,
        stem=path.stem,
        digest=digest,
        header_date=header_date,
        header_title=header_title,
        lines=tuple(lines),
        photos=tuple(photos),
        problems=tuple(problems),
    )


def classify(raw_lines: list[str]) -> tuple[list[Line], list[Photo]]:
    """Each non-blank line becomes a Line; photos and their captions become Photos,
    kept in place as a PHOTO_FILE line whose text is the photo's index."""
    lines: list[Line] = []
    photos: list[Photo] = []
    content = [(i, line) for i, line in enumerate(raw_lines) if line]
    last_content = len(content) - 1
    k = 0
    while k < len(content):
        i, line = content[k]
        nxt = content[k + 1][1] if k + 1 < len(content) else None
        adjacent = k + 1 < len(content) and content[k + 1][0] == i + 1
        if match := RELATED_LINE.match(line):
            lines.append(Line(RELATED, match.group(1).strip()))
        elif PHOTO_NAME.match(line):
            caption, credit, used = _caption_after(content, k)
            # "Photo d'archives": an old picture, no evidence of the article's date
            archive = any(ARCHIVE.search(text) for _, text in content[k + 1 : k + 1 + used])
            photos.append(Photo(line, caption, credit, photo_time(line), archive))
            lines.append(Line(PHOTO_FILE, str(len(photos) - 1)))
            k += used
        elif match := CREDIT_ONLY.match(line):
            photos.append(Photo(None, "", match.group(1).strip(), None))
            lines.append(Line(PHOTO_FILE, str(len(photos) - 1)))
        elif nxt is not None and adjacent and CREDIT_ONLY.match(nxt) and _looks_like_caption(line):
            # a caption on one line, its credit on the next
            photos.append(Photo(None, line, CREDIT_ONLY.match(nxt).group(1).strip(), None))
            lines.append(Line(PHOTO_FILE, str(len(photos) - 1)))
            k += 1
        elif (found := caption_with_credit(line)) and _looks_like_credit(found[1]):
            photos.append(Photo(None, found[0].strip(), found[1].strip(), None))
            lines.append(Line(PHOTO_FILE, str(len(photos) - 1)))
        elif match := SOURCE.match(line):
            lines.append(Line(SOURCE_LINE, match.group(1).strip()))
        elif k >= last_content - 1 and len(line) <= 40 and SIGN_OFF.match(line) and _is_code_list(line):
            lines.append(Line(SIGNOFF, SIGN_OFF.match(line).group("codes")))
        elif _is_heading(line) and k > 0 and nxt is not None and lines:
            lines.append(Line(HEADING, line))
        else:
            lines.append(Line(PARAGRAPH, line))
        k += 1
    return lines, photos


def _caption_after(content: list[tuple[int, str]], k: int) -> tuple[str, str | None, int]:
    """The caption that follows a photo file name: one line with its credit, or a
    line then a credit line. Returns (caption, credit, lines consumed)."""
    following = [line for _, line in content[k + 1 : k + 3]]
    if following and (match := CREDIT_ONLY.match(following[0])):
        return "", match.group(1).strip(), 1
    if following and (found := caption_with_credit(following[0])) and _looks_like_credit(found[1]):
        return found[0].strip(), found[1].strip(), 1
    if len(following) == 2 and (match := CREDIT_ONLY.match(following[1])) and _looks_like_caption(following[0]):
        return following[0], match.group(1).strip(), 2
    return "", None, 0


def caption_with_credit(line: str) -> tuple[str, str] | None:
    """(caption, credit) when the line ends with a credit ("… Photo : VNA"): the first
    credit word whose tail matches; the separators and bracket before it are not
    part of the caption. A credit word opening the line is a credit alone."""
    start = 1
    while match := _CREDIT_START.search(line, start):
        if tail := _CREDIT_TAIL.match(line, match.start()):
            caption = _strip_separators(line[: match.start()])
            return caption or line[0], tail.group("credit")
        start = match.start() + 1
    return None


def _strip_separators(text: str) -> str:
    """From the end of a caption: spaces, one opening bracket, then separators go,
    in linear time (what the lazy pattern did by backtracking)."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    if end and text[end - 1] in "([":
        end -= 1
    while end and _SEPARATOR.match(text[end - 1]):
        end -= 1
    return text[:end]


def _looks_like_credit(credit: str) -> bool:
    return 0 < len(credit.split()) <= 6


def _looks_like_caption(line: str) -> bool:
    return len(line) <= 400 and not RELATED_LINE.match(line) and not PHOTO_NAME.match(line)


def _is_code_list(line: str) -> bool:
    """A sign-off is made of agency codes (VNA, CVN, VOV, TTXVN), not a word of prose."""
    codes = re.split(r"[/,&\-\s]+", SIGN_OFF.match(line).group("codes"))
    return all(code.rstrip(".").isupper() or code in ("Theo", "Selon") for code in codes if code)


def _is_heading(line: str) -> bool:
    """A subheading: short, capitalised, with no sentence-ending punctuation; never a
    publisher's stamp ("Publié le 3 mars 2015 à 10h20": the article's date, read as text)."""
    words = line.split()
    return (
        not PUBLISHED.match(fold(line[:40]))
        and 2 <= len(words) <= 25
        and len(line) <= 200
        and (line[0].isupper() or line[0].isdigit())
        and not line.endswith(TERMINAL)
        and not line.endswith(",")
    )


def photo_time(file_name: str) -> dt.datetime | None:
    """The millisecond timestamp in a photo's file name, in the newsroom's time zone."""
    for match in TIMESTAMP.finditer(file_name):
        millis = int(match.group(1))
        try:
            return dt.datetime.fromtimestamp(millis / 1000, tz=NEWSROOM_TZ)
        except (OverflowError, OSError, ValueError):
            continue
    return None


def analysis_text(paragraph: str) -> str:
    """The paragraph as the extractors read it: glued sentences split apart."""
    return GLUED_SENTENCE.sub(". ", paragraph)
