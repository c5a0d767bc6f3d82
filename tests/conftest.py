"""Shared pytest fixtures; each fixture family lives in its own module under tests/fixtures/."""

from tests.fixtures.api import api_client, api_db, api_server, make_client  # noqa: F401
from tests.fixtures.es import es_client, es_index, es_url  # noqa: F401  (fixtures)
from tests.fixtures.memo_corpus import corpus_store  # noqa: F401  (fixture)
