"""The embedded store: articles, their sentences, their events and every event's evidence
in one DuckDB file (docs/store.md describes the tables and the write rules).

    with Store.open("sitroom.duckdb") as store:
        store.add_article(article, sentences, events)
        rows = store.events(EventFilter(actor="RUS", since="2024-11-27"))

Every write is one transaction: a crash or a kill leaves the file as it was before the
call (DuckDB writes its log only at commit). Events are keyed by the coder's
content-derived ids, so the same event reported by two articles is one row with the
evidence of both. Every query is parameterised; only constant SQL is ever assembled.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import duckdb

from ..errors import StoreError, StoreLocked, UsageError
from ..knowledge.fusion_rules import default_knowledge
from ..records import Article, Event, Sentence
from ..story import StoryPrint, fingerprint
from .fusion import Fuser
from .rows import insert
from .schema import check_version, migrate, stored_version, utc_now

MEMORY = ":memory:"
# How often a waiting open retries a locked file: short enough that a store let go of is
# picked up at once, long enough not to spin a core while another process ingests.
LOCK_POLL_SECONDS = 0.1
# Articles fetched per query while iterating `Store.articles()`: bounds memory on a
# large store without a round trip per article.
ARTICLE_PAGE = 256
# At most this many failed articles are named in one error message; the rest are counted.
MAX_NAMED_FAILURES = 5
# DuckDB's memory for one open store. By default it may hold up to 80% of the machine's
# memory in its buffer, and an ingest's writer kept growing with the store it read back;
# a batch's look-ups read a few megabytes (docs/performance.md), so this bounds the
# writer without slowing it. Past the limit DuckDB evicts cached blocks, and spills what
# a large query needs to a temporary file beside the store.
MEMORY_LIMIT = "256MB"
# DuckDB's threads for one open store: a batch's queries are small, and an ingest's
# writer shares the machine with the workers that analyse (more threads only take
# processor time from them).
THREADS = 1

# DuckDB says these in its IOException messages; it has no finer exception types for them.
_LOCK_MESSAGE = "Could not set lock on file"
_NOT_DUCKDB_MESSAGE = "not a valid DuckDB database file"
_LOCK_PID = re.compile(r"\(PID (\d+)\)")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

ArticleRow = tuple[Article, Sequence[Sentence], Sequence[Event]]
T = TypeVar("T")

_ARTICLE_SELECT = (
    "SELECT id, text, title, outlet, published, published_inferred, url, language, source, furniture, notes "
    "FROM articles"
)


def story_print(article: Article) -> StoryPrint:
    """The story step's print of `article` as the store makes it (`Store.add_articles`
    takes it made ahead: an ingest's workers print their articles beside the analysis)."""
    return fingerprint(article.text, article.published, default_knowledge().story_stopwords)


def content_hash(article: Article) -> str:
    """What tells a changed article from one already stored."""
    # surrogatepass: a hash for any str; _prepare refuses text that cannot be stored
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """What `Store.events` selects; every field left None selects everything."""

    actor: str | None = None  # CAMEO actor code prefix, source or target: "RUS", "SYRREB"
    code: str | None = None  # CAMEO event code prefix: "19", "0871"
    country: str | None = None  # ISO alpha-3 of the event's place or of either actor
    since: str | None = None  # first day, YYYY-MM-DD
    until: str | None = None  # last day, YYYY-MM-DD
    text: str | None = None  # substring of an evidence sentence, any case
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is None:
                continue
            try:  # YYYY-MM-DD only: fromisoformat also takes 20241201 and 2024-W48-6, DuckDB's CAST does not
                dt.date.fromisoformat(value if _DAY.fullmatch(value) else "")
            except (TypeError, ValueError) as exc:
                raise UsageError(f"{name} must be a date like 2024-11-30, not {value!r}") from exc
        if self.since and self.until and self.since > self.until:
            raise UsageError(f"since ({self.since}) is after until ({self.until}): no event can match")
        if self.bbox is not None:
            _check_bbox(self.bbox)


def _check_bbox(bbox: tuple[float, float, float, float]) -> None:
    if len(bbox) != 4:
        raise UsageError(f"bbox needs four numbers (min_lon, min_lat, max_lon, max_lat), not {bbox!r}")
    min_lon, min_lat, max_lon, max_lat = bbox
    if not all(-180 <= lon <= 180 for lon in (min_lon, max_lon)):
        raise UsageError(f"bbox longitudes must lie between -180 and 180, not {min_lon} and {max_lon}")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise UsageError(f"bbox latitudes must satisfy -90 <= min_lat <= max_lat <= 90, not {min_lat} and {max_lat}")


def _where(filters: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause for `filters` (constant SQL) and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.actor:
        clauses.append("(starts_with(source_code, upper(?)) OR starts_with(target_code, upper(?)))")
        params += [filters.actor, filters.actor]
    if filters.code:
        clauses.append("starts_with(event_code, ?)")
        params.append(filters.code)
    if filters.country:
        clauses.append("upper(?) IN (country, source_country, target_country)")
        params.append(filters.country)
    if filters.since:
        clauses.append('"date" >= CAST(? AS DATE)')
        params.append(filters.since)
    if filters.until:
        clauses.append('"date" <= CAST(? AS DATE)')
        params.append(filters.until)
    if filters.text:
        clauses.append(
            "EXISTS (SELECT 1 FROM evidence WHERE evidence.event_id = events.id "
            "AND contains(lower(evidence.sentence), lower(?)))"
        )
        params.append(filters.text)
    if filters.bbox:
        min_lon, min_lat, max_lon, max_lat = filters.bbox
        clauses.append("lat BETWEEN ? AND ?")
        params += [min_lat, max_lat]
        # A box whose west edge lies east of its east edge crosses the antimeridian.
        clauses.append("lon BETWEEN ? AND ?" if min_lon <= max_lon else "(lon >= ? OR lon <= ?)")
        params += [min_lon, max_lon]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(frozen=True)
class _PreparedEvent:
    id: str
    record: dict[str, Any]
    evidence_rows: tuple[tuple[Any, ...], ...]  # the evidence columns but event_id and member_id


@dataclass(frozen=True)
class _Prepared:
    article: Article
    digest: str  # content_hash of the article
    sentence_rows: tuple[tuple[Any, ...], ...]
    events: tuple[_PreparedEvent, ...]

    def article_row(self, now: dt.datetime) -> tuple[Any, ...]:
        a = self.article
        return (a.id, self.digest, a.title, a.outlet, a.published, a.published_inferred, a.url, a.language,
                a.source, _json(list(a.notes)), _json([list(span) for span in a.furniture]), a.text, now)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _prepare(article: Article, sentences: Sequence[Sentence], events: Sequence[Event]) -> _Prepared:
    """The rows of one article, checked before any transaction so that a malformed
    record fails alone, with its name, instead of in the middle of a batch."""
    indexes = [s.index for s in sentences]
    if len(set(indexes)) != len(indexes):
        raise StoreError(f"article {article.id}: two sentences share an index")
    sentence_rows = tuple((article.id, s.index, s.start, s.end, s.text) for s in sentences)
    prepared: list[_PreparedEvent] = []
    ids = [event.id for event in events]
    if len(set(ids)) != len(ids):
        twice = next(i for i in ids if ids.count(i) > 1)
        raise StoreError(f"article {article.id}: event {twice} appears twice; an article reports each of its "
                         "events once (merge its evidence into one record)")
    for event in events:
        if not event.evidence:
            raise StoreError(f"article {article.id}: event {event.id} has no evidence; every stored event "
                             "rests on at least one sentence")
        if len(event.event_code) < 2:
            raise StoreError(f"article {article.id}: event {event.id} has event code {event.event_code!r}; "
                             "CAMEO codes have 2 to 4 digits")
        record = event.to_dict()
        try:
            json.dumps(record)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"article {article.id}: event {event.id} is not JSON-serialisable: {exc}") from exc
        evidence_rows = tuple(
            (article.id, e.doc_id, e.outlet, e.sentence, e.start, e.end, e.published, e.title, e.url)
            for e in event.evidence
        )
        prepared.append(_PreparedEvent(event.id, record, evidence_rows))
    try:  # DuckDB takes UTF-8 only: a lone surrogate (a broken JSON escape) fails this article alone
        _json([dataclasses.astuple(article), sentence_rows, [(p.record, p.evidence_rows) for p in prepared]]
              ).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise StoreError(f"article {article.id!r}: holds a lone surrogate (U+{ord(exc.object[exc.start]):04X}), "
                         "which is not valid Unicode; sitroom's intake refuses such text") from exc
    return _Prepared(article, content_hash(article), sentence_rows, tuple(prepared))


def _article(row: tuple[Any, ...]) -> Article:
    (id_, text, title, outlet, published, inferred, url, language, source, furniture, notes) = row
    return Article(
        id=id_, text=text, title=title, outlet=outlet, published=published, published_inferred=inferred,
        url=url, language=language, source=source,
        furniture=tuple((int(start), int(end)) for start, end in json.loads(furniture)),
        notes=tuple(json.loads(notes)),
    )


def _connect(name: str, *, read_only: bool, wait: float, memory_limit: str,
             threads: int) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            return duckdb.connect(name, read_only=read_only,
                                  config={"memory_limit": memory_limit, "threads": threads})
        except duckdb.Error as exc:
            message = str(exc)
            if _NOT_DUCKDB_MESSAGE in message:
                raise StoreError(f"{name} is not a DuckDB database, so not a sitroom store: pass another "
                                 "--db path, or move the file away") from exc
            if _LOCK_MESSAGE not in message:
                raise StoreError(f"{name}: cannot open the store: {message}") from exc
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                holder = _LOCK_PID.search(message)
                who = f" (process {holder.group(1)})" if holder else ""
                raise StoreLocked(
                    f"{name} is in use by another sitroom process{who}: wait for it to finish "
                    "(for example an ingest) or stop it, then try again"
                ) from exc
            time.sleep(min(LOCK_POLL_SECONDS, remaining))


class Store:
    """One open store file. Use `Store.open`; a Store is not safe to share between
    threads (give each thread its own, or serialise calls)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
        self._con = connection
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, wait: float = 0.0,
             memory_limit: str = MEMORY_LIMIT, threads: int = THREADS) -> "Store":
        """Open (and on first use create) the store at `path`; ":memory:" keeps it in memory.

        While another process holds the file, retry for `wait` seconds, then raise
        `StoreLocked`. A file that is not a store, or one from a newer sitroom, raises
        `StoreError`. `memory_limit` (DuckDB's form: "256MB", "2GB") and `threads` bound
        what DuckDB may take for this store (`MEMORY_LIMIT`, `THREADS`).
        """
        name = str(path)
        if read_only and name != MEMORY and not Path(name).exists():
            raise StoreError(f"{name}: no store here; run `sitroom ingest` first or pass another --db path")
        if threads < 1:
            raise UsageError(f"threads must be 1 or more, not {threads}")
        con = _connect(name, read_only=read_only, wait=wait, memory_limit=memory_limit, threads=threads)
        try:
            if read_only:
                check_version(stored_version(con, name), name, read_only=True)
            else:
                migrate(con, name)
        except duckdb.Error as exc:
            con.close()
            raise StoreError(f"{name}: cannot prepare the store: {exc}") from exc
        except BaseException:
            con.close()
            raise
        return cls(con, name, read_only=read_only)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    def _transaction(self, work: Callable[[], T]) -> T:
        self._con.execute("BEGIN TRANSACTION")
        try:
            result = work()
            self._con.execute("COMMIT")
        except BaseException:
            # A failed COMMIT has already ended the transaction; ROLLBACK then only says so.
            with contextlib.suppress(duckdb.Error):
                self._con.execute("ROLLBACK")
            raise
        return result

    # writing

    def add_article(self, article: Article, sentences: Sequence[Sentence], events: Sequence[Event]) -> bool:
        """Store one article with its sentences and events in one transaction.

        False when it is already stored with the same text (nothing changes). An article
        stored with other text is replaced: its sentences and evidence go, and events
        left without evidence are dropped.
        """
        return self.add_articles([(article, sentences, events)]) == 1

    def add_articles(self, batch: Sequence[ArticleRow], *, prints: Mapping[str, StoryPrint] | None = None) -> int:
        """Store a batch of articles in one transaction; returns how many were new or changed.

        If the batch fails, each article is written again in its own transaction, so one
        bad article costs only itself; the articles that failed are then named in a
        `StoreError` (the others stay stored). `prints`: the story prints of some of the
        articles (`story_print`), made ahead of the write, by article id; the others are
        printed here.
        """
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only; open it for writing to add articles")
        prepared: list[_Prepared] = []
        failures: list[str] = []
        for article, sentences, events in batch:
            try:
                prepared.append(_prepare(article, sentences, events))
            except StoreError as exc:
                failures.append(str(exc))
        written = 0
        if prepared:
            try:
                written = self._transaction(lambda: self._write(prepared, prints))
            except duckdb.Error:
                for item in prepared:
                    try:
                        written += self._transaction(functools.partial(self._write, [item], prints))
                    except duckdb.Error as exc:
                        failures.append(f"article {item.article.id}: {exc}")
        if failures:
            named = "; ".join(failures[:MAX_NAMED_FAILURES])
            more = len(failures) - MAX_NAMED_FAILURES
            raise StoreError(f"{self.path}: {len(failures)} article(s) not stored ({written} others were): "
                             f"{named}{f'; and {more} more' if more > 0 else ''}")
        return written

    def _write(self, batch: list[_Prepared], prints: Mapping[str, StoryPrint] | None = None) -> int:
        con = self._con
        # A later copy of the same id in one batch wins, as if the copies were written in turn.
        latest = {item.article.id: item for item in batch}
        stored = dict(con.execute("SELECT id, content_hash FROM articles WHERE list_contains(?, id)",
                                  [list(latest)]).fetchall())
        todo = [item for item in latest.values() if stored.get(item.article.id) != item.digest]
        if not todo:
            return 0
        changed = [item.article.id for item in todo if item.article.id in stored]
        if changed:
            self._forget(changed)
        insert(con, "articles", [item.article_row(utc_now()) for item in todo])
        insert(con, "sentences", [row for item in todo for row in item.sentence_rows])
        fuser = Fuser(con)
        if changed:
            fuser.forget(changed)
        fuser.add_articles([(item.article.id, [(event.record, event.evidence_rows) for event in item.events])
                            for item in todo],
                           {i: prints[i] for i in (item.article.id for item in todo) if i in prints} if prints else None)
        fuser.rebuild()
        return len(todo)

    def _forget(self, article_ids: list[str]) -> None:
        """Delete these articles with their sentences and evidence (their members go in
        `Fuser.forget`, which also marks the events they were part of for rebuilding)."""
        con = self._con
        con.execute("DELETE FROM evidence WHERE list_contains(?, article_id)", [article_ids])
        con.execute("DELETE FROM sentences WHERE list_contains(?, article_id)", [article_ids])
        con.execute("DELETE FROM articles WHERE list_contains(?, id)", [article_ids])

    # fusion: undoing and explaining

    def split(self, event_id: str, member_ids: Sequence[str] | None = None, *, doc_id: str | None = None) -> str:
        """Undo a merge: move some members of `event_id` (by member id, or every member from
        article `doc_id`) into an event of their own. The decision is stored, so re-ingesting
        never joins them again. Returns the new event's id."""
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only; open it for writing to split an event")
        members = self.members(event_id)
        if not members:
            raise UsageError(f"no event {event_id!r} in {self.path}; `sitroom events` lists the ids")
        if len(members) < 2:
            raise UsageError(f"event {event_id} has one member only ({members[0]['id']}): nothing to split")
        if doc_id is not None:
            member_ids = [m["id"] for m in members if m["article_id"] == doc_id]
            if not member_ids:
                raise UsageError(f"event {event_id} has no member from article {doc_id!r}; "
                                 f"its articles: {', '.join(sorted({m['article_id'] for m in members}))}")
        if not member_ids:
            raise UsageError("name the members to split off (member ids, or an article with --doc)")
        known = {m["id"] for m in members}
        unknown = [m for m in member_ids if m not in known]
        if unknown:
            raise UsageError(f"event {event_id} has no member {unknown[0]!r}; its members: {', '.join(sorted(known))}")
        if set(member_ids) == known:
            raise UsageError(f"splitting every member off event {event_id} would leave it empty; name fewer")

        def work() -> str:
            fuser = Fuser(self._con)
            new_id = fuser.split(event_id, list(member_ids), utc_now())
            fuser.rebuild()
            return new_id

        with self._errors():
            return self._transaction(work)

    def members(self, event_id: str) -> list[dict[str, Any]]:
        """The per-article events fused into `event_id`, in the order they joined, each with
        its article and the decision that placed it."""
        with self._errors():
            rows = self._con.execute(
                "SELECT m.id, m.article_id, m.seq, m.record, m.decision, a.outlet, a.published, a.title "
                "FROM members m LEFT JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY m.seq",
                [event_id]).fetchall()
        return [{"id": id_, "article_id": article_id, "seq": seq, "record": json.loads(record),
                 "decision": json.loads(decision), "outlet": outlet, "published": published, "title": title}
                for id_, article_id, seq, record, decision, outlet, published, title in rows]

    def splits(self, member_ids: Sequence[str]) -> list[tuple[str, str, str]]:
        """The user's split decisions that involve these members: (member, kept apart from, when)."""
        with self._errors():
            rows = self._con.execute("SELECT member, other, decided_at FROM splits WHERE list_contains(?, member) "
                                     "ORDER BY member, other", [list(member_ids)]).fetchall()
        return [(member, other, str(when)) for member, other, when in rows]

    def stories(self, article_ids: Sequence[str]) -> dict[str, list[str]]:
        """The stories these articles belong to (`sitroom.story`): story id -> every
        article of that story, by id."""
        with self._errors():
            rows = self._con.execute(
                "SELECT story_id, article_id FROM stories WHERE story_id IN (SELECT story_id FROM stories "
                "WHERE list_contains(?, article_id)) ORDER BY story_id, article_id", [list(article_ids)]).fetchall()
        out: dict[str, list[str]] = {}
        for story_id, article_id in rows:
            out.setdefault(story_id, []).append(article_id)
        return out

    # reading

    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        """Whether the article is stored (with this content hash, when one is given)."""
        with self._errors():
            row = self._con.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None and (content_hash is None or row[0] == content_hash)

    def stored_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The content hash of each of these articles that is stored, in one query (an
        ingest checks a window of articles at a time)."""
        with self._errors():
            rows = self._con.execute("SELECT id, content_hash FROM articles WHERE list_contains(?, id)",
                                     [list(article_ids)]).fetchall()
        return dict(rows)

    def article(self, article_id: str) -> Article | None:
        with self._errors():
            row = self._con.execute(f"{_ARTICLE_SELECT} WHERE id = ?", [article_id]).fetchone()
        return _article(row) if row else None

    def articles(self) -> Iterator[Article]:
        """Every stored article, by id (read page by page, so other calls may interleave)."""
        after: str | None = None
        while True:
            with self._errors():
                rows = self._con.execute(
                    f"{_ARTICLE_SELECT} WHERE ? IS NULL OR id > ? ORDER BY id LIMIT ?", [after, after, ARTICLE_PAGE]
                ).fetchall()
            yield from (_article(row) for row in rows)
            if len(rows) < ARTICLE_PAGE:
                return
            after = rows[-1][0]

    def sentences(self, article_id: str) -> list[Sentence]:
        with self._errors():
            rows = self._con.execute(
                'SELECT idx, start, "end", text FROM sentences WHERE article_id = ? ORDER BY idx', [article_id]
            ).fetchall()
        return [Sentence(index=idx, start=start, end=end, text=text) for idx, start, end, text in rows]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event record (the interchange JSON object), or None."""
        with self._errors():
            row = self._con.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchone()
        return json.loads(row[0]) if row else None

    def events(self, filters: EventFilter | None = None, *, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
        """The event records `filters` selects, by date (undated last), then id."""
        if limit is not None and limit < 0:
            raise UsageError(f"limit must be 0 or more, not {limit}")
        if offset < 0:
            raise UsageError(f"offset must be 0 or more, not {offset}")
        where, params = _where(filters or EventFilter())
        sql = f'SELECT record FROM events{where} ORDER BY "date" NULLS LAST, id'
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        if offset:
            sql += " OFFSET ?"
            params.append(offset)
        with self._errors():
            rows = self._con.execute(sql, params).fetchall()
        return [json.loads(record) for (record,) in rows]

    def count_events(self, filters: EventFilter | None = None) -> int:
        where, params = _where(filters or EventFilter())
        with self._errors():
            row = self._con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()
        return int(row[0]) if row else 0

    def stats(self) -> dict[str, int]:
        """How many articles, sentences, events and evidence rows the store holds."""
        with self._errors():
            row = self._con.execute(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences), "
                "(SELECT count(*) FROM events), (SELECT count(*) FROM evidence)"
            ).fetchone()
        articles, sentences, events, evidence = row if row else (0, 0, 0, 0)
        return {"articles": articles, "sentences": sentences, "events": events, "evidence": evidence}

