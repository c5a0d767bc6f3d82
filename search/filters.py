"""Turn the names a user types in filters into the values the index holds (search stage).

Both backends resolve a ``SearchQuery`` here first, so 上海 means the same in SQLite and in
Elasticsearch. Places go through ``baoku.nlp.places.resolve_place`` and agencies through
``baoku.nlp.agencies.canonical_agency`` when the NLP stage provides them; until then a place
matches any indexed place path containing the typed text, and an agency must be typed as its
canonical name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from baoku.search.query import FigureFilter, SearchQuery


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


def resolve(q: SearchQuery) -> ResolvedQuery:
    keys: list[KeyMatch] = []
    if q.page_nos:
        keys.append(KeyMatch("page", tuple(str(p) for p in q.page_nos)))
    if q.places:
        keys.append(place_match(q.places))
    if q.agencies:
        keys.append(KeyMatch("agency", tuple(canonical_agency(a) for a in q.agencies)))
    if q.persons:
        keys.append(KeyMatch("person", tuple(p.strip() for p in q.persons)))
    if q.initiatives:
        keys.append(KeyMatch("initiative", tuple(i.strip() for i in q.initiatives)))
    if q.entity_kinds:
        keys.append(KeyMatch("kind", tuple(k.strip() for k in q.entity_kinds)))
    return ResolvedQuery(q, tuple(keys), resolve_figure(q.figure))


def resolve_figure(f: FigureFilter | None) -> FigureFilter | None:
    if f is None or f.agency is None:
        return f
    return FigureFilter(
        type=f.type,
        min_value=f.min_value,
        max_value=f.max_value,
        measure_contains=f.measure_contains,
        agency=canonical_agency(f.agency),
        period_from=f.period_from,
        period_to=f.period_to,
    )
