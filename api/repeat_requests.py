"""Repeated GET requests answered from the result cache before FastAPI parses them.

Most requests to a busy archive repeat one made before (popular searches, articles, figure
listings). Their answer is already in the result cache (``search_cache``), but parsing and
validating the query parameters again took about as much of the server process's CPU as
the rest of the exchange together. The endpoints remember which cache key each request, as
received (path, query string and mount point), stood for; this middleware looks the same
request up there first. What it sends is exactly what the endpoint would (same body, tag,
304 and headers): the cache key comes from the endpoint's own parsing, and only reads that
are open to everyone take this way. Anything else, and any failure here, goes on to FastAPI.
"""

from __future__ import annotations

import logging
from typing import Final

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from baoku.api.search_service import answer_response

log = logging.getLogger("baoku.api")

# The paths whose answers the result cache holds: these two, and every article.
REPEATABLE_PATHS: Final = frozenset({"/search", "/figures"})
ARTICLE_PREFIX: Final = "/articles/"


def repeat_key(scope: Scope) -> tuple[str, bytes, str] | None:
    """The request as received, for a GET of a cached path; None for anything else."""
    path = scope["path"]
    if scope.get("method") != "GET" or not (
        path in REPEATABLE_PATHS or path.startswith(ARTICLE_PREFIX)
    ):
        return None
    return path, scope.get("query_string", b""), str(scope.get("root_path", ""))


class RepeatMiddleware:
    """Answers a repeated open read from the result cache (see the module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            raw = repeat_key(scope)
            state = scope["app"].state if "app" in scope else None
            if raw is not None and state is not None and state.settings.open_reads:
                try:
                    answer = state.search.answer_repeat(
                        raw, Headers(scope=scope).get("if-none-match")
                    )
                except Exception:
                    # The usual way answers it, with its own error handling.
                    log.debug("repeat lookup failed; answering the usual way", exc_info=True)
                    answer = None
                if answer is not None:
                    await answer_response(answer)(scope, receive, send)
                    return
        await self.app(scope, receive, send)
