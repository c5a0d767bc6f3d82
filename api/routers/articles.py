"""GET /articles/{id}: one whole article (continuations merged) with its facts and page links."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from baoku.api.deps import ReadAccess, SearchServiceDep, url_root
from baoku.api.models import ArticlePublic, error_responses
from baoku.api.repeat_requests import repeat_key
from baoku.api.search_service import answer_response

router = APIRouter(
    prefix="/articles",
    tags=["articles"],
    dependencies=[ReadAccess],
    responses=error_responses(401, 403, 404, 422, 500, 503),
)

ArticleId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=80,
        description="Article id, as in search hits (any stored part's id finds the whole article)",
    ),
]


@router.get(
    "/{article_id}",
    response_model=ArticlePublic,
    summary="One article",
    responses={
        304: {"description": "Not modified: the article named by If-None-Match is unchanged"}
    },
)
async def get_article(
    article_id: ArticleId, service: SearchServiceDep, request: Request
) -> Response:
    """The full record: text, byline, where each part sits on which page (with a link to the
    page image outlining it), continuation links, and the entities and figures found in it.

    Like /search, answers carry an `ETag` that changes with the archive (304 for a current
    `If-None-Match`), `X-Cache` and `Server-Timing`."""
    answer = await service.answer_article(
        article_id,
        url_root(request),
        request.headers.get("if-none-match"),
        repeat_key(request.scope),
    )
    return answer_response(answer)
