"""``baoku entities``: canonical entities (agencies, places, people, initiatives) with mention
and article counts and the surface forms seen (``SqliteBackend.list_entities``)."""

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

ENTITY_COLUMNS = ("label", "canonical", "kind", "mentions", "articles", "aliases")


@click.command()
@click.option(
    "--label",
    type=click.Choice(["AGENCY", "PLACE", "PERSON", "INITIATIVE", "DATE"], case_sensitive=False),
    help="Only entities with this label.",
)
@click.option("--kind", help="Only this kind, e.g. union, court, district, official.")
@click.option("--limit", type=click.IntRange(1, 100_000), help="At most this many, top first.")
@db_option
@json_option
@csv_option
def entities(
    label: str | None,
    kind: str | None,
    limit: int | None,
    db_path: Path,
    as_json: bool,
    as_csv: bool,
) -> None:
    """List canonical entities, most mentioned first."""
    check_output_flags(as_json, as_csv)
    from baoku.search.sqlite_backend import SqliteBackend

    with open_store(db_path, must_exist=True, readonly=True) as store:
        found = SqliteBackend(store).list_entities(label, kind, limit=limit)
    if as_json:
        emit_json([e.to_dict() for e in found])
        return
    if as_csv:
        emit_csv((e.to_dict() for e in found), ENTITY_COLUMNS)
        return
    console = Console()
    console.print(f"{len(found)} entities")
    if found:
        table = Table()
        for col in ("label", "name", "kind", "mentions", "articles", "also written"):
            table.add_column(col, overflow="fold")
        for e in found:
            table.add_row(
                e.label,
                e.canonical,
                e.kind or "",
                str(e.mentions),
                str(e.articles),
                "、".join(e.aliases),
            )
        console.print(table)
