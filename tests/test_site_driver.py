"""`make site` renders incrementally (chronique/site/render.py): after articles change, only
their pages and the pages listing them are rendered again, stale pages go, and
the result is the same site, file for file, as a full `mkdocs build --strict`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from chronique.model import Thresholds
from chronique.site import render as site_driver
from chronique.site.render import build_in_shares
from tests.conftest import build_folder, copy_hand_written_docs, copy_site_fixtures, mkdocs_project


def tree(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.name != site_driver.STAMP
    }


def render(docs: Path, workdir: Path, full: bool = False) -> tuple[Path, bool]:
    return site_driver.build_site(mkdocs_project(docs, workdir), full=full, quiet=True)


@pytest.fixture
def corpus(tmp_path):
    seeds = copy_site_fixtures(tmp_path / "seeds")
    docs = tmp_path / "docs"
    copy_hand_written_docs(docs)
    build_folder(seeds, docs)
    return seeds, docs


def test_incremental_build_renders_only_what_changed_and_equals_a_full_build(corpus, tmp_path):
    seeds, docs = corpus
    site, incremental = render(docs, tmp_path / "live")
    assert not incremental  # no previous build: everything is rendered
    assert (site / "index.html").is_file() and (site / site_driver.STAMP).is_file()

    # an article edited, one withdrawn, one added
    first, second = sorted(seeds.glob("*.txt"))[:2]
    with first.open("a", encoding="utf-8") as handle:
        handle.write("\nLe ministre a ajouté une phrase à la fin de l'article.\n")
    second.unlink()
    (seeds / "zz_nouveau.txt").write_text(
        " date 2026-03-02 Le Vietnam et le Laos signent un accord sur l'énergie\n"
        "Vientiane (VNA) - Les deux pays ont signé lundi un accord sur l'électricité.\n",
        encoding="utf-8",
    )
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    build_folder(seeds, docs)
    site, incremental = render(docs, tmp_path / "live")
    assert incremental

    after = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    untouched = [p for p in before if p in after and after[p] == before[p]]
    assert untouched, "an incremental build rendered every page again"
    assert any("energie" in p.parent.name for p in after)  # the new article's page
    full_site, _ = render(docs, tmp_path / "full", full=True)
    assert tree(site) == tree(full_site)  # same files (the withdrawn article's page gone), same bytes
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>") >= 4  # the dates of pages not rendered again are kept


def test_a_new_configuration_or_a_failed_build_means_a_full_build(corpus, tmp_path):
    _, docs = corpus
    workdir = tmp_path / "live"
    render(docs, workdir)
    assert render(docs, workdir)[1]  # nothing changed: incremental

    config = workdir / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: ", "site_name: Ma "), encoding="utf-8")
    site, incremental = site_driver.build_site(config, quiet=True)
    assert not incremental
    assert "Ma Chronique" in (site / "index.html").read_text(encoding="utf-8")
    assert site_driver.build_site(config, quiet=True)[1]

    (docs / "a-propos.md").write_text("# À propos\n\n[lien cassé](nulle-part.md)\n", encoding="utf-8")
    with pytest.raises(Exception):
        site_driver.build_site(config, quiet=True)  # strict: the broken link fails the build
    assert not (site / site_driver.STAMP).exists()
    (docs / "a-propos.md").write_text("# À propos\n\nCorrigé.\n", encoding="utf-8")
    assert not site_driver.build_site(config, quiet=True)[1]  # after a failure, everything is rendered again


def test_the_stamp_names_the_configuration(corpus, tmp_path):
    _, docs = corpus
    site, _ = render(docs, tmp_path / "live")
    stamp = json.loads((site / site_driver.STAMP).read_text(encoding="utf-8"))
    assert stamp == {"configuration": site_driver.configuration_digest(tmp_path / "live" / "mkdocs.yml")}


def test_the_search_script_is_served_from_the_package_and_kept_by_an_incremental_build(corpus, tmp_path):
    _, docs = corpus
    script = Path(site_driver.__file__).with_name("search.js").read_bytes()  # chronique/site/search.js
    assert not (docs / "javascripts").exists()  # not a file of docs/: the hooks add it
    site, _ = render(docs, tmp_path / "live")
    assert (site / "javascripts" / "search.js").read_bytes() == script
    site, incremental = render(docs, tmp_path / "live")
    assert incremental and (site / "javascripts" / "search.js").read_bytes() == script  # not removed as stale


def shares_recorded(monkeypatch) -> list[tuple[int, str]]:
    """(shares, the executor's class) of each render in shares, as it happens."""
    calls = []

    def recorded(config, shares, executor):
        calls.append((shares, type(executor).__name__))
        return build_in_shares(config, shares, executor)

    monkeypatch.setattr(site_driver, "build_in_shares", recorded)
    return calls


def test_a_full_build_on_two_cores_is_the_same_site_as_on_one(corpus, tmp_path, monkeypatch):
    _, docs = corpus
    one, _ = site_driver.build_site(mkdocs_project(docs, tmp_path / "one"), full=True, quiet=True, jobs=1)
    calls = shares_recorded(monkeypatch)
    every_page = Thresholds(site_pages=1)  # the seeds' few pages, in two shares
    two, incremental = site_driver.build_site(
        mkdocs_project(docs, tmp_path / "two"), full=True, quiet=True, jobs=2, thresholds=every_page
    )
    assert calls == [(2, "NoneType")] and not incremental  # forked processes, the default
    assert tree(two) == tree(one)  # every page, the theme's files, 404.html and the sitemap, byte for byte
    assert site_driver.SHARE_VARIABLE not in os.environ


def test_a_page_that_fails_in_the_other_process_fails_the_build(corpus, tmp_path, monkeypatch):
    _, docs = corpus
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    # a page with a broken link that falls in share 1 of 2 (every other page, by path),
    # where only the forked process reads it (sujets/ is out of the nav, like a term's page)
    broken = "sujets/zz-lien.md"
    if sorted([*pages, broken]).index(broken) % 2 == 0:
        (docs / "sujets" / "zz-autre.md").write_text("# Autre\n\nUne page de plus.\n", encoding="utf-8")
    (docs / broken).write_text("# Lien\n\n[lien cassé](nulle-part.md)\n", encoding="utf-8")
    config = mkdocs_project(docs, tmp_path / "two")
    with pytest.raises(RuntimeError, match="part 1 sur 2"):
        site_driver.build_site(config, full=True, quiet=True, jobs=2, thresholds=Thresholds(site_pages=1))
    assert not (config.parent / "site" / site_driver.STAMP).exists()  # the next build renders everything again


def test_a_full_build_rendered_on_a_dask_cluster_is_the_same_site_as_on_one_process(corpus, tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="requirements-dask.txt")
    from chronique.executors import DaskCluster

    _, docs = corpus
    one, _ = site_driver.build_site(mkdocs_project(docs, tmp_path / "one"), full=True, quiet=True, jobs=1)
    shares_built = shares_recorded(monkeypatch)
    with DaskCluster(workers=2) as cluster:
        dask, _ = site_driver.build_site(
            mkdocs_project(docs, tmp_path / "dask"),
            full=True,
            quiet=True,
            thresholds=Thresholds(site_pages=1),
            executor=cluster,
        )
    assert shares_built == [(2, "DaskCluster")]  # one share on each worker
    assert tree(dask) == tree(one)


def test_a_full_render_in_one_process_checks_anchor_links_across_the_whole_site(corpus, tmp_path, caplog):
    """What a render in shares cannot see (each process checks the anchors of its own pages):
    the tests' single-process render reads every page, so a link to a missing anchor of
    another page fails it."""
    from mkdocs.exceptions import Abort

    _, docs = corpus
    site, _ = site_driver.build_site(mkdocs_project(docs, tmp_path / "good"), full=True, quiet=True, jobs=1)
    assert (site / "index.html").is_file()  # the whole fixture site: every anchor it links to exists
    (docs / "sujets" / "zz-ancre.md").write_text("# Ancre\n\n[plus haut](../index.md#nulle-part)\n", encoding="utf-8")
    with pytest.raises(Abort):
        site_driver.build_site(mkdocs_project(docs, tmp_path / "bad"), full=True, quiet=True, jobs=1)
    assert "does not contain an anchor '#nulle-part'" in caplog.text
