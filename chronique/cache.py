"""The extraction cache (`.cache/extract/`): a stage of its own, between reading and extracting.

What is expensive does not depend on the day: the model's names, the rules, the titles, the
figures. Only the date does, through its plausibility window (it ends on the build's day), and
the events read against the date. So an entry is keyed by the article's bytes, its sidecar's
bytes and the extractor's code and data, never by the day; it keeps the article as extracted
and what it takes to date it again (chronique/extract.py: Extraction). A dating says how long
its answer holds (dates.DayReads): one that refused no date as still to come holds until the
end of the last year that gives the same answer, or for good when it read nothing of the
year (a header's date); on a new day only the others are dated again (`extract.redate`, on
two processes for many), and the day's datings are kept together in one small file, so the
next build of the same day reuses them. The corpus stage that dates yearless articles from
the others is remembered too (dated_from_corpus): its answer while what it reads stands, and
otherwise what it read of each article, so that it reads again only what changed.

The model's names are kept apart too, keyed by the paragraphs they were read from and by
what names depend on (the model, the name rules and their data, their code), not by the
whole extractor: an edited sidecar, or a change to the dates' or the figures' code, extracts
the articles again without running the model (about 50 ms of CPU an article).

The extractor's code in the key is derived from the import graph (extraction_modules), not
listed by hand: a module extraction starts to import enters the key by itself.

The functions take bytes, never paths: the seeds are listed and read once elsewhere
(each article and each sidecar read once per build).
"""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .entities import Entities
from .executors import in_background
from .extract import Dating, Extraction, dated, redate
from .model import Article

PACKAGE = Path(__file__).resolve().parent
# The stages after extraction: they read articles and never change one. Left out of the key
# unless a module of extraction imports them (then they are in through that import).
LATER_STAGES = ("pipeline", "collect", "write", "publish", "report", "github", "urls")  # after extraction


def _module_file(package: Path, name: str) -> Path | None:
    """The file of a module of the package by its dotted name relative to it ("" is the package)."""
    base = package.joinpath(*name.split(".")) if name else package
    for candidate in (base.with_suffix(".py") if name else None, base / "__init__.py"):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def _imports(package: Path, name: str, path: Path) -> frozenset[str]:
    """The package's own modules a module imports (relative or absolute, at any depth of its
    code: an import inside a function counts), with the packages they sit in."""
    return _imports_in(package, name, path.name == "__init__.py", path.read_bytes())


@lru_cache(maxsize=256)  # the two keys of a build share most modules: each parsed once
def _imports_in(package: Path, name: str, is_package: bool, code: bytes) -> frozenset[str]:
    here = name.split(".") if name else []
    if not is_package:
        here = here[:-1]
    found = set()
    for node in ast.walk(ast.parse(code)):
        targets = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                module = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.split(".")[0] == package.name:
                module = node.module.split(".")[1:]
            else:
                continue
            targets.append(module)
            targets += [[*module, alias.name] for alias in node.names]  # `from . import dates`
        elif isinstance(node, ast.Import):
            targets += [a.name.split(".")[1:] for a in node.names if a.name.split(".")[0] == package.name]
        for target in targets:
            for depth in range(len(target) + 1):  # a module's packages run first
                dotted = ".".join(target[:depth])
                if _module_file(package, dotted):
                    found.add(dotted)
    return frozenset(found)


def extraction_modules(package: Path = PACKAGE, roots: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The files (relative to the package) whose code decides what extraction produces:
    every module of the package the pipeline imports, except the later stages, and all
    that those import in turn, found from the import graph. With roots (module names,
    "entities"), what those modules import instead."""
    if roots is None:
        imported = _imports(package, "pipeline", package / "pipeline.py")
        roots = tuple(m for m in imported if m.split(".")[0] not in LATER_STAGES)
    seen, todo = set(), sorted({*roots, ""})
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += sorted(_imports(package, name, _module_file(package, name)) - seen)
    return tuple(sorted(_module_file(package, name).relative_to(package).as_posix() for name in seen))


def code_digest(package: Path = PACKAGE, roots: tuple[str, ...] | None = None) -> bytes:
    """The extraction modules' names and bytes, for the cache key."""
    digest = hashlib.sha256()
    for rel in extraction_modules(package, roots):
        digest.update(rel.encode() + b"\0" + (package / rel).read_bytes() + b"\0")
    return digest.digest()


# The cache's own files (see ExtractionCache); anything else in its folder is left alone.
_ENTRY = re.compile(r"^[0-9a-f]{32}-(?:[0-9a-f]{16}|-)-(?P<key>[0-9a-f]+)\.pickle$")
_NAMES = re.compile(r"^names-[0-9a-f]{32}-(?P<key>[0-9a-f]*)\.pickle$")
_DAY = re.compile(r"^dates-(?P<key>[0-9a-f]+)\.pickle$")


class ExtractionCache:
    """Entries `<article sha>-<sidecar sha>-<key>.pickle` (an Extraction each),
    `dates-<key>.pickle` (the datings the last build used that differ from the entries'
    own: each is used again while it holds, so after New Year the articles are dated
    again once, not on every build of the year) and
    `names-<paragraphs sha>-<names key>.pickle` (the model's names, after the rules).
    folder None: no cache (every lookup a miss, nothing written)."""

    def __init__(
        self,
        folder: Path | None,
        key: str,
        today: dt.date,
        jobs: int = 1,
        names_key: str = "",
        parallel_from: int = 1000,
    ):
        # parallel_from: below this many articles to date again, a second process costs more than it saves
        self.folder, self.key, self.today, self.jobs = folder, key, today, jobs
        self.parallel_from = parallel_from
        self.names_key = names_key
        self.files = CacheFiles(folder, names_key)  # what a worker of the extraction writes too
        self.datings: dict[str, Dating] = self._load_datings()
        self.used: dict[str, Dating] = {}  # the day file written after this build
        # hits resolve_date failed on: extracted again, so the failure is reported as any other
        self.undatable: list[tuple[str, Extraction]] = []
        self.entries_used: set[str] = set()  # the entries this build read or wrote: prune() keeps them

    def entry(self, article: bytes, sidecar: bytes | None) -> str | None:
        """The entry of an article from its bytes and its sidecar's bytes (None: no sidecar)."""
        if self.folder is None:
            return None
        sidecar_digest = hashlib.sha256(sidecar).hexdigest()[:16] if sidecar is not None else "-"
        return f"{hashlib.sha256(article).hexdigest()[:32]}-{sidecar_digest}-{self.key}"

    def load(self, entry: str | None) -> Extraction | None:
        found = self.files.load(entry)
        if found is not None:
            self.entries_used.add(entry)
        return found

    def store(self, entry: str | None, found: Extraction) -> None:
        if entry is not None:
            self.entries_used.add(entry)
        self.files.store(entry, found)

    def names(self, paragraphs: list[str]) -> Entities | None:
        return self.files.names(paragraphs)

    def store_names(self, paragraphs: list[str], found: Entities) -> None:
        self.files.store_names(paragraphs, found)

    def articles(self, hits: list[tuple[str, str, str, Extraction]]) -> dict[str, Article]:
        """The articles of cache hits (entry, file name, stem, extraction), dated for today:
        from the entry when its dating holds today, from the day file when one of its
        datings does, else dated again here (two processes for many). Returns {stem: Article};
        a hit that cannot be dated again goes to self.undatable, its source renamed."""
        todo = [found for entry, _, _, found in hits if not found.dating.holds_on(self.today) and not self._kept(entry)]
        fresh = iter(self._redate_all(todo))
        articles = {}
        for entry, name, stem, found in hits:
            if not found.dating.holds_on(self.today):  # else the same answer today: nothing to do
                dating = self._kept(entry) or next(fresh)
                if dating is None:
                    self.undatable.append((entry, replace(found, source=replace(found.source, name=name, stem=stem))))
                    continue
                self.used[entry] = dating
                found = dated(found, dating)
            # the same bytes under another name: that file's name and id
            articles[stem] = replace(found.article, seed=name, id=stem)
        return articles

    def _kept(self, entry: str) -> Dating | None:
        """The day file's dating of this entry, if it holds today."""
        dating = self.datings.get(entry)
        return dating if dating is not None and dating.holds_on(self.today) else None

    def dated_from_corpus(
        self,
        articles: list[Article],
        step: Callable[[list[Article], object | None], tuple[list[Article], object]],
        reads: Callable[[list[Article]], tuple[list[Article], list[Article]]],
    ):
        """step(articles, memo) -> (articles, memo), the corpus stage that gives yearless articles
        the year of the site's articles on the same event (collect.date_from_corpus_remembering),
        remembered twice:
        - reads(articles) is what the step reads: the undated articles, and the dated ones that
          may give them a year (collect.what_date_from_corpus_reads). While none of those
          changes, the last answer stands (`corpus-dates.pickle`, by article id): a date that
          moves in an unrelated article (a yearless date, on New Year) leaves it standing;
        - when one does, the step runs with its memo of the last run (`corpus-memo.pickle`,
          collect.CorpusMemo), so it reads again only the articles that changed."""
        if self.folder is None:
            return step(articles, None)[0]
        code = hashlib.sha256(self.key.encode() + Path(sys.modules[step.__module__].__file__).read_bytes())
        key = self._corpus_key(code.copy(), *reads(articles))
        path, memo_path = self.folder / "corpus-dates.pickle", self.folder / "corpus-memo.pickle"
        try:
            kept = pickle.loads(path.read_bytes())
            if kept["key"] == key:
                return [kept["changed"].get(article.id, article) for article in articles]
        except Exception:  # none yet, another input's, or damaged: the step runs
            pass
        try:
            last = pickle.loads(memo_path.read_bytes())
            memo = last["memo"] if last["code"] == code.hexdigest() else None
        except Exception:  # none yet, or damaged: the step reads everything
            memo = None
        result, memo = step(articles, memo)
        changed = {after.id: after for before, after in zip(articles, result) if after is not before}
        self._write(path, pickle.dumps({"key": key, "changed": changed}, protocol=pickle.HIGHEST_PROTOCOL))
        kept_memo = {"code": code.hexdigest(), "memo": memo}
        self._write(memo_path, pickle.dumps(kept_memo, protocol=pickle.HIGHEST_PROTOCOL))
        return result

    @staticmethod
    def _corpus_key(digest, undated: list[Article], witnesses: list[Article]) -> str:
        """What the corpus step reads: each undated article whole, the others by id, bytes,
        date and names; after the code's digest (the extractor's key and the step's module)."""
        for article in undated:
            digest.update(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
        digest.update(b"\0witnesses\0")
        for article in witnesses:
            digest.update(repr((article.id, article.digest, article.date, article.people, article.places)).encode())
        return digest.hexdigest()

    def save_datings(self) -> None:
        """The day file, when this build dated something the entries do not hold."""
        if self.folder is None or (not self.used and not self.datings) or self.used == self.datings:
            return
        data = pickle.dumps({"day": self.today, "datings": self.used}, protocol=pickle.HIGHEST_PROTOCOL)
        self._write(self.folder / f"dates-{self.key}.pickle", data)

    def _redate_all(self, todo: list[Extraction]) -> list[Dating | None]:
        """resolve_date for each, half of them in a forked process when there are many."""
        if self.jobs < 2 or len(todo) < self.parallel_from:
            return [self._redate(found) for found in todo]
        half = len(todo) // 2
        other = in_background(lambda: [self._redate(found) for found in todo[half:]])
        return [self._redate(found) for found in todo[:half]] + other()

    def _redate(self, found: Extraction) -> Dating | None:
        try:
            return redate(found, self.today)
        except Exception:  # a bug met on one article: extracted again, and reported there
            return None

    def _load_datings(self) -> dict[str, Dating]:
        if self.folder is None:
            return {}
        try:
            data = pickle.loads((self.folder / f"dates-{self.key}.pickle").read_bytes())
            return dict(data["datings"])  # each used while it holds (_kept)
        except Exception:  # none yet, or damaged: everything is dated again
            return {}

    def prune(self) -> int:
        """After a build: removes the entries it did not use (an article removed, or its bytes
        or its sidecar since changed) and whatever an earlier extractor made (other keys).
        The model's names of the current key stay, used or not: an edited sidecar or a
        correction undone finds them again. Without it the CI cache, restored and saved on
        every push, would only grow. Returns the number of files removed."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.iterdir():
            name = path.name
            if entry := _ENTRY.match(name):
                stale = entry["key"] != self.key or name[: -len(".pickle")] not in self.entries_used
            elif names := _NAMES.match(name):
                stale = names["key"] != self.names_key
            elif day := _DAY.match(name):
                stale = day["key"] != self.key
            else:
                continue
            if stale:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def _write(self, path: Path, data: bytes) -> None:
        self.files.write(path, data)


@dataclass(frozen=True)
class CacheFiles:
    """The cache's files of one article: its entry (an Extraction) and its model's names.
    Plain and picklable: the extraction's workers read and write them, forked or on Dask
    (then the cache folder must be on a disk they share, as docs/ and site/ are for the
    render). Each file is written whole under a temporary name, then renamed: two
    processes writing the same names (two copies of an article) leave one whole file."""

    folder: Path | None
    names_key: str = ""

    def names(self, paragraphs: list[str]) -> Entities | None:
        """The names found in these paragraphs by an earlier build, if any."""
        if self.folder is None:
            return None
        try:
            found = pickle.loads((self.folder / self._names_file(paragraphs)).read_bytes())
        except Exception:  # not read yet, or a damaged entry: the model reads them
            return None
        return found if isinstance(found, Entities) else None

    def store_names(self, paragraphs: list[str], found: Entities) -> None:
        if self.folder is not None:
            self.write(self.folder / self._names_file(paragraphs), pickle.dumps(found))

    def load(self, entry: str | None) -> Extraction | None:
        if entry is None or self.folder is None:
            return None
        try:
            found = pickle.loads((self.folder / f"{entry}.pickle").read_bytes())
        except Exception:  # no entry, or a damaged one: a miss
            return None
        return found if isinstance(found, Extraction) else None

    def store(self, entry: str | None, found: Extraction) -> None:
        if entry is not None and self.folder is not None:
            self.write(self.folder / f"{entry}.pickle", pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))

    def _names_file(self, paragraphs: list[str]) -> str:
        text = "\0".join(paragraphs).encode("utf-8", "surrogatepass")
        return f"names-{hashlib.sha256(text).hexdigest()[:32]}-{self.names_key}.pickle"

    def write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
