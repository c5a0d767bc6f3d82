"""Options and output helpers shared by every command (``--db``, ``--json``, store opening)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console

DEFAULT_DB = "baoku.db"

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="BAOKU_DB",
    default=DEFAULT_DB,
    show_default=True,
    show_envvar=True,
    help="SQLite database file (the archive's store of record).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")

err_console = Console(stderr=True)


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


@contextmanager
def open_store(db_path: Path, *, must_exist: bool = False, readonly: bool = False) -> Iterator[Any]:
    """The archive at ``db_path``; store errors become a ClickException that says what to do."""
    from baoku.search.store import Store
    from baoku.search.store_errors import StoreError

    if must_exist and not db_path.exists():
        raise click.ClickException(
            f"no archive at {db_path}: run `baoku ingest PATH --db {db_path}` first, "
            "or point --db / BAOKU_DB at an existing archive"
        )
    try:
        with Store.open(db_path, readonly=readonly) as store:
            yield store
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
