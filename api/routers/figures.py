"""GET /figures: figure records (money, cases, people, percentages ...) for fact-checkers;
GET /figures/check: where a claimed figure was printed and what else was printed for it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from baoku.api.deps import ArchiveDep, ReadAccess, SearchServiceDep, url_root
from baoku.api.errors import ApiError
from baoku.api.figure_listing import figure_item
from baoku.api.models import (
    ClaimPublic,
    FigureCheckParams,
    FigureCheckPublic,
    FigureListPublic,
    FigureParams,
    FigurePublic,
    OtherFigurePublic,
    error_responses,
)
from baoku.api.repeat_requests import repeat_key
from baoku.api.search_service import answer_response
from baoku.search.fact_listing import FigureQuery
from baoku.search.figure_check import ClaimError, check_figure
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
    root = url_root(request)
    answer = await service.answer_figures(
        query, root, request.headers.get("if-none-match"), repeat_key(request.scope)
    )
    return answer_response(answer)


@router.get("/check", response_model=FigureCheckPublic, summary="Check a claimed figure")
def check_claim(
    params: Annotated[FigureCheckParams, Query()], archive: ArchiveDep, request: Request
) -> FigureCheckPublic:
    """Did the archive print this figure, where, and does another article give a different
    value for the same thing? The claim is read like the articles are, so 1850万余元,
    一千八百五十万余元 and 18,500,000元 are one value. `found` lists the records printing it;
    `others` the records of the same measure and credited agency with another value, each
    labelled by how their periods relate (`same_period` first: those disagree). When the
    claim is not found and `measure` is given, `others` is what the paper printed for that
    measure instead. The same check as `baoku check`."""
    store = archive.reader()
    try:
        result = check_figure(
            store.connection,
            params.claim,
            measure=params.measure,
            agency=params.agency,
            date_from=params.date_from,
            date_to=params.date_to,
            newspapers=tuple(params.newspaper),
            limit=params.limit,
        )
    except ClaimError as exc:
        raise ApiError(422, "no_figure_in_claim", f"{exc}.") from exc
    except ValueError as exc:
        raise ApiError(
            422, "invalid_request", f"The check cannot be made as asked: {exc}."
        ) from exc
    root = url_root(request)
    return FigureCheckPublic(
        claim=ClaimPublic.model_validate(result.claim.to_dict()),
        found_total=result.found_total,
        found=[FigurePublic.model_validate(figure_item(store, f, root)) for f in result.found],
        others=[
            OtherFigurePublic.model_validate(
                {
                    **figure_item(store, o.figure, root),
                    "relation": o.relation,
                    "compared_with": o.compared_with,
                }
            )
            for o in result.others
        ],
    )
