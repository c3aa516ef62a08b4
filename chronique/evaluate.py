"""Score the build's extraction against hand annotations.

    python -m chronique.evaluate [--annotations tests/annotations] [--json]
                                 [--predictions articles.json] [--details]
                                 [--min-date-accuracy X] [--max-wrong-dates X]
                                 [--min-people-f1 X] [--min-orgs-f1 X] [--min-places-f1 X]
                                 [--realdev DIR | --no-realdev]

Each `<stem>.yml` in the annotations folder names an article file. The
articles are copied into one temporary seeds folder and built with
`python build.py --seeds DIR --docs DIR`; the build's `data/articles.json` is
then compared with the annotations (see tests/annotations/README.md):

- people, organisations, places: micro precision / recall / F1 over folded
  names, each annotated entry matched by at most one prediction;
- source (folded containment), source URL, header title (folded equality);
- dates, judged at the precision the build claims: a claim is correct when it
  is no finer than the truth and agrees with it once both are cut to the
  claimed precision.

This module deliberately does not import the extractor's helpers (its own
`fold` included): the measure must not move when the code it measures changes.
Beside the team's corpus, the real annotated articles of `../shared/realdev/` (when
that folder exists) are built and scored with that folder's own `score.py`, imported
as it is: the same matching rules (folding, synonyms, place kinds) as the figures
quoted for it. The `--min-*` thresholds apply to the team's corpus only.

The exit status is 0 unless a `--min-*` / `--max-*` threshold is missed (1) or
the annotations or the build are unusable (2).
"""

from __future__ import annotations

import argparse
import enum
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table
from text_unidecode import unidecode

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ANNOTATIONS = Path("tests/annotations")
DEFAULT_REALDEV = Path("../shared/realdev")  # real articles, annotated apart: articles/, gold.json, score.py
PRECISIONS = ("year", "month", "day")  # coarsest first; index + 1 = ISO parts
ENTITY_FIELDS = ("people", "organizations", "places")


class EvaluationError(Exception):
    """The annotations or the build cannot be used; the message says why."""


# --- pure comparison functions ------------------------------------------------


def fold(text: str | None) -> str:
    """Comparison key: lower case, no diacritics (Đ→d, œ→oe), punctuation as spaces."""
    if not text:
        return ""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower()).split())


@dataclass(frozen=True)
class DateValue:
    """An ISO date cut to its precision: ("2025-07", "month"); (None, None) is no date."""

    iso: str | None
    precision: str | None

    @classmethod
    def parse(cls, iso: object, precision: object = None) -> DateValue:
        """Normalise a (date, precision) pair; the precision defaults to the ISO's length.

        Raises ValueError on a date that is not ISO or is shorter than its precision.
        """
        if iso in (None, ""):
            return cls(None, None)
        text = str(iso).strip()
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
            raise ValueError(f"not an ISO date: {text!r}")
        parts = text.split("-")
        if precision in (None, ""):
            precision = PRECISIONS[len(parts) - 1]
        if precision not in PRECISIONS:
            raise ValueError(f"unknown precision: {precision!r}")
        wanted = PRECISIONS.index(precision) + 1
        if len(parts) < wanted:
            raise ValueError(f"{text!r} is shorter than its precision {precision!r}")
        return cls("-".join(parts[:wanted]), precision)

    def cut(self, precision: str) -> str | None:
        """This date truncated to a coarser precision ("2025-07-14" → "2025-07")."""
        if self.iso is None:
            return None
        return "-".join(self.iso.split("-")[: PRECISIONS.index(precision) + 1])


class DateOutcome(enum.Enum):
    CORRECT = "correct"  # a claim the evidence supports at the precision claimed
    WRONG = "wrong"  # a claim the evidence does not support (wrong value, too fine, or no truth)
    GAP = "gap"  # no claim although the truth has a date
    UNDATED = "undated"  # no claim and no truth: rightly left undated


def judge_date(truth: DateValue, claim: DateValue) -> DateOutcome:
    """Is the claimed date right at the precision it claims?"""
    if claim.iso is None:
        return DateOutcome.UNDATED if truth.iso is None else DateOutcome.GAP
    if truth.iso is None:
        return DateOutcome.WRONG
    if PRECISIONS.index(claim.precision) > PRECISIONS.index(truth.precision):
        return DateOutcome.WRONG
    if truth.cut(claim.precision) != claim.iso:
        return DateOutcome.WRONG
    return DateOutcome.CORRECT


def is_exact_date(truth: DateValue, claim: DateValue) -> bool:
    """A dated claim that equals the truth at the truth's own precision."""
    return truth.iso is not None and truth == claim


@dataclass(frozen=True)
class NameMatch:
    """One article's names compared: matched pairs, spurious predictions, missed entries."""

    matched: tuple[tuple[str, str], ...]  # (annotated display form, predicted)
    spurious: tuple[str, ...]  # predictions matching no entry (false positives)
    missed: tuple[str, ...]  # annotated entries no prediction matched (false negatives)
    ignored: tuple[str, ...] = ()  # predictions matching an optional entry


def _alternatives(entry: str | Sequence[str]) -> tuple[str, ...]:
    return (entry,) if isinstance(entry, str) else tuple(entry)


def match_names(
    annotated: Sequence[str | Sequence[str]],
    predicted: Iterable[str],
    optional: Sequence[str | Sequence[str]] = (),
) -> NameMatch:
    """Match predicted names to annotated entries, one to one, by folded key.

    An entry is a name or a list of acceptable spellings (display form first).
    Predictions are deduplicated by folded key; a second prediction for an
    already matched entry (an acronym left beside its expansion) is spurious.
    Unmatched predictions equal to an optional entry are ignored.
    """
    keys_of = [{fold(a) for a in _alternatives(e)} - {""} for e in annotated]
    first_by_key: dict[str, str] = {}
    for name in predicted:
        first_by_key.setdefault(fold(name), name)
    first_by_key.pop("", None)
    guesses = list(first_by_key.values())

    # Maximum bipartite matching (augmenting paths): lists are short, and a
    # greedy pass could let a vague alternative steal a prediction.
    owner: dict[int, int] = {}  # entry index -> guess index

    def assign(g: int, seen: set[int]) -> bool:
        for e, keys in enumerate(keys_of):
            if fold(guesses[g]) in keys and e not in seen:
                seen.add(e)
                if e not in owner or assign(owner[e], seen):
                    owner[e] = g
                    return True
        return False

    for g in range(len(guesses)):
        assign(g, set())

    used = set(owner.values())
    optional_keys = {fold(a) for e in optional for a in _alternatives(e)} - {""}
    leftovers = [guesses[g] for g in range(len(guesses)) if g not in used]
    return NameMatch(
        matched=tuple((_alternatives(annotated[e])[0], guesses[g]) for e, g in sorted(owner.items())),
        spurious=tuple(p for p in leftovers if fold(p) not in optional_keys),
        missed=tuple(_alternatives(annotated[e])[0] for e in range(len(annotated)) if e not in owner),
        ignored=tuple(p for p in leftovers if fold(p) in optional_keys),
    )


def _contains_words(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def source_matches(accepted: Sequence[str], predicted: str | None) -> bool:
    """Folded, word-aligned containment either way; no source matches no source."""
    wanted = [fold(a) for a in accepted if fold(a)]
    got = fold(predicted)
    if not wanted or not got:
        return not wanted and not got
    return any(_contains_words(w, got) or _contains_words(got, w) for w in wanted)


def title_matches(annotated: str, predicted: str | None) -> bool:
    return fold(annotated) == fold(predicted)


def url_matches(annotated: str | None, predicted: str | None) -> bool:
    def norm(url: str | None) -> str:
        return (url or "").strip().rstrip("/")

    return norm(annotated) == norm(predicted)


@dataclass(frozen=True)
class Scores:
    """Micro-averaged counts for one entity field."""

    true_positives: int = 0
    predicted: int = 0
    annotated: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.true_positives + other.true_positives,
            self.predicted + other.predicted,
            self.annotated + other.annotated,
        )

    @classmethod
    def of(cls, match: NameMatch) -> Scores:
        tp = len(match.matched)
        return cls(tp, tp + len(match.spurious), tp + len(match.missed))

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.annotated if self.annotated else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# --- inputs -----------------------------------------------------------------------


@dataclass(frozen=True)
class Annotation:
    stem: str
    file: str
    date: DateValue
    title: str | None
    sources: tuple[str, ...]
    source_url: str | None
    entities: dict[str, tuple]  # field -> entries (str or tuple of str)
    optional: dict[str, tuple]
    notes: str = ""


@dataclass(frozen=True)
class Prediction:
    date: DateValue
    date_source: str | None
    date_evidence: str | None
    title: str | None
    source: str | None
    source_url: str | None
    entities: dict[str, tuple[str, ...]]


NO_PREDICTION = Prediction(DateValue(None, None), None, None, None, None, None, {f: () for f in ENTITY_FIELDS})


def _entries(raw: object, where: str) -> tuple:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise EvaluationError(f"{where}: expected a list, got {type(raw).__name__}")
    entries = []
    for item in raw:
        if isinstance(item, str):
            entries.append(item)
        elif isinstance(item, list) and item and all(isinstance(x, str) for x in item):
            entries.append(tuple(item))
        else:
            raise EvaluationError(f"{where}: entry {item!r} is neither a name nor a list of names")
    return tuple(entries)


def load_annotation(path: Path, repo_root: Path = REPO_ROOT) -> Annotation:
    """Read one annotation file; errors name the file and the field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise EvaluationError(f"{path}: cannot read: {error}") from error
    if not isinstance(raw, dict) or "file" not in raw:
        raise EvaluationError(f"{path}: not a mapping with a 'file' field")
    if not (repo_root / raw["file"]).is_file():
        raise EvaluationError(f"{path}: file: {raw['file']} does not exist")
    if Path(raw["file"]).stem != path.stem:
        raise EvaluationError(f"{path}: file: {raw['file']} does not match the annotation's name")
    try:
        date = DateValue.parse(raw.get("date"), raw.get("date_precision"))
    except ValueError as error:
        raise EvaluationError(f"{path}: date: {error}") from error
    if date.iso is None and raw.get("date_precision") not in (None, ""):
        raise EvaluationError(f"{path}: date_precision: set although date is null")
    source = raw.get("source")
    sources = tuple(source) if isinstance(source, list) else ((source,) if source else ())
    return Annotation(
        stem=path.stem,
        file=raw["file"],
        date=date,
        title=raw.get("title"),
        sources=sources,
        source_url=raw.get("source_url"),
        entities={f: _entries(raw.get(f), f"{path}: {f}") for f in ENTITY_FIELDS},
        optional={f: _entries(raw.get(f"{f}_optional"), f"{path}: {f}_optional") for f in ENTITY_FIELDS},
        notes=raw.get("notes") or "",
    )


def load_annotations(folder: Path, repo_root: Path = REPO_ROOT) -> list[Annotation]:
    paths = sorted(folder.glob("*.yml"))
    if not paths:
        raise EvaluationError(f"{folder}: no *.yml annotation files")
    annotations = [load_annotation(p, repo_root) for p in paths]
    names = [Path(a.file).name for a in annotations]
    clashes = sorted({n for n in names if names.count(n) > 1})
    if clashes:
        raise EvaluationError(f"{folder}: several annotations name the same file name: {', '.join(clashes)}")
    return annotations


def _names(raw: object) -> tuple[str, ...]:
    """Predicted names: display strings (dicts with a 'name' are accepted too)."""
    names = []
    for item in raw or ():
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str):
            names.append(name)
    return tuple(names)


def parse_prediction(article: dict) -> Prediction:
    try:
        date = DateValue.parse(article.get("date"), article.get("date_precision"))
    except ValueError:
        try:  # a precision that disagrees with the ISO length: judge the ISO as written
            date = DateValue.parse(article.get("date"))
        except ValueError:
            date = DateValue(None, None)  # unreadable: no claim
    return Prediction(
        date=date,
        date_source=article.get("date_source"),
        date_evidence=article.get("date_evidence"),
        title=article.get("title"),
        source=article.get("source"),
        source_url=article.get("source_url"),
        entities={f: _names(article.get(f)) for f in ENTITY_FIELDS},
    )


def predictions_by_stem(document: dict) -> dict[str, Prediction]:
    """Index the build's articles by file stem (its `id`, or its `seed` file's stem)."""
    result: dict[str, Prediction] = {}
    for article in document.get("articles", []):
        prediction = parse_prediction(article)
        for key in (article.get("id"), Path(article.get("seed") or "").stem):
            if key:
                result.setdefault(key, prediction)
    return result


def build_articles(annotations: Sequence[Annotation], repo_root: Path = REPO_ROOT) -> dict:
    """Run the project's build on the annotated articles; return articles.json's content."""
    return build_files([repo_root / annotation.file for annotation in annotations], repo_root)


def build_files(files: Sequence[Path], repo_root: Path = REPO_ROOT) -> dict:
    """Copy these article files into one seeds folder, build it, return articles.json's content."""
    with tempfile.TemporaryDirectory(prefix="chronique-eval-") as tmp:
        seeds, docs = Path(tmp, "seeds"), Path(tmp, "docs")
        seeds.mkdir()
        for path in files:
            shutil.copyfile(path, seeds / path.name)
        command = [sys.executable, "build.py", "--seeds", str(seeds), "--docs", str(docs)]
        run = subprocess.run(command, cwd=repo_root, capture_output=True, text=True)
        output = docs / "data" / "articles.json"
        if not output.is_file():
            tail = "\n".join((run.stderr or run.stdout).strip().splitlines()[-15:])
            raise EvaluationError(f"build.py exited {run.returncode} without writing data/articles.json:\n{tail}")
        if run.returncode != 0:
            print(f"evaluate: build.py exited {run.returncode}; scoring the articles it wrote", file=sys.stderr)
        return json.loads(output.read_text(encoding="utf-8"))


def load_realdev_scorer(folder: Path):
    """The realdev folder's own score.py, imported from there (never copied: the measure is theirs)."""
    path = folder / "score.py"
    spec = importlib.util.spec_from_file_location("realdev_score", path)
    if spec is None or spec.loader is None:
        raise EvaluationError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_realdev(folder: Path, details: bool = False, document: dict | None = None) -> dict:
    """Build the real articles of `folder` and score them with its score.py (its `score` function).

    Returns score.py's result: per field (precision, recall, F1), date counts and coverage.
    With `details`, score.py prints each article's missed and extra names and wrong dates."""
    scorer = load_realdev_scorer(folder)
    if document is None:
        document = build_files(sorted((folder / "articles").glob("*.txt")))
    return scorer.score(document["articles"], verbose=details)


def print_realdev(result: dict, console: Console) -> None:
    table = Table(title=f"Real articles ({result['articles']} articles, realdev/score.py's matching)")
    table.add_column("field", no_wrap=True)
    for column in ("precision", "recall", "F1"):
        table.add_column(column, justify="right")
    for name in ("people", "orgs", "places"):
        precision, recall, f1 = result[name]
        table.add_row(name, _pct(precision), _pct(recall), _pct(f1))
    console.print(table)
    console.print(
        f"Real articles, dates: {result['date_correct']} correct of {result['date_claimed']} claimed, "
        f"{result['date_wrong']} wrong, {result['date_claimed']}/{result['articles']} dated "
        f"({_pct(result['date_coverage'])}), {result['date_day_correct']} right to the day; "
        f"header titles {result['title_header_exact']}",
        highlight=False,
    )


# --- scoring ------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleResult:
    stem: str
    file: str
    found: bool
    truth: DateValue
    claim: DateValue
    date_outcome: DateOutcome
    date_exact: bool
    date_source: str | None
    date_evidence: str | None
    source_ok: bool
    url_ok: bool
    title_ok: bool | None  # None: no header title to score
    names: dict[str, NameMatch]


def score_article(annotation: Annotation, prediction: Prediction | None) -> ArticleResult:
    found = prediction is not None
    prediction = prediction or NO_PREDICTION
    return ArticleResult(
        stem=annotation.stem,
        file=annotation.file,
        found=found,
        truth=annotation.date,
        claim=prediction.date,
        date_outcome=judge_date(annotation.date, prediction.date),
        date_exact=is_exact_date(annotation.date, prediction.date),
        date_source=prediction.date_source,
        date_evidence=prediction.date_evidence,
        source_ok=source_matches(annotation.sources, prediction.source),
        url_ok=url_matches(annotation.source_url, prediction.source_url),
        title_ok=None if annotation.title is None else title_matches(annotation.title, prediction.title),
        names={
            f: match_names(annotation.entities[f], prediction.entities[f], annotation.optional[f])
            for f in ENTITY_FIELDS
        },
    )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class Report:
    results: list[ArticleResult]
    problems: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.results)

    def entity_scores(self, name: str) -> Scores:
        return sum((Scores.of(r.names[name]) for r in self.results), Scores())

    def count(self, outcome: DateOutcome) -> int:
        return sum(r.date_outcome is outcome for r in self.results)

    @property
    def date_accuracy(self) -> float:
        """Articles whose date outcome is right: a correct claim, or rightly undated."""
        return _share(self.count(DateOutcome.CORRECT) + self.count(DateOutcome.UNDATED), self.total)

    @property
    def wrong_date_share(self) -> float:
        return _share(self.count(DateOutcome.WRONG), self.total)

    def summary(self) -> dict:
        scored_titles = [r.title_ok for r in self.results if r.title_ok is not None]
        return {
            "articles": self.total,
            "missing_from_build": [r.file for r in self.results if not r.found],
            "entities": {
                f: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "true_positives": s.true_positives,
                    "predicted": s.predicted,
                    "annotated": s.annotated,
                }
                for f in ENTITY_FIELDS
                for s in [self.entity_scores(f)]
            },
            "source_accuracy": _share(sum(r.source_ok for r in self.results), self.total),
            "source_url_accuracy": _share(sum(r.url_ok for r in self.results), self.total),
            "title_accuracy": _share(sum(scored_titles), len(scored_titles)),
            "titles_scored": len(scored_titles),
            "dates": {
                "accuracy": self.date_accuracy,
                "correct": _share(self.count(DateOutcome.CORRECT), self.total),
                "exact": _share(sum(r.date_exact for r in self.results), self.total),
                "undated": _share(self.count(DateOutcome.UNDATED), self.total),
                "wrong": self.wrong_date_share,
                "gaps": _share(self.count(DateOutcome.GAP), self.total),
            },
        }

    def to_json(self) -> dict:
        def article(r: ArticleResult) -> dict:
            return {
                "file": r.file,
                "found": r.found,
                "truth": asdict(r.truth),
                "claim": asdict(r.claim),
                "date_outcome": r.date_outcome.value,
                "date_exact": r.date_exact,
                "date_source": r.date_source,
                "date_evidence": r.date_evidence,
                "source_ok": r.source_ok,
                "source_url_ok": r.url_ok,
                "title_ok": r.title_ok,
                **{f: {"missed": list(m.missed), "spurious": list(m.spurious)} for f, m in r.names.items()},
            }

        return {**self.summary(), "build_problems": self.problems, "by_article": [article(r) for r in self.results]}


def evaluate(annotations: Sequence[Annotation], document: dict) -> Report:
    predictions = predictions_by_stem(document)
    results = [score_article(a, predictions.get(a.stem)) for a in annotations]
    return Report(results=results, problems=list(document.get("problems", [])))


# --- presentation ---------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{100 * value:.1f} %"


def _date_text(value: DateValue) -> str:
    return f"{value.iso} ({value.precision})" if value.iso else "—"


def print_report(report: Report, console: Console, details: bool = False) -> None:
    summary = report.summary()

    entities = Table(title=f"Entities ({report.total} articles, micro-averaged)")
    entities.add_column("field", no_wrap=True)
    for column in ("precision", "recall", "F1", "matched", "predicted", "annotated"):
        entities.add_column(column, justify="right")
    for name in ENTITY_FIELDS:
        s = report.entity_scores(name)
        entities.add_row(
            name,
            _pct(s.precision),
            _pct(s.recall),
            _pct(s.f1),
            str(s.true_positives),
            str(s.predicted),
            str(s.annotated),
        )
    console.print(entities)

    fields = Table(title="Fields")
    fields.add_column("field")
    fields.add_column("accuracy", justify="right")
    fields.add_column("scored", justify="right")
    fields.add_row("source", _pct(summary["source_accuracy"]), str(report.total))
    fields.add_row("source_url", _pct(summary["source_url_accuracy"]), str(report.total))
    fields.add_row("title (header titles)", _pct(summary["title_accuracy"]), str(summary["titles_scored"]))
    console.print(fields)

    dates = Table(title="Dates (judged at the precision claimed)")
    dates.add_column("outcome")
    dates.add_column("share", justify="right")
    dates.add_column("articles", justify="right")
    exact = sum(r.date_exact for r in report.results)
    rows = [
        ("correct claim", report.count(DateOutcome.CORRECT)),
        ("  of which at full precision", exact),
        ("rightly undated", report.count(DateOutcome.UNDATED)),
        ("wrong claim", report.count(DateOutcome.WRONG)),
        ("gap (no claim, truth known)", report.count(DateOutcome.GAP)),
    ]
    for label, n in rows:
        dates.add_row(label, _pct(_share(n, report.total)), str(n))
    dates.add_row("date accuracy (correct + rightly undated)", _pct(report.date_accuracy), "")
    console.print(dates)

    wrong = [r for r in report.results if r.date_outcome in (DateOutcome.WRONG, DateOutcome.GAP)]
    if wrong:
        listing = Table(title="Wrong dates and gaps")
        for column in ("file", "truth", "claim", "claim source", "evidence"):
            listing.add_column(column, overflow="fold")
        for r in wrong:
            listing.add_row(
                r.file, _date_text(r.truth), _date_text(r.claim), r.date_source or "", r.date_evidence or ""
            )
        console.print(listing)

    missing = summary["missing_from_build"]
    if missing:
        console.print(f"[bold red]Not in the build's output[/] ({len(missing)}): " + ", ".join(missing))

    if details:
        for r in report.results:
            lines = [
                f"  {f}: missed {list(m.missed)}; spurious {list(m.spurious)}"
                for f, m in r.names.items()
                if m.missed or m.spurious
            ]
            if not r.source_ok:
                lines.append("  source: wrong")
            if r.title_ok is False:
                lines.append("  title: wrong")
            if lines:
                console.print(f"[bold]{r.file}[/]")
                console.print("\n".join(lines), markup=False, highlight=False)


# --- command line -----------------------------------------------------------------------


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m chronique.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS, help="folder of <stem>.yml files")
    parser.add_argument("--predictions", type=Path, help="score this articles.json instead of running the build")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--details", action="store_true", help="list missed and spurious names per article")
    parser.add_argument("--min-date-accuracy", type=float, help="fail below this share (0-1) of right date outcomes")
    parser.add_argument("--max-wrong-dates", type=float, help="fail above this share (0-1) of wrong date claims")
    parser.add_argument("--min-people-f1", type=float)
    parser.add_argument("--min-orgs-f1", type=float)
    parser.add_argument("--min-places-f1", type=float)
    parser.add_argument(
        "--realdev", type=Path, default=DEFAULT_REALDEV, help="folder of real annotated articles (with score.py)"
    )
    parser.add_argument("--no-realdev", action="store_true", help="score the team's corpus only")
    return parser.parse_args(argv)


def missed_thresholds(report: Report, arguments: argparse.Namespace) -> list[str]:
    """Each threshold the report misses, as a sentence."""
    checks = [
        ("date accuracy", report.date_accuracy, arguments.min_date_accuracy, "min"),
        ("wrong dates", report.wrong_date_share, arguments.max_wrong_dates, "max"),
        ("people F1", report.entity_scores("people").f1, arguments.min_people_f1, "min"),
        ("organizations F1", report.entity_scores("organizations").f1, arguments.min_orgs_f1, "min"),
        ("places F1", report.entity_scores("places").f1, arguments.min_places_f1, "min"),
    ]
    failures = []
    for label, value, limit, kind in checks:
        if limit is None:
            continue
        if (kind == "min" and value < limit) or (kind == "max" and value > limit):
            bound = "below the minimum" if kind == "min" else "above the maximum"
            failures.append(f"{label} {value:.3f} is {bound} {limit:.3f}")
    return failures


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    # Rich falls back to 80 columns when piped; file paths need more to stay readable.
    console = Console(width=None if sys.stdout.isatty() else 140)
    err = Console(stderr=True)
    folder = arguments.annotations if arguments.annotations.is_absolute() else REPO_ROOT / arguments.annotations
    try:
        annotations = load_annotations(folder)
        if arguments.predictions:
            document = json.loads(arguments.predictions.read_text(encoding="utf-8"))
        else:
            document = build_articles(annotations)
    except (EvaluationError, OSError, json.JSONDecodeError) as error:
        err.print(f"[bold red]evaluate:[/] {error}", markup=True, highlight=False)
        return 2

    report = evaluate(annotations, document)
    if arguments.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print_report(report, console, details=arguments.details)

    realdev = arguments.realdev if arguments.realdev.is_absolute() else REPO_ROOT / arguments.realdev
    if not arguments.no_realdev and not arguments.predictions and (realdev / "score.py").is_file():
        try:
            result = score_realdev(realdev, details=arguments.details and not arguments.json)
        except (EvaluationError, OSError, json.JSONDecodeError) as error:
            err.print(f"[bold red]evaluate:[/] real articles: {error}", markup=True, highlight=False)
            return 2
        if arguments.json:
            print(json.dumps({"realdev": result}, ensure_ascii=False, indent=2))
        else:
            print_realdev(result, console)

    failures = missed_thresholds(report, arguments)
    for failure in failures:
        err.print(f"[bold red]threshold:[/] {failure}", highlight=False)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
