"""Batch ingestion: files → ingest (in worker processes) → store, with progress and a summary.

This is the one place that joins the stages for a batch (ingest → nlp → search): workers run
the pure ``ingest_file`` step, and the main process writes each result to the store in its own
transaction, so a failing file is recorded and the batch goes on with nothing else touched.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from baoku.forkserver import register_preload, worker_context
from baoku.ingest.errors import IngestError
from baoku.ingest.pipeline import IngestOptions, ingest_identified
from baoku.ingest.records import DocumentStatus, IngestedDocument, PageStatus, SourceFile
from baoku.ingest.source import FileKind, fingerprint, identify
from baoku.nlp.records import AnalyzedDocument
from baoku.search import es_backlog
from baoku.search.store import Store

# Import the heavy readers once in the fork server, so each (re)started worker forks with
# them loaded instead of importing them again.
register_preload("baoku.runner", "pdfplumber", "pypdfium2")

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})


@dataclass(frozen=True, slots=True)
class BatchOptions:
    workers: int = 1
    force: bool = False
    recursive: bool = False
    ingest: IngestOptions = field(default_factory=IngestOptions)
    facts: bool = True  # run the NLP stage (entities, figures) before storing
    es_url: str | None = None  # also index into this Elasticsearch cluster as files are stored

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be at least 1")


@dataclass(slots=True)
class FileResult:
    path: str
    status: str  # ingested | partial | needs_ocr | skipped | failed
    sha256: str | None = None
    pages: int = 0
    articles: int = 0
    reason: str | None = None
    page_notes: list[str] = field(default_factory=list)  # "p3: no text layer (image-only page)"


@dataclass(slots=True)
class Progress:
    files_done: int
    files_total: int
    pages_done: int
    pages_total: int
    elapsed: float
    current: str


@dataclass(slots=True)
class BatchSummary:
    results: list[FileResult] = field(default_factory=list)
    elapsed: float = 0.0
    es_indexed: int = 0  # articles indexed into Elasticsearch, when asked to
    es_error: str | None = None
    es_caught_up: int = 0  # files earlier runs left waiting for Elasticsearch, sent now
    es_behind: int = 0  # files still waiting for Elasticsearch after this run

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.results if r.status != "skipped")

    @property
    def stored_anything(self) -> bool:
        return any(r.status in ("ingested", "partial", "needs_ocr") for r in self.results) or all(
            r.status == "skipped" for r in self.results
        )


def discover(paths: Iterable[str | Path], recursive: bool = False) -> list[Path]:
    """Files named directly are always taken (their content decides); folders give their
    supported files, sorted, descending into subfolders only with ``recursive``."""
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            pattern = "**/*" if recursive else "*"
            found = sorted(
                f for f in p.glob(pattern) if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            found = [p]
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def count_pages(path: Path) -> int:
    """Cheap page count for progress totals (pdfium opens a PDF in about a millisecond)."""
    if path.suffix.lower() != ".pdf":
        return 1
    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # unreadable files are reported when ingested; 1 keeps totals sane
        return 1
    try:
        return len(pdf)
    finally:
        pdf.close()


def _work(
    source: SourceFile, kind: FileKind, opts: IngestOptions, facts: bool
) -> IngestedDocument | AnalyzedDocument | str:
    """One file through ingest (and NLP): runs in a worker process, returns records or a reason."""
    try:
        doc = ingest_identified(source, kind, opts)
    except IngestError as exc:
        return exc.reason
    except Exception as exc:  # a bug or an unforeseen file shape must not stop the batch
        return f"internal error while reading ({exc.__class__.__name__}: {exc})"
    if not facts:
        return doc
    from baoku.nlp.analyze import analyze_document  # spaCy and jieba load only when needed

    try:
        return analyze_document(doc)
    except Exception as exc:
        # Facts are derived data: keep the articles, say why their facts are missing.
        log.warning("%s: fact extraction failed (%s: %s)", source.path, type(exc).__name__, exc)
        return doc


def _result_for(doc: IngestedDocument, status: str) -> FileResult:
    notes = [
        f"p{p.index + 1}: {p.reason}" for p in doc.pages if p.status != PageStatus.OK and p.reason
    ]
    return FileResult(
        path=doc.source.path,
        status=status,
        sha256=doc.source.sha256,
        pages=len(doc.pages),
        articles=len(doc.articles),
        reason="; ".join(notes) if doc.status == DocumentStatus.FAILED else None,
        page_notes=notes,
    )


def _save(store: Store, item: IngestedDocument | AnalyzedDocument, force: bool) -> FileResult:
    doc = item.document if isinstance(item, AnalyzedDocument) else item
    if doc.status == DocumentStatus.FAILED:
        result = _result_for(doc, "failed")
        store.record_failure(doc.source, result.reason or "no readable page")
        return result
    result = _result_for(doc, str(doc.status))
    if doc.status != DocumentStatus.INGESTED and not doc.error and result.page_notes:
        # Why pages were not read (no text layer, blank), kept on the document record so
        # `documents` and GET /documents/{id} say it, not only this run's summary.
        doc.error = "; ".join(result.page_notes)
    known = store.find_document(doc.source.sha256)
    # Replace what an earlier run could not read (needs_ocr) as well as on --force.
    store.save_document(item, replace=force or (known is not None and known.status == "needs_ocr"))
    return result


def run_batch(
    paths: Iterable[str | Path],
    store: Store,
    options: BatchOptions | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> BatchSummary:
    opts = options or BatchOptions()
    files = discover(paths, opts.recursive)
    totals = {f: count_pages(f) for f in files}
    pages_total = sum(totals.values())
    summary = BatchSummary()
    start = time.perf_counter()
    pages_done = 0

    def report(path: Path, result: FileResult) -> None:
        nonlocal pages_done
        summary.results.append(result)
        pages_done += totals.get(path, 1)
        if on_progress is not None:
            on_progress(
                Progress(
                    len(summary.results),
                    len(files),
                    pages_done,
                    pages_total,
                    time.perf_counter() - start,
                    str(path),
                )
            )

    es = _EsFeed(opts.es_url, store) if opts.es_url else None
    for path, item in _ingested(files, store, opts):
        if isinstance(item, FileResult):
            report(path, item)
            continue
        result = _save(store, item, opts.force)
        report(path, result)
        if es is not None and result.sha256 and result.status != "failed":
            es.add(result.sha256)
    if opts.facts:
        for sha256 in refresh_continued_facts(store):
            if es is not None:
                es.add(sha256)
    if es is not None:
        es.finish()
        summary.es_error = es.error
        summary.es_indexed = es.indexed
        summary.es_caught_up = es.caught_up
        summary.es_behind = es.behind
    summary.elapsed = time.perf_counter() - start
    return summary


def refresh_continued_facts(store: Store) -> set[str]:
    """Analyse again, with their whole article's head as context, the continued parts whose
    facts were made without it (or with a head they no longer follow): on a later page
    区总工会 means the district the head named. Returns the files whose facts changed.

    A part that fails keeps its facts and is tried again after the next batch."""
    tasks = store.stale_continued_parts()
    if not tasks:
        return set()
    from baoku.nlp.analyze import analyze_article  # spaCy and jieba load only when needed
    from baoku.search.part_context import unfinished_sentence

    changed: set[str] = set()
    for task in tasks:
        part = store.load_part(task.part)
        head = store.load_part(task.head) if task.head is not None else None
        if part is None or (task.head is not None and head is None):
            continue
        before = store.previous_part(task.part) if head is not None else None
        previous = store.load_part(before) if before is not None else None
        try:
            facts = analyze_article(
                part.article,
                pub_date=part.date,
                newspaper=part.newspaper,
                context=head.as_context() if head is not None else "",
                # A sentence broken by the jump is read whole (its figure's period and
                # sentence are in the previous part).
                lead_in=unfinished_sentence(previous.article.text) if previous else "",
            )
        except Exception as exc:  # derived data: keep the facts it has
            log.warning("facts of continued part %s not refreshed: %s", task.part, exc)
            continue
        if store.replace_part_facts(task.part, facts, context_from=task.head):
            changed.add(task.sha256)
    return changed


class _EsFeed:
    """Indexes stored files into Elasticsearch in chunks as the batch goes, then the files
    earlier runs left waiting. The SQLite store is the record: when the cluster fails,
    sending stops for this batch with the reason kept, and every file not sent is queued in
    the store (``search.es_backlog``) for the next ``ingest --es`` or ``reindex --to es``."""

    chunk = 25

    def __init__(self, url: str, store: Store) -> None:
        from baoku.search.es_backend import EsIndexer

        self.store = store
        self.pending: list[str] = []
        self.indexed = 0
        self.caught_up = 0
        self.behind = 0
        self.error: str | None = None
        self.indexer = EsIndexer(url)

    def add(self, sha256: str) -> None:
        # Queued at once: an interrupted batch leaves it waiting, not silently missing.
        es_backlog.queue(self.store, [sha256], self.error or es_backlog.INTERRUPTED)
        self.pending.append(sha256)
        if len(self.pending) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        shas, self.pending = self.pending, []
        if not shas or self.error is not None:
            return
        report = es_backlog.send(self.indexer, self.store, shas, chunk=self.chunk, queued=True)
        self._record(report)

    def finish(self) -> None:
        """Send what is left of this batch, then what earlier runs left waiting."""
        self.flush()
        if self.error is None:
            report = es_backlog.catch_up(self.indexer, self.store, chunk=self.chunk)
            self.caught_up = report.sent
            self._record(report)
        self.behind = es_backlog.count(self.store)

    def _record(self, report: es_backlog.SendReport) -> None:
        self.indexed += report.indexed
        self.behind = report.behind
        if report.error is not None:
            self.error = (
                f"{report.error} — the archive is safe in SQLite; the files not indexed are "
                "queued, and the next `baoku ingest --es` (or `baoku reindex --to es`) sends them"
            )


def _todo(
    files: list[Path], store: Store, opts: BatchOptions
) -> Iterator[tuple[Path, FileResult | tuple[SourceFile, FileKind]]]:
    """Identify each file; yield a finished result (skipped/failed) or work to do."""
    for path in files:
        try:
            source, kind = identify(path)
        except IngestError as exc:
            # Recorded like any failure (keyed by content), so `documents --status failed`
            # lists it and a fixed copy is read next time.
            try:
                refused = _failed(path, fingerprint(path), store, exc.reason)
            except OSError:
                refused = FileResult(str(path), "failed", reason=exc.reason)
            yield path, refused
            continue
        except OSError as exc:
            yield path, FileResult(str(path), "failed", reason=f"cannot read file ({exc.strerror})")
            continue
        known = store.find_document(source.sha256)
        # A file stored as needs_ocr (ingested with --ocr never) is read again once OCR is on.
        retry_ocr = known is not None and known.status == "needs_ocr" and opts.ingest.ocr != "never"
        if known is not None and not opts.force and known.status != "failed" and not retry_ocr:
            yield (
                path,
                FileResult(str(path), "skipped", sha256=source.sha256, reason="already stored"),
            )
            continue
        yield path, (source, kind)


def _failed(path: Path, source: SourceFile, store: Store, reason: str) -> FileResult:
    store.record_failure(source, reason)
    return FileResult(str(path), "failed", sha256=source.sha256, reason=reason)


def _ingested(
    files: list[Path], store: Store, opts: BatchOptions
) -> Iterator[tuple[Path, FileResult | IngestedDocument | AnalyzedDocument]]:
    if opts.workers == 1:
        for path, item in _todo(files, store, opts):
            if isinstance(item, FileResult):
                yield path, item
                continue
            out = _work(*item, opts.ingest, opts.facts)
            yield path, _failed(path, item[0], store, out) if isinstance(out, str) else out
        return
    yield from _pooled(files, store, opts)


_CRASH = (
    "a worker process died while reading this file (out of memory, or a crash in a PDF library)"
)


def _pooled(
    files: list[Path], store: Store, opts: BatchOptions
) -> Iterator[tuple[Path, FileResult | IngestedDocument | AnalyzedDocument]]:
    """Files through a process pool with bounded in-flight work (memory stays flat on big
    batches). A dead worker breaks the whole pool, taking innocent in-flight files with it, so
    each of those is retried once in a fresh pool; a file that kills a worker twice fails."""
    # forkserver keeps workers clean of the parent's state; recycling bounds memory growth.
    ctx = worker_context()
    limit = 2 * opts.workers

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(opts.workers, mp_context=ctx, max_tasks_per_child=200)

    pool = new_pool()
    pending: dict[
        Future[IngestedDocument | AnalyzedDocument | str], tuple[Path, SourceFile, FileKind, int]
    ] = {}

    def submit(path: Path, source: SourceFile, kind: FileKind, attempt: int) -> None:
        nonlocal pool
        try:
            fut = pool.submit(_work, source, kind, opts.ingest, opts.facts)
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
            fut = pool.submit(_work, source, kind, opts.ingest, opts.facts)
        pending[fut] = (path, source, kind, attempt)

    def drain(
        block_until: int,
    ) -> Iterator[tuple[Path, FileResult | IngestedDocument | AnalyzedDocument]]:
        nonlocal pool
        while len(pending) > block_until:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                path, source, kind, attempt = pending.pop(fut)
                try:
                    out = fut.result()
                except BrokenProcessPool:
                    broken = True
                    if attempt == 0:
                        retry.append((path, source, kind))
                        continue
                    out = _CRASH
                yield path, _failed(path, source, store, out) if isinstance(out, str) else out
            if broken:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                for path, source, kind in retry:
                    submit(path, source, kind, 1)
                retry.clear()

    retry: list[tuple[Path, SourceFile, FileKind]] = []
    try:
        for path, item in _todo(files, store, opts):
            if isinstance(item, FileResult):
                yield path, item
                continue
            submit(path, item[0], item[1], 0)
            yield from drain(limit - 1)
        yield from drain(0)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))
