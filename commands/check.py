"""``baoku check``: did the archive print this figure, where, and does another article give a
different value for the same thing? (``search.figure_check.check_figure``)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from baoku.commands.common import (
    check_output_flags,
    csv_option,
    db_option,
    emit_csv,
    emit_json,
    json_option,
    open_store,
)
from baoku.commands.figures import FIGURE_COLUMNS, figure_context
from baoku.commands.search import parse_day

_RELATION_TEXT = {
    "same_period": "[bold red]same period[/bold red]",
    "period_unknown": "period not stated",
    "other_period": "other period",
    None: "printed instead",
}


@click.command()
@click.argument("claim")
@click.option("--measure", help="Only figures whose measure contains this, e.g. 欠薪.")
@click.option("--agency", help="Only figures credited to this agency (name or as printed).")
@click.option("--from", "date_from", metavar="DATE", help="Earliest article date.")
@click.option("--to", "date_to", metavar="DATE", help="Latest article date.")
@click.option("--newspaper", multiple=True, help="Newspaper name (repeat for several).")
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True)
@db_option
@json_option
@csv_option
def check(
    claim: str,
    measure: str | None,
    agency: str | None,
    date_from: str | None,
    date_to: str | None,
    newspaper: tuple[str, ...],
    limit: int,
    db_path: Path,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Check a figure: where the archive prints it, and other values for the same thing.

    \b
    Examples:
      baoku check 1850万余元
      baoku check "追回经济损失1850万元" --measure 经济损失 --agency 上海市奉贤区总工会
    Figures written differently (一千八百五十万余元, 18,500,000元) are the same figure.
    Other values are records with the same measure and agency: "same period" ones disagree.
    """
    from baoku.search.figure_check import ClaimError, check_figure

    check_output_flags(as_json, as_csv)
    with open_store(db_path, must_exist=True, readonly=True) as store:
        try:
            result = check_figure(
                store.connection,
                claim,
                measure=measure,
                agency=agency,
                date_from=parse_day(date_from, "--from"),
                date_to=parse_day(date_to, "--to"),
                newspapers=newspaper,
                limit=limit,
            )
        except ClaimError as exc:
            raise click.BadParameter(str(exc), param_hint="CLAIM") from exc
    if as_json:
        emit_json(result.to_dict())
        return
    if as_csv:
        rows = [{**f.to_dict(), "found": "yes"} for f in result.found]
        rows += [{**o.to_dict(), "found": "no"} for o in result.others]
        emit_csv(rows, ("found", "relation", "compared_with", *FIGURE_COLUMNS))
        return
    console = Console()
    c = result.claim
    value = f"{c.value:,.0f}" if c.value.is_integer() else f"{c.value:,}"
    console.print(f"{c.text} = {value} {c.unit} ({c.qualifier})", highlight=False)
    if result.found_total:
        console.print(f"[bold green]printed {result.found_total} time(s)[/bold green]")
    else:
        console.print("[bold yellow]not printed[/bold yellow] in the archive (with these filters)")
    table = Table()
    table.add_column("", no_wrap=True)
    for col in ("figure", "measure", "agency", "period", "date · page", "in the sentence"):
        table.add_column(col, overflow="fold")
    for f in result.found:
        table.add_row(
            "found",
            f.text,
            f.measure or "",
            f.agency or "",
            f.period_text or "",
            f"{f.date or '?'}\n{f.newspaper or '?'} p{f.page if f.page is not None else '?'}",
            figure_context(f.sentence, f.text),
        )
    for o in result.others:
        f = o.figure
        table.add_row(
            _RELATION_TEXT[o.relation],
            f.text,
            f.measure or "",
            f.agency or "",
            f.period_text or "",
            f"{f.date or '?'}\n{f.newspaper or '?'} p{f.page if f.page is not None else '?'}",
            figure_context(f.sentence, f.text),
        )
    if result.found or result.others:
        console.print(table)
