"""Special files in the seeds folder: links, FIFOs, devices, sockets, folders, odd
extensions, files that change between the listing and the read.

Each row makes one hostile entry beside two innocent articles, at test time, and
builds under a deadline (a FIFO opened for reading would block forever). Every row
checks that the problem names the file and says what is wrong, that both innocent
articles are built, and that nothing outside the seeds folder was opened or shown.
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from chronique import pipeline
from chronique import seeds as seeds_module
from chronique.model import ERROR, WARNING
from tests.hostile_helpers import (
    INNOCENT_IDS,
    SECRET,
    build,
    build_under_memory_cap,
    deadline,
    everything_written,
    opened_files,
    opened_inside,
    write_innocent,
    write_outside,
)

ARTICLE = " date 2025-06-01 Un article de plus\n\nLe port sec de Thanaleng a reçu ses premiers conteneurs.\n"
SIDECAR_TITLE = "title: Un titre corrigé\n"


def fifo(path: Path) -> None:
    os.mkfifo(path)


def unix_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(os.fspath(path))
    server.close()  # the socket file stays


def zero_device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # what /dev/zero is
    except PermissionError:
        pytest.skip("creating a device needs CAP_MKNOD")


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path, Path], None]  # (seeds, outside) -> None
    problem: tuple[str, str, str, str] | None  # (file, severity, field, part of the message)
    built: tuple[str, ...] = ()  # ids built besides the innocent articles
    title: tuple[str, str] | None = None  # (id, title it must have)


CASES = [
    Case(
        "link_to_a_file_outside",
        lambda s, o: (s / "passwd.txt").symlink_to(o / "passwd"),
        ("passwd.txt", ERROR, "file", "lien symbolique vers l'extérieur du dossier des articles : jamais suivi"),
    ),
    Case(
        "link_to_etc_passwd",
        lambda s, o: (s / "etc.txt").symlink_to("/etc/passwd"),
        ("etc.txt", ERROR, "file", "lien symbolique vers l'extérieur"),
    ),
    Case(
        "relative_link_climbing_out",
        lambda s, o: (s / "up.txt").symlink_to("../outside/passwd"),
        ("up.txt", ERROR, "file", "lien symbolique vers l'extérieur"),
    ),
    Case(
        "link_to_dev_zero",
        lambda s, o: (s / "zero.txt").symlink_to("/dev/zero"),
        ("zero.txt", ERROR, "file", "lien symbolique vers l'extérieur"),
    ),
    Case(
        "sidecar_linked_outside",
        lambda s, o: (s / "innocent_rail.yml").symlink_to(o / "passwd"),
        ("innocent_rail.yml", ERROR, "sidecar", "lien symbolique vers l'extérieur"),
    ),
    Case(
        "aliases_linked_outside",
        lambda s, o: (s / "aliases.yml").symlink_to(o / "aliases.yml"),
        ("aliases.yml", ERROR, "aliases", "lien symbolique vers l'extérieur"),
    ),
    Case(
        "link_to_an_article_inside_is_followed",
        lambda s, o: (
            (s / "originaux").mkdir(),
            (s / "originaux" / "port.txt").write_text(ARTICLE, encoding="utf-8"),
            (s / "port_sec.txt").symlink_to("originaux/port.txt"),
        ),
        None,
        built=("port_sec",),
        title=("port_sec", "Un article de plus"),
    ),
    Case(
        "link_to_the_seeds_folder_itself",
        lambda s, o: (s / "ici.txt").symlink_to("."),
        ("ici.txt", ERROR, "file", "c'est un dossier, pas un fichier"),
    ),
    Case(
        "broken_link",
        lambda s, o: (s / "gone.txt").symlink_to(s / "nowhere.txt"),
        ("gone.txt", ERROR, "file", "lien symbolique cassé"),
    ),
    Case(
        "loop_of_links",
        lambda s, o: ((s / "a.txt").symlink_to("b.txt"), (s / "b.txt").symlink_to("a.txt")),
        ("a.txt", ERROR, "file", "boucle de liens"),
    ),
    Case("fifo_named_txt", lambda s, o: fifo(s / "pipe.txt"), ("pipe.txt", ERROR, "file", "tube nommé (FIFO)")),
    Case(
        "fifo_named_like_a_sidecar",
        lambda s, o: fifo(s / "innocent_rail.yml"),
        ("innocent_rail.yml", ERROR, "sidecar", "tube nommé (FIFO)"),
    ),
    Case("fifo_named_aliases_yml", lambda s, o: fifo(s / "aliases.yml"), ("aliases.yml", ERROR, "aliases", "FIFO")),
    Case(
        "link_to_a_fifo_inside",
        lambda s, o: (fifo(s / "tube"), (s / "tube.txt").symlink_to("tube")),
        ("tube.txt", ERROR, "file", "tube nommé (FIFO)"),
    ),
    Case("device_named_txt", lambda s, o: zero_device(s / "zero.txt"), ("zero.txt", ERROR, "file", "périphérique")),
    Case("socket_named_txt", lambda s, o: unix_socket(s / "sock.txt"), ("sock.txt", ERROR, "file", "socket")),
    Case("folder_named_txt", lambda s, o: (s / "dossier.txt").mkdir(), ("dossier.txt", ERROR, "file", "dossier")),
    Case(
        "folder_named_like_a_sidecar",
        lambda s, o: (s / "innocent_rail.yml").mkdir(),
        ("innocent_rail.yml", ERROR, "sidecar", "dossier"),
    ),
    Case(
        "upper_case_extension_is_built_with_its_sidecar",
        lambda s, o: (
            (s / "MAJUSCULES.TXT").write_text(ARTICLE, encoding="utf-8"),
            (s / "MAJUSCULES.YML").write_text(SIDECAR_TITLE, encoding="utf-8"),
        ),
        None,
        built=("MAJUSCULES",),
        title=("MAJUSCULES", "Un titre corrigé"),
    ),
    Case(
        "same_name_but_the_case_of_the_extension",
        lambda s, o: (s / "innocent_rail.TXT").write_text(ARTICLE, encoding="utf-8"),
        ("innocent_rail.TXT", ERROR, "file", "même nom d'article que innocent_rail.txt"),
    ),
    Case(
        "article_named_like_the_aliases_file",
        lambda s, o: (
            (s / "aliases.txt").write_text(ARTICLE, encoding="utf-8"),
            (s / "aliases.yml").write_text("people:\n  Tô Lâm: [To Lam]\n", encoding="utf-8"),
        ),
        ("aliases.txt", WARNING, "sidecar", "aliases.yml est le fichier des noms de la rédaction"),
        built=("aliases",),
        title=("aliases", "Un article de plus"),
    ),
    Case(
        "hidden_editor_files_are_not_articles",
        lambda s, o: ((s / ".#innocent_rail.txt").symlink_to("root@host.1234"), (s / ".x.txt.swp").write_bytes(b"\0")),
        None,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_special_files_in_the_seeds_folder(case, tmp_path):
    seeds = write_innocent(tmp_path / "seeds")
    outside = write_outside(tmp_path)
    case.make(seeds, outside)
    with opened_files() as opened, deadline(60):
        result = build(seeds, tmp_path / "docs")

    if case.problem:
        file, severity, field, message = case.problem
        found = [p for p in result.problems if p.file == file and p.field in ("file", "sidecar", "aliases")]
        assert [(p.severity, p.field) for p in found] == [(severity, field)], result.problems
        assert message in found[0].message
    else:
        assert not [p for p in result.problems if p.field in ("file", "sidecar", "aliases")], result.problems
    assert {e.article.id for e in result.site.entries} == INNOCENT_IDS | set(case.built)
    if case.title:
        assert result.site.by_id[case.title[0]].article.title == case.title[1]
    assert not opened_inside(opened, outside)
    assert not [path for path in opened if path in ("/etc/passwd", "/dev/zero")]
    written = everything_written(result, tmp_path / "docs")
    assert SECRET not in written and str(outside) not in written and "/etc/passwd" not in written


def test_an_article_removed_between_the_listing_and_the_read_is_reported(tmp_path, monkeypatch):
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "fugace.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "innocent_rail.yml").write_text(SIDECAR_TITLE, encoding="utf-8")
    real = pipeline.list_seeds

    def list_then_remove(folder):
        listing = real(folder)
        (folder / "fugace.txt").unlink()
        (folder / "innocent_rail.yml").unlink()  # its sidecar too: the article builds from its text
        return listing

    monkeypatch.setattr(pipeline, "list_seeds", list_then_remove)
    result = build(seeds, tmp_path / "docs")
    assert [(p.file, p.severity, p.field) for p in result.problems if p.field == "file"] == [
        ("fugace.txt", WARNING, "file")
    ]
    assert "a disparu du dossier pendant la construction" in result.problems[0].message
    assert {e.article.id for e in result.site.entries} == INNOCENT_IDS
    assert result.site.by_id["innocent_rail"].article.title == "La ligne ferroviaire avance vers Vientiane"


@pytest.mark.parametrize(
    "swap, message",
    [
        (lambda path, outside: (path.unlink(), os.mkfifo(path)), "tube nommé (FIFO)"),
        (
            lambda path, outside: (path.unlink(), path.symlink_to(outside / "passwd")),
            "lien symbolique vers l'extérieur",
        ),
        (lambda path, outside: (path.unlink(), path.mkdir()), "dossier"),
    ],
    ids=["replaced_by_a_fifo", "replaced_by_a_link_outside", "replaced_by_a_folder"],
)
def test_an_article_swapped_between_the_listing_and_the_read_is_never_opened(swap, message, tmp_path, monkeypatch):
    seeds = write_innocent(tmp_path / "seeds")
    outside = write_outside(tmp_path)
    (seeds / "change.txt").write_text(ARTICLE, encoding="utf-8")
    real = pipeline.list_seeds

    def list_then_swap(folder):
        listing = real(folder)
        swap(folder / "change.txt", outside)
        return listing

    monkeypatch.setattr(pipeline, "list_seeds", list_then_swap)
    with opened_files() as opened, deadline(60):
        result = build(seeds, tmp_path / "docs")
    found = [p for p in result.problems if p.file == "change.txt"]
    assert len(found) == 1 and found[0].severity == ERROR and message in found[0].message
    assert {e.article.id for e in result.site.entries} == INNOCENT_IDS
    assert not opened_inside(opened, outside)


def test_a_file_swapped_for_a_fifo_after_its_lstat_is_caught_by_fstat(tmp_path, monkeypatch):
    """The last line of defence: the lstat saw a regular file, the open finds a FIFO
    (O_NONBLOCK: the open returns at once), fstat refuses it."""
    path = tmp_path / "course.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real_lstat = os.lstat

    def lstat_then_swap(target, *args, **kwargs):
        status = real_lstat(target, *args, **kwargs)
        if os.fspath(target) == os.fspath(path):
            path.unlink()
            os.mkfifo(path)
        return status

    monkeypatch.setattr(seeds_module.os, "lstat", lstat_then_swap)
    with deadline(20), pytest.raises(seeds_module.SeedError, match="tube nommé"):
        seeds_module.read_regular(path, seeds_module.ARTICLE_LIMIT)


def test_an_article_past_the_size_limit_is_refused_and_never_read_whole(tmp_path):
    """Under a memory cap (a subprocess with RLIMIT_AS): a 50 GB sparse file and a
    device that never ends are refused after ARTICLE_LIMIT + 1 bytes at most."""
    seeds = write_innocent(tmp_path / "seeds")
    with open(seeds / "enorme.txt", "wb") as handle:
        handle.truncate(50 * 1024**3)
    (seeds / "sans_fin.txt").symlink_to("/dev/zero")
    try:
        os.mknod(seeds / "zero.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pass
    status, found, built, stderr = build_under_memory_cap(seeds, tmp_path / "docs")
    assert status == 0, stderr[-3000:]
    assert built == sorted(INNOCENT_IDS)
    problems = {file: (severity, field, message) for file, severity, field, message in found}
    assert problems["enorme.txt"][:2] == (ERROR, "file")
    assert "plus de 20 000 000 octets : trop grand pour être lu" in problems["enorme.txt"][2]
    assert "lien symbolique vers l'extérieur" in problems["sans_fin.txt"][2]
    if (seeds / "zero.txt").exists():
        assert "périphérique" in problems["zero.txt"][2]


def test_an_article_at_the_limit_is_read_whole_and_one_byte_more_is_refused(tmp_path, monkeypatch):
    limit = 1000
    seeds = write_innocent(tmp_path / "seeds")
    (seeds / "juste.txt").write_bytes(ARTICLE.encode().ljust(limit, b" "))
    (seeds / "trop.txt").write_bytes(ARTICLE.encode().ljust(limit + 1, b" "))
    monkeypatch.setattr(seeds_module, "ARTICLE_LIMIT", limit)
    result = build(seeds, tmp_path / "docs")
    assert set(result.site.by_id) == INNOCENT_IDS | {"juste"}
    assert [(p.file, p.severity) for p in result.problems if p.field == "file"] == [("trop.txt", ERROR)]
    assert "plus de 1 000 octets" in next(p.message for p in result.problems if p.field == "file")
