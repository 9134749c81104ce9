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


def losses(con: duckdb.DuckDBPyConnection, docs: list[dict[str, Any]], doc_events: dict[str, set[str]]
           ) -> Counter[str]:
    """The missed gold pairs of `docs` by cause (see the module's docstring)."""
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
            causes["same story, matched but kept apart"] += 1
        elif best_low is not None:
            causes["same story, below threshold: " + (", ".join(best_low[1]) or "no field under 0.3")] += 1
        else:
            causes[f"same story, vetoed: {best_veto[1] if best_veto else '?'}"] += 1
    return causes


def _nearness(first: dict[str, Any], second: dict[str, Any]) -> float:
    """How near a vetoed pair came (its sentences' shared words, one root), so that the
    veto counted is that of the nearest miss."""
    parts = [fusion.words_agreement(fusion.sentences(first), fusion.sentences(second)),
             1.0 if first["event_code"][:2] == second["event_code"][:2] else 0.0]
    return sum(parts)


def print_losses(con: duckdb.DuckDBPyConnection, name: str, docs: list[dict[str, Any]],
                 doc_events: dict[str, set[str]]) -> None:
    causes = losses(con, docs, doc_events)
    total = sum(causes.values())
    print(f"{name}: {total} gold pairs missed")
    for cause, count in sorted(causes.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {cause:<70}{count:>6}")
