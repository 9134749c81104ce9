"""Where sitroom's time goes, stage by stage, on one process.

    .venv/bin/python benchmarks/profile_stages.py [CORPUS] [--limit N] [--dated] [--pyinstrument] [--save FILE]
    .venv/bin/python benchmarks/profile_stages.py --writes-only FILE

Reads CORPUS (default: ../shared/bench/ecbplus_docs.jsonl), then times, over the same
documents: intake (reading and cleaning), each spaCy component, each of sitroom's
stages (actors, places, dates, numbers, events), building the `Analysis` records, the
story step's prints (which an ingest's workers make beside the analysis) and the store
writes (batches of `commands.INGEST_BATCH`, `commands.BATCHES_PER_OPEN` batches per
store open, into a temporary store, as `sitroom ingest` writes, the prints given). The spaCy
components run batch by batch exactly as `Analyzer.analyze_many`'s `nlp.pipe` chains them
(the tok2vec and the NER in the batches of `pipeline.component_config`), so their sum is the parse time.
`--dated` profiles the dated feed of `sitroom bench` (the documents spread over a few
days, the reports of one story within a day or two) instead of the corpus as it is.

All times are processor seconds of this process (`time.process_time`), which the
other work on a shared machine disturbs far less than the wall clock.

The writes are then broken down, analysis apart: the store's own work (preparing rows,
inserts, commits, opening the file) and fusion's (the candidate query, reading the
candidates' members, scoring, fusing, rebuilding records, plan links), each with its
number of calls. Times there are inclusive: a step's time holds the steps indented
under it. `--pyinstrument` also prints the hottest call paths inside sitroom's stages.
`--save FILE` keeps the analyses; `--writes-only FILE` then profiles the writes of those
analyses alone, without parsing again (the analyses hold the corpus's text: keep the
file outside the repository, in /tmp for instance).
"""
from __future__ import annotations

import argparse
import functools
import itertools
import pickle
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from sitroom import fusion
from sitroom.bench import dated_feed, stories
from sitroom.commands import BATCHES_PER_OPEN, INGEST_BATCH
from sitroom.errors import InputError
from sitroom.intake import read_articles
from sitroom.options import Options
from sitroom.pipeline import PIPE_BATCH, Analyzer, _sentences, component_config, with_publication_date
from sitroom.prepare import parse_text
from sitroom.records import Analysis, Article
from sitroom.store import Store, database, story_print
from sitroom.store import fusion as store_fusion
from sitroom.store.fusion import Fuser, StoryIndex

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus_docs.jsonl"


def read(corpus: Path, limit: int | None, options: Options) -> list[Article]:
    articles = []
    for item in itertools.islice(read_articles([str(corpus)], options), limit):
        if isinstance(item, InputError):
            raise SystemExit(f"Error: {item}")
        articles.append(item)
    return articles


def profile(articles: list[Article], analyzer: Analyzer, timings: dict[str, float]) -> list[Analysis]:
    """Run the pipeline by hand, timing every component and stage."""
    nlp = analyzer.nlp
    analyses: list[Analysis] = []
    for start in range(0, len(articles), PIPE_BATCH):
        batch = [with_publication_date(a) for a in articles[start:start + PIPE_BATCH]]
        began = time.process_time()
        texts = [parse_text(a, analyzer.recaser) for a in batch]
        docs = [nlp.make_doc(text) for text in texts]
        timings["spacy: tokenizer"] += time.process_time() - began
        config = component_config(texts)
        for name, component in nlp.pipeline:
            began = time.process_time()
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, **{"batch_size": PIPE_BATCH, **config.get(name, {})}))
            else:
                docs = [component(doc) for doc in docs]
            timings[f"spacy: {name}"] += time.process_time() - began
        for doc, article in zip(docs, batch):
            doc._.article = article
            for stage in analyzer.stages:
                began = time.process_time()
                doc = stage(doc)
                timings[f"sitroom: {stage.name}"] += time.process_time() - began
            began = time.process_time()
            analyses.append(_records(doc, article))
            timings["sitroom: records"] += time.process_time() - began
    return analyses


def _records(doc: Doc, article: Article) -> Analysis:
    """What `Analyzer._finish` builds once the stages have run."""
    return Analysis(
        article=article, sentences=tuple(_sentences(doc, article)), actors=tuple(doc._.actors or ()),
        places=tuple(doc._.places or ()), dates=tuple(doc._.dates or ()), numbers=tuple(doc._.numbers or ()),
        events=tuple(doc._.events or ()),
    )


class StepTimers:
    """Inclusive time and calls of functions and methods, by wrapping them in place."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self.order: list[str] = []
        self._undo: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, attribute: str, label: str) -> None:
        original = getattr(owner, attribute)
        self.order.append(label)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.process_time() - began
                self.calls[label] += 1

        self._undo.append((owner, attribute, original))
        setattr(owner, attribute, timed)

    def add(self, label: str, seconds: float) -> None:
        if label not in self.order:
            self.order.append(label)
        self.seconds[label] += seconds
        self.calls[label] += 1

    def restore(self) -> None:
        for owner, attribute, original in reversed(self._undo):
            setattr(owner, attribute, original)
        self._undo.clear()


# (owner, attribute, label): the steps of a write, indented under the step that calls them
WRITE_STEPS: tuple[tuple[Any, str, str], ...] = (
    (Store, "add_articles", "store: add_articles"),
    (database, "_prepare", "  store: prepare rows (per article)"),
    (Store, "_write", "  store: write (in the transaction)"),
    (database, "insert", "    store: insert articles, sentences"),
    (Store, "_forget", "    store: forget changed articles"),
    (Fuser, "add_articles", "    fusion: place members"),
    (StoryIndex, "add", "      fusion: story step (prints, bands, links)"),
    (Fuser, "_candidates", "      fusion: candidates (story and block)"),
    (Fuser, "_match", "      fusion: score a pair"),
    (fusion, "score", "        fusion.score (per pair)"),
    (Fuser, "_insert_members", "      fusion: insert members"),
    (store_fusion, "insert", "      fusion: insert evidence, events"),
    (Fuser, "_form_events", "      fusion: form events (clustering)"),
    (Fuser, "rebuild", "    fusion: rebuild touched events"),
    (Fuser, "evidence_lists", "      fusion: read evidence"),
    (fusion, "fuse", "      fusion.fuse (per event, placing included)"),
    (Fuser, "_link", "      fusion: plan links"),
)


def store_writes(analyses: list[Analysis], timings: dict[str, float]) -> StepTimers:
    """Write `analyses` as `sitroom ingest` does, timing each step of the writes."""
    steps = StepTimers()
    for owner, attribute, label in WRITE_STEPS:
        steps.wrap(owner, attribute, label)
    per_open = INGEST_BATCH * BATCHES_PER_OPEN
    began = time.process_time()
    prints = {a.article.id: story_print(a.article) for a in analyses}  # in an ingest, the workers' work
    timings["sitroom: story prints"] += time.process_time() - began
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "profile.duckdb"
            for first in range(0, len(analyses), per_open):
                began = time.process_time()
                with Store.open(path) as store:
                    opened = time.process_time()
                    for start in range(first, min(first + per_open, len(analyses)), INGEST_BATCH):
                        rows = [(a.article, a.sentences, a.events) for a in analyses[start:start + INGEST_BATCH]]
                        store.add_articles(rows, prints={article.id: prints[article.id] for article, _, _ in rows})
                    written = time.process_time()
                steps.add("store: open and close (checkpoint)", (opened - began) + (time.process_time() - written))
                timings["store: writes (open, add_articles, close)"] += time.process_time() - began
    finally:
        steps.restore()
    return steps


def print_steps(steps: StepTimers, documents: int) -> None:
    print(f"{'store and fusion, by step':<48}{'seconds':>9}{'calls':>8}{'ms/doc':>9}")
    for label in steps.order:
        if steps.calls[label]:
            print(f"{label:<48}{steps.seconds[label]:9.2f}{steps.calls[label]:8d}"
                  f"{1000 * steps.seconds[label] / max(documents, 1):9.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--dated", action="store_true", help="profile the dated feed of `sitroom bench`")
    parser.add_argument("--pyinstrument", action="store_true", help="also profile sitroom's stages")
    parser.add_argument("--save", type=Path, help="also save the analyses to this file (pickle)")
    parser.add_argument("--writes-only", type=Path, metavar="SAVED",
                        help="profile only the writes of analyses saved by an earlier --save")
    args = parser.parse_args()
    if args.writes_only:
        return writes_only(args.writes_only)
    options = Options()
    timings: dict[str, float] = defaultdict(float)

    began = time.process_time()
    analyzer = Analyzer(options)
    timings["load: model and knowledge"] = time.process_time() - began
    began = time.process_time()
    articles = read(args.corpus, args.limit, options)
    timings["intake: read and clean"] = time.process_time() - began
    if args.dated:
        articles = dated_feed(articles, stories(args.corpus))

    profiler = None
    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
    analyses = profile(articles, analyzer, timings)
    if profiler is not None:
        profiler.stop()
    if args.save:
        args.save.write_bytes(pickle.dumps(analyses, protocol=pickle.HIGHEST_PROTOCOL))
    steps = store_writes(analyses, timings)

    words = sum(len(a.text.split()) for a in articles)
    work = {k: v for k, v in timings.items() if not k.startswith("load")}
    total = sum(work.values())
    print(f"{len(articles)} {'dated' if args.dated else 'undated'} documents, {words} words, "
          f"{sum(len(a.events) for a in analyses)} events")
    print(f"{'stage':<32}{'seconds':>9}{'share':>8}{'ms/doc':>9}")
    for name, seconds in timings.items():
        share = f"{100 * seconds / total:7.1f}%" if name in work else "        "
        print(f"{name:<32}{seconds:9.2f}{share}{1000 * seconds / max(len(articles), 1):9.2f}")
    groups: dict[str, float] = defaultdict(float)
    for name, seconds in work.items():
        groups[name.split(":")[0]] += seconds
    print("by group: " + ", ".join(f"{k} {v:.2f} s ({100 * v / total:.1f}%)" for k, v in groups.items()))
    print()
    print_steps(steps, len(articles))
    if profiler is not None:
        print(profiler.output_text(unicode=False, color=False, show_all=False))
    return 0


def writes_only(saved: Path) -> int:
    """Profile the writes of saved analyses: the store and fusion alone, repeatably."""
    analyses: list[Analysis] = pickle.loads(saved.read_bytes())
    timings: dict[str, float] = defaultdict(float)
    wall = time.perf_counter()
    steps = store_writes(analyses, timings)
    wall = time.perf_counter() - wall
    cpu = timings["store: writes (open, add_articles, close)"]
    print(f"{len(analyses)} documents from {saved.name}, {sum(len(a.events) for a in analyses)} events: "
          f"writes {cpu:.2f} s of processor time ({1000 * cpu / max(len(analyses), 1):.2f} ms/doc), "
          f"{wall:.2f} s of wall time (commits and checkpoints wait for the disk)")
    print_steps(steps, len(analyses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
