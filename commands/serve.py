"""``baoku serve``: the HTTP API and search page (``baoku.api``) under uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from baoku.commands.common import DEFAULT_DB, check_parent_folder


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"Archive database [env BAOKU_DB; default {DEFAULT_DB}].",
)
@click.option("--es", "es_url", default=None, help="Elasticsearch URL [env BAOKU_ES_URL].")
@click.option(
    "--uploads-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where uploaded files are kept [env BAOKU_UPLOADS_DIR; default <db>.uploads].",
)
@click.option(
    "--max-upload-mb",
    type=float,
    default=None,
    help="Largest upload request, MiB [env BAOKU_MAX_UPLOAD_MB; default 200].",
)
@click.option(
    "--open-reads/--closed-reads",
    default=None,
    help="Whether reading needs the token [env BAOKU_OPEN_READS; default open].",
)
@click.option(
    "--ingest-workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes reading uploaded pages [env BAOKU_INGEST_WORKERS; default 2].",
)
@click.option(
    "--search-workers",
    type=click.IntRange(0, 64),
    default=None,
    help="Processes computing searches, 0 for threads of the server process "
    "[env BAOKU_SEARCH_WORKERS; default one per CPU].",
)
@click.option(
    "--search-cache-mb",
    type=click.FloatRange(0, 100_000),
    default=None,
    help="Memory for cached search results, 0 to turn the cache off "
    "[env BAOKU_SEARCH_CACHE_MB; default 64].",
)
@click.option(
    "--create",
    is_flag=True,
    help="Start a new, empty archive at --db when there is none (to fill by uploads).",
)
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
)
def serve(
    host: str,
    port: int,
    db_path: Path | None,
    es_url: str | None,
    uploads_dir: Path | None,
    max_upload_mb: float | None,
    open_reads: bool | None,
    ingest_workers: int | None,
    search_workers: int | None,
    search_cache_mb: float | None,
    create: bool,
    log_level: str,
) -> None:
    """Serve the archive over HTTP: search page at /, API docs at /docs.

    The write token is read only from BAOKU_API_TOKEN (a token on the command line would
    show in the process list). Without it the server is read-only.
    """
    import uvicorn

    from baoku.api.archive import Archive
    from baoku.api.main import create_app
    from baoku.api.settings import SettingsError, load_settings
    from baoku.search.store_errors import StoreError

    try:
        settings = load_settings(
            {
                "db": db_path,
                "es_url": es_url,
                "uploads_dir": uploads_dir,
                "max_upload_mb": max_upload_mb,
                "open_reads": open_reads,
                "ingest_workers": ingest_workers,
                "search_workers": search_workers,
                "search_cache_mb": search_cache_mb,
            }
        )
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc
    if not settings.db.exists():
        if not create:
            raise click.ClickException(
                f"no archive at {settings.db}: point --db / BAOKU_DB at an existing archive, "
                f"run `baoku ingest PATH --db {settings.db}` first, or add --create to start "
                "an empty one"
            )
        check_parent_folder(settings.db, "--db")
    try:
        # Fail here, with the store's own message, rather than inside uvicorn's start-up.
        Archive(settings).prepare()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(
            f"cannot create the uploads folder {settings.upload_root} ({exc.strerror}); "
            "choose a writable one with --uploads-dir"
        ) from exc
    mode = "read-write" if settings.token else "read-only (set BAOKU_API_TOKEN to allow uploads)"
    click.echo(f"baoku: serving {settings.db} on http://{host}:{port}/ — {mode}", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)
