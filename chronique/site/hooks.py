"""MkDocs hooks (mkdocs.yml `hooks:`), for render.py's builds and for speed.

- In a "dirty" build MkDocs reads again only the pages whose Markdown changed: the
  others keep an empty `page.meta`, yet the sitemap (overrides/sitemap.xml) needs
  every page's date. `on_env` reads just the dates from those pages' front matter.
  A full build reads every page and this has nothing to do.
- A large full build renders its pages in several processes, one share each
  (CHRONIQUE_RENDER_SHARE="k/n", set by render.py): `on_files` leaves the
  other shares' pages to them, and only share 0 writes the theme's files, the 404
  page and the sitemap.
- The HTML blocks build.py writes go to Python-Markdown as they are (below).
- After the build, a small static redirect page at each former address of an article
  (docs/.chronique-redirects.json, written by build.py; chronique/urls.py).
- search.js, the browser half of search.py, lives beside it in this package:
  `on_files` hands it to MkDocs at the address mkdocs.yml's extra_javascript names.

Loaded by MkDocs from its path, so it imports nothing from the chronique package.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
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


SHARE_VARIABLE = "CHRONIQUE_RENDER_SHARE"


def render_share() -> tuple[int, int] | None:
    """(k, n): this process renders the k-th of n shares of the pages; None: all."""
    value = os.environ.get(SHARE_VARIABLE)
    if not value:
        return None
    k, n = (int(part) for part in value.split("/"))
    return k, n


def _rendered_by_another_share() -> bool:
    return False  # File.is_modified for a page of another share: a dirty build skips it


def on_files(files, config):
    add_shipped(files, config)
    share = render_share()
    if share is None:
        return files
    k, n = share
    pages = sorted(files.documentation_pages(), key=lambda file: file.src_uri)
    for position, file in enumerate(pages):
        if position % n != k:  # every n-th page: each share gets pages of every kind
            file.is_modified = _rendered_by_another_share
    if k != 0:
        for file in files:
            if not file.is_documentation_page():  # the theme's and docs/' own files: share 0 copies them
                file.is_modified = _rendered_by_another_share
        config.theme.static_templates.clear()  # 404.html, sitemap.xml: share 0 writes them
    return files


# -- files of this package served with the site ---------------------------------
_HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED = {"javascripts/search.js": os.path.join(_HERE, "search.js")}  # address in site/: the file here


def add_shipped(files, config) -> None:
    """Each of SHIPPED as a file of the site, copied as docs/' own files are (again
    in an incremental build only when it changed)."""
    from mkdocs.structure.files import File

    for uri, path in SHIPPED.items():
        if (left := files.get_file_from_path(uri)) is not None:
            files.remove(left)  # a copy left in docs/ by an older checkout: the package's is the one
        files.append(File.generated(config, uri, abs_src_path=path))


def on_env(env, config, files):
    share = render_share()
    if share is not None and share[0] != 0:
        return env  # no sitemap in this share
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.markdown is None and not page.meta:  # not read again in this build
            page.meta = page_dates(file.abs_src_path)
    return env


# -- pre-rendered HTML -------------------------------------------------------------
GENERATED = "<!-- Généré par Chronique"  # the line build.py writes under a page's front matter
# A block build.py wrote as HTML: one element, from the start of its first line to the
# end of its last. Not taken: an element md_in_html would read (its `markdown`
# attribute) or that MkDocs must know for its anchor checks (`id`, `name`).
_ELEMENT = re.compile(r"<(p|ul|ol|div|nav|figure|table)[\s>].*</\1>", re.S)
_FOR_MARKDOWN_OR_MKDOCS = re.compile(r"\s(?:markdown|id|name)=")


def prerendered(block: str) -> bool:
    element = _ELEMENT.fullmatch(block)
    if not element or _FOR_MARKDOWN_OR_MKDOCS.search(block):
        return False
    tag = element.group(1)
    return len(re.findall(rf"<{tag}[\s>]", block)) == 1 and block.count(f"</{tag}>") == 1


class PrerenderedHtml(Preprocessor):
    """Hands the HTML blocks of a generated page to Python-Markdown's stash of raw HTML
    directly, as its own HTML block reader would, without two HTML parsers (MkDocs'
    anchor reader and md_in_html's) going through them: at 10,000 articles, reading
    the HTML build.py wrote (paragraphs, lists of articles) was most of MkDocs' time.
    The page's HTML is the same byte for byte (tests/test_prerendered_html.py)."""

    def run(self, lines: list[str]) -> list[str]:
        if not any(line.startswith(GENERATED) for line in lines[:4]):
            return lines  # a hand-written page: Markdown reads all of it
        out: list[str] = []
        block: list[str] = []
        for line in lines:
            if line.strip():
                block.append(line)
                continue
            self._flush(block, out)
            block = []
            out.append(line)
        self._flush(block, out)
        return out

    def _flush(self, block: list[str], out: list[str]) -> None:
        text = "\n".join(block)
        if block and block[0].startswith("<") and prerendered(text):
            # what HTMLExtractor stores for a block followed by a blank line (the
            # whitespace preprocessor ends every document with one)
            out.append(self.md.htmlStash.store(text + "\n"))
        else:
            out.extend(block)


class PrerenderedHtmlExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # after whitespace normalisation (30), before MkDocs' anchor reader (21) and the
        # HTML block reader (20)
        md.preprocessors.register(PrerenderedHtml(md), "chronique_prerendered_html", 25)


def on_config(config):
    config.markdown_extensions.append(PrerenderedHtmlExtension())
    return config


# -- redirect pages ----------------------------------------------------------------
REDIRECTS = ".chronique-redirects.json"  # in docs/ (a dot file: MkDocs does not copy it)
# What a redirect page carries near its top: search.py leaves such pages out.
REDIRECT_MARK = '<meta http-equiv="refresh"'


def redirects_of(docs_dir: str) -> list[tuple[str, str, str]]:
    """(former address, article address, title) from build.py's list; plain relative
    folder addresses only, so a damaged list never writes outside the site."""
    try:
        with open(os.path.join(docs_dir, REDIRECTS), encoding="utf-8") as handle:
            listed = json.load(handle)
    except (OSError, ValueError):
        return []
    found = []
    for item in listed if isinstance(listed, list) else []:
        values = [item.get(key) for key in ("from", "to", "title")] if isinstance(item, dict) else []
        if len(values) == 3 and all(isinstance(v, str) and v for v in values):
            address, target, title = values
            if all(_plain_folder(a) for a in (address, target)):
                found.append((address, target, title))
    return found


def _plain_folder(address: str) -> bool:
    parts = address.split("/")
    return address.endswith("/") and not address.startswith("/") and "\\" not in address and ".." not in parts


def redirect_outputs(docs_dir: str) -> list[str]:
    """The files of site/ the redirect pages are (render.py keeps them)."""
    return [f"{address}index.html" for address, _, _ in redirects_of(docs_dir)]


def redirect_page(address: str, target: str, title: str, site_url: str) -> str:
    """A page that sends the reader (and search engines) on to the article: a meta
    refresh and a script that keeps the #fragment, a canonical link, noindex, and a
    visible French link. No theme, no Markdown: thousands cost next to nothing."""
    relative = posixpath.relpath(target, address) + "/"
    script = json.dumps(relative).replace("<", "\\u003c")  # nothing in the address can end the script
    link = html.escape(relative)
    canonical = html.escape((site_url.rstrip("/") + "/" if site_url else "/") + target)
    return (
        '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f'{REDIRECT_MARK} content="0; url={link}">\n'
        f'<link rel="canonical" href="{canonical}">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<script>location.replace({script} + location.hash)</script>\n"
        "</head>\n<body>\n"
        f'<p>Cet article a changé d\'adresse : <a href="{link}">{html.escape(title)}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def on_post_build(config):
    """Writes the redirect pages into site/ (share 0 of a build in shares), each only
    when its text changed: an incremental build leaves the others untouched."""
    share = render_share()
    if share is not None and share[0] != 0:
        return
    for address, target, title in redirects_of(config.docs_dir):
        path = os.path.join(config.site_dir, address, "index.html")
        data = redirect_page(address, target, title, config.site_url or "").encode("utf-8")
        try:
            with open(path, "rb") as handle:
                if handle.read() == data:
                    continue
        except OSError:
            pass
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
