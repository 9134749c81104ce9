"""The ASGI middleware every request passes first: it checks the Host header (on a
loopback server), the length of the query string, the token of every request but a
read (GET, HEAD), before a byte of its body is read, and the body's size and pace; it answers HEAD as GET without the
body; it catches what the app did not, logs it once and answers a 500, so that the
connection stays open for the client's next request. Every response gets headers that
keep the page from loading or running anything it did not ship.
"""
from __future__ import annotations

import hmac
from collections.abc import Iterable, Mapping

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import INTERNAL_MESSAGE, error_response, log

# The page loads only its own files and talks only to its own API; no inline script,
# no frames. Data shown with textContent is never markup, and this is the second wall.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     b"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
TOKEN_MESSAGE = ("writes need the header `Authorization: Bearer <token>` with the token the server printed on "
                 "start (or $SITROOM_TOKEN)")
# An answer given before the body was read leaves the rest of it on the wire: the
# connection is closed rather than read to its end.
_CLOSE = {"Connection": "close"}
# Reads; every other method writes, or would, and needs the token whatever its route.
READ_METHODS = frozenset({"GET", "HEAD"})


class Guard:
    def __init__(self, app: ASGIApp, *, token: str, max_body_bytes: int, max_query_bytes: int, body_seconds: float,
                 allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.token = token.encode()
        self.max_body_bytes = max_body_bytes
        self.max_query_bytes = max_query_bytes
        self.body_seconds = body_seconds
        self.allowed_hosts = frozenset(allowed_hosts) if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        started = False

        async def secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # the headers of the GET, no body
            await send(message)

        try:
            # Every GET route answers HEAD (RFC 9110), static files included.
            inner = {**scope, "method": "GET"} if head else scope
            await self._guarded(inner, receive, secured)
        except Exception:
            # Caught here, not left to Starlette's outer handler, which answers, then raises
            # again for the server to log a second time and drop the connection.
            log.exception("%s %s failed", scope["method"], scope["path"])
            if not started:
                await error_response(500, INTERNAL_MESSAGE)(scope, receive, secured)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        problem = self._problem(scope)
        if problem is not None:
            await error_response(*problem)(scope, receive, send)
            return
        body, problem = await self._read_body(receive)
        if problem is not None:
            await error_response(*problem)(scope, receive, send)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _problem(self, scope: Scope) -> tuple[int, str, Mapping[str, str]] | None:
        """What is wrong with the request's head, as (status, message, headers); None if nothing."""
        headers = dict(scope.get("headers", []))
        if self.allowed_hosts is not None:
            host = _host(headers.get(b"host", b""))
            if host not in self.allowed_hosts:
                return 400, f"host {host!r} is not served here; use one of {', '.join(sorted(self.allowed_hosts))}", {}
        if len(scope.get("query_string", b"")) > self.max_query_bytes:
            return 414, f"query string over {self.max_query_bytes} bytes", {}
        if scope["method"] not in READ_METHODS and not self._authorised(headers.get(b"authorization", b"")):
            return 401, TOKEN_MESSAGE, {"WWW-Authenticate": "Bearer", **_CLOSE}
        length = headers.get(b"content-length")
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                return 400, "Content-Length is not a number", _CLOSE
            if size > self.max_body_bytes:
                return 413, f"request body over {self.max_body_bytes} bytes", _CLOSE
        return None

    def _authorised(self, header: bytes) -> bool:
        """`Authorization: Bearer <token>`, compared in constant time."""
        scheme, _, given = header.partition(b" ")
        return scheme.lower() == b"bearer" and hmac.compare_digest(given.strip(), self.token)

    async def _read_body(self, receive: Receive) -> tuple[bytes, tuple[int, str, Mapping[str, str]] | None]:
        """The whole body, read here so that a body without a Content-Length is held to
        the limits too; or the problem once it runs over the size or the time."""
        chunks: list[bytes] = []
        size = 0
        try:
            with anyio.fail_after(self.body_seconds):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        break
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > self.max_body_bytes:
                        return b"", (413, f"request body over {self.max_body_bytes} bytes", _CLOSE)
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            return b"", (408, f"request body not received within {self.body_seconds:g} s", _CLOSE)
        return b"".join(chunks), None


def _host(value: bytes) -> str:
    host = value.decode("latin-1").lower()
    if host.startswith("["):  # [::1]:8000
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host
