"""What was extracted and what looks wrong, for a person at a terminal (rich)."""

from __future__ import annotations

import sys
from collections import Counter

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .model import ERROR, TEXT, WARNING

# Above this many articles the table lists only the ones with something to check.
FULL_TABLE_LIMIT = 200


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
        table = Table(title="Chronique : rapport de construction", show_lines=False)
        for column in ("fichier", "date (précision, source)", "titre", "pers.", "org.", "lieux", "à vérifier"):
            table.add_column(column, overflow="fold")
        entries = list(site.entries)
        many = len(entries) > FULL_TABLE_LIMIT
        for entry in sorted(entries, key=lambda e: e.article.seed):
            a = entry.article
            notes = [f"{p.severity}: {p.field}: {p.message}" for p in by_file.get(a.seed, [])] + doubts.get(a.id, [])
            if many and not notes:
                continue
            when = f"{a.date.iso} ({a.date.precision}, {a.date.source})" if a.date else "—"
            table.add_row(a.seed, when, a.title_source, str(len(a.people)), str(len(a.organizations)),
                          str(len(a.places)), "\n".join(notes) or "")
        shown = {e.article.seed for e in entries}
        for file, file_problems in sorted(by_file.items()):
            if file not in shown:
                table.add_row(file, "—", "—", "", "", "", "\n".join(f"{p.severity}: {p.field}: {p.message}" for p in file_problems))
        self.console.print(table)
        counts = Counter(p.severity for p in problems)
        held = ""
        self.console.print(
            f"{len(entries)} articles, {counts[ERROR]} errors, {counts[WARNING]} warnings{held}"
            + (f" (table limited to the {FULL_TABLE_LIMIT}+ corpus's articles to check)" if many else "")
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
            if seen[person] == 1 and len(person.split()) > 3:
                notes.append(f"person '{person}' seen once, in an unusually long form")
        if entry.duplicate_of:
            notes.append(f"duplicate of {entry.duplicate_of}")
        if notes:
            doubts[a.id] = notes
    return doubts
