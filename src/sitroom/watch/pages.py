"""Fetched pages into the store, the way `sitroom ingest` stores files.

    outcome = store_pages(pages, options, db_path, analyse=analyse, wait=30)

The pages of a batch are written as one JSON Lines file (an object per page: its HTML or
text, and what the source said of it: URL, title, date, outlet) and read back by intake's
`read_articles`, exactly as `sitroom ingest` reads such a file and POST /api/articles
reads a request: trafilatura extracts the text, furniture is marked, the language told,
the id derived from the text. The articles are then stored with
`commands.ingest_articles` (analysis, then fusion, batch by batch), under the store's
writer lock so that a `sitroom ingest` on the same store takes turns with the watch.
An article whose text is already stored (from another URL, or another outlet's copy)
is not stored again: its URL is recorded as a duplicate of it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..commands import ingest_articles
from ..errors import InputError, SitroomError, StoreLocked
from ..intake import decode, read_articles
from ..options import Options
from ..parallel import Analyse
from ..records import Article
from ..store import Store, content_hash
from ..store.schema import utc_now
from ..store.lock import writer_lock
from .state import DUPLICATE, FAILED, MAX_ATTEMPTS, RETRY, STORED, LedgerEntry, record_urls

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5"
_FILE_NAME = "pages.jsonl"


@dataclasses.dataclass(frozen=True, kw_only=True)
class Page:
    """A fetched article page and what its source said about it."""

    url: str  # canonical, as the source listed it (the ledger's key)
    source: str  # the source's URL
    body: bytes
    content_type: str
    charset: str | None
    title: str | None
    published: str | None
    outlet: str | None
    seen_at: dt.datetime  # when a poll first listed it
    attempts: int  # fetches of it so far, this one included


@dataclasses.dataclass(frozen=True)
class Outcome:
    entries: tuple[LedgerEntry, ...]  # one per page
    stored: int  # articles written
    events: int  # events coded in them
    stored_by_source: dict[str, int]


def page_object(page: Page) -> dict[str, Any] | InputError:
    """The JSON object intake reads for `page`, or why it cannot be an article."""
    kind = page.content_type
    if kind and kind not in HTML_TYPES | TEXT_TYPES and not kind.startswith("text/"):
        return InputError(page.url, f"not a web page ({kind})")
    text: str | None = None
    if page.charset:
        try:
            text = page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            text = None  # a wrong or unknown charset header: let intake's decoder judge the bytes
    if text is None:
        try:
            text, _ = decode(page.body, page.url)
        except InputError as error:
            return error
    body_key = "text" if kind in TEXT_TYPES else "html"
    meta = {"url": page.url, "title": page.title, "published": page.published,
            "outlet": page.outlet or urlsplit(page.url).hostname}
    return {body_key: text, **{key: value for key, value in meta.items() if value}}


def read_pages(pages: Sequence[Page], options: Options) -> list[Article | InputError]:
    """One Article (or the InputError that kept it from being one) per page, in order."""
    objects = [page_object(page) for page in pages]
    readable = [(i, obj) for i, obj in enumerate(objects) if not isinstance(obj, InputError)]
    out: list[Article | InputError] = [obj if isinstance(obj, InputError) else InputError(pages[i].url, "unread")
                                       for i, obj in enumerate(objects)]
    if not readable:
        return out
    lines = "".join(json.dumps(obj, ensure_ascii=False) + "\n" for _, obj in readable)
    # Each page was held to [watch] max_bytes when fetched; the file of the batch may hold
    # more than one input file is allowed, and is read under that larger bound.
    size = len(lines.encode("utf-8"))
    reading = options if size <= options.max_input_bytes else options.with_(max_input_bytes=size)
    with tempfile.TemporaryDirectory(prefix="sitroom-watch-") as folder:
        path = Path(folder) / _FILE_NAME
        path.write_text(lines, encoding="utf-8")
        # A JSON Lines file gives exactly one article or one error per line, in order.
        for (i, _), item in zip(readable, read_articles([path], reading), strict=True):
            page = pages[i]
            if isinstance(item, InputError):
                out[i] = type(item)(page.url, item.problem)
            else:
                out[i] = dataclasses.replace(item, source=page.url)
    return out


def store_pages(pages: Sequence[Page], options: Options, db_path: Path, *, analyse: Analyse, wait: float) -> Outcome:
    """Read, analyse and store `pages`; the ledger entry of each says what became of it.

    Raises StoreLocked when the store stays busy for `wait` seconds (nothing is recorded
    then: the caller tries the batch again)."""
    now = utc_now()
    items = read_pages(pages, options)
    entries: dict[int, LedgerEntry] = {}
    fresh: list[tuple[int, Article]] = []
    for i, (page, item) in enumerate(zip(pages, items, strict=True)):
        if isinstance(item, InputError):
            entries[i] = _entry(page, FAILED, None, item.problem, now)
    articles = [(i, item) for i, item in enumerate(items) if isinstance(item, Article)]
    stored = events = 0
    by_source: dict[str, int] = {}
    with writer_lock(db_path, wait=wait):
        if articles:
            with Store.open(db_path, wait=wait) as store:
                there = {article.id: store.article(article.id) for _, article in articles
                         if store.has_article(article.id, content_hash(article))}
            first: dict[str, int] = {}
            for i, article in articles:
                known = there.get(article.id)
                if known is not None and known.url == article.url:
                    # this very page, stored by a watch killed before it could record so
                    entries[i] = _entry(pages[i], STORED, article.id, None, now)
                elif known is not None or article.id in first:
                    entries[i] = _entry(pages[i], DUPLICATE, article.id, None, now)
                else:
                    first[article.id] = i
                    fresh.append((i, article))
        if fresh:
            try:
                report = ingest_articles([article for _, article in fresh], options, db_path, analyse=analyse,
                                         wait=wait)
                stored, events = report.stored, report.events
                problem = None
            except StoreLocked:
                raise
            except SitroomError as exc:  # some articles failed to store (named), or the workers failed
                problem = str(exc)
            with Store.open(db_path, wait=wait) as store:
                for i, article in fresh:
                    page = pages[i]
                    if store.has_article(article.id, content_hash(article)):
                        entries[i] = _entry(page, STORED, article.id, None, now)
                        by_source[page.source] = by_source.get(page.source, 0) + 1
                    else:
                        status = RETRY if page.attempts < MAX_ATTEMPTS else FAILED
                        entries[i] = _entry(page, status, None, problem or "not stored", now)
                record_urls(store, [entries[i] for i in sorted(entries)])
        elif entries:
            with Store.open(db_path, wait=wait) as store:
                record_urls(store, [entries[i] for i in sorted(entries)])
    return Outcome(tuple(entries[i] for i in range(len(pages))), stored, events, by_source)


def _entry(page: Page, status: str, article_id: str | None, error: str | None, now: dt.datetime) -> LedgerEntry:
    return LedgerEntry(url=page.url, source=page.source, status=status, article_id=article_id,
                       attempts=page.attempts, last_error=error, seen_at=page.seen_at, done_at=now)
