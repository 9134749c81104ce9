"""What a server is started with (one frozen object, passed to `create_app`)."""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..options import Options

# A read waits this long for an ingest in another process to let go of the file (it
# holds it while it writes one batch, well under a second) before answering 503.
READ_WAIT_SECONDS = 5.0
# A posted batch waits longer: losing a write costs the client more than a slow answer.
WRITE_WAIT_SECONDS = 30.0
# Request bodies (POST /api/articles): a batch of long articles fits; a runaway upload does not.
MAX_BODY_BYTES = 5_000_000
# Articles per POST: one ingest batch's worth keeps a write (and the reads it holds back) short.
MAX_BATCH = 16
# The query string of any request: every filter at its longest fits in a fraction of this.
MAX_QUERY_BYTES = 2_048
# Page sizes: the events table pages; the charts aggregate, so they never need more.
MAX_PAGE = 500
MAX_PLACES = 5_000
# Bytes a token is drawn from when none is given (`secrets.token_urlsafe`).
TOKEN_BYTES = 24
# A token shorter than this is guessable by a patient script on the same machine.
MIN_TOKEN_CHARS = 16
# What a client can send in a header and get back unchanged: printable ASCII (header
# bytes beyond it are read as Latin-1 and no longer match), no space at either end
# (HTTP strips it from a header value).
_SENDABLE_TOKEN = re.compile(r"[!-~]([ -~]*[!-~])?")
# A request's body must have arrived this long after its head: a client trickling one
# byte at a time would otherwise hold a connection (and a worker) for as long as it likes.
BODY_SECONDS = 30.0
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def check_token(token: str, name: str) -> None:
    """Raise UsageError unless `token` (called `name` in the message) is one a client
    can send: long enough, printable ASCII, no space around it."""
    if token != token.strip():
        raise UsageError(f"{name} has spaces or line breaks around it, which no client can send back in a header: "
                         "set it without them")
    if not _SENDABLE_TOKEN.fullmatch(token):
        raise UsageError(f"{name} may hold printable ASCII characters only (letters, digits, punctuation), which "
                         "every client sends unchanged in a header")
    if len(token) < MIN_TOKEN_CHARS:
        raise UsageError(f"{name} must be at least {MIN_TOKEN_CHARS} characters long")


@dataclass(frozen=True, kw_only=True)
class ServerConfig:
    db_path: Path
    token: str  # what POST /api/articles must carry as `Authorization: Bearer <token>`
    options: Options = field(default_factory=Options)  # how posted articles are read and analysed
    read_wait: float = READ_WAIT_SECONDS
    write_wait: float = WRITE_WAIT_SECONDS
    max_body_bytes: int = MAX_BODY_BYTES
    max_query_bytes: int = MAX_QUERY_BYTES
    body_seconds: float = BODY_SECONDS
    # Host header values answered (DNS rebinding: a page elsewhere must not reach a
    # loopback server through a name of its own); None answers any.
    allowed_hosts: frozenset[str] | None = None

    def __post_init__(self) -> None:
        check_token(self.token, "the write token")
