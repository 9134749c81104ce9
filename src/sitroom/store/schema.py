"""The store's tables and the migrations that build them (docs/store.md describes each column).

A store file records the schema version it was last migrated to in `schema_version`.
Opening it applies the migrations it has not seen, each in its own transaction, so a
file is always at one whole version. A file written by a newer sitroom is refused rather
than read with the wrong idea of its columns.
"""
from __future__ import annotations

import datetime as dt

import duckdb

from ..errors import StoreError

# Quoted names: `end` is an SQL keyword and `date` a type name; quoting keeps them columns.
_V1 = (
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        title VARCHAR,
        outlet VARCHAR,
        published VARCHAR,
        published_inferred BOOLEAN NOT NULL,
        url VARCHAR,
        language VARCHAR,
        source VARCHAR,
        notes JSON NOT NULL,
        furniture JSON NOT NULL,
        text VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE sentences (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (article_id, idx)
    )
    """,
    """
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        event_code VARCHAR NOT NULL,
        root VARCHAR NOT NULL,
        event_label VARCHAR,
        plover_type VARCHAR,
        acled_event_type VARCHAR,
        acled_sub_event_type VARCHAR,
        source_code VARCHAR,
        source_name VARCHAR,
        target_code VARCHAR,
        target_name VARCHAR,
        source_country VARCHAR,
        target_country VARCHAR,
        "date" DATE,
        date_precision VARCHAR,
        country VARCHAR,
        admin1 VARCHAR,
        location_name VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        killed INTEGER,
        attribution VARCHAR,
        modality VARCHAR,
        historical BOOLEAN,
        confidence DOUBLE,
        rule VARCHAR,
        record JSON NOT NULL
    )
    """,
    """
    CREATE TABLE evidence (
        event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        outlet VARCHAR,
        sentence VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        published VARCHAR,
        title VARCHAR,
        url VARCHAR,
        UNIQUE (event_id, doc_id, start, "end")
    )
    """,
    # Replacing an article deletes its evidence by article, and a record is rebuilt from
    # its event's evidence rows: both are point look-ups these indexes serve.
    "CREATE INDEX evidence_article ON evidence (article_id)",
    "CREATE INDEX evidence_event ON evidence (event_id)",
)

# Version 2: fusion across articles. An event is now a cluster of *members* (the events one
# article's coder produced); evidence rows say which member they came from; users' splits
# and plan-to-act links are kept. A version-1 store's events each become one member.
_V2 = (
    "CREATE SEQUENCE member_seq START 1",
    """
    CREATE TABLE members (
        id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        seq BIGINT NOT NULL,
        record JSON NOT NULL,
        decision JSON NOT NULL,
        PRIMARY KEY (id, article_id)
    )
    """,
    "CREATE INDEX members_event ON members (event_id)",
    "CREATE INDEX members_article ON members (article_id)",
    """
    CREATE TABLE splits (
        member VARCHAR NOT NULL,
        other VARCHAR NOT NULL,
        decided_at TIMESTAMP NOT NULL,
        PRIMARY KEY (member, other)
    )
    """,
    """
    CREATE TABLE links (
        plan_id VARCHAR NOT NULL,
        act_id VARCHAR NOT NULL,
        score DOUBLE NOT NULL,
        PRIMARY KEY (plan_id, act_id)
    )
    """,
    "ALTER TABLE evidence ADD COLUMN member_id VARCHAR",
    "UPDATE evidence SET member_id = event_id",
    """
    INSERT INTO members
    SELECT pairs.event_id, pairs.article_id, pairs.event_id, nextval('member_seq'), events.record,
           '{"rule": "version 1 event"}'::JSON
    FROM (SELECT DISTINCT event_id, article_id FROM evidence) AS pairs JOIN events ON events.id = pairs.event_id
    """,
    'CREATE INDEX events_block ON events (root, "date")',
)

# Version 3: stories, and fusion decided from matching pairs. Each article keeps its story
# print (MinHash signature) with its LSH band keys and its links to articles of the same
# story; members carry their block columns; `member_edges` holds every pair of members
# that matched (by `members.seq`), from which events are re-formed when members arrive.
# A version-2 store's merges become edges to each event's founder; its articles join
# stories when they are stored again. No secondary indexes: DuckDB reads these tables by
# scanning columns (the `list_contains` filters of a batch), and indexes only slow inserts.
_PLACE_KEY = """CASE WHEN json_extract_string(record, '$.location.precision') IN ('point', 'city', 'admin1')
    AND json_extract_string(record, '$.location.country') IS NOT NULL
    THEN json_extract_string(record, '$.location.country') || '/' || coalesce(
        json_extract_string(record, '$.location.admin1'), json_extract_string(record, '$.location.name'))
        || CASE WHEN json_extract_string(record, '$.location.precision') = 'admin1' THEN ''
           ELSE '/' || json_extract_string(record, '$.location.name') END END"""
_V3 = (
    "ALTER TABLE members ADD COLUMN root VARCHAR",
    'ALTER TABLE members ADD COLUMN "date" DATE',
    "ALTER TABLE members ADD COLUMN place_key VARCHAR",
    f"""UPDATE members SET root = left(json_extract_string(record, '$.event_code'), 2),
        "date" = TRY_CAST(left(json_extract_string(record, '$.date'), 10) AS DATE), place_key = {_PLACE_KEY}""",
    """
    CREATE TABLE stories (
        article_id VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        published DATE,
        terms INTEGER NOT NULL,
        signature UINTEGER[] NOT NULL
    )
    """,
    "CREATE TABLE story_bands (band BIGINT NOT NULL, article_id VARCHAR NOT NULL)",
    """
    CREATE TABLE story_links (
        a VARCHAR NOT NULL,
        b VARCHAR NOT NULL,
        similarity DOUBLE NOT NULL
    )
    """,
    """
    CREATE TABLE member_edges (
        a BIGINT NOT NULL,
        b BIGINT NOT NULL,
        score DOUBLE NOT NULL,
        "match" JSON NOT NULL
    )
    """,
    """
    INSERT INTO member_edges
    SELECT founder.seq, m.seq, coalesce(TRY_CAST(json_extract_string(m.decision, '$.score') AS DOUBLE), 1.0),
           m.decision
    FROM members m JOIN members founder ON founder.event_id = m.event_id AND founder.id = m.event_id
    WHERE m.seq > founder.seq
    """,
)

# Version 4: ACLED's view of each event (sitroom.coding.acled) as columns: disorder type,
# the two sides' actor types and their interaction, civilian targeting, and the rule that
# decided the sub-event type. Events stored before stay NULL there until re-ingested.
_V4 = (
    "ALTER TABLE events ADD COLUMN disorder_type VARCHAR",
    "ALTER TABLE events ADD COLUMN inter1 INTEGER",
    "ALTER TABLE events ADD COLUMN inter2 INTEGER",
    "ALTER TABLE events ADD COLUMN interaction INTEGER",
    "ALTER TABLE events ADD COLUMN civilian_targeting VARCHAR",
    "ALTER TABLE events ADD COLUMN acled_rule VARCHAR",
)

# Version 5: a batch's look-ups read only what they look up, however large the store.
# DuckDB serves a filter on one column of one table (`list_contains(?, column)`, `=`,
# `BETWEEN`) from an index, or skips the row groups whose min and max exclude it; a join,
# or an OR of two columns, reads the whole table. So each band carries its article's
# date, and the story step reads the bands of the batch's days only; story links are
# read by each end through its own index, and members by their id through one (the
# primary key's index serves only the pair of id and article). A version-4 store's bands
# take their dates from `stories`.
_V5 = (
    "ALTER TABLE story_bands ADD COLUMN published DATE",
    "UPDATE story_bands SET published = stories.published FROM stories WHERE stories.article_id = story_bands.article_id",
    "CREATE INDEX story_links_a ON story_links (a)",
    "CREATE INDEX story_links_b ON story_links (b)",
    "CREATE INDEX members_id ON members (id)",
)

# (version, statements) in order; append a new entry to change the schema, never edit one.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = ((1, _V1), (2, _V2), (3, _V3), (4, _V4), (5, _V5))
SCHEMA_VERSION = MIGRATIONS[-1][0]

_VERSION_TABLE = "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)"


def utc_now() -> dt.datetime:
    """Now in UTC, naive: the store's TIMESTAMP columns all hold UTC."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return {name for (name,) in rows}


def stored_version(con: duckdb.DuckDBPyConnection, path: str) -> int | None:
    """The file's schema version; None for a database with no tables at all."""
    tables = _tables(con)
    if "schema_version" not in tables:
        if tables:
            raise StoreError(
                f"{path} is a DuckDB database but not a sitroom store (it has no schema_version "
                "table); pass another --db path"
            )
        return None
    (version,) = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone() or (0,)
    return int(version)


def check_version(version: int | None, path: str, *, read_only: bool) -> None:
    """Refuse versions this code cannot read; a read-only open cannot migrate either."""
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer sitroom (store schema {version}; this one knows "
            f"{SCHEMA_VERSION}): upgrade sitroom to read it"
        )
    if read_only and version is None:
        raise StoreError(f"{path} is an empty database, not a sitroom store; run `sitroom ingest` first")
    if read_only and version is not None and version < SCHEMA_VERSION:
        raise StoreError(
            f"{path} has store schema {version} and this sitroom needs {SCHEMA_VERSION}: open it once "
            "for writing (for example with `sitroom ingest`) to upgrade it"
        )


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> int:
    """Bring a writable store to SCHEMA_VERSION; returns the version it now has."""
    version = stored_version(con, path)
    check_version(version, path, read_only=False)
    if version is None:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(_VERSION_TABLE)
            con.execute("COMMIT")
        except duckdb.Error:
            con.execute("ROLLBACK")
            raise
        version = 0
    for target, statements in MIGRATIONS:
        if target <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [target, utc_now()])
            con.execute("COMMIT")
        except duckdb.Error:
            con.execute("ROLLBACK")
            raise
        version = target
    return version
