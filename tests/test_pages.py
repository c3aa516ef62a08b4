"""The generated tree for the five seeds: article pages, the index, the record."""

import json

import frontmatter
from mkdocs.utils.meta import get_data

FRONT_MATTER_ORDER = [
    "title",
    "date",
    "date_precision",
    "date_source",
    "date_display",
    "source",
    "source_url",
    "people",
    "organizations",
    "places",
    "tags",
    "description",
    "seed",
]


def article_pages(docs):
    return sorted((docs / "articles").rglob("*.md"))


def test_one_page_per_article_in_its_year_and_month_folder(seeds_build):
    _, docs = seeds_build
    pages = article_pages(docs)
    assert len(pages) == 5
    for page in pages:
        meta = frontmatter.load(page).metadata
        year, month = meta["date"][:4], meta["date"][5:7]
        # a date known only to the year is filed under its year, never under a guessed month
        expected = f"articles/{year}" if meta["date_precision"] == "year" else f"articles/{year}/{month}"
        assert page.parent.relative_to(docs).as_posix() == expected


def test_front_matter_keys_in_fixed_order_and_round_trip_through_mkdocs(seeds_build):
    _, docs = seeds_build
    for page in article_pages(docs):
        text = page.read_text(encoding="utf-8")
        _, meta = get_data(text)
        assert list(meta) == FRONT_MATTER_ORDER
        assert meta == frontmatter.loads(text).metadata


def test_month_only_header_is_never_shown_with_a_day(seeds_build):
    _, docs = seeds_build
    page = next(p for p in article_pages(docs) if "prosperent" in p.name)
    meta = frontmatter.load(page).metadata
    assert meta["date_display"] == "juillet 2025"
    assert meta["date"] == "2025-07-01" and meta["date_precision"] == "month"
    assert "28 juillet 2025" not in page.read_text(encoding="utf-8").split("---", 2)[2].split("\n\n", 3)[2]


def test_day_header_is_shown_in_french(seeds_build):
    _, docs = seeds_build
    page = next(p for p in article_pages(docs) if "nouvel-elan" in p.name)
    assert frontmatter.load(page).metadata["date_display"] == "4 février 2026"


def test_body_has_subheadings_captions_related_list_and_source_link(seeds_build):
    _, docs = seeds_build
    lors = next(p for p in article_pages(docs) if p.name.startswith("le-secretaire-general-to-lam")).read_text(
        encoding="utf-8"
    )
    assert "## Promouvoir la croissance du volume des échanges bilatéraux" in lors
    assert (
        "<figcaption>Secrétaire général To Lam et secrétaire général et président du Laos, Thongloun Sisoulith." in lors
    )
    assert "Photo : VNA</span>" in lors
    assert "<img" not in lors and ".jpg" not in lors.split("---", 2)[2]
    assert "(https://vietnamnet.vn/tong-bi-thu-viet-nam-lao-chu-tri-cuoc-gap-cap-cao-hai-dang-2468734.html)" in lors
    elan = next(p for p in article_pages(docs) if "nouvel-elan" in p.name).read_text(encoding="utf-8")
    assert (
        '## À lire aussi {: #chronique-a-lire-aussi data-pagefind-ignore="index" }\n\n<ul data-pagefind-ignore>\n'
        "<li>La visite du SG Tô Lâm revêt une portée historique et stratégique"
    ) in elan
    # the term and related lists are HTML blocks of their own, never glued to their heading
    assert "## Classement\n\n<ul" in elan
    assert '## Articles liés {: #chronique-articles-lies data-pagefind-ignore="index" }\n\n<ul' in elan


def test_index_is_newest_first_grouped_by_month_in_french(seeds_build):
    _, docs = seeds_build
    index = (docs / "index.md").read_text(encoding="utf-8")
    order = [
        index.index(t)
        for t in ("### Février 2026", "### Mois inconnu", "### Décembre 2025", "### Juillet 2025", "### Décembre 2024")
    ]
    assert order == sorted(order)
    assert (
        '<li><strong>juillet 2025</strong> · <a href="articles/2025/07/les-relations-vietnam-laos-prosperent' in index
    )


def test_undated_articles_sit_in_a_last_section(seed_folder, tmp_path):
    from tests.conftest import build_folder

    seeds = seed_folder(
        {
            "a.txt": " date 2026-01-02 Un article daté\n\nLe texte de l'article daté parle de coopération.\n",
            "b.txt": "Un article sans aucune date, qui parle de culture et d'amitié entre les peuples.\n",
        }
    )
    build_folder(seeds, tmp_path / "docs")
    index = (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    assert index.index("## Sans date") > index.index("## 2026")
    assert (tmp_path / "docs" / "articles" / "sans-date").is_dir()


def test_articles_json_is_the_documented_record(seeds_build):
    _, docs = seeds_build
    record = json.loads((docs / "data" / "articles.json").read_text(encoding="utf-8"))
    assert record["generator"].startswith("chronique ")
    assert [a["date"] for a in record["articles"]] == ["2026-02-04", "2026", "2025-12-02", "2025-07", "2024-12"]
    first = record["articles"][0]
    for key in (
        "id",
        "seed",
        "slug",
        "url",
        "title",
        "title_source",
        "date",
        "date_precision",
        "date_source",
        "date_evidence",
        "source",
        "source_url",
        "people",
        "organizations",
        "places",
        "tags",
        "photos",
        "related",
        "figures",
        "summary",
        "words",
        "duplicate_of",
    ):
        assert key in first
    photo = next(a for a in record["articles"] if a["id"].startswith("000"))["photos"][0]
    assert photo["taken"].startswith("2025-12-02T") and photo["credit"] == "VNA"


def test_hand_written_page_is_kept_and_a_removed_seed_disappears(seed_folder, tmp_path):
    from tests.conftest import build_folder

    seeds = seed_folder(
        {
            "a.txt": " date 2026-01-02 Premier article\n\nLe texte du premier article.\n",
            "b.txt": " date 2026-01-03 Second article\n\nLe texte du second article.\n",
        }
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a-propos.md").write_text("# À propos\n", encoding="utf-8")
    build_folder(seeds, docs)
    assert (docs / "articles/2026/01/second-article.md").exists()
    (seeds / "b.txt").unlink()
    build_folder(seeds, docs)
    assert not (docs / "articles/2026/01/second-article.md").exists()
    assert (docs / "articles/2026/01/premier-article.md").exists()
    assert (docs / "a-propos.md").read_text(encoding="utf-8") == "# À propos\n"


def test_build_report_counts_articles_errors_and_warnings(seed_folder, tmp_path, capsys):
    from chronique.pipeline import main

    seeds = seed_folder(
        {
            "ok.txt": " date 2026-01-02 Un article\n\nLe texte de l'article.\n\nVNA\n",
            "empty.txt": "",
        }
    )
    status = main(["--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--quiet", "--no-cache"])
    out = capsys.readouterr().out
    assert "1 article, 1 erreur, " in out  # French grammar: no "1 articles"
    assert "empty.txt" in out and "empty file" in out
    assert status == 4  # built, one file skipped
