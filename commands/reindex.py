"""``baoku reindex``: rebuild a search index from the SQLite store of record — Elasticsearch
(``--to es``: fresh index, atomic alias swap) or the embedded FTS5 index (``--to sqlite``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from baoku.commands.common import db_option, emit_json, err_console, json_option, open_store
from baoku.commands.search import es_option


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[int], None] | None]:
    """A bar of articles indexed, with rate and ETA (a million-article reindex takes a while)."""
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("[bold]reindex"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console) as bar:
        task = bar.add_task("reindex", total=total, rate="–")

        def update(n: int) -> None:
            elapsed = bar.tasks[task].elapsed or 0.0
            rate = f"{n / elapsed:,.0f}" if elapsed > 0 else "–"
            bar.update(task, completed=n, rate=rate)

        yield update


@click.command()
@click.option(
    "--to", "target", type=click.Choice(["es", "sqlite"]), default="es", show_default=True
)
@es_option
@click.option("--alias", default="baoku-articles", show_default=True, help="ES alias to swap.")
@db_option
@json_option
def reindex(target: str, es_url: str | None, alias: str, db_path: Path, as_json: bool) -> None:
    """Rebuild the search index from the archive (the archive itself is never changed)."""
    from baoku.search.es_backend import EsBackend, EsError
    from baoku.search.reindex import reindex_to_es

    with open_store(db_path, must_exist=True) as store:
        if target == "sqlite":
            with _progress(not as_json, store.whole_article_count()) as on_progress:
                n = store.rebuild_search_index(on_progress=on_progress)
            out = {"target": "sqlite", "indexed": n}
        else:
            from baoku.search.sqlite_backend import SqliteBackend

            total = SqliteBackend(store).count()
            try:
                backend = EsBackend(es_url, alias=alias, store=store)
                with _progress(not as_json, total) as on_progress:
                    summary = reindex_to_es(store, backend, on_progress=on_progress)
            except (EsError, ValueError) as exc:
                raise click.ClickException(str(exc)) from exc
            out = {
                "target": "es",
                "url": backend.url,
                "alias": alias,
                "index": summary.index,
                "indexed": summary.indexed,
                "removed_indices": list(summary.removed_indices),
                "seconds": round(summary.seconds, 2),
                "cleared_waiting_files": summary.cleared_backlog,
                "resent_files": summary.resent,
            }
    if as_json:
        emit_json(out)
    elif target == "sqlite":
        click.echo(f"rebuilt the SQLite search index: {out['indexed']} articles")
    else:
        cleared = out["cleared_waiting_files"]
        waited = f" (with the {cleared} files that waited for it)" if cleared else ""
        click.echo(
            f"{out['indexed']} articles indexed into {out['index']} in {out['seconds']} s"
            f"{waited}; {alias} now points at it"
        )
