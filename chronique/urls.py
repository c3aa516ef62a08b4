"""Where an article lives, and how an address once published keeps answering.

An article's address is built only from what never changes: its seed's file name,
`articles/<file name>/` (`seeds/visite-to-lam.txt` -> `articles/visite-to-lam/`).
A date or title correction, a newer article with the same title, a move from a
year to a month: none of them touches it. A file name that is not already a clean
slug (capitals, accents, spaces, a dot), or that names a reserved folder (`index`,
`page`, `sans-date`, a number such as `2026` or `02`), is slugified and given a
short hash of its exact name, so the rule never depends on which other articles
exist. The feeds' guid/id is the file name too (chronique/feeds.py).

An editor may choose the address in the sidecar (`slug: visite-officielle`): the
article then lives at `articles/visite-officielle/` and its file-name address
becomes a redirect page.

Addresses published before (the dated scheme `articles/2026/02/<title>/`, an
editor's former slug) are listed in `seeds/redirects.yml`, committed with the
seeds, so a build from a fresh clone (CI) knows them:

    articles/2026/02/un-nouvel-elan-pour-les-relations-vietnam-laos/: 002_527194e3c30f4d41

Each becomes a small static page (meta refresh, canonical link, a French link,
noindex): build.py lists them in docs/.chronique-redirects.json (redirect_list) and
the MkDocs hook writes them into site/ after the render (chronique/site/hooks.py).
No Markdown is rendered for them; they are in no nav, no sitemap and no search
index. `python -m chronique.urls EXPORT` adds to the file every article address of a
published site's `data/articles.json` (a path or a URL).

CI builds from a fresh clone and docs/, site/ are not committed: a memory kept in
the build's output would be lost, hence a rule that needs none, and a file with the
seeds for what was published before the rule.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import ERROR, WARNING, Article, Problem
from .text import count, slug

ARTICLES = "articles"
REDIRECTS_FILE = "redirects.yml"  # in the seeds folder
# A file name kept as it is in the address: lower-case ASCII letters, digits, - and _.
_CLEAN_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")
# Names an article may not take in articles/: the folders of the former dated scheme
# (years, months, sans-date; their redirect pages live there), index and page.
_RESERVED = re.compile(r"index|page|sans-date|\d+")
_HASH_LENGTH = 8
# A hashed name ends so: a clean file name ending so is hashed too, so no file name
# can take the address another file's hashed name gives.
_HASHED = re.compile(rf".*-[0-9a-f]{{{_HASH_LENGTH}}}")
_SEGMENT = re.compile(r"[A-Za-z0-9._~%-]+")


@dataclass(frozen=True)
class Locations:
    """Every article's address, and the addresses that redirect to an article."""

    slugs: dict[str, str]  # article id -> its slug: articles/<slug>/
    redirects: tuple[tuple[str, str], ...]  # (former address, article id), sorted by address
    problems: tuple[Problem, ...]


def file_slug(stem: str) -> str:
    """The address an article's file name gives it, whatever other files exist."""
    if _CLEAN_NAME.fullmatch(stem) and not _RESERVED.fullmatch(stem) and not _HASHED.fullmatch(stem):
        return stem
    return hashed_slug(stem)


def hashed_slug(stem: str) -> str:
    """The file name slugified, with a short hash of its exact spelling: two names one
    slugify apart (Été.txt, ete.txt) never share an address."""
    digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:_HASH_LENGTH]
    return f"{slug(stem, max_length=60)}-{digest}"


def article_path(article_slug: str) -> str:
    return f"{ARTICLES}/{article_slug}.md"


def article_url(article_slug: str) -> str:
    return f"{ARTICLES}/{article_slug}/"


def assign_locations(
    articles: list[Article], redirects: dict[str, str] | None = None, held: frozenset[str] = frozenset()
) -> Locations:
    """Each published article's slug: the editor's (`slug_hint`, from the sidecar's
    `slug`) when it is free, else its file name's. Then the redirects: an editor's slug
    makes the file-name address one; each address of the redirect file points to its
    article, unless that article is held (`held`: no page, so no redirect either)."""
    problems: list[Problem] = []
    by_file = {a.id: file_slug(a.id) for a in articles}
    owners: dict[str, str] = {}  # slug -> article id
    chosen: dict[str, str] = {}  # article id -> slug
    # Editors' slugs first (by file name: the first keeps a slug two claim). An explicit
    # choice, most likely published, keeps its address over a file name that gives the
    # same one; the person who made the clash is told.
    for article in sorted(articles, key=lambda a: a.id):
        if not article.slug_hint:
            continue
        wanted = slug(article.slug_hint)
        if _RESERVED.fullmatch(wanted) or _HASHED.fullmatch(wanted):
            problems.append(_slug_problem(article, f"'{wanted}' est un nom réservé ; choisissez-en un autre"))
        elif wanted in owners:
            problems.append(
                _slug_problem(article, f"l'adresse {article_url(wanted)} est déjà celle de seeds/{owners[wanted]}.txt")
            )
        else:
            owners[wanted] = article.id
            chosen[article.id] = wanted
    for article in sorted(articles, key=lambda a: a.id):
        if article.id in chosen:
            continue
        own = by_file[article.id]
        if own in owners:
            own = hashed_slug(article.id)
            problems.append(
                Problem(
                    article.seed,
                    "url",
                    ERROR,
                    f"son nom de fichier donne l'adresse {article_url(by_file[article.id])}, choisie dans "
                    f"seeds/{owners[by_file[article.id]]}.yml : il est publié à {article_url(own)} ; "
                    "renommez le fichier ou changez le slug",
                )
            )
        owners[own] = article.id
        chosen[article.id] = own
    pages = {article_url(s): i for i, s in chosen.items()}  # address -> article id
    found = {
        article_url(by_file[i]): i
        for i, s in chosen.items()
        if s != by_file[i] and article_url(by_file[i]) not in pages
    }
    for address, target in sorted((redirects or {}).items()):
        owner = pages.get(address) or found.get(address)
        if owner == target:
            continue  # the article's own address (a site's export lists it too)
        if owner:
            problems.append(
                Problem(REDIRECTS_FILE, address, ERROR, f"c'est l'adresse de seeds/{owner}.txt : redirection ignorée")
            )
        elif target in held:
            continue  # a held article is unpublished everywhere, its former addresses too
        elif target not in chosen:
            problems.append(
                Problem(REDIRECTS_FILE, address, WARNING, f"aucun article seeds/{target}.txt : pas de redirection")
            )
        else:
            found[address] = target
    return Locations(chosen, tuple(sorted(found.items())), tuple(problems))


def _slug_problem(article: Article, why: str) -> Problem:
    return Problem(f"{article.id}.yml", "slug", ERROR, f"{why} ; l'article garde l'adresse de son nom de fichier")


def load_redirects(path: Path) -> tuple[dict[str, str], list[Problem]]:
    """The redirect file's {address: file name without .txt}, checked entry by entry. It
    is read as the articles are (never a FIFO, nor through a link out of seeds/) and as
    bounded YAML (no alias bomb)."""
    from . import bounded_yaml
    from .seeds import DATA_LIMIT, SeedError, read_regular

    try:
        raw = read_regular(path, DATA_LIMIT)
    except FileNotFoundError:
        return {}, []
    except (SeedError, OSError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return {}, [Problem(path.name, "redirects", ERROR, f"illisible ({reason}) : aucune redirection")]
    try:
        data = bounded_yaml.load(raw.decode("utf-8"))
    except (ValueError, yaml.YAMLError) as error:
        reason = bounded_yaml.describe(error) if isinstance(error, yaml.YAMLError) else "pas de l'UTF-8"
        return {}, [Problem(path.name, "redirects", ERROR, f"illisible ({reason}) : aucune redirection")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [
            Problem(path.name, "redirects", ERROR, "attendu : une adresse par ligne, « articles/…/: nom-du-fichier »")
        ]
    found, problems = {}, []
    for address, stem in data.items():
        normal = normal_address(str(address))
        if normal is None:
            problems.append(
                Problem(
                    path.name,
                    str(address),
                    ERROR,
                    "adresse invalide : écrivez-la relative au site, sous articles/ (articles/2026/02/titre/)",
                )
            )
        elif not isinstance(stem, str) or not stem.strip() or "/" in stem:
            problems.append(
                Problem(path.name, str(address), ERROR, "attendu : le nom du fichier de l'article, sans .txt")
            )
        else:
            found[normal] = stem.strip().removesuffix(".txt")
    return found, problems


def normal_address(address: str) -> str | None:
    """articles/2026/02/titre/ (a folder, as MkDocs makes every page's address), or
    None when it is not a plain address under articles/."""
    address = address.strip().lstrip("/").removesuffix("index.html")
    segments = address.rstrip("/").split("/")
    if segments[0] != ARTICLES or len(segments) < 2:
        return None
    if any(s in (".", "..") or not _SEGMENT.fullmatch(s) for s in segments):
        return None
    return "/".join(segments) + "/"


def redirect_list(redirects: tuple[tuple[str, str], ...], pages: dict[str, tuple[str, str]]) -> str:
    """docs/.chronique-redirects.json: each former address with its article's address and
    title (pages: article id -> (url, title)), one a line. The MkDocs hook writes the
    pages from it (chronique/site/hooks.py): no folder a redirect in docs/, which is
    staged anew on every build."""
    lines = [
        json.dumps({"from": address, "to": pages[i][0], "title": pages[i][1]}, ensure_ascii=False)
        for address, i in redirects
    ]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def addresses_of_export(export: dict) -> dict[str, str]:
    """{address: article id} of a site's data/articles.json, but for the addresses its
    file name gives (always kept: they need no memory). An editor's slug is kept, so
    changing it later leaves its address answering."""
    found = {}
    for record in export.get("articles", []) if isinstance(export, dict) else []:
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not record["id"]:
            continue
        address = normal_address(str(record.get("url", "")))
        if address and address != article_url(file_slug(record["id"])):
            found[address] = record["id"]
    return found


def add_to_redirect_file(path: Path, addresses: dict[str, str]) -> int:
    """Adds the addresses the file lacks (an address already listed keeps its article);
    returns how many were added. The file stays sorted, one address a line."""
    current, problems = load_redirects(path)
    if problems:
        raise SystemExit("\n".join(f"{p.file}: {p.field}: {p.message}" for p in problems))
    added = {a: i for a, i in addresses.items() if a not in current}
    merged = dict(sorted({**current, **added}.items()))
    header = (
        "# Adresses déjà publiées, chacune redirigée vers l'article (nom du fichier sans .txt).\n"
        "# Voir chronique/urls.py ; `python -m chronique.urls EXPORT` en ajoute.\n"
    )
    body = "".join(
        f"{json.dumps(a, ensure_ascii=False)}: {json.dumps(i, ensure_ascii=False)}\n" for a, i in merged.items()
    )
    path.write_text(header + body, encoding="utf-8")
    return len(added)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m chronique.urls",
        description="Ajoute à seeds/redirects.yml les adresses d'articles d'un site publié (son data/articles.json).",
    )
    parser.add_argument("export", help="data/articles.json du site publié : un fichier ou une URL")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="dossier des articles (défaut : seeds/)")
    args = parser.parse_args(argv)
    if re.match(r"https?://", args.export):
        with urllib.request.urlopen(args.export, timeout=60) as response:
            export = json.load(response)
    else:
        export = json.loads(Path(args.export).read_text(encoding="utf-8"))
    added = add_to_redirect_file(args.seeds / REDIRECTS_FILE, addresses_of_export(export))
    print(f"{args.seeds / REDIRECTS_FILE} : {count(added, 'adresse ajoutée', 'adresses ajoutées')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
