"""Index the built site for search: `python -m chronique.site.search site`.

Runs Pagefind over the HTML that `mkdocs build` wrote and puts its index in
site/pagefind/, which the header's search box (search.js, beside this module) reads.

What gets indexed is declared once, in the article template
(templates/article.md.j2): the weights of the title and of the people, the parts
Pagefind skips (data-pagefind-ignore: the date line, and what is about *other*
articles, or a search would return an article for a word that only a neighbour's
title holds), the filters, metas and sort of the search. overrides/main.html only
wraps the article pages in `data-pagefind-body`, so indexes, taxonomy pages and
archives stay out of the results. This module reads the same marks (indexed_part)
to tell which bundles changed, and runs Pagefind with no selector of its own.

Why Pagefind: Material's own search does not fold accents ("hanoi" finds no
"Hanoï") and sends one index of the whole site (~57 MB at 10,000 articles) on
the first search; Pagefind folds accents and splits its index in chunks, so one
query downloads only the chunks for its words.

Why several indexes ("bundles") on a large site: Pagefind cannot update an
index, and both its indexing and its scoring of a common word grow faster than
the number of pages. So the articles are shared out, by a hash of their address
(an article stays in its bundle), into bundles of about BUNDLE_PAGES; only the
bundles whose articles changed are indexed again, several at once, and the
browser searches them all and merges the results (Pagefind's mergeIndex).
Pagefind does not find nothing for a query word its index lacks: it drops it from
a query of several words, or reads it as the longest word it starts with. A bundle
without "Bùi" would answer "bui thanh son" with every "Thanh" and "Son": each bundle
therefore also indexes one extra page holding every word of the site, which
gives all bundles the same vocabulary, and which the search never shows (the
articles carry a Pagefind filter that this page lacks, and search.js asks for it).
A word new to the site would then mean indexing every bundle again; instead, the
bundles whose articles did not change are kept, and the manifest lists the word
starts each of them lacks (index_keys.py says why and how), which
search.js uses to leave such a bundle out of a query for a new word. Past
LACKING_PREFIXES of them, a bundle is indexed again.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import inspect
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from . import index_keys
from .hooks import REDIRECT_MARK

BUNDLE = "pagefind"  # site/pagefind/: the manifest, and one folder a bundle (0/, 1/, …)
LANGUAGE = "fr"
BUNDLE_PAGES = 2500  # measured here: 4 bundles of 2,500 index in 10 s, one of 10,000 in 17 s
# The filter every article page carries, as templates/article.md.j2 writes it
# (data-pagefind-filter="chronique:article"; the vocabulary page has none): search.js
# searches with it, from the manifest, so only articles are results. Read from the
# template, not written again here.
ARTICLE_TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "article.md.j2"
_FIXED_FILTER = re.compile(r'data-pagefind-filter="([^":\[\]]+):([^"\[\]]+)"')  # a value of its own, not [data-value]


def article_filter(template: Path = ARTICLE_TEMPLATE) -> dict[str, str]:
    found = _FIXED_FILTER.findall(template.read_text(encoding="utf-8"))
    if len(found) != 1:
        raise ValueError(f'{template.name} : il faut un et un seul filtre fixe data-pagefind-filter="nom:valeur"')
    return dict(found)


FILTER = article_filter()
VOCABULARY = "chronique-vocabulaire.html"
# A kept bundle lacking more word starts than this is indexed again (the manifest,
# which every search downloads, lists them; a few articles' new names stay well below).
LACKING_PREFIXES = 400

# What Pagefind skips in an article page is declared in the page itself, by
# templates/article.md.j2 (data-pagefind-ignore on the date line, the notes about other
# versions and the sections about other articles): the same mark read here, on any
# element, up to its own closing tag.
IGNORED = re.compile(r"<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>")
ARTICLES = "articles"  # chronique/collect.py puts every article page under articles/
REDIRECT_SIZE = 4096  # a redirect page is well under this; an article page well over
STAMP = "chronique-index.json"  # in site/pagefind/: the bundles, and what each was built from
WORDS = "chronique-words.txt"  # in a bundle's folder: the words of its articles
# In site/pagefind/: every word of the site, folded, which search.js reads to answer
# "nothing" for a query word the site lacks (Pagefind would read it as a shorter word).
BROWSER_WORDS = "chronique-mots.txt"
# Longer tokens are left out of it (search.js does not check a query word this long):
# at 10,000 synthetic articles, 4,443 of the 11,838 words were source addresses read as
# one word ("httpsbaoquoctevn…html"), 300 kB of the 410 kB.
LONGEST_WORD = 30
NON_WORD = re.compile(r"[^\w]+")
TAG = re.compile(r"<[^>]*>")
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|kbd|mark|q|s|small|span|strong|sub|sup|u)(?=[\s>/])[^>]*>")
EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")
# The indexer's work folder beside site/ (.pagefind-<pid>-<random>/, gitignored): a run
# killed mid-way cannot remove it, so each run removes those whose process is gone.
WORK_PREFIX = ".pagefind-"
WORK_NAME = re.compile(r"^\.pagefind-(?:(\d+)-)?[\w-]+$")


def pagefind_command(source: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(source),
        "--output-path",
        str(output),
        # Every page is French; forcing it keeps one index (and one stemmer) even
        # if a page came out without <html lang>.
        "--force-language",
        LANGUAGE,
    ]


def indexed_part(page: str) -> str:
    """What Pagefind indexes in an article page: from its data-pagefind-body to the end
    of the article (the header, navigation and footer are the same on every page),
    without the elements marked data-pagefind-ignore. Those name other articles: when
    an edit changes another article's related list, that article's bundle need not be
    indexed again."""
    start = page.find("<div data-pagefind-body>")
    end = page.rfind("</article>")
    part = page[start:end] if 0 <= start < end else page
    return without_ignored(part)


def without_ignored(part: str) -> str:
    """`part` without the elements marked data-pagefind-ignore, each up to its own
    closing tag (elements of the same name inside it counted)."""
    pieces, position = [], 0
    for opening in IGNORED.finditer(part):
        if opening.start() < position:  # inside an element already cut
            continue
        name = opening.group(1)
        depth, cursor = 1, opening.end()
        for tag in re.finditer(rf"<(/?){name}\b[^>]*>", part[cursor:]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                cursor += tag.end()
                break
        else:
            cursor = len(part)
        pieces.append(part[position : opening.start()])
        position = cursor
    pieces.append(part[position:])
    return "".join(pieces)


def words_of(part: str) -> set[str]:
    """Every word Pagefind may read in an indexed part: inline tags (<b> inside a word)
    are read as nothing, the others as word breaks. Words are lowercased and lose the
    punctuation around them ("Vientiane)." is "vientiane"), as Pagefind does, so the
    vocabulary changes only when a word does."""
    text = html.unescape(TAG.sub(" ", INLINE_TAG.sub("", part)))
    words = {EDGE_PUNCTUATION.sub("", token) for token in set(text.lower().split())}
    words.discard("")
    return words


def search_token(word: str) -> str:
    """A word as search.js compares it (its searchToken): lowercase, without accents
    (đ is d) nor punctuation, as Pagefind folds it ("s'engagent" is "sengagent")."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def browser_words(words: set[str]) -> str:
    """BROWSER_WORDS: every word of the site as search.js compares a query word, one a
    line, sorted. A hyphenated or apostrophised word also gives its parts, which
    Pagefind indexes too ("vingt-trois": "vingttrois", "vingt", "trois")."""
    tokens = set()
    for word in words:
        tokens.add(search_token(word))
        tokens.update(search_token(part) for part in NON_WORD.split(word))
    tokens = {token for token in tokens if 0 < len(token) <= LONGEST_WORD}
    return "\n".join(sorted(tokens)) + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def bundle_of(address: str, bundles: int) -> int:
    """The bundle of an article page, from its address alone: it never moves while its
    address stays, whatever else is added or removed."""
    return int.from_bytes(hashlib.sha1(address.encode()).digest()[:8], "big") % bundles


def vocabulary_page(words: set[str]) -> str:
    return (
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>vocabulaire</title></head>'
        "<body><div data-pagefind-body><p>" + html.escape(" ".join(sorted(words))) + "</p></div></body></html>\n"
    )


def rules() -> str:
    """What an index depends on besides its pages: a new Pagefind, other options or other
    rules for what is indexed index every bundle again."""
    code = "".join(inspect.getsource(f) for f in (indexed_part, without_ignored, words_of)) + IGNORED.pattern
    return f"pagefind {version('pagefind')} {pagefind_command(Path('in'), Path('out'))[3:]} {code}"


@dataclass
class Bundle:
    """The article pages of one bundle, the digest of what Pagefind reads in them,
    and (read only when needed) their words."""

    name: str
    digest: "hashlib._Hash"  # starts from rules(), then each page's address and indexed part
    pages: list[Path] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    words: set[str] | None = None

    def add(self, address: str, page: Path, part: str) -> None:
        self.pages.append(page)
        self.parts.append(part)
        self.digest.update(address.encode() + b"\0" + part.encode() + b"\0")

    def stamp(self) -> dict:
        return {"path": f"{self.name}/", "pages": len(self.pages), "digest": self.digest.hexdigest()}

    def read_words(self, saved: set[str] | None) -> None:
        """This bundle's words: the list saved beside its index when its pages are the
        same as then, otherwise read from its pages."""
        self.words = saved if saved is not None else set().union(*map(words_of, self.parts))


def saved_words(root: Path, name: str) -> set[str] | None:
    """The words of a bundle's articles when it was last indexed (None: not saved)."""
    try:
        return set((root / name / WORDS).read_text(encoding="utf-8").split("\n")) - {""}
    except OSError:
        return None


def is_redirect(page: Path) -> bool:
    """An article's former address holds a small redirect page (hooks.py), not an article."""
    if page.stat().st_size > REDIRECT_SIZE:
        return False
    return REDIRECT_MARK.encode() in page.read_bytes()


def index_site(site: Path, quiet: bool = False, jobs: int | None = None, bundle_pages: int = BUNDLE_PAGES) -> int:
    """Run Pagefind on `site`'s article pages; returns the number of pages indexed
    (0 when no bundle's pages changed since the last run: nothing to do)."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"chronique.site.search : {site}/index.html introuvable : lancez d'abord `mkdocs build`")
    found = sorted((site / ARTICLES).glob("**/*.html")) if (site / ARTICLES).is_dir() else []
    articles = [page for page in found if not is_redirect(page)]
    count = max(1, math.ceil(len(articles) / bundle_pages))
    start = hashlib.sha256(rules().encode())
    bundles = [Bundle(str(k), start.copy()) for k in range(count)]
    for page in articles:
        address = page.relative_to(site).as_posix()
        bundles[bundle_of(address, count)].add(
            address, page, indexed_part(page.read_text(encoding="utf-8", errors="replace"))
        )
    bundles = [bundle for bundle in bundles if bundle.pages]  # Pagefind fails on no page

    root = site / BUNDLE
    manifest = read_json(root / STAMP)
    manifest = manifest if isinstance(manifest, dict) else {}
    before = {str(b.get("path", "")).rstrip("/"): b for b in manifest.get("bundles", [])}  # by bundle name
    stamps = {bundle.name: bundle.stamp() for bundle in bundles}
    changed = [
        bundle
        for bundle in bundles
        if before.get(bundle.name, {}).get("digest") != stamps[bundle.name]["digest"]
        or not (root / bundle.name / "pagefind.js").is_file()
    ]
    several = len(bundles) > 1

    # The vocabulary: every word of the site, from the words saved for the unchanged
    # bundles and from the pages of the others.
    vocabulary, gained = None, False
    # which vocabulary page each bundle was indexed with: bundles indexed with the same
    # one have the same index keys (every word of the site, read alike)
    generations = {name: b.get("vocabulary") for name, b in before.items()}
    saved = {bundle.name: saved_words(root, bundle.name) for bundle in bundles}
    for bundle in bundles:
        bundle.read_words(None if bundle in changed else saved[bundle.name])
    words = set().union(*(bundle.words for bundle in bundles))
    if several:
        vocabulary = vocabulary_page(words)
        # words new to the site since the last run (the lists saved then)
        gained = None in saved.values() or bool(words - set().union(*saved.values()))
    lacking = {name: b["lacking"] for name, b in before.items() if "lacking" in b}

    indexer = Indexer(site, root, vocabulary, jobs, generations)
    leftovers = (
        [child for child in root.iterdir() if child.name not in stamps and child.name not in (STAMP, BROWSER_WORDS)]
        if root.is_dir()
        else []
    )
    # the bundles kept beside the changed ones lack the words the site gained
    kept = [bundle for bundle in bundles if bundle not in changed] if gained else []
    indexer.index(changed, clear=leftovers, kept=kept)

    def index_again(bundle: Bundle) -> bool:
        """A kept bundle that lacks too many word starts, or of which it cannot be told."""
        own = index_keys.saved_keys(root / bundle.name)
        if indexer.site_keys is None or own is None:
            return True
        lacking[bundle.name] = index_keys.lacking_prefixes(indexer.site_keys, own)
        return len(lacking[bundle.name]) > LACKING_PREFIXES

    indexer.index([bundle for bundle in kept if index_again(bundle)])
    if several:
        for bundle in bundles:
            stamps[bundle.name]["vocabulary"] = generations.get(bundle.name)
            if bundle not in indexer.done and lacking.get(bundle.name):
                stamps[bundle.name]["lacking"] = lacking[bundle.name]

    new_manifest = {"filter": FILTER, "bundles": list(stamps.values())}
    written = write_if_changed(root / BROWSER_WORDS, browser_words(words))
    if not indexer.done and manifest == new_manifest and not written:
        if not quiet:
            print(f"Recherche : index inchangé ({len(articles)} articles) dans {root}")
        return 0
    root.mkdir(parents=True, exist_ok=True)
    (root / STAMP).write_text(json.dumps(new_manifest) + "\n", encoding="utf-8")
    if not quiet:
        lagging = [bundle for bundle in bundles if bundle not in indexer.done and lacking.get(bundle.name)]
        print(
            f"Recherche : {indexer.pages} articles indexés dans {len(indexer.done)} index sur {len(bundles)}, dans {root}"
            + (
                f" ; {len(lagging)} index gardés ignorent des mots nouveaux (search.js les écarte pour ces mots)"
                if lagging
                else ""
            )
        )
    return indexer.pages


def remove_stale_work(parent: Path) -> list[str]:
    """Remove the work folders of indexing runs that were killed (their process is gone;
    a folder named without a process, by an older version, too). Returns their names."""
    removed = []
    for path in sorted(parent.glob(f"{WORK_PREFIX}*")):
        match = WORK_NAME.match(path.name)
        if not match or not path.is_dir() or path.is_symlink():
            continue
        if match.group(1) and _running(int(match.group(1))):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path.name)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


class Indexer:
    """Indexes bundles again, each from an empty folder (Pagefind adds to one), on a
    copy of its pages made of hard links; keeps what the next run compares with."""

    def __init__(
        self, site: Path, root: Path, vocabulary: str | None, jobs: int | None, generations: dict[str, str | None]
    ):
        self.site, self.root, self.vocabulary = site, root, vocabulary
        self.generations = generations  # updated for the bundles indexed here
        self.generation = hashlib.sha256(vocabulary.encode()).hexdigest()[:16] if vocabulary else None
        self.jobs = max(1, jobs or 2 * (os.cpu_count() or 1))
        self.done: list[Bundle] = []
        self.pages = 0
        self.site_keys: set[str] | None = None  # the keys of an index that knows every word

    def index(self, bundles: list[Bundle], clear: list[Path] = (), kept: list[Bundle] = ()) -> None:
        """Index `bundles` again. With bundles `kept` beside them, also read, while
        Pagefind runs, the keys of the site's words (those of the first bundle indexed:
        each knows every word) and the keys of the kept bundles not saved yet."""
        if bundles:  # an interrupted run leaves no manifest: the next one starts over
            (self.root / STAMP).unlink(missing_ok=True)
        for path in [*clear, *(self.root / bundle.name for bundle in bundles)]:
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
        if not bundles:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        # the keys of kept bundles not saved yet: one read for each vocabulary page they
        # were indexed with, unless a bundle indexed with it has them saved already
        saved = {bundle.name for bundle in kept if (self.root / bundle.name / index_keys.KEYS).is_file()}
        same: dict[str, list[Bundle]] = {}
        for bundle in kept:
            same.setdefault(self.generations.get(bundle.name) or bundle.name, []).append(bundle)
        unread = [group[0] for group in same.values() if not saved & {b.name for b in group}]
        remove_stale_work(self.site.parent)
        work_prefix = f"{WORK_PREFIX}{os.getpid()}-"
        with tempfile.TemporaryDirectory(prefix=work_prefix, dir=self.site.parent) as work:

            def index(bundle: Bundle) -> int:
                output = self.root / bundle.name
                pages = run_pagefind(
                    link_pages(self.site, bundle, Path(work) / bundle.name, self.vocabulary), output, len(bundle.pages)
                )
                if bundle.words is not None:
                    (output / WORDS).write_text("\n".join(sorted(bundle.words)) + "\n", encoding="utf-8")
                if kept and bundle is bundles[0]:
                    self.site_keys = read_keys(bundle)
                return pages

            def read_keys(bundle: Bundle) -> set[str] | None:
                keys = index_keys.read_index_keys(self.root / bundle.name)
                if keys is not None:
                    index_keys.save_keys(self.root / bundle.name, keys)
                return keys

            # Pagefind keeps about 1.4 cores busy; measured here, four at once on two
            # cores end sooner than two after two (and one bundle's links are made
            # while another is indexed).
            with ThreadPoolExecutor(max_workers=self.jobs) as pool:
                indexing = [pool.submit(index, bundle) for bundle in bundles]
                reading = [pool.submit(read_keys, bundle) for bundle in unread]
                self.pages += sum(task.result() for task in indexing)
                for task in reading:
                    task.result()
        for group in same.values():
            source = next(
                (
                    self.root / b.name / index_keys.KEYS
                    for b in group
                    if (self.root / b.name / index_keys.KEYS).is_file()
                ),
                None,
            )
            for bundle in group:
                if source and not (self.root / bundle.name / index_keys.KEYS).is_file():
                    shutil.copyfile(source, self.root / bundle.name / index_keys.KEYS)
        for bundle in bundles:
            self.generations[bundle.name] = self.generation
        self.done += bundles


def link_pages(site: Path, bundle: Bundle, source: Path, vocabulary: str | None) -> Path:
    for page in bundle.pages:
        target = source / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(page, target)
        except OSError:  # another file system, or no hard links: a copy does the same
            shutil.copyfile(page, target)
    source.mkdir(parents=True, exist_ok=True)
    if vocabulary:
        (source / VOCABULARY).write_text(vocabulary, encoding="utf-8")
    return source


def run_pagefind(source: Path, output: Path, articles: int) -> int:
    result = subprocess.run(pagefind_command(source, output), capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"chronique.site.search : échec de Pagefind sur {source} (statut {result.returncode})")
    found = re.search(r"Indexed (\d+) pages?", result.stdout)
    pages = int(found.group(1)) if found else 0
    if articles and pages == 0:
        raise SystemExit(
            f"chronique.site.search : {articles} pages d'articles mais aucune indexée : "
            "portent-elles data-pagefind-body (overrides/main.html) ?"
        )
    return pages - (1 if (source / VOCABULARY).exists() else 0)


def read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronique.site.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--jobs", type=int, default=None, help="bundles indexed at once (default: one a core)")
    args = parser.parse_args(argv)
    index_site(args.site, quiet=args.quiet, jobs=args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
