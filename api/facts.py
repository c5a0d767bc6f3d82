"""The facts (entity mentions, figure records) of one whole article, for GET /articles/{id}.

Facts are stored per part, with offsets into that part's text; they are listed part by part,
head first, in the order ``ArticleRecord.part_ids`` gives.
"""

from __future__ import annotations

from dataclasses import asdict

from baoku.api.models import ArticleFigurePublic, MentionPublic
from baoku.search.facts_store import load_facts
from baoku.search.records import ArticleRecord
from baoku.search.store import Store


def article_facts(
    store: Store, record: ArticleRecord
) -> tuple[list[MentionPublic], list[ArticleFigurePublic]]:
    entities, figures = load_facts(store.connection, record.part_ids or [record.id])
    return (
        [MentionPublic.model_validate(asdict(e)) for e in entities],
        [ArticleFigurePublic.model_validate(asdict(f)) for f in figures],
    )
