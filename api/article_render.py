"""The JSON body of GET /articles/{id}: the whole article with its facts and page-image links.

Rendered in a server thread, so the bytes the result cache keeps are exactly what a fresh
read sends.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from baoku.api.errors import ApiError
from baoku.api.facts import article_facts
from baoku.api.models import ArticlePublic


def page_image_url(root: str, sha256: str, page_index: int, highlight: str) -> str:
    return f"{root}/pages/{sha256}/{page_index}.png?highlight={quote(highlight, safe='')}"


def render_article(archive: Any, article_id: str, root: str) -> bytes:
    """The article any of whose stored parts has ``article_id``; 404 when none has."""
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
        part["image"] = page_image_url(root, part["sha256"], part["page_index"], record.id)
    body["entities"], body["figures"] = article_facts(store, record)
    return ArticlePublic.model_validate(body).model_dump_json().encode()
