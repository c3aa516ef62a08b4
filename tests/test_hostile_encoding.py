"""Encodings: one bad byte in a UTF-8 article, UTF-16 without its byte-order mark.

A UTF-8 article with a stray byte keeps every other letter as written: the byte is
replaced, with a warning giving its offset; the whole article is never read as cp1252
(which turns every "é" into "Ã©"). UTF-16 saved without a BOM is named as UTF-16, not
as a binary file to remove.
"""

from __future__ import annotations

import pytest

from chronique.model import ERROR, WARNING
from chronique.read import ReadError, decode
from tests.hostile_helpers import INNOCENT_IDS, build, write_innocent

LEAD = " date 2025-06-01 Le café de Pakse à la foire de Hanoï\n\n"
BODY = "Les producteurs de café ont présenté leurs récoltes à Hanoï, où les acheteurs étaient nombreux.\n"


@pytest.mark.parametrize(
    "raw, text, offset, byte, replacement",
    [
        # an "é" pasted from a cp1252 page into a UTF-8 article: read as the "é" it was
        (
            (LEAD + "Un marché très animé. Le ").encode() + b"caf\xe9" + (" se vend bien.\n\n" + BODY).encode(),
            "Le café se vend bien.",
            len((LEAD + "Un marché très animé. Le caf").encode()),
            0xE9,
            "é",
        ),
        # a byte cp1252 has no letter for: U+FFFD, and only there
        (
            (LEAD + "Un marché très animé. ").encode() + b"\x81" + (" Fin.\n\n" + BODY).encode(),
            "animé. \ufffd Fin.",
            len((LEAD + "Un marché très animé. ").encode()),
            0x81,
            "\ufffd",
        ),
        # a UTF-8 sequence cut short (a file truncated mid-letter, then more text)
        (
            (LEAD + "Une récolte ").encode() + "é".encode()[:1] + (" record.\n\n" + BODY).encode(),
            "Une récolte Ã record.",
            len((LEAD + "Une récolte ").encode()),
            0xC3,
            "Ã",
        ),
        # the offset is the file's, its byte-order mark counted
        (
            b"\xef\xbb\xbf" + (LEAD + "Un marché. Le ").encode() + b"caf\xe9" + (" chaud.\n\n" + BODY).encode(),
            "Le café chaud.",
            3 + len((LEAD + "Un marché. Le caf").encode()),
            0xE9,
            "é",
        ),
    ],
    ids=["cp1252_letter", "byte_without_a_letter", "sequence_cut_short", "after_a_byte_order_mark"],
)
def test_one_bad_byte_in_utf8_is_replaced_with_a_warning_giving_its_offset(raw, text, offset, byte, replacement):
    decoded, problems = decode(raw, "x.txt")
    assert text in decoded
    assert "café de Pakse à la foire de Hanoï" in decoded and "acheteurs étaient nombreux" in decoded
    assert "Ã©" not in decoded  # never the whole article as cp1252
    assert [(p.file, p.field, p.severity) for p in problems] == [("x.txt", "encoding", WARNING)]
    message = problems[0].message
    assert f"le premier (0x{byte:02x}) à l'offset {offset}, remplacé par « {replacement} »" in message
    assert "réenregistrez le fichier en UTF-8" in message


def test_the_bad_byte_warning_reaches_the_build_and_the_article_is_built(tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    raw = (LEAD + "Un marché très animé. Le ").encode() + b"caf\xe9" + (" se vend bien.\n\n" + BODY).encode()
    (seeds / "octet.txt").write_bytes(raw)
    result = build(seeds, tmp_path / "docs")
    assert set(result.site.by_id) == INNOCENT_IDS | {"octet"}
    assert [p.field for p in result.problems if p.file == "octet.txt" and p.field == "encoding"] == ["encoding"]
    page = result.files[result.site.by_id["octet"].path]
    assert "Le café se vend bien." in page and "Ã" not in page
    assert result.site.by_id["octet"].article.title == "Le café de Pakse à la foire de Hanoï"


def test_a_cp1252_article_is_still_read_as_cp1252_whole():
    decoded, problems = decode((LEAD + BODY).encode("cp1252"), "x.txt")
    assert "Le café de Pakse à la foire de Hanoï" in decoded
    assert "lu comme du cp1252" in problems[0].message


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_named_as_utf16(order, tmp_path):
    raw = (LEAD + BODY).encode(order)
    assert not raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    with pytest.raises(ReadError, match=f"texte en {order.upper()} sans marque d'ordre des octets"):
        decode(raw, "x.txt")
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "seize.txt").write_bytes(raw)
    result = build(seeds, tmp_path / "docs")
    found = [p for p in result.problems if p.file == "seize.txt"]
    assert [(p.severity, p.field) for p in found] == [(ERROR, "file")]
    assert "UTF-16" in found[0].message and "réenregistrez-le en UTF-8" in found[0].message
    assert "binaire" not in found[0].message
    assert set(result.site.by_id) == INNOCENT_IDS


def test_a_binary_file_is_still_named_binary():
    with pytest.raises(ReadError, match="fichier binaire"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "x.txt")
