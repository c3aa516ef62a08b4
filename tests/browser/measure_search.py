"""What one search costs a reader: `python -m tests.browser.measure_search SITE [QUERY...]`.

Serves a built and indexed site (make site, or a synthetic one from
`python -m chronique.synth`) on 127.0.0.1 and, in Debian's chromium, for each
query in a fresh browser (empty cache): opens the home page, puts the cursor in
the search box (which starts loading Pagefind), types the query, and reports
- the bytes downloaded from the focus on (Pagefind's script, its WebAssembly,
  the index chunks for the query's words, the fragments of the results shown),
- the time from the query's input event to its results in the page, for that
  first query and for a second one typed after it.
The server does not compress: the sizes are what is on disk (Pagefind's index and
fragments are gzip files already).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from chronique.audit import CHROMIUM, CHROMIUM_ARGS, serve

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
    if "/pagefind/index/" in url:
        return "index chunks"
    if "/pagefind/fragment/" in url:
        return "fragments"
    if "/pagefind/filter/" in url:
        return "filters"
    if name.startswith("wasm."):
        return "wasm"
    if "/pagefind/" in url:
        return "pagefind.js, entry, meta"
    return "other"


def measure(browser, base_url: str, query: str, second: str) -> dict:
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
    first = page.evaluate(TIMED_SEARCH, query)
    page.wait_for_load_state("networkidle")
    first_bytes = dict(sizes)
    again = page.evaluate(TIMED_SEARCH, second)
    context.close()
    return {"query": query, "first": first, "second": {"query": second, **again},
            "bytes": sum(first_bytes.values()), "by_kind": first_bytes, "files": dict(counts)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.browser.measure_search", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("queries", nargs="*", default=list(QUERIES))
    args = parser.parse_args(argv)
    if not (args.site / "pagefind" / "pagefind.js").is_file():
        print(f"{args.site}/pagefind/ not found: run `python -m chronique.search {args.site}`", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    articles = sum(1 for _ in (args.site / "articles").rglob("index.html"))
    index_bytes = sum(p.stat().st_size for p in (args.site / "pagefind").rglob("*") if p.is_file())
    print(f"{articles} articles; Pagefind bundle {index_bytes / 1e6:.1f} MB on disk")
    ok = True
    with serve(args.site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for i, query in enumerate(args.queries):
                second = args.queries[(i + 1) % len(args.queries)]
                result = measure(browser, base_url, query, second)
                first, again = result["first"], result["second"]
                ok &= result["bytes"] <= BUDGET_BYTES and again["ms"] <= BUDGET_MS and first["state"] == "done"
                detail = ", ".join(f"{kind} {size / 1000:.0f} kB ({result['files'][kind]})"
                                   for kind, size in sorted(result["by_kind"].items()))
                print(f"« {query} »: {first['status']}; {result['bytes'] / 1000:.0f} kB downloaded [{detail}]; "
                      f"results in {first['ms']:.0f} ms (first search, Pagefind loading), "
                      f"« {second} » then in {again['ms']:.0f} ms")
        finally:
            browser.close()
    print(f"Budget ({BUDGET_BYTES / 1e6:.1f} MB a search, {BUDGET_MS} ms once loaded): {'tenu' if ok else 'dépassé'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
