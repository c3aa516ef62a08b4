"""The seeds folder, listed and read without trusting it.

An article, its sidecar and the editors' aliases.yml are each read once, as bytes,
by `read_regular`: a symbolic link is followed only when its target is in the seeds
folder; a FIFO, a device, a socket or a folder is never opened (it is found with
lstat, and the file opened with O_NOFOLLOW | O_NONBLOCK is checked again with fstat,
so a file swapped between the listing and the read is caught too); at most `limit`
bytes are read, so /dev/zero or a 10 GB file cannot fill the memory. What cannot be
read is a Problem naming the file; the other articles build.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import ERROR, WARNING, Problem

ARTICLE_LIMIT = 20_000_000  # bytes: the largest article seen is 60 kB, the 5 MB test article builds
SIDECAR_LIMIT = 1_000_000
DATA_LIMIT = 5_000_000  # seeds/aliases.yml
ARTICLE_SUFFIX, SIDECAR_SUFFIX = ".txt", ".yml"
ALIASES = "aliases.yml"  # the editors' data file in seeds/: never an article's sidecar
# Characters a file name must not carry into a terminal, a page or a feed: controls
# (ESC starts a terminal escape sequence), format characters (bidirectional
# overrides), undecodable bytes (held as surrogates), line and paragraph separators.
UNPRINTABLE = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


class SeedError(Exception):
    """A file of the seeds folder that is not read; the message says why."""


class Skipped(Exception):
    """An article that is not built: `problem` says why, naming the file."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


@dataclass(frozen=True)
class Seed:
    """An article of the seeds folder, and the name of its sidecar if it has one."""

    name: str
    path: Path
    sidecar: str | None


@dataclass(frozen=True)
class Listing:
    articles: tuple[Seed, ...]
    problems: tuple[Problem, ...]


def printable(name: str) -> str:
    """The name as it can be shown anywhere: each undecodable byte as \\xNN, each
    control or invisible character as \\uNNNN."""
    if name.isprintable():  # the usual name: none of UNPRINTABLE (str.isprintable's own list)
        return name
    shown = []
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
            shown.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(char) in UNPRINTABLE:
            shown.append(f"\\u{code:04x}")
        else:
            shown.append(char)
    return "".join(shown)


def list_seeds(folder: Path) -> Listing:
    """The articles (`*.txt`, in any case: `X.TXT` too), in file-name order, with their
    sidecars; and the problems of the listing itself (a name that cannot be shown, two
    articles whose names differ only by the case of their extension)."""
    names = sorted(entry.name for entry in os.scandir(folder) if not entry.name.startswith("."))
    problems: list[Problem] = []
    # by stem, the article and the sidecar: a.txt before a.TXT, a.yml before a.YML (the other
    # article is reported; the other sidecar is not one)
    stems: dict[str, str] = {}
    sidecars: dict[str, str] = {}
    for name in names:
        stem, suffix = os.path.splitext(name)
        for chosen, wanted in ((stems, ARTICLE_SUFFIX), (sidecars, SIDECAR_SUFFIX)):
            if suffix.lower() == wanted and name != ALIASES and (stem not in chosen or suffix == wanted):
                chosen[stem] = name
    articles: list[Seed] = []
    for name in names:
        stem, suffix = os.path.splitext(name)
        if printable(name) != name:
            # "x.txt\n" too: an article or sidecar by its visible letters, never dropped silently
            visible = "".join(char for char in name if char.isprintable())
            if os.path.splitext(visible)[1].lower() not in (ARTICLE_SUFFIX, SIDECAR_SUFFIX):
                continue
            problems.append(
                Problem(
                    printable(name),
                    "file",
                    ERROR,
                    "nom de fichier illisible (octets qui ne sont pas de l'UTF-8, ou caractères de contrôle "
                    "ou invisibles, montrés ici en \\x.. et \\u....) ; ignoré : renommez-le en lettres, chiffres et tirets",
                )
            )
            continue
        if suffix.lower() != ARTICLE_SUFFIX:
            continue
        if stems[stem] != name:
            problems.append(
                Problem(
                    name,
                    "file",
                    ERROR,
                    f"même nom d'article que {stems[stem]} (seule la casse de l'extension diffère) ; "
                    "ignoré : renommez l'un des deux",
                )
            )
            continue
        if stem + SIDECAR_SUFFIX == ALIASES and ALIASES in names:
            problems.append(
                Problem(
                    name,
                    "sidecar",
                    WARNING,
                    f"{ALIASES} est le fichier des noms de la rédaction, pas le fichier de correction de cet "
                    "article : renommez l'article pour lui en donner un",
                )
            )
        articles.append(Seed(name, folder / name, sidecars.get(stem)))
    return Listing(tuple(articles), tuple(problems))


def read_article(seed: Seed) -> bytes:
    """The article's bytes; raises Skipped with the Problem to report."""
    try:
        return read_regular(seed.path, ARTICLE_LIMIT)
    except FileNotFoundError:
        problem = Problem(
            seed.name,
            "file",
            WARNING,
            "a disparu du dossier pendant la construction ; ignoré : relancez la construction",
        )
    except SeedError as error:
        problem = Problem(seed.name, "file", ERROR, f"{error} ; ignoré : retirez-le du dossier des articles")
    except OSError as error:
        problem = Problem(seed.name, "file", ERROR, f"illisible ({error.strerror}) ; ignoré : vérifiez ses droits")
    raise Skipped(problem)


def read_sidecar(seed: Seed) -> tuple[bytes | None, list[Problem]]:
    """The sidecar's bytes (None without one, or when it went away since the listing)
    and its problems; an unreadable sidecar leaves the article built from its text."""
    if seed.sidecar is None:
        return None, []
    try:
        return read_regular(seed.path.parent / seed.sidecar, SIDECAR_LIMIT), []
    except FileNotFoundError:
        return None, []
    except SeedError as error:
        reason = str(error)
    except OSError as error:
        reason = f"illisible ({error.strerror}) : vérifiez ses droits"
    return None, [
        Problem(seed.sidecar, "sidecar", ERROR, f"{reason} ; l'article est construit sans ses corrections : retirez-le")
    ]


def read_optional(path: Path, limit: int = DATA_LIMIT) -> bytes | None:
    """The bytes of a data file, or None when it is absent or not a regular file of
    its folder (what is wrong with it is reported where the file is loaded)."""
    try:
        return read_regular(path, limit)
    except (SeedError, OSError):
        return None


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of `path` if it is a regular file of its folder (or a link to one that
    stays in the folder), at most `limit` of them. Raises FileNotFoundError when it is
    absent, SeedError when it is anything else, OSError when it cannot be read."""
    target = os.fspath(path)
    status = os.lstat(target)
    if stat.S_ISLNK(status.st_mode):
        folder = os.path.realpath(path.parent)
        resolved = os.path.realpath(target)
        if os.path.commonpath([folder, resolved]) != folder:
            raise SeedError("lien symbolique vers l'extérieur du dossier des articles : jamais suivi")
        try:
            status = os.lstat(resolved)
        except FileNotFoundError:
            raise SeedError("lien symbolique cassé (sa cible n'existe pas)") from None
        target = resolved
    if not stat.S_ISREG(status.st_mode):
        raise SeedError(_not_a_file(status.st_mode))
    try:
        handle = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link since the lstat above
            raise SeedError("remplacé par un lien symbolique pendant la construction : jamais suivi") from None
        raise
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):  # swapped for a FIFO or a device since the lstat
            raise SeedError(_not_a_file(status.st_mode))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(handle)
    if size > limit:
        raise SeedError(f"plus de {limit:,} octets".replace(",", " ") + " : trop grand pour être lu")
    return b"".join(chunks)


def _not_a_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "c'est un dossier, pas un fichier"
    if stat.S_ISFIFO(mode):
        return "c'est un tube nommé (FIFO), pas un fichier : jamais ouvert"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "c'est un périphérique, pas un fichier : jamais ouvert"
    if stat.S_ISSOCK(mode):
        return "c'est une socket, pas un fichier : jamais ouverte"
    if stat.S_ISLNK(mode):
        return "lien symbolique qui ne mène à aucun fichier (une boucle de liens)"
    return "ce n'est pas un fichier ordinaire : jamais ouvert"
