"""What was extracted and what looks wrong, for a person at a terminal (rich)."""

from __future__ import annotations

import sys
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .model import ERROR, TEXT, WARNING
from .text import count

PRECISION = {"day": "jour", "month": "mois", "year": "année"}
ORIGIN = {"editor": "rédaction", "header": "en-tête", "photo": "photo", "text": "texte", "corpus": "corpus"}
SEVERITY = {ERROR: "erreur", WARNING: "avertissement"}
# The fields problems are filed under, as an editor reads them (a sidecar's own keys stay as written).
FIELD = {
    "file": "fichier",
    "title": "titre",
    "aliases": "alias",
    "extraction": "extraction",
    "people": "personnes",
    "organizations": "organisations",
    "places": "lieux",
    "source": "source",
    "duplicate": "doublon",
    "nav": "navigation",
}

# Above this many articles the table lists only the ones with something to check,
# errors first, at most TABLE_ROWS of them (thousands of rows help no one and take
# seconds to lay out); a count by kind of problem sums up the rest.
FULL_TABLE_LIMIT = 200
TABLE_ROWS = 100


class Report:
    def __init__(self, progress: bool = True, console: Console | None = None):
        self.console = console or Console(stderr=False, soft_wrap=False, width=160 if not sys.stdout.isatty() else None)
        self.progress = progress

    def track(self, items: list, label: str):
        """A progress bar on long builds; nothing on short ones."""
        if not self.progress or len(items) < 50:
            yield from items
            return
        columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=self.console, transient=True) as progress:
            task = progress.add_task(label, total=len(items))
            for item in items:
                yield item
                progress.advance(task)

    def show(self, site, problems, held: tuple[str, ...] = ()) -> None:
        by_file: dict[str, list] = {}
        for problem in problems:
            by_file.setdefault(problem.file, []).append(problem)
        doubts = find_doubts(site)
        entries = list(site.entries)
        many = len(entries) > FULL_TABLE_LIMIT
        rows = []
        for entry in entries:
            a = entry.article
            found = by_file.get(a.seed, [])
            notes = [describe(p) for p in found] + doubts.get(a.id, [])
            if many and not notes:
                continue
            when = (
                f"{a.date.iso} ({PRECISION.get(a.date.precision, a.date.precision)}, "
                f"{ORIGIN.get(a.date.source, a.date.source)})"
                if a.date
                else "Sans date"
            )
            worst = 0 if any(p.severity == ERROR for p in found) else 1 if found else 2
            rows.append(
                (
                    worst,
                    a.seed,
                    (
                        a.seed,
                        when,
                        ORIGIN.get(a.title_source, a.title_source),
                        str(len(a.people)),
                        str(len(a.organizations)),
                        str(len(a.places)),
                        "\n".join(notes),
                    ),
                )
            )
        shown = {e.article.seed for e in entries}
        for file, file_problems in by_file.items():
            if file not in shown:
                rows.append(
                    (
                        0,
                        file,
                        (
                            file,
                            "—",
                            "—",
                            "",
                            "",
                            "",
                            "\n".join(describe(p) for p in file_problems),
                        ),
                    )
                )
        rows.sort(key=lambda row: (row[0], row[1]) if many else row[1])
        table = Table(title="Chronique : rapport de construction", show_lines=False)
        for column in ("fichier", "date (précision, source)", "titre", "pers.", "org.", "lieux", "à vérifier"):
            table.add_column(column, overflow="fold")
        for _, _, cells in rows[:TABLE_ROWS] if many else rows:
            table.add_row(*(escape(cell) for cell in cells))  # a file named "[link=…]x.txt" is text, not markup
        self.console.print(table)
        if held:
            self.console.print(f"Retenus (hold: true, publiés nulle part) : {', '.join(held)}", highlight=False)
        self.console.print(totals(len(entries), problems, held), highlight=False)
        if many:
            kinds = Counter((p.severity, p.field) for p in problems)
            summary = ", ".join(
                f"{n} {SEVERITY.get(severity, severity)} {FIELD.get(field, field)}"
                for (severity, field), n in sorted(kinds.items())
            )
            hidden = max(0, len(rows) - TABLE_ROWS)
            shown_rows = f" (les {TABLE_ROWS} premiers ; {hidden} de plus)" if hidden else ""
            self.console.print(
                f"Tableau : les articles à vérifier, erreurs d'abord{shown_rows}. Par type : {summary or 'aucun'}. "
                "Chaque problème est listé dans docs/data/articles.json (« problems »).",
                highlight=False,
            )


def describe(problem) -> str:
    """'erreur : fichier : pas de l'UTF-8 …': one problem as a line of the report."""
    return f"{SEVERITY.get(problem.severity, problem.severity)} : {FIELD.get(problem.field, problem.field)} : {problem.message}"


def totals(built: int, problems, held: tuple[str, ...] = ()) -> str:
    """The report's last line: '5 articles, 0 erreur, 4 avertissements'."""
    severities = Counter(p.severity for p in problems)
    line = (
        f"{count(built, 'article', 'articles')}, {count(severities[ERROR], 'erreur', 'erreurs')}, "
        f"{count(severities[WARNING], 'avertissement', 'avertissements')}"
    )
    return line + (f", {count(len(held), 'article retenu', 'articles retenus')}" if held else "")


def summary_markdown(built: int, problems, held: tuple[str, ...] = ()) -> str:
    """The build report as Markdown, for a CI job summary: the totals, the held articles
    and every problem, file by file."""
    lines = ["## Chronique : rapport de construction", "", totals(built, problems, held), ""]
    if held:
        lines += ["Articles retenus (`hold: true`, publiés nulle part) : " + ", ".join(f"`{h}`" for h in held), ""]
    if problems:
        lines += ["| fichier | gravité | champ | problème |", "| --- | --- | --- | --- |"]
        for p in sorted(problems, key=lambda p: (p.file, p.severity, p.field, p.message)):
            cells = (p.file, SEVERITY.get(p.severity, p.severity), FIELD.get(p.field, p.field), p.message)
            lines.append("| " + " | ".join(_table_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _table_cell(text: str) -> str:
    """Text inside a Markdown table cell: no pipe, no line break, no markup."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ").replace("`", "'")


def find_doubts(site) -> dict[str, list[str]]:
    """Things worth a second look that are not errors: a derived title, a date from
    the text only, a person named once in a spelling without its diacritics."""
    seen = Counter(name for e in site.entries for name in e.article.people)
    doubts: dict[str, list[str]] = {}
    for entry in site.entries:
        a = entry.article
        notes = []
        if a.title_source == TEXT:
            notes.append("titre tiré du texte")
        if a.date and a.date.source == TEXT:
            notes.append(f"date tirée du texte seul : {a.date.evidence}")
        for person in a.people:
            if seen[person] == 1 and len(person.split()) > 4:  # Vietnamese names often have four words
                notes.append(f"personne « {person} » vue une seule fois, sous une forme inhabituellement longue")
        if entry.duplicate_of:
            notes.append(f"doublon de {entry.duplicate_of}")
        if notes:
            doubts[a.id] = notes
    return doubts
