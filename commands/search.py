"""``baoku search``: full-text and structured search over the archive, one query or a CSV batch.

Options become a ``SearchQuery`` (validated there); the SQLite store answers by default,
Elasticsearch with ``--backend es``. Output: a table for people, ``--json`` for programs
(``SearchResult.to_dict()``, the API's shape), ``--queries FILE --out FILE`` for batches.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from baoku.commands.common import (
    check_output_flags,
    csv_option,
    db_option,
    emit_csv,
    emit_json,
    err_console,
    json_option,
    open_store,
)
from baoku.search.query import (
    FACET_NAMES,
    FIGURE_TYPES,
    Backend,
    FigureFilter,
    SearchQuery,
    SearchResult,
)
from baoku.search.search_doc import SNIPPET_CLOSE, SNIPPET_OPEN

es_option = click.option(
    "--es",
    "es_url",
    envvar="BAOKU_ES_URL",
    show_envvar=True,
    help="Elasticsearch URL for --backend es (default http://127.0.0.1:9200).",
)


def parse_day(value: str | None, option: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        pass
    for fmt in ("%Y-%m", "%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise click.BadParameter(
        f"{value!r} is not a date; type it as YYYY-MM-DD, e.g. 2024-07-12", param_hint=option
    )


def parse_number(value: str | None, option: str) -> float | None:
    """A bound typed as digits (1000000, 1e6, 1,000,000) or as the paper writes it (1850万,
    1.5亿, 一千八百五十万); a trailing 元 is allowed."""
    if value is None or value == "":
        return None
    text = value.replace(",", "").strip()
    try:
        return float(text)
    except ValueError:
        pass
    from baoku.nlp.numbers import parse_number as read_chinese

    found = read_chinese(text.removesuffix("元"))
    if found is None:
        raise click.BadParameter(
            f"{value!r} is not a number; type e.g. 1000000, 1e6 or 100万", param_hint=option
        )
    return float(found)


# Library messages name the query model's fields; the user typed options.
_OPTION_NAMES: Final = (
    ("figure min_value", "--min"),
    ("min_value", "--min"),
    ("max_value", "--max"),
    ("date_from", "--from"),
    ("date_to", "--to"),
    ("period_from", "--period-from"),
    ("period_to", "--period-to"),
)


def in_option_words(message: str) -> str:
    for field, option in _OPTION_NAMES:
        message = message.replace(field, option)
    return message


def figure_filter(
    type_: str | None,
    min_value: float | None,
    max_value: float | None,
    measure: str | None,
    agency: str | None,
    period_from: date | None = None,
    period_to: date | None = None,
) -> FigureFilter | None:
    given = (type_, min_value, max_value, measure, agency, period_from, period_to)
    if all(v is None for v in given):
        return None
    try:
        return FigureFilter(
            type=type_,
            min_value=min_value,
            max_value=max_value,
            measure_contains=measure,
            agency=agency,
            period_from=period_from,
            period_to=period_to,
        )
    except ValueError as exc:
        raise click.UsageError(in_option_words(str(exc))) from exc


def build_query(**kw: Any) -> SearchQuery:
    from baoku.search.syntax import QuerySyntaxError

    try:
        return SearchQuery(**kw)
    except QuerySyntaxError as exc:
        raise click.UsageError(str(exc)) from exc
    except (ValueError, TypeError) as exc:
        raise click.UsageError(in_option_words(str(exc))) from exc


@contextmanager
def open_backend(
    backend: str, db_path: Path, es_url: str | None
) -> Iterator[Callable[[SearchQuery], SearchResult]]:
    """A search function over the chosen backend; errors become messages saying what to do."""
    from baoku.search.es_backend import EsBackend

    if backend == "es":
        # The archive resolves agency and initiative names (aliases, 法院 → every court) the
        # same way for both backends; without one here only exact names match.
        with ExitStack() as stack:
            store = (
                stack.enter_context(open_store(db_path, readonly=True))
                if db_path.is_file()
                else None
            )
            yield _friendly(EsBackend(es_url, store=store))
        return
    from baoku.search.sqlite_backend import SqliteBackend

    with open_store(db_path, must_exist=True, readonly=True) as store:
        yield _friendly(SqliteBackend(store))


def _friendly(backend: Backend) -> Callable[[SearchQuery], SearchResult]:
    """``backend.search`` with its typed errors as messages: a name or query the user must
    change is a usage error; a cluster problem says what to do about it."""
    from baoku.search.es_backend import EsError
    from baoku.search.syntax import QuerySyntaxError

    def run(q: SearchQuery) -> SearchResult:
        try:
            return backend.search(q)
        except QuerySyntaxError as exc:
            raise click.UsageError(str(exc)) from exc
        except EsError as exc:
            raise click.ClickException(str(exc)) from exc

    return run


def marked(snippet: str) -> Text:
    """The snippet with its marked matches in bold red."""
    out = Text()
    rest = snippet
    while True:
        start = rest.find(SNIPPET_OPEN)
        end = rest.find(SNIPPET_CLOSE, start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            out.append(rest)
            return out
        out.append(rest[:start])
        # The marks stay visible too: piped or copied output keeps the match shown.
        out.append(rest[start : end + 1], style="bold red")
        rest = rest[end + 1 :]


def print_result(result: SearchResult, q: SearchQuery) -> None:
    console = Console()
    shown = len(result.hits)
    first = q.offset + 1 if shown else 0
    console.print(
        f"{result.total} hits" + (f" (showing {first}–{q.offset + shown})" if shown else "")
    )
    if shown:
        table = Table(show_lines=False)
        for col in ("date", "paper", "page", "headline", "snippet"):
            table.add_column(col, overflow="fold")
        for h in result.hits:
            table.add_row(
                h.date.isoformat() if h.date else "?",
                h.newspaper or "?",
                str(h.page) if h.page is not None else "?",
                h.headline or "(no headline)",
                marked(h.snippet),
            )
        console.print(table)
    for name, counts in result.facets.items():
        if counts:
            values = ", ".join(f"{c.value} ({c.count})" for c in counts)
            console.print(f"[bold]{name}[/bold]: {values}", highlight=False)


# Filter columns a batch CSV may carry besides "query" (empty cells mean "no filter").
BATCH_COLUMNS = (
    "query",
    "from",
    "to",
    "newspaper",
    "page_name",
    "place",
    "agency",
    "person",
    "initiative",
    "type",
    "min",
    "max",
    "measure",
    "sort",
    "limit",
)
OUT_COLUMNS = (
    "row",
    "query",
    "total",
    "rank",
    "id",
    "headline",
    "newspaper",
    "date",
    "page",
    "score",
    "snippet",
)


HIT_COLUMNS = tuple(c for c in OUT_COLUMNS if c not in ("row", "query"))


def _batch_query(row: dict[str, str], n: int, facets: tuple[str, ...]) -> SearchQuery:
    def cell(name: str) -> str | None:
        value = (row.get(name) or "").strip()
        return value or None

    def many(name: str) -> tuple[str, ...]:
        value = cell(name)
        return tuple(v.strip() for v in value.split("|") if v.strip()) if value else ()

    where = f"row {n}"
    limit = cell("limit")
    try:
        return build_query(
            text=cell("query") or "",
            date_from=parse_day(cell("from"), f"{where}, column from"),
            date_to=parse_day(cell("to"), f"{where}, column to"),
            newspapers=many("newspaper"),
            page_names=many("page_name"),
            places=many("place"),
            agencies=many("agency"),
            persons=many("person"),
            initiatives=many("initiative"),
            figure=figure_filter(
                cell("type"),
                parse_number(cell("min"), f"{where}, column min"),
                parse_number(cell("max"), f"{where}, column max"),
                cell("measure"),
                None,
            ),
            sort=cell("sort") or "relevance",
            limit=int(limit) if limit and limit.isdigit() else 100,
            facets=facets,
        )
    except click.UsageError as exc:
        raise click.UsageError(f"{where} of the queries file: {exc.message}") from exc


def run_batch(
    search: Callable[[SearchQuery], SearchResult], queries: Path, out: Path
) -> tuple[int, int]:
    """Run every row of ``queries``; write each hit with its query. Returns (queries, hits)."""
    with queries.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "query" not in reader.fieldnames:
            raise click.UsageError(
                f"{queries} needs a header row with a 'query' column (optional filter columns: "
                + ", ".join(BATCH_COLUMNS[1:])
                + "; several values in one cell are separated by |)"
            )
        unknown = set(reader.fieldnames) - set(BATCH_COLUMNS)
        if unknown:
            raise click.UsageError(
                f"{queries}: unknown columns {sorted(unknown)}; use {', '.join(BATCH_COLUMNS)}"
            )
        # Validate every row before writing anything, so a typo on row 900 fails fast.
        plan = [(n, row, _batch_query(row, n, ())) for n, row in enumerate(reader, start=2)]
    hits = 0
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(OUT_COLUMNS)
        for n, row, q in plan:
            result = search(q)
            for rank, h in enumerate(result.hits, start=1):
                writer.writerow(
                    [
                        n,
                        row.get("query", ""),
                        result.total,
                        rank,
                        h.id,
                        h.headline,
                        h.newspaper or "",
                        h.date.isoformat() if h.date else "",
                        h.page if h.page is not None else "",
                        h.score,
                        h.snippet,
                    ]
                )
                hits += 1
    return len(plan), hits


# Unknown "options" are query words: -上海 excludes 上海 (a misspelt --option is refused).
@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1)
@click.option("--from", "date_from", metavar="DATE", help="Earliest date (YYYY-MM-DD).")
@click.option("--to", "date_to", metavar="DATE", help="Latest date (YYYY-MM-DD).")
@click.option("--newspaper", multiple=True, help="Newspaper name (repeat for several).")
@click.option("--page", "page_nos", multiple=True, type=click.IntRange(1, 999), help="Page no.")
@click.option("--page-name", multiple=True, help="Page name (版名), e.g. 要闻.")
@click.option("--place", multiple=True, help="Place; a province also finds its districts.")
@click.option(
    "--agency",
    multiple=True,
    help="Agency: full name or as printed; a body word (法院, 总工会) matches every such body.",
)
@click.option("--person", multiple=True, help="Person named in or writing the article.")
@click.option(
    "--initiative", multiple=True, help="Named initiative, or part of its name: 法律服务站."
)
@click.option("--kind", "kinds", multiple=True, help="Entity kind mentioned, e.g. court.")
@click.option(
    "--type",
    "figure_type",
    type=click.Choice(sorted(FIGURE_TYPES)),
    help="Has a figure of this type.",
)
@click.option("--min", "min_value", help="…whose value is at least this (1e6, 100万).")
@click.option("--max", "max_value", help="…and at most this.")
@click.option("--measure", help="…and whose measure contains this text.")
@click.option(
    "--article-type",
    "types",
    multiple=True,
    type=click.Choice(["article", "photo", "ad"]),
    help="Item types to search (default: article).",
)
@click.option("--facets", is_flag=True, help="Also count hits per year, paper, place, ….")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0, 9999), default=0, show_default=True)
@click.option(
    "--sort",
    type=click.Choice(["relevance", "date", "-date"]),
    default="relevance",
    show_default=True,
)
@click.option("--backend", type=click.Choice(["sqlite", "es"]), default="sqlite", show_default=True)
@es_option
@click.option(
    "--queries",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV of queries (column 'query' + optional filter columns) to run as a batch.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="CSV to write every hit of a --queries batch to.",
)
@db_option
@json_option
@csv_option
def search(
    words: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    newspaper: tuple[str, ...],
    page_nos: tuple[int, ...],
    page_name: tuple[str, ...],
    place: tuple[str, ...],
    agency: tuple[str, ...],
    person: tuple[str, ...],
    initiative: tuple[str, ...],
    kinds: tuple[str, ...],
    figure_type: str | None,
    min_value: str | None,
    max_value: str | None,
    measure: str | None,
    types: tuple[str, ...],
    facets: bool,
    limit: int,
    offset: int,
    sort: str,
    backend: str,
    es_url: str | None,
    queries: Path | None,
    out: Path | None,
    db_path: Path,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Search articles: words (AND), "phrases", OR, -exclusions, plus filters.

    \b
    Examples:
      baoku search 欠薪 --from 2020-01-01 --place 上海
      baoku search 欠薪 -上海 --facets
      baoku search '"法律服务站" 法院' --facets --json
      baoku search --type money --min 1000000 --measure 欠薪
      baoku search --queries questions.csv --out hits.csv
    """
    check_output_flags(as_json, as_csv)
    unknown = [w for w in words if w.startswith("--")]
    if unknown:
        raise click.UsageError(f"no such option: {unknown[0]} (see baoku search --help)")
    query = " ".join(words)
    if queries is not None:
        if out is None:
            raise click.UsageError("--queries needs --out FILE.csv for the hits")
        if query:
            raise click.UsageError(
                f"--queries runs the queries of {queries.name}; leave out the words {query!r}"
            )
        with open_backend(backend, db_path, es_url) as run:
            n, hits = run_batch(run, queries, out)
        if as_json:
            emit_json({"queries": n, "hits": hits, "out": str(out)})
        else:
            click.echo(f"{n} queries, {hits} hits written to {out}")
        return
    q = build_query(
        text=query,
        date_from=parse_day(date_from, "--from"),
        date_to=parse_day(date_to, "--to"),
        newspapers=newspaper,
        page_nos=page_nos,
        page_names=page_name,
        places=place,
        agencies=agency,
        persons=person,
        initiatives=initiative,
        entity_kinds=kinds,
        figure=figure_filter(
            figure_type,
            parse_number(min_value, "--min"),
            parse_number(max_value, "--max"),
            measure,
            None,
        ),
        types=types or ("article",),
        sort=sort,
        limit=limit,
        offset=offset,
        facets=tuple(sorted(FACET_NAMES)) if facets else (),
    )
    if q.expression is None and not types and not _has_filter(q):
        raise click.UsageError(
            "nothing to search for: give words (baoku search 欠薪) or a filter "
            "(--place 上海, --type money --min 1000000, --from 2024-01-01, …)"
        )
    with open_backend(backend, db_path, es_url) as run:
        result = run(q)
    if as_json:
        emit_json(result.to_dict())
    elif as_csv:
        # The hits only (facets are not rows); the columns of a --queries batch's hits.
        if facets:
            err_console.print("note: --csv writes the hits only; use --json for the facets")
        emit_csv(
            (
                {**h.to_dict(), "rank": q.offset + n, "total": result.total}
                for n, h in enumerate(result.hits, start=1)
            ),
            HIT_COLUMNS,
        )
    else:
        print_result(result, q)


def _has_filter(q: SearchQuery) -> bool:
    return any(
        (
            q.date_from,
            q.date_to,
            q.newspapers,
            q.page_nos,
            q.page_names,
            q.places,
            q.agencies,
            q.persons,
            q.initiatives,
            q.entity_kinds,
            q.figure,
        )
    )
