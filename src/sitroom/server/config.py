"""What a server is started with (one frozen object, passed to `create_app`)."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

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
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True, kw_only=True)
class ServerConfig:
    db_path: Path
    token: str  # what POST /api/articles must carry as `Authorization: Bearer <token>`
    options: Options = field(default_factory=Options)  # how posted articles are read and analysed
    read_wait: float = READ_WAIT_SECONDS
    write_wait: float = WRITE_WAIT_SECONDS
    max_body_bytes: int = MAX_BODY_BYTES
    max_query_bytes: int = MAX_QUERY_BYTES
    # Host header values answered (DNS rebinding: a page elsewhere must not reach a
    # loopback server through a name of its own); None answers any.
    allowed_hosts: frozenset[str] | None = None
