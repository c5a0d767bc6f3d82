"""``baoku export``: one record per article, as JSON lines or CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from baoku.commands.common import check_parent_folder, db_option, err_console, open_store


@click.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write here instead of standard output.",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(["article", "photo", "ad"]),
    help="Record types to export (repeatable); default: articles and photo captions.",
)
def export(db_path: Path, fmt: str, out_path: Path | None, types: tuple[str, ...]) -> None:
    """Export one record per article (JSON lines or CSV)."""
    from baoku.search.export import export_articles

    wanted = types or ("article", "photo")
    if out_path is not None:
        check_parent_folder(out_path, "--out")
    with open_store(db_path, must_exist=True) as store:
        if out_path is None:
            n = export_articles(store, sys.stdout, fmt, types=wanted)  # type: ignore[arg-type]
        else:
            with out_path.open("w", encoding="utf-8", newline="") as fh:
                n = export_articles(store, fh, fmt, types=wanted)  # type: ignore[arg-type]
    err_console.print(f"exported {n} records" + (f" to {out_path}" if out_path else ""))
