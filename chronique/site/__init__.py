"""The speed code, behind one boundary: everything that turns docs/ into site/ faster
than a plain `mkdocs build` would, and the search index over it.

- hooks.py: the MkDocs hooks (mkdocs.yml `hooks:`), loaded by MkDocs from their path;
- render.py: `python -m chronique.site`, the incremental and sharded render;
- search.py: `python -m chronique.site.search`, the Pagefind bundles;
- index_keys.py: the words a Pagefind index knows, read from its chunks.

Nothing is imported here, so that `from chronique.site.hooks import REDIRECTS`
(write.py) loads the hooks alone.
"""
