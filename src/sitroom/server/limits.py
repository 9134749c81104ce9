"""An ASGI middleware that guards every request before the app sees it: the Host header
(on a loopback server), the length of the query string and of the body. Every response
also gets headers that keep the page from loading or running anything it did not ship.
"""
from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response

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


class Guard:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int, max_query_bytes: int,
                 allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_query_bytes = max_query_bytes
        self.allowed_hosts = frozenset(allowed_hosts) if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        problem = self._problem(scope)
        if problem is not None:
            await error_response(*problem)(scope, receive, secured)
            return
        body, too_long = await self._read_body(scope, receive)
        if too_long:
            await error_response(413, f"request body over {self.max_body_bytes} bytes")(scope, receive, secured)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, secured)

    def _problem(self, scope: Scope) -> tuple[int, str] | None:
        if self.allowed_hosts is not None:
            host = _host(scope)
            if host not in self.allowed_hosts:
                return 400, f"host {host!r} is not served here; use one of {', '.join(sorted(self.allowed_hosts))}"
        if len(scope.get("query_string", b"")) > self.max_query_bytes:
            return 414, f"query string over {self.max_query_bytes} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    return 400, "Content-Length is not a number"
                if length > self.max_body_bytes:
                    return 413, f"request body over {self.max_body_bytes} bytes"
        return None

    async def _read_body(self, scope: Scope, receive: Receive) -> tuple[bytes, bool]:
        """The whole body, read here so that a body without a Content-Length is held to
        the limit too; (b"", True) once it runs over."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return b"", True
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks), False


def _host(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == b"host":
            host = value.decode("latin-1").lower()
            if host.startswith("["):  # [::1]:8000
                return host[1:].partition("]")[0]
            return host.rpartition(":")[0] if host.count(":") == 1 else host
    return ""
