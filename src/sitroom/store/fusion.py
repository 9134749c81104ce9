"""The store's side of fusion: finding candidates with blocking queries, recording which
member joined which event and why, rebuilding fused records, splits and plan links.

Everything here runs inside the store's write transaction (`Store._write`, `Store.split`),
on its connection; the decisions themselves are `sitroom.fusion`'s. The cost of a batch
is its members times their blocks: each article's candidates come from one query that
joins its block keys against the events' (root, date) index.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from .. import fusion
from ..records import Evidence, as_dict
from .rows import event_row, insert

_EVIDENCE_SELECT = (
    'SELECT event_id, doc_id, outlet, sentence, start, "end", published, title, url FROM evidence '
    'WHERE list_contains(?, event_id) ORDER BY event_id, published NULLS LAST, doc_id, start, "end"'
)
# The events in a set of blocks: same root, and a date in the window (dated blocks) or no
# date and a shared country (undated ones).
_IN_BLOCKS = """
    FROM events, (
        SELECT unnest(?::VARCHAR[]) AS root, TRY_CAST(unnest(?::VARCHAR[]) AS DATE) AS first_day,
               TRY_CAST(unnest(?::VARCHAR[]) AS DATE) AS last_day, unnest(?::VARCHAR[]) AS q_country
    ) AS q
    WHERE events.root = q.root AND (
        (q.first_day IS NOT NULL AND events."date" BETWEEN q.first_day AND q.last_day)
        OR (q.first_day IS NULL AND events."date" IS NULL
            AND q.q_country IN (events.country, events.source_country, events.target_country)))
"""
# Candidates as the columns `fusion.quick_veto` and the block index need, not whole
# records: most candidates in a block are ruled out on these without reading their members.
_CANDIDATES = ("SELECT DISTINCT events.id, event_code, strftime(\"date\", '%Y-%m-%d'), source_code, source_name, "
               "source_country, target_code, target_name, target_country, events.country, modality, historical"
               + _IN_BLOCKS)
_BLOCK_RECORDS = "SELECT DISTINCT events.id, events.record" + _IN_BLOCKS
# How many rejected or weaker candidates a member's decision keeps, for `sitroom why`.
KEPT_CANDIDATES = 3


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _actor(code: str | None, name: str | None, country: str | None) -> dict[str, Any] | None:
    return {"code": code, "name": name, "country": country} if code or name else None


class BlockIndex:
    """Events by block key, so that a member's block is found by looking up its keys (a
    dated block: its root and each day of its window; an undated one: its root and each
    country) rather than by testing every event of the batch."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str | None, str | None], set[str]] = defaultdict(set)

    def add(self, event_id: str, event: dict[str, Any]) -> None:
        root = event["event_code"][:2]
        day = (event.get("date") or "")[:10]
        if day:
            self._keys[(root, day, None)].add(event_id)
        else:
            for country in fusion.countries(event):
                self._keys[(root, None, country)].add(event_id)

    def find(self, found: fusion.Block) -> set[str]:
        out: set[str] = set()
        if found.first_day is not None and found.last_day is not None:
            day, last = dt.date.fromisoformat(found.first_day), dt.date.fromisoformat(found.last_day)
            while day <= last:
                out |= self._keys.get((found.root, day.isoformat(), None), set())
                day += dt.timedelta(days=1)
        else:
            for country in found.countries:
                out |= self._keys.get((found.root, None, country), set())
        return out


class Fuser:
    """Fuses the members of one write transaction; `touched` collects the events whose
    records must be rebuilt before it ends (`rebuild`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.touched: set[str] = set()
        self._clusters: dict[str, list[dict[str, Any]]] = {}  # event id -> member records, in order
        self._fused: dict[str, dict[str, Any]] = {}  # event id -> its record from `_clusters`, while unchanged
        self._founded = BlockIndex()  # events founded in this transaction, by their founder's block

    # -- joining ---------------------------------------------------------------------------
    def add_articles(self, articles: Sequence[tuple[str, Sequence[tuple[dict[str, Any], Sequence[tuple[Any, ...]]]]]]) -> None:
        """Place each member of each article (in order) in an event (an existing one it
        matches, or a new one named after it) and store it with its evidence rows. The
        look-ups are one query each for the whole batch."""
        records = [record for _, members in articles for record, _ in members]
        if not records:
            return
        ids = [record["id"] for record in records]
        forbidden = self._forbidden(ids)
        candidates = self._candidates(records)
        stored = BlockIndex()
        for candidate_id, candidate in candidates.items():
            stored.add(candidate_id, candidate)
        same_id = {event_id for (event_id,) in self.con.execute(
            "SELECT id FROM events WHERE list_contains(?, id)", [ids]).fetchall()}
        # read the members only of candidates that some member of the batch may match
        possible = [{candidate_id for candidate_id in stored.find(fusion.block(record))
                     if fusion.quick_veto(record, candidates[candidate_id]) is None} for record in records]
        self._load_clusters(set().union(*possible) | same_id)
        seqs = [int(v) for (v,) in self.con.execute(
            "SELECT nextval('member_seq') FROM range(?) ORDER BY 1", [len(records)]).fetchall()]
        rows, evidence = [], []
        for article_id, members in articles:
            taken: set[str] = set()  # one article's events stay apart: it told them apart itself
            for record, evidence_rows in members:
                event_id, decision = self._place(record, possible[len(rows)], same_id,
                                                 forbidden.get(record["id"], set()), taken)
                taken.add(event_id)
                if decision["rule"] == "founded":
                    self._founded.add(event_id, record)
                    self._clusters.setdefault(event_id, [])
                self._cluster(event_id).append(record)
                self._fused.pop(event_id, None)
                self.touched.add(event_id)
                rows.append((record["id"], article_id, event_id, seqs[len(rows)], _json(record), _json(decision)))
                evidence.extend((event_id, *row, record["id"]) for row in evidence_rows)
        insert(self.con, "members", rows)
        insert(self.con, "evidence", evidence)

    def _place(self, record: dict[str, Any], possible: set[str], same_id: set[str], forbidden: set[str],
               taken: set[str]) -> tuple[str, dict[str, Any]]:
        """The event this member joins and the decision, from `possible` (the stored
        candidates in its block that `fusion.quick_veto` does not rule out) and the events
        founded earlier in this transaction."""
        event_id = record["id"]
        if event_id in same_id or event_id in self._clusters:
            return event_id, {"rule": "same id", "event": event_id}
        scored = []
        found = fusion.block(record)
        # stored candidates in the member's block, and events founded earlier in this
        # transaction (the events table holds those only once `rebuild` runs)
        for candidate_id in sorted(possible | self._founded.find(found)):
            if candidate_id in taken:
                continue
            members = self._cluster(candidate_id)
            if forbidden & {m["id"] for m in members}:
                scored.append((candidate_id, fusion.Match(0.0, (), (), "split by the user")))
                continue
            if candidate_id not in self._fused:  # scored by many members of a batch: fuse it once
                self._fused[candidate_id] = fusion.fuse(
                    candidate_id, members, [e for m in members for e in m.get("evidence") or ()])
            scored.append((candidate_id, fusion.score(record, self._fused[candidate_id])))
        scored.sort(key=lambda pair: (-pair[1].score, pair[0]))
        kept = [{"event": cid, **match.as_dict()} for cid, match in scored[:KEPT_CANDIDATES]]
        if scored and scored[0][1].veto is None and scored[0][1].score >= fusion.THRESHOLD:
            best_id, best = scored[0]
            return best_id, {"rule": "fused", "event": best_id, **best.as_dict(), "threshold": fusion.THRESHOLD,
                             "candidates": kept}
        return event_id, {"rule": "founded", "event": event_id, "threshold": fusion.THRESHOLD, "candidates": kept}

    def _candidates(self, records: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The stored events in the batch's blocks, as partial records (see `_CANDIDATES`)."""
        roots, firsts, lasts, countries = [], [], [], []
        for record in records:
            found = fusion.block(record)
            for country in found.countries or (None,):
                roots.append(found.root)
                firsts.append(found.first_day)
                lasts.append(found.last_day)
                countries.append(country)
        out = {}
        for (event_id, code, day, source_code, source_name, source_country, target_code, target_name, target_country,
             country, modality, historical) in self.con.execute(_CANDIDATES, [roots, firsts, lasts, countries]).fetchall():
            out[event_id] = {
                "id": event_id, "event_code": code, "date": day, "modality": modality, "historical": historical,
                "source_actor": _actor(source_code, source_name, source_country),
                "target_actor": _actor(target_code, target_name, target_country),
                "location": {"country": country} if country else None,
            }
        return out

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

    def _cluster(self, event_id: str) -> list[dict[str, Any]]:
        if event_id not in self._clusters:
            rows = self.con.execute("SELECT record FROM members WHERE event_id = ? ORDER BY seq", [event_id]).fetchall()
            self._clusters[event_id] = [json.loads(record) for (record,) in rows]
        return self._clusters[event_id]

    def _forbidden(self, member_ids: list[str]) -> dict[str, set[str]]:
        forbidden: dict[str, set[str]] = {}
        for member, other in self.con.execute(
                "SELECT member, other FROM splits WHERE list_contains(?, member)", [member_ids]).fetchall():
            forbidden.setdefault(member, set()).add(other)
        return forbidden

    # -- forgetting and rebuilding ---------------------------------------------------------
    def forget(self, article_ids: list[str]) -> None:
        """Drop the members of these articles (their evidence goes with the articles)."""
        had = {event_id for (event_id,) in self.con.execute(
            "SELECT DISTINCT event_id FROM members WHERE list_contains(?, article_id)", [article_ids]).fetchall()}
        self.con.execute("DELETE FROM members WHERE list_contains(?, article_id)", [article_ids])
        self.touched |= had
        for event_id in had:
            self._clusters.pop(event_id, None)
            self._fused.pop(event_id, None)

    def rebuild(self) -> None:
        """Write the records of every touched event from its members and evidence; delete
        the ones left with no member; refresh the plan links they take part in."""
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
        self._fused.clear()
        self._founded = BlockIndex()

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
        rows = self.con.execute(_BLOCK_RECORDS, [[found.root], [found.first_day], [found.last_day], [None]]).fetchall()
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
        new_id = self._free_id(moving[0])
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
        self._fused.clear()
        self.touched |= {event_id, new_id}
        return new_id

    def _free_id(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while self.con.execute("SELECT 1 FROM events WHERE id = ? UNION ALL SELECT 1 FROM members WHERE event_id = ?",
                               [candidate, candidate]).fetchone():
            n += 1
            candidate = f"{wanted}~{n}"
        return candidate
