"""Two independent pieces of work on two cores, by fork.

A forked worker inherits every object built so far (the articles, the site, the
templates), so nothing large is sent to it; only its result comes back, pickled.
Used where a large build has two independent halves of similar cost (duplicates
beside related articles; article pages beside list pages). Small builds, one job,
or a platform without fork run the work in this process: the result is the same.
"""

from __future__ import annotations

import multiprocessing
from typing import Callable, TypeVar

T = TypeVar("T")

_TASK: Callable | None = None  # what the forked worker runs: set just before the fork


def _run_task():
    return _TASK()


def in_background(task: Callable[[], T], enabled: bool = True) -> Callable[[], T]:
    """Start task() in a forked process now; returns a function that waits for and
    returns its result (re-raising its error). When not enabled (or without fork),
    task() runs only when its result is asked for."""
    global _TASK
    if not enabled or "fork" not in multiprocessing.get_all_start_methods():
        return task
    _TASK = task
    pool = multiprocessing.get_context("fork").Pool(1)
    pending = pool.apply_async(_run_task)
    _TASK = None

    def result() -> T:
        try:
            return pending.get()
        finally:
            pool.close()
            pool.join()

    return result
