"""POST /api/articles: posted JSON articles go the way of `sitroom ingest`.

The objects are read by the same intake as a JSON file given to `sitroom ingest`
(`read_objects`: metadata checks, page furniture, language id, content-derived ids),
analysed by the same `Analyzer`, and written with `Store.add_articles`. Analysis runs
before the store is opened for writing, so reads are held back only while the batch
is written, not while it is parsed.
"""
from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import InputError
from ..intake import read_objects
from ..options import Options
from ..pipeline import Analyzer
from ..records import Article
from ..store import content_hash
from .access import StoreAccess

# How a posted article's `source` reads in the store (it came from no file).
SOURCE = "POST /api/articles"


@dataclasses.dataclass(frozen=True, kw_only=True)
class PostReport:
    ids: tuple[str, ...]  # the articles' ids, in the order posted
    stored: int  # new or changed articles written
    unchanged: int  # already stored with the same text
    events: int  # events coded in the stored articles


class Poster:
    """Ingests posted articles; loads the analyzer (the spaCy model and knowledge, a few
    seconds) on the first post, once, and lets one post analyse at a time."""

    def __init__(self, access: StoreAccess, options: Options,
                 analyzer_factory: Callable[[Options], Analyzer] = Analyzer) -> None:
        self._access = access
        self._options = options
        self._factory = analyzer_factory
        self._analyzer: Analyzer | None = None
        self._lock = threading.Lock()

    def post(self, items: Sequence[dict[str, Any]]) -> PostReport:
        """Store `items` (article objects as in a JSON input file). Raises an `InputError`
        naming the first item that cannot be read; then nothing is stored."""
        articles = read_items(items, self._options)
        with self._access.reading() as store:
            fresh = [a for a in articles if not store.has_article(a.id, content_hash(a))]
        rows = []
        with self._lock:
            if fresh:
                if self._analyzer is None:
                    self._analyzer = self._factory(self._options)
                rows = [(a.article, a.sentences, a.events) for a in self._analyzer.analyze_many(fresh)]
        stored = 0
        if rows:
            with self._access.writing() as store:
                stored = store.add_articles(rows)
        return PostReport(ids=tuple(a.id for a in articles), stored=stored,
                          unchanged=len(articles) - len(fresh), events=sum(len(row[2]) for row in rows))


def read_items(items: Sequence[dict[str, Any]], options: Options) -> list[Article]:
    """The articles of posted objects, read by intake exactly as a JSON list file is
    (nothing is written to disk on the way)."""
    articles: list[Article] = []
    for number, item in enumerate(read_objects(items, "request", options), start=1):
        if isinstance(item, InputError):
            raise item
        articles.append(dataclasses.replace(item, source=f"{SOURCE} item {number}"))
    return articles
