"""Where fusion's recall goes on ECB+: each gold pair that shares no fused event, put in
the first of these that holds (`ecbplus_fusion.py --losses` prints it):

- *no event*: one document (or both) has no coded event at all: the coder's ceiling,
  no fusion can join them;
- *different stories*: both have events, but their articles are in different stories
  (or one is in none), and no block brought their events together;
- *same story, vetoed*: every pair of their events (one from each) is vetoed, counted by
  the veto of the pair that scores best once the veto is set aside;
- *same story, below threshold*: some pair is not vetoed but none reaches the story
  threshold, counted by the fields the best pair disagrees on (agreement under 0.3);
- *same story, kept apart*: some pair of their events matches, but forming the events
  kept the two groups apart (one article's own events, or a veto between other members).

The same pairs are also put in classes by their events' CAMEO roots (`root_classes`):
no event in one document; events in both but no root in common (of one family inside a
story, or not); a root in common but no shared event (different stories, or in one story
vetoed, below the threshold, or kept apart). The wrong pairs (two documents that share a
fused event and are of different gold events, `wrong_pairs`) are put in classes by where
the other event is (the look-alike of the same topic, or another topic), whether the two
articles are in one story, and the shared event's root.

Read from the store the benchmark built (`members`, `stories`, `story_links`), scored
again with `sitroom.fusion.score`: a pure read, the store is not changed.
"""
from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from typing import Any

import duckdb

from sitroom import fusion, story
from sitroom.knowledge.fusion_rules import default_knowledge


def losses(con: duckdb.DuckDBPyConnection, docs: list[dict[str, Any]], doc_events: dict[str, set[str]],
           each: dict[tuple[str, str], str] | None = None) -> Counter[str]:
    """The missed gold pairs of `docs` by cause (see the module's docstring); `each`, when
    given, gets each pair's cause."""
    knowledge = default_knowledge()
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article_id, record in con.execute("SELECT article_id, record FROM members").fetchall():
        members[article_id].append(json.loads(record))
    story_of = dict(con.execute("SELECT article_id, story_id FROM stories").fetchall())
    similarity = {}
    for a, b, value in con.execute("SELECT a, b, similarity FROM story_links").fetchall():
        similarity[(a, b)] = similarity[(b, a)] = value
    leads = {article_id: fusion.first_acts(records, knowledge) for article_id, records in members.items()}
    causes: Counter[str] = Counter()
    for x, y in itertools.combinations(docs, 2):
        a, b = x["id"], y["id"]
        if x["gold_event_cluster"] != y["gold_event_cluster"] or doc_events[a] & doc_events[b]:
            continue
        if not members[a] or not members[b]:
            causes["no event (coder)"] += 1
            continue
        if a not in story_of or story_of.get(a) != story_of.get(b):
            causes["different stories"] += 1
            if each is not None:
                each[(a, b)] = "different stories"
            continue
        shared = fusion.Story(similarity.get((a, b), story.STORY_THRESHOLD), knowledge)
        led = fusion.Story(shared.similarity, knowledge, leads=True)
        best_veto: tuple[float, str] | None = None
        best_low: tuple[float, tuple[str, ...]] | None = None
        matched = False
        for m, n in itertools.product(members[a], members[b]):
            first, second = (m, n) if (a, m["id"]) <= (b, n["id"]) else (n, m)
            both = m["id"] in leads[a] and n["id"] in leads[b] and (leads[a][m["id"]] or leads[b][n["id"]])
            match = fusion.score(first, second, led if both else shared)
            if match.passes():
                matched = True
                break
            if match.veto is not None:
                loose = _nearness(first, second)
                if best_veto is None or loose > best_veto[0]:
                    best_veto = (loose, match.veto)
            elif best_low is None or match.score > best_low[0]:
                best_low = (match.score, match.differed)
        if matched:
            cause = "same story, matched but kept apart"
        elif best_low is not None:
            cause = "same story, below threshold: " + (", ".join(best_low[1]) or "no field under 0.3")
        else:
            cause = f"same story, vetoed: {best_veto[1] if best_veto else '?'}"
        causes[cause] += 1
        if each is not None:
            each[(a, b)] = cause
    return causes


def root_classes(con: duckdb.DuckDBPyConnection, docs: list[dict[str, Any]], doc_events: dict[str, set[str]]
                 ) -> Counter[str]:
    """The missed gold pairs of `docs` by their events' roots (see the module's docstring)."""
    knowledge = default_knowledge()
    roots: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, set[str]] = defaultdict(set)
    for article_id, record in con.execute("SELECT article_id, record FROM members").fetchall():
        code = json.loads(record)["event_code"]
        roots[article_id].add(code[:2])
        codes[article_id].add(code)
    by_cause = {pair: cause for pair, cause in _causes(con, docs, doc_events).items()}
    classes: Counter[str] = Counter()
    for x, y in itertools.combinations(docs, 2):
        a, b = x["id"], y["id"]
        if x["gold_event_cluster"] != y["gold_event_cluster"] or doc_events[a] & doc_events[b]:
            continue
        if not roots[a] or not roots[b]:
            classes["no event in one document"] += 1
        elif not roots[a] & roots[b]:
            family = any(knowledge.family(m) is not None and knowledge.family(m) == knowledge.family(n)
                         for m in codes[a] for n in codes[b])
            classes["events in both, no root in common" + (" (codes of one family)" if family else "")] += 1
        else:
            classes["a root in common: " + by_cause[(a, b)]] += 1
    return classes


def wrong_pairs(con: duckdb.DuckDBPyConnection, docs: list[dict[str, Any]], doc_events: dict[str, set[str]]
                ) -> Counter[str]:
    """The predicted pairs of `docs` that are of different gold events, by class (see the
    module's docstring)."""
    story_of = dict(con.execute("SELECT article_id, story_id FROM stories").fetchall())
    root_of = {event_id: code[:2] for event_id, code in con.execute("SELECT id, event_code FROM events").fetchall()}
    classes: Counter[str] = Counter()
    for x, y in itertools.combinations(docs, 2):
        a, b = x["id"], y["id"]
        shared = doc_events[a] & doc_events[b]
        if x["gold_event_cluster"] == y["gold_event_cluster"] or not shared:
            continue
        where = "look-alike of the same topic" if x["topic"] == y["topic"] else "another topic"
        story_part = "one story" if a in story_of and story_of.get(a) == story_of.get(b) else "different stories"
        classes[f"{where}, {story_part}, root {min(root_of.get(e, '?') for e in shared)}"] += 1
    return classes


def _causes(con: duckdb.DuckDBPyConnection, docs: list[dict[str, Any]], doc_events: dict[str, set[str]]
            ) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    losses(con, docs, doc_events, found)
    return found


def _nearness(first: dict[str, Any], second: dict[str, Any]) -> float:
    """How near a vetoed pair came (its sentences' shared words, one root), so that the
    veto counted is that of the nearest miss."""
    parts = [fusion.words_agreement(fusion.sentences(first), fusion.sentences(second)),
             1.0 if first["event_code"][:2] == second["event_code"][:2] else 0.0]
    return sum(parts)


def print_losses(con: duckdb.DuckDBPyConnection, name: str, docs: list[dict[str, Any]],
                 doc_events: dict[str, set[str]]) -> None:
    for title, counted in (("gold pairs missed", losses(con, docs, doc_events)),
                           ("gold pairs missed, by their events' roots", root_classes(con, docs, doc_events)),
                           ("wrong pairs", wrong_pairs(con, docs, doc_events))):
        print(f"{name}: {sum(counted.values())} {title}")
        for cause, count in sorted(counted.items(), key=lambda item: (-item[1], item[0])):
            print(f"  {cause:<78}{count:>6}")
