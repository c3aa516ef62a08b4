"""The generated tree for the fixture site (tests/fixtures/site/): article pages, the
index, the record. What is expected was written by hand from the fixture articles."""

import json
import re

import frontmatter
from mkdocs.utils.meta import get_data

from tests.conftest import fixture_page

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


def meta_line(page: str) -> str:
    """The line under the title: date, source, word count."""
    return re.search(r'<p class="chronique-meta"[^>]*>.*?</p>', page).group(0)


def test_one_page_per_article_in_its_year_and_month_folder(site_build):
    _, docs = site_build
    pages = article_pages(docs)
    assert len(pages) == 6  # the six articles of tests/fixtures/site/
    for page in pages:
        meta = frontmatter.load(page).metadata
        # the address never depends on the date or the title: articles/<file name>.md
        assert page.relative_to(docs).as_posix() == f"articles/{meta['seed'].removesuffix('.txt')}.md"


def test_front_matter_keys_in_fixed_order_and_round_trip_through_mkdocs(site_build):
    _, docs = site_build
    for page in article_pages(docs):
        text = page.read_text(encoding="utf-8")
        _, meta = get_data(text)
        assert list(meta) == FRONT_MATTER_ORDER
        assert meta == frontmatter.loads(text).metadata


def test_month_only_header_is_never_shown_with_a_day(site_build):
    # " date 2025-07 …", and the body speaks of "le 28 juillet"
    page = fixture_page(*site_build, "month_header_event_day_in_body")
    meta = frontmatter.loads(page).metadata
    assert meta["date_display"] == "juillet 2025"
    assert meta["date"] == "2025-07-01" and meta["date_precision"] == "month"
    assert "juillet 2025" in meta_line(page) and "28 juillet" not in meta_line(page)
    assert "1er juillet" not in page and "1 juillet" not in page


def test_day_header_is_shown_in_french(site_build):
    page = fixture_page(*site_build, "day_header_related_lines_announced_visit")
    assert frontmatter.loads(page).metadata["date_display"] == "4 février 2026"
    assert "4 février 2026" in meta_line(page)


def test_a_year_only_date_is_shown_as_its_year(site_build):
    # a bare article announcing a visit "le 15 avril 2026": the year only, the article came before
    page = fixture_page(*site_build, "bare_announced_event_year_only")
    meta = frontmatter.loads(page).metadata
    assert (meta["date_display"], meta["date_precision"]) == ("2026", "year")
    assert "avril" not in meta_line(page)


def test_body_has_subheadings_captions_related_list_and_source_link(site_build):
    summit = fixture_page(*site_build, "bare_photo_timestamp_source_url")
    assert "## Une coopération dans tous les domaines" in summit
    assert (
        "<figcaption>Le secrétaire général To Lam accueille le président laotien Thongloun Sisoulith"
        " au siège du Comité central." in summit
    )
    assert "Photo : VNA</span>" in summit
    assert "<img" not in summit and ".jpg" not in summit.split("---", 2)[2]
    assert "(https://vietnamnet.vn/sommet-viet-nam-lao-a-ha-noi-2467011.html)" in summit
    visit = fixture_page(*site_build, "day_header_related_lines_announced_visit")
    related = visit.split('## À lire aussi {: #chronique-a-lire-aussi data-pagefind-ignore="index" }\n\n', 1)[1]
    related = related.split("\n\n", 1)[0]
    # a headline that is an article of the site is linked to it; the other stays text; search skips them
    assert related.startswith("<ul data-pagefind-ignore>\n")
    assert '">Entretien en ligne entre Tô Lâm et Thongloun Sisoulith</a></li>' in related
    assert '">Le Vietnam et le Laos resserrent leur coopération dans tous les domaines</a></li>' in related
    assert "<li>Les chemins de fer lao visent le port de Vũng Áng</li>" in related
    # the term and related lists are HTML blocks of their own, never glued to their heading
    assert "## Classement\n\n<ul" in visit
    assert '## Articles liés {: #chronique-articles-lies data-pagefind-ignore="index" }\n\n<ul' in visit


def test_index_is_newest_first_grouped_by_month_in_french(site_build):
    _, docs = site_build
    index = (docs / "index.md").read_text(encoding="utf-8")
    months = (
        "### Février 2026",
        "### Mois inconnu 2026",
        "### Décembre 2025",
        "### Juillet 2025",
        "### Mars 2025",
        "### Décembre 2024",
    )
    order = [index.index(month) for month in months]
    assert order == sorted(order)
    month_only = re.search(r"<li><strong>juillet 2025</strong> · <a href=\"[^\"]+\">([^<]+)</a>", index)
    assert (
        month_only and month_only.group(1) == "Le Vietnam et le Laos resserrent leur coopération dans tous les domaines"
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
    assert (tmp_path / "docs" / "articles" / "b.md").is_file()


def test_articles_json_is_the_documented_record(site_build):
    _, docs = site_build
    record = json.loads((docs / "data" / "articles.json").read_text(encoding="utf-8"))
    assert record["generator"].startswith("chronique ")
    assert [(a["id"], a["date"]) for a in record["articles"]] == [
        ("day_header_related_lines_announced_visit", "2026-02-04"),
        ("bare_announced_event_year_only", "2026"),
        ("bare_photo_timestamp_source_url", "2025-12-02"),
        ("month_header_event_day_in_body", "2025-07"),
        ("bare_dateline_cambodia_thailand", "2025-03-18"),
        ("month_header_subheading_signoff", "2024-12"),
    ]
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
    by_id = {a["id"]: a for a in record["articles"]}
    # 1764643287000 ms is 2025-12-02 09:41:27 in Hanoi (UTC+7)
    photo = by_id["bare_photo_timestamp_source_url"]["photos"][0]
    assert photo["taken"].startswith("2025-12-02T09:41:27") and photo["credit"] == "VNA"
    assert by_id["bare_photo_timestamp_source_url"]["date_source"] == "photo"
    assert by_id["bare_dateline_cambodia_thailand"]["date_source"] == "text"
    assert by_id["bare_announced_event_year_only"]["source"] == "VNA"  # from its sidecar


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
    assert (docs / "articles/b.md").exists()
    (seeds / "b.txt").unlink()
    build_folder(seeds, docs)
    assert not (docs / "articles/b.md").exists()
    assert (docs / "articles/a.md").exists()
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
    assert "empty.txt" in out and "fichier vide" in out
    assert status == 4  # built, one file skipped
