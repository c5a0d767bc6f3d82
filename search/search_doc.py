"""The searchable shape of one whole article, shared by both search backends (search stage).

``build_search_doc`` turns a merged ``ArticleRecord`` plus the NLP facts of its parts into a
``SearchDoc``: the texts to index, the keyword values filters and facets work on, and the
figure records. The SQLite index and the Elasticsearch index are both fed from this one
definition, which is what keeps the two backends answering alike.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from baoku.nlp.records import EntityLabel, EntityMention, FigureRecord
from baoku.search.cjk import snippet
from baoku.search.records import ArticleRecord

# Keyword fields of ``SearchDoc.keys``; facet names map onto some of them.
KEY_FIELDS: tuple[str, ...] = (
    "place",
    "agency",
    "person",
    "initiative",
    "kind",
    "figure_type",
    "page",
)


def iso_date(value: str | None) -> str | None:
    """``value`` if it is an ISO calendar date, else ``None``: both backends must agree on
    which dates exist, and Elasticsearch would reject the whole document for a bad one."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def place_prefixes(path: str) -> list[str]:
    """Every ancestor of a place path, itself included: 上海市/奉贤区 → 上海市, 上海市/奉贤区.

    Indexing all prefixes makes a filter on a province an exact key lookup that also finds
    its districts, and gives a hierarchical facet for free, in SQLite and ES alike.
    """
    parts = [p for p in path.split("/") if p]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


@dataclass(frozen=True, slots=True)
class IndexedFigure:
    """The parts of a figure record that figure filters test, all on ONE record."""

    type: str
    value: float
    value_max: float | None
    measure: str | None
    agency: str | None
    period_start: str | None
    period_end: str | None

    @property
    def overlap_start(self) -> str | None:
        # FigureFilter.accepts: a one-sided period counts as that single day.
        return self.period_start or self.period_end

    @property
    def overlap_end(self) -> str | None:
        return self.period_end or self.period_start


@dataclass(frozen=True, slots=True)
class SearchDoc:
    id: str  # the head part's id: the article id users see
    type: str
    sha256s: tuple[str, ...]  # every source file a part came from
    part_ids: tuple[str, ...]
    newspaper: str | None
    date: str | None
    pages: tuple[int, ...]
    page_name: str | None
    headline: str
    kicker: str
    subheadline: str
    lead: str
    body: str
    places: tuple[str, ...]
    agencies: tuple[str, ...]
    persons: tuple[str, ...]
    initiatives: tuple[str, ...]
    kinds: tuple[str, ...]
    figures: tuple[IndexedFigure, ...]

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None

    @property
    def page_no(self) -> int | None:
        return self.pages[0] if self.pages else None

    @property
    def figure_types(self) -> tuple[str, ...]:
        return tuple(sorted({f.type for f in self.figures}))

    def key_values(self) -> list[tuple[str, str]]:
        """(field, value) pairs, each once, for the keyword filter/facet index."""
        values: dict[str, Iterable[str]] = {
            "place": self.places,
            "agency": self.agencies,
            "person": self.persons,
            "initiative": self.initiatives,
            "kind": self.kinds,
            "figure_type": self.figure_types,
            "page": (str(p) for p in self.pages),
        }
        return [(name, v) for name in KEY_FIELDS for v in dict.fromkeys(values[name])]


def _sorted_unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(sorted({v.strip() for v in values if v and v.strip()}))


def indexed_figure(f: FigureRecord) -> IndexedFigure | None:
    """The filterable view of ``f``; ``None`` for a value that is not a finite number."""
    if not math.isfinite(f.value):
        return None
    value_max = f.value_max if f.value_max is not None and math.isfinite(f.value_max) else None
    return IndexedFigure(
        type=str(f.type),
        value=float(f.value),
        value_max=value_max,
        measure=f.measure or None,
        agency=f.agency or None,
        period_start=iso_date(f.period_start),
        period_end=iso_date(f.period_end),
    )


def build_search_doc(
    record: ArticleRecord,
    entities: Iterable[EntityMention] = (),
    figures: Iterable[FigureRecord] = (),
) -> SearchDoc:
    """The search document of a whole article and the facts of all its parts."""
    mentions = list(entities)

    def canon(label: EntityLabel) -> list[str]:
        return [m.canonical for m in mentions if m.label == label]

    # Places printed on their own, and the places agencies are named after: the NLP stage
    # leaves 青岛 inside 青岛市西海岸新区总工会 to the agency, whose path still says where the
    # article is, so a filter or facet on 山东 finds it.
    places = [
        prefix
        for m in mentions
        if m.label == EntityLabel.PLACE
        for prefix in place_prefixes(m.extra.get("path") or m.canonical)
    ] + [
        prefix
        for m in mentions
        if m.label == EntityLabel.AGENCY and m.extra.get("path")
        for prefix in place_prefixes(m.extra["path"])
    ]
    indexed = [x for x in (indexed_figure(f) for f in figures) if x is not None]
    return SearchDoc(
        id=record.id,
        type=str(record.type),
        sha256s=tuple(dict.fromkeys([record.source.sha256, *(p.sha256 for p in record.parts)])),
        part_ids=tuple(record.part_ids or [record.id]),
        newspaper=record.newspaper or None,
        date=iso_date(record.date),
        pages=tuple(record.pages),
        page_name=record.page_name or None,
        headline=record.headline,
        kicker=record.kicker,
        subheadline=record.subheadline,
        lead=record.lead,
        body=record.text,
        places=_sorted_unique(places),
        agencies=_sorted_unique([*canon(EntityLabel.AGENCY), *(f.agency for f in indexed)]),
        # Reporters and correspondents are people of the article too, with or without NLP.
        persons=_sorted_unique(
            [*canon(EntityLabel.PERSON), *record.reporters, *record.correspondents]
        ),
        initiatives=_sorted_unique(canon(EntityLabel.INITIATIVE)),
        kinds=_sorted_unique(m.kind for m in mentions),
        figures=tuple(indexed),
    )


# Match marks in snippets; the CLI colours what lies between them, the API passes them on.
SNIPPET_OPEN = "["
SNIPPET_CLOSE = "]"
SNIPPET_WIDTH = 80


def hit_snippet(body: str, headline: str, phrases: Sequence[Sequence[str]]) -> str:
    """The snippet both backends show: cut from the natural text (punctuation kept, 欠薪 never
    spaced), around the first match of the body, else around a match in the headline."""
    text = body if body.strip() else headline
    return snippet(text, phrases, SNIPPET_OPEN, SNIPPET_CLOSE, width=SNIPPET_WIDTH)


def hit_date(value: str | None) -> date | None:
    iso = iso_date(value)
    return date.fromisoformat(iso) if iso else None
