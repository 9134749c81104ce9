"""The one JSON shape of every HTTP error, and the one place that builds it.

    {"error": {"status": 404, "type": "not_found", "message": "no event with id ..."}}

Our own errors (`sitroom.errors`) map to a status here; FastAPI's validation errors and
Starlette's 404/405 go through the same function, and so do the limits the middleware
enforces (401, 408, 413, 414) and uvicorn's own answers to malformed requests (400,
`protocol`). An unexpected exception is logged once with its traceback on the server
and answered with a 500 that says nothing about the code (`limits.Guard`). A message
never shows the server's file system paths, SQL or process ids: errors of the store
and the model are said in general words here and in full in the server's log.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, ModelError, SitroomError, StoreError, StoreLocked, UsageError

log = logging.getLogger("sitroom.server")

# A client that meets a locked store (an ingest writing a batch) may try again this soon.
RETRY_AFTER_SECONDS = 1
INTERNAL_MESSAGE = "internal error: the server log has the details"
# What a client is told of errors whose own messages name files, SQL or processes.
STORE_LOCKED_MESSAGE = ("the store is in use by another process (an ingest writing a batch): "
                        f"try again in {RETRY_AFTER_SECONDS} s")
STORE_MESSAGE = "the store could not be read or written: the server log has the details"
MODEL_MESSAGE = "the language model could not be loaded: the server log has the details"


def error_body(status: int, message: str) -> dict[str, Any]:
    kind = HTTPStatus(status).phrase.lower().replace(" ", "_").replace("-", "_")
    return {"error": {"status": status, "type": kind, "message": message}}


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message), status_code=status, headers=dict(headers or {}))


def status_of(error: SitroomError) -> int:
    if isinstance(error, UsageError):
        return 400
    if isinstance(error, InputError):
        return 422
    if isinstance(error, (StoreLocked, ModelError)):
        return 503
    return 500


def validation_message(errors: Sequence[Any]) -> str:
    """FastAPI's validation errors as one line: where each is and what is wrong."""
    parts = []
    for error in errors:
        location = [str(item) for item in error.get("loc", ()) if item != "body"] or ["body"]
        where = location[0] if len(location) == 1 else f"{location[0]} {'.'.join(location[1:])}"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Route every error of `app` through `error_response`."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        headers = dict(exc.headers or {})
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
            allowed = headers.get("Allow", "").split(", ")
            if "GET" in allowed and "HEAD" not in allowed:  # limits.Guard answers HEAD wherever GET is
                headers["Allow"] = ", ".join([*allowed, "HEAD"])
        return error_response(exc.status_code, message, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, validation_message(exc.errors()))

    @app.exception_handler(SitroomError)
    async def ours(request: Request, exc: SitroomError) -> JSONResponse:
        status = status_of(exc)
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if status == 503 else None
        if isinstance(exc, (UsageError, InputError)):  # about the request: said to its client
            return error_response(status, str(exc), headers)
        # about the server (files, SQL, processes): said to its operator
        log.log(logging.WARNING if status == 503 else logging.ERROR, "%s %s: %s", request.method, request.url.path, exc)
        if isinstance(exc, StoreLocked):
            return error_response(status, STORE_LOCKED_MESSAGE, headers)
        if isinstance(exc, ModelError):
            return error_response(status, MODEL_MESSAGE, headers)
        if isinstance(exc, StoreError):
            return error_response(status, STORE_MESSAGE, headers)
        return error_response(status, INTERNAL_MESSAGE, headers)
