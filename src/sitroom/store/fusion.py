"""The store's side of fusion: the story step's prints and links, the pairs of members
that match, the events re-formed from them, fused records, splits and plan links.

Everything here runs inside the store's write transaction (`Store._write`, `Store.split`),
on its connection; the decisions themselves are `sitroom.story`'s, `sitroom.fusion`'s and
`sitroom.clustering`'s. A batch's cost is its members times their candidates: the
members of the articles that tell the same story (found through the LSH band index) and
the members in the same block (root, place, a week of dates), each found by one query
for the whole batch; never a scan of the day's or the store's events in Python.
"""
from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from .. import clustering, fusion, story
from ..knowledge.fusion_rules import FusionKnowledge, default_knowledge
from ..records import Evidence, as_dict
from .rows import event_row, insert

_EVIDENCE_SELECT = (
    'SELECT event_id, doc_id, outlet, sentence, start, "end", published, title, url FROM evidence '
    'WHERE list_contains(?, event_id) ORDER BY event_id, published NULLS LAST, doc_id, start, "end"'
)
# The events of one root dated in a window (where a plan's act is looked for).
_BLOCK_RECORDS = """
    SELECT events.id, events.record FROM events
    WHERE events.root = ? AND events."date" BETWEEN TRY_CAST(? AS DATE) AND TRY_CAST(? AS DATE)
"""
# How many rejected or weaker candidates a member's decision keeps, for `sitroom why`.
KEPT_CANDIDATES = 3
# Member records and decisions kept parsed (`_parsed`), across transactions: a day's
# batches read its stories' members again and again. About 1 KB of JSON each, a few MB
# in all; 2,048 left 4,543 parses of the dated stream's 17,544 (docs/performance.md).
PARSED_MEMBERS = 2048


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@functools.lru_cache(maxsize=PARSED_MEMBERS)
def _parsed(text: str) -> Any:
    """A member's record or decision, parsed from its JSON text. Read only, never mutated:
    the same object serves every member row with that text. A batch reads the members of
    its stories back several times (the story's members, the candidates, the events formed
    again, the leads), and the next batches of a day read most of them again: over the
    dated stream, 17,544 parses in a transaction each, of 4,241 distinct texts."""
    return json.loads(text)


class StoryIndex:
    """The story step in the store: each article's print (`story.fingerprint`) with its
    LSH band keys, the links between articles of one story, and each article's story id
    (the smallest article id of its connected component)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, knowledge: FusionKnowledge) -> None:
        self.con = con
        self.knowledge = knowledge
        # the links and story ids of the stories the last `_relabel` walked, as it read and
        # wrote them: complete for each of those articles, and current until the links
        # change again, which only `add` and `forget` do, each ending in a `_relabel`. The
        # batch then asks `linked` and `story_ids` about the same articles twice; a Fuser
        # (and this) lives for one transaction.
        self._walked_links: dict[str, dict[str, float]] = {}
        self._walked_labels: dict[str, str] = {}

    def add(self, article_ids: Sequence[str], made: Mapping[str, story.StoryPrint] | None = None
            ) -> list["StoryChange"]:
        """Print and link these (just stored) articles; returns the stories they are in
        now, each with the parts that were separate stories before (`StoryChange`).
        `made`: the prints of some of them made already (in the analysing workers, with
        the same stopwords); the others are printed here."""
        self._walked_links, self._walked_labels = {}, {}  # the stories and links change below
        prints = {i: made[i] for i in article_ids if made is not None and i in made}
        missing = [i for i in article_ids if i not in prints]
        if missing:
            rows = self.con.execute("SELECT id, text, published FROM articles WHERE list_contains(?, id)",
                                    [missing]).fetchall()
            prints.update({article_id: story.fingerprint(text, published, self.knowledge.story_stopwords)
                           for article_id, text, published in rows})
        if not prints:
            return []
        ids = sorted(prints)
        self.con.execute(
            "INSERT INTO stories SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
            "TRY_CAST(unnest(?::VARCHAR[]) AS DATE), unnest(?::INTEGER[]), unnest(?::UINTEGER[][])",
            [ids, ids, [prints[i].published for i in ids], [prints[i].terms for i in ids],
             [list(prints[i].signature) for i in ids]])
        band_rows = [(band, i) for i in ids if prints[i].terms >= story.MIN_TERMS for band in story.bands(prints[i].signature)]
        if not band_rows:
            return self._relabel(set(ids), set(ids))
        band_days = [prints[i].published for _, i in band_rows]
        self.con.execute("INSERT INTO story_bands SELECT unnest(?::BIGINT[]), unnest(?::VARCHAR[]), "
                         "TRY_CAST(unnest(?::VARCHAR[]) AS DATE)",
                         [[b for b, _ in band_rows], [i for _, i in band_rows], band_days])
        # candidates: articles sharing MIN_BAND_HITS bands with one of the batch's, published
        # close enough in time to be linked (`story.close_in_time`, here in SQL, so that the
        # same text told again weeks later is not read back, however often it was). The
        # bands are read within the batch's days only (`window`, a filter on the table
        # itself, so DuckDB skips the row groups of other days by their min and max instead
        # of reading every band the store holds).
        window = self.con.execute(  # no row when one of them is undated: it may link to any day
            "SELECT min(day) - ?::INTEGER, max(day) + ?::INTEGER FROM (SELECT TRY_CAST(unnest(?::VARCHAR[]) AS DATE) "
            "AS day) HAVING count(*) = count(day)", [story.STORY_DAYS, story.STORY_DAYS, band_days]).fetchone()
        hits = self.con.execute(
            "SELECT q.article_id, b.article_id FROM story_bands b JOIN (SELECT unnest(?::BIGINT[]) AS band, "
            "unnest(?::VARCHAR[]) AS article_id, TRY_CAST(unnest(?::VARCHAR[]) AS DATE) AS published) q "
            "ON b.band = q.band WHERE b.article_id <> q.article_id AND (b.published IS NULL OR q.published IS NULL "
            "OR abs(b.published - q.published) <= ?) "
            + ("AND (b.published IS NULL OR b.published BETWEEN ? AND ?) " if window else "")
            + "GROUP BY q.article_id, b.article_id HAVING count(*) >= ?",
            [[b for b, _ in band_rows], [i for _, i in band_rows], band_days, story.STORY_DAYS, *(window or ()),
             story.MIN_BAND_HITS]).fetchall()
        others = sorted({other for _, other in hits} - set(prints))
        known = dict(prints)
        for article_id, published, terms, signature in self.con.execute(
                "SELECT article_id, strftime(published, '%Y-%m-%d'), terms, signature FROM stories "
                "WHERE list_contains(?, article_id)", [others]).fetchall():
            known[article_id] = story.StoryPrint(tuple(signature), published, terms)
        links: dict[str, dict[str, float]] = defaultdict(dict)
        pairs = {tuple(sorted(pair)) for pair in hits}
        for a, b in sorted(pairs):
            similarity = story.link(known[a], known[b])
            if similarity is not None:
                links[a][b] = links[b][a] = similarity
        found = [(a, b, links[a][b]) for a, b in sorted(pairs) if b in links.get(a, {})]
        if found:
            self.con.execute("INSERT INTO story_links SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                             "unnest(?::DOUBLE[])", [[f[0] for f in found], [f[1] for f in found], [f[2] for f in found]])
        return self._relabel(set(ids) | {x for f in found for x in f[:2]}, set(ids))

    def forget(self, article_ids: Sequence[str]) -> list["StoryChange"]:
        """Drop these articles' prints and links; the stories they held together may fall
        apart (or, without them, be one: `story.parts`). Returns the stories around them now."""
        ids = list(article_ids)
        self._walked_links, self._walked_labels = {}, {}  # the stories and links change below
        neighbours = {x for row in self.con.execute(_LINKS_OF.format(columns="a, b"), [ids, ids]).fetchall()
                      for x in row} - set(ids)
        for table, column in (("stories", "article_id"), ("story_bands", "article_id")):
            self.con.execute(f"DELETE FROM {table} WHERE list_contains(?, {column})", [ids])
        self.con.execute("DELETE FROM story_links WHERE list_contains(?, a)", [ids])
        self.con.execute("DELETE FROM story_links WHERE list_contains(?, b)", [ids])
        return self._relabel(neighbours, set())

    def linked(self, article_ids: Sequence[str]) -> dict[str, dict[str, float]]:
        """The stored story links of these articles, both ways."""
        ids = list(article_ids)
        out: dict[str, dict[str, float]] = defaultdict(dict)
        if all(i in self._walked_links for i in ids):  # the last walk read them all
            for a in ids:
                for b, similarity in self._walked_links[a].items():
                    out[a][b] = out[b][a] = similarity
            return out
        for a, b, similarity in self.con.execute(_LINKS_OF.format(columns="a, b, similarity"), [ids, ids]).fetchall():
            out[a][b] = out[b][a] = similarity
        return out

    def story_ids(self, article_ids: Sequence[str]) -> dict[str, str]:
        ids = list(article_ids)
        if all(i in self._walked_labels for i in ids):  # the last walk wrote them all
            return {i: self._walked_labels[i] for i in ids}
        return dict(self.con.execute("SELECT article_id, story_id FROM stories WHERE list_contains(?, article_id)",
                                     [ids]).fetchall())

    def _relabel(self, seeds: set[str], new: set[str]) -> list["StoryChange"]:
        """Give every article in the stories around `seeds` its story id again (the
        component is walked through the links, so its size, not the store's, is the cost);
        `new` are the batch's articles, whose earlier stories do not count as parts."""
        seen, frontier, edges = set(seeds), set(seeds), []
        walked: dict[str, dict[str, float]] = {}
        while frontier:
            rows = self.con.execute(_LINKS_OF.format(columns="a, b, similarity"), [sorted(frontier)] * 2).fetchall()
            edges.extend((a, b) for a, b, _ in rows)
            for a, b, similarity in rows:
                walked.setdefault(a, {})[b] = walked.setdefault(b, {})[a] = similarity
            frontier = {x for a, b, _ in rows for x in (a, b)} - seen
            seen |= frontier
        labels = story.components(seen, edges)
        self._walked_links, self._walked_labels = {}, {}  # the labels change below: read the ones before
        before = self.story_ids(sorted(seen))
        self.con.execute("UPDATE stories SET story_id = u.story FROM (SELECT unnest(?::VARCHAR[]) AS article, "
                         "unnest(?::VARCHAR[]) AS story) u WHERE stories.article_id = u.article "
                         "AND list_contains(?, stories.article_id)", [list(labels), list(labels.values()), list(labels)])
        # every link of every article seen was read above (each was in a frontier once)
        self._walked_links = {article_id: walked.get(article_id, {}) for article_id in seen}
        self._walked_labels = {article_id: labels[article_id] for article_id in seen if article_id in before}
        changes: dict[str, StoryChange] = {}
        for article_id, story_id in labels.items():
            change = changes.setdefault(story_id, StoryChange(story_id, set(), defaultdict(set)))
            change.articles.add(article_id)
            if article_id not in new and article_id in before:
                change.parts[before[article_id]].add(article_id)
        return [changes[key] for key in sorted(changes)]


@dataclass(frozen=True)
class StoryChange:
    """A story after a batch: its articles, and its stored articles by the story each was
    in before (two or more parts: the batch joined stories that were apart)."""

    story_id: str
    articles: set[str]
    parts: dict[str, set[str]]


# Members as the re-clustering reads them. By an indexed column (id, article_id, event_id)
# `list_contains(?, column)` is an index scan; by a column with no index (members' seq,
# member_edges' ends) it is a filter above a scan that reads every column selected of every
# row first, the JSON of every member or pair the store holds (at ten times the dated
# stream, 18 ms a call for 17,679 members against 2 ms). `column = ANY(?)` is a semi join
# instead, whose keys filter the scan: only the key column is read whole, the other
# columns of the rows found alone (the same rows, in the same order).
_MEMBER_SELECT = "SELECT seq, id, article_id, event_id, record, decision FROM members"
# The story links of some articles (the list twice), each end through its own index: an
# OR of the two filters would read the whole table. (A link is one row: the UNION only
# drops a link read from both ends.)
_LINKS_OF = ("SELECT {columns} FROM story_links WHERE list_contains(?, a) UNION "
             "SELECT {columns} FROM story_links WHERE list_contains(?, b)")


class Fuser:
    """Fuses the members of one write transaction; `touched` collects the events whose
    records must be rebuilt before it ends (`rebuild`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, knowledge: FusionKnowledge | None = None) -> None:
        self.con = con
        self.knowledge = knowledge or default_knowledge()
        self.stories = StoryIndex(con, self.knowledge)
        self.touched: set[str] = set()
        self._dirty: set[int] = set()  # members (by seq) whose events must be formed again
        self._clusters: dict[str, list[dict[str, Any]]] = {}  # event id -> member records, in order

    def _member(self, row: tuple[Any, ...]) -> "_Member":
        """The member of a `_MEMBER_SELECT` row, its JSON texts parsed once (`_parsed`)."""
        seq, id_, article_id, event_id, record, decision = row
        return _Member(int(seq), id_, article_id, event_id, _parsed(record), _parsed(decision))

    # -- joining ---------------------------------------------------------------------------
    def add_articles(self, articles: Sequence[tuple[str, Sequence[tuple[dict[str, Any], Sequence[tuple[Any, ...]]]]]],
                     prints: Mapping[str, story.StoryPrint] | None = None) -> None:
        """Store each member of each article with its evidence rows, score it against its
        candidates (the members of the articles of its story, and those in its block),
        keep the pairs that match, and form the events of its neighbourhood again. When
        the batch joins stories that were apart, their members are paired too, as they
        would have been had the joining article come first."""
        changes = self.stories.add([article_id for article_id, _ in articles], prints)
        story_of = {article_id: change.story_id for change in changes for article_id in change.articles}
        records = [(article_id, record) for article_id, members in articles for record, _ in members]
        seqs = [int(v) for (v,) in self.con.execute(
            "SELECT nextval('member_seq') FROM range(?) ORDER BY 1", [len(records)]).fetchall()] if records else []
        new = [_Member(seq, record["id"], article_id, record["id"], record, {})
               for seq, (article_id, record) in zip(seqs, records)]
        in_story: dict[str, list[_Member]] = defaultdict(list)  # story id -> stored members of its articles
        for row in self.con.execute(f"{_MEMBER_SELECT} WHERE list_contains(?, article_id)",
                                    [sorted(story_of)]).fetchall():
            member = self._member(row)
            in_story[story_of[member.article_id]].append(member)
        links = self.stories.linked(sorted(story_of))
        leads = _leads([*new, *(m for members in in_story.values() for m in members)], self.knowledge)
        candidates = self._candidates(new, story_of, in_story)
        edges: dict[tuple[int, int], fusion.Match] = {}
        kept = {}
        for member in new:
            scored = []
            for other in candidates.get(member.seq, ()):
                match = self._match(member, other, story_of, links, leads)
                if match is None:
                    continue
                scored.append((other, match))
                if match.passes():
                    edges[(min(member.seq, other.seq), max(member.seq, other.seq))] = match
            scored.sort(key=lambda pair: (-pair[1].score, pair[0].key()))
            kept[member.seq] = [{"event": other.event_id, "member": other.id, "article": other.article_id,
                                 **match.as_dict()} for other, match in scored[:KEPT_CANDIDATES]]
        self._restory(changes, story_of, in_story, links, leads, edges)
        if new:
            self._insert_members(new, kept)
            evidence = [(record["id"], *row, record["id"]) for _, members in articles for record, rows in members
                        for row in rows]  # under the member's own id until its event is formed
            insert(self.con, "evidence", evidence)
        self._write_edges(edges)
        self._dirty |= set(seqs)

    def _restory(self, changes: Sequence["StoryChange"], story_of: dict[str, str],
                 in_story: dict[str, list["_Member"]], links: dict[str, dict[str, float]],
                 leads: dict[tuple[str, str], bool], edges: dict[tuple[int, int], fusion.Match]) -> None:
        """Bring the stored pairs in line with the stories as they are now: the members of
        stories that were apart and are one now are paired, as they would have been had
        the joining article come first; the pairs that matched inside a story that is now
        two (`story.parts`) are scored again without it, and kept only where they would
        have been candidates anyway (one block, one id). New or changed pairs go to
        `edges`; their members are formed again."""
        was: dict[str, set[str]] = defaultdict(set)  # a story before -> the stories its articles are in now
        for change in changes:
            for previous in change.parts:
                was[previous].add(change.story_id)
            parts = [sorted(articles) for _, articles in sorted(change.parts.items())]
            for i, left in enumerate(parts):
                for right in parts[i + 1:]:
                    for x in (m for m in in_story[change.story_id] if m.article_id in left):
                        for y in (m for m in in_story[change.story_id] if m.article_id in right):
                            match = self._match(x, y, story_of, links, leads)
                            if match is not None and match.passes():
                                edges[(min(x.seq, y.seq), max(x.seq, y.seq))] = match
                                self._dirty |= {x.seq, y.seq}
        split = {previous for previous, now in was.items() if len(now) > 1}
        if not split:
            return
        parted = {article for change in changes for previous, articles in change.parts.items() if previous in split
                  for article in articles}
        members = {m.seq: m for found in in_story.values() for m in found if m.article_id in parted}
        seqs = sorted(members)
        stale = []
        for a, b, match in self.con.execute('SELECT a, b, "match" FROM member_edges WHERE a = ANY(?::BIGINT[]) '
                                            'AND b = ANY(?::BIGINT[])', [seqs, seqs]).fetchall():
            x, y = members[a], members[b]
            if story_of.get(x.article_id) == story_of.get(y.article_id) or "story" not in _parsed(match):
                continue
            stale.append((a, b))
            self._dirty |= {a, b}
            if x.id == y.id or _one_block(x.record, y.record):
                again = self._match(x, y, story_of, links, leads)
                if again is not None and again.passes():
                    edges[(min(a, b), max(a, b))] = again
        self._delete_edges(stale)

    def _write_edges(self, edges: dict[tuple[int, int], fusion.Match]) -> None:
        """Store these pairs, each in place of what was stored for it."""
        if not edges:
            return
        self._delete_edges(list(edges))
        self.con.execute(
            'INSERT INTO member_edges SELECT unnest(?::BIGINT[]), unnest(?::BIGINT[]), '
            'unnest(?::DOUBLE[]), unnest(?::VARCHAR[])::JSON',
            [[a for a, _ in edges], [b for _, b in edges], [m.score for m in edges.values()],
             [_json(m.as_dict()) for m in edges.values()]])

    def _delete_edges(self, pairs: Sequence[tuple[int, int]]) -> None:
        if not pairs:
            return
        ends = sorted({x for pair in pairs for x in pair})
        self.con.execute(
            "DELETE FROM member_edges USING (SELECT unnest(?::BIGINT[]) AS a, unnest(?::BIGINT[]) AS b) p "
            "WHERE list_contains(?, member_edges.a) AND ((member_edges.a = p.a AND member_edges.b = p.b) "
            "OR (member_edges.a = p.b AND member_edges.b = p.a))", [[a for a, _ in pairs], [b for _, b in pairs], ends])

    def _match(self, x: "_Member", y: "_Member", story_of: dict[str, str],
               links: dict[str, dict[str, float]], leads: dict[tuple[str, str], bool]) -> fusion.Match | None:
        """How two members of different articles match (None: one article's own events,
        which stay apart: it told them apart itself)."""
        if x.article_id == y.article_id:
            return None
        if x.id == y.id:
            return fusion.Match(1.0, ("same id",), ())
        first, second = sorted((x, y), key=_Member.key)
        return fusion.score(first.record, second.record, self._story(x, y, story_of, links, leads))

    def _story(self, x: "_Member", y: "_Member", story_of: dict[str, str], links: dict[str, dict[str, float]],
               leads: dict[tuple[str, str], bool]) -> fusion.Story | None:
        """The story two members' articles share: their own similarity when they are
        linked, the story threshold when only other articles of the story link them, and
        whether the two are the story's main event (`fusion.main_event`, from `_leads`);
        None if no story."""
        a, b = x.article_id, y.article_id
        if a not in story_of or story_of.get(a) != story_of.get(b):
            return None
        main = x.key() in leads and y.key() in leads and fusion.main_event(leads[x.key()], leads[y.key()],
                                                                             linked=b in links.get(a, {}))
        return fusion.Story(links.get(a, {}).get(b, story.STORY_THRESHOLD), self.knowledge, leads=main)

    def _candidates(self, new: Sequence["_Member"], story_of: dict[str, str],
                    in_story: dict[str, list["_Member"]]) -> dict[int, list["_Member"]]:
        """Each new member's candidates: the members of the other articles of its story,
        members in its block, and members with its id; stored ones come from one query
        each for the whole batch."""
        out: dict[int, dict[int, _Member]] = defaultdict(dict)
        by_story: dict[str, list[_Member]] = defaultdict(list)
        by_block: dict[tuple[str, str | None], list[_Member]] = defaultdict(list)
        for member in new:
            if member.article_id in story_of:
                by_story[story_of[member.article_id]].append(member)
            found = fusion.block(member.record)
            if found.place is not None:
                by_block[(found.root, found.place)].append(member)
        for member in new:
            story_id = story_of.get(member.article_id)
            if story_id is not None:
                for other in in_story.get(story_id, []) + by_story[story_id]:
                    out[member.seq][other.seq] = other
        # the block: same root and place, dates within the window or both undated
        blocks = [(member, fusion.block(member.record)) for member in new]
        queried = [(m, b) for m, b in blocks if b.place is not None]
        if queried:
            # the pairs by their keys alone (a join reads every row of the columns it selects),
            # then the matching members' records by seq (a filter: only their rows are read)
            pairs = self.con.execute(
                "SELECT q.seq, m.seq FROM members m JOIN ("
                "SELECT unnest(?::BIGINT[]) AS seq, unnest(?::VARCHAR[]) AS root, unnest(?::VARCHAR[]) AS place, "
                "TRY_CAST(unnest(?::VARCHAR[]) AS DATE) AS first_day, TRY_CAST(unnest(?::VARCHAR[]) AS DATE) "
                "AS last_day) q ON m.root = q.root AND m.place_key = q.place AND ((q.first_day IS NULL AND "
                'm."date" IS NULL) OR m."date" BETWEEN q.first_day AND q.last_day)',
                [[m.seq for m, _ in queried], [b.root for _, b in queried], [b.place for _, b in queried],
                 [b.first_day for _, b in queried], [b.last_day for _, b in queried]]).fetchall()
            found = {int(seq): self._member(row) for row in self.con.execute(
                f"{_MEMBER_SELECT} WHERE seq = ANY(?::BIGINT[])", [sorted({m for _, m in pairs})]).fetchall()
                for seq in (row[0],)} if pairs else {}
            for q_seq, m_seq in pairs:
                out[q_seq][m_seq] = found[m_seq]
        for member, found in queried:
            for other in by_block[(found.root, found.place)]:
                if other.seq != member.seq and _in_window(found, other.record):
                    out[member.seq][other.seq] = other
        # the same id: an article stored twice under two ids, or identical content
        ids = sorted({member.id for member in new})
        for row in self.con.execute(f"{_MEMBER_SELECT} WHERE list_contains(?, id)", [ids]).fetchall():
            other = self._member(row)
            for member in new:
                if member.id == other.id:
                    out[member.seq][other.seq] = other
        for member in new:
            for other in new:
                if other.id == member.id and other.seq != member.seq:
                    out[member.seq][other.seq] = other
        return {seq: sorted((o for o in found.values() if o.seq != seq), key=_Member.key)
                for seq, found in out.items()}

    def _insert_members(self, new: Sequence["_Member"], kept: dict[int, list[dict[str, Any]]]) -> None:
        rows = [(m.id, m.article_id, m.id, m.seq, _json(m.record),
                 _json({"rule": "founded", "event": m.id, "threshold": fusion.THRESHOLD, "candidates": kept[m.seq]}),
                 m.record["event_code"][:2], (m.record.get("date") or "")[:10] or None, fusion.place_key(m.record))
                for m in new]
        self.con.execute(
            'INSERT INTO members (id, article_id, event_id, seq, record, decision, root, "date", place_key) '
            "SELECT c0, c1, c2, c3, c4::JSON, c5::JSON, c6, TRY_CAST(c7 AS DATE), c8 FROM (SELECT "
            + ", ".join(f"unnest(?::{kind}[]) AS c{i}" for i, kind in enumerate(
                ("VARCHAR", "VARCHAR", "VARCHAR", "BIGINT", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR")))
            + ")", [list(column) for column in zip(*rows)])

    # -- forming events from the pairs that match -------------------------------------------
    def _form_events(self) -> None:
        """Form the events around the dirty members again: the dirty members, the members
        they match, and every member of the events those are in (so an event is either
        kept whole or formed anew). `clustering.cluster` decides; ids stay with the event
        most of whose members they named."""
        self_dirty, self._dirty = self._dirty, set()
        dirty = sorted(self_dirty)
        if not dirty:
            return
        neighbours = {x for row in self.con.execute(
            "SELECT a, b FROM member_edges WHERE a = ANY(?::BIGINT[]) UNION ALL "
            "SELECT a, b FROM member_edges WHERE b = ANY(?::BIGINT[])", [dirty, dirty]).fetchall() for x in row}
        events = sorted({event_id for (event_id,) in self.con.execute(
            "SELECT DISTINCT event_id FROM members WHERE seq = ANY(?::BIGINT[])",
            [sorted(neighbours | set(dirty))]).fetchall()})
        rows = self.con.execute(
            f"{_MEMBER_SELECT} WHERE list_contains(?, event_id) UNION {_MEMBER_SELECT} WHERE seq = ANY(?::BIGINT[])",
            [events, dirty]).fetchall()
        members = {m.seq: m for m in map(self._member, rows)}
        seqs = sorted(members)
        edge_rows = self.con.execute(
            'SELECT a, b, score, "match" FROM member_edges WHERE a = ANY(?::BIGINT[]) AND b = ANY(?::BIGINT[])',
            [seqs, seqs]).fetchall()
        matches = {(a, b): json.loads(match) for a, b, _, match in edge_rows}
        splits = {(member, other) for member, other in self.con.execute(
            "SELECT member, other FROM splits WHERE list_contains(?, member)",
            [sorted({m.id for m in members.values()})]).fetchall()}
        scope_articles = sorted({m.article_id for m in members.values()})
        links = self.stories.linked(scope_articles)
        story_of = self.stories.story_ids(scope_articles)
        leads = _leads([self._member(row) for row in self.con.execute(
            f"{_MEMBER_SELECT} WHERE list_contains(?, article_id)", [scope_articles]).fetchall()], self.knowledge)
        vetoes: dict[tuple[int, int], bool] = {}

        def apart(a: int, b: int) -> bool:
            x, y = members[a], members[b]
            if x.article_id == y.article_id or (x.id, y.id) in splits:
                return True
            if x.id == y.id:
                return False
            if (a, b) not in vetoes:
                first, second = sorted((x, y), key=_Member.key)
                story_ = self._story(x, y, story_of, links, leads)
                # inside a story, two members of one group may name different parties (one
                # report names the gunman, another his victims) as long as each joined the
                # group through a pair that agreed; outside one, actors that differ keep apart
                ruled_out = fusion.veto(first.record, second.record, story_, actors=story_ is None)
                vetoes[(a, b)] = vetoes[(b, a)] = ruled_out is not None
            return vetoes[(a, b)]

        # the story's main event is joined first, where each member is the other's best match
        best = _best_into_articles(edge_rows, members)
        ranked = [clustering.Edge(a, b, score + _main_event(a, b, score, matches, members, best))
                  for a, b, score, _ in edge_rows]
        groups = clustering.cluster(seqs, ranked, apart,
                                    order=lambda seq: members[seq].key())
        taken: set[str] = set()
        updates = []
        for group in sorted(groups, key=lambda g: min(g)):  # earliest-stored groups choose their id first
            event_id = self._event_id(group, members, taken)
            taken.add(event_id)
            founder = min(group)
            for seq in group:
                member = members[seq]
                decision = self._decision(seq, group, founder, event_id, members, matches)
                if seq in self_dirty:
                    self.touched.add(event_id)
                if member.event_id != event_id or member.decision != decision:
                    updates.append((seq, event_id, _json(decision), member.article_id, member.id, member.event_id))
                    self.touched |= {event_id, member.event_id}
        if updates:
            self.con.execute("UPDATE members SET event_id = u.event, decision = u.decision::JSON FROM ("
                             "SELECT unnest(?::BIGINT[]) AS seq, unnest(?::VARCHAR[]) AS event, "
                             "unnest(?::VARCHAR[]) AS decision) u WHERE members.seq = u.seq "
                             "AND members.seq = ANY(?::BIGINT[])",
                             [[u[0] for u in updates], [u[1] for u in updates], [u[2] for u in updates],
                              [u[0] for u in updates]])
            self.con.execute("UPDATE evidence SET event_id = u.event FROM (SELECT unnest(?::VARCHAR[]) AS event, "
                             "unnest(?::VARCHAR[]) AS article, unnest(?::VARCHAR[]) AS member) u "
                             "WHERE evidence.article_id = u.article AND evidence.member_id = u.member "
                             "AND list_contains(?, evidence.article_id)",
                             [[u[1] for u in updates], [u[3] for u in updates], [u[4] for u in updates],
                              sorted({u[3] for u in updates})])

    def _event_id(self, group: list[int], members: dict[int, "_Member"], taken: set[str]) -> str:
        """The id the event of `group` keeps: the stored event most of its members were in
        (ties to the earliest member's), unless an earlier group took it; else its
        earliest member's id."""
        votes = Counter(members[seq].event_id for seq in group)
        for event_id, _ in sorted(votes.items(), key=lambda item: (-item[1], min(
                seq for seq in group if members[seq].event_id == item[0]))):
            if event_id not in taken:
                return event_id
        return self._free_id(members[min(group)].id, taken, set(members))

    def _decision(self, seq: int, group: list[int], founder: int, event_id: str, members: dict[int, "_Member"],
                  matches: dict[tuple[int, int], dict[str, Any]]) -> dict[str, Any]:
        """Why `seq` is in its event: the best match it has with another member of it, or,
        for the earliest member, that it founded the event; with the candidates it was
        scored against when it arrived."""
        previous = members[seq].decision
        base = {"candidates": previous.get("candidates") or []}
        best = None
        for other in group:
            match = matches.get((min(seq, other), max(seq, other)))
            if other != seq and match is not None and (best is None or match["score"] > best[1]["score"]):
                best = (other, match)
        if seq == founder or best is None:
            if previous.get("rule") == "split by the user":
                return {**previous, "event": event_id}
            return {"rule": "founded", "event": event_id, "threshold": fusion.THRESHOLD, **base}
        other, match = best
        threshold = fusion.STORY_THRESHOLD if "story" in match else fusion.THRESHOLD
        return {"rule": "fused", "event": event_id, "with": members[other].id, "with_article": members[other].article_id,
                **match, "threshold": threshold, **base}



    def _load_clusters(self, event_ids: Iterable[str]) -> None:
        """Read the members of these events in one query (`_cluster` then finds them)."""
        wanted = sorted(set(event_ids) - set(self._clusters))
        if not wanted:
            return
        for event_id in wanted:
            self._clusters[event_id] = []
        for event_id, record in self.con.execute(
                "SELECT event_id, record FROM members WHERE list_contains(?, event_id) ORDER BY seq", [wanted]).fetchall():
            self._clusters[event_id].append(json.loads(record))
        for event_id in wanted:
            self._clusters[event_id].sort(key=_report_order)

    def _cluster(self, event_id: str) -> list[dict[str, Any]]:
        if event_id not in self._clusters:
            rows = self.con.execute("SELECT record FROM members WHERE event_id = ? ORDER BY seq", [event_id]).fetchall()
            self._clusters[event_id] = sorted((json.loads(record) for (record,) in rows), key=_report_order)
        return self._clusters[event_id]

    # -- forgetting and rebuilding ---------------------------------------------------------
    def forget(self, article_ids: list[str]) -> None:
        """Drop the members of these articles with their pairs and story links (their
        evidence goes with the articles); the events they were in are formed again."""
        gone = [seq for (seq,) in self.con.execute(
            "SELECT seq FROM members WHERE list_contains(?, article_id)", [article_ids]).fetchall()]
        had = {event_id for (event_id,) in self.con.execute(
            "SELECT DISTINCT event_id FROM members WHERE list_contains(?, article_id)", [article_ids]).fetchall()}
        self.con.execute("DELETE FROM member_edges WHERE list_contains(?, a)", [gone])
        self.con.execute("DELETE FROM member_edges WHERE list_contains(?, b)", [gone])
        self.con.execute("DELETE FROM members WHERE list_contains(?, article_id)", [article_ids])
        changes = self.stories.forget(article_ids)
        story_of = {article_id: change.story_id for change in changes for article_id in change.articles}
        if story_of:  # the stories around them may have fallen apart, or come together (`story.parts`)
            in_story: dict[str, list[_Member]] = defaultdict(list)
            for row in self.con.execute(f"{_MEMBER_SELECT} WHERE list_contains(?, article_id)",
                                        [sorted(story_of)]).fetchall():
                member = self._member(row)
                in_story[story_of[member.article_id]].append(member)
            leads = _leads([m for found in in_story.values() for m in found], self.knowledge)
            edges: dict[tuple[int, int], fusion.Match] = {}
            self._restory(changes, story_of, in_story, self.stories.linked(sorted(story_of)), leads, edges)
            self._write_edges(edges)
        self.touched |= had
        self._dirty |= {int(seq) for (seq,) in self.con.execute(
            "SELECT seq FROM members WHERE list_contains(?, event_id)", [sorted(had)]).fetchall()}
        self._clusters.clear()

    def rebuild(self) -> None:
        """Write the records of every touched event from its members and evidence; delete
        the ones left with no member; refresh the plan links they take part in."""
        self._form_events()
        if not self.touched:
            return
        touched = sorted(self.touched)
        self._load_clusters(touched)
        # an event left with no member is gone: its row goes with the DELETE below
        alive = {event_id: members for event_id in touched if (members := self._cluster(event_id))}
        evidence = self.evidence_lists(list(alive))
        records = {event_id: fusion.fuse(event_id, members, evidence.get(event_id, []))
                   for event_id, members in alive.items()}
        self.con.execute("DELETE FROM links WHERE list_contains(?, plan_id) OR list_contains(?, act_id)",
                         [touched, touched])
        linked = self._link(records)
        for event_id in linked - set(records):
            stored = self.con.execute("SELECT record FROM events WHERE id = ?", [event_id]).fetchone()
            if stored:
                records[event_id] = json.loads(stored[0])
        self._attach_links(records)
        self.con.execute("DELETE FROM events WHERE list_contains(?, id)", [sorted(set(touched) | set(records))])
        insert(self.con, "events", [event_row(record) for record in records.values()])
        self.touched.clear()
        self._clusters.clear()

    def _link(self, records: dict[str, dict[str, Any]]) -> set[str]:
        """Link each touched plan to the act that fulfils it, and each touched act to the
        plans it fulfils; returns the ids of the untouched events linked."""
        rows = []
        acts: list[tuple[str, dict[str, Any], str]] = []  # (act id, act, plan code it may fulfil)
        for event_id, record in records.items():
            plan_block = fusion.fulfilment_block(record)
            if plan_block is not None:
                for act_id, act in self._block_events(plan_block, records).items():
                    match = fusion.links(record, act)
                    if match.veto is None and act.get("modality") == "asserted":
                        rows.append((event_id, act_id, match.score))
            elif record.get("modality") == "asserted" and record.get("date"):
                acts.extend((event_id, record, code) for code, root in fusion.FULFILS.items()
                            if root == record["event_code"][:2])
        stored, new = self._plans(acts, records)
        for act_id, act, code in acts:
            for plan_id, plan in {**stored.get((code, act["date"][:10]), {}), **new.get(code, {})}.items():
                match = fusion.links(plan, act)
                if match.veto is None:
                    rows.append((plan_id, act_id, match.score))
        best: dict[str, tuple[str, str, float]] = {}
        for plan_id, act_id, score in rows:  # a plan is fulfilled once: by its best act
            if plan_id not in best or score > best[plan_id][2]:
                best[plan_id] = (plan_id, act_id, score)
        # a stored link of an untouched plan stands unless the new act fits it better
        unlinked: set[str] = set()
        for plan_id, act_id, score in self.con.execute(
                "SELECT plan_id, act_id, score FROM links WHERE list_contains(?, plan_id)", [sorted(best)]).fetchall():
            if plan_id not in best:
                continue
            if score >= best[plan_id][2]:
                del best[plan_id]
            else:
                unlinked.add(act_id)
                self.con.execute("DELETE FROM links WHERE plan_id = ? AND act_id = ?", [plan_id, act_id])
        if best:
            self.con.execute(
                "INSERT OR REPLACE INTO links SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DOUBLE[])",
                [[r[0] for r in best.values()], [r[1] for r in best.values()], [r[2] for r in best.values()]])
        return {x for r in best.values() for x in r[:2]} | unlinked

    def _block_events(self, found: fusion.Block, records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        rows = self.con.execute(_BLOCK_RECORDS, [found.root, found.first_day, found.last_day]).fetchall()
        out = {event_id: json.loads(record) for event_id, record in rows}
        out.update({event_id: r for event_id, r in records.items() if r["event_code"][:2] == found.root
                    and r.get("date") and found.first_day <= r["date"][:10] <= (found.last_day or "")})
        return out

    def _plans(self, acts: Sequence[tuple[str, dict[str, Any], str]], records: dict[str, dict[str, Any]]
               ) -> tuple[dict[tuple[str, str], dict[str, dict[str, Any]]], dict[str, dict[str, dict[str, Any]]]]:
        """The planned events these acts may fulfil: stored ones by (plan code, act day), in
        one query for all acts, and the touched ones by plan code."""
        stored: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
        keys = sorted({(code, act["date"][:10]) for _, act, code in acts})
        if keys:
            for code, day, event_id, record in self.con.execute(
                    "SELECT q.code, q.day, e.id, e.record FROM events e, (SELECT unnest(?::VARCHAR[]) AS code, "
                    "unnest(?::VARCHAR[]) AS day) q WHERE e.root = left(q.code, 2) AND e.event_code = q.code "
                    "AND e.modality = 'planned' AND e.\"date\" BETWEEN TRY_CAST(q.day AS DATE) - ? "
                    "AND TRY_CAST(q.day AS DATE)",
                    [[k[0] for k in keys], [k[1] for k in keys], fusion.FULFIL_WINDOW]).fetchall():
                stored[(code, day)][event_id] = json.loads(record)
        new: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for event_id, record in records.items():
            if record.get("modality") == "planned":
                new[record["event_code"]][event_id] = record
        return stored, new

    def _attach_links(self, records: dict[str, dict[str, Any]]) -> None:
        ids = sorted(records)
        for record in records.values():
            record["fulfilled_by"], record["fulfils"] = [], []
        for plan_id, act_id, score in self.con.execute(
                "SELECT plan_id, act_id, score FROM links WHERE list_contains(?, plan_id) OR list_contains(?, act_id) "
                "ORDER BY plan_id, act_id", [ids, ids]).fetchall():
            if plan_id in records:
                records[plan_id]["fulfilled_by"].append({"event": act_id, "score": round(score, 3)})
            if act_id in records:
                records[act_id]["fulfils"].append({"event": plan_id, "score": round(score, 3)})

    def evidence_lists(self, event_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """Each event's evidence as its record lists it: oldest report first, then by doc and offset."""
        lists: dict[str, list[dict[str, Any]]] = {}
        for event_id, doc_id, outlet, sentence, start, end, published, title, url in self.con.execute(
                _EVIDENCE_SELECT, [list(event_ids)]).fetchall():
            item = Evidence(doc_id=doc_id, outlet=outlet, sentence=sentence, start=start, end=end,
                            published=published, title=title, url=url)
            lists.setdefault(event_id, []).append(as_dict(item))
        return lists

    # -- undoing a merge ---------------------------------------------------------------------
    def split(self, event_id: str, member_ids: Sequence[str], now: Any) -> str:
        """Move `member_ids` out of `event_id` into an event of their own, and remember that
        they must never join the members left behind. Returns the id of the new event."""
        members = self._cluster(event_id)
        ids = [m["id"] for m in members]
        moving = [m for m in ids if m in set(member_ids)]
        staying = [m for m in ids if m not in set(member_ids)]
        if event_id in moving:  # the founder leaves: the others go, under the first's id
            moving, staying = staying, moving
        new_id = self._free_id(moving[0], set(), set())
        pairs = [(a, b) for a in moving for b in staying] + [(b, a) for a in moving for b in staying]
        self.con.execute(
            "INSERT OR REPLACE INTO splits SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), ?",
            [[p[0] for p in pairs], [p[1] for p in pairs], now])
        decision = _json({"rule": "split by the user", "event": new_id, "from": event_id})
        self.con.execute("UPDATE members SET event_id = ?, decision = ?::JSON WHERE event_id = ? AND list_contains(?, id)",
                         [new_id, decision, event_id, moving])
        self.con.execute("UPDATE evidence SET event_id = ? WHERE event_id = ? AND list_contains(?, member_id)",
                         [new_id, event_id, moving])
        self._clusters.clear()
        self.touched |= {event_id, new_id}
        return new_id

    def _free_id(self, wanted: str, taken: set[str], scope: set[int]) -> str:
        """`wanted`, or `wanted~2`, ...: an id no event outside `scope` (member seqs being
        formed again) holds and no group of this pass took."""
        candidate, n = wanted, 1
        while candidate in taken or self.con.execute(
                "SELECT 1 FROM members WHERE event_id = ? AND NOT list_contains(?, seq) "
                "UNION ALL SELECT 1 FROM events WHERE id = ? AND id NOT IN "
                "(SELECT event_id FROM members WHERE list_contains(?, seq))",
                [candidate, sorted(scope), candidate, sorted(scope)]).fetchone():
            n += 1
            candidate = f"{wanted}~{n}"
        return candidate


@dataclass(frozen=True)
class _Member:
    """A member as fusion handles it: its row's keys, record and decision."""

    seq: int
    id: str
    article_id: str
    event_id: str
    record: dict[str, Any]
    decision: dict[str, Any]

    def key(self) -> tuple[str, str]:
        """What orders members whatever order they came in."""
        return (self.article_id, self.id)


def _best_into_articles(edge_rows: Sequence[tuple[Any, ...]], members: dict[int, _Member]
                        ) -> dict[tuple[int, str], float]:
    """Each member's best score into each other article, from these edges."""
    best: dict[tuple[int, str], float] = defaultdict(float)
    for a, b, score, _ in edge_rows:
        for x, y in ((a, b), (b, a)):
            key = (x, members[y].article_id)
            best[key] = max(best[key], score)
    return best


def _main_event(a: int, b: int, score: float, matches: dict[tuple[int, int], dict[str, Any]],
                members: dict[int, _Member], best: dict[tuple[int, str], float]) -> int:
    """1 when the pair is the story's main event (`fusion.LEAD_SOFTER`) and each member's best
    match in the other's article, so that events are formed from it first; else 0. A
    member with a closer match in that article (the article's own account of the act,
    told after a lead the coder took from a side remark) keeps its order by score."""
    if fusion.LEAD_SOFTER not in (matches[(a, b)].get("softer") or ()):
        return 0
    return int(score >= best[(a, members[b].article_id)] and score >= best[(b, members[a].article_id)])


def _leads(members: Iterable[_Member], knowledge: FusionKnowledge) -> dict[tuple[str, str], bool]:
    """The keys of the members that are their article's first act of a kind, each with
    whether it leads the article (`fusion.first_acts`), from every member of each article
    (which `members` must hold)."""
    by_article: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for member in members:
        by_article[member.article_id][member.id] = member.record
    return {(article_id, member_id): lead for article_id, records in by_article.items()
            for member_id, lead in fusion.first_acts(records.values(), knowledge).items()}


def _one_block(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Whether `y` is in `x`'s block (`fusion.block`): a candidate outside any story."""
    found = fusion.block(x)
    return (found.place is not None and (found.root, found.place) == (y["event_code"][:2], fusion.place_key(y))
            and _in_window(found, y))


def _in_window(found: fusion.Block, record: dict[str, Any]) -> bool:
    day = (record.get("date") or "")[:10]
    if found.first_day is None or found.last_day is None:
        return not day
    return bool(day) and found.first_day <= day <= found.last_day


def _report_order(record: dict[str, Any]) -> tuple[str, str, str]:
    """The order a fused record takes its members in: oldest report first, then by article
    and id, so that the record does not depend on the order the reports arrived in."""
    evidence = record.get("evidence") or [{}]
    published = min((e.get("published") or "~") for e in evidence)
    doc = min((e.get("doc_id") or "") for e in evidence)
    return (published, doc, record["id"])
