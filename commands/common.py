"""Options and output helpers shared by every command (``--db``, ``--json``, ``--csv``, store
opening)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
csv_option = click.option(
    "--csv", "as_csv", is_flag=True, help="Print CSV (a header row, one row per item) instead."
)

err_console = Console(stderr=True)


def emit_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def check_output_flags(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")


def _csv_cell(value: Any) -> Any:
    # Lists (aliases, reporters, a bbox) fit one cell joined by "|", the separator the batch
    # query CSV also uses; None is an empty cell, not the word "None".
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "|".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def emit_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """``rows`` as CSV on standard output, in ``columns`` order (other keys are dropped)."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])


def check_parent_folder(path: Path, option: str) -> None:
    """A new file goes into an existing folder: a mistyped folder must not quietly start a
    new archive (or export) somewhere else."""
    parent = path.expanduser().parent
    if not parent.is_dir():
        raise click.BadParameter(
            f"the folder {parent} does not exist; fix the path, or create it first "
            f"(mkdir -p {parent})",
            param_hint=option,
        )


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
    check_parent_folder(db_path, "--db")
    if readonly and db_path.exists():
        _upgrade_if_older(db_path)
    try:
        with Store.open(db_path, readonly=readonly) as store:
            yield store
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _upgrade_if_older(db_path: Path) -> None:
    """Apply a newer baoku's migrations before a read: a read-only connection cannot, and
    every listing failing after an upgrade until something writes would be a trap."""
    import sqlite3

    from baoku.search.schema import SCHEMA_VERSION, connect_read_only, schema_version
    from baoku.search.store import Store
    from baoku.search.store_errors import StoreError

    try:
        conn = connect_read_only(db_path)
        try:
            found = schema_version(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return  # not an archive, or unreadable: the read-only open reports it
    if not 0 < found < SCHEMA_VERSION:
        return
    err_console.print(
        f"upgrading {db_path} from schema version {found} to {SCHEMA_VERSION} (once)…"
    )
    try:
        with Store.open(db_path):
            pass
    except StoreError as exc:
        raise click.ClickException(
            f"{db_path} was written by an older baoku and needs a one-time upgrade, which "
            f"needs write access: {exc}"
        ) from exc
