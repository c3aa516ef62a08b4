"""Audit the built site: `python -m chronique.audit [site]` (`make audit`).

Serves site/ on 127.0.0.1 and checks, with the project's targets, on the home page, the
newest article, a person's, an organisation's and a place's page, and a search (its own
address, "?q=…", opens the search with results), each on mobile and on desktop:
- Lighthouse (npm `lighthouse`, Debian's chromium): performance >= 0.90; accessibility,
  best practices and SEO 1.00 (100);
- axe-core (npm `axe-core`, injected with Playwright; 390 px and 1280 px wide): no
  violation at all, whatever its impact;
- links: every internal href/src of every page resolves to a file of site/.
Prints the scores; exits 1 when a target is missed, 2 when a tool is missing.

Everything runs offline. Lighthouse's mobile performance score moves by about
two points between runs on this kind of machine (TOOLING.md); the others are stable.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html.parser
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .site.search import is_redirect
from .text import count

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

TARGETS = {"performance": 0.90, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
# Lighthouse's form factors, and the viewport axe looks at for each (a phone, a laptop).
FORM_FACTORS = {"mobile": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
EXIT_OK, EXIT_MISSED, EXIT_TOOLS = 0, 1, 2


@dataclass(frozen=True)
class PageScores:
    name: str
    path: str
    form_factor: str
    scores: dict[str, float]
    failing: tuple[str, ...]  # titles of the audits that lost points


@dataclass(frozen=True)
class AxeResult:
    name: str
    path: str
    form_factor: str
    violations: tuple[tuple[str, str, int], ...]  # (rule id, impact, number of nodes)


# -- serving ------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(site: Path):
    """site/ on http://127.0.0.1:<free port>/, for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def article_datetime(page: Path) -> str:
    """The date an article page shows (2026-02-04, 2026-02 or 2026; "" undated)."""
    found = re.search(r'<time datetime="([^"]+)"', page.read_text(encoding="utf-8", errors="replace"))
    return found.group(1) if found else ""


def pages_to_audit(site: Path) -> dict[str, str]:
    """name -> path: the home page, the newest article, the first person's, organisation's
    and place's pages, and a search for the longest word of the newest article's title."""
    found = (site / "articles").rglob("index.html") if (site / "articles").is_dir() else []
    articles = [p for p in found if not is_redirect(p)]  # not the former addresses' redirect pages
    pages = {"accueil": "/"}
    if articles:
        # an article's address is its file name (chronique/urls.py): the newest by its <time datetime>
        newest = max(articles, key=lambda p: (article_datetime(p), p.as_posix()))
        pages["article"] = "/" + newest.parent.relative_to(site).as_posix() + "/"
    for name, folder in (("personne", "personnes"), ("organisation", "organisations"), ("lieu", "lieux")):
        terms = sorted((site / folder).glob("*/index.html")) if (site / folder).is_dir() else []
        if terms:
            pages[name] = "/" + terms[0].parent.relative_to(site).as_posix() + "/"
    if articles and (word := search_word(newest)):
        pages["recherche"] = f"/?q={word}"
    return pages


def search_word(article_page: Path) -> str | None:
    """The longest word of an article's title: a query the site answers."""
    found = re.search(r"<h1[^>]*>(.*?)</h1>", article_page.read_text(encoding="utf-8", errors="replace"), re.S)
    words = re.findall(r"\w{4,}", re.sub(r"<[^>]+>", " ", found.group(1))) if found else []
    return max(words, key=len) if words else None


# -- Lighthouse ---------------------------------------------------------------------


def run_lighthouse(url: str, name: str, workdir: Path, form_factor: str = "mobile") -> PageScores:
    report = workdir / f"lighthouse-{name}-{form_factor}.json"
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        *(["--preset=desktop"] if form_factor == "desktop" else []),
    ]
    env = dict(os.environ, CHROME_PATH=str(CHROMIUM))
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if run.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed on {url} (exit status {run.returncode}):\n{run.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: category["score"] for key, category in data["categories"].items()}
    failing = []
    for key, category in data["categories"].items():
        for ref in category["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{key}: {audit['title']} ({audit['score']:.2f})")
    parts = urlsplit(url)
    return PageScores(
        name, parts.path + (f"?{parts.query}" if parts.query else ""), form_factor, scores, tuple(failing)
    )


# -- axe-core -----------------------------------------------------------------------

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => [v.id, v.impact, v.nodes.length]);
}"""


def run_axe(base_url: str, pages: dict[str, str]) -> list[AxeResult]:
    """axe on every page, on a phone's width and a laptop's; a search page once its
    results are shown and the panel's opening transitions have ended (colours are
    measured then)."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for form_factor, viewport in FORM_FACTORS.items():
                page = browser.new_page(viewport=viewport, locale="fr-FR")
                for name, path in pages.items():
                    page.goto(base_url + path.lstrip("/"))
                    page.wait_for_load_state("networkidle")
                    if "?q=" in path:
                        page.wait_for_function(
                            "document.querySelector('[data-chronique-search]').dataset.state === 'done'"
                        )
                    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
                    page.add_script_tag(path=str(AXE))
                    violations = tuple(map(tuple, page.evaluate(AXE_RUN)))
                    results.append(AxeResult(name, path, form_factor, violations))
                page.close()
        finally:
            browser.close()
    return results


# -- links --------------------------------------------------------------------------


class _Links(html.parser.HTMLParser):
    ATTRIBUTES = {"href", "src"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in self.ATTRIBUTES and value:
                self.targets.append(value)


def broken_links(site: Path, base_path: str = "/") -> list[tuple[str, str]]:
    """(page, target) for every internal href/src of site/ that resolves to no file.
    Root-absolute targets ("/chronique/assets/...", as in 404.html) are read under
    the site's base path (site_url's path)."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in dict.fromkeys(parser.targets):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith("#"):
                if parts.scheme == "javascript":
                    broken.append((page.relative_to(site).as_posix(), target))
                continue
            path = unquote(parts.path)
            if not path:
                continue
            if path.startswith("/"):
                if not path.startswith(base_path):
                    broken.append((page.relative_to(site).as_posix(), target))
                    continue
                resolved = site / path[len(base_path) :]
            else:
                resolved = page.parent / path
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.append((page.relative_to(site).as_posix(), target))
    return broken


def site_base_path() -> str:
    """The path of the published address (site_url in mkdocs.yml, its !ENV tag read as
    MkDocs reads it): where 404.html's root-absolute links point."""
    from .write import load_site_info

    path = urlsplit(load_site_info(ROOT / "mkdocs.yml").url).path or "/"
    return path if path.endswith("/") else path + "/"


# -- report -------------------------------------------------------------------------


def report(
    lighthouse: list[PageScores], axe: list[AxeResult], broken: list[tuple[str, str]], pages_checked: int
) -> bool:
    ok = True
    print("Lighthouse                        " + "  ".join(f"{key:>14}" for key in TARGETS))
    for result in lighthouse:
        cells = []
        for key, target in TARGETS.items():
            score = result.scores.get(key)
            mark = "" if score is not None and score >= target else " ✗"
            ok &= not mark
            cells.append(f"{'?' if score is None else round(score * 100):>12}{mark or '  '}")
        print(f"  {result.name:<12} {result.form_factor:<7} {result.path[:12]:<12}" + "  ".join(cells))
        for line in result.failing:
            print(f"      - {line}")
    print("axe-core (violations : aucune attendue)")
    for result in axe:
        ok &= not result.violations
        detail = ", ".join(f"{rule} [{impact}, {nodes}]" for rule, impact, nodes in result.violations) or "aucune"
        print(f"  {result.name:<12} {result.form_factor:<7} {len(result.violations)}   {detail}")
    print(f"Liens internes : {pages_checked} pages, {count(len(broken), 'cassé', 'cassés')}")
    for page, target in broken[:20]:
        print(f"  {page}: {target}")
    ok &= not broken
    print("Objectifs atteints." if ok else "Objectifs manqués.")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m chronique.audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (the slow part, ~15 s a page)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)

    site = args.site
    if not (site / "index.html").is_file():
        print(f"chronique.audit: {site}/index.html not found: run `make site` first", file=sys.stderr)
        return EXIT_TOOLS
    missing = [str(p) for p in (CHROMIUM, AXE) if not p.exists()]
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        missing.append(str(LIGHTHOUSE))
    if missing:
        print(f"chronique.audit: missing {', '.join(missing)}: run `make browser-deps`", file=sys.stderr)
        return EXIT_TOOLS
    if not (site / "pagefind" / "chronique-index.json").is_file():
        print(
            f"chronique.audit: {site}/pagefind/ not found: run `python -m chronique.site.search {site}`",
            file=sys.stderr,
        )
        return EXIT_TOOLS

    pages = pages_to_audit(site)
    with serve(site) as base_url, tempfile.TemporaryDirectory(prefix="chronique-audit-") as workdir:
        lighthouse = (
            []
            if args.no_lighthouse
            else [
                run_lighthouse(base_url + path.lstrip("/"), name, Path(workdir), form_factor)
                for name, path in pages.items()
                for form_factor in FORM_FACTORS
            ]
        )
        axe = run_axe(base_url, pages)
    broken = broken_links(site, site_base_path())
    ok = report(lighthouse, axe, broken, sum(1 for _ in site.rglob("*.html")))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "lighthouse": [
                        {
                            "page": r.name,
                            "path": r.path,
                            "form_factor": r.form_factor,
                            "scores": r.scores,
                            "failing": r.failing,
                        }
                        for r in lighthouse
                    ],
                    "axe": [
                        {"page": r.name, "path": r.path, "form_factor": r.form_factor, "violations": r.violations}
                        for r in axe
                    ],
                    "broken_links": broken,
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return EXIT_OK if ok else EXIT_MISSED


if __name__ == "__main__":
    sys.exit(main())
