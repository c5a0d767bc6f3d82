"""GET /articles/{id}: one whole article (continuations merged) with its facts and page links."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Request

from baoku.api.deps import ArchiveDep, ReadAccess, url_root
from baoku.api.errors import ApiError
from baoku.api.facts import article_facts
from baoku.api.models import ArticlePublic, error_responses

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


def page_image_url(request: Request, sha256: str, page_index: int, highlight: str) -> str:
    return (
        f"{url_root(request)}/pages/{sha256}/{page_index}.png?highlight={quote(highlight, safe='')}"
    )


@router.get("/{article_id}", response_model=ArticlePublic, summary="One article")
def get_article(article_id: ArticleId, archive: ArchiveDep, request: Request) -> ArticlePublic:
    """The full record: text, byline, where each part sits on which page (with a link to the
    page image outlining it), continuation links, and the entities and figures found in it."""
    store = archive.reader()
    record = store.get_article(article_id)
    if record is None:
        raise ApiError(
            404,
            "article_not_found",
            f"No article has the id {article_id!r}. Ids come from search hits (GET /search).",
        )
    body: dict[str, Any] = record.to_json_dict()
    for part in body["parts"]:
        part["image"] = page_image_url(request, part["sha256"], part["page_index"], record.id)
    body["entities"], body["figures"] = article_facts(store, record)
    return ArticlePublic.model_validate(body)
