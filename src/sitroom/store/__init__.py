"""The embedded store: one DuckDB file of articles, sentences, events and their evidence.

    database.py  the Store: opening, writing a batch, reading (docs/store.md)
    schema.py    the tables and their migrations
    fusion.py    fusion's store side: candidates, members, rebuilt records, splits, links
    lock.py      one ingest at a time per store file
"""
from __future__ import annotations

from .database import ArticleRow, EventFilter, Store, content_hash, story_print
from .lock import writer_lock

__all__ = ["ArticleRow", "EventFilter", "Store", "content_hash", "story_print", "writer_lock"]
