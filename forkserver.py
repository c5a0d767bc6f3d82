"""The fork server's preload list, shared by everything in a process that starts worker
processes: ingest workers (``runner``) and search workers (``api.search_workers``).

multiprocessing runs one fork server per process and reads its preload list once, when the
server starts. Each user used to set its own list, so in ``baoku serve`` whichever pool
started first decided, and the other's workers imported their code on every (re)start. Users
now register their modules at import, and every start preloads the union.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import BaseContext

_PRELOAD: set[str] = set()


def register_preload(*modules: str) -> None:
    """Modules the fork server should import before it forks, for whichever user starts it."""
    _PRELOAD.update(modules)


def worker_context() -> BaseContext:
    """The forkserver context with every registered module preloaded; spawn where there is
    no fork server (not fork: servers have threads, which fork copies mid-state)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(sorted(_PRELOAD))
    return context
