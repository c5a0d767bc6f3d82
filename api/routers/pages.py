"""GET /pages/{doc}/{page}.png: a stored page as an image, optionally with an article or a
figure outlined, so a reader can check a fact against the printed page."""

from __future__ import annotations

import hashlib
from typing import Annotated

import anyio
from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from baoku.api.archive import Archive
from baoku.api.deps import ArchiveDep, PngCacheDep, ReadAccess, SettingsDep
from baoku.api.errors import ApiError
from baoku.api.lookups import (
    Highlight,
    article_highlight,
    figure_highlight,
    find_page,
    is_figure_id,
)
from baoku.api.models import error_responses
from baoku.api.page_render import PageSpec, RenderError, render_png

router = APIRouter(
    prefix="/pages",
    tags=["pages"],
    dependencies=[ReadAccess],
    responses=error_responses(401, 403, 404, 422, 500, 503),
)

DEFAULT_WIDTH = 1200


def _locate(
    archive: Archive, sha: str, page: int, highlight: str | None
) -> tuple[PageSpec, Highlight | None]:
    store = archive.reader()
    spec = find_page(store, sha, page)
    if spec is None:
        raise ApiError(
            404,
            "page_not_found",
            f"Document {sha} has no stored page {page}. Pages are numbered from 0 in the "
            "file; take document and page from an article's parts (GET /articles/{id}).",
        )
    if not highlight:
        return spec, None
    if is_figure_id(highlight):
        found = figure_highlight(store, int(highlight), sha, page)
        what = f"figure {highlight}"
    else:
        found = article_highlight(store, highlight, sha, page)
        what = f"article {highlight!r}"
    if not found.boxes:
        where = [f"/pages/{s}/{i}.png?highlight={highlight}" for s, i in found.elsewhere]
        raise ApiError(
            404,
            "highlight_not_on_page",
            f"There is no {what} on this page"
            + (
                "; it is on the pages listed in detail."
                if where
                else ". highlight= takes an article id (GET /search hits) or a figure id "
                "(GET /figures)."
            ),
            {"pages": where},
        )
    return spec, found


@router.get(
    "/{document_id}/{page}.png",
    summary="Page image",
    response_class=Response,
    responses={200: {"content": {"image/png": {}}, "description": "The page as PNG"}},
)
async def page_image(
    document_id: Annotated[str, Path(pattern=r"^[0-9a-fA-F]{64}$", description="Document id")],
    page: Annotated[int, Path(ge=0, le=9999, description="0-based page in the file")],
    archive: ArchiveDep,
    settings: SettingsDep,
    cache: PngCacheDep,
    request: Request,
    width: Annotated[int, Query(ge=100, le=10_000, description="Image width, pixels")] = (
        DEFAULT_WIDTH
    ),
    highlight: Annotated[
        str | None,
        Query(max_length=80, description="Article id, or figure id, to outline on the page"),
    ] = None,
) -> Response:
    """Rendered from the stored source file. Boxes are the stored PDF-point boxes scaled to
    the image. The image never changes for the same URL (until the document is deleted)."""
    if width > settings.max_image_width:
        raise ApiError(
            422,
            "width_too_large",
            f"width may be at most {settings.max_image_width} pixels on this server.",
        )
    sha = document_id.lower()
    spec, found = await run_in_threadpool(_locate, archive, sha, page, highlight)
    key = (sha, page, width, highlight or "")
    etag = '"' + hashlib.sha256(repr(key).encode()).hexdigest()[:32] + '"'
    headers = {"Cache-Control": "public, max-age=86400", "ETag": etag}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    data = cache.get(key)
    if data is None:
        boxes = found.boxes if found else []
        try:
            # Renders wait on their own one-slot limiter, on the event loop rather than in a
            # pool thread, so a burst of page views cannot starve searches of threads.
            data = await anyio.to_thread.run_sync(
                render_png, spec, width, boxes, limiter=request.app.state.render_limiter
            )
        except RenderError as exc:
            raise ApiError(404, "page_unavailable", f"This page cannot be shown: {exc}.") from exc
        cache.put(key, data)
    return Response(content=data, media_type="image/png", headers=headers)
