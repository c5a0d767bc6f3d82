"""GET /figures: figure records (money, cases, people, percentages ...) for fact-checkers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from baoku.api.deps import ReadAccess, SearchServiceDep
from baoku.api.errors import ApiError
from baoku.api.models import FigureListPublic, FigureParams, error_responses
from baoku.api.search_service import answer_response
from baoku.search.fact_listing import FigureQuery
from baoku.search.query import FigureFilter

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
async def list_figures(
    params: Annotated[FigureParams, Query()], service: SearchServiceDep, request: Request
) -> Response:
    """Each figure with its value, unit, what it counts, the agency credited, the period, the
    sentence it was found in, and the article, page and box it came from. All conditions
    hold for the same figure record.

    Like /search, answers carry an `ETag` that changes with the archive (304 for a current
    `If-None-Match`), `X-Cache` and `Server-Timing`."""
    try:
        query = to_figure_query(params)
    except (ValueError, TypeError) as exc:
        raise ApiError(
            422, "invalid_request", f"The listing cannot be made as asked: {exc}."
        ) from exc
    root = request.scope.get("root_path", "").rstrip("/")
    answer = await service.answer_figures(query, root, request.headers.get("if-none-match"))
    return answer_response(answer)
