"""Where a map over many items runs: one interface, two implementations.

- LocalProcesses (the default): forked processes on this machine. A forked worker
  inherits everything built so far (the loaded model included), so only the items
  travel to it, and only the results come back, pickled. One job, one item, or a
  platform without fork: the map runs in this process, with the same result.
- DaskCluster: Dask distributed (optional: `pip install -r requirements-dask.txt`),
  an existing cluster (`build.py --scheduler tcp://host:8786`) or a local one
  (`--workers N`). The function and its items travel to the workers pickled (so a
  function that needs something heavy, the model, loads it once per worker itself:
  chronique/entities/runner.py), and the results come back as plain data.

Either way map() returns the results in the order of the items, and imap() yields them in
that order as they come (for a progress bar): the site is the same, byte for byte,
whichever runs it (tests/test_executors.py).

in_background() is the same fork for one task beside this process's own work (duplicates
beside related articles, article pages beside list pages, half of a day's re-dating): it
needs what this process holds, so it never leaves the machine. A StopFlag, made before the
fork, lets this process tell that task to stop early.

Every process forked here is killed with the process that forked it (Linux's
PR_SET_PDEATHSIG): a build killed mid-way leaves nothing running, writing into its staging
copy or its cache, nor holding its lock, and the next build can start at once.
"""

from __future__ import annotations

import ctypes
import mmap
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_FUNCTION: Callable | None = None  # what the forked workers run: set just before the fork
PR_SET_PDEATHSIG = 1  # prctl(2)


def _call(item):
    return _FUNCTION(item)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _die_with(parent: int) -> None:
    """In a forked process: be killed with `parent`, the process that forked it."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux: the fork ends once its work is done
        return
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent was killed before prctl
        os._exit(1)


def _forked_pool(processes: int, function: Callable):
    """A pool of `processes` forked now, each running `function` on the items it is given:
    the function is inherited by the fork, neither pickled nor sent. Each is killed with
    this process."""
    global _FUNCTION
    _FUNCTION = function
    try:
        return multiprocessing.get_context("fork").Pool(processes, initializer=_die_with, initargs=(os.getpid(),))
    finally:
        _FUNCTION = None


class StopFlag:
    """One byte shared with the processes forked after it is made: set here, seen there (a
    task in_background() checks it to stop early)."""

    def __init__(self):
        self._byte = mmap.mmap(-1, 1)

    def set(self) -> None:
        self._byte[0] = 1

    def is_set(self) -> bool:
        return bool(self._byte[0])


def in_background(task: Callable[[], T], enabled: bool = True) -> Callable[[], T]:
    """Start task() in a forked process now; returns a function that waits for and
    returns its result (re-raising its error). When not enabled (or without fork),
    task() runs only when its result is asked for: the result is the same."""
    if not enabled or not _can_fork():
        return task
    pool = _forked_pool(1, lambda _: task())
    pending = pool.apply_async(_call, (None,))

    def result() -> T:
        try:
            return pending.get()
        finally:
            pool.close()
            pool.join()

    return result


class Executor(Protocol):
    inherits: bool  # whether a worker inherits what this process holds (a fork does)

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]: ...

    def imap(self, function: Callable[[T], R], items: Sequence[T]) -> Iterator[R]: ...

    def workers(self) -> int: ...  # how many items it runs at once


class LocalProcesses:
    """Forked processes on this machine, `jobs` at most."""

    inherits = True  # a worker inherits what this process holds (the loaded model)

    def __init__(self, jobs: int = 1):
        self.jobs = jobs

    def workers(self) -> int:
        return self.jobs if _can_fork() else 1

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return list(self.imap(function, items))

    def imap(self, function: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """The results in the order of the items, each as soon as it and those before it
        are done. The processes are forked at the first next(), and ended when the last
        result is taken or the iteration is closed."""
        processes = min(self.jobs, len(items))
        if processes < 2 or not _can_fork():
            yield from (function(item) for item in items)
            return
        with _forked_pool(processes, function) as pool:
            yield from pool.imap(_call, items)


class DaskCluster:
    """Dask distributed: a running scheduler's address, or a local cluster of `workers`
    processes (one thread each: the model is not made faster by threads). A context
    manager: the local cluster stops with it."""

    inherits = False  # a worker starts empty: what it needs travels with the function, or it loads it

    def __init__(self, scheduler: str | None = None, workers: int = 2):
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:
            raise DaskMissing(DaskMissing.MESSAGE) from error
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if not items:
            return []
        # pure=False: the items are not hashed for Dask's keys (a map runs once per build)
        futures = self.client.map(function, list(items), pure=False)
        return self.client.gather(futures)

    def imap(self, function: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """All the items sent at once, their results taken back in their order (a task's
        error raised here, as map does); those not taken are cancelled if the iteration
        is closed early."""
        if not items:
            return
        futures = self.client.map(function, list(items), pure=False)
        taken = 0
        try:
            for future in futures:
                yield future.result()
                taken += 1
        finally:
            if taken < len(futures):
                self.client.cancel(futures[taken:])

    def workers(self) -> int:
        return len(self.client.scheduler_info()["workers"])

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskCluster:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class DaskMissing(RuntimeError):
    """--scheduler or --workers without the optional install."""

    MESSAGE = "Dask n'est pas installé : pip install -r requirements-dask.txt (pour --scheduler ou --workers)"
