"""A per-process memo of the costly statement results of SQLite searches (search stage).

What a search over common words costs is a few statements that visit every match: counting
them, ranking them (FTS5 computes bm25 for each one, with no top-k pruning) and collecting
their ids for facet counts. The same words come back with the next page, another facet or
another sort of the same matches, and popular words come back in many searches; each of
these statements' results depends only on the statement, its parameters and the index
snapshot, so it is kept and reused.

Entries are keyed by the archive file, its index generation (``sqlite_index.generation``,
which every index write changes) and the statement with its parameters: a write makes every
older entry unreachable, and a put under a new generation drops the archive's older ones.
The memo is bounded in bytes and forgets the least recently used entries first. The API's
result cache (``api/search_cache.py``) holds whole answers; this one holds the pieces that
differing answers share.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

# Per process (each API search worker has its own): some hundred ranked windows and counts,
# or a few dozen id sets of words found in most of 100,000 articles.
DEFAULT_MAX_BYTES: Final = 48 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Scope:
    """Which snapshot a search reads: results computed in it are reusable in any search
    that reads the same archive at the same generation."""

    path: str
    generation: int

    @classmethod
    def of(cls, path: Path, generation: int) -> Scope:
        return cls(str(path), generation)


class ResultMemo:
    """Thread-safe LRU of ``(scope, key) -> value`` with a byte budget."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        if max_bytes < 0:
            raise ValueError("max_bytes must be >= 0")
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self.evictions = 0  # entries dropped for room (not for a newer generation)
        self._entries: OrderedDict[tuple[Scope, Hashable], tuple[Any, int]] = OrderedDict()
        self._generation: dict[str, int] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, scope: Scope, key: Hashable) -> Any | None:
        with self._lock:
            found = self._entries.get((scope, key))
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end((scope, key))
            self.hits += 1
            return found[0]

    def put(self, scope: Scope, key: Hashable, value: Any, nbytes: int) -> None:
        """Keep ``value`` (about ``nbytes`` in memory); one larger than a quarter of the
        budget is not kept, so a single huge result cannot flush everything else."""
        if nbytes > self.max_bytes // 4:
            return
        with self._lock:
            if self._generation.get(scope.path) != scope.generation:
                self._generation[scope.path] = scope.generation
                self._drop_other_generations(scope)
            old = self._entries.pop((scope, key), None)
            if old is not None:
                self.bytes -= old[1]
            self._entries[(scope, key)] = (value, nbytes)
            self.bytes += nbytes
            while self.bytes > self.max_bytes and self._entries:
                _, (_, size) = self._entries.popitem(last=False)
                self.bytes -= size
                self.evictions += 1

    def resize(self, max_bytes: int) -> None:
        """A new budget; the least recently used entries go until the memo fits it."""
        if max_bytes < 0:
            raise ValueError("max_bytes must be >= 0")
        with self._lock:
            self.max_bytes = max_bytes
            while self.bytes > self.max_bytes and self._entries:
                _, (_, size) = self._entries.popitem(last=False)
                self.bytes -= size

    def stats(self) -> dict[str, int]:
        """Counters for health checks: an operator sizing the budget watches evictions."""
        with self._lock:
            return {
                "entries": len(self._entries),
                "bytes": self.bytes,
                "max_bytes": self.max_bytes,
                "hits": self.hits,
                "misses": self.misses,
                "evictions": self.evictions,
            }

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._generation.clear()
            self.bytes = 0

    def _drop_other_generations(self, scope: Scope) -> None:
        stale = [k for k in self._entries if k[0].path == scope.path and k[0] != scope]
        for k in stale:
            self.bytes -= self._entries.pop(k)[1]
