"""``baoku figures``: list figure records (money, cases, people, percentages…) with the sentence,
article, page and box each came from, for fact-checking (``SqliteBackend.list_figures``)."""

from __future__ import annotations

from pathlib import Path

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
    json_option,
    open_store,
)
from baoku.commands.search import figure_filter, in_option_words, parse_day, parse_number
from baoku.search.query import FIGURE_TYPES

FIGURE_COLUMNS = (
    "id",
    "type",
    "text",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "measure",
    "agency",
    "period_text",
    "period_start",
    "period_end",
    "newspaper",
    "date",
    "page",
    "headline",
    "article_id",
    "sentence",
)
# Characters of the sentence shown on each side of the figure in the table: enough to read
# what is counted and by whom, short enough that a row stays a row on an 80-column terminal.
CONTEXT_CHARS = 10


def figure_context(sentence: str, figure: str, width: int = CONTEXT_CHARS) -> Text:
    """The part of ``sentence`` around ``figure``, with the figure in bold and elided ends
    marked; the whole sentence stays in --json/--csv."""
    at = sentence.find(figure)
    if at < 0:
        cut = sentence[: 2 * width]
        return Text(cut + ("…" if len(sentence) > len(cut) else ""))
    start = max(0, at - width)
    end = min(len(sentence), at + len(figure) + width)
    out = Text("…" if start > 0 else "")
    out.append(sentence[start:at])
    out.append(figure, style="bold red")
    out.append(sentence[at + len(figure) : end])
    if end < len(sentence):
        out.append("…")
    return out


@click.command()
@click.option("--type", "figure_type", type=click.Choice(sorted(FIGURE_TYPES)), help="Figure type.")
@click.option("--min", "min_value", help="Smallest value (1000000, 1e6 or 100万).")
@click.option("--max", "max_value", help="Largest value.")
@click.option("--measure", help="Text the measure contains, e.g. 欠薪 or 案件.")
@click.option("--agency", help="Agency credited: full name, as printed, or a body word (法院).")
@click.option("--period-from", help="Figure's period overlaps from this date (YYYY-MM-DD).")
@click.option("--period-to", help="…to this date.")
@click.option("--from", "date_from", metavar="DATE", help="Earliest article date.")
@click.option("--to", "date_to", metavar="DATE", help="Latest article date.")
@click.option("--newspaper", multiple=True, help="Newspaper name (repeat for several).")
@click.option(
    "--sort",
    type=click.Choice(["value", "-value", "date", "-date"]),
    default="-value",
    show_default=True,
    help="value/date ascending; -value/-date descending.",
)
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0, 9999), default=0, show_default=True)
@db_option
@json_option
@csv_option
def figures(
    figure_type: str | None,
    min_value: str | None,
    max_value: str | None,
    measure: str | None,
    agency: str | None,
    period_from: str | None,
    period_to: str | None,
    date_from: str | None,
    date_to: str | None,
    newspaper: tuple[str, ...],
    sort: str,
    limit: int,
    offset: int,
    db_path: Path,
    as_json: bool,
    as_csv: bool,
) -> None:
    """List figure records found in articles, largest first.

    \b
    Example: baoku figures --type money --min 1000000 --measure 欠薪 --from 2024-01-01
    """
    check_output_flags(as_json, as_csv)
    from baoku.search.fact_listing import FigureFilter, FigureQuery
    from baoku.search.sqlite_backend import SqliteBackend

    f = figure_filter(
        figure_type,
        parse_number(min_value, "--min"),
        parse_number(max_value, "--max"),
        measure,
        agency,
        parse_day(period_from, "--period-from"),
        parse_day(period_to, "--period-to"),
    )
    try:
        fq = FigureQuery(
            figure=f or FigureFilter(),
            date_from=parse_day(date_from, "--from"),
            date_to=parse_day(date_to, "--to"),
            newspapers=newspaper,
            sort=sort,  # type: ignore[arg-type]  # click.Choice holds it to FigureSort
            limit=limit,
            offset=offset,
        )
    except ValueError as exc:
        raise click.UsageError(in_option_words(str(exc))) from exc
    with open_store(db_path, must_exist=True, readonly=True) as store:
        page = SqliteBackend(store).list_figures(fq)
    if as_json:
        emit_json(page.to_dict())
        return
    if as_csv:
        emit_csv((x.to_dict() for x in page.figures), FIGURE_COLUMNS)
        return
    console = Console()
    shown = len(page.figures)
    console.print(
        f"{page.total} figures" + (f" (showing {offset + 1}–{offset + shown})" if shown else "")
    )
    if page.figures:
        table = Table()
        table.add_column("value", justify="right", no_wrap=True)
        table.add_column("type", no_wrap=True)
        table.add_column("measure", overflow="fold", max_width=10)
        table.add_column("agency", overflow="fold", max_width=14)
        table.add_column("date · page", no_wrap=True)
        table.add_column("in the sentence", overflow="fold", ratio=1)
        for x in page.figures:
            value = f"{x.value:,.0f}" if x.value.is_integer() else f"{x.value:,}"
            if x.value_max is not None:
                value += f"–{x.value_max:,.0f}" if x.value_max.is_integer() else f"–{x.value_max:,}"
            # The normalized value to sort and compare by, over the figure as printed
            # (24万余元: a lower bound), which is what an editor checks against the page.
            table.add_row(
                f"{value}\n{x.text}",
                x.type,
                x.measure or "",
                x.agency or "",
                f"{x.date or '?'}\n{x.newspaper or '?'} p{x.page if x.page is not None else '?'}",
                figure_context(x.sentence, x.text),
            )
        console.print(table)
