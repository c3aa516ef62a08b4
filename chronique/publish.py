"""The one place that writes docs/: atomically, and never over a hand-written page.

The new tree is staged beside docs/ (unchanged files hard-linked, changed files
written fresh so the live tree is never modified in place), then swapped in with
one atomic rename(2) exchange. An exception or a kill before the swap leaves the
last good docs/ byte for byte. A lock keeps two builds from interleaving.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from .model import ERROR, Problem

MANIFEST = ".chronique-manifest.json"
RENAME_EXCHANGE = 2
AT_FDCWD = -100


class BuildBusy(RuntimeError):
    pass


@contextmanager
def docs_lock(docs: Path):
    lock_path = docs.parent / f".{docs.name}.chronique.lock"
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildBusy(
                f"another build is writing {docs}/ (lock {lock_path}): wait for it to finish, then run again"
            ) from None
        yield


def generated_paths(docs: Path) -> set[str]:
    """The files the last build wrote. Only plain relative paths: a damaged manifest
    must never make a build delete anything outside docs/."""
    try:
        listed = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return set()
    if not isinstance(listed, list):
        return set()
    return {
        rel
        for rel in listed
        if isinstance(rel, str) and rel and not rel.startswith("/") and ".." not in rel.split("/") and "\\" not in rel
    }


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


def publish(files: dict[str, str], docs: Path, marker: str) -> list[Problem]:
    """Make docs/ hold exactly the hand-written pages plus `files`. Returns the
    generated files it refused to write because a hand-written page is there."""
    docs = docs.resolve()
    staging = docs.parent / f".{docs.name}.staging"
    _restore_old(docs)
    if staging.exists():  # a build killed mid-way left it; the live docs/ is intact
        shutil.rmtree(staging)
    try:
        return _stage_and_swap(files, docs, staging, marker)
    except BaseException:
        # the live docs/ is untouched (or already the new tree): only the scratch copy goes
        _restore_old(docs)
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _restore_old(docs: Path) -> None:
    """Undo half of _swap's two-rename fallback: docs/ moved aside, the new tree not in."""
    old = docs.parent / f".{docs.name}.old"
    if not docs.exists() and old.exists():
        os.rename(old, docs)


def _stage_and_swap(files: dict[str, str], docs: Path, staging: Path, marker: str) -> list[Problem]:
    problems = []
    previous = generated_paths(docs)
    if docs.exists():
        shutil.copytree(docs, staging, copy_function=os.link, symlinks=True)
    else:
        staging.mkdir(parents=True)
    for stale in sorted(previous - set(files)):
        target = staging / stale
        if target.is_file():
            target.unlink()
            _prune_empty(target.parent, staging)
    written = []
    for rel, text in files.items():
        target = staging / rel
        data = text.encode("utf-8")
        if target.exists() and rel not in previous and marker.encode() not in target.read_bytes()[:4096]:
            problems.append(
                Problem(
                    f"docs/{rel}",
                    "page",
                    ERROR,
                    "a hand-written page is at this path: it is kept and the generated page is skipped; rename one of them",
                )
            )
            continue
        written.append(rel)
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.unlink()  # break the hard link: the live file stays as it was
        target.write_bytes(data)
    manifest = staging / MANIFEST
    if manifest.exists():
        manifest.unlink()
    manifest.write_text(json.dumps(sorted(written), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    _swap(staging, docs)
    return problems


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
