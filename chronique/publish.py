"""The one place that writes docs/: atomically, and never over a hand-written page.

The new tree is staged beside docs/ (unchanged files hard-linked, changed files
written fresh so the live tree is never modified in place), then swapped in with
one atomic rename(2) exchange. An exception or a kill before the swap leaves the
last good docs/ byte for byte. A lock keeps two builds from interleaving.

A build streams its pages: staged() opens a Staging, the renderer put()s each page
into it as soon as it is rendered (a forked renderer puts into a branch() of it, the
same folder, and sends back only what it recorded, to be merge()d), and finish()
removes the stale pages, writes the manifest and swaps. No process holds every page's
text: the build's result is a GeneratedPages, which reads a page back from docs/ when
asked for and checks it against its digest. publish(files) does the same for pages
given all at once.

The manifest (docs/.chronique-manifest.json), never a page's text, says which files
are generated: it maps each to the SHA-256 of what was written. A page at a generated
path that the manifest does not list is hand-written and kept; a listed page whose
bytes no longer match was edited by hand since: it is kept too, and reported. A disk
that is full or read-only stops the build with a PublishError that says so, and the
last good docs/ is left as it was.
"""

from __future__ import annotations

import copy
import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
import stat
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .model import ERROR, WARNING, Problem
from .seeds import SeedError, read_regular

MANIFEST = ".chronique-manifest.json"
KEPT = "modifiée:"  # before the digest of a generated page kept after an editor's edit
MANIFEST_LIMIT = 100_000_000  # bytes: 10,000 articles make a manifest of ~2 MB
RENAME_EXCHANGE = 2
DISK_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM)
AT_FDCWD = -100


class BuildBusy(RuntimeError):
    pass


class PublishError(RuntimeError):
    """docs/ cannot be written (a full or read-only disk); the last good docs/ is intact."""


def disk_problem(error: OSError, where: Path | str) -> str:
    """What a full or read-only disk means for the build, in one sentence (no traceback)."""
    what = {
        errno.ENOSPC: "le disque est plein",
        errno.EDQUOT: "le quota du disque est atteint",
        errno.EFBIG: "un fichier dépasse la taille permise",
        errno.EROFS: "le disque est en lecture seule",
        errno.EACCES: "l'écriture y est interdite",
        errno.EPERM: "l'écriture y est interdite",
    }.get(error.errno, error.strerror or type(error).__name__)
    return (
        f"impossible d'écrire {where} : {what} ; le dossier docs/ précédent est intact : "
        "libérez de la place ou vérifiez les droits, puis relancez la construction"
    )


@contextmanager
def docs_lock(docs: Path):
    lock_path = docs.parent / f".{docs.name}.chronique.lock"
    try:
        handle = open(lock_path, "w")  # noqa: SIM115 (closed below, after the build)
    except OSError as error:
        raise PublishError(disk_problem(error, lock_path)) from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildBusy(
                f"une autre construction écrit {docs}/ (verrou {lock_path}) : attendez qu'elle finisse, puis relancez"
            ) from None
        yield


def _plain(rel) -> bool:
    return isinstance(rel, str) and rel and not rel.startswith("/") and ".." not in rel.split("/") and "\\" not in rel


def generated_files(docs: Path) -> dict[str, str | None]:
    """{path: SHA-256 of what was written} for the files the last build wrote (None when
    a manifest of the older format, a plain list, did not record it). Only plain relative
    paths: a damaged manifest must never make a build delete anything outside docs/."""
    try:  # a regular file of docs/ only: never a FIFO, nor a link out of it
        listed = json.loads(read_regular(docs / MANIFEST, MANIFEST_LIMIT).decode("utf-8"))
    except (OSError, SeedError, ValueError):
        return {}
    if isinstance(listed, list):
        return {rel: None for rel in listed if _plain(rel)}
    if isinstance(listed, dict):
        return {rel: digest if isinstance(digest, str) else None for rel, digest in listed.items() if _plain(rel)}
    return {}


def generated_paths(docs: Path) -> set[str]:
    """The files the last build wrote."""
    return set(generated_files(docs))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def copy_hand_written(docs: Path, target: Path) -> None:
    """Copy a docs folder's hand-written pages and assets (what build.py never writes)
    into target: how tests and the benchmark give a generated tree the project's own pages."""
    generated = generated_paths(docs)
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_file() and rel not in generated and not rel.startswith("."):
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / rel)


def publish(files: dict[str, str], docs: Path, marker: str = "") -> list[Problem]:
    """Make docs/ hold exactly the hand-written pages plus `files`. Returns the
    generated files it refused to write: a hand-written page is there, or an editor
    changed the generated page since. (`marker`, the text generated pages carry, no
    longer decides anything: a hand-written page may quote it.) The pages all at once:
    a build streams them instead (staged())."""
    with staged(docs) as staging:
        for rel, text in files.items():
            staging.put(rel, text)
        return staging.finish().problems


@contextmanager
def staged(docs: Path) -> Iterator[Staging]:
    """A Staging of docs/'s next tree, opened: put() each page as it is rendered, then
    finish() to swap it in. An exception or a kill before the swap leaves the last good
    docs/ as it was, and an exception removes the staging copy (a disk that is full or
    read-only: PublishError). Left without finish(), the copy is removed, docs/ untouched."""
    staging = Staging(docs)
    _restore_old(staging.docs)
    if staging.folder.exists():  # a build killed mid-way left it; the live docs/ is intact
        shutil.rmtree(staging.folder)
    try:
        staging.open()
        yield staging
    except BaseException as error:
        # the live docs/ is untouched (or already the new tree): only the scratch copy goes
        _restore_old(staging.docs)
        shutil.rmtree(staging.folder, ignore_errors=True)
        if isinstance(error, OSError) and error.errno in DISK_ERRORS:
            raise PublishError(disk_problem(error, f"{staging.docs}/")) from None
        raise
    if not staging.finished:
        shutil.rmtree(staging.folder, ignore_errors=True)


def _restore_old(docs: Path) -> None:
    """Undo half of _swap's two-rename fallback: docs/ moved aside, the new tree not in."""
    old = docs.parent / f".{docs.name}.old"
    if not docs.exists() and old.exists():
        os.rename(old, docs)


@dataclass
class Puts:
    """What Staging.put() recorded, and all it keeps of a page: its manifest entry
    (the SHA-256 of what docs/ will hold), the text of a page it did not write (a
    hand-written page or a special file at its path, or an editor's edit kept), the
    problems with their paths. Small: a forked render sends back only this."""

    entries: dict[str, str] = field(default_factory=dict)
    unwritten: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[str, Problem]] = field(default_factory=list)

    def merge(self, other: Puts) -> None:
        twice = sorted(
            {rel for rel in (*other.entries, *other.unwritten) if rel in self.entries or rel in self.unwritten}
        )
        if twice:
            raise ValueError(f"pages générées deux fois : {twice[:5]}")
        self.entries.update(other.entries)
        self.unwritten.update(other.unwritten)
        self.problems += other.problems


class Published(NamedTuple):
    problems: list[Problem]
    pages: GeneratedPages


class Staging:
    """docs/'s next tree, staged beside it: open() makes a hard-linked copy of docs/,
    put() writes a generated page into it as it is rendered (never over a hand-written
    page nor an editor's edit), finish() removes the stale pages, writes the manifest and
    swaps the copy in. Use it through staged(), which cleans up after an exception.

    A forked process may put pages into the same copy: it puts them into its branch()
    (the same folder, nothing recorded yet) and sends back the branch's state() only,
    which this process merge()s."""

    def __init__(self, docs: Path):
        self.docs = docs.resolve()
        self.folder = self.docs.parent / f".{self.docs.name}.staging"
        self.previous: dict[str, str | None] = {}
        self.listed_at = -1
        self.puts = Puts()
        self.finished = False

    def open(self) -> None:
        self.previous = generated_files(self.docs)
        if self.docs.exists():
            shutil.copytree(self.docs, self.folder, copy_function=os.link, symlinks=True)
        else:
            self.folder.mkdir(parents=True)
        self.outside = _Outside(self.folder)
        try:  # what the last build wrote is older than its manifest; an editor's edit is newer
            self.listed_at = (self.docs / MANIFEST).lstat().st_mtime_ns
        except OSError:
            self.listed_at = -1

    def branch(self) -> Staging:
        branch = copy.copy(self)
        branch.puts = Puts()
        return branch

    def state(self) -> Puts:
        return self.puts

    def merge(self, puts: Puts) -> None:
        self.puts.merge(puts)

    def put(self, rel: str, text: str) -> None:
        """One generated page: written into the staging copy unless a hand-written page,
        an editor's edit or something not a page is at its path (then its text is kept
        here, and the problem recorded)."""
        puts = self.puts
        if rel in puts.entries or rel in puts.unwritten:
            raise ValueError(f"page générée deux fois : {rel}")
        target = self.folder / rel
        data = text.encode("utf-8")
        kind, changed_at = (None, 0) if self.outside.holds(target) else _kind(target)
        if kind in (None, "other"):
            puts.problems.append((rel, _blocked_problem(rel, kind)))
            puts.unwritten[rel] = text
            return
        on_disk = target.read_bytes() if kind == "file" else None
        if on_disk is not None and on_disk != data:
            if rel not in self.previous:
                # the manifest, not the text, says what is generated: a page quoting the marker is still hand-written
                puts.problems.append((rel, _hand_written_problem(rel)))
                puts.unwritten[rel] = text
                return
            if _edited(on_disk, self.previous[rel]):
                puts.problems.append((rel, _edited_problem(rel, ERROR, "")))
                puts.entries[rel] = _kept(self.previous[rel])
                puts.unwritten[rel] = text
                return
        recorded = self.previous.get(rel)
        if on_disk == data and recorded and not recorded.startswith(KEPT) and changed_at <= self.listed_at:
            # untouched since the last build wrote it (most pages of a warm build): its digest
            # is known, no need to hash 200 MB again at 10,000 articles
            puts.entries[rel] = recorded
            return
        puts.entries[rel] = _digest(data)
        if on_disk == data:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        if on_disk is not None:
            target.unlink()  # break the hard link: the live file stays as it was
        target.write_bytes(data)

    def finish(self) -> Published:
        """Remove the pages the last build generated and this one did not put (an edited
        one is kept, and reported), write the manifest, swap the copy in. The problems in
        the order publish() always gave them: the stale pages', then the pages', each by path."""
        puts = self.puts
        generated = puts.entries.keys() | puts.unwritten.keys()
        written = {rel: entry for rel, entry in puts.entries.items() if rel not in puts.unwritten}
        entries = puts.entries  # the manifest: the pages put, and the stale pages kept
        problems = []
        for stale in sorted(set(self.previous) - generated):
            target = self.folder / stale
            if self.outside.holds(target) or _kind(target)[0] != "file":
                continue  # never delete through a link, nor what is not a page
            if _edited(target.read_bytes(), self.previous[stale]):
                problems.append(
                    _edited_problem(stale, WARNING, "sa page n'est plus générée (l'article a été retiré) ; ")
                )
                entries[stale] = _kept(self.previous[stale])  # still generated: reported until someone decides
                continue
            target.unlink()
            _prune_empty(target.parent, self.folder)
        problems += [problem for _, problem in sorted(puts.problems, key=lambda item: item[0])]
        manifest = self.folder / MANIFEST
        if manifest.exists():
            manifest.unlink()
        manifest.write_text(
            json.dumps(dict(sorted(entries.items())), ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
        )
        _swap(self.folder, self.docs)
        self.finished = True
        return Published(problems, GeneratedPages(self.docs, written, puts.unwritten))


class PagesChanged(RuntimeError):
    """docs/ no longer holds what a build wrote there: its GeneratedPages cannot be read."""


class GeneratedPages(Mapping[str, str]):
    """Every page a build generated, {path: text} by path, read-only, without holding
    their texts: a page written to docs/ is read back from there when asked for, and
    checked against the SHA-256 the build wrote (PagesChanged if docs/ changed since:
    a stale result fails loudly). A page not written (a hand-written page or a special
    file at its path, an editor's edit kept) keeps its generated text here."""

    def __init__(self, docs: Path, written: dict[str, str], unwritten: dict[str, str]):
        self._docs = docs
        self._written = written  # path -> SHA-256 of its text in docs/
        self._unwritten = unwritten  # path -> the text generated for it
        self._paths = sorted(written.keys() | unwritten.keys())

    def __getitem__(self, rel: str) -> str:
        text = self._unwritten.get(rel)
        if text is not None:
            return text
        digest = self._written[rel]
        try:
            data = (self._docs / rel).read_bytes()
        except OSError as error:
            raise PagesChanged(f"{self._docs}/{rel} ne se lit plus depuis la construction qui l'a écrit : {error}")
        if _digest(data) != digest:
            raise PagesChanged(
                f"{self._docs}/{rel} a changé depuis la construction qui l'a écrit (une autre construction, "
                "une modification) : ce résultat ne peut plus le lire"
            )
        return data.decode("utf-8")

    def __contains__(self, rel: object) -> bool:
        return rel in self._written or rel in self._unwritten

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __repr__(self) -> str:
        return f"<GeneratedPages {self._docs}: {len(self._paths)} pages, {len(self._unwritten)} not written>"


class _Outside:
    """Whether a path of the staging copy leads out of it: docs/ may hold a link to a
    folder elsewhere (copied as a link), and a page written or removed under it would
    land there. Each folder is resolved once."""

    def __init__(self, staging: Path):
        self.root = os.path.realpath(staging)
        self.folders: dict[Path, bool] = {}

    def holds(self, target: Path) -> bool:
        folder = target.parent
        if folder not in self.folders:
            real = os.path.realpath(folder)
            self.folders[folder] = real != self.root and not real.startswith(self.root + os.sep)
        return self.folders[folder]


def _kind(target: Path) -> tuple[str, int]:
    """("absent", "file" (a regular file, not a link) or "other" (a folder, a link, a
    FIFO…), the time it was last changed)."""
    try:
        status = target.lstat()
    except FileNotFoundError:
        return "absent", 0
    except NotADirectoryError:  # a file where one of its folders should be
        return "other", 0
    return ("file" if stat.S_ISREG(status.st_mode) else "other"), status.st_mtime_ns


def _hand_written_problem(rel: str) -> Problem:
    return Problem(
        f"docs/{rel}",
        "page",
        ERROR,
        "une page écrite à la main est à ce chemin : elle est gardée et la page générée n'est pas "
        "écrite ; renommez l'une des deux (ou supprimez-la si c'est une ancienne page générée)",
    )


def _blocked_problem(rel: str, kind: str | None) -> Problem:
    what = (
        "un lien symbolique de docs/ mène hors de docs/ sur ce chemin"
        if kind is None
        else "un dossier, un lien ou un fichier spécial occupe ce chemin"
    )
    return Problem(
        f"docs/{rel}",
        "page",
        ERROR,
        f"{what} : la page générée n'est pas écrite ; remplacez-le par un dossier ordinaire ou retirez-le",
    )


def _kept(recorded: str) -> str:
    """The manifest's entry for a page kept after an editor's edit: the digest of what the
    build wrote, marked (its file's time no longer says it is what the build wrote)."""
    return recorded if recorded.startswith(KEPT) else KEPT + recorded


def _edited(on_disk: bytes, recorded: str | None) -> bool:
    """Changed since the build that wrote it (unknown with a manifest of the older format)."""
    return recorded is not None and _digest(on_disk) != recorded.removeprefix(KEPT)


def _edited_problem(rel: str, severity: str, why: str) -> Problem:
    return Problem(
        f"docs/{rel}",
        "page",
        severity,
        f"page générée modifiée à la main depuis la dernière construction : {why}elle est gardée telle quelle et "
        "n'est pas réécrite ; reportez la correction dans le fichier .yml de l'article, puis supprimez la page "
        "pour qu'elle soit générée à nouveau",
    )


def _swap(staging: Path, docs: Path) -> None:
    if not docs.exists():
        os.rename(staging, docs)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        result = renameat2(AT_FDCWD, os.fsencode(staging), AT_FDCWD, os.fsencode(docs), RENAME_EXCHANGE)
        if result == 0:
            shutil.rmtree(staging)  # it now holds the previous tree
            return
        if ctypes.get_errno() not in (errno.EINVAL, errno.ENOSYS):
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(docs))
    # no atomic exchange here: two renames, the old tree kept until the new one is in place
    old = docs.parent / f".{docs.name}.old"
    if old.exists():
        shutil.rmtree(old)
    os.rename(docs, old)
    os.rename(staging, docs)
    shutil.rmtree(old)


def _prune_empty(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
