"""Figure listings (``fact_listing.list_figures``) against a reference computed from the
articles: every sort and filter, undated and paperless articles, paging; and the schema v6
migration that copies each article's date and newspaper onto its figures."""

from __future__ import annotations

import math
import random
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from baoku.nlp.records import AnalyzedDocument, ArticleFacts, FigureType
from baoku.search.fact_listing import FIGURE_SORTS, FigureQuery, FigureSort
from baoku.search.query import FigureFilter
from baoku.search.sqlite_backend import SqliteBackend
from baoku.search.store import Store
from tests.fixtures.search_corpus import GRRB, LDB, _with_sources, fig
from tests.fixtures.store_docs import article, document, page

TYPES = (FigureType.MONEY, FigureType.PEOPLE, FigureType.CASES)
UNIT = {FigureType.MONEY: "元", FigureType.PEOPLE: "人", FigureType.CASES: "件"}


def _documents(seed: int, n: int = 30) -> list[AnalyzedDocument]:
    """``n`` one-article pages with random papers, dates (some unknown) and figures; values
    repeat on purpose, so ties must be broken the same way by every sort."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        day = rng.choice([None, "2021-03-01", "2022-07-15", "2022-07-16", "2024-01-09"])
        paper = rng.choice([GRRB, LDB, None])
        picks = [(rng.choice(TYPES), rng.choice([5, 40, 40, 300, 7000])) for _ in range(3)]
        paras = ["。".join(f"第{k}项共{v}{UNIT[t]}" for k, (t, v) in enumerate(picks, 1)) + "。"]
        figures = [
            fig(paras, t, f"{v}{UNIT[t]}", v, UNIT[t], "事项") for k, (t, v) in enumerate(picks, 1)
        ]
        doc = _with_sources(
            document(
                f"f{seed}-{i}.pdf",
                [page(0, 1, newspaper=paper, date=day)],
                [article(f"简讯{i}", paras, page_no=1)],
            )
        )
        docs.append(AnalyzedDocument(doc, [ArticleFacts(figures=figures)]))
    return docs


def _reference(conn: sqlite3.Connection) -> list[tuple[int, str, float, str | None, str | None]]:
    """(figure id, type, value, date, newspaper), read through the articles as before v6."""
    return conn.execute(
        "SELECT f.id, f.type, f.value, a.date, a.newspaper FROM figures f "
        "JOIN articles a ON a.id = f.article"
    ).fetchall()


def _day(d: str | None, missing: float) -> float:
    return missing if d is None else date.fromisoformat(d).toordinal()


def _sorted(rows: list[tuple[int, str, float, str | None, str | None]], sort: str) -> list[int]:
    # Undated rows: after every date in both date sorts; with value sorts SQLite's NULL
    # order applies (smallest: last when descending, first when ascending).
    keys = {
        "-value": lambda r: (-r[2], -_day(r[3], -math.inf), r[0]),
        "value": lambda r: (r[2], _day(r[3], -math.inf), r[0]),
        "-date": lambda r: (-_day(r[3], -math.inf), -r[2], r[0]),
        "date": lambda r: (_day(r[3], math.inf), -r[2], r[0]),
    }
    return [r[0] for r in sorted(rows, key=keys[sort])]


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store.open(tmp_path_factory.mktemp("figs") / "a.db")
    for doc in _documents(seed=7):
        store.save_document(doc)
    return store


@pytest.mark.parametrize("sort", sorted(FIGURE_SORTS))
@pytest.mark.parametrize(
    "kind", [None, FigureType.MONEY, FigureType.CASES], ids=["any", "money", "cases"]
)
@pytest.mark.parametrize(
    ("since", "until", "papers", "min_value"),
    [
        (None, None, (), None),
        (date(2022, 7, 15), None, (), None),
        (None, date(2022, 7, 15), (GRRB,), 40),
        (date(2022, 1, 1), date(2023, 1, 1), (GRRB, LDB), None),
        (None, None, (LDB,), 300),
    ],
)
def test_listing_matches_the_reference(
    listed: Store,
    sort: FigureSort,
    kind: FigureType | None,
    since: date | None,
    until: date | None,
    papers: tuple[str, ...],
    min_value: float | None,
) -> None:
    rows = [
        r
        for r in _reference(listed.connection)
        if (kind is None or r[1] == kind)
        and (min_value is None or r[2] >= min_value)
        and (since is None or (r[3] is not None and r[3] >= since.isoformat()))
        and (until is None or (r[3] is not None and r[3] <= until.isoformat()))
        and (not papers or r[4] in papers)
    ]
    want = _sorted(rows, sort)
    b = SqliteBackend(listed)
    f = FigureFilter(type=kind, min_value=min_value)
    q = dict(figure=f, date_from=since, date_to=until, newspapers=papers, sort=sort)
    whole = b.list_figures(FigureQuery(**q, limit=500))  # type: ignore[arg-type]
    assert whole.total == len(want)
    assert [h.id for h in whole.figures] == want
    paged = [
        h.id
        for offset in range(0, len(want), 4)
        for h in b.list_figures(FigureQuery(**q, limit=4, offset=offset)).figures  # type: ignore[arg-type]
    ]
    assert paged == want


def test_the_reference_has_undated_and_paperless_figures(listed: Store) -> None:
    rows = _reference(listed.connection)
    assert any(r[3] is None for r in rows) and any(r[4] is None for r in rows)
    assert len({r[2] for r in rows}) < len(rows)  # value ties


def test_v6_copies_each_articles_date_and_paper_onto_its_figures(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    with Store.open(path) as store:
        for doc in _documents(seed=3, n=8):
            store.save_document(doc)
    # Back to a v5 archive: the figures without their copies, v5's figure index.
    conn = sqlite3.connect(path, isolation_level=None)
    for name in ("figures_type_value", "figures_type_date", "figures_type_dated"):
        conn.execute(f"DROP INDEX {name}")
    for name in ("figures_value", "figures_date", "figures_dated"):
        conn.execute(f"DROP INDEX {name}")
    conn.execute("ALTER TABLE figures DROP COLUMN date")
    conn.execute("ALTER TABLE figures DROP COLUMN newspaper")
    conn.execute("CREATE INDEX figures_type_value ON figures (type, value)")
    conn.execute("DROP TABLE es_backlog")  # v7
    conn.execute("PRAGMA user_version = 5")
    conn.close()
    with Store.open(path) as store:
        copied = store.connection.execute(
            "SELECT COUNT(*), SUM(f.date IS a.date AND f.newspaper IS a.newspaper) "
            "FROM figures f JOIN articles a ON a.id = f.article"
        ).fetchone()
        assert copied[0] > 0 and copied[0] == copied[1]
        listing = SqliteBackend(store).list_figures(FigureQuery(sort="date", limit=500))
        assert [h.id for h in listing.figures] == _sorted(_reference(store.connection), "date")
