"""Rendered results (/search, /figures) kept in memory, keyed by the query AND the index
generation.

Every write to the SQLite search index bumps ``search_generation`` in the same transaction
(``search.sqlite_index.bump_generation``), whichever process writes. A response is stored
under the generation its search read, and looked up under the generation read just before
the lookup, so an ingest or a delete makes every older entry unreachable at once: the cache
can serve a result late by no more than the read itself, never stale. Entries of an older
generation are dropped as soon as a newer one is seen. Bounded by entries and by bytes,
least recently used out first.

Figure records are facts, not index rows, but the store writes facts only together with
their articles, and every article write re-indexes them (the index holds the facts as
filter keys), so the generation moves with them too.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Final

DEFAULT_MAX_ENTRIES: Final = 20_000
DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024
# As many as the cache holds entries: a key only helps while its result is cached.
DEFAULT_MAX_KEYS: Final = DEFAULT_MAX_ENTRIES


def result_etag(identity: str, generation: int, key: Hashable) -> str:
    """The entity tag of a result: it changes with the index generation, and ``identity``
    (archive and version) keeps tags of different archives or response formats apart."""
    digest = hashlib.blake2b(f"{identity}|{key!r}".encode(), digest_size=12)
    return f'"{generation}-{digest.hexdigest()}"'


@dataclass(frozen=True, slots=True)
class Rendered:
    """One search response as sent: the JSON body and its entity tag."""

    body: bytes
    etag: str


class SearchCache:
    def __init__(
        self, max_entries: int = DEFAULT_MAX_ENTRIES, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, Rendered] = OrderedDict()
        self._generation = -1
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        self.coalesced = 0
        self.evictions = 0

    def get(self, generation: int, key: Hashable, *, count_miss: bool = True) -> Rendered | None:
        """The entry, or None; ``count_miss=False`` for a look that is not the request's
        last (the fast path for repeated requests, which falls back to the usual one)."""
        with self._lock:
            self._advance(generation)
            found = self._entries.get(key) if generation == self._generation else None
            if found is None:
                self.misses += count_miss
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, generation: int, key: Hashable, value: Rendered) -> None:
        size = len(value.body)
        if size > self.max_bytes or self.max_entries < 1:
            return
        with self._lock:
            self._advance(generation)
            if generation != self._generation:
                return  # computed on a snapshot that is already superseded
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = value
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.body)
                self.evictions += 1

    def note_coalesced(self) -> None:
        """A miss that waited for the same search already running instead of running it."""
        with self._lock:
            self.coalesced += 1

    def _advance(self, generation: int) -> None:
        if generation > self._generation:
            self._entries.clear()
            self._bytes = 0
            self._generation = generation

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {
                "generation": self._generation,
                "entries": len(self._entries),
                "bytes": self._bytes,
                "hits": self.hits,
                "misses": self.misses,
                "coalesced": self.coalesced,
                "evictions": self.evictions,
            }


class RepeatKeys:
    """Request as received (``repeat_requests.repeat_key``) → (cache key, cache): bounded,
    least recently used out first.

    Used on the event loop only."""

    def __init__(self, max_keys: int = DEFAULT_MAX_KEYS) -> None:
        self.max_keys = max_keys
        self._keys: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, raw: Hashable) -> Any | None:
        found = self._keys.get(raw)
        if found is not None:
            self._keys.move_to_end(raw)
        return found

    def put(self, raw: Hashable, value: Any) -> None:
        self._keys[raw] = value
        self._keys.move_to_end(raw)
        while len(self._keys) > self.max_keys:
            self._keys.popitem(last=False)
