"""``baoku ingest``: files → archive, with progress and a summary (``runner.run_batch``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

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
from baoku.search import es_backlog


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("-r", "--recursive", is_flag=True, help="Descend into subfolders of folders given.")
@click.option(
    "-w",
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes reading pages in parallel.",
)
@click.option(
    "--force", is_flag=True, help="Re-process files already stored (replaces their records)."
)
@click.option(
    "--date", "date_", help="Publication date for these files (YYYY-MM-DD); overrides the page."
)
@click.option(
    "--page", "page_no", type=click.IntRange(1, 999), help="Printed page number of the first page."
)
@click.option(
    "--newspaper", help="Newspaper name, when neither the page nor the file name says it."
)
@click.option(
    "--ocr",
    "ocr_mode",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="OCR: pages without a usable text layer and images (auto), every page (always), "
    "or none, only reporting them (never).",
)
@click.option(
    "--es",
    "es_url",
    envvar="BAOKU_ES_URL",
    show_envvar=True,
    help="Also index into this Elasticsearch cluster as files are stored.",
)
@click.option(
    "--no-facts", is_flag=True, help="Skip entity and figure extraction (faster; articles only)."
)
@json_option
def ingest(
    paths: tuple[Path, ...],
    db_path: Path,
    recursive: bool,
    workers: int,
    force: bool,
    date_: str | None,
    page_no: int | None,
    newspaper: str | None,
    ocr_mode: str,
    es_url: str | None,
    no_facts: bool,
    as_json: bool,
) -> None:
    """Ingest newspaper PDFs (or page images) into the archive.

    A file already in the archive (same content) is skipped unless --force. A file that cannot
    be read is recorded with its reason and the batch goes on; the exit status is non-zero only
    when nothing could be ingested.
    """
    from baoku.ingest.pagemeta import parse_date_override
    from baoku.ingest.pipeline import IngestOptions, OcrMode
    from baoku.runner import BatchOptions, run_batch

    try:
        iso_date = parse_date_override(date_) if date_ else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--date") from exc
    opts = BatchOptions(
        workers=workers,
        force=force,
        recursive=recursive,
        facts=not no_facts,
        es_url=es_url or None,
        ingest=IngestOptions(
            newspaper=newspaper, date=iso_date, page_no=page_no, ocr=OcrMode(ocr_mode)
        ),
    )
    with open_store(db_path) as store, _progress(enabled=err_console.is_terminal) as on_progress:
        summary = run_batch(paths, store, opts, on_progress)
    if not summary.results:
        hint = "" if recursive else " (add -r to look into subfolders)"
        raise click.ClickException(f"no PDF or image files found in the paths given{hint}")
    if as_json:
        emit_json(
            {
                "db": str(db_path),
                "elapsed_s": round(summary.elapsed, 3),
                "pages": summary.pages,
                "counts": {
                    s: summary.count(s)
                    for s in ("ingested", "partial", "needs_ocr", "skipped", "failed")
                },
                "files": [asdict(r) for r in summary.results],
                "es": {
                    "indexed": summary.es_indexed,
                    "caught_up_files": summary.es_caught_up,
                    "waiting_files": summary.es_behind,
                    "error": summary.es_error,
                }
                if es_url
                else None,
            }
        )
    else:
        _print_summary(summary, db_path)
    if not summary.stored_anything:
        sys.exit(1)


# Seconds between progress lines when stderr is not a terminal (cron, a log file).
LOG_EVERY_S = 30.0


def _rate(pages: int, seconds: float) -> str:
    # An OCR batch runs at a fraction of a page per second: keep two significant digits.
    rate = pages / seconds if seconds > 0 else 0.0
    return f"{rate:.2f}" if rate < 1 else f"{rate:.1f}"


def _eta(p: Any) -> str:
    if not p.pages_done or p.pages_done >= p.pages_total:
        return "–"
    left = p.elapsed / p.pages_done * (p.pages_total - p.pages_done)
    minutes, seconds = divmod(int(left), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{seconds:02d}s"


@contextmanager
def _log_lines() -> Iterator[Any]:
    """Progress as plain lines on stderr, one every LOG_EVERY_S, when no bar can be drawn."""
    last = [0.0]

    def update(p: Any) -> None:
        if p.elapsed - last[0] < LOG_EVERY_S and p.files_done < p.files_total:
            return
        last[0] = p.elapsed
        click.echo(
            f"ingest: {p.files_done}/{p.files_total} files, {p.pages_done}/{p.pages_total} "
            f"pages, {_rate(p.pages_done, p.elapsed)} pages/s, {p.elapsed:.0f}s elapsed, "
            f"ETA {_eta(p)}",
            err=True,
        )

    yield update


@contextmanager
def _progress(enabled: bool) -> Iterator[Any]:
    if not enabled:
        with _log_lines() as update:
            yield update
        return
    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TaskProgressColumn(),
        TextColumn("{task.fields[pages]} pages · {task.fields[rate]} pages/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=False) as bar:
        task = bar.add_task("ingest", total=None, pages="0", rate="–")

        def update(p: Any) -> None:
            bar.update(
                task,
                completed=p.files_done,
                total=p.files_total,
                pages=f"{p.pages_done}/{p.pages_total}",
                rate=_rate(p.pages_done, p.elapsed),
            )

        yield update


def _print_summary(summary: Any, db_path: Path) -> None:
    console = Console()
    counts = {
        s: summary.count(s) for s in ("ingested", "partial", "needs_ocr", "skipped", "failed")
    }
    console.print(
        f"[bold]{len(summary.results)} files[/bold] in {summary.elapsed:.1f}s "
        f"({summary.pages} pages, {_rate(summary.pages, summary.elapsed)} pages/s) → {db_path}"
    )
    console.print(
        "  ingested {ingested} · partial {partial} · needs OCR {needs_ocr} · "
        "skipped {skipped} · failed {failed}".format(**counts)
    )
    problems = [r for r in summary.results if r.status in ("failed", "partial", "needs_ocr")]
    if problems:
        table = Table("status", "file", "reason", show_edge=False, header_style="bold")
        for r in problems:
            reason = r.reason or "; ".join(r.page_notes)
            table.add_row(r.status, r.path, reason)
        console.print(table)
    if summary.es_error:
        console.print(f"[yellow]Elasticsearch:[/yellow] {summary.es_error}")
    elif summary.es_indexed:
        caught_up = (
            f", with {summary.es_caught_up} files earlier runs left waiting"
            if summary.es_caught_up
            else ""
        )
        console.print(f"  indexed {summary.es_indexed} articles into Elasticsearch{caught_up}")
    if summary.es_behind:
        console.print(
            f"  {summary.es_behind} files wait for Elasticsearch (`baoku documents --es-waiting`)"
        )


DOCUMENT_COLUMNS = ("id", "path", "sha256", "size", "pages", "status", "error", "ingested_at")


@click.command()
@db_option
@click.option(
    "--status",
    type=click.Choice(["ingested", "partial", "needs_ocr", "failed"]),
    help="Only documents with this status.",
)
@click.option(
    "--es-waiting",
    is_flag=True,
    help="Instead: the files whose Elasticsearch copy is behind (an update failed), with why.",
)
@json_option
@csv_option
def documents(
    db_path: Path, status: str | None, es_waiting: bool, as_json: bool, as_csv: bool
) -> None:
    """List the files in the archive with their status and errors."""
    check_output_flags(as_json, as_csv)
    if es_waiting:
        if status is not None:
            raise click.UsageError(
                "--es-waiting lists files by their Elasticsearch state; drop --status"
            )
        _list_es_waiting(db_path, as_json, as_csv)
        return
    with open_store(db_path, must_exist=True, readonly=True) as store:
        docs = store.list_documents(status)
    if as_json:
        emit_json([asdict(d) for d in docs])
        return
    if as_csv:
        emit_csv((asdict(d) for d in docs), DOCUMENT_COLUMNS)
        return
    table = Table("status", "pages", "file", "error", show_edge=False, header_style="bold")
    for d in docs:
        table.add_row(str(d.status), str(d.pages), d.path, d.error or "")
    Console().print(table)
    err_console.print(f"{len(docs)} documents")


WAITING_COLUMNS = ("sha256", "path", "queued_at", "reason")


def _list_es_waiting(db_path: Path, as_json: bool, as_csv: bool) -> None:
    with open_store(db_path, must_exist=True, readonly=True) as store:
        files = es_backlog.waiting(store)
    if as_json:
        emit_json([asdict(f) for f in files])
        return
    if as_csv:
        emit_csv((asdict(f) for f in files), WAITING_COLUMNS)
        return
    table = Table("queued", "file", "reason", show_edge=False, header_style="bold")
    for f in files:
        table.add_row(f.queued_at, f.path or f"(deleted) {f.sha256[:12]}", f.reason)
    Console().print(table)
    hint = " — `baoku ingest --es URL` or `baoku reindex --to es` sends them" if files else ""
    err_console.print(f"{len(files)} files wait for Elasticsearch{hint}")
