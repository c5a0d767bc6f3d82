"""GET /figures: figure records (money, cases, people, percentages ...) for fact-checkers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from baoku.api.deps import ArchiveDep, ReadAccess
from baoku.api.errors import ApiError
from baoku.api.lookups import document_of_part
from baoku.api.models import FigureListPublic, FigureParams, FigurePublic, error_responses
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


@router.get("", response_model=FigureListPublic, summary="List figure records")
def list_figures(
    params: Annotated[FigureParams, Query()], archive: ArchiveDep, request: Request
) -> FigureListPublic:
    """Each figure with its value, unit, what it counts, the agency credited, the period, the
    sentence it was found in, and the article, page and box it came from. All conditions
    hold for the same figure record."""
    try:
        query = to_figure_query(params)
    except (ValueError, TypeError) as exc:
        raise ApiError(
            422, "invalid_request", f"The listing cannot be made as asked: {exc}."
        ) from exc
    page = archive.sqlite_backend().list_figures(query)
    store = archive.reader()
    root = request.scope.get("root_path", "").rstrip("/")
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
    return FigureListPublic(total=page.total, figures=figures)
