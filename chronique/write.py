"""Site -> pages (Jinja2), each handed on as soon as it is rendered.

render_into() puts every generated file, one at a time, into a Pages: a build's
publish.Staging writes each into the staging copy of docs/ at once, so no process
ever holds every page's text (at 100,000 articles, gigabytes). The article pages of a
large site are rendered in a forked process, which writes them into the same staging
copy and sends back only their digests. render() collects the pages in memory instead
and returns {path: text}, so golden and determinism tests run without docs/.
publish.py is the only module that writes docs/.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import os
import posixpath
import re
from contextlib import suppress
from functools import lru_cache
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import __version__
from . import schema
from .charts import bar_chart, dot_chart, month_points
from .collect import UNDATED, Entry, Site
from .executors import StopFlag, in_background
from .site.hooks import REDIRECTS
from .text import count, fold, french_date, french_month
from .profiles import MONTHS, Profiles, build_profiles
from .urls import redirect_list

PAGER_AROUND = 2  # page numbers linked either side of the current one
PAGE_SIZE = 100
MARKER = "Généré par Chronique"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# '#' anywhere: a heading drops trailing ones. '>' needs nothing: it is already &gt;.
_ALWAYS = re.compile(r"([\\`*_{}\[\]|#])")
_LINE_START = re.compile(r"^([+\-!]|\d+[.)])")
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def md(text: str) -> str:
    """Text shown as written: nothing in it is read as Markdown or HTML.

    Every use is inline (a paragraph, a heading, a link's text, a table cell), so a
    line break becomes a space and leading blanks go (they would make a code block).
    '!' opening a line would start an admonition; '=' would underline the line above
    as a heading and has no backslash escape in Markdown, so it is an entity."""
    text = _LINE_BREAK.sub(" ", text).strip(" \t")
    text = html.escape(text, quote=False)
    text = _ALWAYS.sub(r"\\\1", text)
    if text.startswith("="):
        return "&#61;" + text[1:]
    return _LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links, percent-encoded so no character can end the link early."""
    if not url or not re.match(r"^https?://", url, re.IGNORECASE):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~").replace("(", "%28").replace(")", "%29").replace("'", "%27")


# MkDocs renders its theme without autoescaping, and Material (and overrides/) put a
# page's title and description into the HTML as they are: <title>, the header,
# <meta content="…">. So these two are stored as HTML text: "<script>" in a title
# is shown as written and runs nowhere.
HTML_META = ("title", "description")


def meta_html(text: str) -> str:
    return html.escape(text, quote=False).replace('"', "&quot;")


# YAML's double-quoted style is JSON's string syntax plus a few escapes, so a value is
# written with json.dumps (C, and ten times faster than a YAML emitter on every page of
# every build), accents as they are. What YAML reads differently from JSON is escaped:
# NEL, LS and PS (line breaks to YAML), C1 controls and other non-printable characters.
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_value(value) -> str:
    """A front-matter value in YAML flow style: null, a number, a double-quoted string, or a list of them."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if isinstance(value, str) else text


def front_matter(meta: dict) -> str:
    """YAML that MkDocs reads back to exactly these values (title and description as HTML)."""
    return "".join(
        f"{key}: {yaml_value(meta_html(v) if key in HTML_META and isinstance(v, str) else v)}\n"
        for key, v in meta.items()
    )


def yaml_text(text: str) -> str:
    """A title or description in a list page's front matter: HTML text (HTML_META) as
    a YAML scalar, written as every page's front matter is."""
    return yaml_value(meta_html(text))


# The stand-in for an article's URL in its list item (Renderer.entry_html), cut at its
# first occurrence: only the date comes before the URL, and no date holds a NUL.
URL_SLOT = "\0"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The templates' Jinja environment: the same for every site (what differs from a site to
    another comes in each page's context), so built once, and its templates compiled once."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters.update(md=md, html=lambda t: html.escape(str(t)), url=safe_url, yaml_text=yaml_text)
    env.globals.update(
        when=Renderer.when,
        event_when=lambda ev: french_date(ev.date.value, ev.date.precision),
        count=count,
        pager_numbers=pager_numbers,
        page_url_from=page_url_from,
        marker=MARKER,
        version=__version__,
    )
    return env


@dataclass(frozen=True)
class SiteInfo:
    url: str  # absolute base URL of the published site, ending with /
    name: str
    description: str


def _environment_value(loader, node):
    """MkDocs' `!ENV VAR` / `!ENV [VAR, OTHER, default]`: the first variable set, else the
    default. The workflow sets the published address this way (CHRONIQUE_SITE_URL)."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if os.environ.get(v)), default)


def read_mkdocs_config(config: Path) -> dict:
    """mkdocs.yml as data, its !! tags read as nothing and !ENV resolved ({} when there is none)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_constructor("!ENV", _environment_value)
    return yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) if config.exists() else {}


def site_info(data: dict) -> SiteInfo:
    """site_url, site_name and site_description from mkdocs.yml's data."""
    url = (data.get("site_url") or "https://example.org/").rstrip("/") + "/"
    return SiteInfo(url, data.get("site_name") or "Chronique", data.get("site_description") or "")


def load_site_info(config: Path) -> SiteInfo:
    return site_info(read_mkdocs_config(config))


class Pages(Protocol):
    """Where rendered pages go, one at a time: publish.Staging writes each into the
    staging copy of docs/; Collected keeps them in memory. branch() is a new, empty one
    sending its pages to the same place (for a forked process), state() what it recorded
    (small enough to send back from the fork), merge() takes a branch's state in."""

    def put(self, path: str, text: str) -> None: ...

    def branch(self) -> Pages: ...

    def state(self): ...

    def merge(self, state) -> None: ...


class Collected:
    """The pages in memory, {path: text}: what render() returns."""

    def __init__(self):
        self.files: dict[str, str] = {}

    def put(self, path: str, text: str) -> None:
        if path in self.files:
            raise ValueError(f"page générée deux fois : {path}")
        self.files[path] = text

    def branch(self) -> Collected:
        return Collected()

    def state(self) -> dict[str, str]:
        return self.files

    def merge(self, state: dict[str, str]) -> None:
        for path, text in state.items():
            self.put(path, text)


class RenderStopped(RuntimeError):
    """The forked half of a render, stopped because the other half failed."""


class Renderer:
    def __init__(self, site: Site, info: SiteInfo, today: dt.date | None = None):
        self.site = site
        self.info = info
        self.today = today  # the build's date: what is still "à venir" (SOURCE_DATE_EPOCH when set)
        self.env = environment()
        self.labels = schema.LABELS.interface  # the site's words (data/labels.yml), in every page's context
        self.macros = macros(self.labels)
        self.pages: Pages = Collected()  # where each page goes once rendered (render_into)
        self.profiles: Profiles | None = None  # built once, on the first entity page
        # lookups built once: per article they would make the build quadratic
        self.titles = {fold(e.article.title): e for e in site.entries}
        self._entry_parts: dict[str, tuple[str, str]] = {}
        # previous (older) and next (newer) article, in the index's date order: dated
        # articles only, copies left out (they point to their original instead)
        dated = [e for e in site.entries if e.article.date and not e.duplicate_of]
        self.neighbours = {
            e.article.id: (dated[n + 1] if n + 1 < len(dated) else None, dated[n - 1] if n else None)
            for n, e in enumerate(dated)
        }
        # every form an article wrote leads to its entity's one page
        self.terms_by_name = {
            key: {form: t for t in terms for form in (*t.forms, t.name)} for key, terms in site.taxonomies.items()
        }

    # -- helpers used by templates -------------------------------------------------
    @staticmethod
    def when(article) -> str:
        return french_date(article.date.value, article.date.precision) if article.date else "sans date"

    @staticmethod
    def link(from_path: str, to_path: str) -> str:
        return relative_link(posixpath.dirname(from_path), to_path)

    def entry_html(self, entry: Entry, from_path: str) -> str:
        """One item of a list of articles (the `entry` macro of templates/_macros.j2),
        rendered once per article with URL_SLOT for its link: each list then puts the
        text either side of it around the URL from its own page."""
        parts = self._entry_parts.get(entry.article.id)
        if parts is None:
            head, _, tail = str(self.macros.entry(entry, URL_SLOT)).partition(URL_SLOT)
            parts = self._entry_parts[entry.article.id] = (head, tail)
        return f"{parts[0]}{page_url_from(from_path, entry.path)}{parts[1]}"

    def _page(self, template: str, path: str, **context) -> None:
        text = self.env.get_template(template).render(
            path=path,
            link=lambda to: self.link(path, to),
            url_to=lambda to: page_url_from(path, to),
            # a list's items in one call: a long list costs one template call, not one per item
            entry_list=lambda entries: "".join(f"{self.entry_html(e, path)}\n" for e in entries),
            labels=self.labels,
            site=self.site,
            info=self.info,
            **context,
        )
        self.pages.put(path, text)

    # -- the pages -------------------------------------------------------------------
    def render(self, jobs: int = 1) -> dict[str, str]:
        """Every page's text, by path (sorted): render_into() a Collected."""
        pages = Collected()
        self.render_into(pages, jobs)
        return dict(sorted(pages.files.items()))

    def render_into(self, pages: Pages, jobs: int = 1) -> None:
        """Every page, each put into `pages` as soon as it is rendered. With jobs > 1 (the
        pipeline asks for it on a large site: Settings.thresholds.render_articles), the
        article pages are rendered in a forked process while the list pages are rendered
        here, about half the work each: the fork puts them into a branch of `pages` (a
        Staging's branch writes into the same folder) and sends back only that branch's
        state, which is merged here. If this side fails, the fork is told to stop and
        waited for before the error goes on: nothing writes into a staging once it is removed
        (and a build killed mid-way kills the fork with it: executors.py)."""
        entries = self.site.entries
        stop = StopFlag()

        def article_pages():
            self.pages = pages.branch()
            self._article_pages(entries, stop)
            return self.pages.state()

        articles = in_background(article_pages, enabled=jobs > 1)
        self.pages = pages
        try:
            self._list_pages()
        except BaseException:
            if articles is not article_pages:  # forked (else nothing runs until asked for)
                stop.set()
                with suppress(BaseException):
                    articles()
            raise
        state = articles()
        self.pages = pages
        pages.merge(state)
        self._redirects()

    def _article_pages(self, entries, stop: StopFlag) -> None:
        for entry in entries:
            if stop.is_set():
                raise RenderStopped("rendu des pages d'articles arrêté : l'autre moitié du rendu a échoué")
            self._article(entry)

    def _list_pages(self) -> None:
        self._index()
        self._archives()
        for taxonomy in schema.TAXONOMIES:
            self._taxonomy(taxonomy)
        self._timeline()
        self._figures()
        self._exports()
        self._feeds()

    def _redirects(self) -> None:
        """The former addresses of articles (chronique/urls.py), for the MkDocs hook that
        writes a small static page at each, with no Markdown to render."""
        if self.site.redirects:
            pages = {i: (self.site.by_id[i].url, self.site.by_id[i].article.title) for _, i in self.site.redirects}
            self.pages.put(REDIRECTS, redirect_list(self.site.redirects, pages))

    def _article(self, entry: Entry) -> None:
        a = entry.article
        meta = {
            "title": a.title,
            "date": a.date.value.isoformat() if a.date else None,
            "date_precision": a.date.precision if a.date else None,
            "date_source": a.date.source if a.date else None,
            "date_display": self.when(a) if a.date else None,
            "source": a.source,
            "source_url": a.source_url,
            "people": list(a.people),
            "organizations": list(a.organizations),
            "places": list(a.places),
            "tags": list(a.tags),
            "description": a.summary,
            "seed": a.seed,
        }
        titles = self.titles
        related_headlines = [(h, titles.get(fold(h))) for h in a.related]
        self._page(
            "article.md.j2",
            entry.path,
            entry=entry,
            a=a,
            front=front_matter(meta),
            terms=self._terms_of(entry),
            related_headlines=related_headlines,
            related=[self.site.by_id[i] for i in entry.related],
            original=self.site.by_id.get(entry.duplicate_of) if entry.duplicate_of else None,
            copies=[self.site.by_id[i] for i in entry.duplicates],
            neighbours=self.neighbours.get(a.id, (None, None)),
        )

    def _terms_of(self, entry: Entry) -> list[tuple[str, list[tuple[str, str]]]]:
        """(taxonomy title, [(name, page path)]) for the article's own terms."""
        out = []
        for taxonomy in schema.TAXONOMIES:
            by_name = self.terms_by_name[taxonomy.key]
            names = schema.taxonomy_names(entry.article, taxonomy)
            links = [(n, f"{taxonomy.folder}/{by_name[n].slug}.md") for n in names if n and n in by_name]
            if links:
                out.append((taxonomy.title, links))
        return out

    def _index(self) -> None:
        """The chronological index: newest first, by year and month, undated last;
        100 entries a page so no page grows with the corpus."""
        shown = [e for e in self.site.entries if not e.duplicate_of]
        pages = paginate(shown, PAGE_SIZE)
        paths = ["index.md"] + [f"page/{n}.md" for n in range(2, len(pages) + 1)]
        upcoming = upcoming_events(self.site.timeline, self.today)
        busiest = [
            (taxonomy, sorted(self.site.taxonomies[taxonomy.key], key=lambda t: (-len(t.ids), t.slug))[:10])
            for taxonomy in schema.TAXONOMIES
            if taxonomy.on_home
        ]
        for n, (entries, path) in enumerate(zip(pages, paths), start=1):
            self._page(
                "index.md.j2",
                path,
                groups=group_by_month(entries),
                page=n,
                pages=len(pages),
                paths=paths,
                total=len(shown),
                upcoming=upcoming if n == 1 else [],
                busiest=busiest if n == 1 else [],
                chart=self.articles_per_month_chart(24) if n == 1 else "",
            )

    def _archives(self) -> None:
        months: dict[tuple, list[Entry]] = {}
        for entry in self.site.entries:
            if entry.duplicate_of:
                continue
            a = entry.article
            key = (a.date.value.year, a.date.value.month if a.date.precision != "year" else 0) if a.date else (0, 0)
            months.setdefault(key, []).append(entry)
        listing = []
        for (year, month), entries in months.items():
            base = (
                f"archives/{year:04d}/{month:02d}"
                if year and month
                else (f"archives/{year:04d}/annee" if year else f"archives/{UNDATED}")
            )
            label = (
                f"{french_month(entries[0].article.date.value)} {year}"
                if month
                else (f"{year} (mois inconnu)" if year else "Sans date")
            )
            pages = paginate(entries, PAGE_SIZE)
            paths = [f"{base}.md"] + [f"{base}-{n}.md" for n in range(2, len(pages) + 1)]
            for n, (chunk, path) in enumerate(zip(pages, paths), start=1):
                self._page(
                    "list.md.j2",
                    path,
                    title=f"Archives : {label}",
                    entries=chunk,
                    page=n,
                    paths=paths,
                    articles=len(entries),
                    description=f"Articles de {label}.",
                )
            listing.append((year, month, label, paths[0], len(entries)))
        self._page("archives.md.j2", "archives/index.md", listing=listing, chart=self.articles_per_month_chart(None))

    def articles_per_month_chart(self, last: int | None) -> str:
        """Articles per month, oldest to newest, months without articles included."""
        counts: dict[tuple[int, int], int] = {}
        for entry in self.site.entries:
            a = entry.article
            if a.date and a.date.precision != "year" and not entry.duplicate_of:
                key = (a.date.value.year, a.date.value.month)
                counts[key] = counts.get(key, 0) + 1
        if not counts:
            return ""
        return bar_chart("articles-par-mois", "Articles par mois", month_points(counts, last))

    def figure_charts(self) -> dict[tuple, str]:
        """For each thing measured (measure, unit and parties: Vietnam–Laos trade is one
        thing, Vietnam–Cambodia trade another) in two or more years, or with a
        discrepancy, its reported values over time. Goals and forecasts are not drawn."""
        series: dict[tuple, list] = {}
        for group in self.site.figures:
            if group.year and group.reported:
                for figure, _ in group.items:
                    series.setdefault((group.measure, group.unit, group.parties), []).append(
                        (group.year, figure.value, format_value(figure.value, figure.unit))
                    )
        charts = {}
        for n, ((measure, unit, parties), points) in enumerate(sorted(series.items())):
            years = {year for year, _, _ in points}
            if len(years) >= 2 or len({v for _, v, _ in points}) >= 2:
                about = f", {format_parties(parties)}" if parties else ""
                charts[(measure, unit, parties)] = dot_chart(
                    f"chiffre-{n}", f"{measure.capitalize()}{about} ({unit}) par année", points, unit
                )
        return charts

    def _taxonomy(self, taxonomy: schema.Taxonomy) -> None:
        key, title, folder = taxonomy.key, taxonomy.title, taxonomy.folder
        terms = self.site.taxonomies[key]
        pages = paginate(list(terms), PAGE_SIZE) or [[]]  # the list page exists even when empty: the nav links it
        paths = [f"{folder}/index.md"] + [f"{folder}/page-{n}.md" for n in range(2, len(pages) + 1)]
        for n, (chunk, path) in enumerate(zip(pages, paths), start=1):
            self._page(
                "terms.md.j2",
                path,
                title=title,
                folder=folder,
                terms=chunk,
                page=n,
                paths=paths,
                total=len(terms),
                feeds=key == "tags",
            )
        for term in terms:
            entries = [self.site.by_id[i] for i in term.ids]
            term_pages = paginate(entries, PAGE_SIZE)
            # the next pages in the term's own folder: "x-2" would be the page of a term "X 2"
            term_paths = [f"{folder}/{term.slug}.md"] + [
                f"{folder}/{term.slug}/page-{n}.md" for n in range(2, len(term_pages) + 1)
            ]
            for n, (chunk, path) in enumerate(zip(term_pages, term_paths), start=1):
                self._page(
                    "list.md.j2",
                    path,
                    title=f"{title} : {term.name}",
                    entries=chunk,
                    page=n,
                    paths=term_paths,
                    articles=len(entries),
                    taxonomy=taxonomy,
                    term=term,
                    parent=term.parent and self.terms_by_name[key].get(term.parent),  # a body's parent body
                    list_path=paths[0],
                    description=f"Articles : {term.name}.",
                    # Accueil › Personnes › Tô Lâm: where a page outside the nav sits
                    breadcrumbs=[(self.labels["home"], "index.md"), (title, paths[0]), (term.name, None)],
                    **(self._profile_context(key, term) if n == 1 else {}),
                )

    def _profile_context(self, key: str, term) -> dict:
        """What the entity's first page says of it (chronique/profiles.py), with a chart of a
        person's mentions per month when they span two months or more."""
        if key not in ("people", "organizations", "places"):
            return {}
        if self.profiles is None:
            self.profiles = build_profiles(self.site, self.terms_by_name)
        profile = getattr(self.profiles, key).get(term.slug)
        months = profile.per_month if key == "people" else {}
        chart = (
            bar_chart("mentions-par-mois", "Articles citant cette personne, par mois", month_points(months, MONTHS))
            if len(months) > 1
            else ""
        )
        folders = {t.key: t.folder for t in schema.TAXONOMIES}
        titles = {t.key: t.title for t in schema.TAXONOMIES}
        return {"profile": profile, "kind": key, "chart": chart, "folders": folders, "titles": titles}

    def _timeline(self) -> None:
        events = list(self.site.chronology)  # one entry per event, with all its articles
        pages = paginate(events, PAGE_SIZE) or [[]]
        paths = ["chronologie.md"] + [f"chronologie-{n}.md" for n in range(2, len(pages) + 1)]
        for n, (chunk, path) in enumerate(zip(pages, paths), start=1):
            self._page("timeline.md.j2", path, events=chunk, page=n, paths=paths)

    def _figures(self) -> None:
        # reported values first (discrepancies at the top), then goals and forecasts
        groups = sorted(
            self.site.figures,
            key=lambda g: (
                not g.reported,
                not g.discrepancy,
                not g.measure,
                g.measure,
                -(g.year or 0),
                g.unit,
                g.parties,
            ),
        )
        pages = paginate(groups, PAGE_SIZE) or [[]]
        paths = ["chiffres-cles.md"] + [f"chiffres-cles-{n}.md" for n in range(2, len(pages) + 1)]
        for n, (chunk, path) in enumerate(zip(pages, paths), start=1):
            self._page(
                "figures.md.j2",
                path,
                groups=chunk,
                page=n,
                paths=paths,
                money=format_value,
                parties=format_parties,
                kinds=FIGURE_KINDS,
                charts=self.figure_charts() if n == 1 else {},
            )

    def _exports(self) -> None:
        records = [article_record(e, self.site) for e in self.site.entries]
        problems = [p.__dict__ for p in self.site.problems]
        # one article a line: json's C encoder (indent= falls back to the slow Python one),
        # and a diff between two builds still reads article by article
        self.pages.put(
            "data/articles.json",
            f'{{"generator": {json.dumps(f"chronique {__version__}")},\n"articles": [\n'
            + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
            + '\n],\n"problems": [\n'
            + ",\n".join(json.dumps(p, ensure_ascii=False) for p in problems)
            + "\n]}\n",
        )
        self.pages.put("data/articles.csv", articles_csv(records))

    def _feeds(self) -> None:
        from .feeds import json_feed, rss_feed  # feeds need the site's absolute URL

        items: dict[str, str] = {}  # each article's <item>, written once for all the feeds holding it
        dated = [e for e in self.site.entries if e.article.date and not e.duplicate_of]
        latest = self.labels["latest_articles"]
        self.pages.put("feed.xml", rss_feed(dated[:30], self.info, latest, "feed.xml", items))
        self.pages.put("feed.json", json_feed(dated[:30], self.info, latest, "feed.json"))
        # one feed per topic, person, organisation, place and source, linked from its page
        for taxonomy in schema.TAXONOMIES:
            for term in self.site.taxonomies[taxonomy.key]:
                entries = [self.site.by_id[i] for i in term.ids if self.site.by_id[i].article.date][:30]
                path = f"{taxonomy.folder}/{term.slug}.xml"
                title = f"{taxonomy.one_term} : {term.name}"
                self.pages.put(path, rss_feed(entries, self.info, title, path, items))


@lru_cache(maxsize=1 << 16)  # the same few folders link to the same pages, thousands of times
def relative_link(from_folder: str, to_path: str) -> str:
    """posixpath.relpath for the docs tree's own clean relative paths, without its
    calls to the file system (os.getcwd): tens of thousands of links a build."""
    source = from_folder.split("/") if from_folder else []
    target = to_path.split("/")
    common = 0
    while common < min(len(source), len(target) - 1) and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


@lru_cache(maxsize=1 << 16)
def page_url(path: str) -> str:
    """The URL MkDocs gives a Markdown page (use_directory_urls): a/b.md -> a/b/, a/index.md -> a/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def page_url_from(from_path: str, to_path: str) -> str:
    """The relative URL from one generated page to another, as the browser resolves it."""
    from_folder = page_url(from_path).rstrip("/")
    target = page_url(to_path)
    if from_folder.partition("/")[0] != target.partition("/")[0]:
        # nothing in common (a list page linking articles, tens of thousands a build)
        return "../" * (from_folder.count("/") + 1 if from_folder else 0) + target or "./"
    link = relative_link(from_folder, target + "x").removesuffix("x")  # "x": a file in the target folder
    return link or "./"


def pager_numbers(last: int, current: int) -> list[int | None]:
    """The page numbers a pager links (None: a gap, shown "…"): the first and the last,
    PAGER_AROUND either side of the current one. Every page number would put a hundred
    links on each page of a list of a hundred pages."""
    numbers = sorted({1, last, *range(max(1, current - PAGER_AROUND), min(last, current + PAGER_AROUND) + 1)})
    shown: list[int | None] = []
    for before, number in zip([0, *numbers], numbers):
        if number - before > 1:
            shown.append(None)
        shown.append(number)
    return shown


def pager_html(from_path: str, paths: list[str], current: int) -> str:
    """The pager of the page from_path (the `pager` macro of templates/_macros.j2):
    the numbers of pager_numbers(), the previous page and the next."""
    return str(macros(schema.LABELS.interface).pager(from_path, paths, current))


def macros(labels: dict[str, str]):
    """templates/_macros.j2's macros, called from Python, with the site's words."""
    return environment().get_template("_macros.j2").make_module({"labels": labels})


def paginate(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def group_by_month(entries: list[Entry]) -> list[tuple[str, list[tuple[str, list[Entry]]]]]:
    """[(year label, [(month label, entries)])], in the entries' order; undated last."""
    years: dict[str, dict[str, list[Entry]]] = {}
    for entry in entries:
        a = entry.article
        if a.date is None:
            year, month = "Sans date", ""
        else:
            year = str(a.date.value.year)
            month = french_month(a.date.value).capitalize() if a.date.precision != "year" else "Mois inconnu"
        years.setdefault(year, {}).setdefault(month, []).append(entry)
    return [(year, list(months.items())) for year, months in years.items()]


FIGURE_KINDS = {"value": "valeur", "target": "objectif", "forecast": "prévision"}


def format_parties(parties: tuple[str, ...]) -> str:
    """Vietnam–Laos: the countries a figure concerns, as a heading names them."""
    return "–".join(parties)


def format_value(value: float, unit: str) -> str:
    from babel.numbers import format_decimal

    for scale, word in ((1e9, "milliards"), (1e6, "millions")):
        if value >= scale:
            return f"{format_decimal(value / scale, locale='fr_FR')} {word} {unit}"
    return f"{format_decimal(value, locale='fr_FR')} {unit}"


def article_record(entry: Entry, site: Site) -> dict:
    """One article in data/articles.json (the stable, documented schema)."""
    a = entry.article
    return {
        "id": a.id,
        "seed": a.seed,
        "slug": entry.slug,
        "url": entry.url,
        "title": a.title,
        "title_source": a.title_source,
        "date": a.date.iso if a.date else None,
        "date_precision": a.date.precision if a.date else None,
        "date_source": a.date.source if a.date else None,
        "date_evidence": a.date.evidence if a.date else None,
        "source": a.source,
        "source_url": a.source_url,
        "people": list(a.people),
        "organizations": list(a.organizations),
        "places": list(a.places),
        "tags": list(a.tags),
        "photos": [
            {
                "file": p.file,
                "caption": p.caption,
                "credit": p.credit,
                "taken": p.taken.isoformat() if p.taken else None,
            }
            for p in a.photos
        ],
        "related": list(a.related),
        "figures": [
            {
                "text": f.text,
                "value": f.value,
                "unit": f.unit,
                "measure": f.measure,
                "year": f.year,
                "kind": f.kind,
                "parties": list(f.parties),
                "parties_source": f.parties_source,
                "context": f.context,
            }
            for f in a.figures
        ],
        "events": [
            {
                "date": ev.date.iso,
                "date_precision": ev.date.precision,
                "sentence": ev.sentence,
                "announced": ev.announced,
            }
            for ev in a.events
        ],
        "summary": a.summary,
        "words": a.words,
        "duplicate_of": entry.duplicate_of,
    }


def articles_csv(records: list[dict]) -> str:
    """data/articles.csv: every field of articles.json, one cell each, for a French
    spreadsheet: UTF-8 with a BOM (else Excel reads the accents as cp1252) and ';'
    between cells (a French Excel's list separator; ',' is its decimal comma). A list
    of names is one cell ('a; b'); photos, figures and events are counted."""
    buffer = io.StringIO()
    columns = list(records[0]) if records else []  # an empty site: an empty sheet
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    if columns:
        writer.writerow(columns)
    for record in records:
        writer.writerow([csv_cell(column, record[column]) for column in columns])
    return "\ufeff" + buffer.getvalue()


COUNTED_IN_CSV = ("photos", "figures", "events")  # lists of records: the sheet says how many


def csv_cell(column: str, value) -> str:
    if value is None:
        return ""
    if column in COUNTED_IN_CSV:
        return str(len(value))
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def upcoming_events(timeline, today: dt.date | None, limit: int = 5) -> list:
    """The home page's "À venir": events after the build's date, soonest first, each once.
    Judged against the build's date only (whether an article announced it is judged
    against the article's own date, in the chronology). An event known to the month is
    to come only from the next month on, one known to the year only is left out (a goal
    year, "d'ici 2030", is no event to announce): a gap rather than a past event shown
    as to come."""
    if today is None:
        return []
    seen, found = set(), []
    for event, article_id in sorted(timeline, key=lambda item: (item[0].date.value, item[0].sentence, item[1])):
        date = event.date
        if date.precision == "day":
            to_come = date.value > today
        elif date.precision == "month":
            to_come = (date.value.year, date.value.month) > (today.year, today.month)
        else:
            to_come = False
        if to_come and (date.iso, event.sentence) not in seen:
            seen.add((date.iso, event.sentence))
            found.append((event, article_id))
    return found[:limit]


def render(site: Site, info: SiteInfo, jobs: int = 1, today: dt.date | None = None) -> dict[str, str]:
    """Every page's text, by path (sorted), in memory: for tests and tools."""
    return Renderer(site, info, today).render(jobs)


def render_into(site: Site, info: SiteInfo, pages: Pages, jobs: int = 1, today: dt.date | None = None) -> None:
    """Every page put into `pages` as it is rendered (a build's publish.Staging)."""
    Renderer(site, info, today).render_into(pages, jobs)
