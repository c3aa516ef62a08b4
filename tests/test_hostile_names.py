"""File names that are not valid UTF-8, or that hold control characters, terminal escape
sequences, bidirectional overrides or rich's markup.

A name that cannot be shown as it is is refused, and named in the report with its odd
bytes written as \\xNN and \\uNNNN; a name that can be shown is built. Either way,
nothing raw reaches the terminal (the report is rendered as for a real terminal), and
every feed still parses as XML.
"""

from __future__ import annotations

import io
import json
import os
from xml.etree import ElementTree

import pytest
from rich.console import Console

from chronique.model import ERROR
from chronique.report import Report
from tests.hostile_helpers import INNOCENT_IDS, build, write_innocent

ARTICLE = b" date 2025-06-01 Un article au nom de fichier bizarre\n\nLe port sec de Thanaleng grandit.\n"

CASES = [
    # (id, the name as bytes, the name the report shows, or None when the article is built)
    ("not_utf8", b"caf\xe9.txt", "caf\\xe9.txt"),
    ("terminal_escape_sequence", b"\x1b[31mrouge\x1b[0m.txt", "\\u001b[31mrouge\\u001b[0m.txt"),
    ("terminal_title_escape", b"\x1b]0;pwned\x07.txt", "\\u001b]0;pwned\\u0007.txt"),
    ("bell", b"cloche\x07.txt", "cloche\\u0007.txt"),
    ("newline", b"deux\nlignes.txt", "deux\\u000alignes.txt"),
    ("carriage_return", b"retour\rchariot.txt", "retour\\u000dchariot.txt"),
    ("right_to_left_override", "\u202etxt.exe.txt".encode(), "\\u202etxt.exe.txt"),
    ("control_after_the_extension", b"apres.txt\x1b", "apres.txt\\u001b"),
    ("newline_after_the_extension", b"apres.txt\n", "apres.txt\\u000a"),
    ("not_an_article_whatever_its_name", b"photo\xff\x1b.jpg", None),
    ("not_utf8_sidecar", b"innocent_rail\xff.yml", "innocent_rail\\xff.yml"),
    ("rich_markup_link", b"[link=mailto:a@evil.example]clic.txt", None),
    ("rich_markup_style", b"[bold red]alerte.txt", None),
    ("xml_special_characters", b"<script>&amp;'\".txt", None),
    ("accents_and_spaces", "un été à Hanoï.txt".encode(), None),
]


@pytest.mark.parametrize("raw_name, shown", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_odd_file_names_never_reach_the_terminal_or_the_feeds_raw(raw_name, shown, tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    with open(os.path.join(os.fsencode(seeds), raw_name), "wb") as handle:
        handle.write(ARTICLE)
    result = build(seeds, tmp_path / "docs")

    name = os.fsdecode(raw_name)
    stem = name.rsplit(".", 1)[0]
    files = [p for p in result.problems if p.field in ("file", "sidecar")]
    if shown is not None:
        assert [(p.file, p.severity, p.field) for p in files] == [(shown, ERROR, "file")]
        assert "nom de fichier illisible" in files[0].message and "renommez-le" in files[0].message
        assert set(result.site.by_id) == INNOCENT_IDS
    elif name.endswith(".txt"):
        assert set(result.site.by_id) == INNOCENT_IDS | {stem}
        assert result.site.by_id[stem].article.seed == name
    else:
        assert set(result.site.by_id) == INNOCENT_IDS and not files

    terminal = io.StringIO()
    Report(progress=False, console=Console(file=terminal, force_terminal=True, color_system=None, width=200)).show(
        result.site, result.problems
    )
    out = terminal.getvalue()
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out and "\u202e" not in out
    out.encode("utf-8")  # no undecodable byte left as a surrogate
    if shown or name.endswith(".txt"):
        assert (shown or name) in out  # named as it is, or as it can be shown, never hidden as markup

    for rel, text in result.files.items():
        if rel.endswith(".xml"):
            ElementTree.fromstring(text.encode("utf-8"))
        elif rel.endswith(".json"):
            json.loads(text)
        text.encode("utf-8")
        assert "\x1b" not in text and "\x07" not in text
    assert all(p.file.encode("utf-8") for p in result.problems)
