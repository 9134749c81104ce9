"""A news site on loopback for the watch's tests and for benchmarks/watch_hour.py.

`NewsSite` serves, over real HTTP on 127.0.0.x addresses: RSS and Atom feeds, a news
sitemap and a listing page whose items change when a test publishes one; the article
pages they link to; robots.txt; and a webhook receiver that records what it is sent.
It answers conditional requests with 304, compresses with gzip when asked, and can be
told to misbehave on any path: answer 500 (at once or slowly) or 429, hang, send garbage,
or a body of 50 MB (announced, or streamed without a length). Every request is logged with
what it asked, what it got, and when (it came in, its answer began, the exchange ended),
and the site keeps count of requests in flight per host, so tests can check the watch's
manners from the server's side.

A test that checks a wait between two requests measures from the moment the first one's
answer began (`Hit.answered`) to the moment the next one came in (`Hit.asked`): the
client cannot have heard the answer before the first, nor sent its next request after
the second, however loaded the machine. `Hit.at`, taken once the answer is written and
logged, may come after the client has already moved on.

The tests at the end check the site itself, so that a watch test failing says something
about the watch.
"""
from __future__ import annotations

import email.utils
import gzip
import hashlib
import html
import json
import random
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

HUGE_BYTES = 50_000_000
HUGE_CHUNK = 65_536
HANG_SECONDS = 60.0
# How long a "slow-500" path takes before it answers.
SLOW_SECONDS = 0.3
# How long `requests()` waits for answers being written to be logged.
SETTLE_SECONDS = 2.0


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    text: str  # paragraphs separated by blank lines
    published: str  # YYYY-MM-DD
    outlet: str
    appeared: float  # time.time() when it was published on the site


@dataclass
class Feed:
    path: str
    kind: str  # rss, atom, sitemap, listing
    title: str
    stories: list[Story] = field(default_factory=list)
    changed: float = field(default_factory=time.time)


@dataclass(frozen=True)
class Hit:
    at: float  # time.time() once the exchange was over and logged
    asked: float  # time.time() when the request had come in, before anything was answered
    answered: float | None  # time.time() just before the first byte of the answer (None: none sent)
    host: str
    method: str
    path: str
    status: int
    sent: int  # body bytes written
    agent: str
    if_none_match: str | None
    if_modified_since: str | None
    accept_encoding: str | None
    body: bytes = b""  # what a POST carried


class NewsSite:
    """The site; `with NewsSite() as site:` serves it on 127.0.0.1 (or `hosts`)."""

    def __init__(self, hosts: tuple[str, ...] = ("127.0.0.1",), *, robots: str = "User-agent: *\nDisallow: /private/\n",
                 keep_bodies: bool = True) -> None:
        self.hosts = hosts
        self.robots = robots
        self.keep_bodies = keep_bodies
        self.lock = threading.Lock()
        self.feeds: dict[str, Feed] = {}
        self.indexes: dict[str, list[str]] = {}
        self.stories: dict[str, Story] = {}
        self.behaviour: dict[str, str] = {}
        self.hook_failures: dict[str, int] = {}  # webhook path -> answers of 500 still to give
        self.hits: list[Hit] = []
        self.active: dict[str, int] = defaultdict(int)
        self.most_active: dict[str, int] = defaultdict(int)
        self.busy = 0  # requests being answered, hanging ones aside
        self.servers: list[ThreadingHTTPServer] = []
        self.port = 0

    # -- content ---------------------------------------------------------------------------

    def add_feed(self, path: str, kind: str, title: str = "Wire") -> str:
        with self.lock:
            self.feeds[path] = Feed(path, kind, title)
        return path

    def add_index(self, path: str, children: list[str]) -> str:
        """A sitemap index naming the sitemaps at `children` (it never changes)."""
        with self.lock:
            self.indexes[path] = list(children)
        return path

    def publish(self, feed_path: str, slug: str, title: str, text: str, *, published: str = "2025-03-12",
                outlet: str | None = None) -> str:
        """Put a story on the site and at the top of a feed; returns its page path."""
        with self.lock:
            feed = self.feeds[feed_path]
            story = Story(slug, title, text, published, outlet or feed.title, time.time())
            self.stories[slug] = story
            feed.stories.insert(0, story)
            feed.changed = time.time()
        return f"/news/{slug}"

    def behave(self, path: str, how: str | None) -> None:
        """Make `path` answer 500, slow-500 (after SLOW_SECONDS), 429, hang, garbage, huge
        (announced), huge-stream (no length) or gzip-bomb (50 MB that travels gzipped as
        50 kB); None: normal."""
        if how == "gzip-bomb":
            _bomb()  # made now (seconds on a loaded machine), not while a client waits for its answer
        with self.lock:
            if how is None:
                self.behaviour.pop(path, None)
            else:
                self.behaviour[path] = how

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.hosts[0]}:{self.port}{path}"

    # -- what happened ---------------------------------------------------------------------

    def requests(self, path: str | None = None, *, method: str = "GET", host: str | None = None) -> list[Hit]:
        """The requests answered so far (waiting a moment for those being answered: a client
        may have its answer before the site has logged it)."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while time.monotonic() < deadline:
            with self.lock:
                if not self.busy:
                    break
            time.sleep(0.01)
        with self.lock:
            return [hit for hit in self.hits if (path is None or hit.path == path) and hit.method == method
                    and (host is None or hit.host == host)]

    def pages_served(self) -> dict[str, int]:
        """Article pages answered with a whole body, by path: each should be 1."""
        counts: dict[str, int] = defaultdict(int)
        for hit in self.requests():
            if hit.path.startswith("/news/") and hit.status == 200:
                counts[hit.path] += 1
        return dict(counts)

    def posted(self, path: str) -> list[dict[str, Any]]:
        return [json.loads(hit.body) for hit in self.requests(path, method="POST") if hit.status == 200]

    # -- rendering -------------------------------------------------------------------------

    def render(self, path: str, host: str) -> tuple[int, str, bytes, float | None]:
        """(status, content type, body, last change) of a GET."""
        with self.lock:
            if path == "/robots.txt":
                return 200, "text/plain", self.robots.encode(), None
            if path in self.indexes:
                base = f"http://{host}:{self.port}"
                entries = "".join(f"<sitemap><loc>{base}{child}</loc><lastmod>2025-03-0{i + 1}</lastmod></sitemap>"
                                  for i, child in enumerate(self.indexes[path]))
                body = ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>')
                return 200, "application/xml", body.encode(), 0.0
            feed = self.feeds.get(path)
            if feed is not None:
                stories = list(feed.stories)
                base = f"http://{host}:{self.port}"
                return 200, *_render_feed(feed, stories, base), feed.changed
            if path.startswith("/news/") or path.startswith("/private/"):
                story = self.stories.get(path.rsplit("/", 1)[-1])
                if story is not None:
                    return 200, "text/html; charset=utf-8", _render_page(story, f"http://{host}:{self.port}{path}"), None
            return 404, "text/plain", b"not found", None

    # -- serving ---------------------------------------------------------------------------

    def __enter__(self) -> "NewsSite":
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site._handle(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                site._handle(self, "POST")

        for host in self.hosts:
            server = ThreadingHTTPServer((host, self.port), Handler)
            server.daemon_threads = True
            server.block_on_close = False
            self.port = server.server_address[1]
            self.servers.append(server)
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        asked = time.time()
        host = handler.server.server_address[0]
        path = urlsplit(handler.path).path
        with self.lock:
            self.active[host] += 1
            self.most_active[host] = max(self.most_active[host], self.active[host])
            how = self.behaviour.get(path)
            if how != "hang":
                self.busy += 1
        status, sent, body = 0, 0, b""
        try:
            if method == "POST":
                length = int(handler.headers.get("Content-Length") or 0)
                body = handler.rfile.read(length)
                status = self._hook(path)
                sent = self._send(handler, status, "application/json", b"{}")
            else:
                status, sent = self._get(handler, path, host, how)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self.lock:
                self.active[host] -= 1
                if how != "hang":
                    self.busy -= 1
                self.hits.append(Hit(
                    at=time.time(), asked=asked, answered=getattr(handler, "answered", None), host=host,
                    method=method, path=path, status=status, sent=sent,
                    agent=handler.headers.get("User-Agent", ""), if_none_match=handler.headers.get("If-None-Match"),
                    if_modified_since=handler.headers.get("If-Modified-Since"),
                    accept_encoding=handler.headers.get("Accept-Encoding"), body=body if self.keep_bodies else b""))

    def _hook(self, path: str) -> int:
        if not path.startswith("/hooks/"):
            return 404
        with self.lock:
            left = self.hook_failures.get(path, 0)
            if left:
                self.hook_failures[path] = left - 1
                return 500
        return 200

    def _get(self, handler: BaseHTTPRequestHandler, path: str, host: str, how: str | None) -> tuple[int, int]:
        if how == "hang":
            time.sleep(HANG_SECONDS)
            return 0, 0
        if how == "slow-500":
            time.sleep(SLOW_SECONDS)
        if how in ("500", "slow-500", "429"):
            status = int(how.removeprefix("slow-"))
            headers = {"Retry-After": "2"} if status == 429 else {}
            return status, self._send(handler, status, "text/plain", b"trouble", headers)
        if how == "garbage":
            noise = random.Random(path).randbytes(20_000)
            return 200, self._send(handler, 200, "application/rss+xml", b"<rss><channel><item>" + noise)
        if how == "huge":
            _answering(handler)
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", str(HUGE_BYTES))
            handler.end_headers()
            return 200, self._stream(handler)
        if how == "gzip-bomb":
            return 200, self._send(handler, 200, "text/html", _bomb(), {"Content-Encoding": "gzip"})
        if how == "huge-stream":
            _answering(handler)
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Connection", "close")
            handler.end_headers()
            handler.close_connection = True
            return 200, self._stream(handler)
        status, kind, body, changed = self.render(path, host)
        headers: dict[str, str] = {}
        if status == 200:
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            headers["ETag"] = etag
            if changed is not None:
                headers["Last-Modified"] = email.utils.formatdate(changed, usegmt=True)
            if _not_modified(handler, etag, changed):
                return 304, self._send(handler, 304, None, b"", headers)
            if "gzip" in (handler.headers.get("Accept-Encoding") or "") and len(body) > 200:
                body = gzip.compress(body)
                headers["Content-Encoding"] = "gzip"
        return status, self._send(handler, status, kind, body, headers)

    def _stream(self, handler: BaseHTTPRequestHandler) -> int:
        chunk = b"<p>" + b"x" * (HUGE_CHUNK - 7) + b"</p>\n"
        sent = 0
        try:
            while sent < HUGE_BYTES:
                handler.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        return sent

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, kind: str | None, body: bytes,
              headers: dict[str, str] | None = None) -> int:
        _answering(handler)
        handler.send_response(status)
        if kind:
            handler.send_header("Content-Type", kind)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if status != 304:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if status != 304 and body:
            handler.wfile.write(body)
        return len(body)


def _answering(handler: BaseHTTPRequestHandler) -> None:
    """Note on the request's handler that its answer begins now (see `Hit.answered`)."""
    setattr(handler, "answered", time.time())  # noqa: B010 - an attribute of ours on http.server's object


_BOMB: list[bytes] = []


def _bomb() -> bytes:
    """HUGE_BYTES of markup, gzipped (made once: about 50 kB)."""
    if not _BOMB:
        _BOMB.append(gzip.compress(b"<p>" + b"a" * HUGE_BYTES, compresslevel=9))
    return _BOMB[0]


def _not_modified(handler: BaseHTTPRequestHandler, etag: str, changed: float | None) -> bool:
    given = handler.headers.get("If-None-Match")
    if given is not None:
        return etag in [part.strip() for part in given.split(",")]
    since = handler.headers.get("If-Modified-Since")
    if since and changed is not None:
        try:
            return email.utils.parsedate_to_datetime(since).timestamp() >= int(changed)
        except (TypeError, ValueError):
            return False
    return False


def _render_feed(feed: Feed, stories: list[Story], base: str) -> tuple[str, bytes]:
    e = html.escape
    if feed.kind == "rss":
        items = "".join(
            f"<item><title>{e(s.title)}</title><link>{base}/news/{s.slug}?utm_source=rss</link>"
            f"<pubDate>{email.utils.formatdate(time.mktime(time.strptime(s.published, '%Y-%m-%d')), usegmt=True)}"
            f"</pubDate><description>{e(s.title)}</description></item>" for s in stories)
        body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{e(feed.title)}</title>'
                f"<link>{base}/</link>{items}</channel></rss>")
        return "application/rss+xml; charset=utf-8", body.encode()
    if feed.kind == "atom":
        entries = "".join(
            f'<entry><title>{e(s.title)}</title><link href="/news/{s.slug}"/><id>{base}/news/{s.slug}</id>'
            f"<updated>{s.published}T08:00:00Z</updated></entry>" for s in stories)
        body = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">'
                f"<title>{e(feed.title)}</title><id>{base}{feed.path}</id><updated>2025-03-12T08:00:00Z</updated>"
                f"{entries}</feed>")
        return "application/atom+xml; charset=utf-8", body.encode()
    if feed.kind == "sitemap":
        urls = "".join(
            f"<url><loc>{base}/news/{s.slug}</loc><news:news><news:publication><news:name>{e(s.outlet)}</news:name>"
            f"<news:language>en</news:language></news:publication><news:publication_date>{s.published}"
            f"</news:publication_date><news:title>{e(s.title)}</news:title></news:news></url>" for s in stories)
        body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')
        return "application/xml", body.encode()
    links = "".join(f'<li><a href="/news/{s.slug}">{e(s.title)}</a></li>' for s in stories)
    body = (f"<!doctype html><html><head><title>{e(feed.title)}</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/tag/world">World</a> <a href="/page/2">Older</a> '
            '<a href="/about">About us</a></nav>'
            f"<h1>{e(feed.title)}</h1><ul>{links}</ul></body></html>")
    return "text/html; charset=utf-8", body.encode()


def _render_page(story: Story, url: str) -> bytes:
    e = html.escape
    paragraphs = "".join(f"<p>{e(p.strip())}</p>" for p in story.text.split("\n\n") if p.strip())
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{e(story.title)}</title>'
            f'<link rel="canonical" href="{url}">'
            f'<meta property="article:published_time" content="{story.published}T08:00:00Z">'
            f'<meta property="og:site_name" content="{e(story.outlet)}"></head><body>'
            '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<article><h1>{e(story.title)}</h1>{paragraphs}</article>"
            "<footer>Copyright the outlet. All rights reserved.</footer></body></html>").encode()


# -- the site's own tests ------------------------------------------------------------------

STORY = "Officials said the talks would resume next week.\n\nBoth delegations praised the host."


@pytest.fixture()
def site() -> Any:
    with NewsSite() as served:
        yield served


def test_a_feed_answers_304_to_its_own_validators_and_200_once_it_changes(site: NewsSite) -> None:
    feed = site.add_feed("/world/rss.xml", "rss")
    site.publish(feed, "talks-resume-next-week", "Talks resume", STORY)
    first = httpx.get(site.url(feed))
    assert first.status_code == 200 and b"talks-resume-next-week" in first.content
    again = httpx.get(site.url(feed), headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    site.publish(feed, "second-story-about-talks", "More talks", STORY)
    changed = httpx.get(site.url(feed), headers={"If-None-Match": first.headers["etag"]})
    assert changed.status_code == 200 and b"second-story-about-talks" in changed.content


def test_bodies_are_gzipped_when_asked_and_pages_carry_their_story(site: NewsSite) -> None:
    feed = site.add_feed("/world/rss.xml", "rss")
    page = site.publish(feed, "talks-resume-next-week", "Talks resume", STORY)
    response = httpx.get(site.url(page), headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert "Both delegations praised the host." in response.text
    assert site.pages_served() == {page: 1}


def test_misbehaving_paths_fail_the_way_they_were_told(site: NewsSite) -> None:
    site.behave("/broken", "500")
    site.behave("/busy", "429")
    site.behave("/hangs", "hang")
    site.behave("/huge", "huge")
    assert httpx.get(site.url("/broken")).status_code == 500
    assert httpx.get(site.url("/busy")).headers["retry-after"] == "2"
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(site.url("/hangs"), timeout=0.5)
    with httpx.stream("GET", site.url("/huge")) as response:
        assert int(response.headers["content-length"]) == HUGE_BYTES


def test_the_webhook_receiver_fails_as_often_as_told_then_records(site: NewsSite) -> None:
    site.hook_failures["/hooks/ops"] = 1
    assert httpx.post(site.url("/hooks/ops"), json={"a": 1}).status_code == 500
    assert httpx.post(site.url("/hooks/ops"), json={"a": 2}).status_code == 200
    assert site.posted("/hooks/ops") == [{"a": 2}]


def test_a_slow_failure_is_logged_with_when_it_came_in_and_when_its_answer_began(site: NewsSite) -> None:
    site.behave("/slow-broken", "slow-500")
    assert httpx.get(site.url("/slow-broken")).status_code == 500
    (hit,) = site.requests("/slow-broken")
    assert hit.answered is not None and hit.asked + SLOW_SECONDS <= hit.answered <= hit.at
