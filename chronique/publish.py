"""The one place that writes docs/: atomically, and never over a hand-written page.

The new tree is staged beside docs/ (unchanged files hard-linked, changed files
written fresh so the live tree is never modified in place), then swapped in with
one atomic rename(2) exchange. An exception or a kill before the swap leaves the
last good docs/ byte for byte. A lock keeps two builds from interleaving.

The manifest (docs/.chronique-manifest.json), never a page's text, says which files
are generated: it maps each to the SHA-256 of what was written. A page at a generated
path that the manifest does not list is hand-written and kept; a listed page whose
bytes no longer match was edited by hand since: it is kept too, and reported. A disk
that is full or read-only stops the build with a PublishError that says so, and the
last good docs/ is left as it was.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
import stat
from contextlib import contextmanager
from pathlib import Path

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
    longer decides anything: a hand-written page may quote it.)"""
    docs = docs.resolve()
    staging = docs.parent / f".{docs.name}.staging"
    _restore_old(docs)
    if staging.exists():  # a build killed mid-way left it; the live docs/ is intact
        shutil.rmtree(staging)
    try:
        return _stage_and_swap(files, docs, staging)
    except BaseException as error:
        # the live docs/ is untouched (or already the new tree): only the scratch copy goes
        _restore_old(docs)
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError) and error.errno in DISK_ERRORS:
            raise PublishError(disk_problem(error, f"{docs}/")) from None
        raise


def _restore_old(docs: Path) -> None:
    """Undo half of _swap's two-rename fallback: docs/ moved aside, the new tree not in."""
    old = docs.parent / f".{docs.name}.old"
    if not docs.exists() and old.exists():
        os.rename(old, docs)


def _stage_and_swap(files: dict[str, str], docs: Path, staging: Path) -> list[Problem]:
    problems = []
    previous = generated_files(docs)
    if docs.exists():
        shutil.copytree(docs, staging, copy_function=os.link, symlinks=True)
    else:
        staging.mkdir(parents=True)
    outside = _Outside(staging)
    try:  # what the last build wrote is older than its manifest; an editor's edit is newer
        listed_at = (docs / MANIFEST).lstat().st_mtime_ns
    except OSError:
        listed_at = -1
    written: dict[str, str | None] = {}
    for stale in sorted(set(previous) - set(files)):
        target = staging / stale
        if outside.holds(target) or _kind(target)[0] != "file":
            continue  # never delete through a link, nor what is not a page
        if _edited(target.read_bytes(), previous[stale]):
            problems.append(_edited_problem(stale, WARNING, "sa page n'est plus générée (l'article a été retiré) ; "))
            written[stale] = _kept(previous[stale])  # still generated: reported until someone decides
            continue
        target.unlink()
        _prune_empty(target.parent, staging)
    for rel, text in files.items():
        target = staging / rel
        data = text.encode("utf-8")
        kind, changed_at = (None, 0) if outside.holds(target) else _kind(target)
        if kind in (None, "other"):
            problems.append(_blocked_problem(rel, kind))
            continue
        on_disk = target.read_bytes() if kind == "file" else None
        if on_disk is not None and on_disk != data:
            if rel not in previous:
                # the manifest, not the text, says what is generated: a page quoting the marker is still hand-written
                problems.append(
                    Problem(
                        f"docs/{rel}",
                        "page",
                        ERROR,
                        "une page écrite à la main est à ce chemin : elle est gardée et la page générée n'est pas "
                        "écrite ; renommez l'une des deux (ou supprimez-la si c'est une ancienne page générée)",
                    )
                )
                continue
            if _edited(on_disk, previous[rel]):
                problems.append(_edited_problem(rel, ERROR, ""))
                written[rel] = _kept(previous[rel])
                continue
        recorded = previous.get(rel)
        if on_disk == data and recorded and not recorded.startswith(KEPT) and changed_at <= listed_at:
            # untouched since the last build wrote it (most pages of a warm build): its digest
            # is known, no need to hash 200 MB again at 10,000 articles
            written[rel] = recorded
            continue
        written[rel] = _digest(data)
        if on_disk == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if on_disk is not None:
            target.unlink()  # break the hard link: the live file stays as it was
        target.write_bytes(data)
    manifest = staging / MANIFEST
    if manifest.exists():
        manifest.unlink()
    manifest.write_text(
        json.dumps(dict(sorted(written.items())), ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    _swap(staging, docs)
    return problems


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
