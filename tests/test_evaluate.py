"""The evaluation's comparison rules, on tiny hand-written inputs (never on the extractor)."""

import json
from pathlib import Path

import pytest

from chronique.evaluate import (
    DateOutcome,
    DateValue,
    EvaluationError,
    Scores,
    evaluate,
    fold,
    is_exact_date,
    judge_date,
    load_annotation,
    main,
    match_names,
    source_matches,
    title_matches,
    url_matches,
)

REPO_ROOT = Path(__file__).resolve().parent.parent


def day(iso):
    return DateValue(iso, "day")


def month(iso):
    return DateValue(iso, "month")


def year(iso):
    return DateValue(iso, "year")


NONE = DateValue(None, None)


# --- folding ---------------------------------------------------------------------


def test_fold_removes_diacritics_including_d_with_stroke():
    assert fold("Đà Nẵng") == "da nang"
    assert fold("Nguyễn Mạnh Cường") == "nguyen manh cuong"


def test_fold_collapses_punctuation_and_hyphens_to_spaces():
    assert fold("Vietnam - Laos") == fold("Vietnam-Laos") == "vietnam laos"
    assert fold("l’ASEAN") == fold("l'ASEAN") == "l asean"


def test_fold_spells_ligatures_out():
    assert fold("mise en œuvre") == "mise en oeuvre"


# --- dates -------------------------------------------------------------------------


def test_month_claim_is_correct_for_a_day_truth_in_that_month():
    assert judge_date(day("2025-12-02"), month("2025-12")) is DateOutcome.CORRECT


def test_year_claim_is_correct_for_a_day_truth_in_that_year():
    assert judge_date(day("2025-12-02"), year("2025")) is DateOutcome.CORRECT


def test_day_claim_finer_than_a_month_truth_is_wrong():
    # "le 28 juillet" in the body of a month-header article is an event, not the day.
    assert judge_date(month("2025-07"), day("2025-07-28")) is DateOutcome.WRONG


def test_month_claim_finer_than_a_year_truth_is_wrong():
    assert judge_date(year("2026"), month("2026-02")) is DateOutcome.WRONG


def test_claim_in_another_month_is_wrong():
    assert judge_date(day("2025-12-02"), month("2025-11")) is DateOutcome.WRONG


def test_exact_day_claim_is_correct_and_exact():
    assert judge_date(day("2026-02-04"), day("2026-02-04")) is DateOutcome.CORRECT
    assert is_exact_date(day("2026-02-04"), day("2026-02-04"))


def test_coarser_correct_claim_is_not_exact():
    assert not is_exact_date(day("2026-02-04"), month("2026-02"))


def test_a_claim_where_nothing_tells_the_date_is_wrong():
    assert judge_date(NONE, year("2025")) is DateOutcome.WRONG


def test_no_claim_where_the_truth_is_known_is_a_gap():
    assert judge_date(month("2025-07"), NONE) is DateOutcome.GAP


def test_no_claim_where_nothing_tells_is_rightly_undated():
    assert judge_date(NONE, NONE) is DateOutcome.UNDATED


def test_date_parse_infers_precision_from_the_iso_length():
    assert DateValue.parse("2025-07") == month("2025-07")
    assert DateValue.parse("2025") == year("2025")
    assert DateValue.parse(None) == NONE


def test_date_parse_cuts_a_longer_iso_to_its_precision():
    assert DateValue.parse("2025-07-28", "month") == month("2025-07")


def test_date_parse_rejects_an_iso_shorter_than_its_precision():
    with pytest.raises(ValueError):
        DateValue.parse("2025-07", "day")


def test_date_parse_rejects_non_iso_text():
    with pytest.raises(ValueError):
        DateValue.parse("28 juillet 2025")


# --- names -------------------------------------------------------------------------


def test_names_match_across_diacritics():
    match = match_names(["Tô Lâm", "Hanoï"], ["To Lam", "Hanoi"])
    assert len(match.matched) == 2 and not match.spurious and not match.missed


def test_d_with_stroke_matches_plain_d():
    assert match_names(["Đà Nẵng"], ["Da Nang"]).matched == (("Đà Nẵng", "Da Nang"),)


def test_an_alternative_spelling_matches_its_entry():
    match = match_names([["Parti populaire révolutionnaire lao", "PPRL"]], ["PPRL"])
    assert match.matched == (("Parti populaire révolutionnaire lao", "PPRL"),)


def test_an_acronym_left_beside_its_expansion_is_spurious():
    match = match_names(
        [["Parti populaire révolutionnaire lao", "PPRL"]],
        ["Parti populaire révolutionnaire lao", "PPRL"],
    )
    assert len(match.matched) == 1
    assert match.spurious == ("PPRL",)


def test_predictions_equal_after_folding_count_once():
    match = match_names(["Hanoï"], ["Hanoï", "Hanoi", "HANOI"])
    assert len(match.matched) == 1 and not match.spurious


def test_unannotated_prediction_is_spurious_and_unfound_entry_is_missed():
    match = match_names(["Thongloun Sisoulith", "Tô Lâm"], ["Thongloun Sisoulith", "État"])
    assert match.spurious == ("État",)
    assert match.missed == ("Tô Lâm",)


def test_optional_entry_is_neither_rewarded_nor_penalised():
    match = match_names(["Vientiane"], ["Vientiane", "Vietnam"], optional=["Vietnam"])
    assert Scores.of(match) == Scores(true_positives=1, predicted=1, annotated=1)
    assert match.ignored == ("Vietnam",)


def test_matching_is_one_to_one_and_maximal():
    # "Comité central" could serve either entry; a greedy pass could give it to the
    # first and leave the second unmatched.
    annotated = [
        ["Parti communiste du Vietnam", "Comité central"],
        ["Comité central", "Comité central du PPRL"],
    ]
    match = match_names(annotated, ["Comité central", "Parti communiste du Vietnam"])
    assert len(match.matched) == 2 and not match.missed and not match.spurious


def test_scores_are_micro_precision_recall_f1():
    scores = Scores(true_positives=3, predicted=4, annotated=6)
    assert scores.precision == pytest.approx(0.75)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(0.6)


def test_scores_add_up_over_articles():
    assert Scores(1, 2, 3) + Scores(2, 2, 2) == Scores(3, 4, 5)


# --- source, URL, title -------------------------------------------------------------


def test_source_matches_when_one_folded_name_contains_the_other():
    assert source_matches(["VNA/CVN"], "VNA")
    assert source_matches(["VietNamNet"], "vietnamnet.vn")


def test_source_containment_is_word_aligned():
    assert not source_matches(["VNA"], "VNAX")


def test_source_mismatch_and_missing_source():
    assert not source_matches(["VOV"], "VNA")
    assert not source_matches(["VOV"], None)
    assert not source_matches([], "VNA")
    assert source_matches([], None)


def test_any_accepted_source_name_matches():
    assert source_matches(["Báo Quốc tế", "baoquocte.vn"], "baoquocte.vn")


def test_title_matches_across_punctuation_and_spaces():
    assert title_matches("Vietnam – Laos : « une amitié »", "Vietnam - Laos: une amitie")
    assert not title_matches("Un nouvel élan", "Un élan nouveau")


def test_url_matches_ignores_a_trailing_slash():
    assert url_matches("https://vov.vn/a/", "https://vov.vn/a")
    assert url_matches(None, None)
    assert not url_matches("https://vov.vn/a", None)


# --- annotations and whole-report plumbing ------------------------------------------


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_annotation_with_a_precision_finer_than_its_date_is_refused(tmp_path):
    write(tmp_path / "x.txt", "texte")
    annotation = write(tmp_path / "x.yml", 'file: x.txt\ndate: "2025-07"\ndate_precision: day\npeople: []\n')
    with pytest.raises(EvaluationError, match="x.yml: date"):
        load_annotation(annotation, repo_root=tmp_path)


def test_annotation_naming_a_missing_file_is_refused(tmp_path):
    annotation = write(tmp_path / "y.yml", "file: y.txt\ndate: null\n")
    with pytest.raises(EvaluationError, match="does not exist"):
        load_annotation(annotation, repo_root=tmp_path)


def test_report_counts_an_article_missing_from_the_build(tmp_path):
    write(tmp_path / "a.txt", "texte")
    write(tmp_path / "b.txt", "texte")
    a = load_annotation(
        write(tmp_path / "a.yml", 'file: a.txt\ndate: "2025-07"\ndate_precision: month\npeople: [Tô Lâm]\n'),
        repo_root=tmp_path,
    )
    b = load_annotation(write(tmp_path / "b.yml", "file: b.txt\ndate: null\n"), repo_root=tmp_path)
    document = {
        "articles": [
            {
                "id": "a",
                "seed": "a.txt",
                "date": "2025-07",
                "date_precision": "month",
                "people": ["To Lam"],
                "organizations": [],
                "places": [],
            }
        ]
    }
    report = evaluate([a, b], document)
    summary = report.summary()
    assert summary["missing_from_build"] == ["b.txt"]
    assert summary["dates"]["correct"] == pytest.approx(0.5)
    assert summary["dates"]["undated"] == pytest.approx(0.5)
    assert summary["entities"]["people"]["f1"] == pytest.approx(1.0)


def test_thresholds_make_the_command_exit_1(tmp_path):
    write(tmp_path / "a.txt", "texte")
    folder = tmp_path / "ann"
    folder.mkdir()
    write(folder / "a.yml", f'file: {tmp_path / "a.txt"}\ndate: "2025-07"\ndate_precision: month\n')
    predictions = write(
        tmp_path / "articles.json",
        json.dumps({"articles": [{"id": "a", "date": "2025-07-28", "date_precision": "day"}]}),
    )
    common = ["--annotations", str(folder), "--predictions", str(predictions), "--json"]
    assert main(common) == 0
    assert main(common + ["--max-wrong-dates", "0"]) == 1
    assert main(common + ["--min-date-accuracy", "0.5"]) == 1
