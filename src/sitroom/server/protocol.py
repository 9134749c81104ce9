"""The HTTP/1.1 protocol uvicorn runs for sitroom: uvicorn's h11 protocol, changed where
it answers for itself, before the app sees a request.

- A request h11 cannot parse (two Host headers, `Content-Length: abc`, a header over
  h11's size limit, no request line) gets uvicorn's plain-text 400. Here it gets the one
  JSON error shape and the security headers every response carries (docs/server.md).
- uvicorn waits for a request's head as long as the client likes: a connection that
  never sends a byte, or sends its headers a byte at a time, is held forever. Here the
  head must be complete `head_seconds` after the connection opens or its first byte
  arrives; else 408 (or, when nothing came at all, the connection is just closed).

The body's pace is the app's business: `limits.Guard` reads it, within a time limit.
"""
from __future__ import annotations

import asyncio
import functools
import json
import sys
from http import HTTPStatus
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .errors import error_body
from .limits import SECURITY_HEADERS

# A client's whole request head (request line and headers) arrives within this. Browsers
# and scripts send it in one packet; only a slow-loris client is still sending after it.
HEAD_SECONDS = 10.0
# h11's reason for refusing a request is passed on, cut to this length.
REASON_MAX_CHARS = 200


def response_bytes(status: int, message: str) -> bytes:
    """A whole HTTP/1.1 response carrying `error_body`, which closes the connection."""
    body = json.dumps(error_body(status, message), ensure_ascii=False, separators=(",", ":")).encode()  # as JSONResponse
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close"), *SECURITY_HEADERS]
    head = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}".encode()]
    head += [name + b": " + value for name, value in headers]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


class Protocol(H11Protocol):
    def __init__(self, *args: Any, head_seconds: float = HEAD_SECONDS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.head_seconds = head_seconds
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._start_head_timer()

    def data_received(self, data: bytes) -> None:
        waiting = self.conn.their_state is h11.IDLE  # this data starts or continues a head
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE or self.transport.is_closing():
            self._stop_head_timer()
        elif waiting and self._head_timer is None:
            self._start_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        # uvicorn calls this while handling h11's RemoteProtocolError, which says what is wrong.
        error = sys.exc_info()[1]
        reason = str(error)[:REASON_MAX_CHARS] if isinstance(error, h11.RemoteProtocolError) else ""
        self._stop_head_timer()
        self.transport.write(response_bytes(400, f"malformed HTTP request: {reason or msg}"))
        self.transport.close()

    def _start_head_timer(self) -> None:
        self._stop_head_timer()
        self._head_timer = self.loop.call_later(self.head_seconds, self._head_timed_out)

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        if self.conn.trailing_data[0]:  # part of a head came, too slowly
            self.transport.write(response_bytes(408, f"request head not received within {self.head_seconds:g} s"))
        self.transport.close()


def protocol(head_seconds: float = HEAD_SECONDS) -> functools.partial[Protocol]:
    """The protocol factory uvicorn's `http` setting takes."""
    return functools.partial(Protocol, head_seconds=head_seconds)
