"""GET /search: full-text and filtered search over articles, through the configured backend."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from baoku.api.deps import ReadAccess, SearchServiceDep
from baoku.api.errors import ApiError
from baoku.api.models import SearchParams, SearchResultPublic, error_responses
from baoku.api.repeat_requests import repeat_key
from baoku.api.search_service import answer_response
from baoku.search.query import FigureFilter, SearchQuery
from baoku.search.syntax import QuerySyntaxError

router = APIRouter(
    prefix="/search",
    tags=["search"],
    dependencies=[ReadAccess],
    responses=error_responses(401, 403, 422, 500, 503),
)


def to_search_query(p: SearchParams) -> SearchQuery:
    """The library's query from the wire parameters; its own checks become 422 errors."""
    figure = None
    if any(
        v is not None
        for v in (
            p.figure_type,
            p.figure_min,
            p.figure_max,
            p.figure_measure,
            p.figure_agency,
            p.figure_period_from,
            p.figure_period_to,
        )
    ):
        figure = FigureFilter(
            type=p.figure_type,
            min_value=p.figure_min,
            max_value=p.figure_max,
            measure_contains=p.figure_measure,
            agency=p.figure_agency,
            period_from=p.figure_period_from,
            period_to=p.figure_period_to,
        )
    return SearchQuery(
        text=p.q,
        date_from=p.date_from,
        date_to=p.date_to,
        newspapers=tuple(p.newspaper),
        page_nos=tuple(p.page),
        page_names=tuple(p.page_name),
        places=tuple(p.place),
        agencies=tuple(p.agency),
        persons=tuple(p.person),
        initiatives=tuple(p.initiative),
        entity_kinds=tuple(p.entity_kind),
        figure=figure,
        types=tuple(p.type) or ("article",),
        sort=p.sort,
        limit=p.limit,
        offset=p.offset,
        facets=tuple(dict.fromkeys(p.facet)),
    )


@router.get(
    "",
    response_model=SearchResultPublic,
    summary="Search articles",
    responses={
        304: {"description": "Not modified: the result named by If-None-Match is still current"}
    },
)
async def search(
    params: Annotated[SearchParams, Query()], request: Request, service: SearchServiceDep
) -> Response:
    """Articles matching the words and filters, best first (or by date), with snippets whose
    matched words are marked, and the requested facet counts over all matches.

    Answers carry an `ETag` (it changes whenever the archive's search index does), so a client
    can revalidate with `If-None-Match` and get 304; `X-Cache` and `Server-Timing` say whether
    the result came from the server's cache and where the time went."""
    try:
        query = to_search_query(params)
    except QuerySyntaxError as exc:
        raise ApiError(422, "invalid_query", str(exc)) from exc
    except (ValueError, TypeError) as exc:
        raise ApiError(
            422, "invalid_request", f"The search cannot be run as asked: {exc}.", None
        ) from exc
    answer = await service.answer(
        query, request.headers.get("if-none-match"), repeat_key(request.scope)
    )
    return answer_response(answer)
