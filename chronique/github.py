"""On GitHub Actions: each problem becomes an annotation on its file, and the build
report goes to the job summary, where an editor who pushed reads it.

Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
(`::error file=…,title=…::message`; data and properties escaped as the runner expects).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .model import ERROR

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def on_github_actions(environ=os.environ) -> bool:
    return environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    return _UNPRINTABLE.sub("?", text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem, seeds: Path, workspace: Path) -> str:
    """One problem as a workflow command, on the file's path from the repository root
    (`seeds/x.txt`), so GitHub shows it on that file."""
    command = "error" if problem.severity == ERROR else "warning"
    path = seeds / problem.file
    try:
        shown = path.resolve().relative_to(workspace.resolve()).as_posix()
    except ValueError:  # a seeds folder outside the repository: its own path
        shown = path.as_posix()
    title = f"Chronique : {problem.field}"
    return f"::{command} file={escape_property(shown)},title={escape_property(title)}::{escape_data(problem.message)}"


def announce(problems, seeds: Path, summary: str, environ=os.environ, out=None) -> None:
    """Print an annotation per problem and append the report to the job summary."""
    import sys

    out = out or sys.stdout
    workspace = Path(environ.get("GITHUB_WORKSPACE") or os.getcwd())
    for problem in problems:
        print(annotation(problem, seeds, workspace), file=out)
    if summary_file := environ.get("GITHUB_STEP_SUMMARY"):
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(summary)
