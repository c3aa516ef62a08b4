"""Index the built site for search: `python -m chronique.search site`.

Runs Pagefind over the HTML that `mkdocs build` wrote and puts its index in
site/pagefind/, which the header's search box (docs/javascripts/search.js) reads.

What gets indexed is decided in the pages (overrides/main.html): only article
pages carry `data-pagefind-body`, so indexes, taxonomy pages and archives stay
out of the results; an article's title and its people carry a higher
`data-pagefind-weight` than its text; its date, as displayed (month-only dates
stay month-only), is a `data-pagefind-meta`. Here we add what the Markdown
cannot say: the parts of an article that are about *other* articles (related
articles, "À lire aussi", the "Autre version" notes) are not indexed, or a
search would return an article for a word that only a neighbour's title holds.

Why Pagefind: Material's own search does not fold accents ("hanoi" finds no
"Hanoï") and sends one index of the whole site (~57 MB at 10,000 articles) on
the first search; Pagefind folds accents and splits its index in chunks, so one
query downloads only the chunks for its words.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

BUNDLE = "pagefind"
LANGUAGE = "fr"

# Not indexed: the "Autre version" notes, which name another article, and the line
# under the title (date · source · words), which results show from the date meta.
# (The related-articles lists are marked data-pagefind-ignore in overrides/main.html:
# Pagefind's selectors have no sibling combinator to reach a list from its heading.)
EXCLUDED = (".admonition", ".chronique-meta")
ARTICLES = "articles"  # chronique/collect.py puts every article page under articles/
STAMP = "chronique-index.json"  # in the bundle: the digest of what it was built from


def pagefind_command(site: Path) -> list[str]:
    return [
        sys.executable, "-m", "pagefind",
        "--site", str(site),
        "--output-subdir", BUNDLE,
        # Every page is French; forcing it keeps one index (and one stemmer) even
        # if a page came out without <html lang>.
        "--force-language", LANGUAGE,
        "--exclude-selectors", ", ".join(EXCLUDED),
        # Only article pages carry data-pagefind-body: the others need not be read.
        "--glob", f"{ARTICLES}/**/*.html",
    ]


def indexed_part(html: str) -> str:
    """What Pagefind reads in an article page: from its data-pagefind-body to the end of
    the article (the header, navigation and footer are the same on every page)."""
    start = html.find("<div data-pagefind-body>")
    end = html.rfind("</article>")
    return html[start:end] if 0 <= start < end else html


def index_site(site: Path, quiet: bool = False) -> int:
    """Run Pagefind on `site`'s article pages; returns the number of pages indexed
    (0 when their indexed parts are unchanged since the last run: nothing to do)."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"chronique.search: {site}/index.html not found: run `mkdocs build` first")
    articles = sorted((site / ARTICLES).glob("**/*.html")) if (site / ARTICLES).is_dir() else []
    bundle = site / BUNDLE
    # Pagefind cannot update an index: when no article's indexed text changed (a
    # rebuild after an edit to a list page, or to nothing), the index is kept as is.
    digest = hashlib.sha256(f"pagefind {version('pagefind')} {pagefind_command(Path('site'))[3:]}".encode())
    for page in articles:
        digest.update(page.relative_to(site).as_posix().encode() + b"\0")
        digest.update(indexed_part(page.read_text(encoding="utf-8", errors="replace")).encode() + b"\0")
    stamp = {"pages": len(articles), "digest": digest.hexdigest()}
    if (bundle / "pagefind.js").is_file() and read_json(bundle / STAMP) == stamp:
        if not quiet:
            print(f"Recherche : index inchangé ({len(articles)} articles) dans {bundle}")
        return 0
    shutil.rmtree(bundle, ignore_errors=True)  # Pagefind adds to a folder: start from an empty one
    result = subprocess.run(pagefind_command(site), capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"chronique.search: pagefind failed on {site} (exit status {result.returncode})")
    found = re.search(r"Indexed (\d+) pages?", result.stdout)
    pages = int(found.group(1)) if found else 0
    if articles and pages == 0:
        raise SystemExit(
            f"chronique.search: {len(articles)} article pages in {site} but none indexed: "
            "do they carry data-pagefind-body (overrides/main.html)?"
        )
    (bundle / STAMP).write_text(json.dumps(stamp) + "\n", encoding="utf-8")
    if not quiet:
        print(f"Recherche : {pages} articles indexés dans {bundle}")
    return pages


def read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronique.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    index_site(args.site, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
