"""Turn the names a user types in filters into the values the index holds (search stage).

Both backends resolve a ``SearchQuery`` here first, against the SQLite store of record (which
is always there, also when Elasticsearch answers), so 上海, 法院 or 法律服务站 select the same
articles in SQLite and in Elasticsearch:

* place: ``baoku.nlp.places.resolve_place`` gives a path, whose prefixes are indexed; without
  the NLP module, any indexed place path containing the typed text.
* agency and initiative (``name_values``), in this order:

  1. the typed name (or, for agencies, ``baoku.nlp.agencies.canonical_agency`` of it) when it
     is a stored canonical, plus every canonical whose stored mentions were printed exactly so
     (aliases: 西海岸新区总工会 → 青岛市西海岸新区总工会);
  2. when neither exists, every stored canonical that CONTAINS the typed name (法院 → every
     court, 总工会 → every union, 法律服务站 → 保障农民工工资支付法律服务站), at most
     ``MAX_FILTER_VALUES`` of them, else ``FilterTooBroadError``;
  3. when nothing matches, the name itself (which then matches nothing, in both backends).

The result is an exact set of values, so the backends need no fuzzy matching of their own.
Without a store (an Elasticsearch backend built without one) only step 1's canonical name is
used, as before.
"""

from __future__ import annotations

import importlib
import sqlite3
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from baoku.search.query import FigureFilter, SearchQuery
from baoku.search.syntax import QuerySyntaxError

# A typed name that is contained in more stored canonicals than this is refused rather than
# cut: a silently partial agency filter would give wrong totals.
MAX_FILTER_VALUES: Final = 500

# The entity label whose mention texts are aliases of a filter field's canonicals.
_LABELS: Final[dict[str, str]] = {"agency": "AGENCY", "initiative": "INITIATIVE"}


class FilterTooBroadError(QuerySyntaxError):
    """A filter name is part of too many stored names; ``str(error)`` says what to type."""


@cache
def _nlp_function(module: str, name: str) -> Callable[..., Any] | None:
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def resolve_place(name: str) -> str | None:
    fn = _nlp_function("baoku.nlp.places", "resolve_place")
    if fn is None:
        return None
    path = fn(name)
    return str(path) if path else None


def canonical_agency(name: str) -> str:
    fn = _nlp_function("baoku.nlp.agencies", "canonical_agency")
    found = fn(name) if fn is not None else None
    return str(found) if found else name.strip()


def normalized_name(name: str) -> str:
    """The typed name as names are stored: NFKC (full-width letters and digits narrowed) and
    without spaces, which a printed Chinese name never holds."""
    return "".join(unicodedata.normalize("NFKC", name).split())


@dataclass(frozen=True, slots=True)
class KeyMatch:
    """One filter field: an article passes when one of its values equals one of ``exact``
    or contains one of ``contains``."""

    field: str
    exact: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ResolvedQuery:
    query: SearchQuery
    keys: tuple[KeyMatch, ...]
    figure: FigureFilter | None
    # The agencies a figure filter's ``agency`` stands for (None: no agency condition).
    figure_agencies: tuple[str, ...] | None = None


def place_match(names: tuple[str, ...]) -> KeyMatch:
    exact: list[str] = []
    contains: list[str] = []
    for name in names:
        path = resolve_place(name.strip())
        # Paths are indexed with all their prefixes, so the resolved path alone also finds
        # every district below it.
        if path:
            exact.append(path)
        else:
            contains.append(name.strip())
    return KeyMatch("place", tuple(exact), tuple(contains))


@dataclass(frozen=True, slots=True)
class NameIndex:
    """The stored names of the name fields, read once per index generation: each field's
    values with their article counts (most frequent first), and each printed mention text
    with the canonicals it was resolved to."""

    counts: dict[str, dict[str, int]]
    aliases: dict[str, dict[str, frozenset[str]]]

    @classmethod
    def read(cls, conn: sqlite3.Connection) -> NameIndex:
        counts: dict[str, dict[str, int]] = {field: {} for field in _LABELS}
        marks = ", ".join("?" for _ in _LABELS)
        rows = conn.execute(
            f"SELECT field, value, COUNT(*) AS n FROM search_keys WHERE field IN ({marks}) "
            "GROUP BY field, value ORDER BY n DESC, value",
            list(_LABELS),
        )
        for field, value, n in rows:
            counts[str(field)][str(value)] = int(n)
        found: dict[str, dict[str, set[str]]] = {field: {} for field in _LABELS}
        by_label = {label: field for field, label in _LABELS.items()}
        # One sequential pass: through the (label, canonical) index every row costs a table
        # lookup for its text (250 ms against 105 ms at 300,000 mentions).
        rows = conn.execute(
            "SELECT DISTINCT label, text, canonical FROM entity_mentions NOT INDEXED "
            f"WHERE label IN ({marks})",
            list(by_label),
        )
        for label, text, canonical in rows:
            found[by_label[str(label)]].setdefault(str(text), set()).add(str(canonical))
        aliases = {
            field: {text: frozenset(c) for text, c in texts.items()}
            for field, texts in found.items()
        }
        return cls(counts, aliases)


# (database file, index generation) → its NameIndex. Reading the names scans the mentions of
# the archive (~0.15 s at 100,000 articles, 300,000 mentions), so a server does it once per
# index change.
_NAME_CACHE: dict[str, tuple[int, NameIndex]] = {}
_NAME_LOCK = threading.Lock()


def name_index(conn: sqlite3.Connection) -> NameIndex:
    """The ``NameIndex`` of the store behind ``conn``, cached per index generation."""
    from baoku.search.sqlite_index import generation

    path = next((str(r[2]) for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")
    key = path or f"memory:{id(conn)}"
    current = generation(conn)
    with _NAME_LOCK:
        cached = _NAME_CACHE.get(key)
    if cached is not None and cached[0] == current:
        return cached[1]
    names = NameIndex.read(conn)
    with _NAME_LOCK:
        _NAME_CACHE[key] = (current, names)
    return names


def name_values(conn: sqlite3.Connection | None, field: str, typed: str) -> tuple[str, ...]:
    """The stored ``field`` values (agency or initiative) that the typed name stands for."""
    name = normalized_name(typed) or typed.strip()
    candidates = [name]
    if field == "agency":
        canonical = canonical_agency(name)
        if canonical != name:
            candidates.append(canonical)
    if conn is None:
        return (candidates[-1],)
    names = name_index(conn)
    counts, aliases = names.counts[field], names.aliases[field]
    found: set[str] = set()
    for candidate in candidates:
        if candidate in counts:
            found.add(candidate)
        found |= aliases.get(candidate, frozenset())
    if found:
        return tuple(sorted(found))
    # Not a stored name: the stored names containing it, most frequent first.
    containing = [value for value in counts if name in value]
    if len(containing) > MAX_FILTER_VALUES:
        examples = "、".join(containing[:3])
        raise FilterTooBroadError(
            f"{field} {typed!r} is part of {len(containing)} stored names (e.g. {examples}), "
            f"more than the {MAX_FILTER_VALUES} a filter takes; type more of the name, or "
            f"pick one from the {field} facet."
        )
    return tuple(containing) or (candidates[-1],)


def names_match(conn: sqlite3.Connection | None, field: str, typed: tuple[str, ...]) -> KeyMatch:
    values: dict[str, None] = {}
    for name in typed:
        values.update(dict.fromkeys(name_values(conn, field, name)))
    if len(values) > MAX_FILTER_VALUES:
        raise FilterTooBroadError(
            f"the {field} names given stand for more than {MAX_FILTER_VALUES} stored names; "
            "give fewer or longer names."
        )
    return KeyMatch(field, tuple(values))


def resolve(q: SearchQuery, conn: sqlite3.Connection | None = None) -> ResolvedQuery:
    """Filters of ``q`` as index values; ``conn`` is the store of record the agency and
    initiative names are looked up in (see the module docstring)."""
    keys: list[KeyMatch] = []
    if q.page_nos:
        keys.append(KeyMatch("page", tuple(str(p) for p in q.page_nos)))
    if q.places:
        keys.append(place_match(q.places))
    if q.agencies:
        keys.append(names_match(conn, "agency", q.agencies))
    if q.persons:
        keys.append(KeyMatch("person", tuple(p.strip() for p in q.persons)))
    if q.initiatives:
        keys.append(names_match(conn, "initiative", q.initiatives))
    if q.entity_kinds:
        keys.append(KeyMatch("kind", tuple(k.strip() for k in q.entity_kinds)))
    return ResolvedQuery(q, tuple(keys), q.figure, figure_agencies(conn, q.figure))


def figure_agencies(
    conn: sqlite3.Connection | None, f: FigureFilter | None
) -> tuple[str, ...] | None:
    """The agencies a figure filter's ``agency`` stands for (resolved as the agency filter
    is), or None when the filter names no agency."""
    if f is None or f.agency is None:
        return None
    return name_values(conn, "agency", f.agency)
