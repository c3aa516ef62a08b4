"""MkDocs takes the HTML blocks build.py writes (paragraphs, lists of articles) as they
are, without reading them with two HTML parsers (chronique/site/hooks.py): every
page comes out the same, byte for byte, as through Python-Markdown's own HTML reader,
the fixture site (tests/fixtures/site/) and the hostile fixtures included."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from chronique.site import hooks
from tests.conftest import build_folder, copy_hand_written_docs, copy_site_fixtures, mkdocs_project

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The fixture site and every hostile fixture built into docs/, with the project's mkdocs.yml."""
    root = tmp_path_factory.mktemp("prerendered")
    seeds = copy_site_fixtures(root / "seeds")
    for path in HOSTILE.iterdir():
        if path.is_file():
            shutil.copy(path, seeds / path.name)
    docs = root / "docs"
    copy_hand_written_docs(docs)
    build_folder(seeds, docs)
    return mkdocs_project(docs, root / "project")


def rendered_pages(config) -> dict[str, tuple]:
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    get_navigation(files, config)
    pages = {}
    for file in files.documentation_pages():
        page = file.page or Page(None, file, config)
        page.read_source(config)
        page.render(config, files)
        pages[file.src_uri] = (
            page.content,
            page.title,
            [(i.id, i.title) for i in page.toc.items],
            page.present_anchor_ids,
        )
    return pages


def test_every_page_renders_the_same_with_the_html_taken_as_written(project):
    config = load_config(str(project), strict=True)
    through_markdown = rendered_pages(config)
    config = config.plugins.on_config(config)  # the hooks of mkdocs.yml register the extension
    # (MkDocs loads the hooks file as a module of its own: the class is compared by name)
    assert "PrerenderedHtmlExtension" in {type(e).__name__ for e in config.markdown_extensions}
    taken_as_written = rendered_pages(config)
    assert len(through_markdown) > 40
    assert taken_as_written.keys() == through_markdown.keys()
    for path, page in through_markdown.items():
        assert taken_as_written[path] == page, path


def stashed(text: str) -> list[str]:
    md = markdown.Markdown(extensions=["md_in_html", "attr_list", hooks.PrerenderedHtmlExtension()])
    md.preprocessors["chronique_prerendered_html"].run(text.split("\n"))
    return md.htmlStash.rawHtmlBlocks


def test_a_generated_pages_html_blocks_are_taken_but_nothing_markdown_or_mkdocs_must_read(project):
    docs = project.parent / "docs"
    article = next(
        p
        for p in sorted((docs / "articles").rglob("*.md"))
        if '<ul class="chronique-related" data-pagefind-ignore>' in p.read_text(encoding="utf-8")
    )
    text = article.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    blocks = stashed(text)
    paragraphs = text.count("\n<p>")
    assert paragraphs and sum(b.startswith("<p>") for b in blocks) == paragraphs
    assert any(b.startswith('<ul class="chronique-related" data-pagefind-ignore>') for b in blocks)
    assert not any("## " in b or "markdown=" in b for b in blocks)

    generated = f"\n{hooks.GENERATED} -->\n\n"
    assert stashed(generated + '<div id="ancre">a</div>\n') == []  # MkDocs reads its anchors
    assert stashed(generated + '<div markdown="1">*a*</div>\n') == []  # md_in_html reads it
    assert stashed(generated + "<p>a</p>\n<p>b</p>\n") == []  # two elements: Markdown's reader
    assert stashed(generated + "<p>a</p>\n") == ["<p>a</p>\n"]
    assert stashed("\n<p>a</p>\n") == []  # a hand-written page: Markdown reads all of it
