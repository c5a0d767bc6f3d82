"""GET /figures: figure records (money, cases, people, percentages ...) for fact-checkers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from baoku.api.archive import Archive
from baoku.api.deps import ArchiveDep, ReadAccess, SearchServiceDep
from baoku.api.errors import ApiError
from baoku.api.lookups import document_of_part
from baoku.api.models import FigureListPublic, FigureParams, FigurePublic, error_responses
from baoku.api.search_cache import Rendered, result_etag
from baoku.api.search_service import CACHE_CONTROL, etag_matches
from baoku.search.fact_listing import FigureQuery
from baoku.search.query import FigureFilter
from baoku.search.sqlite_index import generation

router = APIRouter(
    prefix="/figures",
    tags=["facts"],
    dependencies=[ReadAccess],
    responses=error_responses(401, 403, 422, 500, 503),
)


def to_figure_query(p: FigureParams) -> FigureQuery:
    return FigureQuery(
        figure=FigureFilter(
            type=p.type,
            min_value=p.min_value,
            max_value=p.max_value,
            measure_contains=p.measure,
            agency=p.agency,
            period_from=p.period_from,
            period_to=p.period_to,
        ),
        date_from=p.date_from,
        date_to=p.date_to,
        newspapers=tuple(p.newspaper),
        sort=p.sort,
        limit=p.limit,
        offset=p.offset,
    )


@router.get(
    "",
    response_model=FigureListPublic,
    summary="List figure records",
    responses={
        304: {"description": "Not modified: the listing named by If-None-Match is still current"}
    },
)
def list_figures(
    params: Annotated[FigureParams, Query()],
    archive: ArchiveDep,
    service: SearchServiceDep,
    request: Request,
) -> Response:
    """Each figure with its value, unit, what it counts, the agency credited, the period, the
    sentence it was found in, and the article, page and box it came from. All conditions
    hold for the same figure record.

    Like /search, answers carry an `ETag` that changes with the archive (304 for a current
    `If-None-Match`) and `X-Cache`."""
    try:
        query = to_figure_query(params)
    except (ValueError, TypeError) as exc:
        raise ApiError(
            422, "invalid_request", f"The listing cannot be made as asked: {exc}."
        ) from exc
    root = request.scope.get("root_path", "").rstrip("/")
    cache = service.store_cache
    if cache is None:
        return _response(_render(archive, query, root), None, "uncached")
    key = ("figures", root, query)
    conn = archive.reader().connection
    gen = generation(conn)
    etag = result_etag(service.identity, gen, key)
    if etag_matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=_headers(etag, "revalidated"))
    found = cache.get(gen, key)
    if found is not None:
        return _response(found.body, found.etag, "hit")
    body = _render(archive, query, root)
    if generation(conn) != gen:  # the archive changed meanwhile: send, but do not keep
        return _response(body, None, "miss")
    cache.put(gen, key, Rendered(body, etag))
    return _response(body, etag, "miss")


def _headers(etag: str | None, outcome: str) -> dict[str, str]:
    headers = {"X-Cache": outcome}
    if etag:
        headers |= {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    return headers


def _response(body: bytes, etag: str | None, outcome: str) -> Response:
    return Response(body, media_type="application/json", headers=_headers(etag, outcome))


def _render(archive: Archive, query: FigureQuery, root: str) -> bytes:
    page = archive.sqlite_backend().list_figures(query)
    store = archive.reader()
    figures = []
    for hit in page.figures:
        item = hit.to_dict()
        sha = document_of_part(store, hit.part_id)
        item["image"] = (
            f"{root}/pages/{sha}/{hit.page_index}.png?highlight={hit.id}"
            if sha is not None and hit.page_index is not None
            else None
        )
        figures.append(FigurePublic.model_validate(item))
    return FigureListPublic(total=page.total, figures=figures).model_dump_json().encode()
