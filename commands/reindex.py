"""``baoku reindex``: rebuild a search index from the SQLite store of record — Elasticsearch
(``--to es``: fresh index, atomic alias swap) or the embedded FTS5 index (``--to sqlite``)."""

from __future__ import annotations

from pathlib import Path

import click

from baoku.commands.common import db_option, emit_json, err_console, json_option, open_store
from baoku.commands.search import es_option


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
            n = store.rebuild_search_index()
            out = {"target": "sqlite", "indexed": n}
        else:
            try:
                backend = EsBackend(es_url, alias=alias, store=store)
                summary = reindex_to_es(
                    store,
                    backend,
                    on_progress=None
                    if as_json
                    else lambda n: err_console.print(f"{n} articles indexed", end="\r"),
                )
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
            }
    if as_json:
        emit_json(out)
    elif target == "sqlite":
        click.echo(f"rebuilt the SQLite search index: {out['indexed']} articles")
    else:
        click.echo(
            f"{out['indexed']} articles indexed into {out['index']} in {out['seconds']} s; "
            f"{alias} now points at it"
        )
