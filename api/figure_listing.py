"""The JSON body of GET /figures: figure records with the page-image URL outlining each.

Rendered where the listing is computed (a search worker, or a server thread), so the cached
bytes are exactly what a fresh listing sends.
"""

from __future__ import annotations

from typing import Any

from baoku.api.lookups import document_of_part
from baoku.api.models import FigureListPublic, FigurePublic
from baoku.search.fact_listing import FigureHit, FigureQuery
from baoku.search.store import Store


def figure_item(store: Store, hit: FigureHit, root: str) -> dict[str, Any]:
    """``hit`` as the API sends it: its record plus the URL of its page image outlining it."""
    item = hit.to_dict()
    sha = document_of_part(store, hit.part_id)
    item["image"] = (
        f"{root}/pages/{sha}/{hit.page_index}.png?highlight={hit.id}"
        if sha is not None and hit.page_index is not None
        else None
    )
    return item


def render_figures(archive: Any, query: FigureQuery, root: str) -> bytes:
    page = archive.sqlite_backend().list_figures(query)
    store = archive.reader()
    figures = [FigurePublic.model_validate(figure_item(store, hit, root)) for hit in page.figures]
    return FigureListPublic(total=page.total, figures=figures).model_dump_json().encode()
