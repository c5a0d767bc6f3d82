"""The fork server preloads what every worker pool of the process registered, whichever
pool starts it first (ingest workers and search workers share it in ``baoku serve``)."""

from __future__ import annotations

import importlib
import multiprocessing.forkserver

from baoku.forkserver import worker_context


def test_either_pool_starts_the_fork_server_with_both_preloads() -> None:
    for module in ("baoku.api.search_workers", "baoku.runner"):  # each registers at import
        importlib.import_module(module)
    context = worker_context()
    assert context.get_start_method() == "forkserver"
    # multiprocessing keeps the list on its module-level fork server object.
    preloaded = set(multiprocessing.forkserver._forkserver._preload_modules)  # type: ignore[attr-defined]
    assert {"baoku.api.worker_preload", "baoku.runner", "pdfplumber"} <= preloaded
