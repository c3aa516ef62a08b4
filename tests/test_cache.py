"""The extraction cache across days: a new day runs the model on nothing and dates the
articles again (the plausibility window moved), giving what a build from scratch gives
that day; the code in its key is found from the import graph."""

from __future__ import annotations

import calendar
import datetime as dt
import json

import pytest

from chronique import cache as cache_module
from chronique import extract_batch, pipeline
from chronique.cache import ExtractionCache, extraction_modules
from chronique.entities import Entities
from chronique.model import Settings

# Built on the first day, the header's date is four days ahead: implausible, so not the
# date. On the second day it is the past: the date, and the visit is read against it.
FIRST_DAY, SECOND_DAY = dt.date(2026, 3, 7), dt.date(2026, 3, 12)
ARTICLES = {
    "a_visite.txt": " date 2026-03-11 Visite de travail à Vientiane\n\n"
    "La délégation vietnamienne est arrivée à Vientiane pour une visite de travail.\n\n"
    "La visite officielle du ministre aura lieu le 20 mars, selon les organisateurs.\n",
    "b_ecoles.txt": " date 2025-05-02 De nouvelles écoles à Luang Prabang\n\n"
    "Trois écoles primaires financées par le Vietnam ont ouvert leurs portes à Luang Prabang.\n\n"
    "Elles accueillent six cents élèves des villages de la vallée.\n",
}


class NoNames:
    """Stands in for spaCy and records the texts it was given."""

    def __init__(self):
        self.texts: list = []

    def extract_many(self, texts):
        self.texts += texts
        return [Entities((), (), ()) for _ in texts]


@pytest.fixture
def model(monkeypatch):
    stand_in = NoNames()
    monkeypatch.setattr(extract_batch, "EntityExtractor", lambda rules: stand_in)
    return stand_in


def build_on(day: dt.date, seeds, docs, monkeypatch, cache=None):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(calendar.timegm(day.timetuple())))
    return pipeline.build(Settings(seeds=seeds, docs=docs, cache=cache, progress=False))


def articles_json(docs) -> dict:
    return {a["id"]: a for a in json.loads((docs / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]}


def pages(docs) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_a_new_day_runs_the_model_on_nothing_and_builds_what_a_build_from_scratch_builds(
    tmp_path, seed_folder, model, monkeypatch
):
    seeds, cache = seed_folder(ARTICLES), tmp_path / "cache"
    build_on(FIRST_DAY, seeds, tmp_path / "first", monkeypatch, cache)
    assert len(model.texts) == 2
    first = articles_json(tmp_path / "first")["a_visite"]
    assert first["date"] != "2026-03-11" and not first["events"]  # the header's day had not come

    model.texts.clear()
    build_on(SECOND_DAY, seeds, tmp_path / "second", monkeypatch, cache)
    assert model.texts == []  # nothing extracted again: only the dates resolved again
    second = articles_json(tmp_path / "second")["a_visite"]
    assert second["date"] == "2026-03-11" and second["date_source"] == "header"
    assert [(e["date"], e["announced"]) for e in second["events"]] == [("2026-03-20", True)]

    build_on(SECOND_DAY, seeds, tmp_path / "scratch", monkeypatch)  # no cache at all
    assert pages(tmp_path / "second") == pages(tmp_path / "scratch")


def test_a_second_build_the_same_new_day_dates_nothing_again(tmp_path, seed_folder, model, monkeypatch):
    seeds, cache = seed_folder(ARTICLES), tmp_path / "cache"
    build_on(FIRST_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    model.texts.clear()
    dated_again = []
    real = cache_module.redate
    monkeypatch.setattr(cache_module, "redate", lambda found, day: dated_again.append(found) or real(found, day))
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    # only the article whose header was refused as still to come; the other's answer holds
    assert [found.source.stem for found in dated_again] == ["a_visite"]
    before = pages(tmp_path / "docs")

    dated_again.clear()
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    assert dated_again == [] and model.texts == []
    assert pages(tmp_path / "docs") == before


def test_a_header_date_refused_by_nothing_holds_on_every_later_day_even_in_another_year(
    tmp_path, seed_folder, model, monkeypatch
):
    seeds, cache = seed_folder(ARTICLES), tmp_path / "cache"
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)  # both headers in the past
    dated_again = []
    real = cache_module.redate
    monkeypatch.setattr(cache_module, "redate", lambda found, day: dated_again.append(found) or real(found, day))
    for later in (dt.date(2026, 12, 31), dt.date(2027, 1, 4), dt.date(2031, 6, 1)):
        build_on(later, seeds, tmp_path / "docs", monkeypatch, cache)
        assert dated_again == []  # neither the day nor the year could change a header's date
        build_on(later, seeds, tmp_path / "scratch", monkeypatch)  # no cache at all
        assert pages(tmp_path / "docs") == pages(tmp_path / "scratch")


def test_a_damaged_day_file_dates_the_articles_again(tmp_path, seed_folder, model, monkeypatch):
    seeds, cache = seed_folder(ARTICLES), tmp_path / "cache"
    build_on(FIRST_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    model.texts.clear()
    before = pages(tmp_path / "docs")
    (day_file,) = cache.glob("dates-*.pickle")
    day_file.write_bytes(b"not a pickle")
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    assert pages(tmp_path / "docs") == before and model.texts == []


def test_the_entry_is_named_by_the_article_and_sidecar_bytes_it_is_given(tmp_path):
    cache = ExtractionCache(tmp_path, "key", FIRST_DAY)
    article = b" date 2025-05-02 Titre\n\nUn paragraphe.\n"
    assert cache.entry(article, None) == cache.entry(article, None)
    assert cache.entry(article, b"title: Autre\n") != cache.entry(article, None)
    assert cache.entry(article, b"title: Autre\n") != cache.entry(article, b"title: Encore\n")
    assert cache.entry(article + b"\n", None) != cache.entry(article, None)
    assert ExtractionCache(None, "key", FIRST_DAY).entry(article, None) is None  # --no-cache


def test_the_cache_key_covers_the_modules_extraction_imports_and_not_the_later_stages():
    modules = extraction_modules()
    for module in ("__init__.py", "read.py", "sidecar.py", "extract.py", "dates.py", "events.py", "figures.py"):
        assert module in modules
    assert any(m == "entities.py" or m.startswith("entities/") for m in modules)
    for later in ("pipeline.py", "collect.py", "write.py", "publish.py", "report.py", "search.py", "site.py"):
        assert later not in modules


def write_package(root, files: dict[str, str]):
    package = root / "chronique"
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    return package


def test_a_module_extraction_starts_to_import_enters_the_cache_key(tmp_path):
    package = write_package(
        tmp_path,
        {
            "__init__.py": "EXTRACTOR_VERSION = '1'\n",
            "pipeline.py": "from .extract import extract\nfrom .write import render\nfrom . import read\n",
            "extract.py": "from .model import Article\n",
            "read.py": "",
            "model.py": "",
            "write.py": "from .charts import chart\n",
            "charts.py": "",
            "rules/__init__.py": "",
            "rules/places.py": "from ..text import fold\n",
            "text.py": "",
        },
    )
    before = extraction_modules(package)
    assert before == ("__init__.py", "extract.py", "model.py", "read.py")
    digest = cache_module.code_digest(package)

    # a new rule module, imported inside a function of extraction, and a package's module
    (package / "extract.py").write_text(
        "from .model import Article\n\ndef extract():\n    from .rules import places\n", encoding="utf-8"
    )
    after = extraction_modules(package)
    assert set(after) - set(before) == {"rules/__init__.py", "rules/places.py", "text.py"}
    assert "write.py" not in after and "charts.py" not in after
    assert cache_module.code_digest(package) != digest

    (package / "text.py").write_text("def fold(x):\n    return x\n", encoding="utf-8")
    assert cache_module.code_digest(package) != digest


def test_the_names_key_covers_the_name_rules_and_not_the_dates():
    modules = extraction_modules(roots=("entities",))
    assert any(m == "entities.py" or m.startswith("entities/") for m in modules) and "text.py" in modules
    for other in ("dates.py", "extract.py", "figures.py", "events.py", "cache.py", "pipeline.py"):
        assert other not in modules


def test_the_model_reads_again_only_what_an_editors_alias_file_can_change(tmp_path, seed_folder, model, monkeypatch):
    seeds, cache = seed_folder(ARTICLES), tmp_path / "cache"
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    model.texts.clear()
    (seeds / "a_visite.yml").write_text("title: Une visite à Vientiane\n", encoding="utf-8")
    result = build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    assert model.texts == [] and result.site.by_id["a_visite"].article.title == "Une visite à Vientiane"

    (seeds / "aliases.yml").write_text("places:\n  Vientiane: [Viêng Chăn]\n", encoding="utf-8")
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    assert len(model.texts) == 2  # the editors' aliases change the names found


def test_an_article_that_cannot_be_dated_again_is_extracted_again_not_lost(tmp_path, seed_folder, model, monkeypatch):
    seeds, cache = seed_folder(ARTICLES), tmp_path / "cache"
    build_on(FIRST_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    model.texts.clear()
    real = cache_module.redate

    def failing(found, day):
        if found.source.name == "a_visite.txt":
            raise ValueError("a bug in the dates")
        return real(found, day)

    monkeypatch.setattr(cache_module, "redate", failing)
    result = build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    assert sorted(result.site.by_id) == ["a_visite", "b_ecoles"]
    assert result.site.by_id["a_visite"].article.date.iso == "2026-03-11"
    assert model.texts == []  # extracted again from its source, with the names already read


def test_the_corpus_years_are_remembered_until_what_they_were_read_from_changes(tmp_path):
    from dataclasses import replace

    from chronique.collect import date_from_corpus_remembering, what_date_from_corpus_reads
    from tests.test_real_article_dates import article, day, visit_report, visit_without_year

    runs = []  # the memo each run of the step was given

    def corpus_step(articles, memo):
        runs.append(memo)
        return date_from_corpus_remembering(articles, memo)

    def corpus(report_day, unrelated_day="2024-03-02"):
        # shares no person with the undated article: the step never reads it
        unrelated = article(
            "ecoles",
            day(unrelated_day),
            ["Sonexay Siphandone"],
            ["Bangkok"],
            "Le 2 mars, Sonexay Siphandone a inauguré trois écoles à Bangkok.",
        )
        return [visit_without_year(), visit_report(report_day), unrelated]

    def dated(cache, articles):
        return cache.dated_from_corpus(articles, corpus_step, reads=what_date_from_corpus_reads)

    cache = ExtractionCache(tmp_path, "key", FIRST_DAY)
    first = dated(cache, corpus("2024-02-17"))
    assert first[0].date.iso == "2024-02-15" and len(runs) == 1

    again = dated(ExtractionCache(tmp_path, "key", SECOND_DAY), corpus("2024-02-17"))
    assert again == first and len(runs) == 1  # the same articles: the step did not run

    # a date that moves in an article sharing no person with the undated one (a yearless
    # date on New Year): the answer stands, the step does not run
    moved = dated(cache, corpus("2024-02-17", unrelated_day="2025-03-02"))
    assert moved[0] == first[0] and moved[2].date.iso == "2025-03-02" and len(runs) == 1

    corrected = dated(cache, corpus("2023-02-17"))  # the dated article it was read from corrected
    assert corrected[0].date.iso == "2023-02-15" and len(runs) == 2

    held = corpus("2023-02-17")
    held[1] = replace(held[1], hold=True)
    assert dated(cache, held)[0].date is None and len(runs) == 3  # a held article gives no year
    assert runs[0] is None and runs[1].answers and runs[2].answers  # each run after the first reads its memo
    dated(ExtractionCache(tmp_path, "another extractor", FIRST_DAY), held)
    assert len(runs) == 4 and runs[3] is None  # another extractor's memo is not read


@pytest.fixture(scope="module")
def synthetic_sources(tmp_path_factory):
    from chronique import synth
    from chronique.read import read_file

    folder = tmp_path_factory.mktemp("synth")
    synth.write_corpus(120, folder, seed="holds")
    return [read_file(path) for path in sorted(folder.glob("*.txt"))]


@pytest.mark.parametrize("first_day", [dt.date(2024, 2, 27), dt.date(2025, 6, 30), dt.date(2026, 11, 28)])
def test_a_dating_that_claims_to_hold_on_a_later_day_is_what_that_day_would_give(synthetic_sources, first_day):
    from chronique.extract import paragraphs_of, resolve_date_lasting, urls_of

    later_days = [first_day + dt.timedelta(days=n) for n in (1, 3, 20, 45, 200, 400, 1500, 8000)]
    held_next_year = refused = year_bound = 0
    for source in synthetic_sources:
        paragraphs, urls = paragraphs_of(source), urls_of(source)
        date, problems, holds_until = resolve_date_lasting(source, paragraphs, urls, {}, first_day)
        refused += holds_until == first_day
        year_bound += first_day < holds_until < dt.date.max
        for day in later_days:
            if day <= holds_until:
                held_next_year += day.year > first_day.year
                again, again_problems, _ = resolve_date_lasting(source, paragraphs, urls, {}, day)
                assert (again, again_problems) == (date, problems), (source.name, first_day, day)
    # every kind was met: refused dates (the corpus spans the first days), answers bound to
    # a year, and answers that read nothing of the year, held in later years
    assert held_next_year and refused and year_bound


def test_the_cache_keeps_what_the_build_used_and_the_names_of_its_model(tmp_path, seed_folder, model, monkeypatch):
    seeds, cache = seed_folder(ARTICLES), tmp_path / "cache"
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)

    def entries():
        return sorted(p.name for p in cache.glob("*.pickle") if not p.name.startswith(("names-", "dates-", "corpus-")))

    def names():
        return sorted(p.name for p in cache.glob("names-*.pickle"))

    assert len(entries()) == 2 and len(names()) == 2
    (cache / "notes.txt").write_text("pas au cache", encoding="utf-8")
    stale = cache / f"{'0' * 32}-{'1' * 16}-{'f' * 16}.pickle"  # another extractor's entry
    stale.write_bytes(b"old")

    (seeds / "b_ecoles.txt").unlink()  # an article removed
    (seeds / "a_visite.txt").write_text(ARTICLES["a_visite.txt"] + "\nUne phrase de plus.\n", encoding="utf-8")
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    assert len(entries()) == 1  # the edited article's new entry; its former one and the removed one gone
    assert not stale.exists() and (cache / "notes.txt").exists()
    assert len(names()) == 3  # the model's names stay: a correction undone needs no model

    model.texts.clear()
    (seeds / "a_visite.txt").write_text(ARTICLES["a_visite.txt"], encoding="utf-8")  # the edit undone
    build_on(SECOND_DAY, seeds, tmp_path / "docs", monkeypatch, cache)
    assert model.texts == []
