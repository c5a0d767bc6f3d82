"""Imported by multiprocessing's fork server before it forks search workers
(``search_workers``): the search code and its lazily built tables, loaded once there, are in
every worker from its start, instead of each new or restarted worker spending a second or
more on them while searches wait."""

from baoku.api import search_workers as _search_workers  # noqa: F401  (the worker code)
from baoku.search.preload import preload

preload()
