"""The FastAPI application factory: settings → archive, ingest thread, routers, error shape.

``create_app(settings)`` is what ``baoku serve`` runs; ``uvicorn --factory
baoku.api.main:create_app`` works too and reads its settings from ``BAOKU_*`` variables.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from baoku import __version__
from baoku.api.archive import Archive
from baoku.api.body_limit import BodyLimitMiddleware
from baoku.api.errors import install_error_handlers
from baoku.api.ingest_queue import IngestQueue, Job
from baoku.api.page_render import PngCache
from baoku.api.repeat_requests import RepeatMiddleware
from baoku.api.routers import articles, documents, entities, figures, health, pages, search, web
from baoku.api.search_cache import SearchCache
from baoku.api.search_service import SearchService, default_workers
from baoku.api.search_workers import SearchWorkers
from baoku.api.settings import Settings, load_settings
from baoku.api.uploads import pending_uploads
from baoku.ingest.pipeline import IngestOptions
from baoku.search.preload import preload
from baoku.search.store import Store

log = logging.getLogger("baoku.api")

# Multipart framing and the small form fields ride on top of the files themselves.
_FORM_OVERHEAD = 64 * 1024

DESCRIPTION = """Search and read the baoku newspaper archive: articles, figures, entities and
page images. Reads are open unless the server says otherwise; changes need
`Authorization: Bearer <token>`. Every error is `{"error": {"code", "message", "detail"}}`."""


def _requeue(archive: Archive, ingest: IngestQueue) -> int:
    """Queue saved uploads the store does not have yet (the server stopped before reading)."""
    store = archive.reader()
    n = 0
    for sha, path in pending_uploads(archive.settings.upload_root):
        if store.find_document(sha) is None:
            ingest.submit(sha, path, path.name, IngestOptions())
            n += 1
    return n


def _after_batch(archive: Archive) -> Callable[[Store, list[Job]], None]:
    def index(store: Store, jobs: list[Job]) -> None:
        # The SQLite index is updated inside save_document; only Elasticsearch needs feeding.
        archive.sync_elasticsearch(store, [job.sha256 for job in jobs])

    return index


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()
    archive = Archive(settings)
    ingest = IngestQueue(settings.db, settings.ingest_workers, _after_batch(archive))
    cache_bytes = int(settings.search_cache_mb * 1024 * 1024)
    processes = default_workers() if settings.search_workers is None else settings.search_workers
    search_service = SearchService(
        archive,
        cache=SearchCache(max_bytes=cache_bytes) if cache_bytes else None,
        workers=SearchWorkers(settings, processes) if processes else None,
        concurrency=2 * default_workers(),
        max_waiting=settings.search_queue,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(archive.prepare)
        app.state.render_limiter = anyio.CapacityLimiter(1)
        search_service.start()
        # Tables the first search would otherwise build while its user waits (query words
        # are parsed here too; figure listings resolve agency names here).
        await anyio.to_thread.run_sync(preload)
        warming: asyncio.Future[None] | None = None
        if search_service.workers is not None:
            # In the background: the first searches wait for it, nothing else does.
            warming = asyncio.ensure_future(search_service.workers.warm())
        ingest.start()
        requeued = await anyio.to_thread.run_sync(_requeue, archive, ingest)
        if requeued:
            log.info("queued %d saved uploads that were not ingested yet", requeued)
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(ingest.stop)
            if warming is not None:
                await asyncio.wait([warming])
            await search_service.aclose()

    app = FastAPI(
        title="baoku (报库) API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.archive = archive
    app.state.ingest = ingest
    app.state.png_cache = PngCache()
    app.state.search = search_service
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_upload_bytes + _FORM_OVERHEAD)
    # Outermost of ours: a repeated read is answered before anything else looks at it.
    app.add_middleware(RepeatMiddleware)
    for module in (search, figures, entities, articles, pages, documents, health, web):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")
    return app
