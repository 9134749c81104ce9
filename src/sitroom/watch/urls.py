"""Canonical URLs: one address per article, however a feed spells it.

Feeds link the same article as `HTTP://Example.org:80/a?utm_source=rss#top` and
`http://example.org/a`; both must be one entry in the watch's ledger, so that an article
is fetched once. courlan (trafilatura's URL library) lower-cases the scheme and host,
drops default ports and tracking parameters (utm_*, fbclid, ...) and sorts the query;
the fragment goes too (it names a place in the page, not another page). Relative links
are resolved against the page they were found on first.
"""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import courlan

SCHEMES = ("http", "https")
# Longer addresses are not article links (data: URIs, session blobs); browsers and
# servers commonly refuse past 2 to 8 kB.
MAX_URL_CHARS = 2_048


def canonical(url: str, base: str | None = None) -> str | None:
    """The canonical form of `url` (resolved against `base`), or None when it is not an
    http(s) address worth fetching."""
    text = (url or "").strip()
    if not text or len(text) > MAX_URL_CHARS:
        return None
    if base is not None:
        text = urljoin(base, text)
    try:
        parts = urlsplit(text)
        if parts.scheme.lower() not in SCHEMES or not parts.hostname:
            return None
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        normal = courlan.normalize_url(text)
    except ValueError:
        return None
    return normal.split("#", 1)[0]


def host_of(url: str) -> str:
    """What "one request at a time per host" counts: the host name, whatever the scheme
    or port (one machine answers them all)."""
    return (urlsplit(url).hostname or "").lower()


def origin_of(url: str) -> str:
    """What a robots.txt covers: scheme, host and port (RFC 9309)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"
