"""Polite HTTP for the watch: one request at a time per host, robots.txt, validators, caps.

    fetcher = Fetcher(settings)
    got = await fetcher.fetch(url, etag=..., last_modified=...)   # Fetched, or FetchError
    await fetcher.aclose()

What every request does, whoever asks for it:
- waits its turn at its host's gate: one request in flight per host name, and at least
  `settings.delay` seconds (or the site's robots.txt Crawl-delay, if longer) between the
  end of one and the start of the next; at most `settings.connections` in flight overall;
- asks robots.txt first (fetched once a day per origin; RFC 9309: a 4xx answer allows
  everything, an unreachable or 5xx one disallows everything until it is asked again);
- names itself (`sitroom/VERSION`), asks for gzip, sends the validators it was given
  (If-None-Match, If-Modified-Since) so an unchanged feed costs a 304 and no body;
- follows at most MAX_REDIRECTS redirects, each through its own host's gate and robots;
- gives up after `settings.timeout` seconds for the whole exchange (a server that
  accepts and never answers, or trickles bytes, is a timeout, not a hang);
- refuses a body over `settings.max_bytes`: at once when the Content-Length says so,
  else as soon as that many bytes have arrived, counted after decompression and
  decompressed in bounded steps, so neither a 50 MB page nor a gzip bomb is held whole.

Failures are `FetchError`s saying what happened and whether it is worth trying again.
"""
from __future__ import annotations

import asyncio
import contextlib
import email.utils
import socket
import time
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import FetchError
from .config import Settings
from .urls import host_of, origin_of

MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
NOT_MODIFIED = 304
# Statuses that say "later", not "never": rate limits, server trouble, timeouts at a proxy.
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
# robots.txt: kept a day (RFC 9309 allows up to 24 hours without asking again); an
# unreachable one is asked again a minute later, since it disallows everything meanwhile
# (and the sources on that host back off on their own schedule).
ROBOTS_TTL_SECONDS = 24 * 3600
ROBOTS_RETRY_SECONDS = 60
# RFC 9309 asks crawlers to parse at least 500 KiB of a robots.txt; nobody needs more.
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_AGENT = "sitroom"
# A Crawl-delay longer than this is capped: a site asking for an hour between requests
# would make its feed useless, and it can still answer 429.
MAX_CRAWL_DELAY_SECONDS = 60.0
# A Retry-After further off than this is treated as this (the source's backoff cap
# still applies on top).
MAX_RETRY_AFTER_SECONDS = 24 * 3600
# Bytes decompressed per step: bounded, so one small gzip chunk cannot inflate to
# hundreds of megabytes in memory before the size cap is checked.
INFLATE_STEP = 256 * 1024


def sitroom_version() -> str:
    try:
        return version("sitroom")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0"


def user_agent(contact: str | None) -> str:
    """`sitroom/VERSION (news event monitor; +CONTACT)`: who is asking, and who to tell."""
    extra = f"; +{contact}" if contact else ""
    return f"sitroom/{sitroom_version()} (news event monitor{extra})"


class Stopping(Exception):
    """The fetcher was told to stop before this request went out (internal to the watch:
    the request is simply not made, and nothing is recorded about its URL)."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200-299, or 304 (not modified: no body)
    body: bytes
    content_type: str  # media type, lower case, without parameters ("" when none was sent)
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == NOT_MODIFIED


@dataclass
class Counters:
    """What the fetcher did, for the watch's summary and the benchmark."""

    requests: int = 0
    not_modified: int = 0
    failed: int = 0
    robots: int = 0
    bytes: int = 0  # body bytes after decompression


@dataclass
class _Gate:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    free_at: float = 0.0  # monotonic time the next request may start


@dataclass
class _Robots:
    parser: RobotFileParser
    expires: float  # monotonic
    problem: str | None  # why everything is disallowed (robots.txt unreachable), if so


class Fetcher:
    def __init__(self, settings: Settings, *, agent: str | None = None) -> None:
        self.settings = settings
        self.agent = agent or user_agent(settings.contact)
        self.counters = Counters()
        self._client = httpx.AsyncClient(
            follow_redirects=False,  # followed here, each hop through its host's gate and robots
            timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": self.agent, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=settings.connections, max_keepalive_connections=settings.connections),
            trust_env=False,  # no proxies or netrc from the environment: the sources file says where to go
        )
        self._gates: dict[str, _Gate] = {}
        self._slots = asyncio.Semaphore(settings.connections)
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._crawl_delays: dict[str, float] = {}  # host -> a robots.txt Crawl-delay longer than ours
        self._stopped = asyncio.Event()

    def stop(self) -> None:
        """Requests not yet sent raise `Stopping`; those under way finish."""
        self._stopped.set()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                    accept: str = "*/*") -> Fetched:
        """GET `url` politely (see the module docstring); raises FetchError."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            await self._check_robots(current)
            got = await self._get(current, headers, self.settings.max_bytes)
            if isinstance(got, str):  # a redirect: its Location, resolved
                current = got
                continue
            return got
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects", transient=False)

    # -- robots.txt ------------------------------------------------------------------------

    async def _check_robots(self, url: str) -> None:
        robots = await self._robots_for(origin_of(url))
        if robots.problem is not None:
            raise FetchError(url, robots.problem, transient=True)
        if not robots.parser.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, "disallowed by the site's robots.txt", transient=False)

    async def _robots_for(self, origin: str) -> _Robots:
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:  # one fetch of a robots.txt however many requests wait for it
            known = self._robots.get(origin)
            if known is not None and known.expires > time.monotonic():
                return known
            robots = await self._fetch_robots(origin)
            self._robots[origin] = robots
            if robots.problem is None:
                delay = robots.parser.crawl_delay(ROBOTS_AGENT)
                if delay:
                    host = host_of(origin)
                    self._crawl_delays[host] = max(min(float(delay), MAX_CRAWL_DELAY_SECONDS),
                                                   self._crawl_delays.get(host, 0.0))
            return robots

    async def _fetch_robots(self, origin: str) -> _Robots:
        parser = RobotFileParser()
        url = f"{origin}/robots.txt"
        self.counters.robots += 1
        try:
            for _ in range(MAX_REDIRECTS + 1):
                got = await self._get(url, {"Accept": "text/plain"}, ROBOTS_MAX_BYTES)
                if not isinstance(got, str):
                    break
                url = got
            else:
                raise FetchError(url, "robots.txt redirects too often", transient=False)
        except FetchError as error:
            status = error.status
            if status is not None and 400 <= status < 500 and status not in (429,):
                parser.allow_all = True  # RFC 9309 2.3.1.3: no robots.txt, no rules
                parser.modified()
                return _Robots(parser, time.monotonic() + ROBOTS_TTL_SECONDS, None)
            # RFC 9309 2.3.1.4: unreachable means disallowed, for now. Without an answer at
            # all (DNS, refused, timeout) the host is what failed, and is named as such.
            parser.disallow_all = True
            problem = error.problem if status is None else (
                f"robots.txt answered {error.problem}: nothing is fetched from {origin} until it answers (RFC 9309)")
            return _Robots(parser, time.monotonic() + ROBOTS_RETRY_SECONDS, problem)
        text = got.body.decode(got.charset or "utf-8", errors="replace")
        parser.parse(text.splitlines())
        return _Robots(parser, time.monotonic() + ROBOTS_TTL_SECONDS, None)

    # -- one request -----------------------------------------------------------------------

    def _gate(self, host: str) -> _Gate:
        return self._gates.setdefault(host, _Gate())

    async def _get(self, url: str, headers: dict[str, str], max_bytes: int) -> Fetched | str:
        """One GET through the host's gate: a Fetched, or the next URL of a redirect."""
        host = host_of(url)
        gate = self._gate(host)
        async with gate.lock:
            wait = gate.free_at - time.monotonic()
            if wait > 0 and not self._stopped.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopped.wait(), timeout=wait)
            if self._stopped.is_set():
                raise Stopping(url)
            try:
                async with self._slots:
                    self.counters.requests += 1
                    return await self._exchange(url, headers, max_bytes)
            except FetchError:
                self.counters.failed += 1
                raise
            finally:
                delay = max(self.settings.delay, self._crawl_delays.get(host, 0.0))
                gate.free_at = time.monotonic() + delay

    async def _exchange(self, url: str, headers: dict[str, str], max_bytes: int) -> Fetched | str:
        timeout = self.settings.timeout
        try:
            async with asyncio.timeout(timeout):
                request = self._client.build_request("GET", url, headers=headers)
                response = await self._client.send(request, stream=True)
                try:
                    return await self._answer(url, response, max_bytes)
                finally:
                    await response.aclose()
        except TimeoutError as exc:
            raise FetchError(url, f"no complete answer within {timeout:g} s (timeout)", transient=True) from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"no complete answer within {timeout:g} s (timeout)", transient=True) from exc
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"not a URL that can be fetched ({exc})", transient=False) from exc
        except httpx.ConnectError as exc:
            if _caused_by(exc, socket.gaierror):
                raise FetchError(url, f"cannot resolve the host name (DNS: {exc})", transient=True) from exc
            raise FetchError(url, f"cannot connect ({exc})", transient=True) from exc
        except httpx.HTTPError as exc:  # broken connections, protocol errors, a bad gzip stream
            raise FetchError(url, f"the exchange broke off ({type(exc).__name__}: {exc})", transient=True) from exc

    async def _answer(self, url: str, response: httpx.Response, max_bytes: int) -> Fetched | str:
        status = response.status_code
        if status in REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise FetchError(url, f"HTTP {status} redirect without a Location", transient=False, status=status)
            return urljoin(url, location)
        if status == NOT_MODIFIED:
            self.counters.not_modified += 1
            return Fetched(url=url, status=status, body=b"", content_type="", charset=None,
                           etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
        if not 200 <= status < 300:
            retry_after = _retry_after(response.headers.get("retry-after"))
            raise FetchError(url, f"HTTP {status} {response.reason_phrase}".rstrip(),
                             transient=status in TRANSIENT_STATUSES or status >= 500, status=status,
                             retry_after=retry_after)
        length = response.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > max_bytes:
            raise FetchError(url, f"too large: {int(length):,} bytes announced, over the limit of {max_bytes:,} "
                                  "([watch] max_bytes); not read", transient=False, status=status)
        body = await _read_bounded(url, response, max_bytes)
        self.counters.bytes += len(body)
        media, _, params = response.headers.get("content-type", "").partition(";")
        return Fetched(url=url, status=status, body=body, content_type=media.strip().lower(),
                       charset=_charset(params), etag=response.headers.get("etag"),
                       last_modified=response.headers.get("last-modified"))


async def _read_bounded(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    """The body, decompressed in bounded steps; FetchError once it passes `max_bytes`."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    chunks: list[bytes] = []
    size = 0
    async for piece in _inflate(url, encoding, response.aiter_raw()):
        size += len(piece)
        if size > max_bytes:
            raise FetchError(url, f"too large: over the limit of {max_bytes:,} bytes ([watch] max_bytes); "
                                  "stopped reading", transient=False, status=response.status_code)
        chunks.append(piece)
    return b"".join(chunks)


async def _inflate(url: str, encoding: str, raw: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    if encoding in ("identity", ""):
        async for chunk in raw:
            yield chunk
        return
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"answered in an encoding that was not asked for ({encoding})", transient=False)
    # gzip: a gzip header; deflate: the zlib wrapper most servers mean by it
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
    try:
        async for chunk in raw:
            data = chunk
            while data:
                piece = inflater.decompress(data, INFLATE_STEP)
                if piece:
                    yield piece
                data = inflater.unconsumed_tail
        tail = inflater.flush()
    except zlib.error as exc:
        raise FetchError(url, f"the {encoding} body is corrupt ({exc})", transient=True) from exc
    if tail:
        yield tail


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return min(float(text), MAX_RETRY_AFTER_SECONDS)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return min(max(when.timestamp() - time.time(), 0.0), MAX_RETRY_AFTER_SECONDS)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
