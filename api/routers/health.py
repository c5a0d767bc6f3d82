"""GET /healthz (the process answers) and GET /readyz (the store opens; Elasticsearch
answers when configured), for load balancers and orchestrators. Always open, no token."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from baoku.api.deps import ArchiveDep, IngestQueueDep, SearchServiceDep
from baoku.api.models import (
    CheckPublic,
    HealthPublic,
    ReadyPublic,
    SearchCacheStatsPublic,
    SearchLoadPublic,
    SearchMemoPublic,
    error_responses,
)

router = APIRouter(tags=["health"], responses=error_responses(500))


@router.get("/healthz", response_model=HealthPublic, summary="Liveness")
async def healthz(service: SearchServiceDep) -> HealthPublic:
    """The process answers; with its search load, result-cache counters (per process) and
    each search process's memo counters."""
    cache = service.store_cache
    return HealthPublic(
        status="ok",
        searches=SearchLoadPublic(
            concurrency=service.concurrency,
            running=service.running,
            waiting=service.waiting,
            refused=service.refused,
        ),
        search_cache=SearchCacheStatsPublic(**cache.stats()) if cache else None,
        search_memo=[
            SearchMemoPublic(pid=found[0], **found[1]) if found else None
            for found in service.memo_stats()
        ],
    )


@router.get(
    "/readyz",
    response_model=ReadyPublic,
    summary="Readiness",
    responses={503: {"model": ReadyPublic, "description": "Not ready; see checks"}},
)
def readyz(archive: ArchiveDep, ingest: IngestQueueDep) -> JSONResponse:
    checks = {
        "store": archive.check_store(),
        "elasticsearch": archive.check_elasticsearch(),
        "ingest": (
            ingest.alive,
            f"{ingest.pending()} files waiting" if ingest.alive else "stopped",
        ),
    }
    ok = all(passed for passed, _ in checks.values())
    body = ReadyPublic(
        status="ready" if ok else "not_ready",
        checks={name: CheckPublic(ok=p, message=m) for name, (p, m) in checks.items()},
    )
    return JSONResponse(body.model_dump(), status_code=200 if ok else 503)
