"""Starting the server: check the store, settle the token, run uvicorn."""
from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn
from starlette.types import ASGIApp

from ..errors import UsageError
from .access import StoreAccess
from .app import create_app
from .config import LOOPBACK_HOSTS, READ_WAIT_SECONDS, WRITE_WAIT_SECONDS, ServerConfig, check_token, new_token
from .protocol import HEAD_SECONDS, protocol

TOKEN_ENV = "SITROOM_TOKEN"
# An open page keeps its /api/stream open for good: on Ctrl-C, give responses this long to
# finish, then close them, instead of waiting for every page to go away.
SHUTDOWN_SECONDS = 2


def token_from_env() -> tuple[str, bool]:
    """$SITROOM_TOKEN, or a fresh random token; True when it was made here (and must be shown)."""
    given = os.environ.get(TOKEN_ENV)
    if given is None:
        return new_token(), True
    check_token(given, f"${TOKEN_ENV}")
    return given, False


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a port in use is one clear error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not the default 0: asyncio sets TCP_NODELAY on accepted connections only
    # when the listening socket names its protocol, and without it every keep-alive
    # response waits out the client's delayed ACK (40 ms).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host} port {port}: {exc.strerror or exc}; "
                         "pass another --port or --host") from exc
    return sock


def uvicorn_config(app: ASGIApp, *, head_seconds: float = HEAD_SECONDS, **settings: Any) -> uvicorn.Config:
    """How uvicorn runs `app`: with sitroom's protocol (`protocol.py`: its own answers in
    the JSON error shape, request heads timed out). Tests pass `log_config=None` to see
    its log records."""
    return uvicorn.Config(app, **{"log_level": "warning", "http": protocol(head_seconds), **settings})


def serve(db_path: Path, *, host: str, port: int, say: Callable[[str], None]) -> None:
    """Serve the store at `db_path` until interrupted. Creates the store if there is none;
    raises StoreError when the file cannot be read as one."""
    if not 0 < port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {port}")
    token, made = token_from_env()
    StoreAccess(db_path, read_wait=READ_WAIT_SECONDS, write_wait=WRITE_WAIT_SECONDS).prepare()
    loopback = is_loopback(host)
    config = ServerConfig(db_path=db_path, token=token,
                          allowed_hosts=(LOOPBACK_HOSTS | {host}) if loopback else None)
    app = create_app(config)
    listening = bind(host, port)
    try:
        shown = f"[{host}]" if ":" in host else host
        say(f"Serving {db_path} at http://{shown}:{port}/ (Ctrl-C to stop)")
        if made:
            say(f"Write token (POST /api/articles, header `Authorization: Bearer <token>`): {token}")
        if not loopback:
            say(f"Warning: {host} is not a loopback address; anyone who can reach it can read the store")
        uvicorn.Server(uvicorn_config(app, timeout_graceful_shutdown=SHUTDOWN_SECONDS)).run(sockets=[listening])
    finally:
        listening.close()
