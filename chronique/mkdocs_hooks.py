"""MkDocs hooks (mkdocs.yml `hooks:`), for incremental builds (chronique/site.py).

In a "dirty" build MkDocs reads again only the pages whose Markdown changed: the
others keep an empty `page.meta`, yet the sitemap (overrides/sitemap.xml) needs
every page's date. This reads just the dates from those pages' front matter.
A full build reads every page and this hook has nothing to do.

Loaded by MkDocs from its path, so it imports nothing from the chronique package.
"""

from __future__ import annotations

import json
import re

from mkdocs.utils.meta import get_data

HEAD = 8192  # the front matter is at the top of the page; a page's date is in its first lines
# build.py writes front-matter values as JSON scalars (chronique/write.py, front_matter)
_DATE_LINE = re.compile(r'^(date|date_precision): ("[^"\n]*"|null)$', re.M)


def page_dates(path: str) -> dict:
    """{"date": …, "date_precision": …} from a page's front matter, as MkDocs would read them."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        head = handle.read(HEAD)
    if not head.startswith("---"):
        return {}
    block = head.split("\n---", 1)[0]
    found = {key: json.loads(value) for key, value in _DATE_LINE.findall(block)}
    if "date" in found or "\ndate:" not in block:
        return found
    # a hand-written page with a date in another YAML form: read its front matter whole
    _, meta = get_data(head if "\n---" in head[3:] else "")
    return {key: meta[key] for key in ("date", "date_precision") if key in meta}


def on_env(env, config, files):
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.markdown is None and not page.meta:  # not read again in this build
            page.meta = page_dates(file.abs_src_path)
    return env
