"""Each shape of article file is read into the right kinds of lines."""

from pathlib import Path

import pytest

from chronique.model import HEADING, PARAGRAPH, PHOTO_FILE, RELATED, SIGNOFF, SOURCE_LINE
from chronique.read import ReadError, decode, parse, read_file

SHAPES = Path(__file__).parent / "fixtures" / "shapes"


def kinds(name):
    return [line.kind for line in read_file(SHAPES / name).lines]


def test_day_header_gives_date_token_and_title():
    source = read_file(SHAPES / "day_header.txt")
    assert source.header_date == "2026-03-12"
    assert source.header_title == "Le Laos et le Vietnam signent un accord sur l’énergie"
    assert all(line.kind == PARAGRAPH for line in source.lines)


def test_month_header_keeps_its_month_token():
    assert read_file(SHAPES / "month_header_event_day_in_body.txt").header_date == "2025-07"


def test_bare_file_has_no_header():
    source = read_file(SHAPES / "bare_photo_timestamp.txt")
    assert source.header_date is None and source.header_title is None


def test_photo_file_name_becomes_a_photo_with_its_caption_and_credit():
    source = read_file(SHAPES / "bare_photo_timestamp.txt")
    assert PHOTO_FILE in kinds("bare_photo_timestamp.txt")
    photo = source.photos[0]
    assert photo.caption == "Des étudiants laotiens en costume traditionnel."
    assert photo.credit == "VNA"


def test_photo_timestamp_is_milliseconds_even_with_more_digits_after():
    photo = read_file(SHAPES / "bare_photo_timestamp.txt").photos[0]
    # 1730620800000 ms = 2024-11-03 08:00 UTC = 15:00 in Hanoi
    assert photo.taken.isoformat() == "2024-11-03T15:00:00+07:00"


def test_caption_on_two_lines_is_one_caption():
    photo = read_file(SHAPES / "two_line_caption.txt").photos[0]
    assert (photo.caption, photo.credit) == ("La délégation au port.", "VNA/CVN")


def test_related_lines_subheading_and_source_line():
    assert kinds("related_subheading_source.txt") == [RELATED, RELATED, PARAGRAPH, HEADING, PARAGRAPH, SOURCE_LINE]


def test_credit_alone_is_a_photo_and_final_codes_are_a_sign_off():
    source = read_file(SHAPES / "dateline_and_signoff.txt")
    assert [line.kind for line in source.lines] == [PARAGRAPH, PHOTO_FILE, PARAGRAPH, SIGNOFF]
    assert source.photos[0].credit == "VNA/CVN" and source.photos[0].caption == ""


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "fichier vide"),
        (b"  \n\t\n", "fichier vide"),
        (b"abc\x00def", "fichier binaire"),
        (b"\x81\x8d\x8f\x90\x9d", "ni UTF-8"),
    ],
    ids=["empty", "whitespace_only", "nul_bytes", "neither_utf8_nor_cp1252"],
)
def test_unreadable_files_raise_a_clear_error(raw, message):
    with pytest.raises(ReadError, match=message):
        decode(raw, "x.txt")


def test_cp1252_is_decoded_with_a_warning_never_as_latin1():
    text, problems = decode("Le café… coûte".encode("cp1252"), "x.txt")
    assert text == "Le café… coûte"
    assert problems and "cp1252" in problems[0].message and problems[0].file == "x.txt"


@pytest.mark.parametrize(
    "line, headline",
    [
        (">> Le Laos et le Vietnam renforcent leur coopération", "Le Laos et le Vietnam renforcent leur coopération"),
        ("»» Un corridor économique Est-Ouest", "Un corridor économique Est-Ouest"),
        ("Lire aussi : Un accord sur l'éducation", "Un accord sur l'éducation"),
        ("À lire aussi: La visite du Premier ministre", "La visite du Premier ministre"),
        ("Voir aussi : Les échanges commerciaux", "Les échanges commerciaux"),
    ],
)
def test_related_headline_lines_in_their_usual_forms(line, headline):
    source = parse(
        f"Un premier paragraphe assez long pour un article.\n\n{line}\n\nLa suite du texte.\n", Path("x.txt"), "0", []
    )
    assert [(l.kind, l.text) for l in source.lines if l.kind == RELATED] == [(RELATED, headline)]
