"""The speed code, behind one boundary: everything that turns docs/ into site/ faster
than a plain `mkdocs build` would, and the search index over it.

- hooks.py: the MkDocs hooks (mkdocs.yml `hooks:`), loaded by MkDocs from their path,
  so they import nothing from the chronique package;
- render.py: `python -m chronique.site`, the incremental and sharded render;
- search.py: `python -m chronique.site.search`, the Pagefind bundles;
- index_keys.py: the words a Pagefind index knows, read from its chunks;
- search.js: the browser half of the search, over the bundles search.py writes; the
  hooks serve it at javascripts/search.js (mkdocs.yml `extra_javascript`).

Its search box is overrides/partials/search.html: Material's partials are replaced
from the theme's custom_dir, so it stays there.

Nothing is imported here, so that `from chronique.site.hooks import REDIRECTS`
(write.py) loads the hooks alone.

Library internals relied on
---------------------------
None of these is a documented interface: an upgrade may change any of them without
notice. Each has a test in tests/test_library_internals.py that fails, naming what
changed and what here relies on it. Upgrading MkDocs, Python-Markdown, Material or
Pagefind: run that file first.

MkDocs
- A dirty build reads and renders only the pages whose File.is_modified() is true
  (commands/build.py, _populate_page and _build_page): the render in shares
  (hooks.on_files) and the incremental render (render.py).
  test_mkdocs_dirty_build_reads_and_renders_only_files_whose_is_modified_is_true
- A dirty build copies a static file only when its File.is_modified() is true
  (File.copy_file): the shares other than the first leave the theme's and docs/'
  own files to it (hooks.on_files).
  test_mkdocs_copies_a_static_file_in_a_dirty_build_only_when_it_is_modified
- theme.static_templates is a set, read after on_files: the other shares empty it so
  that one process writes 404.html and the sitemap (hooks.on_files).
  test_mkdocs_static_templates_are_a_set_a_share_can_empty
- A page a dirty build did not read again has markdown None and meta {} (Page):
  hooks.on_env finds those pages by it and gives them their dates.
  test_a_page_mkdocs_did_not_read_again_has_no_markdown_and_no_meta
- on_env runs after the pages are read and before the static templates are rendered,
  with the documentation pages as the templates' `pages`: the sitemap
  (overrides/sitemap.xml) sees the dates hooks.on_env gave.
  test_mkdocs_renders_the_sitemap_after_on_env_from_the_documentation_pages
- mkdocs.utils.meta.get_data reads YAML front matter as MkDocs reads a page's:
  hooks.page_dates falls back on it for a hand-written page.
  test_mkdocs_get_data_reads_a_page_s_front_matter
- The words of the warning a dirty build logs, and its logger
  ("mkdocs.commands.build"): render.py's _DropDirtyWarning drops it, or strict mode
  fails an incremental render.
  test_mkdocs_warns_of_a_dirty_build_in_words_the_render_filters_out
- get_files, Files.add_files_from_theme, File.inclusion and utils.clean_directory:
  render.expected_outputs lists what an incremental render keeps in site/, and
  render.build_in_shares empties site/ as MkDocs would.
  test_mkdocs_lists_what_a_build_writes_from_the_docs_and_the_theme

Python-Markdown (and MkDocs' own preprocessor)
- The preprocessors' priorities: whitespace normalisation (30) before
  hooks.PrerenderedHtml (25), before MkDocs' raw HTML reader (21) and the HTML block
  reader (20).
  test_markdown_preprocessors_run_in_the_order_the_prerendered_html_hook_is_placed_in
- The HTML block reader stores a block in htmlStash as its text and a newline:
  hooks.PrerenderedHtml stores blocks the same way.
  test_markdown_stashes_a_raw_html_block_as_the_hook_does

Pagefind
- Its command line (`python -m pagefind --site --output-path --force-language`) writes
  pagefind.js and one index of the forced language: search.pagefind_command, and
  search.py tells a complete bundle by its pagefind.js.
  test_pagefind_indexes_with_the_options_search_py_passes
- Its index format: index/*.pf_index chunks, gzip'd CBOR after the signature
  b"pagefind_dcd", whose first item lists the words: index_keys.read_index_keys.
  test_pagefind_index_chunks_are_signed_cbor_whose_first_item_lists_the_words
- pagefind.js exports options, init, mergeIndex, search, filters and preload:
  search.js calls them.
  test_pagefind_js_offers_what_search_js_calls
- Merged indexes' results are sorted together by score: search.js asks each bundle
  apart for a sorted search because of it.
  test_pagefind_merges_its_instances_results_by_score
- An instance makes its FinalizationRegistry as it starts: search.js hands it one that
  defers the releases while the reader types (withDeferredReleases).
  test_pagefind_releases_results_through_a_finalization_registry_made_as_an_instance_starts

Material for MkDocs' templates
- base.html renders `block content` (overrides/main.html wraps an article's in
  data-pagefind-body: the only part of the site Pagefind reads, or search.py finds no
  article indexed), includes partials/header.html (overrides/partials/header.html
  puts the Pagefind search box in it), has the #__search toggle the box opens with
  (search.js looks it up), and loads extra_javascript (search.js).
  test_material_base_template_has_what_the_search_box_and_pagefind_rely_on
"""
