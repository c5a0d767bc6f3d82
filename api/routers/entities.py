"""GET /entities: canonical agencies, places, people, initiatives and dates, with counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from baoku.api.deps import ArchiveDep, ReadAccess
from baoku.api.errors import ApiError
from baoku.api.models import EntityListPublic, EntityParams, EntityPublic, error_responses

router = APIRouter(
    prefix="/entities",
    tags=["facts"],
    dependencies=[ReadAccess],
    responses=error_responses(401, 403, 422, 500, 503),
)


@router.get("", response_model=EntityListPublic, summary="List canonical entities")
def list_entities(
    params: Annotated[EntityParams, Query()], archive: ArchiveDep
) -> EntityListPublic:
    """Most mentioned first: each canonical name with its label, kind, mention and article
    counts, and the other forms it was printed as (aliases)."""
    try:
        found = archive.sqlite_backend().list_entities(
            params.label, params.kind, limit=params.limit
        )
    except ValueError as exc:
        raise ApiError(422, "invalid_request", str(exc)) from exc
    return EntityListPublic(entities=[EntityPublic.model_validate(e.to_dict()) for e in found])
