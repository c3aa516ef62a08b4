"""The library internals the speed code (chronique/site/) relies on, one test each: when
an upgrade of MkDocs, Python-Markdown, Material or Pagefind changes one, its test fails
and says what breaks and where. The list, with why each is needed, is the docstring of
chronique/site/__init__.py; the first test keeps it and this file in step."""

from __future__ import annotations

import inspect
import re
import subprocess
from pathlib import Path

import markdown
import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

import chronique.site
from chronique.site import hooks, index_keys
from chronique.site.search import pagefind_command
from tests.conftest import ROOT


def test_the_package_docstring_lists_every_test_here_and_only_those():
    listed = set(re.findall(r"^  (test_\w+)$", chronique.site.__doc__, re.M))
    here = {name for name in globals() if name.startswith("test_")} - {
        "test_the_package_docstring_lists_every_test_here_and_only_those"
    }
    assert listed == here, (
        f"chronique/site/__init__.py lists {sorted(listed - here)} that this file lacks, and this file has "
        f"{sorted(here - listed)} that it does not list: each internal the speed code relies on is named there "
        "with the test that guards it"
    )


def test_mkdocs_dirty_build_reads_and_renders_only_files_whose_is_modified_is_true():
    for step in (mkdocs_build._populate_page, mkdocs_build._build_page):
        assert "if dirty and not page.file.is_modified():" in inspect.getsource(step), (
            f"MkDocs' {step.__name__} no longer skips a page through File.is_modified() in a dirty build: "
            "the render in shares (hooks.on_files) and the incremental render (chronique/site/render.py) rely on it"
        )


def test_mkdocs_copies_a_static_file_in_a_dirty_build_only_when_it_is_modified():
    assert "if dirty and not self.is_modified():" in inspect.getsource(File.copy_file), (
        "MkDocs' File.copy_file no longer skips an unmodified file in a dirty build: the shares other than the "
        "first (hooks.on_files) would each copy the theme's and docs/' own files again, all at once"
    )


def test_mkdocs_static_templates_are_a_set_a_share_can_empty():
    config = load_config(str(ROOT / "mkdocs.yml"))
    templates = config.theme.static_templates
    assert isinstance(templates, set) and {"404.html", "sitemap.xml"} <= templates, (
        "MkDocs' theme.static_templates is no longer the set of 404.html and sitemap.xml: the shares other "
        "than the first clear it so that one process writes them (hooks.on_files)"
    )
    assert "for template in config.theme.static_templates:" in inspect.getsource(mkdocs_build.build), (
        "MkDocs no longer renders the static templates from theme.static_templates after on_files"
    )


def test_a_page_mkdocs_did_not_read_again_has_no_markdown_and_no_meta(tmp_path):
    config = load_config(str(ROOT / "mkdocs.yml"))
    (tmp_path / "a.md").write_text('---\ndate: "2026-02-04"\n---\n# A\n', encoding="utf-8")
    page = Page(None, File("a.md", str(tmp_path), str(tmp_path / "site"), False), config)
    assert page.markdown is None and page.meta == {}, (
        "MkDocs' Page no longer starts with markdown None and meta {}: hooks.on_env tells the pages "
        "a dirty build did not read again by that, to give the sitemap their dates"
    )


def test_mkdocs_renders_the_sitemap_after_on_env_from_the_documentation_pages():
    source = inspect.getsource(mkdocs_build.build)
    on_env = source.find("config.plugins.on_env(")
    templates = source.find("for template in config.theme.static_templates:")
    assert 0 <= on_env < templates, (
        "MkDocs no longer runs on_env before it renders the static templates: hooks.on_env gives the pages a "
        "dirty build did not read again their dates there, for the sitemap (overrides/sitemap.xml)"
    )
    assert "files = files.documentation_pages()" in inspect.getsource(mkdocs_build.get_context), (
        "MkDocs' template context no longer gives the documentation pages as `pages`: overrides/sitemap.xml "
        "reads each page's date from them, which hooks.on_env fills in"
    )


def test_mkdocs_get_data_reads_a_page_s_front_matter():
    from mkdocs.utils.meta import get_data

    text, meta = get_data('---\ndate: 2026-02-04\ndate_precision: "day"\n---\n# A\n')
    assert str(meta.get("date")) == "2026-02-04" and meta.get("date_precision") == "day" and text.strip() == "# A", (
        f"mkdocs.utils.meta.get_data no longer returns (Markdown, front matter) (got {text!r}, {meta!r}): "
        "hooks.page_dates reads a hand-written page's date with it, as MkDocs would"
    )


def test_mkdocs_warns_of_a_dirty_build_in_words_the_render_filters_out():
    assert "A 'dirty' build is being performed" in inspect.getsource(mkdocs_build.build), (
        "MkDocs' warning for a dirty build changed its words: chronique/site/render.py (_DropDirtyWarning) drops it so "
        "that a strict incremental render does not fail on it"
    )
    assert mkdocs_build.log.name == "mkdocs.commands.build", (
        f"MkDocs' build now logs as {mkdocs_build.log.name!r}: chronique/site/render.py adds _DropDirtyWarning "
        "to the logger 'mkdocs.commands.build', so strict mode would fail an incremental render on the warning"
    )


def test_mkdocs_lists_what_a_build_writes_from_the_docs_and_the_theme(tmp_path):
    from mkdocs.structure.files import Files, get_files
    from mkdocs.utils import clean_directory

    # a docs folder of the test's own: the project's docs/index.md is written by build.py, absent from a clone
    (tmp_path / "index.md").write_text("# Accueil\n", encoding="utf-8")
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path))
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    outputs = {file.dest_uri for file in files if file.inclusion.is_included()}
    assert isinstance(files, Files) and "index.html" in outputs and any(o.startswith("assets/") for o in outputs), (
        "MkDocs' get_files / Files.add_files_from_theme / File.inclusion changed: chronique/site/render.py "
        "(expected_outputs) lists with them what an incremental render must keep in site/"
    )
    assert callable(clean_directory), "mkdocs.utils.clean_directory is gone: the render in shares empties site/ with it"


def test_markdown_preprocessors_run_in_the_order_the_prerendered_html_hook_is_placed_in():
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=[*config.markdown_extensions, hooks.PrerenderedHtmlExtension()])
    from mkdocs.structure.pages import _RawHTMLPreprocessor

    _RawHTMLPreprocessor()._register(md)
    priorities = {item.name: item.priority for item in md.preprocessors._priority}
    assert (
        priorities.get("normalize_whitespace", 0)
        > priorities["chronique_prerendered_html"]
        > priorities.get("mkdocs_raw_html", 99)
        > priorities.get("html_block", 99)
    ), (
        f"Python-Markdown's or MkDocs' preprocessors moved ({priorities}): the pre-rendered HTML hook must run after "
        "whitespace normalisation and before MkDocs' anchor reader and the HTML block reader"
    )


def test_markdown_stashes_a_raw_html_block_as_the_hook_does():
    block = '<ul class="liste">\n<li><a href="x/">X</a></li>\n</ul>'
    md = markdown.Markdown(extensions=["md_in_html"])
    md.convert(block + "\n\nfin")
    assert md.htmlStash.rawHtmlBlocks[0] == block + "\n", (
        "Python-Markdown's HTML block reader no longer stores a block as its text and a newline: "
        "hooks.PrerenderedHtml stores blocks itself the same way (tests/test_prerendered_html.py)"
    )


@pytest.fixture(scope="module")
def pagefind_bundle(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("internals-site")
    (site / "index.html").write_text(
        '<!doctype html><html lang="fr"><head><title>t</title></head><body><main data-pagefind-body>'
        "<h1>Coopération frontalière</h1><p>Les provinces voisines renforcent leurs échanges.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )
    bundle = site / "pagefind"
    run = subprocess.run(pagefind_command(site, bundle), capture_output=True, text=True)
    assert run.returncode == 0, (
        f"Pagefind refused the command line chronique/site/search.py gives it (pagefind_command): {run.stderr}"
    )
    return bundle


def test_pagefind_indexes_with_the_options_search_py_passes(pagefind_bundle):
    import json

    entry = json.loads((pagefind_bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = sorted(entry.get("languages", {}))
    assert (pagefind_bundle / "pagefind.js").is_file() and languages == ["fr"], (
        f"Pagefind, run as search.pagefind_command runs it (--site, --output-path, --force-language fr), no longer "
        f"writes pagefind.js and one French index (languages: {languages}): chronique/site/search.py tells a "
        "complete bundle by its pagefind.js, and every page must share one stemmer"
    )


def test_pagefind_index_chunks_are_signed_cbor_whose_first_item_lists_the_words(pagefind_bundle):
    keys = index_keys.read_index_keys(pagefind_bundle)
    assert keys is not None and {"cooper", "provinc"} & keys, (
        f"Pagefind's index chunks are no longer gzip'd CBOR after {index_keys.SIGNATURE!r} listing the words "
        f"(read: {keys}): chronique/site/index_keys.py reads them to find what a kept bundle lacks"
    )


def test_pagefind_js_offers_what_search_js_calls(pagefind_bundle):
    script = (pagefind_bundle / "pagefind.js").read_text(encoding="utf-8")
    exported = re.search(r"export\s*\{([^}]*)\}", script)
    names = {part.split(" as ")[-1].strip() for part in exported.group(1).split(",")} if exported else set()
    needed = {"options", "init", "mergeIndex", "search", "filters", "preload"}
    assert needed <= names, (
        f"Pagefind's pagefind.js no longer exports {sorted(needed - names)}: chronique/site/search.js calls them"
    )


def test_pagefind_merges_its_instances_results_by_score(pagefind_bundle):
    script = (pagefind_bundle / "pagefind.js").read_text(encoding="utf-8")
    assert ".flat().sort((a,b)=>b.score-a.score)" in script, (
        "Pagefind no longer merges the results of merged indexes by score: search.js asks each bundle apart "
        "for a sorted search because of it (searches(), onlyBundle()), and may no longer need to"
    )


def test_pagefind_releases_results_through_a_finalization_registry_made_as_an_instance_starts(pagefind_bundle):
    script = (pagefind_bundle / "pagefind.js").read_text(encoding="utf-8")
    assert "this.initCleanup();" in script and "this.cleanup=new FinalizationRegistry(" in script, (
        "Pagefind no longer makes its FinalizationRegistry as an instance starts: search.js hands it one that "
        "defers the releases while the reader types (withDeferredReleases), and would no longer take effect"
    )


def test_material_base_template_has_what_the_search_box_and_pagefind_rely_on():
    config = load_config(str(ROOT / "mkdocs.yml"))
    env = config.theme.get_env()
    source, filename, _ = env.loader.get_source(env, "base.html")
    assert "/overrides/" not in filename.replace("\\", "/"), "overrides/base.html would hide Material's own"
    needed = {
        "{% block content %}": "overrides/main.html wraps an article's content in data-pagefind-body there, the "
        "only part of the site Pagefind indexes (chronique/site/search.py)",
        '{% include "partials/header.html" %}': "overrides/partials/header.html puts the Pagefind search box in it",
        'id="__search"': "the search box (overrides/partials/search.html) opens with that toggle, and "
        "chronique/site/search.js looks it up",
        "{% for script in config.extra_javascript %}": "chronique/site/search.js is loaded as extra_javascript",
    }
    missing = {text: why for text, why in needed.items() if text not in source}
    assert not missing, "Material's base.html changed: " + "; ".join(
        f"{text!r} is gone, and {why}" for text, why in missing.items()
    )
