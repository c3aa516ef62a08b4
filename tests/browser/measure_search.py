"""What one search costs a reader: `python -m tests.browser.measure_search SITE [QUERY...]`.

Serves a built and indexed site (make site, or a synthetic one from
`python -m chronique.synth`) on 127.0.0.1 and, in Debian's chromium, for each
query in a fresh browser (empty cache): opens the home page, puts the cursor in
the search box (which starts loading Pagefind), types the query, and reports
- the bytes downloaded from the focus on (Pagefind's script, its WebAssembly,
  the index chunks for the query's words, the fragments of the results shown),
- the time from the query's input event to its results in the page: pasted
  at once into a box just focused (Pagefind still loading), then typed key by
  key (120 ms a key) once Pagefind is loaded, from the last key to the results.
The server does not compress: the sizes are what is on disk (Pagefind's index and
fragments are gzip files already).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from chronique.audit import CHROMIUM, CHROMIUM_ARGS, serve
from chronique.site.search import is_redirect

QUERIES = ("to lam", "hanoi", "economique", "Thongloun Sisoulith")
BUDGET_BYTES = 1_500_000
BUDGET_MS = 300

TIMED_SEARCH = """query => new Promise(resolve => {
  const root = document.querySelector('[data-chronique-search]');
  const input = document.getElementById('chronique-search-input');
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (root.dataset.state === 'done' || root.dataset.state === 'error') {
      observer.disconnect();
      resolve({ms: performance.now() - start, state: root.dataset.state,
               results: document.querySelectorAll('#chronique-search-results a').length,
               status: document.getElementById('chronique-search-status').textContent});
    }
  });
  observer.observe(root, {attributes: true, attributeFilter: ['data-state']});
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
})"""


def kind_of(url: str) -> str:
    name = url.rsplit("/", 1)[-1]
    if re.search(r"/pagefind/(\d+/)?index/", url):
        return "index chunks"
    if re.search(r"/pagefind/(\d+/)?fragment/", url):
        return "fragments"
    if re.search(r"/pagefind/(\d+/)?filter/", url):
        return "filters"
    if name.startswith("wasm."):
        return "wasm"
    if re.search(r"/pagefind/", url):
        return "pagefind.js, entry, meta, manifest"
    return "other"


WATCH_TYPING = """() => {
  const root = document.querySelector('[data-chronique-search]');
  const input = document.getElementById('chronique-search-input');
  window.__lastKey = 0; window.__done = 0;
  // from the key press: a query answered at once (a word the site lacks) is done
  // within the input event, before a listener added here would run
  input.addEventListener('keydown', () => { window.__lastKey = performance.now(); window.__done = 0; }, true);
  new MutationObserver(() => {
    if (root.dataset.state === 'done') window.__done = performance.now();
  }).observe(root, {attributes: true, attributeFilter: ['data-state']});
}"""


def measure(browser, base_url: str, query: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    sizes: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)

    def record(response):
        length = int(response.headers.get("content-length") or len(response.body()))
        sizes[kind_of(response.url)] += length
        counts[kind_of(response.url)] += 1

    page.on("response", record)
    page.focus("#chronique-search-input")
    pasted = page.evaluate(TIMED_SEARCH, query)
    page.wait_for_load_state("networkidle")
    downloaded = dict(sizes)
    context.close()

    # the same query typed, in a fresh browser, once Pagefind has loaded
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    page.focus("#chronique-search-input")
    # loaded: Pagefind set up and the site's words read (search.js)
    page.wait_for_selector("[data-chronique-search][data-loaded]", state="attached")
    page.evaluate(WATCH_TYPING)
    page.keyboard.type(query, delay=120)
    page.wait_for_function(
        "q => window.__done > window.__lastKey && document.getElementById('chronique-search-input').value === q"
        " && document.querySelector('[data-chronique-search]').dataset.state === 'done'",
        arg=query,
    )
    typed_ms = page.evaluate("window.__done - window.__lastKey")
    context.close()
    return {
        "query": query,
        "pasted": pasted,
        "typed_ms": typed_ms,
        "bytes": sum(downloaded.values()),
        "by_kind": downloaded,
        "files": dict(counts),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.browser.measure_search", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="*", default=list(QUERIES))
    args = parser.parse_args(argv)
    if not (args.site / "pagefind" / "chronique-index.json").is_file():
        print(f"{args.site}/pagefind/ not found: run `python -m chronique.site.search {args.site}`", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    articles = sum(1 for p in (args.site / "articles").rglob("index.html") if not is_redirect(p))
    index_bytes = sum(p.stat().st_size for p in (args.site / "pagefind").rglob("*") if p.is_file())
    print(f"{articles} articles; Pagefind bundle {index_bytes / 1e6:.1f} MB on disk")
    ok = True
    with serve(args.site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for query in args.queries:
                result = measure(browser, base_url, query)
                pasted = result["pasted"]
                ok &= result["bytes"] <= BUDGET_BYTES and result["typed_ms"] <= BUDGET_MS and pasted["state"] == "done"
                detail = ", ".join(
                    f"{kind} {size / 1000:.0f} kB ({result['files'][kind]})"
                    for kind, size in sorted(result["by_kind"].items())
                )
                print(
                    f"« {query} »: {pasted['status']}; {result['bytes'] / 1000:.0f} kB downloaded [{detail}]; "
                    f"results {pasted['ms']:.0f} ms after pasting it (Pagefind loading), "
                    f"{result['typed_ms']:.0f} ms after its last key when typed"
                )
        finally:
            browser.close()
    print(f"Budget ({BUDGET_BYTES / 1e6:.1f} MB a search, {BUDGET_MS} ms once loaded): {'tenu' if ok else 'dépassé'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
