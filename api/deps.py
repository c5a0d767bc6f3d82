"""FastAPI dependencies as ``Annotated`` aliases: app state and access control.

Reads are open unless the operator closes them; writes always need
``Authorization: Bearer <BAOKU_API_TOKEN>``, and with no token configured they are refused
outright, since an archive that anyone can delete from is worse than a read-only one.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from baoku.api.archive import Archive
from baoku.api.errors import ApiError
from baoku.api.ingest_queue import IngestQueue
from baoku.api.page_render import PngCache
from baoku.api.search_service import SearchService
from baoku.api.settings import Settings

_bearer = HTTPBearer(auto_error=False, description="BAOKU_API_TOKEN of the server")


# These are async so they resolve on the event loop without a thread hop; they only hand
# out objects made at start-up.
async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_archive(request: Request) -> Archive:
    archive: Archive = request.app.state.archive
    return archive


async def get_ingest_queue(request: Request) -> IngestQueue:
    ingest: IngestQueue = request.app.state.ingest
    return ingest


async def get_png_cache(request: Request) -> PngCache:
    cache: PngCache = request.app.state.png_cache
    return cache


async def get_search_service(request: Request) -> SearchService:
    service: SearchService = request.app.state.search
    return service


def url_root(request: Request) -> str:
    """The prefix of this app's URLs behind a proxy that mounts it below / (root_path)."""
    return str(request.scope.get("root_path", "")).rstrip("/")


SettingsDep = Annotated[Settings, Depends(get_settings)]
ArchiveDep = Annotated[Archive, Depends(get_archive)]
IngestQueueDep = Annotated[IngestQueue, Depends(get_ingest_queue)]
PngCacheDep = Annotated[PngCache, Depends(get_png_cache)]
SearchServiceDep = Annotated[SearchService, Depends(get_search_service)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _check_token(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> None:
    token = settings.token
    if token is None:
        raise ApiError(
            403,
            "writes_disabled",
            "This server accepts no changes because no API token is configured. The operator "
            "can set BAOKU_API_TOKEN (16+ random characters) and restart `baoku serve`; "
            "clients then send Authorization: Bearer <token>.",
        )
    if credentials is None:
        raise ApiError(
            401,
            "unauthorized",
            "This endpoint needs the API token: send Authorization: Bearer <token>.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
        raise ApiError(
            401,
            "unauthorized",
            "The API token sent is not this server's token; check BAOKU_API_TOKEN.",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )


async def require_read(settings: SettingsDep, credentials: Credentials) -> None:
    if not settings.open_reads:
        _check_token(settings, credentials)


async def require_write(settings: SettingsDep, credentials: Credentials) -> None:
    _check_token(settings, credentials)


ReadAccess = Depends(require_read)
WriteAccess = Depends(require_write)
