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
import re
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
LANGUAGE = "fr"

# Not indexed: the "Autre version" notes, which name another article, and the line
# under the title (date · source · words), which results show from the date meta.
# (The related-articles lists are marked data-pagefind-ignore in overrides/main.html:
# Pagefind's selectors have no sibling combinator to reach a list from its heading.)
EXCLUDED = (".admonition", ".chronique-meta")
ARTICLE_PAGES = "articles/**/*.html"  # chronique/collect.py puts every article under articles/


def pagefind_command(site: Path) -> list[str]:
    return [
        sys.executable, "-m", "pagefind",
        "--site", str(site),
        "--output-subdir", BUNDLE,
        # Every page is French; forcing it keeps one index (and one stemmer) even
        # if a page came out without <html lang>.
        "--force-language", LANGUAGE,
        "--exclude-selectors", ", ".join(EXCLUDED),
        # Only article pages are indexed (data-pagefind-body): not parsing the other
        # pages (lists, taxonomies, archives) saves a fifth of the time at 10,000 articles.
        "--glob", ARTICLE_PAGES,
    ]


def index_site(site: Path, quiet: bool = False) -> int:
    """Run Pagefind on `site`; returns the number of pages it indexed."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"chronique.search: {site}/index.html not found: run `mkdocs build` first")
    result = subprocess.run(pagefind_command(site), capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"chronique.search: pagefind failed on {site} (exit status {result.returncode})")
    found = re.search(r"Indexed (\d+) pages?", result.stdout)
    pages = int(found.group(1)) if found else 0
    articles = sum(1 for _ in (site / "articles").glob("**/index.html")) if (site / "articles").is_dir() else 0
    if articles and pages == 0:
        raise SystemExit(
            f"chronique.search: {articles} article pages in {site} but none indexed: "
            "do they carry data-pagefind-body (overrides/main.html)?"
        )
    if not quiet:
        print(f"Recherche : {pages} articles indexés dans {site / BUNDLE}")
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronique.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    index_site(args.site, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
