"""/documents: upload newspaper files for ingestion, follow their status, delete them.

The upload form is read only after the token is checked (FastAPI would otherwise parse a whole
multipart body before running any dependency), so an unauthenticated client cannot make the
server spool hundreds of megabytes. Files are checked and saved by ``uploads`` and ingested in
the background by ``ingest_queue``; the reply is 202 with one id per file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from baoku.api.archive import Archive
from baoku.api.deps import (
    ArchiveDep,
    IngestQueueDep,
    PngCacheDep,
    ReadAccess,
    SettingsDep,
    WriteAccess,
    url_root,
)
from baoku.api.errors import ApiError
from baoku.api.ingest_queue import IngestQueue, Job
from baoku.api.lookups import article_count, documents_page
from baoku.api.models import (
    DocumentDeletedPublic,
    DocumentListPublic,
    DocumentPublic,
    UploadAcceptedPublic,
    error_responses,
)
from baoku.api.settings import Settings
from baoku.api.uploads import SavedUpload, remove_upload, save_upload
from baoku.ingest.pipeline import IngestOptions
from baoku.search import es_backlog
from baoku.search.records import StoredDocument
from baoku.search.store import Store

router = APIRouter(prefix="/documents", tags=["documents"])

DocumentId = Annotated[
    str,
    Path(
        pattern=r"^[0-9a-fA-F]{64}$",
        description="Document id: the sha256 of the file, as returned by the upload",
    ),
]


class UploadForm(BaseModel):
    """The optional fields sent with the files; they apply to every file of the request."""

    model_config = ConfigDict(extra="forbid")

    newspaper: str | None = Field(default=None, min_length=1, max_length=40)
    date: dt.date | None = None
    page: int | None = Field(default=None, ge=1, le=999)

    def ingest_options(self) -> IngestOptions:
        return IngestOptions(
            newspaper=self.newspaper,
            date=self.date.isoformat() if self.date else None,
            page_no=self.page,
        )


_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "PDF pages or page images (PNG, JPEG, TIFF)",
                        },
                        "newspaper": {
                            "type": "string",
                            "maxLength": 40,
                            "description": "Newspaper, when the page does not print it",
                        },
                        "date": {
                            "type": "string",
                            "format": "date",
                            "description": "Publication date; overrides the page",
                        },
                        "page": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": 999,
                            "description": "Printed page number of the first page",
                        },
                    },
                }
            }
        },
    }
}


def _url(request: Request, sha256: str) -> str:
    return f"{url_root(request)}/documents/{sha256}"


def _public(
    request: Request,
    sha256: str,
    job: Job | None,
    stored: StoredDocument | None,
    store: Store | None = None,
) -> DocumentPublic | None:
    """The document's state: a job not yet done wins, then the store, then a job result.
    ``store`` counts the articles of a file no job here ingested (e.g. `baoku ingest`)."""
    result = job.result if job is not None else None
    base: dict[str, Any] = {"id": sha256, "url": _url(request, sha256)}
    if job is not None:
        base["filename"] = job.filename
    elif stored is not None:
        base["filename"] = PurePath(stored.path).name
    if job is not None and job.status != "done":
        return DocumentPublic(status=job.status, **base)  # type: ignore[arg-type]
    if stored is not None:
        return DocumentPublic(
            status=str(stored.status),  # type: ignore[arg-type]
            size=stored.size,
            pages=stored.pages,
            articles=result.articles
            if result and result.status != "skipped"
            else (article_count(store, sha256) if store is not None else None),
            error=stored.error,
            page_notes=result.page_notes if result else [],
            ingested_at=stored.ingested_at,
            es_waiting=es_backlog.reason(store, sha256) if store is not None else None,
            **base,
        )
    if result is not None:
        return DocumentPublic(
            status="failed" if result.status == "skipped" else result.status,  # type: ignore[arg-type]
            pages=result.pages,
            error=result.reason,
            page_notes=result.page_notes,
            **base,
        )
    return None


async def _read_form(request: Request, settings: Settings) -> tuple[list[UploadFile], UploadForm]:
    try:
        form = await request.form(
            max_files=settings.max_files_per_upload, max_fields=10, max_part_size=4096
        )
    except StarletteHTTPException as exc:
        if exc.status_code == 400:
            raise ApiError(
                400,
                "bad_upload",
                f"The upload could not be read: {exc.detail}. Send multipart/form-data with up "
                f"to {settings.max_files_per_upload} files in the field 'files'.",
            ) from exc
        raise
    except Exception as exc:  # a malformed body is the client's to fix, never a 500
        raise ApiError(
            400,
            "bad_upload",
            "The request body is not valid multipart/form-data; send the files in a form "
            "field named 'files' (e.g. curl -F files=@page.pdf).",
        ) from exc
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    if not files:
        raise ApiError(
            422,
            "no_files",
            "No files were sent: put the PDFs or images in the form field 'files' "
            "(e.g. curl -F files=@page.pdf).",
        )
    fields = {k: v for k, v in form.multi_items() if k != "files" and isinstance(v, str)}
    unexpected = [k for k, v in form.multi_items() if k != "files" and not isinstance(v, str)]
    if unexpected:
        raise ApiError(
            422, "invalid_request", f"Only 'files' may hold files; remove {unexpected[:3]}."
        )
    try:
        options = UploadForm(**fields)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'form'}: {e['msg']}" for e in exc.errors()
        )
        raise ApiError(
            422, "invalid_request", f"The form has invalid values — {problems}."
        ) from exc
    return files, options


def _save_all(files: list[UploadFile], settings: Settings) -> list[SavedUpload]:
    saved: list[SavedUpload] = []
    total = 0
    try:
        for f in files:
            item = save_upload(f.file, f.filename, settings.upload_root, settings.max_upload_bytes)
            total += item.size
            saved.append(item)
    except BaseException:
        # All or nothing: a request with one bad file queues none, so resending it fixed is
        # simple; files this request created are removed again.
        for item in saved:
            if item.created:
                remove_upload(settings.upload_root, item.sha256)
        raise
    return saved


def _enqueue(
    saved: list[SavedUpload], options: UploadForm, archive: Archive, ingest: IngestQueue
) -> list[tuple[SavedUpload, Job | None, StoredDocument | None]]:
    store = archive.reader()
    out: list[tuple[SavedUpload, Job | None, StoredDocument | None]] = []
    for item in saved:
        stored = store.find_document(item.sha256)
        if stored is not None and str(stored.status) != "failed":
            out.append((item, ingest.get(item.sha256), stored))
            continue
        job = ingest.submit(item.sha256, item.path, item.filename, options.ingest_options())
        out.append((item, job, None))
    return out


@router.post(
    "",
    status_code=202,
    response_model=UploadAcceptedPublic,
    summary="Upload files for ingestion",
    dependencies=[WriteAccess],
    responses=error_responses(400, 401, 403, 413, 415, 422, 500, 503),
    openapi_extra=_UPLOAD_BODY,
)
async def upload_documents(
    request: Request, settings: SettingsDep, archive: ArchiveDep, ingest: IngestQueueDep
) -> UploadAcceptedPublic:
    """Accept one or more PDFs or page images (multipart field ``files``), checked by content
    and size, and queue them for ingestion. Answers 202 with a document id per file; follow
    each at its ``url``. A file already in the archive is not read again."""
    files, options = await _read_form(request, settings)
    saved = await run_in_threadpool(_save_all, files, settings)
    queued = await run_in_threadpool(_enqueue, saved, options, archive, ingest)
    documents = []
    for item, job, stored in queued:
        public = _public(request, item.sha256, job, stored)
        assert public is not None  # a job or a stored row exists for every saved file
        public.filename = item.filename
        public.size = item.size
        documents.append(public)
    return UploadAcceptedPublic(documents=documents)


@router.get(
    "",
    response_model=DocumentListPublic,
    summary="List the archive's documents",
    dependencies=[ReadAccess],
    responses=error_responses(401, 403, 422, 500, 503),
)
def list_documents(
    request: Request,
    archive: ArchiveDep,
    status: Annotated[
        Literal["ingested", "partial", "needs_ocr", "failed"] | None,
        Query(description="Only documents with this outcome"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    es_waiting: Annotated[
        bool,
        Query(description="Only files whose Elasticsearch copy is behind (see es_waiting)"),
    ] = False,
) -> DocumentListPublic:
    """Stored files, newest first, with their outcome and the reason when they failed."""
    total, docs = documents_page(archive.reader(), status, limit, offset, es_waiting=es_waiting)
    return DocumentListPublic(
        total=total,
        documents=[
            p
            for d in docs
            if (p := _public(request, d.sha256, None, d, archive.reader())) is not None
        ],
    )


@router.get(
    "/{document_id}",
    response_model=DocumentPublic,
    summary="Status of one document",
    dependencies=[ReadAccess],
    responses=error_responses(401, 403, 404, 422, 500, 503),
)
def get_document(
    document_id: DocumentId, request: Request, archive: ArchiveDep, ingest: IngestQueueDep
) -> DocumentPublic:
    """Queued, processing, or the stored outcome (ingested, partial, needs_ocr, failed) with
    page count and the reasons pages or the file could not be read."""
    sha = document_id.lower()
    store = archive.reader()
    public = _public(request, sha, ingest.get(sha), store.find_document(sha), store)
    if public is None:
        raise ApiError(
            404,
            "document_not_found",
            f"No document has the id {sha}. Ids are the sha256 of the file, returned by "
            "POST /documents.",
        )
    return public


@router.delete(
    "/{document_id}",
    response_model=DocumentDeletedPublic,
    summary="Delete a document and everything read from it",
    dependencies=[WriteAccess],
    responses=error_responses(401, 403, 404, 409, 422, 500, 503),
)
def delete_document(
    document_id: DocumentId,
    settings: SettingsDep,
    archive: ArchiveDep,
    ingest: IngestQueueDep,
    cache: PngCacheDep,
) -> DocumentDeletedPublic:
    """Removes the document's pages, articles, facts and search entries, and its uploaded
    file. Articles continued in other files are re-linked as if it had never been stored."""
    sha = document_id.lower()
    if not ingest.cancel(sha):
        raise ApiError(
            409,
            "document_busy",
            "The document is being ingested right now; delete it once GET /documents/{id} "
            "no longer says processing.",
        )
    stored = archive.reader().find_document(sha)
    articles = 0
    if stored is not None:
        # A short-lived writable connection: SQLite serializes it with the ingest thread's.
        with Store.open(settings.db) as store:
            articles = article_count(store, sha)
            store.delete_document(sha)
            archive.sync_elasticsearch(store, [sha])
    removed_file = remove_upload(settings.upload_root, sha)
    cache.drop_document(sha)
    if stored is None and not removed_file:
        raise ApiError(404, "document_not_found", f"No document has the id {sha}.")
    return DocumentDeletedPublic(id=sha, deleted=True, articles=articles)
