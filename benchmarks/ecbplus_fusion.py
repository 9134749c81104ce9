"""Fusion against ECB+'s gold: do articles about one real event share events, and do
articles about different events not?

    .venv/bin/python benchmarks/ecbplus_fusion.py [--dated] [--db PATH] [--limit N] [--today DAY] [--topics LIST|auto]

Every document of ../shared/bench/ecbplus_docs.jsonl is ingested into one new store (a
temporary one, or `--db`, which must not exist yet or be empty: the time printed is that
of an ingest into an empty store). Two documents are *predicted* to report the same
event when at least one fused event has evidence from both; they *are* the same when
ECB+ puts them in one gold cluster. Printed: pairwise precision, recall and F1 over all
document pairs, for all documents and for the conflict-related topics; then the same
for stories (two documents in one story, `sitroom.story`), which is what the story step
alone achieves; and the ceiling of the event figure: the share of gold pairs whose two
documents both have an event at all.

ECB+ documents carry no publication dates. `--dated` gives each gold cluster a day (the
clusters spread over `DATED_SPAN_DAYS`, so that different clusters do not all share a
day) and each of its documents that day or one of the next `DATED_SPREAD_DAYS`, as a feed
would deliver reports of one event; the dates are drawn from a fixed seed.

`--save FILE` keeps the analyses (a pickle: keep it outside the repository, it holds
the corpus's text); `--analyses FILE` then writes those instead of analysing again, so
that a change to fusion is measured in seconds of writes, not minutes of parsing (the
time printed is then that of the writes alone). A dated run needs analyses saved from a
dated run: dates are resolved against the article's publication date.

Conflict-related topics are the fixed `CONFLICT_TOPICS`, chosen once from the data, not
by hand: a topic is one when most of its documents have at least one event in CAMEO roots
14 to 20 (protest, force, assault, fight, mass violence), the roots of the product's
conflict focus. `--topics auto` chooses them again from this run's events (and says how
the choice differs from the fixed one); a coder change moves that choice, and with it the
figure, with no change of fusion (at ccd0a3d it takes 24 and 35, an arrest of two
players, and drops 20: conflict F1 0.802 -> 0.787 undated). Each ECB+ topic holds two
gold clusters of look-alike events (two earthquakes, two shootings), which is what makes
precision hard.

The clock is pinned (`--today`, printed): the date stage reads it (a stated date after
it is suspect, a dateline without a year takes its year), and a run must give the same
figures on any day.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import pickle
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
from ecbplus_losses import print_losses  # beside this script

from sitroom.commands import ingest_articles
from sitroom.intake import read_articles
from sitroom.options import Options
from sitroom.parallel import analysts
from sitroom.records import Analysis, Article
from sitroom.store import Store

ECB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus_docs.jsonl"
CONFLICT_ROOTS = {str(root) for root in range(14, 21)}
CONFLICT_SHARE = 0.5  # a topic is conflict-related when more than this share of its documents has such an event
# The dated copy: clusters' days spread over eight weeks; a cluster's documents within two days of its day.
DATED_FIRST_DAY = dt.date(2024, 3, 4)
DATED_SPAN_DAYS = 56
DATED_SPREAD_DAYS = 2
DATED_SEED = 19
# The conflict-related topics, chosen by the rule above from the events of e4528bb (undated).
CONFLICT_TOPICS = ("3", "8", "12", "13", "16", "18", "19", "20", "21", "22", "26", "32", "33", "36", "37", "41", "45")
# The day the clock reads for every run (`Options.today`): after every date the texts state.
TODAY = dt.date(2026, 12, 1)


def load_docs(limit: int | None = None) -> list[dict[str, Any]]:
    docs = [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines() if line.strip()]
    return docs[:limit] if limit else docs


def dated_copy(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents with a `published` day each: their cluster's day plus 0 to 2 days."""
    rng = random.Random(DATED_SEED)
    clusters = sorted({d["gold_event_cluster"] for d in docs})
    day = {c: DATED_FIRST_DAY + dt.timedelta(days=rng.randrange(DATED_SPAN_DAYS)) for c in clusters}
    return [{**d, "published": (day[d["gold_event_cluster"]]
                                + dt.timedelta(days=rng.randrange(DATED_SPREAD_DAYS + 1))).isoformat()}
            for d in docs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="new store to build and keep (refused if it holds articles); "
                                                "default: a temporary one")
    parser.add_argument("--dated", action="store_true", help="give each gold cluster's documents dates "
                                                             "within two days of each other")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--save", type=Path, help="keep the analyses in this file (pickle)")
    parser.add_argument("--analyses", type=Path, help="write the analyses saved by an earlier --save "
                                                      "instead of analysing the documents again")
    parser.add_argument("--losses", action="store_true", help="also break down the gold pairs missed")
    parser.add_argument("--by-topic", action="store_true", help="also print the events' figures topic by topic")
    parser.add_argument("--topics", default=",".join(CONFLICT_TOPICS),
                        help="the conflict-related topics to report, comma-separated, or 'auto' to choose them "
                             "from this run's events (default: the fixed CONFLICT_TOPICS)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=TODAY,
                        help=f"the day the clock reads, YYYY-MM-DD (default {TODAY})")
    args = parser.parse_args()
    if not ECB.exists():
        print(f"{ECB}: not found; ../shared must be beside the repository", file=sys.stderr)
        return 1
    if args.db and args.db.exists():
        with Store.open(args.db, read_only=True) as store:
            held = store.stats()["articles"]
        if held:
            print(f"Error: {args.db} already holds {held} articles: an ingest into it would store nothing new "
                  "and time nothing; pass a new path, or delete the file", file=sys.stderr)
            return 2
    docs = load_docs(args.limit)
    if args.dated:
        docs = dated_copy(docs)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "ecb.jsonl"
        corpus.write_text("".join(json.dumps({"id": d["id"], "text": d["text"], "published": d.get("published")})
                                  + "\n" for d in docs), encoding="utf-8")
        db = args.db or Path(tmp) / "ecb.duckdb"
        started = time.perf_counter()
        with Store.open(db) as store:
            options = Options(db_path=db, today=args.today)
            with _analyse(options, args.analyses, args.save) as analyse:
                report = ingest_articles(read_articles([str(corpus)], options), options, store, analyse=analyse)
            seconds = time.perf_counter() - started
            events = store.events()
            stories = {a: story_id for story_id, articles in store.stories([d["id"] for d in docs]).items()
                       for a in articles}
        print(f"clock: {'that of the run that saved the analyses' if args.analyses else args.today}")
        print(f"{len(docs)} documents{' (dated copy)' if args.dated else ''}, {report.stored} stored, "
              f"{report.events} per-article events, {len(events)} fused events, {seconds:.1f} s "
              f"to {'write saved analyses' if args.analyses else 'ingest'} into an empty store")
        topics = None if args.topics == "auto" else args.topics.split(",")
        doc_events, conflict_docs = print_figures(docs, events, stories, topics)
        if args.by_topic:
            print_by_topic(docs, doc_events)
        if args.losses:
            with duckdb.connect(str(db), read_only=True) as con:
                for name, chosen in (("all topics", docs), ("conflict-related topics", conflict_docs)):
                    print_losses(con, name, chosen, doc_events)
    return 0


@contextlib.contextmanager
def _analyse(options: Options, saved: Path | None, save: Path | None
             ) -> Iterator[Callable[[Iterable[Article]], Iterator[Analysis]]]:
    """The analyses: read from `saved`, or made here (and kept in `save` at the end)."""
    if saved is not None:
        by_id: dict[str, Analysis] = {a.article.id: a for a in pickle.loads(saved.read_bytes())}

        def replay(articles: Iterable[Article]) -> Iterator[Analysis]:
            for article in articles:
                yield by_id[article.id]

        yield replay
        return
    made: list[Analysis] = []
    with analysts(options) as analysing:
        def keep(articles: Iterable[Article]) -> Iterator[Analysis]:
            for analysis in analysing(articles):
                made.append(analysis)
                yield analysis

        yield keep
    if save is not None:
        save.write_bytes(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))


def print_figures(docs: list[dict[str, Any]], events: list[dict[str, Any]], stories: dict[str, str],
                  topics: list[str] | None = None) -> tuple[dict[str, set[str]], list[dict[str, Any]]]:
    """Print the pairwise figures; returns each document's fused events and the documents
    of the conflict-related topics (`topics` when given, else those this run's events make
    conflict-related)."""
    doc_events: dict[str, set[str]] = defaultdict(set)
    doc_roots: dict[str, set[str]] = defaultdict(set)
    for event in events:
        for doc_id in event.get("articles") or ():
            doc_events[doc_id].add(event["id"])
            doc_roots[doc_id].add(event["event_code"][:2])
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        by_topic[str(doc["topic"])].append(doc)
    conflict = sorted(
        (t for t, members in by_topic.items()
         if (t in topics if topics is not None
             else sum(bool(doc_roots[d["id"]] & CONFLICT_ROOTS) for d in members) > CONFLICT_SHARE * len(members))),
        key=lambda t: int(t) if t.isdigit() else 0,
    )
    print(f"conflict-related topics ({len(conflict)}{', chosen from this run' if topics is None else ''}): "
          f"{', '.join(conflict)}")
    if topics is None and set(conflict) != set(CONFLICT_TOPICS):
        print(f"  against the fixed CONFLICT_TOPICS: taken {', '.join(sorted(set(conflict) - set(CONFLICT_TOPICS))) or '-'}"
              f"; left {', '.join(sorted(set(CONFLICT_TOPICS) - set(conflict))) or '-'}")
    print(f"{'set':<34}{'docs':>6}{'gold pairs':>12}{'predicted':>11}{'precision':>11}{'recall':>8}{'F1':>7}")
    sets = (("all topics", docs), ("conflict-related topics", [d for t in conflict for d in by_topic[t]]))
    for name, chosen in sets:
        _row(f"{name}: events", chosen, lambda a, b: bool(doc_events[a] & doc_events[b]))
    for name, chosen in sets:
        _row(f"{name}: stories", chosen, lambda a, b: a in stories and stories.get(a) == stories.get(b))
    for name, chosen in sets:
        _row(f"{name}: ceiling", chosen, lambda a, b: bool(doc_events[a]) and bool(doc_events[b]))
    return doc_events, sets[1][1]


def print_by_topic(docs: list[dict[str, Any]], doc_events: dict[str, set[str]]) -> None:
    """Events' pairwise figures for each topic (where a change of the coder or of fusion
    won or lost its pairs)."""
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        by_topic[str(doc["topic"])].append(doc)
    print(f"{'topic':<34}{'docs':>6}{'gold pairs':>12}{'predicted':>11}{'precision':>11}{'recall':>8}{'F1':>7}")
    for topic in sorted(by_topic, key=lambda t: int(t) if t.isdigit() else 0):
        _row(f"topic {topic}: events", by_topic[topic], lambda a, b: bool(doc_events[a] & doc_events[b]))


def _row(name: str, docs: list[dict[str, Any]], same: Callable[[str, str], bool]) -> None:
    true_pos = gold = predicted = 0
    for a, b in itertools.combinations(docs, 2):
        same_gold = a["gold_event_cluster"] == b["gold_event_cluster"]
        same_pred = same(a["id"], b["id"])
        gold += same_gold
        predicted += same_pred
        true_pos += same_gold and same_pred
    precision = true_pos / predicted if predicted else 0.0
    recall = true_pos / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{name:<34}{len(docs):>6}{gold:>12}{predicted:>11}{precision:>11.3f}{recall:>8.3f}{f1:>7.3f}")


if __name__ == "__main__":
    sys.exit(main())
