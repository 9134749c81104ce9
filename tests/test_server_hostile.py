"""The server against a hostile client (issue 18): dates outside the one grammar, errors
that would show paths or process ids, HEAD, the connection after an unexpected error,
uvicorn's own protocol errors, slow requests, the token before the body, a token with
spaces, text no store can carry. Raw sockets where a client library would tidy the
request up; a real uvicorn (the settings `sitroom serve` uses) where the connection is
the point."""
from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitroom.errors import UsageError
from sitroom.server import ServerConfig, create_app, reads
from sitroom.server import run as server_run
from sitroom.store import EventFilter, Store

from loopback import serving
from test_server import AUTH, REPO, TOKEN, FakeAnalyzer, all_events, assert_error, client_for, synthetic

# The body wait of the server that checks the token: long past connect()'s timeout.
BODY_WAIT = 120.0
LIST_ROUTES = ["/api/events", "/api/actors", "/api/network", "/api/places", "/api/timeline"]
SECURITY = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile-server") / "events.duckdb"
    with Store.open(path) as store:
        store.add_articles(synthetic(30))
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> Any:
    return client_for(store_path)


@pytest.fixture(scope="module")
def live(store_path: Path) -> Iterator[tuple[str, int]]:
    """A real uvicorn with the settings `sitroom serve` uses; its log records reach caplog."""
    app = create_app(ServerConfig(db_path=store_path, token=TOKEN, body_seconds=1.0), analyzer_factory=FakeAnalyzer)
    with serving(server_run.uvicorn_config(app, log_config=None, head_seconds=1.0)) as port:
        yield "127.0.0.1", port


def connect(live: tuple[str, int]) -> socket.socket:
    return socket.create_connection(live, timeout=10)


def read_response(conn: socket.socket, *, to_head: bool = False) -> tuple[int, dict[str, str], bytes]:
    """One response from `conn` (its body by Content-Length, none for a HEAD); status 0
    when the server closed the connection without answering."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return 0, {}, data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    length = 0 if to_head else int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(lines[0].split()[1]), headers, body


def closed(conn: socket.socket) -> bool:
    """Whether the server has closed `conn` (within its timeout)."""
    try:
        return conn.recv(1) == b""
    except (ConnectionResetError, socket.timeout):
        return False


def assert_json_error(status: int, headers: dict[str, str], body: bytes, expected: int) -> dict[str, Any]:
    assert status == expected, (status, body)
    assert headers["content-type"] == "application/json", headers
    for name in SECURITY:
        assert name in headers, (name, headers)
    error = json.loads(body)["error"]
    assert set(error) == {"status", "type", "message"} and error["status"] == expected
    return error


# --- one date grammar ------------------------------------------------------------------------

NOT_DAYS = ["20241201", "2024-W48-6", "2024W486", "2024-12-01T00:00", "2024-1-1", "2024-336", "+2024-12-01",
            "\uff12\uff10\uff12\uff14-12-01", "2024-12-01 ", "2024-02-30", "0000-01-01"]


@pytest.mark.parametrize("value", NOT_DAYS)
@pytest.mark.parametrize("name", ["since", "until"])
def test_a_date_outside_the_one_grammar_is_a_400_on_every_list_route(client, store_path, name: str,
                                                                     value: str) -> None:
    for route in LIST_ROUTES:
        response = client.get(route, params={name: value})
        body = assert_error(response, 400, f"{name} must be a date like 2024-11-30")
        text = json.dumps(body)
        assert str(store_path.parent) not in text and "SELECT" not in text and "CAST" not in text
    with pytest.raises(UsageError, match=f"{name} must be a date like 2024-11-30"):
        EventFilter(**{name: value})


def test_a_real_day_still_filters(client) -> None:
    assert client.get("/api/events", params={"since": "2024-02-01", "until": "2024-02-29"}).json()["total"] > 0


def test_sitroom_events_refuses_such_a_date_in_one_line(store_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "sitroom.cli", "events", "--db", str(store_path), "--since",
                           "20241201"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["Error: since must be a date like 2024-11-30, not '20241201'"]


# --- no paths or process ids in error bodies -------------------------------------------------

def test_a_held_store_is_a_503_that_names_no_path_and_no_process(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    with Store.open(path) as store:
        store.add_articles(synthetic(3))
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from sitroom.store import Store; s = Store.open(sys.argv[1]); "
         "print('held', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        response = client_for(path, read_wait=0.3).get("/api/events")
        body = json.dumps(assert_error(response, 503, "in use by another process"))
        assert str(tmp_path) not in body and "duckdb" not in body and str(holder.pid) not in body
        assert response.headers["retry-after"] == "1"
    finally:
        holder.kill()
        holder.wait()


def test_a_store_that_cannot_be_read_is_a_500_that_names_no_path(tmp_path: Path, caplog) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database")
    with caplog.at_level(logging.ERROR, logger="sitroom.server"):
        body = json.dumps(assert_error(client_for(path).get("/api/events"), 500, "the server log has the details"))
    assert str(tmp_path) not in body and "notes" not in body
    assert any(str(path) in record.getMessage() for record in caplog.records)  # the operator still learns it


def test_a_failed_query_is_a_500_without_the_sql_or_the_path(client, store_path, monkeypatch) -> None:
    import duckdb

    class Broken:
        def execute(self, *args: Any) -> Any:
            raise duckdb.ConversionException('Conversion Error: invalid date LINE 1: SELECT count(*) FROM events')

    monkeypatch.setattr(reads, "_connection", lambda store: Broken())
    body = json.dumps(assert_error(client.get("/api/actors"), 500))
    assert str(store_path) not in body and "SELECT" not in body and "Conversion" not in body


# --- HEAD --------------------------------------------------------------------------------------

def test_head_is_answered_like_get_on_every_get_route_and_static_file(client, store_path) -> None:
    record = all_events(store_path)[0]
    paths = ["/", "/static/app.js", "/static/style.css", "/api/openapi.json", *LIST_ROUTES,
             f"/api/events/{record['id']}", f"/api/articles/{record['evidence'][0]['doc_id']}"]
    for path in paths:
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, (path, head.status_code)
        assert head.content == b""
        for name in ("content-type", "content-length", *SECURITY):
            assert head.headers[name] == got.headers[name], (path, name)
    missing = client.head("/api/events/nope")
    assert missing.status_code == 404 and missing.content == b"" and "content-security-policy" in missing.headers
    assert client.head("/api/articles").status_code == 405
    assert client.delete("/api/events", headers=AUTH).headers["allow"] == "GET, HEAD"


def test_head_keeps_the_connection_usable(live) -> None:
    with connect(live) as conn:
        conn.sendall(b"HEAD /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        status, headers, body = read_response(conn, to_head=True)
        assert status == 200 and int(headers["content-length"]) > 0 and body == b""
        conn.sendall(b"GET /api/timeline HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        status, _, body = read_response(conn)
        assert status == 200 and "days" in json.loads(body)


# --- after an unexpected error -----------------------------------------------------------------

def test_an_unexpected_500_keeps_the_connection_and_is_logged_once(live, monkeypatch, caplog) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("fault injected by the test")

    monkeypatch.setattr(reads, "actors", broken)
    with caplog.at_level(logging.INFO), connect(live) as conn:
        conn.sendall(b"GET /api/actors HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        error = assert_json_error(*read_response(conn), 500)
        assert "fault" not in error["message"]
        conn.sendall(b"GET /api/timeline HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        status, _, body = read_response(conn)
        assert status == 200 and "days" in json.loads(body)
    tracebacks = [r for r in caplog.records if r.exc_info and "fault injected" in str(r.exc_info[1])]
    assert len(tracebacks) == 1, [r.getMessage() for r in tracebacks]


# --- uvicorn's own answers ---------------------------------------------------------------------

@pytest.mark.parametrize("request_bytes", [
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n",
    b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n",
    # over h11's 16 KiB limit on an incomplete head in its last piece: nothing follows the answer
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + b"a" * 17_000,
    b"GET / HTTP/1.1\r\n\r\n",
], ids=["two-hosts", "length-abc", "two-lengths", "no-request-line", "space-in-name", "huge-header", "no-host"])
def test_protocol_errors_have_the_json_shape_and_the_security_headers(live, request_bytes: bytes) -> None:
    with connect(live) as conn:
        try:
            for start in range(0, len(request_bytes), 8_192):
                conn.sendall(request_bytes[start:start + 8_192])
                time.sleep(0.01)
        except (BrokenPipeError, ConnectionResetError):
            pass  # answered and closed before the whole request was sent
        error = assert_json_error(*read_response(conn), 400)
        assert error["message"].startswith("malformed HTTP request")
        assert closed(conn)


# --- slow requests and the token ---------------------------------------------------------------

def test_a_slow_body_is_timed_out(live) -> None:
    with connect(live) as conn:
        conn.sendall(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Authorization: Bearer " + TOKEN.encode() + b"\r\nContent-Length: 1000\r\n\r\n{\"articles\"")
        started = time.monotonic()
        error = assert_json_error(*read_response(conn), 408)
        assert time.monotonic() - started < 5 and "1 s" in error["message"]
        assert closed(conn)


def test_a_slow_request_head_is_timed_out(live) -> None:
    with connect(live) as conn:
        conn.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        started = time.monotonic()
        assert_json_error(*read_response(conn), 408)
        assert time.monotonic() - started < 5 and closed(conn)
    with connect(live) as idle:  # connected, never a byte sent
        started = time.monotonic()
        assert idle.recv(65536) == b"" and time.monotonic() - started < 5


def test_the_token_is_checked_before_the_body_is_read(store_path: Path) -> None:
    """A server that waited for the body first would answer 408 after BODY_WAIT seconds, far
    past the client's own timeout (connect()'s 10 s): the 401 comes without the body, at
    whatever speed the machine answers, rather than within a time measured here."""
    app = create_app(ServerConfig(db_path=store_path, token=TOKEN, body_seconds=BODY_WAIT),
                     analyzer_factory=FakeAnalyzer)
    with serving(server_run.uvicorn_config(app, log_config=None, head_seconds=1.0)) as port, \
            connect(("127.0.0.1", port)) as conn:
        conn.sendall(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100000\r\n\r\n")
        status, headers, body = read_response(conn)
        assert_json_error(status, headers, body, 401)
        assert headers["www-authenticate"] == "Bearer" and closed(conn)


@pytest.mark.parametrize("body", [b"{not json", b"", b"\xff\xfe", b'{"articles": 5}'])
def test_a_malformed_body_without_the_token_is_a_401(client, body: bytes) -> None:
    headers = {"Content-Type": "application/json"}
    for auth in ({}, {"Authorization": "Bearer wrong"}):
        assert_error(client.post("/api/articles", content=body, headers={**headers, **auth}), 401, "Authorization")
    assert client.post("/api/articles", content=body, headers={**headers, **AUTH}).status_code == 422


@pytest.mark.parametrize("token", [" a-long-enough-token-value", "a-long-enough-token-value ",
                                   "a-long-enough-token-value\n", "a-long-enough-token-value\t",
                                   "a-long-enough-tökën-value"])
def test_a_token_no_client_could_send_is_refused_at_start(monkeypatch, tmp_path: Path, token: str) -> None:
    monkeypatch.setenv("SITROOM_TOKEN", token)
    with pytest.raises(UsageError, match=r"\$SITROOM_TOKEN"):
        server_run.token_from_env()
    with pytest.raises(UsageError, match="token"):
        ServerConfig(db_path=tmp_path / "x.duckdb", token=token)


def test_sitroom_serve_refuses_a_token_with_spaces_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "sitroom.cli", "serve", "--db", str(tmp_path / "s.duckdb"),
                           "--port", "1"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src"),
                               "SITROOM_TOKEN": "a-long-enough-token-value "})
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("Error: $SITROOM_TOKEN") and "space" in line


# --- text no store can carry, through the API -------------------------------------------------

def test_a_posted_lone_surrogate_is_a_422_naming_the_item(tmp_path: Path) -> None:
    path = tmp_path / "posted.duckdb"
    Store.open(path).close()
    client = client_for(path)
    for field in ("text", "html", "title", "outlet", "id"):
        item = {"text": "Troops shelled the town on Monday."}
        item[field] = "<p>Troops \ud800 shelled</p>" if field == "html" else "Troops \ud800 shelled"
        if field == "html":
            del item["text"]
        content = json.dumps({"articles": [{"text": "Rebels attacked a base."}, item]})  # "\ud800" escaped
        response = client.post("/api/articles", content=content, headers={**AUTH, "Content-Type": "application/json"})
        if field in ("text", "html"):  # read by intake
            assert_error(response, 422, f'request item 2: field "{field}" holds a lone surrogate (U+D800)')
        else:  # a field with a length limit: pydantic checks it as it parses the body
            assert_error(response, 422, f"articles 1.{field}: ", "unicode string")
    with Store.open(path, read_only=True) as store:
        assert store.stats()["articles"] == 0


def test_every_id_intake_accepts_is_addressable_the_way_the_page_builds_links(tmp_path: Path) -> None:
    path = tmp_path / "ids.duckdb"
    Store.open(path).close()
    client = client_for(path)
    ids = ["reuters/2024/x y", "a?b#c%d", "x" * 200, "./x", "a/..", "...", "ⴰⵣⵓⵍ/\ufffe", "a\\b", "-"]
    articles = [{"id": given, "text": f"Troops shelled town {n} on Monday."} for n, given in enumerate(ids)]
    for start in range(0, len(articles), 8):
        assert client.post("/api/articles", json={"articles": articles[start:start + 8]}, headers=AUTH).is_success
    for given in ids:
        quoted = urllib.parse.quote(given, safe="-_.!~*'()")  # what encodeURIComponent leaves alone
        assert client.get(f"/api/articles/{quoted}").json()["id"] == given, given
