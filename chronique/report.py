"""What was extracted and what looks wrong, for a person at a terminal (rich)."""

from __future__ import annotations

import sys
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .model import ERROR, TEXT, WARNING

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

    def show(self, site, problems) -> None:
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
            notes = [f"{p.severity}: {p.field}: {p.message}" for p in found] + doubts.get(a.id, [])
            if many and not notes:
                continue
            when = f"{a.date.iso} ({a.date.precision}, {a.date.source})" if a.date else "—"
            worst = 0 if any(p.severity == ERROR for p in found) else 1 if found else 2
            rows.append(
                (
                    worst,
                    a.seed,
                    (
                        a.seed,
                        when,
                        a.title_source,
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
                            "\n".join(f"{p.severity}: {p.field}: {p.message}" for p in file_problems),
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
        counts = Counter(p.severity for p in problems)
        self.console.print(f"{len(entries)} articles, {counts[ERROR]} errors, {counts[WARNING]} warnings")
        if many:
            kinds = Counter((p.severity, p.field) for p in problems)
            summary = ", ".join(f"{n} {severity} {field}" for (severity, field), n in sorted(kinds.items()))
            hidden = max(0, len(rows) - TABLE_ROWS)
            self.console.print(
                f"Table: the articles to check, errors first{f' (the first {TABLE_ROWS}; {hidden} more)' if hidden else ''}. "
                f'By kind: {summary or "none"}. Every problem is listed in docs/data/articles.json ("problems").'
            )


def find_doubts(site) -> dict[str, list[str]]:
    """Things worth a second look that are not errors: a derived title, a date from
    the text only, a person named once in a spelling without its diacritics."""
    seen = Counter(name for e in site.entries for name in e.article.people)
    doubts: dict[str, list[str]] = {}
    for entry in site.entries:
        a = entry.article
        notes = []
        if a.title_source == TEXT:
            notes.append("title derived from the text")
        if a.date and a.date.source == TEXT:
            notes.append(f"date from the text only: {a.date.evidence}")
        for person in a.people:
            if seen[person] == 1 and len(person.split()) > 4:  # Vietnamese names often have four words
                notes.append(f"person '{person}' seen once, in an unusually long form")
        if entry.duplicate_of:
            notes.append(f"duplicate of {entry.duplicate_of}")
        if notes:
            doubts[a.id] = notes
    return doubts
