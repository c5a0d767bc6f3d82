"""One JSON error shape for every error the API returns, and the handlers that make it.

Every failure — a bad parameter, an unknown route, a wrong method, a locked database, a bug —
reaches the client as ``{"error": {"code", "message", "detail"}}`` where ``message`` says what
to do next. Unexpected exceptions are logged with their traceback and answered with a generic
500, so internals never leak to a client.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from baoku.search.es_backend import EsError
from baoku.search.store_errors import StoreError, StoreLockedError
from baoku.search.syntax import QuerySyntaxError

log = logging.getLogger("baoku.api")


class ApiError(Exception):
    """An error meant for the client: status, a stable machine ``code`` and a human message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        detail: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = dict(headers or {})


class BodyTooLargeError(StarletteHTTPException):
    """Raised while the request body is read; an HTTPException so FastAPI's body parsing
    passes it through instead of turning it into a generic 400."""

    def __init__(self, limit_bytes: int) -> None:
        super().__init__(status_code=413)
        self.limit_bytes = limit_bytes


def error_response(
    status: int,
    code: str,
    message: str,
    detail: Any = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "detail": jsonable_encoder(detail)}}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def too_large_message(limit_bytes: int) -> str:
    return (
        f"The upload is larger than this server accepts ({limit_bytes / 1024 / 1024:.0f} MiB per "
        "request). Send fewer or smaller files per request; the operator can raise the limit "
        "with BAOKU_MAX_UPLOAD_MB."
    )


def _where(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "body", "header", "cookie"):
        kind = {"body": "form field"}.get(parts[0], f"{parts[0]} parameter")
        return f"{kind} '{'.'.join(parts[1:])}'" if len(parts) > 1 else parts[0]
    return ".".join(parts) or "request"


def _validation_items(errors: Any) -> list[dict[str, Any]]:
    # Only loc/msg/type: ``input`` may be bytes of an upload and ``ctx`` may hold exceptions.
    return [
        {"where": _where(e.get("loc", ())), "message": str(e.get("msg", "")), "type": e.get("type")}
        for e in errors
    ]


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.detail, exc.headers)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    items = _validation_items(exc.errors())
    shown = "; ".join(f"{i['where']}: {i['message']}" for i in items[:3])
    more = f" (and {len(items) - 3} more)" if len(items) > 3 else ""
    return error_response(
        422,
        "invalid_request",
        f"The request has invalid values — {shown}{more}. See /docs for the parameters.",
        items,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if isinstance(exc, BodyTooLargeError):
        return error_response(413, "too_large", too_large_message(exc.limit_bytes))
    if exc.status_code == 404:
        return error_response(
            404,
            "not_found",
            f"There is nothing at {request.url.path}. See /docs for the endpoints.",
            headers=headers,
        )
    if exc.status_code == 405:
        allowed = headers.get("allow") or headers.get("Allow") or ""
        return error_response(
            405,
            "method_not_allowed",
            f"{request.method} is not allowed on {request.url.path}; use {allowed or 'GET'}.",
            {"allowed": [m.strip() for m in allowed.split(",") if m.strip()]},
            headers=headers,
        )
    try:
        phrase = HTTPStatus(exc.status_code).phrase
    except ValueError:
        phrase = "Error"
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
    return error_response(
        exc.status_code,
        phrase.lower().replace(" ", "_").replace("-", "_"),
        detail or f"{phrase}.",
        headers=headers,
    )


async def _query_syntax(_: Request, exc: Exception) -> JSONResponse:
    return error_response(422, "invalid_query", str(exc))


async def _store_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StoreError)
    log.error("store error: %s", exc)
    if isinstance(exc, StoreLockedError):
        return error_response(
            503,
            "store_busy",
            "The archive is busy with a long write; try again in a few seconds.",
            headers={"Retry-After": "5"},
        )
    return error_response(
        503,
        "store_unavailable",
        "The archive database cannot be used right now; the operator has the details in the "
        "server log (see also /readyz).",
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(
        500,
        "internal_error",
        "Something went wrong on the server; the error was logged. Try again, and report it "
        "if it persists.",
    )


async def _search_backend(_: Request, exc: Exception) -> JSONResponse:
    log.error("search backend error: %s", exc)
    return error_response(
        503,
        "search_unavailable",
        "The search index cannot be reached right now; try again shortly (see /readyz).",
        headers={"Retry-After": "10"},
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(QuerySyntaxError, _query_syntax)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(EsError, _search_backend)
    app.add_exception_handler(Exception, _unexpected)
